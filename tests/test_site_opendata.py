"""Open data on the built site: the licence everywhere, feeds announced, /dane/ complete."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitehelpers import REPO, Html, build, make_project, page, sample_site  # noqa: F401 - fixture

CC_BY = "https://creativecommons.org/licenses/by/4.0/deed.pl"
NEWEST_REVIEWED = max(
    re.search(r"^reviewed: (\S+)$", p.read_text(encoding="utf-8"), re.M).group(1)  # type: ignore[union-attr]
    for p in (REPO / "content" / "bundles").glob("*.yml")
)


def text_of(html: Html) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html.source).split())


def json_exports(site: Path) -> list[Path]:
    return sorted((site / "api").rglob("*.json"))


def test_every_json_export_carries_licence_version_and_date(sample_site: Path) -> None:
    files = json_exports(sample_site)
    assert {p.relative_to(sample_site).as_posix() for p in files} >= {
        "api/bundles.json",
        "api/partners.json",
        "api/hsds/index.json",
        "api/hsds/organizations.json",
        "api/hsds/services.json",
    }
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["licence"] == {
            "id": "CC-BY-4.0",
            "name": "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe (CC BY 4.0)",
            "url": CC_BY,
        }, path
        assert document["format_version"] == 1, path
        # The date of the data (newest `reviewed` here: no git history), not of the build.
        assert document["generated"] == NEWEST_REVIEWED, path


def test_feeds_and_calendars_state_the_licence(sample_site: Path) -> None:
    for path in [*(sample_site / "feeds").glob("*.atom"), *(sample_site / "calendars").rglob("*.ics")]:
        assert CC_BY in path.read_bytes().decode("utf-8").replace("\r\n ", ""), path


def test_home_and_catalogue_announce_the_feeds(sample_site: Path) -> None:
    for url, expected in (("", 2), ("wiazki/", 18), ("dane/", 18), ("partnerzy/", 2)):
        html = page(sample_site, url)
        links = html.find_all("link", rel="alternate", type="application/atom+xml")
        links += html.find_all("link", rel="alternate", type="text/calendar")
        assert len(links) == expected, url
        for link in links:
            assert (sample_site / url / str(link.attrs["href"])).resolve().is_file(), link.attrs
    # …and link to them visibly.
    for url in ("", "wiazki/"):
        hrefs = [a.attrs.get("href") or "" for a in page(sample_site, url).content().find_all("a")]
        assert any(h.endswith("feeds/bundles.atom") for h in hrefs), url
        assert any(h.endswith("calendars/milestones.ics") for h in hrefs), url


def test_bundle_page_offers_its_calendar(sample_site: Path) -> None:
    hrefs = [a.attrs.get("href") for a in page(sample_site, "wiazki/senior-u-siebie-kramsk/").find_all("a")]
    assert "../../calendars/bundles/senior-u-siebie-kramsk.ics" in hrefs


def test_open_data_page_states_the_licence_and_lists_every_file(sample_site: Path) -> None:
    html = page(sample_site, "dane/")
    text = text_of(html.content())
    assert "Creative Commons Uznanie autorstwa 4.0 Międzynarodowe (CC BY 4.0)" in text
    assert "wiazki:" not in (sample_site / "dane" / "index.html").read_text(encoding="utf-8")
    hrefs = {a.attrs.get("href") for a in html.content().find_all("a")}
    assert CC_BY in hrefs
    for path in [*json_exports(sample_site), *(sample_site / "feeds").glob("*.atom")]:
        assert "../" + path.relative_to(sample_site).as_posix() in hrefs, path
    for heading in ("Pliki CSV", "HSDS 3.0", "Kanały i kalendarze", "Wersje i zmiany"):
        assert heading in text, heading
    csv_section = text[text.index("Pliki CSV mają") : text.index("Human Services Data Specification (HSDS) to")]
    assert "Licencja danych: Creative Commons Uznanie autorstwa 4.0" in csv_section


def test_data_licence_option_changes_every_statement(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", REPO / "content")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        text.replace("data_licence: CC-BY-4.0", "data_licence: CC0-1.0"), encoding="utf-8"
    )
    site = build(project)
    document = json.loads((site / "api" / "bundles.json").read_text(encoding="utf-8"))
    assert document["licence"]["id"] == "CC0-1.0"
    assert "CC0 1.0" in text_of(page(site, "dane/").content())
    assert "publicdomain/zero" in (site / "feeds" / "bundles.atom").read_text(encoding="utf-8")


def test_an_unknown_licence_is_refused(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from mkdocs.config import load_config

    project = make_project(tmp_path / "project", REPO / "content")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        text.replace("data_licence: CC-BY-4.0", "data_licence: WTFPL"), encoding="utf-8"
    )
    with pytest.raises(Exception, match="configuration error"):
        load_config(str(project / "mkdocs.yml"), strict=True)
    assert "option 'data_licence'" in caplog.text and "CC-BY-4.0" in caplog.text


def test_open_data_page_documents_exactly_the_files_the_site_has(sample_site: Path) -> None:
    published = {
        p.relative_to(sample_site).as_posix()
        for folder in ("api", "feeds", "calendars", "schemas")
        for p in (sample_site / folder).rglob("*")
        if p.is_file()
    }
    source = (sample_site / "dane" / "index.html").read_text(encoding="utf-8")
    linked = set(re.findall(r'href="\.\./((?:api|feeds|calendars|schemas)/[^"#?]+)"', source))
    # Two rows name a family of files by a pattern instead of a link.
    assert "<code>feeds/voivodeship-KK.atom</code>" in source
    assert "<code>calendars/bundles/&lt;id&gt;.ics</code>" in source
    families = [r"feeds/voivodeship-\d\d\.atom", r"calendars/bundles/[a-z0-9-]+\.ics"]
    undocumented = {p for p in published - linked if not any(re.fullmatch(f, p) for f in families)}
    assert undocumented == set()
    assert linked - published == set()  # nothing documented that the site does not have


def test_a_site_without_site_url_is_warned_about(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # Without it the feeds, calendars and HSDS would carry root-relative addresses
    # ("/wiazki/…"): wrong under a subfolder, and no URI for iCalendar or HSDS.
    project = make_project(tmp_path / "project", REPO / "content")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(re.sub(r"(?m)^site_url:.*\n", "", text), encoding="utf-8")
    with caplog.at_level("WARNING"):
        build(project, strict=False)
    warnings = [r for r in caplog.records if r.levelname == "WARNING" and "site_url" in r.getMessage()]
    assert len(warnings) == 1 and warnings[0].name.startswith("mkdocs.")
    assert "kanały Atom, kalendarze i pliki HSDS" in warnings[0].getMessage()
