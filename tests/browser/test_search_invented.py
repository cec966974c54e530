"""The header search over content written for this test only, typed as a reader types.

Three bundles whose words the sample content never uses (a bicycle workshop and social
laundry in Radom, an apiary and sewing room for people after a mental crisis in Tczew,
a community orchard for people living alone in Suwałki), added to the sample content
and built into a temporary folder. The queries are of the kinds issue 9 names and of
the kinds a review found open:

- a word of a description, a service's description, a canvas item or the design
  record in a form the page does not use ("pszczelarzy" for "pszczelarz");
- a verbal noun of the other aspect, or a verb's noun for its verb ("dofinansowywanie"
  for "dofinansowanie", "zatrudnienie" for "zatrudniamy");
- words without Polish letters, place names in other cases, natural queries with stop
  words, one-letter typos;
- negatives: a short shared stem is not a match ("radomiu" must not find Krosno's
  "Rady"), nor is a word that only starts like one on the page.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from searchhelpers import bundle_ids, catalogue_filter, open_search, sample_site_with, search_box
from test_search_in_browser import Query, q

from conftest import Site

pytestmark = pytest.mark.browser

RADOM = "warsztat-pralnia-radom"
TCZEW = "pasieka-szwalnia-tczew"
SUWALKI = "sad-sasiedzki-suwalki"
KROSNO = "srebrna-siec-krosno"
KONIN = "start-w-doroslosc-konin"

WARSZTAT = """\
format: 1
id: warsztat-pralnia-radom
title: "Koło i mydło – warsztat rowerowy i pralnia społeczna w Radomiu"
summary: >-
  Spółdzielnia socjalna prowadzi warsztat naprawy rowerów i pralnię społeczną, w których
  pracują długotrwale bezrobotni mężczyźni z radomskich osiedli.
description: |
  Mechanicy uczą się serwisowania rowerów miejskich, a pralnia przyjmuje pościel
  z noclegowni i hosteli. Zatrudniamy po stażu, a dofinansowanie stanowisk pracy
  pochodzi z funduszy PFRON i Funduszu Pracy.
stage: discover
territory:
  - "1463011"
facilitator: owes-konin
reviewed: 2026-11-02
canvas:
  customer_segments:
    - group: unemployed
      description: "Bezrobotni mężczyźni po czterdziestce, często po kryzysie bezdomności"
  value_proposition:
    summary: "Stała praca w warsztacie i pralni zamiast kolejnego kursu."
    services:
      - name: Warsztat rowerowy
        type: vocational_activation
        area: reintegration
        provider: owes-konin
        description: >-
          Trenerzy pracy uczą centrowania kół, wymiany łańcuchów i konserwacji hamulców
          tarczowych.
        access: "Skierowanie z powiatowego urzędu pracy."
        fee: free
  key_activities:
    - Odnawianie porzuconych rowerów z miejskich parkingów
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: "Facylitacja partnerstwa i procesu Design Thinking."
design:
  discover:
    methods:
      - Wywiady pogłębione z kierownikami noclegowni
    findings:
      - Brakuje zleceń na pranie firan dla wspólnot mieszkaniowych
"""

PASIEKA = """\
format: 1
id: pasieka-szwalnia-tczew
title: "Pszczoły i nici – pasieka i szwalnia dla osób po kryzysie psychicznym w Tczewie"
summary: >-
  Klub pracy z pasieką na dachu i szwalnią, w której osoby po hospitalizacji
  psychiatrycznej wracają do rytmu dnia.
description: |
  Pszczelarz-instruktor prowadzi zajęcia przy ulach, a krawcowa uczy szycia na
  maszynach przemysłowych. Usamodzielnianie uczestników trwa do dwóch lat.
stage: discover
territory:
  - "2214011"
facilitator: owes-konin
reviewed: 2026-11-02
canvas:
  customer_segments:
    - group: mental_health
      description: "Dorośli po epizodzie psychotycznym, po wypisie ze szpitala"
  key_resources:
    - Miodarka, odsklepiacz i dwanaście uli wielkopolskich
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: "Facylitacja partnerstwa i procesu Design Thinking."
design:
  discover:
    methods:
      - Dzienniczki nastroju prowadzone przez uczestników
    findings:
      - Uczestnicy najbardziej cenią sobie wspólne miodobranie
"""

SAD = """\
format: 1
id: sad-sasiedzki-suwalki
title: "Sad sąsiedzki – wspólny ogród owocowy dla osób samotnych w Suwałkach"
summary: >-
  Ogród z jabłoniami i grządkami warzywnymi, w którym samotnie mieszkający sąsiedzi
  spotykają się przy pielęgnacji drzew i przetworach.
description: |
  Raz w tygodniu odbywa się tłoczenie soku z jabłek, a zimą warsztaty kiszenia kapusty.
  Ogrodnik-wolontariusz dba o szczepienie starych odmian.
stage: discover
territory:
  - "2063011"
facilitator: owes-konin
reviewed: 2026-11-02
canvas:
  customer_segments:
    - group: persons_living_alone
      description: "Osoby owdowiałe i samotne, które rzadko wychodzą z domu"
  channels:
    - Ogłoszenia w parafiach i na klatkach schodowych
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: "Facylitacja partnerstwa i procesu Design Thinking."
design:
  discover:
    methods:
      - Spacery badawcze po osiedlu
    findings:
      - Samotni mężczyźni przychodzą chętniej do pracy fizycznej niż na spotkania
"""

INVENTED = {RADOM: WARSZTAT, TCZEW: PASIEKA, SUWALKI: SAD}

#: (query, must find, must not find, first): each typed into the header's search box.
QUERIES: list[Query] = [
    # A word of the running text in a form the page does not use.
    q("pszczelarzy", {TCZEW}, {RADOM, SUWALKI}, first=TCZEW),
    q("pszczelarzem", {TCZEW}, first=TCZEW),
    q("krawcowej", {TCZEW}, {RADOM}, first=TCZEW),
    q("noclegowniach", {RADOM}, {TCZEW, SUWALKI}),
    q("hostelu", {RADOM}, first=RADOM),
    q("kapuście", {SUWALKI}, {RADOM, TCZEW}, first=SUWALKI),
    q("jabłoni", {SUWALKI}, first=SUWALKI),
    q("odmianami", {SUWALKI}, first=SUWALKI),
    # A service's description and the canvas items.
    q("hamulce tarczowe", {RADOM}, first=RADOM),
    q("łańcuch", {RADOM}, {TCZEW, SUWALKI}, first=RADOM),
    q("miodarki", {TCZEW}, first=TCZEW),
    q("odsklepiaczem", {TCZEW}, {SUWALKI}, first=TCZEW),
    q("ulami", {TCZEW}, {SUWALKI}, first=TCZEW),
    q("parafii", {SUWALKI}, {RADOM, TCZEW}),
    # The design record.
    q("firany", {RADOM}, first=RADOM),
    q("miodobrania", {TCZEW}, first=TCZEW),
    q("dzienniczek nastroju", {TCZEW}, first=TCZEW),
    # A verbal noun of the other aspect, a verb's noun for its verb.
    q("dofinansowywanie", {RADOM}, {TCZEW, SUWALKI}),
    q("zatrudnienie bezrobotnych", {RADOM}, {TCZEW, SUWALKI}),
    q("odnowienie rowerów", {RADOM}, first=RADOM),
    q("usamodzielnienie uczestników", {TCZEW}, {RADOM}, first=TCZEW),
    q("szczepienia drzew", {SUWALKI}, first=SUWALKI),
    q("kiszenie", {SUWALKI}, first=SUWALKI),
    # Without Polish letters.
    q("mezczyzni", {RADOM, SUWALKI}, {TCZEW}),
    q("pszczoly", {TCZEW}, first=TCZEW),
    q("szwalni", {TCZEW}, first=TCZEW),
    q("tloczenie soku", {SUWALKI}, first=SUWALKI),
    q("lancuchow", {RADOM}, first=RADOM),
    # Place names in other cases, with and without Polish letters.
    q("Radomiu", {RADOM}, {KROSNO}, first=RADOM),
    q("radomia", {RADOM}, {KROSNO}, first=RADOM),
    q("Tczewie", {TCZEW}, first=TCZEW),
    q("tczewa", {TCZEW}, first=TCZEW),
    q("Suwałkach", {SUWALKI}, first=SUWALKI),
    q("suwalk", {SUWALKI}, first=SUWALKI),
    # Natural queries with stop words.
    q("naprawa rowerów dla bezrobotnych", {RADOM}, {TCZEW, SUWALKI}, first=RADOM),
    q("gdzie jest pralnia w Radomiu", {RADOM}, {KROSNO, TCZEW}, first=RADOM),
    q("praca dla osób po kryzysie psychicznym", {TCZEW}, {RADOM, SUWALKI}),
    q("ogród dla samotnych", {SUWALKI}, {RADOM}, first=SUWALKI),
    q("szycie na maszynach", {TCZEW}, first=TCZEW),
    # Typos.
    q("pszczelaży", {TCZEW}, first=TCZEW),
    q("rowerowu", {RADOM}, first=RADOM),
    # Negatives: a short shared stem, a word that only starts like one on the page.
    q("radomiu", {RADOM}, {KROSNO}),
    q("radość", nothing=True),
    # A word no page holds is left out beside a place that is found.
    q("rowerzysta Gdańsk", {"klucz-do-domu-gdansk"}, {RADOM}),
    q("sadownictwo", nothing=True),
    q("pszenica", nothing=True),
]


@pytest.fixture(scope="module")
def invented_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = sample_site_with(INVENTED, tmp_path_factory.mktemp("invented"))
    yield site
    site.stop()


def test_invented_content_in_the_header_search(page, invented_site) -> None:
    assert len(QUERIES) >= 40
    page.goto(invented_site.url(""))
    open_search(page)
    failures = []
    for query in QUERIES:
        results = search_box(page, query.text)
        found = bundle_ids(results)
        if query.nothing:
            if results:
                failures.append(f"{query.text!r}: expected nothing, got {found}")
            continue
        if missing := query.must - set(found):
            failures.append(f"{query.text!r}: missing {sorted(missing)} in {found}")
        if wrong := query.must_not & set(found):
            failures.append(f"{query.text!r}: must not find {sorted(wrong)} in {found}")
        if query.first and found[:1] != [query.first]:
            failures.append(f"{query.text!r}: first should be {query.first}, got {found[:3]}")
    assert not failures, f"{len(failures)} of {len(QUERIES)} queries failed:\n" + "\n".join(failures)


def test_the_catalogue_filter_finds_the_other_aspect_and_refuses_a_short_stem(page, invented_site) -> None:
    page.goto(invented_site.url("wiazki/"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert RADOM in catalogue_filter(page, "dofinansowywanie")
    assert {KONIN, TCZEW} <= set(catalogue_filter(page, "usamodzielnianie"))
    assert catalogue_filter(page, "miodobrania") == [TCZEW]
    # A word on few bundles is checked on each: a short stem joins no different words.
    assert catalogue_filter(page, "radomiu") == [RADOM]
    assert catalogue_filter(page, "radość") == []
