"""Queries a member of the public would type, over bundles the search was not tuned for.

The sample content plus seven bundles written by this test (public_queries_content.py:
a beekeeping social cooperative in Koło, a repair café in Brzeg, a neighbourhood
larder in Puławy, a sewing workshop in Góra, transport for wheelchair users in
Zgierz, respite care in Łask, legal advice for debtors in Radom), built with MkDocs
into a temporary folder. Each query is typed key by key, as on a phone: without Polish
letters, in other inflected forms, as a word derived from the page's word
("pszczelarstwo" for "pszczelarz", "odnowa" for "odnawianie", "kiszonki" for
"kiszenie"), with stop words, with a place in another case. Each names the bundles
that must and must not be found, and for some the first result; the header search
and the catalogue's text filter must agree (the catalogue requires every word, so its
queries here have only words that some page holds).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from public_queries_content import BUNDLES
from searchhelpers import bundle_ids, catalogue_filter, open_search, sample_site_with, search_box

from conftest import Site

KOLO, BRZEG, PULAWY = "miodowy-ul-kolo", "kawiarnia-napraw-brzeg", "spizarnia-sasiedzka-pulawy"
GORA, ZGIERZ, LASK, RADOM = (
    "pracownia-krawiecka-gora",
    "dowoz-na-wozku-zgierz",
    "chwila-wytchnienia-lask",
    "porada-dla-dluznikow-radom",
)
KROSNO = "srebrna-siec-krosno"  # the sample's bundle whose page says "Rada Seniorów"

#: (query, bundles it must find, bundles it must not find, the first bundle or None).
QUERIES: list[tuple[str, list[str], list[str], str | None]] = [
    # Words derived from the page's words (another lemma, the same family).
    ("pszczelarstwo", [KOLO], [], KOLO),
    ("pszczoly", [KOLO], [], KOLO),
    ("krawiectwo", [GORA], [], GORA),
    ("odnowa mebli", [BRZEG], [], BRZEG),
    ("kiszonki", [PULAWY], [], PULAWY),
    ("reperacja", [BRZEG], [], BRZEG),
    ("swieczki", [KOLO], [], KOLO),
    ("odpoczynek dla rodziny", [LASK], [], None),
    # Participles for the page's verbal nouns, other forms, no Polish letters.
    ("kiszona kapusta", [PULAWY], [], PULAWY),
    ("suszone owoce", [PULAWY], [], PULAWY),
    ("pasieka", [KOLO], [], KOLO),
    ("praca w pasiece", [KOLO], [], KOLO),
    ("naprawa rowerow", [BRZEG], [], BRZEG),
    ("przetwory na zime", [PULAWY], [], PULAWY),
    ("sloiki", [PULAWY], [], PULAWY),
    ("przerobki ubran", [GORA], [], GORA),
    ("krawcowa", [GORA], [], GORA),
    ("wozek inwalidzki", [ZGIERZ], [], ZGIERZ),
    ("przewoz osob na wozkach", [ZGIERZ], [], ZGIERZ),
    ("dowozenie do lekarza", [ZGIERZ], [], None),
    ("bus z winda", [ZGIERZ], [], ZGIERZ),
    ("opieka wytchnieniowa", [LASK], [], None),
    ("wytchnienie dla opiekunow", [LASK], [], None),
    ("demencja", [LASK], [], None),
    ("zadluzenie", [RADOM], [], RADOM),
    ("pomoc dla dluznikow", [RADOM], [], RADOM),
    ("komornik", [RADOM], [], RADOM),
    ("porada prawna", [RADOM], [], RADOM),
    ("upadlosc konsumencka", [RADOM], [], RADOM),
    ("splata dlugow", [RADOM], [], RADOM),
    # Places in other cases, also names that are common words (koło, góra, brzeg, radom).
    ("w kole", [KOLO], [], KOLO),
    ("kolo", [KOLO], [], KOLO),
    ("w pulawach", [PULAWY], [], PULAWY),
    ("w gorze", [GORA], [], GORA),
    ("ze zgierza", [ZGIERZ], [], ZGIERZ),
    ("w lasku", [LASK], [], LASK),
    ("w brzegu", [BRZEG], [], BRZEG),
    ("radom", [RADOM], [KROSNO], RADOM),
    ("w radomiu", [RADOM], [KROSNO], RADOM),
    # Negatives: another word with the same start, a form of a homonym, a generated form.
    ("rada", [], [RADOM], None),
    ("radosc", [], [RADOM], None),
    ("kolonie", [], [KOLO], None),
    ("kolano", [], [KOLO], None),
    ("szyby", [], [GORA], None),
    ("pasta", [], [PULAWY], None),
    ("gorzki", [], [GORA], None),
    ("dlugopis", [], [RADOM], None),
    ("lasy", [], [LASK], None),
    ("brzydki", [], [BRZEG], None),
    ("pulapka", [], [PULAWY], None),
]


@pytest.fixture(scope="module")
def public_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = sample_site_with(BUNDLES, tmp_path_factory.mktemp("public"))
    yield site
    site.stop()


def _faults(query: str, ids: list[str], must: list[str], must_not: list[str], first: str | None) -> list[str]:
    faults = [f"{query!r} misses {m}" for m in must if m not in ids]
    faults += [f"{query!r} finds {m}" for m in must_not if m in ids]
    if first and ids[:1] != [first]:
        faults.append(f"{query!r} first is {ids[:1]}, not {first}")
    return faults


def test_the_header_search_answers_the_public(page: Any, public_site: Site) -> None:
    page.goto(public_site.url(""))
    open_search(page)
    faults: list[str] = []
    for query, must, must_not, first in QUERIES:
        faults += _faults(query, bundle_ids(search_box(page, query)), must, must_not, first)
    assert not faults, "\n".join(faults)


def test_the_catalogue_filter_answers_the_same(page: Any, public_site: Site) -> None:
    page.goto(public_site.url("wiazki/"))
    faults: list[str] = []
    for query, must, must_not, _first in QUERIES:
        faults += _faults(query, catalogue_filter(page, query), must, must_not, None)
    assert not faults, "\n".join(faults)
