"""Hostile text in every field (tests/sitehelpers.py) in a real browser: no script
runs, no element is made from it, and a reader sees it as text.

The `page` fixture fails a test on any dialog (alert, confirm, prompt) and on any
uncaught script error, so every test here also checks that no payload ran.
"""

from __future__ import annotations

import urllib.parse

import pytest
from axehelpers import axe_violations, readable
from searchhelpers import open_search, search_box

import sitehelpers as h

pytestmark = pytest.mark.browser

PAGES = ["", "wiazki/", f"wiazki/{h.INJECTION_BUNDLE}/", "partnerzy/", f"partnerzy/{h.INJECTION_PARTNER}/"]

#: What the page may hold that no content produced: Material's own inline scripts
#: (scope, palette, tab restore), its configuration (JSON, not executed).
INLINE_SCRIPTS_JS = """() => [...document.querySelectorAll('script:not([src])')].map(s => ({
    type: s.type, id: s.id, text: s.textContent.trim().slice(0, 40)}))"""

MATERIAL_INLINE_PREFIXES = ("__md_scope=", "var palette=", "var target=")

SUSPECTS_JS = """() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
            if (attr.startsWith('on')) found.push(`${el.tagName} ${attr}`);
        }
        for (const attr of ['href', 'src', 'action', 'formaction', 'xlink:href']) {
            const value = (el.getAttribute(attr) || '').trim().toLowerCase();
            if (value.startsWith('javascript:') || value.startsWith('vbscript:')) {
                found.push(`${el.tagName} ${attr}=${value}`);
            }
        }
    }
    const content = document.querySelector('.md-content');
    const forbidden = ['img[src="x"]', 'svg', 'style', 'script', 'iframe', 'object', 'embed', 'textarea',
                       'form:not(#wiazki-filters):not(#partner-filters)'];
    for (const sel of forbidden) {
        for (const el of content.querySelectorAll(sel)) {
            if (sel === 'svg' && el.closest('.md-content__button, .headerlink, .md-source, .md-icon')) continue;
            // Our own drawings (views/maps.py, views/numbers.py): the map, a territory map, a chart.
            if (sel === 'svg' && el.matches('.wiazki-map__svg, .wiazki-territory-map svg, .wiazki-chart')) continue;
            found.push(`content holds <${el.tagName.toLowerCase()}>`);
        }
    }
    return found;
}"""


def material_or_ours(script: dict[str, str]) -> bool:
    if script["id"] == "__config" and script["type"] == "application/json":
        return True
    return script["type"] in ("", "text/javascript") and script["text"].startswith(MATERIAL_INLINE_PREFIXES)


@pytest.mark.parametrize("path", PAGES)
def test_no_payload_becomes_an_element_or_runs(page, injection_site, path: str) -> None:
    response = page.goto(injection_site.url(path))
    assert response is not None and response.status == 200
    scripts = page.evaluate(INLINE_SCRIPTS_JS)
    assert scripts and all(material_or_ours(s) for s in scripts), scripts
    assert page.evaluate(SUSPECTS_JS) == []
    # The stylesheet injected as text must not hide the content.
    assert page.is_visible(".md-content")
    # Hovering and focusing every link fires no payload (the page fixture watches dialogs).
    # (Not the map's powiaty, whose centre may lie in a neighbour and which no content reaches,
    # nor the links of a closed <details>: the home page's table of powiaty.)
    for link in page.locator(".md-content a:not(svg a):visible").all()[:40]:
        link.hover()


def test_payloads_are_visible_as_text_on_the_bundle_page(page, injection_site) -> None:
    page.goto(injection_site.url(f"wiazki/{h.INJECTION_BUNDLE}/"))
    text = page.inner_text(".md-content")
    for payload in (h.SCRIPT, "<img src=x onerror=alert(1)>", h.JINJA, h.RAW, h.TEXTAREA, h.STYLE):
        assert payload in text, f"{payload!r} is not shown as text"
    assert page.title().startswith("T <script>alert(1)</script>")


def test_payloads_in_the_filter_and_the_url_stay_text(page, injection_site) -> None:
    hostile = f"{h.SCRIPT} {h.IMG}"
    page.goto(injection_site.url("wiazki/?" + urllib.parse.urlencode({"text": hostile, "group": h.IMG})))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert page.input_value("#wiazki-q") == hostile
    assert page.input_value("#wiazki-group") == ""  # not an offered value: ignored
    page.fill("#wiazki-q", h.STYLE + h.SCRIPT)
    assert page.evaluate(SUSPECTS_JS) == []
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)["text"] == [h.STYLE + h.SCRIPT]
    # The hostile bundle's own card is found by a payload word, as text.
    page.fill("#wiazki-q", "onerror")
    visible = page.eval_on_selector_all(".wiazki-card:not([hidden]) h3", "ns => ns.map(n => n.textContent)")
    assert visible and all("<img src=x onerror=alert(1)>" in title for title in visible)
    page.goto(injection_site.url("partnerzy/?" + urllib.parse.urlencode({"text": h.SCRIPT, "sector": h.SCRIPT})))
    page.wait_for_selector("#partner-filters:not([hidden])")
    assert page.evaluate(SUSPECTS_JS) == []


def test_search_results_show_payloads_as_text(page, injection_site) -> None:
    page.goto(injection_site.url("partnerzy/"))
    open_search(page)
    results = search_box(page, "alert")
    assert results
    assert page.evaluate(SUSPECTS_JS) == []
    made = page.eval_on_selector_all(
        ".wiazki-search :is(img, script, style, iframe, object, embed, textarea, svg)",
        "ns => ns.map(n => n.outerHTML.slice(0, 80))",
    )
    assert made == []
    assert any("<script>alert(1)</script>" in r["title"] for r in results)


def test_hostile_bundle_page_has_no_axe_violations(page, injection_site, axe_source) -> None:
    page.goto(injection_site.url(f"wiazki/{h.INJECTION_BUNDLE}/"))
    violations = axe_violations(page, axe_source)
    assert not violations, readable(violations)
