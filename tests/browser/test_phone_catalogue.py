"""The catalogue on a phone: results first, a "Filtry" panel that counts the active
filters, tap targets of at least 24 px (WCAG 2.2, 2.5.8), cards the browser may skip
laying out while they are off screen, and long sections shown a page at a time."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import serve

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


# ---- Paging: a long section shows 50 cards and a "Pokaż więcej" button ----------------

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "catalogue.html"
ASSETS = Path(__file__).resolve().parents[2] / "plugins" / "wiazki" / "assets"


@pytest.fixture(scope="module")
def long_catalogue(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The contract page with 130 cards in its first section: 65 for older people (g0),
    65 for homeless people (g11), alternating; every card stays in the HTML."""
    root = tmp_path_factory.mktemp("long-catalogue")
    html = FIXTURE.read_text(encoding="utf-8")
    start = html.index('<article class="wiazki-card"')
    end = html.index("</section>", start)
    cards = [
        f'<article class="wiazki-card" data-f="{"g0" if i % 2 == 0 else "g11"} v30 p3010 s5 f0">'
        f'<h3><a href="#k{i}">Wiązka {i}</a></h3></article>'
        for i in range(130)
    ]
    (root / "index.html").write_text(html[:start] + "\n".join(cards) + html[end:], encoding="utf-8")
    shutil.copytree(ASSETS, root / "assets")
    site = serve(root)
    yield site
    site.stop()


def shown(page: Any) -> list[str]:
    return page.eval_on_selector_all("#dostepne .wiazki-card:not([hidden]) a", "ns => ns.map(n => n.textContent)")


def test_a_long_section_shows_a_page_of_cards_and_more_on_request(page, long_catalogue) -> None:
    page.goto(long_catalogue.url())
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert shown(page) == [f"Wiązka {i}" for i in range(50)]
    assert page.text_content("#wiazki-count") == "Pokazano 132 z 132 wiązek"
    more = page.locator("#dostepne .wiazki-more")
    assert more.text_content() == "Pokaż więcej (pozostało: 80)"
    more.click()
    assert len(shown(page)) == 100
    # The focus goes to the first card the button showed.
    assert page.evaluate("document.activeElement.textContent") == "Wiązka 50"
    more.click()
    assert len(shown(page)) == 130 and more.is_hidden()

    # A new filter starts from the first page of its matches.
    page.select_option("#f-group", "older_persons")
    assert shown(page) == [f"Wiązka {i}" for i in range(0, 100, 2)]
    assert more.text_content() == "Pokaż więcej (pozostało: 15)"
    assert page.text_content("#wiazki-count") == "Pokazano 66 z 132 wiązek"  # and "Srebrna sieć"


def test_without_javascript_a_long_section_lists_every_card(make_page, long_catalogue) -> None:
    page = make_page(java_script_enabled=False)
    page.goto(long_catalogue.url())
    assert page.locator("#dostepne .wiazki-card:visible").count() == 130
