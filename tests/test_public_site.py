"""The site as a Polish public service: nothing loaded from other sites, Polish wherever a
visitor looks (the 404 page included), canonical addresses under site_url, and every
link we generate working with use_directory_urls on and off."""

from __future__ import annotations

import html.parser
import re
import urllib.parse
from pathlib import Path

import material
import pytest

import sitehelpers as h
from sitehelpers import sample_site  # noqa: F401 - a fixture

SITE_URL = "https://owes-katalog.github.io/wiazki/"

#: Elements that make the browser fetch something as the page loads: (tag, attribute).
LOADING = {("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("source", "src")}
LOADING |= {("audio", "src"), ("video", "src"), ("video", "poster"), ("object", "data"), ("embed", "src")}
#: <link rel> values that fetch.
FETCHING_RELS = {"stylesheet", "preconnect", "preload", "prefetch", "dns-prefetch", "icon", "manifest", "modulepreload"}


def external(url: str) -> bool:
    return bool(re.match(r"^(?:[a-z][a-z0-9+.-]*:)?//", url.strip(), re.I))


def fetched_urls(page: h.Html) -> list[str]:
    urls = []
    for e in page.elements:
        for tag, attr in LOADING:
            if e.tag == tag and e.attrs.get(attr):
                urls += [part.split()[0] for part in (e.attrs[attr] or "").split(",") if part.strip()]
        if e.tag == "link" and set((e.attrs.get("rel") or "").split()) & FETCHING_RELS:
            urls.append(e.attrs.get("href") or "")
    return urls


@pytest.fixture(scope="module")
def pages(sample_site: Path) -> dict[str, h.Html]:
    return {str(p.relative_to(sample_site)): h.Html.read(p) for p in h.generated_html_files(sample_site)}


def test_no_page_loads_anything_from_another_site(sample_site: Path, pages) -> None:
    assert len(pages) > 30
    outside = {name: [u for u in fetched_urls(page) if external(u)] for name, page in pages.items()}
    assert not {name: urls for name, urls in outside.items() if urls}
    for name, page in pages.items():
        assert "fonts.googleapis.com" not in page.source and "fonts.gstatic.com" not in page.source, name
        # Material's script asks api.github.com for the repository's facts when the
        # header's link is marked as its "source" component: ours is a plain link.
        assert 'data-md-component="source"' not in page.source, name
        assert page.find("a", class_="md-source").attrs["href"] == "https://github.com/owes-katalog/wiazki", name
    for css in sample_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        assert not re.search(r"@import\s+(?:url\()?['\"]?(?:https?:)?//|url\(\s*['\"]?(?:https?:)?//", text), css


def test_every_page_links_the_privacy_notice_which_says_what_is_not_collected(sample_site: Path, pages) -> None:
    for name, page in pages.items():
        footer = [e for e in page.elements if e.tag == "a" and e.text.strip() == "Prywatność"]
        assert footer, f"{name}: no link to the privacy notice"
    notice = h.page(sample_site, "prywatnosc").content()
    text = " ".join(notice.elements[0].text.split())
    for said in ("plików cookie", "Google Fonts", "GitHub Pages", "adres IP"):
        assert said in text


def test_404_page_is_polish_with_the_ways_back(sample_site: Path) -> None:
    page = h.Html.read(sample_site / "404.html")
    assert 'lang="pl"' in page.source and "Not found" not in page.source
    content = page.content()
    assert content.headings() == [(1, "Nie znaleziono strony")]
    links = {e.text.strip(): e.attrs["href"] for e in content.find_all("a")}
    # The 404 page is served at any depth: its links start at the site's own path.
    # ("/wiazki/." is MkDocs' form of the home page there, as in Material's logo link.)
    assert links == {
        "Katalog wszystkich wiązek": "/wiazki/wiazki/",
        "Partnerzy": "/wiazki/partnerzy/",
        "Strona główna": "/wiazki/.",
    }
    form = content.find("form", role="search")
    assert form.attrs["action"] == "/wiazki/wiazki/" and form.attrs["method"] == "get"
    field = content.find("input", name="text")  # the catalogue's free-text filter reads ?text=
    assert content.find("label", for_=field.attrs["id"]).text.strip()


# ---- English fallbacks ----------------------------------------------------------------

MATERIAL_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
#: Material's keys that are configuration, not text a visitor reads.
NOT_TEXT = re.compile(r"^(language|direction|search\.config\..*)$")
#: English our own code could fall back to (templates, the catalogue's script).
OUR_FALLBACKS = (
    "Not found",
    "No results",
    "Filters",
    "Show all",
    "Clear filters",
    "Print",
    "Last change",
    "Page not found",
)


def translations(language: str) -> dict[str, str]:
    text = (MATERIAL_LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    return dict(re.findall(r'"([a-z.]+)": "((?:[^"\\]|\\.)*)"', text))


def english_strings() -> list[str]:
    """Material's English strings that the Polish translation does not replace, and ours."""
    english, polish = translations("en"), translations("pl")
    found = {v for k, v in english.items() if not NOT_TEXT.match(k) and polish.get(k) != v and len(v) >= 4}
    return sorted(found | set(OUR_FALLBACKS))


class _Visible(html.parser.HTMLParser):
    """The text a visitor sees or hears: text outside script/style, aria-*, title, alt, placeholder."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._skip += 1
        for name, value in attrs:
            if value and (name.startswith("aria-") or name in ("title", "alt", "placeholder", "label")):
                self.parts.append(value)
        if tag == "input" and dict(attrs).get("type") in ("submit", "button", "reset"):
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(source: str) -> str:
    parser = _Visible()
    parser.feed(source)
    return "\n".join(parser.parts)


def test_english_scan_finds_material_english_when_it_is_there() -> None:
    strings = english_strings()
    assert {"Skip to content", "Back to top", "Not found"} <= set(strings)
    sample = '<a href="#" aria-label="Back to top">x</a><script>var s = "Skip to content";</script>'
    found = [s for s in strings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", visible_text(sample))]
    assert found == ["Back to top"]


def test_no_english_in_any_page_text_or_aria(pages) -> None:
    strings = english_strings()
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in strings))
    english = {}
    for name, page in pages.items():
        hits = sorted(set(pattern.findall(visible_text(page.source))))
        if hits:
            english[name] = hits
    assert not english


# ---- Addresses ------------------------------------------------------------------------


def test_canonical_urls_are_under_site_url(sample_site: Path, pages) -> None:
    checked = 0
    for name, page in pages.items():
        canonical = [e.attrs["href"] for e in page.find_all("link", rel="canonical")]
        if name == "404.html":
            assert not canonical
            continue
        expected = SITE_URL + (name[: -len("index.html")] if name.endswith("index.html") else name)
        assert canonical == [expected], name
        checked += 1
    assert checked == len(pages) - 1


#: Attributes holding a link the browser follows or fetches.
LINKING = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"))


def broken_links(site: Path, base_path: str) -> dict[str, list[str]]:
    """Internal links of every page that lead to no file; `/…` links start at `base_path`."""
    broken: dict[str, list[str]] = {}
    for path in h.generated_html_files(site):
        page = h.Html.read(path)
        for e in page.elements:
            for tag, attr in LINKING:
                href = e.attrs.get(attr) if e.tag == tag else None
                if not href or external(href) or re.match(r"^(?:[a-z]+:|#)", href):
                    continue
                if e.tag == "link" and "canonical" in (e.attrs.get("rel") or ""):
                    continue
                target = urllib.parse.unquote(href.split("#")[0].split("?")[0])
                # A browser resolves a final "." segment to the folder ("/wiazki/." → "/wiazki/").
                target = target[:-1] if target == "." or target.endswith("/.") else target
                if target.startswith("/"):
                    assert target.startswith(base_path), f"{path}: {href} outside the site"
                    resolved = site / target[len(base_path) :]
                    resolved = resolved / "index.html" if target.endswith("/") else resolved
                else:
                    resolved = h.resolve(site, path, target)
                if not resolved.is_file():
                    broken.setdefault(str(path.relative_to(site)), []).append(href)
    return broken


@pytest.fixture(scope="module")
def file_url_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = h.make_project(tmp_path_factory.mktemp("no-directory-urls"), h.REPO / "content")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    return h.build(project)


def test_every_internal_link_works_with_directory_urls(sample_site: Path) -> None:
    assert (sample_site / "deklaracja-dostepnosci" / "index.html").is_file()
    assert broken_links(sample_site, "/wiazki/") == {}


def test_every_internal_link_works_without_directory_urls(file_url_site: Path) -> None:
    assert (file_url_site / "deklaracja-dostepnosci.html").is_file()
    assert broken_links(file_url_site, "/wiazki/") == {}
    footer = h.Html.read(file_url_site / "wiazki" / "index.html")
    hrefs = {e.text.strip(): e.attrs["href"] for e in footer.find_all("a") if e.text.strip()}
    assert hrefs["Deklaracja dostępności"] == "../deklaracja-dostepnosci.html"
    assert hrefs["Otwarte dane"] == "../dane.html"
    assert hrefs["Prywatność"] == "../prywatnosc.html"


def absolute_links_of_the_open_data(site: Path) -> set[str]:
    """Every address under SITE_URL in the feeds, the calendars and the JSON exports."""
    texts = [p.read_text(encoding="utf-8") for p in (site / "feeds").glob("*.atom")]
    # iCalendar folds long lines: a CRLF and one space continue the line.
    texts += [p.read_bytes().decode("utf-8").replace("\r\n ", "") for p in (site / "calendars").rglob("*.ics")]
    texts += [p.read_text(encoding="utf-8") for p in (site / "api").rglob("*.json")]
    return {url for text in texts for url in re.findall(re.escape(SITE_URL) + r"[^\s\"<>\\]*", text)}


@pytest.mark.parametrize("fixture", ["sample_site", "file_url_site"])
def test_every_address_in_feeds_calendars_and_exports_leads_to_a_file(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    site: Path = request.getfixturevalue(fixture)
    links = absolute_links_of_the_open_data(site)
    assert len(links) > 60
    missing = []
    for url in sorted(links):
        path = urllib.parse.unquote(url[len(SITE_URL) :].split("?")[0].split("#")[0])
        target = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        if not target.is_file():
            missing.append(url)
    assert missing == []
    # Each style links its own kind of page address.
    suffix = "/" if fixture == "sample_site" else "/index.html"
    assert SITE_URL + "wiazki/senior-u-siebie-kramsk" + suffix in links
