"""The site's search over content its authors did not tune it for, typed as a reader types.

The sample content plus two bundles written for this test (a soup kitchen in
Wołomin, carers of people with dementia in Zduńska Wola), built into a temporary
folder: a word that only the summary holds, in a form the page
does not use ("opiekunki" for "opiekunek", "pustostany" for "pustostanów"), must
find its bundle; a short word must not find a longer, different word that merely
starts with it ("wola" is not "wolontariuszy"); a natural query with a word that
no page holds ("gdzie zjeść posiłek") still finds the bundles for its other words
and says which word it left out (the catalogue, which cannot say so, requires every
word); a partner is found by its NIP and KRS.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from searchhelpers import bundle_ids, catalogue_filter, open_search, sample_site_with, search_box

from conftest import Site

pytestmark = pytest.mark.browser

WOLOMIN = """\
format: 1
id: cieply-kat-wolomin
title: "Ciepły kąt – jadłodajnia i łaźnia dla osób w kryzysie bezdomności w Wołominie"
summary: >-
  Jadłodajnia z gorącą zupą, łaźnia i pralnia oraz paczki żywnościowe dla osób
  bezdomnych z pustostanów i działek Wołomina i okolic.
description: |
  Noclegownia zimą, a przez cały rok jadłodajnia prowadzona przez wolontariuszy.
  Streetworkerzy docierają do pustostanów i działek.
stage: discover
territory:
  - "1434123"
facilitator: owes-konin
reviewed: 2026-11-02
canvas:
  customer_segments:
    - group: homeless
      description: "Osoby w kryzysie bezdomności"
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: "Facylitacja partnerstwa i procesu Design Thinking."
design:
  discover:
    methods: []
    findings: []
"""

ZDUNSKA_WOLA = """\
format: 1
id: sasiedzka-przerwa-zdunska-wola
title: "Sąsiedzka przerwa – wsparcie opiekunów osób z demencją w Zduńskiej Woli"
summary: >-
  Dzienny dom pobytu dla osób z demencją i chorobą Alzheimera oraz grupa wsparcia
  dla ich opiekunek i opiekunów w Zduńskiej Woli.
stage: discover
territory:
  - "1019011"
facilitator: owes-konin
reviewed: 2026-11-02
canvas:
  customer_segments:
    - group: informal_carers
      description: "Opiekunowie faktyczni"
  key_partners:
    - partner: owes-konin
      role: facilitator
      contribution: "Facylitacja partnerstwa i procesu Design Thinking."
design:
  discover:
    methods: []
    findings: []
"""


@pytest.fixture(scope="module")
def unseen_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    site = sample_site_with(
        {"cieply-kat-wolomin": WOLOMIN, "sasiedzka-przerwa-zdunska-wola": ZDUNSKA_WOLA},
        tmp_path_factory.mktemp("unseen"),
    )
    yield site
    site.stop()


def _header(page: Any, site: Site, queries: list[str]) -> dict[str, list[dict[str, str]]]:
    page.goto(site.url(""))
    open_search(page)
    return {query: search_box(page, query) for query in queries}


def test_words_of_the_summary_in_other_forms(page, unseen_site) -> None:
    found = _header(page, unseen_site, ["opiekunki", "pustostany", "gorącej zupy", "Wołominie", "zdunskiej woli"])
    assert "sasiedzka-przerwa-zdunska-wola" in bundle_ids(found["opiekunki"])
    assert bundle_ids(found["pustostany"])[:1] == ["cieply-kat-wolomin"]
    assert bundle_ids(found["gorącej zupy"])[:1] == ["cieply-kat-wolomin"]
    assert bundle_ids(found["Wołominie"]) == ["cieply-kat-wolomin"]
    assert bundle_ids(found["zdunskiej woli"]) == ["sasiedzka-przerwa-zdunska-wola"]


def test_a_short_word_is_not_the_start_of_a_longer_one(page, real_site, unseen_site) -> None:
    # The sample site has no "Wola": "wola" must not find "wolontariuszy", "wolny", "wolność".
    assert _header(page, real_site, ["wola"])["wola"] == []
    # With Zduńska Wola in the catalogue, "wola" finds it and not Wołomin ("wolomin" starts with "wol").
    assert bundle_ids(_header(page, unseen_site, ["wola"])["wola"]) == ["sasiedzka-przerwa-zdunska-wola"]


def test_a_word_no_page_holds_is_left_out_and_named(page, real_site) -> None:
    found = _header(page, real_site, ["gdzie zjeść posiłek", "ciepły posiłek xyzzy"])
    for query in found:
        ids = bundle_ids(found[query])
        assert "klucz-do-domu-gdansk" in ids and "powrot-olsztyn" not in ids, (query, ids)
    status = page.inner_text("#wiazki-search-status")
    assert "xyzzy" in status and "Znaleziono" in status
    # One word alone that matches nothing still finds nothing; nor does a place no page
    # names, written with a capital or after "w": not every "pomoc" or "mieszkanie" elsewhere.
    for query in ["zjeść", "pomoc w Szczecinie", "mieszkanie szczecin w Olkuszu", "mieszkanie Olkusz"]:
        assert _header(page, real_site, [query])[query] == [], query
    assert "klucz-do-domu-gdansk" in bundle_ids(
        _header(page, real_site, ["Gdzie zjeść posiłek"])["Gdzie zjeść posiłek"]
    )


def test_the_catalogue_requires_every_word(page, real_site) -> None:
    # Its filter cannot say that a word was left out: a word no bundle holds empties it.
    page.goto(real_site.url("wiazki/"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert catalogue_filter(page, "gdzie zjeść posiłek") == []
    assert "klucz-do-domu-gdansk" in catalogue_filter(page, "gdzie ciepły posiłek")


def test_a_partner_is_found_by_its_nip_and_krs(page, real_site) -> None:
    found = _header(page, real_site, ["5841113544", "0000433512", "584-111-35-44"])
    for query, results in found.items():
        partners = [r["href"] for r in results if r["kind"] == "Partner"]
        assert partners[:1] and partners[0].endswith("/partnerzy/bursztynowa-zatoka/"), (query, partners)


def test_a_query_of_stop_words_only_answers_for_that_query(page, real_site) -> None:
    # "w" then "wrocławiu": the answer to "w" (only a preposition) must not pass for the answer
    # to the whole query; the dialog marks which query its status answers.
    page.goto(real_site.url(""))
    open_search(page)
    assert search_box(page, "w") == []
    assert page.locator(".wiazki-search__results").get_attribute("data-query") == "w"
    assert search_box(page, "astronomia") == []
    assert page.inner_text("#wiazki-search-status").startswith("Brak wyników")


def test_a_word_with_one_letter_wrong_finds_what_the_right_word_finds(page, real_site) -> None:
    found = _header(page, real_site, ["senorów", "teleopeka", "opieka nad senorem", "Krakwie", "xyzzyzz"])
    assert set(bundle_ids(found["senorów"])) >= {"senior-u-siebie-kramsk", "srebrna-siec-krosno"}
    assert bundle_ids(found["teleopeka"])[:1] == ["senior-u-siebie-kramsk"]
    assert bundle_ids(found["opieka nad senorem"])[:1] == ["senior-u-siebie-kramsk"]
    assert bundle_ids(found["Krakwie"])[:1] == ["most-do-codziennosci-nowa-huta"]
    assert found["xyzzyzz"] == []
    # The corrected word is marked in the snippet, and the status names the correction.
    search_box(page, "teleopeka")
    assert page.locator(".wiazki-search__snippet mark").count() > 0
    assert "teleopeka → teleopieka" in page.inner_text("#wiazki-search-status")
    page.goto(real_site.url("wiazki/"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert sorted(catalogue_filter(page, "senorów")) == ["senior-u-siebie-kramsk", "srebrna-siec-krosno"]
