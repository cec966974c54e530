"""Browser tests: real MkDocs builds, served over HTTP, driven in Debian's Chromium.

One Chromium runs for the whole session. Each site is built once per session with
`mkdocs build --strict` (on the frozen date WIAZKI_TODAY) and served by a threaded
http.server on 127.0.0.1:

- `real_site`: the repository's own mkdocs.yml and content/, built in place, as
  `make build` does. The browser reaches it at its deployed address (site_url,
  https://owes-katalog.github.io/wiazki/): every request for that origin is
  answered from the local server, every other outside request is refused. This
  keeps the build untouched and lets Material's instant navigation work: it
  matches links against sitemap.xml by host and drops the port, so it never
  works on 127.0.0.1:<port>.
- `injection_site`: the same project with the hostile content folder of
  tests/sitehelpers.py, reached at 127.0.0.1 directly.
- `fixture_site`: the hand-written contract page tests/browser/fixtures/catalogue.html
  with our two assets, no build at all.

Chromium is never downloaded: the tests use the system's `chromium` (Debian's
package, `make browser-deps`). Without it they are skipped with a message, except
under CI (env CI set), where a missing browser is a failure.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
FIXTURES = HERE / "fixtures"

# sitehelpers and contentkit (tests/) import as plain modules.
if str(HERE.parent) not in sys.path:
    sys.path.insert(0, str(HERE.parent))

#: The date every build runs on, so that date rules (and "reviewed" warnings) are frozen.
TODAY = "2026-11-27"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

LOCAL = "http://127.0.0.1:"


def chromium_path() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


def _missing(what: str) -> None:
    message = f"{what}; run `make browser-deps`"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set: the browser tests must run)", pytrace=False)
    pytest.skip(message)


# ---- Building --------------------------------------------------------------------


def mkdocs_executable() -> str:
    for candidate in (Path(sys.executable).parent / "mkdocs", REPO / ".venv" / "bin" / "mkdocs"):
        if candidate.exists():
            return str(candidate)
    return "mkdocs"


def build_site(config_file: Path, site_dir: Path) -> Path:
    """`mkdocs build --strict` of `config_file` into `site_dir`; fails with its log."""
    env = dict(os.environ, WIAZKI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [mkdocs_executable(), "build", "--strict", "-f", str(config_file), "-d", str(site_dir)],
        cwd=config_file.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode != 0:
        pytest.fail(
            f"mkdocs build --strict failed ({result.returncode}) for {config_file}:\n{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return site_dir


def site_url(config_file: Path) -> str:
    """The configured site_url (mkdocs.yml may hold !ENV and !!python tags: ignored)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader) or {}
    url = config.get("site_url") or "http://127.0.0.1/"
    return url if url.endswith("/") else url + "/"


# ---- Serving ---------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site below `prefix` (the path of site_url), as GitHub Pages does:
    MkDocs writes absolute links into 404.html from that path."""

    prefix = "/"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def translate_path(self, path: str) -> str:
        parsed = urllib.parse.urlsplit(path).path
        parsed = "/" + parsed[len(self.prefix) :] if parsed.startswith(self.prefix) else "/__outside__"
        return super().translate_path(parsed)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like GitHub Pages: a missing file gets the site's 404.html with status 404.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Site:
    """A built site being served.

    `url(path)` is the address the browser uses (the public one when the site is
    routed, see `route_requests`); `local` is the http.server's own address.
    """

    root: Path
    local: str
    public: str
    server: http.server.ThreadingHTTPServer = field(repr=False)

    def url(self, path: str = "") -> str:
        return self.public + path.lstrip("/")

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


#: Public base URL → local base URL of every routed site in this session.
ROUTED: dict[str, str] = {}


def serve(root: Path, public: str | None = None, prefix: str | None = None) -> Site:
    """Serve `root` on a free port below the path of `public` (or `prefix`)."""
    if prefix is None:
        prefix = urllib.parse.urlsplit(public).path if public else "/"
    handler = type("Handler", (_Handler,), {"prefix": prefix})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=f"serve {root}", daemon=True).start()
    local = f"{LOCAL}{server.server_port}{prefix}"
    if public:
        ROUTED[public] = local
    return Site(root=root, local=local, public=public or local, server=server)


def route_requests(context: Any) -> None:
    """Answer routed sites from their local server, let 127.0.0.1 through, refuse
    the rest (web fonts, the GitHub API): the tests never touch the network."""
    from playwright.sync_api import Error as PlaywrightError

    def handle(route: Any) -> None:
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
            return
        for public, local in ROUTED.items():
            if url.startswith(public):
                try:
                    response = route.fetch(url=local + url[len(public) :], max_redirects=0)
                    route.fulfill(response=response)
                except PlaywrightError:
                    # The page went on (a new navigation) while this request was
                    # being answered: nobody waits for it any more.
                    pass
                return
        route.abort()

    context.route("**/*", handle)


# ---- Fixtures: browser -----------------------------------------------------------


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_path()
    if executable is None:
        _missing("Chromium is not installed (no `chromium` on PATH)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        _missing("Playwright for Python is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> Path:
    if not AXE.exists():
        _missing(f"axe-core is missing ({AXE.relative_to(REPO)}; npm ci)")
    return AXE


CONTEXT_OPTIONS: dict[str, Any] = {"locale": "pl-PL", "viewport": {"width": 1280, "height": 900}}


def new_context(browser: Any, **options: Any) -> Any:
    context = browser.new_context(**{**CONTEXT_OPTIONS, **options})
    context.set_default_timeout(20_000)
    route_requests(context)
    return context


def new_page(context: Any) -> Any:
    """A page that records uncaught script errors and refuses every dialog."""
    page = context.new_page()
    page.errors = []

    def refuse(dialog: Any) -> None:
        page.errors.append(f"dialog {dialog.type}: {dialog.message!r}")
        dialog.dismiss()

    page.on("pageerror", lambda error: page.errors.append(f"script error: {error}"))
    page.on("dialog", refuse)
    return page


def close_context(context: Any) -> None:
    # Requests still being answered by the route handler are dropped quietly.
    context.unroute_all(behavior="ignoreErrors")
    context.close()


@pytest.fixture(scope="session")
def _shared() -> Iterator[dict[str, Any]]:
    shared: dict[str, Any] = {}
    yield shared
    if "context" in shared:
        close_context(shared["context"])


@pytest.fixture
def page(browser: Any, _shared: dict[str, Any]) -> Iterator[Any]:
    """The session's page (a new page costs half a second), blank for each test.

    The test fails on any uncaught script error or dialog (alert, confirm, prompt)
    the page raised while it ran.
    """
    if "context" not in _shared:
        _shared["context"] = new_context(browser)
    current = _shared.get("page")
    if current is None or current.is_closed():
        current = _shared["page"] = new_page(_shared["context"])
    current.errors.clear()
    yield current
    errors = list(current.errors)
    current.goto("about:blank")
    # A test may have emulated print or changed the size: the next one starts clean.
    current.emulate_media(media="null")
    if current.viewport_size != CONTEXT_OPTIONS["viewport"]:
        current.set_viewport_size(CONTEXT_OPTIONS["viewport"])
    assert not errors, f"the page raised script errors or dialogs: {errors}"


@pytest.fixture
def make_page(browser: Any) -> Iterator[Any]:
    """A page in a context of its own, for tests that change the context's options."""
    contexts = []

    def make(**options: Any) -> Any:
        context = new_context(browser, **options)
        contexts.append(context)
        return new_page(context)

    yield make
    for context in contexts:
        errors = [e for p in context.pages for e in p.errors]
        close_context(context)
        assert not errors, f"the page raised script errors or dialogs: {errors}"


# ---- Fixtures: sites -------------------------------------------------------------


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The repository's own site (mkdocs.yml, docs/, content/), built in place."""
    config = REPO / "mkdocs.yml"
    root = build_site(config, tmp_path_factory.mktemp("real") / "site")
    site = serve(root, public=site_url(config))
    yield site
    site.stop()


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The project's configuration and pages with the hostile content of sitehelpers."""
    import sitehelpers

    project = tmp_path_factory.mktemp("injection-project")
    sitehelpers.injection_content(project / "content")
    sitehelpers.make_project(project)
    config = project / "mkdocs.yml"
    validate = subprocess.run(
        [str(Path(mkdocs_executable()).parent / "wiazki"), "validate", str(project / "content")],
        env=dict(os.environ, WIAZKI_TODAY=TODAY),
        capture_output=True,
        text=True,
    )
    assert validate.returncode == 0, f"the injection content must be valid:\n{validate.stdout}{validate.stderr}"
    root = build_site(config, tmp_path_factory.mktemp("injection") / "site")
    site = serve(root, prefix=urllib.parse.urlsplit(site_url(config)).path)
    yield site
    site.stop()


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The hand-written contract page with our assets, apart from any build."""
    root = tmp_path_factory.mktemp("contract-page")
    shutil.copy2(FIXTURES / "catalogue.html", root / "index.html")
    shutil.copytree(REPO / "plugins" / "wiazki" / "assets", root / "assets")
    site = serve(root)
    yield site
    site.stop()
