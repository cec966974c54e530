"""The catalogue on a phone: results first, a "Filtry" panel that counts the active
filters, tap targets of at least 24 px (WCAG 2.2, 2.5.8), and cards the browser may
skip laying out while they are off screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}


def open_on_phone(make_page, site, query: str = ""):
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True)
    page.goto(site.url("wiazki/") + query)
    page.wait_for_selector("#wiazki-filter-panel:not([hidden])")
    return page


def test_on_a_phone_the_first_result_comes_before_the_filters(make_page, real_site) -> None:
    page = open_on_phone(make_page, real_site)
    assert page.evaluate("document.getElementById('wiazki-filter-panel').open") is False
    assert page.is_hidden("#wiazki-group")
    first = page.locator(".wiazki-card").first.bounding_box()
    assert first is not None and first["y"] < PHONE["height"], "the first result is on the first screen"
    assert page.text_content("#wiazki-filter-panel summary").strip() == "Filtry"

    page.click("#wiazki-filter-panel summary")
    assert page.is_visible("#wiazki-group")
    page.select_option("#wiazki-group", "older_persons")
    page.select_option("#wiazki-fee", "free")
    assert page.text_content("#wiazki-filter-panel summary").strip() == "Filtry (aktywne: 2)"


def test_filters_from_the_url_are_counted_on_the_closed_panel(make_page, real_site) -> None:
    page = open_on_phone(make_page, real_site, "?group=older_persons&text=opieka")
    assert page.evaluate("document.getElementById('wiazki-filter-panel').open") is False
    assert page.text_content("#wiazki-filter-panel summary").strip() == "Filtry (aktywne: 2)"


def test_on_a_wide_screen_the_filters_are_open(page, real_site) -> None:
    page.goto(real_site.url("wiazki/"))
    page.wait_for_selector("#wiazki-filter-panel:not([hidden])")
    assert page.evaluate("document.getElementById('wiazki-filter-panel').open") is True
    assert page.is_visible("#wiazki-group")


def test_the_panel_and_every_control_is_a_24_px_target(make_page, real_site) -> None:
    page = open_on_phone(make_page, real_site)
    page.click("#wiazki-filter-panel summary")
    small = page.evaluate(
        """() => [...document.querySelectorAll(
            '#wiazki-filter-panel summary, #wiazki-filters input, #wiazki-filters select, #wiazki-filters button')]
            .map(n => [n.name || n.textContent.trim(), n.getBoundingClientRect()])
            .filter(([, r]) => r.width < 24 || r.height < 24)
            .map(([name, r]) => `${name}: ${r.width}x${r.height}`)"""
    )
    assert not small, small


def test_cards_off_screen_skip_layout_but_stay_in_the_page(page, real_site) -> None:
    page.goto(real_site.url("wiazki/"))
    style = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.wiazki-card'));"
        " return [s.contentVisibility, s.containIntrinsicHeight]; }"
    )
    assert style[0] == "auto" and style[1].startswith("auto")
    # Skipped cards are still in the accessibility tree and the page's text.
    last = page.locator(".wiazki-card h3 a").last
    assert last.text_content().strip()
    assert page.get_by_role("link", name=last.text_content().strip()).count() >= 1


#: Visible controls below 24 x 24 px (WCAG 2.2, 2.5.8; inline links in text are exempt).
CONTROLS = "button, select, summary, input:not([type=hidden]), [role=button], label.md-header__button"
SMALL_TARGETS_JS = """(selector) => [...document.querySelectorAll(selector)]
    .filter(n => n.offsetParent !== null && getComputedStyle(n).visibility !== 'hidden')
    .map(n => [n.id || n.name || n.textContent.trim().slice(0, 30) || n.className, n.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && (r.width < 24 || r.height < 24))
    .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""


def test_controls_on_every_page_type_are_24_px_targets_on_a_phone(make_page, real_site) -> None:
    bundle = sorted(p.parent.name for p in (real_site.root / "wiazki").glob("*/index.html"))[0]
    page = make_page(viewport=PHONE, is_mobile=True, has_touch=True)
    small = {}
    for path in ("", "wiazki/", f"wiazki/{bundle}/", "partnerzy/", "nie-ma-takiej-strony/"):
        page.goto(real_site.url(path))
        found = page.evaluate(SMALL_TARGETS_JS, CONTROLS)
        if found:
            small[path] = found
    assert not small
