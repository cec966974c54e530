"""Hostile text in every field of a valid bundle and partner: nothing runs, all is shown as text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import sitehelpers as h
from sitehelpers import injection_site  # noqa: F401 - a fixture

#: Payloads as they must never appear in HTML (they would be markup, not text).
RAW_MARKUP = (h.SCRIPT, "<img src=x", h.TEXTAREA, h.STYLE, '<a href="javascript')


def _html_files(site: Path) -> list[Path]:
    return [p for p in h.generated_html_files(site) if p.name != "404.html"]


def test_no_payload_reaches_any_page_as_markup(injection_site: Path) -> None:
    checked = 0
    for html_file in _html_files(injection_site):
        text = html_file.read_text(encoding="utf-8")
        for payload in RAW_MARKUP:
            assert payload not in text, (html_file.relative_to(injection_site), payload)
        page = h.Html.read(html_file)
        for element in page.elements:
            handlers = [name for name in element.attrs if name.startswith("on")]
            assert not handlers, (html_file, element)
            if element.tag == "script":
                assert "alert(" not in element.text, html_file
            if element.tag == "style":
                assert "display:none" not in element.text.replace(" ", ""), html_file
            for name in ("href", "src", "action", "formaction"):
                value = (element.attrs.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:", "vbscript:")), (html_file, element)
        checked += 1
    assert checked >= 8


def test_payloads_are_shown_as_text_and_templates_are_not_evaluated(injection_site: Path) -> None:
    page = h.page(injection_site, f"wiazki/{h.INJECTION_BUNDLE}").content()
    source = page.source
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&lt;img src=x onerror=alert(1)&gt;" in source
    assert "&lt;/textarea&gt;" in source and "&lt;style&gt;body{display:none}&lt;/style&gt;" in source
    # Jinja syntax stays literal: neither our templates nor MkDocs evaluate user text.
    assert "{{ config }}" in source and "{% raw %}" in source
    assert "site_name" not in source and "Katalog wiązek usług społecznych" not in source.split("Tekst", 1)[1]
    # A quote in a link target cannot break out of the href (javascript: links are
    # refused by the validator already; the renderer's own defence is in test_views).
    assert 'href="https://example.org/%22onmouseover=alert(1)"' in source  # percent-encoded by CommonMark
    assert " onmouseover=" not in source and "<img" not in source.split('id="opis"', 1)[1]


def _group(found: re.Match[str] | None) -> str:
    assert found is not None
    return found.group(1)


def test_title_and_description_meta_are_escaped(injection_site: Path) -> None:
    for url in (f"wiazki/{h.INJECTION_BUNDLE}", f"partnerzy/{h.INJECTION_PARTNER}"):
        source = h.page(injection_site, url).source
        title = _group(re.search(r"<title>(.*?)</title>", source, re.S))
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in title and "<" not in title
        description = _group(re.search(r'<meta name="description" content="([^"]*)">', source))
        assert "&lt;" in description and "<" not in description
        header = source[source.index("<header") : source.index("</header>")]
        assert h.SCRIPT not in header and "<img src=x" not in header


def test_search_index_holds_hostile_text_as_text(injection_site: Path) -> None:
    fragments = h.pagefind_fragments(injection_site)
    record = fragments[f"wiazki/{h.INJECTION_BUNDLE}/"]
    # The document Pagefind read had the text escaped: it kept the payloads as words
    # (an unescaped <script> element would have been dropped from the content).
    assert h.SCRIPT in record["content"] and h.SCRIPT in record["meta"]["title"]
    assert "<img src=x onerror=alert(1)>" in fragments[f"partnerzy/{h.INJECTION_PARTNER}/"]["meta"]["title"]


def test_json_exports_keep_the_text_exactly_and_never_as_markup(injection_site: Path) -> None:
    for name in ("bundles", "partners"):
        raw = (injection_site / "api" / f"{name}.json").read_text(encoding="utf-8")
        assert "<" not in raw and ">" not in raw  # escaped as \u003c, safe even inside HTML
        data = json.loads(raw)
        assert data["format"] == 1
    bundles = json.loads((injection_site / "api" / "bundles.json").read_text(encoding="utf-8"))["bundles"]
    record = next(b for b in bundles if b["id"] == h.INJECTION_BUNDLE)
    assert record["summary"] == h.ALL and record["canvas"]["channels"] == [h.ALL, h.SCRIPT]


def test_csv_cells_cannot_start_a_formula(injection_site: Path) -> None:
    import csv
    import io

    for name in ("bundles", "partners"):
        rows = list(csv.reader(io.StringIO((injection_site / "api" / f"{name}.csv").read_text(encoding="utf-8-sig"))))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
