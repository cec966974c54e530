"""The site's search over the sample content, typed as a reader types, in Chromium.

Each query lists the bundles it must find, those it must not find and, for some,
the bundle that must come first. The queries are the kinds people type: inflected
forms that are not on the page ("seniorów", "Koninie"), words without Polish
letters ("niepelnosprawnych", "elk"), natural multi-word queries with stop words
("pomoc dla opiekunów"), place names in other cases, and negatives. Material's
lunr search (before issue 9) failed most of them; the catalogue's old text filter
found nothing for "opieka nad seniorem" and matched "dzieci" to "dziennie".
"""

from __future__ import annotations

from typing import NamedTuple

import pytest
from axehelpers import axe_violations, readable
from searchhelpers import bundle_ids, catalogue_filter, open_search, search_box

pytestmark = pytest.mark.browser

SENIORS = {"senior-u-siebie-kramsk", "srebrna-siec-krosno"}
#: Bundles that say "dziennie" or "dzień" but never "dzieci" (the old filter's false matches).
DAILY_ONLY = {
    "senior-u-siebie-kramsk",
    "most-do-codziennosci-nowa-huta",
    "chwila-dla-opiekuna-nowy-targ",
    "aktywni-na-roztoczu",
}
CHILDREN = {"krok-dalej-sanok", "mocna-rodzina-elk", "rodzina-w-centrum-koscierzyna", "wspolne-miasto-lublin"}


class Query(NamedTuple):
    text: str
    must: frozenset[str] = frozenset()
    must_not: frozenset[str] = frozenset()
    first: str | None = None
    #: True: no result of any kind.
    nothing: bool = False


def q(text: str, must=(), must_not=(), first=None, nothing=False) -> Query:
    return Query(text, frozenset(must), frozenset(must_not), first, nothing)


QUERIES = [
    # Inflected forms the pages do not use (genitive plural in -ów, dative, instrumental).
    q("seniorów", SENIORS, {"klucz-do-domu-gdansk", "powrot-olsztyn", "krok-dalej-sanok"}),
    q("seniorom", SENIORS, {"klucz-do-domu-gdansk", "mocna-rodzina-elk"}),
    q("samotnych seniorów", {"srebrna-siec-krosno"}, {"klucz-do-domu-gdansk"}, first="srebrna-siec-krosno"),
    q("teleopieka", {"senior-u-siebie-kramsk"}, {"powrot-olsztyn"}, first="senior-u-siebie-kramsk"),
    q("niepełnosprawność", {"aktywni-na-roztoczu", "krok-dalej-sanok"}, {"klucz-do-domu-gdansk", "powrot-olsztyn"}),
    q("uchodźców", {"wspolne-miasto-lublin"}, {"senior-u-siebie-kramsk"}, first="wspolne-miasto-lublin"),
    q("cudzoziemcy", {"wspolne-miasto-lublin"}, first="wspolne-miasto-lublin"),
    q("usamodzielnienie", {"start-w-doroslosc-konin"}, first="start-w-doroslosc-konin"),
    # Without Polish letters.
    q("niepelnosprawnych", {"aktywni-na-roztoczu", "krok-dalej-sanok"}, {"klucz-do-domu-gdansk", "powrot-olsztyn"}),
    # Not "klucz-do-domu-gdansk": it says "z opiekunem stanowiska", a form of the same word.
    q("opiekunow", {"chwila-dla-opiekuna-nowy-targ"}, {"most-do-codziennosci-nowa-huta", "aktywni-na-roztoczu"}),
    q("bezdomnosc", {"klucz-do-domu-gdansk"}, {"senior-u-siebie-kramsk"}, first="klucz-do-domu-gdansk"),
    q("swietlica", {"senior-u-siebie-kramsk"}, {"klucz-do-domu-gdansk"}),
    q("zaklad karny", {"powrot-olsztyn"}, first="powrot-olsztyn"),
    # Natural queries with stop words.
    q(
        "opieka nad seniorem",
        {"senior-u-siebie-kramsk"},
        {"powrot-olsztyn", "klucz-do-domu-gdansk"},
        first="senior-u-siebie-kramsk",
    ),
    q(
        "pomoc dla opiekunów",
        {"chwila-dla-opiekuna-nowy-targ"},
        {"most-do-codziennosci-nowa-huta", "aktywni-na-roztoczu"},
        first="chwila-dla-opiekuna-nowy-targ",
    ),
    q("mieszkanie dla bezdomnych", {"klucz-do-domu-gdansk"}, {"senior-u-siebie-kramsk"}, first="klucz-do-domu-gdansk"),
    q("dom dla bezdomnych", {"klucz-do-domu-gdansk"}, first="klucz-do-domu-gdansk"),
    q("po wyjściu z więzienia", {"powrot-olsztyn"}, {"senior-u-siebie-kramsk"}, first="powrot-olsztyn"),
    q(
        "wychowankowie pieczy zastępczej",
        {"start-w-doroslosc-konin"},
        {"senior-u-siebie-kramsk"},
        first="start-w-doroslosc-konin",
    ),
    q(
        "kryzys psychiczny",
        {"most-do-codziennosci-nowa-huta"},
        {"senior-u-siebie-kramsk"},
        first="most-do-codziennosci-nowa-huta",
    ),
    q("osoby starsze", SENIORS, {"krok-dalej-sanok", "mocna-rodzina-elk"}),
    # Place names in other cases, with and without Polish letters.
    q("Koninie", {"start-w-doroslosc-konin"}, {"klucz-do-domu-gdansk"}, first="start-w-doroslosc-konin"),
    q(
        "w Krakowie",
        {"most-do-codziennosci-nowa-huta"},
        {"senior-u-siebie-kramsk"},
        first="most-do-codziennosci-nowa-huta",
    ),
    q("Krakowa", {"most-do-codziennosci-nowa-huta"}, first="most-do-codziennosci-nowa-huta"),
    q("gdansk", {"klucz-do-domu-gdansk"}, {"senior-u-siebie-kramsk"}, first="klucz-do-domu-gdansk"),
    q("Ełku", {"mocna-rodzina-elk"}, {"senior-u-siebie-kramsk"}, first="mocna-rodzina-elk"),
    q("elk", {"mocna-rodzina-elk"}, first="mocna-rodzina-elk"),
    q("bilgoraj", {"aktywni-na-roztoczu"}, {"senior-u-siebie-kramsk"}),
    q(
        "Nowym Targu",
        {"chwila-dla-opiekuna-nowy-targ"},
        {"senior-u-siebie-kramsk"},
        first="chwila-dla-opiekuna-nowy-targ",
    ),
    q("Olsztynie", {"powrot-olsztyn"}, first="powrot-olsztyn"),
    q("kramsku", {"senior-u-siebie-kramsk"}, first="senior-u-siebie-kramsk"),
    q("Sanoku", {"krok-dalej-sanok"}, first="krok-dalej-sanok"),
    q("koscierzyny", {"rodzina-w-centrum-koscierzyna"}, first="rodzina-w-centrum-koscierzyna"),
    # No page holds every word: the pages with the most of them ("domu dziecka" is on no
    # page; the status says so). A place named in the query still narrows.
    q("wychowankowie domu dziecka", {"start-w-doroslosc-konin"}, first="start-w-doroslosc-konin"),
    q("opieka nad seniorem w Gdańsku", must_not=SENIORS),
    # A catalogue's place names it wherever it stands, capitalised or not.
    q("Gdańsk opieka dla seniorów", {"klucz-do-domu-gdansk"}, SENIORS, first="klucz-do-domu-gdansk"),
    q("opieka dla seniorów lublin", {"wspolne-miasto-lublin"}, SENIORS, first="wspolne-miasto-lublin"),
    # No page holds both words: the place's own pages (its bundle, its social services office).
    q("Ełk seniorzy", {"mocna-rodzina-elk"}, SENIORS, first="mocna-rodzina-elk"),
    q("seniorzy w Ełku", {"mocna-rodzina-elk"}, SENIORS, first="mocna-rodzina-elk"),
    # A place corrected for a typo is still the place named ("Lubinie" → "Lublinie"); a
    # bundle comes before a partner; the field reference (every label) is no result.
    q("seniorzy w Lubinie", must_not=SENIORS),
    q("opieka dla seniorów w Sanoku", {"krok-dalej-sanok"}, SENIORS, first="krok-dalej-sanok"),
    q("opieka wytchnieniowa dla opiekunów seniorów", {"chwila-dla-opiekuna-nowy-targ"}),
    # Negatives: a word is not a different word that shares its start.
    q("dzieci", CHILDREN, DAILY_ONLY),
    q("Wrocławiu", nothing=True),
    q("szczecin", nothing=True),
    q("wolomin", nothing=True),
    q("astronomia", nothing=True),
    q("xyzzy", nothing=True),
]

CATALOGUE_QUERIES = [
    q("seniorów", SENIORS, {"klucz-do-domu-gdansk", "powrot-olsztyn"}),
    q("opieka nad seniorem", {"senior-u-siebie-kramsk"}, {"powrot-olsztyn"}),
    q("pomoc dla opiekunów", {"chwila-dla-opiekuna-nowy-targ"}, {"most-do-codziennosci-nowa-huta"}),
    q("mieszkanie dla bezdomnych", {"klucz-do-domu-gdansk"}, {"senior-u-siebie-kramsk"}),
    q("dzieci", CHILDREN, DAILY_ONLY),
    q("niepelnosprawnych", {"aktywni-na-roztoczu", "krok-dalej-sanok"}, {"powrot-olsztyn"}),
    q("Koninie", {"start-w-doroslosc-konin"}, {"klucz-do-domu-gdansk"}),
    q("elk", {"mocna-rodzina-elk"}, {"senior-u-siebie-kramsk"}),
    q("wrocław", nothing=True),
]


@pytest.fixture
def search_page(page, real_site):
    page.goto(real_site.url(""))
    open_search(page)
    return page


def _check(query: Query, found: list[str], anything: bool) -> None:
    if query.nothing:
        assert not anything, (query.text, found)
        return
    assert query.must <= set(found), (query.text, "missing", query.must - set(found), found)
    assert not query.must_not & set(found), (query.text, "must not find", query.must_not & set(found))
    if query.first:
        assert found and found[0] == query.first, (query.text, found)


def test_queries_in_the_header_search(search_page) -> None:
    assert len(QUERIES) >= 30
    failures = []
    for query in QUERIES:
        results = search_box(search_page, query.text)
        try:
            _check(query, bundle_ids(results), bool(results))
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n".join(failures)


def test_queries_in_the_catalogue_filter(page, real_site) -> None:
    page.goto(real_site.url("wiazki/"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    failures = []
    for query in CATALOGUE_QUERIES:
        shown = catalogue_filter(page, query.text)
        try:
            _check(query, shown, bool(shown))
        except AssertionError as failure:
            failures.append(str(failure))
    assert not failures, "\n".join(failures)


def test_catalogue_text_combines_with_facets_and_lives_in_the_url(page, real_site) -> None:
    page.goto(real_site.url("wiazki/?group=children_with_disabilities"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    shown = catalogue_filter(page, "dzieci")
    assert shown == ["krok-dalej-sanok"]
    assert "text=dzieci" in page.url and "group=children_with_disabilities" in page.url
    # Stop words alone set no text condition: the facet's bundles stay.
    assert catalogue_filter(page, "dla") == ["krok-dalej-sanok"]


def test_a_result_shows_kind_title_facts_and_a_spaced_snippet(search_page, real_site) -> None:
    results = search_box(search_page, "seniorów")
    first = results[0]
    assert first["kind"] == "Wiązka" and first["href"].startswith(real_site.url("wiazki/"))
    assert first["facts"].startswith("Etap: ") and "Obszar: " in first["facts"]
    kinds = [r["kind"] for r in results]
    assert "Partner" in kinds and kinds.index("Partner") > kinds.index("Wiązka")
    for result in results:
        # Fields are separated ("Etap: Dostępna", never "EtapDostępna"); the index-only forms never show.
        assert "¦" not in result["snippet"] and "EtapDost" not in result["snippet"]
    assert search_page.locator(".wiazki-search__snippet mark").count() > 0
    assert search_page.inner_text("#wiazki-search-status").startswith("Znaleziono")


def test_keyboard_opens_moves_through_results_and_follows_one(page, real_site) -> None:
    page.goto(real_site.url("partnerzy/"))
    page.locator("body").press("Control+k")
    page.wait_for_selector("dialog.wiazki-search[open]")
    assert page.evaluate("document.activeElement.id") == "wiazki-search-input"
    results = search_box(page, "teleopieka")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == results[0]["href"]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "wiazki-search-input"
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.wiazki-search:not([open])", state="attached")
    page.keyboard.press("Control+k")
    page.wait_for_selector("dialog.wiazki-search[open]")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(results[0]["href"])
    # Material's instant navigation swapped the page: the button and the search still work.
    assert page.locator(".wiazki-search-open").count() == 1
    open_search(page)
    assert bundle_ids(search_box(page, "Koninie"))[0] == "start-w-doroslosc-konin"


def test_a_page_opened_from_a_file_explains_in_polish(browser, real_site) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto((real_site.root / "index.html").as_uri())
        open_search(page)
        page.wait_for_function("() => document.getElementById('wiazki-search-status').textContent.length > 0")
        assert "z pliku" in page.inner_text("#wiazki-search-status")
        page.goto((real_site.root / "wiazki" / "index.html").as_uri())
        page.wait_for_selector("#wiazki-filters:not([hidden])")
        page.locator("#wiazki-q").press_sequentially("seniorzy")
        page.wait_for_selector(".wiazki-engine-note")
        # Without the engine every card that matches the word's start stays listed.
        assert page.locator(".wiazki-card:not([hidden])").count() >= 1
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_search_open_with_results_has_no_axe_violations(make_page, real_site, axe_source, width: int) -> None:
    page = make_page(viewport={"width": width, "height": 800})
    page.goto(real_site.url("wiazki/"))
    open_search(page)
    assert search_box(page, "seniorów")
    violations = axe_violations(page, axe_source)
    assert not violations, readable(violations)


def test_without_a_page_holding_every_word_the_status_says_only_some_are_found(search_page) -> None:
    results = search_box(search_page, "wychowankowie domu dziecka")
    assert bundle_ids(results)[:1] == ["start-w-doroslosc-konin"]
    status = search_page.inner_text("#wiazki-search-status")
    assert "Żadna strona nie zawiera wszystkich słów" in status, status
    assert "te zawierają część z nich" in status
    # A place named still narrows: Gdańsk's bundle first, then Gdańsk's partners.
    results = search_box(search_page, "opieka nad seniorem w Gdańsku")
    assert bundle_ids(results) == ["klucz-do-domu-gdansk"] and len(results) > 1
    assert "te zawierają część z nich" in search_page.inner_text("#wiazki-search-status")
    search_box(search_page, "wychowankowie pieczy zastępczej")
    assert "wszystkich słów" not in search_page.inner_text("#wiazki-search-status")
