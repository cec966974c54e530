"""Typing fast into the site's search shows the answer to the final text, never an earlier one.

A person types key by key, faster than a search answers, corrects a word, and opens the
search on a page reached by Material's instant navigation; the site is served under its
site_url sub-path (/wiazki/). Each answer for a prefix ("s", "se", …) may arrive after a
later one: what is shown at the end must be what the final text finds when typed slowly.
"""

from __future__ import annotations

from typing import Any

from searchhelpers import RESULTS_JS, catalogue_filter, open_search, search_box

from conftest import Site

#: Milliseconds between keys: faster than the search answers (its debounce is 120 ms).
FAST = 5


def _settled(page: Any, query: str) -> list[dict[str, str]]:
    """The results once the dialog says it answers `query` and nothing changes for a while."""
    page.wait_for_function(
        "q => document.querySelector('.wiazki-search__results').getAttribute('data-query') === q", arg=query
    )
    page.wait_for_timeout(1500)  # an earlier, slower answer would land here
    assert page.locator(".wiazki-search__results").get_attribute("data-query") == query
    return page.evaluate(RESULTS_JS)


def test_fast_typing_after_instant_navigation_shows_the_final_query(page: Any, real_site: Site) -> None:
    page.goto(real_site.url(""))
    open_search(page)
    expected = {q: search_box(page, q) for q in ["opieka nad seniorem", "bezdomnych", "niepelnosprawnych"]}
    assert all(expected.values())
    page.keyboard.press("Escape")
    # Instant navigation (no page load): the header's "Wiązki" link, under /wiazki/.
    page.evaluate("() => { window.__sameDocument = true; }")
    page.locator("a[href$='/wiazki/wiazki/']:visible").first.click()
    page.wait_for_url("**/wiazki/wiazki/")
    assert page.evaluate("() => window.__sameDocument === true"), "the click loaded a new page"
    open_search(page)
    field = page.locator("#wiazki-search-input")
    for query in expected:
        field.fill("")
        field.press_sequentially(query, delay=FAST)
        assert _settled(page, query) == expected[query], query
    # A word typed, then replaced at once: the answer is for the replacement.
    field.fill("")
    field.press_sequentially("seniorów", delay=FAST)
    field.press("Control+a")
    field.press_sequentially("bezdomnych", delay=FAST)
    assert _settled(page, "bezdomnych") == expected["bezdomnych"]


def test_fast_typing_in_the_catalogue_shows_the_final_query(page: Any, real_site: Site) -> None:
    page.goto(real_site.url("wiazki/"))
    expected = {q: catalogue_filter(page, q) for q in ["dzieci", "seniorow"]}
    assert expected["dzieci"] != expected["seniorow"]
    field = page.locator("#wiazki-q")
    field.fill("")
    field.press_sequentially("dzieci", delay=FAST)
    field.press("Control+a")
    field.press_sequentially("seniorow", delay=FAST)
    page.wait_for_function(
        "() => document.getElementById('wiazki-filters').getAttribute('data-engine-query') === 'seniorow'"
    )
    page.wait_for_timeout(1500)
    shown = page.eval_on_selector_all(
        ".wiazki-card:not([hidden]) h3 a", "as => as.map(a => a.pathname.replace(/\\/$/, '').split('/').pop())"
    )
    assert shown == expected["seniorow"]
