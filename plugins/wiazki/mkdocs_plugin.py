"""The MkDocs plugin `wiazki`: a thin adapter between MkDocs' events and the core.

It validates the content folder once per build (re-parsing only files that
changed since the previous build of a `mkdocs serve` session), reports problems
as `wiazki validate` does, and hands the views' pages, data files and assets to
MkDocs as generated files. Everything else lives in modules that import no MkDocs.
"""

from __future__ import annotations

import logging
import os
import posixpath
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from wiazki import REPO_URL, shared_nav
from wiazki.clock import today
from wiazki.cores import Beside
from wiazki.editor.config import EditorSettings
from wiazki.editor.site import Vendor, editor_files
from wiazki.heap import hold_heap, release_heap
from wiazki.mkdocs_config import WiazkiConfig
from wiazki.model import build_catalogue
from wiazki.revisions.dates import LastChangeCache, SourceDates
from wiazki.revisions.history import HistoryCache
from wiazki.search.index import BackgroundIndex, PreparedDocuments, SearchDocuments, SearchIndexError
from wiazki.search.records import RecordBuilder
from wiazki.site_dir import cannot_write
from wiazki.validation import reporting
from wiazki.validation.validator import ContentDirError, ContentValidator
from wiazki.views import GeneratedPage, SiteViews, template_environment
from wiazki.views.format_reference import REFERENCE_MATTER, format_reference
from wiazki.views.opendata import data_licence
from wiazki.views.publish import NO_SITE_URL

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


class _ToMkDocs(logging.Handler):
    """Hands the core's records ("wiazki.revisions.history") to MkDocs' logger tree: MkDocs
    prints only the `mkdocs` tree; the record goes on as "mkdocs.plugins.wiazki.revisions.history",
    so the user sees it and `--strict` counts its warnings."""

    def emit(self, record: logging.LogRecord) -> None:
        logging.getLogger(f"mkdocs.plugins.{record.name}").handle(record)


def forward_core_logs() -> None:
    """Send the core's log records (the `wiazki` logger tree) to MkDocs' output; once per process."""
    core = logging.getLogger("wiazki")
    if not any(isinstance(handler, _ToMkDocs) for handler in core.handlers):
        core.addHandler(_ToMkDocs())
    # MkDocs' own handler decides what is shown (INFO, or DEBUG with --verbose).
    core.setLevel(logging.DEBUG)


ASSETS_DIR = Path(__file__).resolve().parent / "assets"
#: Theme partials of ours (the footer); the theme's own custom_dir still wins.
THEME_DIR = Path(__file__).resolve().parent / "theme"
#: Our stylesheets and scripts on every page (they re-initialise under instant navigation);
#: the search engine's script comes before the catalogue's, which uses it.
ASSETS = {
    "assets/wiazki/wiazki.css": "wiazki.css",
    "assets/wiazki/search.css": "search.css",
    "assets/wiazki/search-words.js": "search-words.js",
    "assets/wiazki/search.js": "search.js",
    "assets/wiazki/search-dialog.js": "search-dialog.js",
    "assets/wiazki/search-typos.js": "search-typos.js",
    "assets/wiazki/catalogue.js": "catalogue.js",
    "assets/wiazki/maps.css": "maps.css",
    "assets/wiazki/gmina.js": "gmina.js",
}


def _body(generated: GeneratedPage) -> tuple[str, Any]:
    """The page's HTML and its table of contents (the title, its h2 sections below it)."""
    tokens: list[dict[str, Any]] = []
    for level, anchor, name in generated.headings:
        token = {"level": level, "id": anchor, "name": name, "children": []}
        (tokens[-1]["children"] if level > 1 and tokens else tokens).append(token)
    return generated.html, get_toc(tokens)  # type: ignore[arg-type]


class _ViewPage(Page):
    """A page whose body the views wrote as HTML: it skips MkDocs' Markdown pass (a
    new Markdown instance per page to pass one raw HTML block through unchanged) and
    gives Material its table of contents from the page's headings (escaped texts)."""

    def __init__(self, file: File, config: MkDocsConfig, generated: GeneratedPage) -> None:
        super().__init__(None, file, config)
        self.generated = generated

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content, self.toc = _body(self.generated)
        self.present_anchor_ids = {anchor for _, anchor, _ in self.generated.headings}
        self.links_to_anchors = {}


class WiazkiPlugin(BasePlugin[WiazkiConfig]):
    def __init__(self) -> None:
        forward_core_logs()
        self._validator: ContentValidator | None = None
        self._serving = False
        self._one_shot = False  # `mkdocs build` or `gh-deploy` from the command line: one build, then exit
        self._pages: dict[str, GeneratedPage] = {}
        self._views: SiteViews | None = None
        self._content_dir = Path("content")
        # True when /admin/ is Decap's own page rather than the Markdown explanation.
        self._editor_is_static = False
        # Read from git once per checked-out commit, not on every `serve` rebuild.
        self._history = HistoryCache()
        self._dates = LastChangeCache()
        self._source_dates = SourceDates({}, Path("content"))
        # Word forms are generated once per word for the whole `serve` session.
        self._records = RecordBuilder()
        self._index = BackgroundIndex()

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, and with
    # it the validator's per-file cache: an edit re-parses only the edited file.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._one_shot = command in ("build", "gh-deploy")

    def on_shutdown(self) -> None:
        # MkDocs keeps this instance for the process: a later build (a test's, an embedding
        # program's) releases its heap again. The heap frozen by this one stays so until exit.
        self._one_shot = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return None
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        self._content_dir = (base / self.config.content_dir).resolve()
        if problem := cannot_write(config.site_dir):  # else MkDocs fails with a traceback
            raise PluginError(problem)
        if not config.site_url:  # `mkdocs serve` sets it; a build without it warns (publish.py)
            log.warning(NO_SITE_URL)
        if str(THEME_DIR) not in config.theme.dirs:
            custom_dir = getattr(config.theme, "custom_dir", None)
            config.theme.dirs.insert(1 if custom_dir else 0, str(THEME_DIR))
        for asset in ASSETS:
            if asset.endswith(".css") and asset not in config.extra_css:
                config.extra_css.append(asset)
            if asset.endswith(".js") and asset not in [str(script) for script in config.extra_javascript]:
                script = opt.ExtraScriptValue(asset)
                script.defer = True
                config.extra_javascript.append(script)
        return config

    # Run early so that plugins after us (and the nav) see the generated files.
    @event_priority(50)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return None
        if self._validator is None or self._validator.root != self._content_dir:
            self._validator = ContentValidator(self._content_dir)
        try:
            day = today()
        except ValueError as exc:
            raise PluginError(f"wiazki: zmienna WIAZKI_TODAY musi mieć postać RRRR-MM-DD ({exc})") from exc
        try:
            result = self._validator.validate(day)
        except ContentDirError as exc:
            raise PluginError(f"wiazki: {exc} (opcja content_dir w mkdocs.yml)") from exc
        reporting.log_problems(result.problems, log, self.config.strict_warnings, self.config.content_dir)
        errors = reporting.human(result.errors)
        histories = self._history.get(self._content_dir.parent, self._content_dir)
        dates = self._dates.get(self._content_dir.parent, [self._content_dir, Path(config.docs_dir)])
        self._source_dates = SourceDates(dates, self._content_dir)
        views = SiteViews(
            build_catalogue(result, self._validator.register),
            env=template_environment([d for d in [getattr(config.theme, "custom_dir", None)] if d]),
            directory_urls=config.use_directory_urls,
            problems=errors if self._serving else (),
            history=lambda bundle: histories.get(bundle.id, ()),
            repo_url=(config.repo_url or REPO_URL).rstrip("/"),
            licence=data_licence(self.config.data_licence),
            last_change=self._source_dates.content,
            site_url=config.site_url or "",
        )
        self._views = views
        # The Polish field reference (/format/), generated from the field tree.
        reference = File.generated(config, "format.md", content=REFERENCE_MATTER + format_reference())
        reference.edit_uri = None
        self._add(files, reference)
        if self.config.editor.enabled:
            self._add_editor(files, config, views)
        for src_uri, name in ASSETS.items():
            self._add(files, File.generated(config, src_uri, abs_src_path=str(ASSETS_DIR / name)))
        # Both cores (wiazki/cores.py): a worker writes the search documents, then their
        # dictionary, while this process makes the pages and the open data; Pagefind
        # indexes on that core from the moment the documents are there. The folder is
        # made here, so that this process removes it whatever happens to the worker.
        made = views.page_uris()
        hand = [(f.url, f.content_string) for f in files.documentation_pages() if f.src_uri not in made]
        records, folder = self._records, self._index.documents_folder()
        search = SearchDocuments(
            lambda: views.search_records(records) + records.hand_pages(hand), records.forms, folder
        )

        def start_index(prepared: PreparedDocuments) -> None:
            if problem := self._index.start_prepared(prepared):
                log.error("wiazki: %s", problem)

        with Beside([search.documents, search.dictionary]) as beside:
            beside.on_result(0, start_index)  # Pagefind starts the moment the documents arrive
            pages = views.pages(parallel=False)
            data_files = views.data_files(config.site_url or "")
            start_index(beside.result(0))
            beside.result(1)
        self._pages = {}
        for page in pages:
            file = File.generated(
                config,
                page.src_uri,
                content=page.html,
                inclusion=InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            )
            # Edit links point at the YAML; the catalogue and the directory have no file to edit.
            file.edit_uri = self._edit_uri(page.source, config) if page.source is not None else None
            self._add(files, file)
            if not page.in_nav:
                _ViewPage(file, config, page)
            self._pages[page.src_uri] = page
        for data in data_files:
            self._add(files, File.generated(config, data.src_uri, content=data.content))
        hold_heap()  # until the build ends, or the process (`wiazki.heap.hold_heap`)
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        if not self.config.enabled or self._views is None:
            return None
        generated = self._pages.get(page.file.src_uri)
        if generated is not None:
            self._set_update_date(page, generated)
            # Material prints meta title and description unescaped: give it escaped text.
            page.meta["title"] = str(generated.title)
            if generated.wide:
                # The canvas needs the width: with the table of contents beside it the
                # classic nine-block grid folds into two columns on a laptop screen.
                page.meta["hide"] = ["toc"]
            if generated.description is not None:
                page.meta["description"] = str(generated.description)
            # _ViewPage.render puts the body in without Markdown; a page in the nav keeps
            # the nav's title, so MkDocs made it: an empty text is all Markdown sees.
            return None if isinstance(page, _ViewPage) else ""
        linked = self._link_editor(markdown, page)
        filled = self._views.fill_markers(linked, page.url)
        self._set_update_date(page, None, from_catalogue=filled != linked)
        return filled if filled != markdown else None

    def _link_editor(self, markdown: str, page: Page) -> str:
        """Links to `admin/index.md` reach the editor's own page when it is one (not Markdown)."""
        if not self._editor_is_static or self._views is None:
            return markdown
        target = posixpath.relpath("admin/index.md", posixpath.dirname(page.file.src_uri) or ".")
        if f"]({target})" not in markdown:
            return markdown
        url = self._views.relative(page.url, self._views.url_of("admin/index.md"))
        return markdown.replace(f"]({target})", f"]({url})")

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        generated = self._pages.get(page.file.src_uri) if self.config.enabled else None
        if generated is None or isinstance(page, _ViewPage):
            return None
        page.content, page.toc = _body(generated)
        return page.content

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.config.enabled:  # Material's nav once for the pages outside it (shared_nav.py)
            dirs = list(config.theme.dirs)
            after = dirs[dirs.index(str(THEME_DIR)) + 1 :] if str(THEME_DIR) in dirs else dirs
            theme_urls = [config.extra.get("homepage"), config.theme.get("logo")]
            shared = not shared_nav.overrides_nav(getattr(config.theme, "custom_dir", None))
            shared_nav.install(env, after, [url for url in theme_urls if isinstance(url, str)], shared)
        return env

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if not self.config.enabled or self._views is None:
            return None
        # theme/main.html writes these as <link rel="alternate"> in the page head; the
        # catalogue and /dane/ also list each województwo's feed.
        all_regions = page.file.src_uri in ("wiazki/index.md", "dane.md")
        context["wiazki_feeds"] = self._views.open_data.feed_links(all_regions)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self._one_shot:  # else frozen until the process exits (`wiazki.heap.hold_heap`)
            release_heap()
        try:
            stats = self._index.finish(Path(config.site_dir))
        except SearchIndexError as exc:
            return log.error("wiazki: %s", exc)
        if stats is not None:
            log.info("wiazki: indeks wyszukiwarki: %d stron w %.1f s", stats.records, stats.seconds)

    def on_build_error(self, *, error: Exception) -> None:
        release_heap()
        self._index.cancel()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        # `mkdocs serve --clean` starts as "build": its first build's heap stays frozen until
        # here, its rebuilds release theirs (a frozen heap would keep each one's garbage).
        self._serving, self._one_shot = True, False
        release_heap()
        if self.config.enabled:
            server.watch(str(self._content_dir))
        return server

    # -- helpers ------------------------------------------------------------------

    def _add_editor(self, files: Files, config: MkDocsConfig, views: SiteViews) -> None:
        editor = self.config.editor
        base = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        repo = (config.repo_url or REPO_URL).rstrip("/").removeprefix("https://github.com/")
        settings = EditorSettings(
            repo=repo,
            branch=editor.branch,
            base_url=editor.base_url,
            auth_endpoint=editor.auth_endpoint,
            local_backend=editor.local_backend,
            site_url=config.site_url or "",
        )
        # The preview uses the site's own stylesheets: the theme's (hashed names) and ours.
        styles = [f.url for f in files if f.src_uri.startswith("assets/stylesheets/") and f.src_uri.endswith(".css")]
        styles += [url for url in config.extra_css if isinstance(url, str)]
        vendor = Vendor.under(base / editor.tools_dir)
        if settings.can_sign_in and not vendor.present:
            # INFO, not a warning: a build without the editor's files is still a whole site.
            log.info(
                "wiazki: brak plików edytora w %s; /admin/ pokaże wyjaśnienie (uruchom make serve)", editor.tools_dir
            )
        here = views.url_of("admin/index.md")

        def link(src_uri: str) -> str:
            # A guide page the site has: its source, which MkDocs turns into the right URL
            # for either use_directory_urls (a ".html" URL in Markdown fails --strict).
            if files.get_file_from_path(src_uri) is not None:
                return posixpath.relpath(src_uri, "admin")
            return views.relative(here, views.url_of(src_uri))

        items = editor_files(settings, views.catalogue, views.env, vendor, styles, link)
        self._editor_is_static = any(item.src_uri == "admin/index.html" for item in items)
        for item in items:
            given = {"abs_src_path": str(item.source)} if item.source is not None else {"content": item.content or ""}
            self._add(files, File.generated(config, item.src_uri, **given))  # type: ignore[call-overload]

    def _set_update_date(self, page: Page, generated: GeneratedPage | None, from_catalogue: bool = False) -> None:
        """The page's `<lastmod>` in sitemap.xml (theme/sitemap.xml prints meta.wiazki_lastmod):
        when its source last changed in git, not the build date; left out when unknown."""
        source = generated.source if generated is not None else None
        day = self._source_dates.page(source, generated is not None, page.file.abs_src_path, from_catalogue)
        page.meta["wiazki_lastmod"] = day or ""
        if day:  # update_date also dates sitemap.xml.gz
            page.update_date = day

    def _edit_uri(self, source: str, config: MkDocsConfig) -> str:
        """The YAML file relative to docs_dir: MkDocs joins it to repo_url + edit_uri."""
        path = os.path.relpath(self._content_dir / source, config.docs_dir)
        return posixpath.join(*Path(path).parts)

    def _add(self, files: Files, file: File) -> None:
        existing = files.get_file_from_path(file.src_uri)
        if existing is not None:
            log.warning("wiazki: plik %s w %s zasłania stronę generowaną przez wtyczkę; usuń go", file.src_uri, "docs/")
            files.remove(existing)
        files.append(file)
