"""The printed canvas says what it is: the bundle, its address, its stage, the date of
its last change and the day it was printed; and it uses the A4 landscape sheet."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PX_PER_MM = 96 / 25.4
#: A4 landscape inside the 10 mm margins of @page.
PRINTABLE = (round(277 * PX_PER_MM), round(190 * PX_PER_MM))
MONTHS = "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"


def bundles(site: Any) -> list[str]:
    return sorted(p.parent.name for p in (site.root / "wiazki").glob("*/index.html"))


def test_printed_canvas_has_address_stage_last_change_and_print_date(page, real_site) -> None:
    bundle = bundles(real_site)[0]
    page.goto(real_site.url(f"wiazki/{bundle}/"))
    assert page.locator(".wiazki-print-meta").is_hidden(), "paper only"
    title = page.locator("h1").first.text_content().strip()
    stage = page.locator(".wiazki-facts dt:text-is('Etap') + dd").first.text_content().strip()
    last = page.locator(".wiazki-facts dt:text-is('Ostatnia zmiana') + dd")
    page.set_viewport_size({"width": PRINTABLE[0], "height": PRINTABLE[1]})
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    meta = page.locator(".wiazki-print-meta")
    assert meta.is_visible()
    text = " ".join(meta.text_content().split())
    assert title in text
    assert f"https://owes-katalog.github.io/wiazki/wiazki/{bundle}/" in text
    assert f"Etap: {stage}" in text
    assert re.search(rf"Wydrukowano: \d{{1,2}} ({MONTHS}) \d{{4}}", text), text
    if last.count():  # a checkout with git history (always in CI: fetch-depth 0)
        assert f"Ostatnia zmiana: {last.first.text_content().strip()}" in text


def test_printed_canvas_uses_the_sheet(page, real_site) -> None:
    page.set_viewport_size({"width": PRINTABLE[0], "height": PRINTABLE[1]})
    page.emulate_media(media="print")
    for bundle in bundles(real_site)[:4]:
        page.goto(real_site.url(f"wiazki/{bundle}/"))
        box = page.locator(".wiazki-canvas").bounding_box()
        assert box is not None
        assert box["width"] >= 0.97 * PRINTABLE[0], (bundle, box)
        assert 0.95 * PRINTABLE[1] <= box["height"] <= PRINTABLE[1], (bundle, box)


def test_canvas_text_hyphenates_as_polish(page, real_site) -> None:
    page.goto(real_site.url(f"wiazki/{bundles(real_site)[0]}/"))
    style = page.evaluate(
        """() => { const li = document.querySelector('.wiazki-block li, .wiazki-block p');
            const s = getComputedStyle(li);
            return [s.hyphens || s.webkitHyphens, li.closest('[lang]').getAttribute('lang'), s.overflowWrap]; }"""
    )
    assert style == ["auto", "pl", "break-word"]
