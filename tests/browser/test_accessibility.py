"""axe-core (WCAG 2.0/2.1 A and AA rules) on every page type of the real site.

axe comes from node_modules (package.json, `npm ci`), injected into the page as a
file; nothing is fetched from the network.
"""

from __future__ import annotations

from typing import Any

import pytest
from axehelpers import axe_violations, readable

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def page_urls(real_site: Any) -> dict[str, str]:
    """Every page type, with a bundle in design (its canvas has "do uzupełnienia")."""
    bundles = sorted(p.parent.name for p in (real_site.root / "wiazki").glob("*/index.html"))
    partners = sorted(p.parent.name for p in (real_site.root / "partnerzy").glob("*/index.html"))
    early = [
        b
        for b in bundles
        if "wiazki-empty" in (real_site.root / "wiazki" / b / "index.html").read_text(encoding="utf-8")
    ]
    available = [
        b
        for b in bundles
        if "Projektowanie zakończone" in (real_site.root / "wiazki" / b / "index.html").read_text(encoding="utf-8")
    ]
    assert early and available and partners
    urls = {
        "home": "",
        "catalogue": "wiazki/",
        "bundle (available)": f"wiazki/{available[0]}/",
        "bundle (in design)": f"wiazki/{early[0]}/",
        "partners": "partnerzy/",
        "partner": f"partnerzy/{partners[0]}/",
        "accessibility statement": "deklaracja-dostepnosci/",
        "how to add a bundle": "jak-dodac-wiazke/",
        "404": "404.html",
    }
    for optional in ("dane", "format", "prywatnosc", "w-liczbach"):
        if (real_site.root / optional / "index.html").exists():
            urls[optional] = f"{optional}/"
    return urls


PAGE_TYPES = [
    "home",
    "catalogue",
    "bundle (available)",
    "bundle (in design)",
    "partners",
    "partner",
    "accessibility statement",
    "how to add a bundle",
    "dane",
    "format",
    "prywatnosc",
    "w-liczbach",
    "404",
]


PHONE = {"width": 375, "height": 740}


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_has_no_axe_violations_on_desktop_and_phone(
    page, real_site, axe_source, page_urls, page_type: str
) -> None:
    if page_type not in page_urls:
        pytest.skip(f"the site has no {page_type} page")
    response = page.goto(real_site.url(page_urls[page_type]))
    assert response is not None and response.status == 200
    desktop = axe_violations(page, axe_source)
    desktop_size = page.viewport_size
    page.set_viewport_size(PHONE)
    try:
        page.reload()
        phone = axe_violations(page, axe_source)
    finally:
        page.set_viewport_size(desktop_size)
    assert not desktop, f"{page_type} ({page_urls[page_type]}), 1280 px:\n{readable(desktop)}"
    assert not phone, f"{page_type} ({page_urls[page_type]}), 375 px:\n{readable(phone)}"


def test_missing_page_gets_the_404_page_without_violations(page, real_site, axe_source) -> None:
    response = page.goto(real_site.url("nie-ma-takiej-strony/"))
    assert response is not None and response.status == 404
    assert page.locator(".md-content").count() == 1
    violations = axe_violations(page, axe_source)
    assert not violations, readable(violations)


def test_filtered_catalogue_with_no_results_has_no_violations(page, real_site, axe_source) -> None:
    page.goto(real_site.url("wiazki/?group=older_persons&text=zzzz"))
    page.wait_for_selector(".wiazki-none:not([hidden])")
    violations = axe_violations(page, axe_source)
    assert not violations, readable(violations)


def test_filtered_partner_directory_has_no_violations(page, real_site, axe_source) -> None:
    page.goto(real_site.url("partnerzy/?sector=business"))
    page.wait_for_selector("#partner-filters:not([hidden])")
    violations = axe_violations(page, axe_source)
    assert not violations, readable(violations)


def test_empty_canvas_block_text_is_muted_but_meets_aa(page, real_site, page_urls) -> None:
    page.goto(real_site.url(page_urls["bundle (in design)"]))
    empty = page.locator(".wiazki-canvas .wiazki-empty").first
    assert empty.text_content() == "do uzupełnienia"
    style = empty.evaluate("e => [getComputedStyle(e).fontStyle, getComputedStyle(e).color]")
    assert style[0] == "italic"
    body = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).color")
    assert style[1] != body, "the placeholder should look different from real content"


def test_progress_states_are_not_told_by_colour_alone(page, real_site, page_urls) -> None:
    page.goto(real_site.url(page_urls["bundle (in design)"]))
    steps = page.eval_on_selector_all(
        "ol.wiazki-progress > li",
        """ns => ns.map(n => ({
            state: n.className,
            marker: getComputedStyle(n, '::before').content,
            border: getComputedStyle(n).borderTopStyle,
            weight: getComputedStyle(n).fontWeight,
            current: n.getAttribute('aria-current'),
        }))""",
    )
    assert len(steps) == 5
    by_state: dict[str, set[tuple[str, str, str]]] = {}
    for step in steps:
        # The symbol (✓ ● ○), the line style and the weight differ, not only colour.
        symbol = step["marker"].strip('"').split(" ")[0]
        by_state.setdefault(step["state"], set()).add((symbol, step["border"], step["weight"]))
    assert "current" in by_state and "todo" in by_state
    looks = [next(iter(v)) for v in by_state.values()]
    assert all(len(v) == 1 for v in by_state.values())
    assert len(set(looks)) == len(looks), by_state
    assert [s["current"] for s in steps if s["state"] == "current"] == ["step"]
