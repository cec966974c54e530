"""Build real sites for tests: the repository's mkdocs.yml and docs/ with a content folder.

Builds run in-process through MkDocs' own `build()` (a subprocess only where the
command line itself is under test), on a frozen date (WIAZKI_TODAY).
"""

from __future__ import annotations

import contextlib
import gzip
import html.parser
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import contentkit as kit
from wiazki.polish import amount  # noqa: F401 - re-exported for tests

HOME_MARKER_TEXT = "wiazki:home"

REPO = Path(__file__).resolve().parents[1]
#: The hand-written pages of docs/, each a search result of the kind "Strona".
HAND_PAGES = sorted(p.name for p in (REPO / "docs").glob("*.md"))
TODAY = kit.TODAY.isoformat()


@contextlib.contextmanager
def frozen_today(value: str = TODAY) -> Iterator[None]:
    old = os.environ.get("WIAZKI_TODAY")
    os.environ["WIAZKI_TODAY"] = value
    try:
        yield
    finally:
        if old is None:
            del os.environ["WIAZKI_TODAY"]
        else:
            os.environ["WIAZKI_TODAY"] = old


def make_project(root: Path, content: Path | None = None) -> Path:
    """A project folder: the repository's mkdocs.yml and docs/, and `content` copied in."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    if content is not None and content != root / "content":
        shutil.copytree(content, root / "content", dirs_exist_ok=True)
    for extra in ("overrides",):
        if (REPO / extra).is_dir():
            shutil.copytree(REPO / extra, root / extra, dirs_exist_ok=True)
    return root


def build(project: Path, *, strict: bool = True, site_dir: Path | None = None) -> Path:
    """Build `project` with MkDocs in this process; returns the site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = site_dir or project / "site"
    with frozen_today():
        config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(site))
        mkdocs_build(config)
    return site


# -- reading the output ---------------------------------------------------------------


@dataclass
class Element:
    tag: str
    #: An attribute written without a value (`hidden`) reads as "".
    attrs: dict[str, str]
    text: str = ""


class _Collector(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if tag not in {
            "br",
            "img",
            "input",
            "meta",
            "link",
            "hr",
            "source",
            "wbr",
            "area",
            "base",
            "col",
            "embed",
            "param",
            "track",
        }:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for element in self._open:
            element.text += data


@dataclass
class Html:
    """An HTML page, parsed once: elements in document order with their text."""

    source: str
    elements: list[Element] = field(default_factory=list)

    @classmethod
    def read(cls, path: Path) -> Html:
        text = path.read_text(encoding="utf-8")
        parser = _Collector()
        parser.feed(text)
        return cls(text, parser.elements)

    def find_all(self, tag: str, **attrs: str) -> list[Element]:
        found = []
        for e in self.elements:
            if e.tag != tag:
                continue
            ok = True
            for name, value in attrs.items():
                name = name.rstrip("_").replace("_", "-")
                actual = e.attrs.get(name)
                if name == "class":
                    ok = ok and actual is not None and value in actual.split()
                else:
                    ok = ok and actual == value
            if ok:
                found.append(e)
        return found

    def find(self, tag: str, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in page"
        return found[0]

    def by_id(self, element_id: str) -> Element:
        for e in self.elements:
            if e.attrs.get("id") == element_id:
                return e
        raise AssertionError(f"no element with id {element_id!r}")

    def content(self) -> Html:
        """Only the article (Material's md-content), without header, nav and footer."""
        start = self.source.index('<article class="md-content__inner')
        end = self.source.rindex("</article>", start, self.source.index("</main>", start))
        parser = _Collector()
        parser.feed(self.source[start:end])
        return Html(self.source[start:end], parser.elements)

    def headings(self) -> list[tuple[int, str]]:
        return [(int(e.tag[1]), " ".join(e.text.split())) for e in self.elements if re.fullmatch(r"h[1-6]", e.tag)]


def page(site: Path, url: str) -> Html:
    return Html.read(site / url / "index.html" if not url.endswith(".html") else site / url)


def pagefind_fragments(site: Path) -> dict[str, dict[str, Any]]:
    """The Pagefind index's records by URL (site-relative, no leading slash): its
    fragments are gzip-compressed JSON after the marker "pagefind_dcd"."""
    found = {}
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(b"pagefind_dcd"), path
        record = json.loads(raw[len(b"pagefind_dcd") :])
        found[record["url"].lstrip("/")] = record
    return found


def generated_html_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html"))


def internal_links(html_page: Html) -> list[str]:
    return [
        e.attrs["href"] or ""
        for e in html_page.elements
        if e.tag == "a" and e.attrs.get("href") and not re.match(r"^(?:[a-z]+:|#|//)", e.attrs["href"] or "")
    ]


def resolve(site: Path, page_path: Path, href: str) -> Path:
    """The file an internal link from `page_path` points at."""
    target = href.split("#")[0].split("?")[0]
    path = (page_path.parent / target) if target else page_path
    if path.is_dir() or target.endswith("/") or target == "":
        path = path / "index.html" if path.is_dir() or target.endswith("/") else path
    return path.resolve()


# -- content written by the tests --------------------------------------------------


def fixture_content(root: Path) -> Path:
    """A small catalogue: one available bundle (the contentkit one), one in discovery."""
    discovering = {
        "format": 1,
        "id": "nowa-wiazka-odkrywanie",
        "title": "Nowa wiązka na etapie odkrywania",
        "summary": "Wiązka dopiero powstaje: zespół rozmawia z mieszkańcami o ich potrzebach.",
        "stage": "discover",
        "territory": [kit.KONINSKI],
        "facilitator": "owes-konin",
        "reviewed": "2026-09-01",
        "canvas": {"customer_segments": [{"group": "informal_carers", "description": "Opiekunowie osób zależnych."}]},
        "design": {},
    }
    return kit.write_content(
        root,
        bundles={"senior-u-siebie": kit.valid_bundle(), "nowa-wiazka-odkrywanie": discovering},
    )


# -- hostile content -----------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JINJA = "{{ config }}"
RAW = "{% raw %}"
TEXTAREA = "</textarea>"
STYLE = "<style>body{display:none}</style>"
#: Every payload at once, for text fields without a tight length limit.
ALL = f"Tekst {SCRIPT} {IMG} {JINJA} {RAW} {TEXTAREA} {STYLE}"
#: Markdown attacks on `description` that the validator lets through (it refuses every
#: javascript: link, also reference-style and entity-encoded ones; the renderer's own
#: defence against those is tested in test_views).
MARKDOWN_ATTACKS = (
    '[link referencyjny][dobry]\n\n[dobry]: https://example.org/"onmouseover=alert(1)\n\n'
    '![obrazek](x "onerror=alert(1)")\n\n'
    "# Nagłówek {{ config }}\n"
)
INJECTION_BUNDLE = "wstrzykniecie"
INJECTION_PARTNER = "partner-wstrzykniecie"


def injection_content(root: Path) -> Path:
    """A content folder that passes validation with a payload in every text field."""
    b = kit.valid_bundle(INJECTION_BUNDLE)
    b["title"] = f"T {SCRIPT} {IMG} {JINJA}"
    b["summary"] = ALL
    b["description"] = f"{ALL}\n\n{MARKDOWN_ATTACKS}"
    b["contact"]["note"] = ALL
    b["links"] = [{"title": ALL, "url": 'https://example.org/a?b=<script>&c="x"'}]
    b["keywords"] = [SCRIPT, IMG, JINJA, RAW, TEXTAREA, STYLE]
    c = b["canvas"]
    c["customer_segments"][0]["description"] = ALL
    c["value_proposition"]["summary"] = ALL
    for s in c["value_proposition"]["services"]:
        s.update(name=f"Usługa {SCRIPT} {IMG}", description=ALL, access=ALL, fee_note=ALL)
    c["channels"] = [ALL, SCRIPT]
    c["customer_relationships"] = [ALL]
    c["key_resources"] = [ALL]
    c["key_activities"] = [ALL, JINJA]
    for r in c["revenue_streams"]:
        r.update(description=ALL, period=STYLE)
    for x in c["cost_structure"]:
        x.update(item=ALL, period=TEXTAREA)
    for k in c["key_partners"]:
        k["contribution"] = ALL
    c["key_partners"].append({"partner": INJECTION_PARTNER, "role": "supporter", "contribution": ALL})
    d = b["design"]
    d["discover"] = {"methods": [ALL], "findings": [ALL]}
    d["define"] = {"challenge": ALL, "needs": [ALL]}
    d["ideate"] = {"ideas": [ALL], "chosen": ALL}
    d["prototype"]["tests"][0].update(method=ALL, feedback=[ALL], changes=[ALL])
    d["plan"]["milestones"][0]["milestone"] = ALL
    d["plan"]["risks"] = [ALL]
    hostile: dict[str, Any] = {
        "format": 1,
        "id": INJECTION_PARTNER,
        "name": f"Fundacja {SCRIPT} {IMG} {JINJA}",
        "short_name": f"F {IMG}",
        "sector": "community",
        "kind": "informal_group",
        "address": {"street": ALL, "postal_code": "62-500", "city": f"Konin {SCRIPT}"},
        "description": ALL,
    }
    partners: dict[str, Any] = {p["id"]: p for p in (kit.owes(), kit.gops(), kit.coop(), hostile)}
    return kit.write_content(root, bundles={INJECTION_BUNDLE: b}, partners=partners)


# -- shared site fixtures (import them into a test module to use them) ---------------

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content, built with --strict."""
    project = make_project(tmp_path_factory.mktemp("sample"), REPO / "content")
    return build(project)


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("fixture")
    fixture_content(project / "content")
    make_project(project)
    return build(project)


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("injection")
    injection_content(project / "content")
    make_project(project)
    return build(project)
