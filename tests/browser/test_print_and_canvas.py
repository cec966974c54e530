"""The Business Model Canvas: its grid on screen, and on paper one A4 landscape page."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

# A4 landscape minus the 10 mm margins of @page, in CSS pixels (96 per inch).
PRINTABLE_MM = (277, 190)
PX_PER_MM = 96 / 25.4

BLOCKS = [
    "key_partners",
    "key_activities",
    "key_resources",
    "value_proposition",
    "customer_relationships",
    "channels",
    "customer_segments",
    "cost_structure",
    "revenue_streams",
]

BOXES_JS = """() => Object.fromEntries([...document.querySelectorAll('.wiazki-canvas > .wiazki-block')].map(b => {
    const r = b.getBoundingClientRect();
    const name = [...b.classList].find(c => c.startsWith('wiazki-block--')).slice('wiazki-block--'.length);
    return [name, {left: r.left, right: r.right, top: r.top, bottom: r.bottom}];
}))"""


def bundle_ids(site: Any) -> list[str]:
    return sorted(p.parent.name for p in (site.root / "wiazki").glob("*/index.html"))


def pdf_pages(pdf: bytes) -> int:
    """Pages of a Chromium PDF: the /Count of its page tree's root, the largest one
    (counting "/Type /Page" overcounts: Chromium keeps unused page objects)."""
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert counts, "no page tree in the PDF"
    return max(counts)


def assert_classic_layout(b: dict[str, dict[str, float]]) -> None:
    """Partners | activities over resources | value | relationships over channels |
    segments, then costs beside revenue."""
    row = ["key_partners", "key_activities", "value_proposition", "customer_relationships", "customer_segments"]
    lefts = [b[name]["left"] for name in row]
    assert lefts == sorted(lefts) and len(set(lefts)) == 5, lefts
    assert b["key_resources"]["left"] == pytest.approx(b["key_activities"]["left"], abs=1)
    assert b["key_resources"]["top"] >= b["key_activities"]["bottom"] - 1
    assert b["channels"]["left"] == pytest.approx(b["customer_relationships"]["left"], abs=1)
    assert b["channels"]["top"] >= b["customer_relationships"]["bottom"] - 1
    for tall in ("key_partners", "value_proposition", "customer_segments"):
        assert b[tall]["top"] == pytest.approx(b["key_activities"]["top"], abs=1)
        assert b[tall]["bottom"] == pytest.approx(b["key_resources"]["bottom"], abs=1)
    top_bottom = max(b[name]["bottom"] for name in BLOCKS[:7])
    assert b["cost_structure"]["top"] >= top_bottom - 1
    assert b["cost_structure"]["top"] == pytest.approx(b["revenue_streams"]["top"], abs=1)
    assert b["cost_structure"]["right"] <= b["revenue_streams"]["left"] + 1
    assert b["cost_structure"]["left"] == pytest.approx(b["key_partners"]["left"], abs=1)
    assert b["revenue_streams"]["right"] == pytest.approx(b["customer_segments"]["right"], abs=1)


def test_canvas_blocks_come_in_reading_order(page, real_site) -> None:
    page.goto(real_site.url(f"wiazki/{bundle_ids(real_site)[0]}/"))
    order = page.eval_on_selector_all(
        ".wiazki-canvas > .wiazki-block",
        "bs => bs.map(b => [...b.classList].find(c => c.startsWith('wiazki-block--')).slice(14))",
    )
    assert order == BLOCKS


def test_canvas_is_the_classic_grid_when_there_is_room(page, real_site) -> None:
    # 1200 px: Material shows the navigation but no table of contents, the
    # content column is over 40rem wide.
    page.set_viewport_size({"width": 1200, "height": 900})
    try:
        page.goto(real_site.url(f"wiazki/{bundle_ids(real_site)[0]}/"))
        assert page.evaluate("getComputedStyle(document.querySelector('.wiazki-canvas')).display") == "grid"
        assert_classic_layout(page.evaluate(BOXES_JS))
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_canvas_stacks_in_one_column_on_a_phone(make_page, real_site) -> None:
    page = make_page(viewport={"width": 360, "height": 740})
    page.goto(real_site.url(f"wiazki/{bundle_ids(real_site)[0]}/"))
    boxes = page.evaluate(BOXES_JS)
    assert len({round(b["left"]) for b in boxes.values()}) == 1
    tops = [boxes[name]["top"] for name in BLOCKS]
    assert tops == sorted(tops)
    assert all(b["right"] <= 360 for b in boxes.values())


def test_every_canvas_fits_one_a4_landscape_page_in_print(page, real_site) -> None:
    width, height = (round(mm * PX_PER_MM) for mm in PRINTABLE_MM)
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(media="print")
    try:
        for bundle in bundle_ids(real_site):
            page.goto(real_site.url(f"wiazki/{bundle}/"))
            box = page.locator(".wiazki-canvas").bounding_box()
            assert box is not None
            assert box["width"] <= width + 0.5, (bundle, box)
            assert box["height"] <= height, f"{bundle}: canvas is {box['height'] / PX_PER_MM:.0f} mm tall in print"
            assert_classic_layout(page.evaluate(BOXES_JS))
            # Material's chrome is not printed.
            for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".wiazki-print-button"):
                assert page.locator(chrome).first.is_hidden(), (bundle, chrome)
    finally:
        page.emulate_media(media="null")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_printing_the_canvas_alone_gives_one_a4_landscape_page(page, real_site) -> None:
    # The largest canvas of the sample content is the hardest case.
    sizes = {b: (real_site.root / "wiazki" / b / "index.html").stat().st_size for b in bundle_ids(real_site)}
    bundle = max(sizes, key=lambda b: sizes[b])
    page.goto(real_site.url(f"wiazki/{bundle}/"))
    button = page.get_by_role("button", name="Drukuj kanwę (A4, poziomo)")
    assert button.count() == 1
    whole = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    # What the print button does before window.print().
    page.evaluate("document.documentElement.classList.add('wiazki-print-canvas')")
    canvas_only = page.pdf(format="A4", landscape=True, prefer_css_page_size=True)
    assert pdf_pages(whole) > 1
    assert pdf_pages(canvas_only) == 1
    # A4 landscape: 842 × 595 pt.
    size = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", canvas_only)
    assert size and round(float(size.group(1))) == 842 and round(float(size.group(2))) == 595


def test_print_button_prints_only_the_canvas_and_then_restores_the_page(page, real_site) -> None:
    page.goto(real_site.url(f"wiazki/{bundle_ids(real_site)[0]}/"))
    # window.print() is replaced so that the test sees what is printed, without a dialog.
    page.evaluate(
        """() => { window.__printed = null; window.print = () => {
            window.__printed = document.documentElement.classList.contains('wiazki-print-canvas');
            window.dispatchEvent(new Event('afterprint')); }; }"""
    )
    page.get_by_role("button", name="Drukuj kanwę (A4, poziomo)").click()
    assert page.evaluate("window.__printed") is True
    assert page.evaluate("document.documentElement.classList.contains('wiazki-print-canvas')") is False
