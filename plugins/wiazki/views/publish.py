"""The open data beyond our own JSON and CSV: HSDS, Atom feeds, calendars, and the
generated part of /dane/ that lists them with the licence.

`OpenData` is built once per build from the catalogue, the history provider and the
licence; `files()` returns (src_uri, content) pairs for the generator to write, and
`feed_links()` the `<link rel="alternate">` a page head carries.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment
from markupsafe import escape

from wiazki.model import Catalogue
from wiazki.views import calendars, feeds
from wiazki.views.hsds import HsdsExport
from wiazki.views.opendata import FORMAT_VERSIONS, DataLicence, History, data_date, metadata

#: Replaced on /dane/ (docs/dane.md) with the licence and the list of feeds.
OPEN_DATA_MARKER = "<!-- wiazki:dane -->"
#: Replaced in the CSV section of /dane/ with the licence sentence.
LICENCE_MARKER = "<!-- wiazki:licencja -->"

HSDS_DIR = "api/hsds/"

#: Logged as a warning when mkdocs.yml has no site_url, so that `--strict` refuses the
#: build: feeds, calendars and HSDS need absolute page addresses, and without it they
#: get root-relative ones, wrong for a site in a subfolder (GitHub Pages) and no URI
#: at all for iCalendar and HSDS.
NO_SITE_URL = (
    "wiazki: w mkdocs.yml brak site_url: kanały Atom, kalendarze i pliki HSDS "
    "potrzebują pełnych adresów stron; ustaw adres, pod którym strona będzie opublikowana"
)


def json_text(document: dict[str, Any]) -> str:
    """Compact UTF-8 JSON, inert if pasted into HTML or a <script> (as exports.py writes it)."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


@dataclass(frozen=True)
class FeedLink:
    """A `<link rel="alternate">` for a page head: MIME type, Polish title, site-relative href."""

    type: str
    title: str
    href: str


class OpenData:
    """The open-data files and page blocks of one catalogue (one instance per build)."""

    def __init__(
        self,
        catalogue: Catalogue,
        licence: DataLicence,
        history: History | None,
        catalogue_url: str,
        last_change: Callable[[str], str | None] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.licence = licence
        self.history = history
        self.catalogue_url = catalogue_url
        #: The date of the data (see `opendata.data_date`), computed once; with
        #: `last_change` (a content path → YYYY-MM-DD of its last commit, from
        #: wiazki.revisions.dates) a partner's change moves it too.
        partner_days = [last_change(f"partners/{p}.yml") for p in catalogue.partners] if last_change else []
        self.generated = max([data_date(catalogue, history), *filter(None, partner_days)])
        self.feeds = feeds.feeds(catalogue, catalogue_url)

    def metadata(self, kind: str) -> dict[str, Any]:
        """`format_version`, `generated` and `licence` for a JSON export of `kind` ("json", "hsds")."""
        return metadata(kind, self.licence, self.generated)

    def files(
        self, absolute: Callable[[str], str], bundle_url: Callable[[str], str], partner_url: Callable[[str], str]
    ) -> list[tuple[str, str | bytes]]:
        """Every file of HSDS, feeds and calendars. `absolute` turns a site path into a URL;
        `bundle_url` / `partner_url` give a page's absolute URL from an id."""
        hsds = HsdsExport(self.catalogue, bundle_url, partner_url, self.licence, self.generated)
        out: list[tuple[str, str | bytes]] = [
            (HSDS_DIR + "index.json", json_text(hsds.index(absolute(HSDS_DIR)))),
            (HSDS_DIR + "organizations.json", json_text(hsds.organizations_page())),
            (HSDS_DIR + "services.json", json_text(hsds.services_page())),
        ]
        for feed in self.feeds:
            text = feeds.atom(feed, self.catalogue, absolute, bundle_url, self.licence, self.history, self.generated)
            out.append((feed.src_uri, text))
        ics = calendars.calendars(self.catalogue, bundle_url, self.licence, self.history, self.generated)
        out += list(ics.items())
        return out

    def feed_links(self, all_regions: bool = False) -> list[FeedLink]:
        """The catalogue's feed and calendar; with `all_regions`, each województwo's feed too."""
        catalogue_feed, *regional = self.feeds
        links = [
            FeedLink("application/atom+xml", catalogue_feed.title, catalogue_feed.src_uri),
            FeedLink("text/calendar", "Nadchodzące kamienie milowe wiązek", calendars.CATALOGUE_CALENDAR),
        ]
        if all_regions:
            links += [FeedLink("application/atom+xml", feed.title, feed.src_uri) for feed in regional]
        return links

    def bundle_calendar(self, bundle_id: str) -> str | None:
        """The site path of the bundle's .ics, or None if it has no dated milestone."""
        bundle = self.catalogue.bundles.get(bundle_id)
        if bundle is None or not any(calendars.milestone_day(m.date) for m in bundle.design.milestones):
            return None
        return calendars.bundle_calendar(bundle_id)

    def page_block(self, env: Environment, link: Callable[[str], str]) -> str:
        """The generated part of /dane/: the licence, the files and their format versions."""
        register = self.catalogue.register
        regions = [(feed, register.get(feed.code) if feed.code else None) for feed in self.feeds[1:]]
        return env.get_template("wiazki/open_data.html").render(
            opendata=self,
            link=link,
            licence=self.licence,
            versions=FORMAT_VERSIONS,
            catalogue_feed=self.feeds[0],
            regions=[(feed, unit.display_name if unit else feed.src_uri) for feed, unit in regions],
            catalogue_calendar=calendars.CATALOGUE_CALENDAR,
            hsds_dir=HSDS_DIR,
        )

    def licence_sentence(self) -> str:
        return (
            f'<p>Licencja danych: <a href="{escape(self.licence.url)}">{escape(self.licence.name)}</a>. '
            "Obejmuje wszystkie pliki opisane na tej stronie (JSON, CSV, HSDS, Atom, iCalendar).</p>"
        )

    def fill(self, markdown: str, env: Environment, link: Callable[[str], str]) -> str:
        """/dane/ with its markers replaced (other pages come back unchanged)."""
        if OPEN_DATA_MARKER in markdown:
            markdown = markdown.replace(OPEN_DATA_MARKER, self.page_block(env, link))
        if LICENCE_MARKER in markdown:
            markdown = markdown.replace(LICENCE_MARKER, self.licence_sentence())
        return markdown
