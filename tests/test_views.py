"""Views without any site generator: descriptions, URLs, exports, search words, templates."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

import contentkit as kit
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views import SiteViews
from wiazki.views.exports import csv_cell
from wiazki.views.text import markdown_to_html, polish_date, safe_url


@pytest.mark.parametrize(
    "source",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<javascript:alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
    ],
)
def test_description_links_keep_only_safe_schemes(source: str) -> None:
    import html.parser

    hrefs: list[str] = []

    class Links(html.parser.HTMLParser):
        def handle_starttag(self, tag, attrs):
            hrefs.extend(value or "" for name, value in attrs if name in ("href", "src"))

    Links(convert_charrefs=True).feed(markdown_to_html(source))
    assert all(h.lower().startswith(("http:", "https:", "mailto:")) for h in hrefs), hrefs


def test_description_keeps_safe_links_and_formatting() -> None:
    html = markdown_to_html(
        "**Ważne**: [regulamin](https://example.org/r.pdf), [e-mail](mailto:a@example.org)\n\n- jeden\n- dwa"
    )
    assert "<strong>Ważne</strong>" in html
    assert '<a href="https://example.org/r.pdf" rel="noopener noreferrer nofollow">regulamin</a>' in html
    assert 'href="mailto:a@example.org"' in html
    assert "<li>jeden</li>" in html


def test_raw_html_in_a_description_is_shown_as_text() -> None:
    html = markdown_to_html(
        "<script>alert(1)</script>\n\nAkapit <img src=x onerror=alert(1)> i "
        "<b>pogrubienie</b>\n\n<style>body{display:none}</style>"
    )
    assert "<script" not in html and "<img" not in html and "<style" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_description_headings_start_below_the_section_heading() -> None:
    html = markdown_to_html("# Pierwszy\n\n## Drugi\n\n###### Szósty")
    assert "<h3>Pierwszy</h3>" in html and "<h4>Drugi</h4>" in html and "<h6>Szósty</h6>" in html
    assert "<h1" not in html and "<h2" not in html


def test_template_syntax_in_a_description_is_text() -> None:
    assert markdown_to_html("{{ config }} {% raw %}") == "<p>{{ config }} {% raw %}</p>"


def test_safe_url_allows_only_web_links() -> None:
    assert safe_url("https://example.org/") == "https://example.org/"
    assert safe_url(" http://example.org ") == "http://example.org"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "",
        None,
        "//evil.example",
    ):
        assert safe_url(bad) is None


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+48 600", "'+48 600"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("zwykły", "zwykły"),
        (None, ""),
        (True, "tak"),
        (96000.0, "96000"),
        (12.5, "12.5"),
    ],
)
def test_csv_cells_never_start_a_formula(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_polish_dates() -> None:
    assert polish_date("2026-03-01") == "1 marca 2026"
    assert polish_date("2025-12-18") == "18 grudnia 2025"
    assert polish_date("nie data") == "nie data"


def _views(**kwargs) -> SiteViews:
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    return SiteViews(catalogue, **kwargs)


def test_relative_links_between_pages() -> None:
    views = _views()
    assert views.relative("wiazki/a/", "partnerzy/b/") == "../../partnerzy/b/"
    assert views.relative("", "wiazki/?group=x") == "wiazki/?group=x"
    assert views.relative("wiazki/", "") == "../"
    assert views.relative("wiazki/a/", "wiazki/a/") == "./"
    flat = _views(directory_urls=False)
    assert flat.bundle_url("a") == "wiazki/a/index.html"
    assert flat.relative("wiazki/a/index.html", flat.partner_url("b")) == "../../partnerzy/b/index.html"


def test_relative_links_answer_as_relpath_does() -> None:
    # The site-root case skips `posixpath.relpath` for speed: it must give its answers.
    import itertools
    import posixpath

    views = _views()
    urls = [
        "",
        "wiazki/",
        "wiazki/a/",
        "wiazki/a/b/",
        "partnerzy/a/",
        "dane.html",
        "a//b/",
        "./wiazki/",
        "wiazki/a.json",
    ]
    for here, there in itertools.product(urls, urls):
        base = posixpath.dirname(here.rstrip("/")) if not here.endswith("/") else here.rstrip("/")
        expected = posixpath.relpath("/" + (there or "."), "/" + (base or "."))
        if there == "" or there.endswith("/"):
            expected = "./" if expected == "." else expected + "/"
        assert views.relative(here, there) == expected, (here, there)
        assert views.relative(here, there + "?a=1") == expected + "?a=1"


@dataclass
class _Entry:
    date: str
    subject: str
    pr: int | None = None
    stage_label: str | None = None
    change: str = "modified"

    def pr_url(self, repo_url: str) -> str:
        return f"{repo_url}/pull/{self.pr}"


def test_history_hook_renders_nothing_without_entries_and_escapes_entries() -> None:
    views = _views()
    bundle = views.catalogue.bundles["senior-u-siebie"]
    assert "Historia zmian" not in views.bundle_page(bundle).html
    assert "Historia zmian" not in views.bundle_page(bundle, []).html
    page = views.bundle_page(
        bundle, [_Entry("2026-03-01", "<b>Nowy</b> etap", pr=7, stage_label="Planowanie wdrożenia")]
    )
    assert "Historia zmian" in page.html and "&lt;b&gt;Nowy&lt;/b&gt; etap" in page.html
    assert "1 marca 2026" in page.html


def test_a_page_body_is_one_html_block_without_blank_lines() -> None:
    views = _views()
    for page in views.pages():
        assert "\n\n" not in page.html.strip(), page.src_uri
        assert page.html.lstrip().startswith("<div"), page.src_uri


def test_exports_are_deterministic() -> None:
    import time_machine

    with time_machine.travel("2030-01-01 12:00Z", tick=False):
        first = [d.content for d in _views().data_files("https://example.org/")]
    with time_machine.travel("2031-07-01 08:00Z", tick=False):
        second = [d.content for d in _views().data_files("https://example.org/")]
    assert first == second
    data = json.loads(first[0])
    # `generated` is the date of the data (here the newest `reviewed`), never the build's.
    newest = max(b.reviewed for b in _views().catalogue.bundles.values())
    assert data["format"] == 1 and data["generated"] == newest


def test_polish_alphabetical_order() -> None:
    from wiazki.views.text import polish_key

    names = ["Żyrardów", "Łódź", "Lublin", "Śrem", "Szczecin", "Ełk", "Ęfoo", "Zamość", "Dom", "Dom Pomocy"]
    assert sorted(names, key=polish_key) == [
        "Dom",
        "Dom Pomocy",
        "Ełk",
        "Ęfoo",
        "Lublin",
        "Łódź",
        "Szczecin",
        "Śrem",
        "Zamość",
        "Żyrardów",
    ]


def test_page_uris_names_every_page_without_making_it() -> None:
    # The build lists the hand pages for search before the pages exist (mkdocs_plugin.py).
    views = _views()
    assert views.page_uris() == {page.src_uri for page in views.pages()}
