"""The catalogue as a site: pages (HTML page bodies inside Markdown files) and data files.

A generator adapter (today the MkDocs plugin) asks `SiteViews` for its pages and
data files and writes them; nothing here knows MkDocs. Every page body is one
block of HTML that our autoescaping templates produce, so Markdown passes it
through untouched and a search engine that indexes page bodies sees all of it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from jinja2 import Environment
from markupsafe import Markup, escape

from wiazki import FORMAT_VERSION, REPO_URL
from wiazki.cores import check_all
from wiazki.format import vocab
from wiazki.format.schema import schema_text
from wiazki.model import Bundle, Catalogue, Partner
from wiazki.views import cards, exports, maps, numbers, places
from wiazki.views.links import relative_url
from wiazki.views.opendata import DataLicence, data_licence
from wiazki.views.pages import DataFile, GeneratedPage, HistoryProvider
from wiazki.views.publish import OpenData
from wiazki.views.templates import template_environment
from wiazki.views.text import markdown_to_html, polish_key

if TYPE_CHECKING:  # search.records builds on views.text: no import cycle at run time
    from wiazki.search.records import RecordBuilder, SearchRecord

log = logging.getLogger(__name__)


#: The three sections of the catalogue, in order: (status, heading id, heading).
CATALOGUE_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("available", "dostepne", "Dostępne wiązki"),
    ("design", "w-projektowaniu", "W projektowaniu"),
    ("closed", "zakonczone", "Zakończone"),
)

HOME_MARKER = "<!-- wiazki:home -->"


@dataclass
class SiteViews:
    """Renders the pages and data files of one catalogue."""

    catalogue: Catalogue
    env: Environment = field(default_factory=template_environment)
    directory_urls: bool = True
    #: Lines ("path:line:col: error: …") to show at the top of the catalogue, e.g. in `serve`.
    problems: Sequence[str] = ()
    history: HistoryProvider | None = None
    #: The repository, for "Edytuj" and pull request links (the generator's repo_url).
    repo_url: str = REPO_URL
    #: The data licence (the generator's `data_licence` option); the code stays MIT.
    licence: DataLicence = field(default_factory=data_licence)
    #: The date ("YYYY-MM-DD") a content file ("bundles/x.yml") last changed, e.g. from
    #: git (`wiazki.revisions.dates`); None when unknown. Shown as "Ostatnia zmiana".
    last_change: Callable[[str], str | None] | None = None
    #: The site's public address (the generator's site_url), for the printed canvas.
    site_url: str = ""

    # -- URLs ---------------------------------------------------------------------

    def url_of(self, src_uri: str) -> str:
        """The site-relative URL MkDocs gives a Markdown source path."""
        stem = src_uri[: -len(".md")]
        if not self.directory_urls:
            return stem + ".html"
        if stem == "index":
            return ""
        return stem[: -len("index")] if stem.endswith("/index") else stem + "/"

    def relative(self, from_url: str, to_url: str) -> str:
        """A link from the page at `from_url` to `to_url` (both site-relative)."""
        return relative_url(from_url, to_url)

    def bundle_url(self, bundle_id: str) -> str:
        return self.url_of(_SOURCE["bundle"].format(bundle_id))

    def partner_url(self, partner_id: str) -> str:
        return self.url_of(_SOURCE["partner"].format(partner_id))

    @property
    def catalogue_url(self) -> str:
        return self.url_of("wiazki/index.md")

    @property
    def partners_url(self) -> str:
        return self.url_of("partnerzy/index.md")

    def _linker(self, here: str) -> Callable[[str], str]:
        return lambda target: self.relative(here, target)

    # -- helpers the templates use ------------------------------------------------

    def partner(self, partner_id: str) -> Partner | None:
        return self.catalogue.partners.get(partner_id)

    def territory(self, bundle: Bundle) -> list[str]:
        return [self.catalogue.register.describe(code) for code in bundle.territory]

    def card_text(self, bundle: Bundle) -> str:
        return cards.card_text(self.catalogue, bundle)

    def card_facets(self, bundle: Bundle) -> str:
        """The card's data-f: space-separated facet tokens ("g3 g5 v30 p3010 t0 s5 f0")."""
        return cards.card_facets(self.catalogue, bundle)

    @staticmethod
    def short_stage(bundle: Bundle) -> str:
        return cards.short_stage(bundle)

    def card_places(self, bundle: Bundle) -> str:
        return cards.card_places(self.catalogue, bundle)

    def _powiat_name(self, code: str) -> str:
        return cards.powiat_name(self.catalogue, code)

    def _render(self, template: str, **context: Any) -> str:
        body = self.env.get_template(f"wiazki/{template}").render(view=self, **context)
        # One raw HTML block for Markdown: no blank line may end it early.
        return "\n".join(filter(str.strip, body.splitlines())) + "\n"

    # -- pages --------------------------------------------------------------------

    def pages(self, parallel: bool | None = None) -> list[GeneratedPage]:
        """Every page; on two cores for a large catalogue (wiazki/cores.py), or with
        `parallel=False` in this process."""
        keys = ["catalogue", "partners", "numbers"] + [f"bundle:{key}" for key in self.catalogue.bundles]
        keys += [f"partner:{key}" for key in self.catalogue.partners]
        return check_all(keys, _page, self, parallel)

    def page(self, key: str) -> GeneratedPage:
        """One page by key: "catalogue", "partners", "numbers", "bundle:<id>", "partner:<id>"."""
        kind, _, ident = key.partition(":")
        if kind == "bundle":
            bundle = self.catalogue.bundles[ident]
            return self.bundle_page(bundle, self.history(bundle) if self.history else ())
        if kind == "partner":
            return self.partner_page(self.catalogue.partners[ident])
        return {"catalogue": self.catalogue_page, "partners": self.partners_page, "numbers": self.numbers_page}[kind]()

    def page_uris(self) -> set[str]:
        """The `src_uri` of every page `pages()` makes, without making them."""
        uris = {"wiazki/index.md", "partnerzy/index.md", "w-liczbach/index.md"}
        uris |= {_SOURCE["bundle"].format(key) for key in self.catalogue.bundles}
        return uris | {_SOURCE["partner"].format(key) for key in self.catalogue.partners}

    @property
    def numbers_url(self) -> str:
        return self.url_of("w-liczbach/index.md")

    def numbers_page(self) -> GeneratedPage:
        """/w-liczbach/: the figures of `views.numbers`, each a chart with its table."""
        stats = dict(self.catalogue.stats(), bundles=len(self.catalogue.bundles))
        body = self._render(
            "numbers.html", link=self._linker(self.numbers_url), figures=numbers.figures(self.catalogue), stats=stats
        )
        return GeneratedPage(
            "w-liczbach/index.md",
            body,
            Markup("Katalog w liczbach"),
            Markup("Wiązki według etapu, regionu, grupy odbiorców i rodzaju usług; partnerzy i finansowanie."),
            kind="numbers",
        )

    def catalogue_page(self) -> GeneratedPage:
        here = self.catalogue_url
        bundles = list(self.catalogue.bundles.values())
        register = self.catalogue.register
        # Every województwo and powiat, not only those with bundles: the home page's map
        # links each powiat here, and a powiat without bundles must say so, not show all.
        all_powiats = maps.powiat_counts(self.catalogue)
        voivodeships = sorted({code[:2] for code in all_powiats})
        powiats = sorted(
            all_powiats,
            key=lambda code: (code[:2], polish_key(self._powiat_name(code).removeprefix("powiat "))),
        )

        def present(attr: str) -> list[str]:
            return [k for k in getattr(vocab, attr) if any(k in getattr(b, self._ATTRS[attr]) for b in bundles)]

        filters = {
            "groups": present("TARGET_GROUPS"),
            "voivodeships": [
                (code, unit.display_name if (unit := register.get(code)) else code) for code in voivodeships
            ],
            "powiats": [(code, self._powiat_name(code)) for code in powiats],
            "types": present("SERVICE_TYPES"),
            "areas": present("SERVICE_AREAS"),
            "stages": [s for s in vocab.STAGES if any(b.stage == s for b in bundles)],
            "fees": present("FEES"),
        }
        sections = [(sid, heading, self.catalogue.by_status(status)) for status, sid, heading in CATALOGUE_SECTIONS]
        body = self._render(
            "catalogue.html",
            link=self._linker(here),
            filters=filters,
            sections=sections,
            gmina_mode="filter",
            gmina_index_url=places.INDEX_URI,
        )
        return GeneratedPage(
            "wiazki/index.md",
            body,
            Markup("Katalog wiązek"),
            Markup(
                "Katalog wiązek usług społecznych: wyszukaj wiązkę według grupy odbiorców, regionu i rodzaju usług."
            ),
            kind="catalogue",
        )

    _ATTRS = {
        "TARGET_GROUPS": "groups",
        "SERVICE_TYPES": "service_types",
        "SERVICE_AREAS": "service_areas",
        "FEES": "fees",
    }

    def bundle_page(self, bundle: Bundle, history: Sequence[Any] = ()) -> GeneratedPage:
        here = self.bundle_url(bundle.id)
        canvas = bundle.canvas
        current = (
            vocab.DESIGN_STAGES.index(bundle.stage) if bundle.stage in vocab.DESIGN_STAGES else len(vocab.DESIGN_STAGES)
        )
        progress = [
            (stage, vocab.STAGES.label(stage), "done" if i < current else "current" if i == current else "todo")
            for i, stage in enumerate(vocab.DESIGN_STAGES)
        ]
        body = self._render(
            "bundle.html",
            link=self._linker(here),
            bundle=bundle,
            canvas=canvas,
            design=bundle.design,
            progress=progress,
            description=markdown_to_html(bundle.description) if bundle.description else None,
            history=list(history or ()),
            territory_map=maps.territory_map(self.catalogue, bundle),
            edit_url=f"{self.repo_url}/edit/main/content/bundles/{bundle.id}.yml",
            last_change=self.last_change(f"bundles/{bundle.id}.yml") if self.last_change else None,
            address=self.site_url.rstrip("/") + "/" + here if self.site_url else "",
        )
        return GeneratedPage(
            _SOURCE["bundle"].format(bundle.id),
            body,
            escape(bundle.title),
            escape(bundle.summary),
            source=f"bundles/{bundle.id}.yml",
            kind="bundle",
        )

    def partners_page(self) -> GeneratedPage:
        here = self.partners_url
        partners = list(self.catalogue.partners.values())
        partners.sort(key=lambda p: polish_key(p.name))
        groups = [
            (sector, vocab.SECTORS.label(sector), [p for p in partners if p.sector == sector])
            for sector in vocab.SECTORS
        ]
        groups = [g for g in groups if g[2]]
        body = self._render("partners.html", link=self._linker(here), groups=groups)
        return GeneratedPage(
            "partnerzy/index.md",
            body,
            Markup("Partnerzy"),
            Markup("Organizacje i instytucje, które współtworzą wiązki usług społecznych."),
            kind="partners",
        )

    def partner_text(self, partner: Partner) -> str:
        return cards.partner_text(self.catalogue, partner)

    def partner_page(self, partner: Partner) -> GeneratedPage:
        here = self.partner_url(partner.id)
        body = self._render(
            "partner.html",
            link=self._linker(here),
            partner=partner,
            participation=self.catalogue.participation(partner.id),
            edit_url=f"{self.repo_url}/edit/main/content/partners/{partner.id}.yml",
        )
        return GeneratedPage(
            _SOURCE["partner"].format(partner.id),
            body,
            escape(partner.name),
            escape(partner.description) if partner.description else None,
            source=f"partners/{partner.id}.yml",
            kind="partner",
        )

    @cached_property
    def open_data(self) -> OpenData:
        """HSDS, feeds, calendars and the licence, built once per build."""
        return OpenData(self.catalogue, self.licence, self.history, self.catalogue_url, self.last_change)

    def fill_markers(self, markdown: str, page_url: str) -> str:
        """A hand-written page with its generated blocks (home, /dane/) put in.

        The home page (`page_url` "") without HOME_MARKER is logged as a warning: the
        site would lack its counts and entry points without a word.
        """
        if HOME_MARKER in markdown:
            markdown = markdown.replace(HOME_MARKER, self.home_block(page_url))
        elif page_url in ("", "index.html"):
            log.warning(
                "Strona główna (docs/index.md) nie ma znacznika %s: liczby i wejścia do katalogu nie zostaną wstawione",
                HOME_MARKER,
            )
        return self.open_data.fill(markdown, self.env, self._linker(page_url))

    def home_block(self, page_url: str = "") -> str:
        """The generated part of the home page: counts and entry points."""
        bundles = list(self.catalogue.bundles.values())
        groups = [(g, sum(1 for b in bundles if g in b.groups)) for g in vocab.TARGET_GROUPS]
        regions: dict[str, int] = {}
        for b in bundles:
            for v in self.catalogue.voivodeships_of(b):
                regions[v] = regions.get(v, 0) + 1
        register = self.catalogue.register
        voivodeships = sorted(
            ((code, unit.display_name if (unit := register.get(code)) else code, n) for code, n in regions.items()),
            key=lambda item: polish_key(item[1]),
        )
        link = self._linker(page_url)
        return self.env.get_template("wiazki/home.html").render(
            view=self,
            link=link,
            home_map=maps.home_map(self.catalogue, lambda code: link(f"{self.catalogue_url}?powiat={code}")),
            gmina_mode="go",
            gmina_index_url=places.INDEX_URI,
            stats=self.catalogue.stats(),
            groups=[(g, n) for g, n in groups if n],
            voivodeships=voivodeships,
        )

    # -- search -------------------------------------------------------------------

    def search_records(self, builder: RecordBuilder) -> list[SearchRecord]:
        """One search record per bundle and partner page (the directories themselves are not results)."""
        catalogue = self.catalogue
        builder.mark_places(catalogue)
        records = [builder.bundle(b, catalogue, self.bundle_url(b.id)) for b in catalogue.bundles.values()]
        records += [builder.partner(p, catalogue, self.partner_url(p.id)) for p in catalogue.partners.values()]
        return records

    # -- data ---------------------------------------------------------------------

    def data_files(self, site_url: str) -> list[DataFile]:
        absolute = lambda url: site_url.rstrip("/") + "/" + url  # noqa: E731
        bundle_url = lambda bundle_id: absolute(self.bundle_url(bundle_id))  # noqa: E731
        partner_url = lambda partner_id: absolute(self.partner_url(partner_id))  # noqa: E731
        meta = self.open_data.metadata("json")
        files = [
            DataFile("api/bundles.json", exports.bundles_json(self.catalogue, bundle_url, meta)),
            DataFile("api/partners.json", exports.partners_json(self.catalogue, partner_url, meta)),
            DataFile("api/bundles.csv", exports.bundles_csv(self.catalogue, bundle_url)),
            DataFile("api/partners.csv", exports.partners_csv(self.catalogue, partner_url)),
            DataFile(places.INDEX_URI, places.gmina_index(self.catalogue.register)),
            DataFile("schemas/bundle.schema.json", schema_text("bundle")),
            DataFile("schemas/partner.schema.json", schema_text("partner")),
        ]
        opened = self.open_data.files(absolute, bundle_url, partner_url)
        return files + [DataFile(src_uri, content) for src_uri, content in opened]


def _page(key: str, views: SiteViews) -> GeneratedPage:
    return views.page(key)


#: A bundle's and a partner's page (`src_uri`) by id.
_SOURCE = {"bundle": "wiazki/{}/index.md", "partner": "partnerzy/{}/index.md"}


__all__ = ["SiteViews", "GeneratedPage", "DataFile", "template_environment", "HOME_MARKER", "FORMAT_VERSION"]
