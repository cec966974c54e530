"""The editor end to end, offline, in Debian's Chromium: forms in, pull request branches out.

`decap-server` runs in git mode on a temporary repository holding a copy of
content/ (never on this checkout: in git mode it commits every untracked file), the
site is built with `local_backend` pointing at it, and the test fills Decap's forms
as a person would. A saved entry must become a branch `cms/bundles/<id>` whose file
passes `wiazki validate`; a save of a sample bundle after changing one field must
change that field and nothing else, as data and as `wiazki diff` reports it. On the
way the preview is compared with the published page of the same bundle, fed markup
as a title, and axe-core checks /admin/. One module fixture builds the site once: the
whole file takes about 1.5 minutes.

With WIAZKI_SCREENSHOTS=<folder> (`make screenshots`) the test also saves the
pictures of the guide (docs/img/edytor-*.png).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, TODAY, _missing, mkdocs_executable, new_context, new_page, serve
from wiazki.validation.loader import load_text

pytestmark = [pytest.mark.browser, pytest.mark.editor]

TOOLS = REPO / "tools" / "decap"
DECAP_SERVER = TOOLS / "node_modules" / "decap-server" / "dist" / "index.js"
NEW_ID = "test-edytora-kramsk"
SAMPLE = "senior-u-siebie-kramsk"
SHOTS = os.environ.get("WIAZKI_SCREENSHOTS")
#: axe findings in Decap CMS 3.16.3's own interface at /admin/ (see the axe test).
DECAP_OWN = {
    "aria-command-name",
    "aria-input-field-name",
    "aria-required-attr",
    "button-name",
    "color-contrast",
    "nested-interactive",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def git(repo: Path, *args: str) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="t@example.org")
    env.update(GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="t@example.org")
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=True)
    return done.stdout


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A temporary repository served by decap-server, and the site built against it."""
    if shutil.which("node") is None or not DECAP_SERVER.exists():
        _missing("decap-server is not installed (tools/decap/node_modules); run `make editor-deps`")
    if not (TOOLS / "vendor" / "decap-cms" / "decap-cms.js").exists():
        _missing("Decap CMS is not fetched (tools/decap/vendor); run `make editor-deps`")
    base = tmp_path_factory.mktemp("editor")
    repo = base / "repo"
    shutil.copytree(REPO / "content", repo / "content")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Treść przykładowa")

    port = free_port()
    env = dict(os.environ, MODE="git", PORT=str(port), BIND_HOST="127.0.0.1", GIT_REPO_DIRECTORY=str(repo))
    server = subprocess.Popen(
        ["node", str(DECAP_SERVER)], cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        else:
            pytest.fail("decap-server did not start in 30 s", pytrace=False)
        site_dir = base / "site"
        build_env = dict(
            os.environ,
            WIAZKI_TODAY=TODAY,
            NO_MKDOCS_2_WARNING="1",
            WIAZKI_EDITOR_LOCAL_BACKEND=f"http://127.0.0.1:{port}/api/v1",
        )
        built = subprocess.run(
            [mkdocs_executable(), "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site_dir)],
            cwd=REPO,
            env=build_env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert built.returncode == 0, built.stderr
        site = serve(site_dir)
        try:
            yield {"repo": repo, "site": site}
        finally:
            site.stop()
    finally:
        server.terminate()
        server.wait(timeout=10)


def field(scope: Any, name: str, n: int = 0) -> Any:
    """The n-th control of Decap field `name` inside `scope` (ids are `<name>-field-<counter>`)."""
    return scope.locator(f'[id^="{name}-field-"]').nth(n)


def choose(page: Any, control: Any, typed: str, option: str) -> None:
    """Pick `option` in a select or relation widget (react-select) after typing `typed`."""
    control.click()
    control.press_sequentially(typed)
    page.locator('[class*="-option"]', has_text=option).first.click()


def add(scope: Any, what: str) -> None:
    scope.locator("button", has_text=f"Dodaj {what}").first.click()


def shot(page: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / f"edytor-{name}.png"))


def sign_in(page: Any, site: Any) -> None:
    page.goto(site.url("admin/"))
    button = page.get_by_role("button", name="Zaloguj się")
    shot(page, "logowanie")
    button.click()
    page.locator("text=Wiązki").first.wait_for()


def fill_service(page: Any, services: Any, n: int, name: str, type_label: str, provider: str) -> None:
    add(services, "usługę")
    field(services, "name", n).fill(name)
    choose(page, field(services, "type", n), type_label.split()[0], type_label)
    choose(page, field(services, "area", n), "Pomoc", "Pomoc społeczna")
    choose(page, field(services, "provider", n), provider, "(gops-kramsk)")
    field(services, "description", n).fill(f"Opis usługi {name.lower()} dla osób starszych.")
    field(services, "access", n).fill("Skierowanie z GOPS po wywiadzie środowiskowym.")
    choose(page, field(services, "fee", n), "Bezp", "Bezpłatna")


def test_a_new_bundle_becomes_a_branch_that_passes_validation(editor, browser):
    repo, site = editor["repo"], editor["site"]
    context = new_context(browser, viewport={"width": 1000, "height": 640})
    page = new_page(context)
    try:
        sign_in(page, site)
        page.goto(site.url("admin/#/collections/bundles/new"))
        field(page, "id").fill(NEW_ID)
        field(page, "title").fill("Test edytora: opieka w gminie Kramsk")
        field(page, "summary").first.fill("Wiązka zapisana w teście edytora: trzy usługi trzech rodzajów dla seniorów.")
        choose(page, field(page, "stage"), "Proto", "Prototypowanie i testowanie")
        territory = field(page, "territory")
        add(territory, "kod TERYT")
        territory.locator("input").first.fill("3010052")
        choose(page, field(page, "facilitator"), "Konin", "(owes-konin)")
        field(page, "reviewed").fill("2026-11-20")

        value = field(page, "value_proposition")
        field(value, "summary").fill("Senior zostaje w domu, bo pomoc przychodzi do niego.")
        services = field(value, "services")
        fill_service(page, services, 0, "Usługi opiekuńcze", "Usługi opiekuńcze", "GOPS Kramsk")
        fill_service(page, services, 1, "Posiłki z dowozem", "Posiłki", "GOPS Kramsk")
        fill_service(page, services, 2, "Teleopieka", "Teleopieka", "GOPS Kramsk")
        partners = field(page, "key_partners")
        add(partners, "partnera wiązki")
        choose(page, field(partners, "partner"), "GOPS Kramsk", "(gops-kramsk)")
        choose(page, field(partners, "role"), "Realiz", "Realizator usług")
        field(partners, "contribution").fill("Świadczy wszystkie trzy usługi.")

        design = field(page, "design")
        for section, lists in (("discover", ("methods", "findings")), ("define", ("needs",)), ("ideate", ("ideas",))):
            block = field(design, section)
            for name in lists:
                holder = field(block, name)
                holder.locator("button", has_text="Dodaj").first.click()
                holder.locator("textarea, input").first.fill(f"Wpis testowy: {name}")
        field(field(design, "define"), "challenge").fill("Jak możemy pomóc seniorom zostać w domu?")
        field(field(design, "ideate"), "chosen").fill("Jedna ścieżka wsparcia z koordynatorem.")
        prototype = field(design, "prototype")
        tests = field(prototype, "tests")
        add(tests, "test prototypu")
        test = tests.locator('[id^="date-field-"]').last.locator(
            "xpath=ancestor::*[.//*[starts-with(@id, 'changes-field-')]][1]"
        )
        field(test, "date").fill("2026-10-12")
        field(test, "participants").fill("8")
        field(test, "method").fill("Makieta usługi i wywiady.")
        for name in ("feedback", "changes"):
            holder = field(test, name)
            holder.locator("button", has_text="Dodaj").first.click()
            holder.locator("textarea, input").first.fill(f"Wpis testowy: {name}")
        shot(page, "nowa-wiazka")
        page.locator("button", has_text="Zapisz").first.click()
        page.locator("text=Zmiany zapisane").first.wait_for(timeout=30_000)

        branch = f"cms/bundles/{NEW_ID}"
        assert branch in git(repo, "branch", "--list", "cms/*")
        text = git(repo, "show", f"{branch}:content/bundles/{NEW_ID}.yml")
        assert text.startswith("# yaml-language-server: $schema=../../schemas/bundle.schema.json\n")
        doc, problems = load_text(f"{NEW_ID}.yml", text)
        assert not problems and doc is not None
        assert doc.data["reviewed"] == "2026-11-20" and doc.data["design"]["prototype"]["tests"][0]["participants"] == 8
        assert '""' not in text and "T00:00" not in text
        checkout = repo.parent / "check"
        shutil.copytree(repo / "content", checkout / "content")
        (checkout / "content" / "bundles" / f"{NEW_ID}.yml").write_text(text, encoding="utf-8")
        result = subprocess.run(
            [str(Path(sys.executable).parent / "wiazki"), "validate", str(checkout / "content")],
            capture_output=True,
            text=True,
            env=dict(os.environ, WIAZKI_TODAY=TODAY),
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert ": error:" not in result.stdout, result.stdout
        # The editorial workflow's board: the entry waits there as a draft (a pull request on GitHub).
        page.goto(site.url("admin/"))
        page.evaluate("location.hash = '#/workflow'")
        page.get_by_text("Test edytora: opieka").first.wait_for()
        shot(page, "przeglad-zmian")
        assert page.errors == []
    finally:
        context.close()


def check_accessibility(page: Any, axe_source: Path) -> None:
    """axe-core on /admin/ with an entry open: nothing in our preview, only Decap's own findings in its interface."""
    from axehelpers import axe_violations, readable

    frame = next(f for f in page.frames if f != page.main_frame and f.locator(".wiazki-canvas").count())
    preview = axe_violations(frame, axe_source)
    assert preview == [], readable(preview)
    decap = axe_violations(page, axe_source)
    if os.environ.get("WIAZKI_AXE_REPORT"):
        print("\naxe on /admin/ (Decap CMS's own interface):\n" + (readable(decap) or "none"))
    # Decap's own markup (icon buttons without names, its toolbar colours, react-select's
    # ARIA, the Markdown toolbar): nothing our labels, hints or preview could change.
    # A new kind of finding (say `label`, from a field without a label) fails here.
    assert {v["id"] for v in decap} <= DECAP_OWN, readable([v for v in decap if v["id"] not in DECAP_OWN])


PREVIEW_PARTS = (".wiazki-stage", ".wiazki-services", ".wiazki-canvas", ".wiazki-design")


def published_text(page: Any, site: Any) -> dict[str, str]:
    """The sample's stage, services, canvas and Design Thinking record as the site shows them."""
    page.goto(site.url(f"wiazki/{SAMPLE}/"))
    # The calendar file of the milestones exists only once the bundle is published.
    page.evaluate("document.querySelectorAll('.wiazki-calendar').forEach(e => e.remove())")
    return {part: " ".join(page.locator(part).first.inner_text().split()) for part in PREVIEW_PARTS}


def check_preview(page: Any, published: dict[str, str]) -> None:
    """The preview shows what the site shows, and what a person types as text, never markup."""
    frame = next(f for f in page.frames if f != page.main_frame and f.locator(".wiazki-canvas").count())
    for part in PREVIEW_PARTS:
        assert " ".join(frame.locator(part).first.inner_text().split()) == published[part], part
    hostile = '<img src=x onerror="window.parent.__owned=1">Tytuł'
    field(page, "title").fill(hostile)
    frame.locator("h1", has_text="onerror").wait_for()
    assert frame.locator("h1").first.inner_text() == hostile
    assert frame.locator("img").count() == 0
    assert page.evaluate("window.__owned === undefined")


def test_saving_a_sample_after_one_change_changes_only_that_field(editor, browser, axe_source):
    repo, site = editor["repo"], editor["site"]
    context = new_context(browser, viewport={"width": 1000, "height": 640})
    page = new_page(context)
    try:
        published = published_text(page, site)
        sign_in(page, site)
        page.goto(site.url(f"admin/#/collections/bundles/entries/{SAMPLE}"))
        title = field(page, "title")
        title.wait_for()
        check_preview(page, published)
        title.fill("Senior u siebie – opieka w domu w gminie Kramsk")
        shot(page, "edycja")
        check_accessibility(page, axe_source)
        page.locator("button", has_text="Zapisz").first.click()
        page.locator("text=Zmiany zapisane").first.wait_for(timeout=30_000)
        branch = f"cms/bundles/{SAMPLE}"
        before, _ = load_text("a.yml", git(repo, "show", f"main:content/bundles/{SAMPLE}.yml"))
        after_text = git(repo, "show", f"{branch}:content/bundles/{SAMPLE}.yml")
        after, problems = load_text("b.yml", after_text)
        assert not problems and before is not None and after is not None
        assert after.data.pop("title") == "Senior u siebie – opieka w domu w gminie Kramsk"
        before.data.pop("title")
        assert after.data == before.data
        # The file's leading comments stay, the header first.
        assert after_text.splitlines()[:2] == git(repo, "show", f"main:content/bundles/{SAMPLE}.yml").splitlines()[:2]
        diff = subprocess.run(
            [str(Path(sys.executable).parent / "wiazki"), "diff", "main", branch],
            cwd=repo,
            capture_output=True,
            text=True,
            env=dict(os.environ, WIAZKI_TODAY=TODAY),
        )
        assert diff.returncode == 0, diff.stderr
        assert "opieka w domu w gminie Kramsk" in diff.stdout
        assert "Inne zmiany" not in diff.stdout
        assert page.errors == []
    finally:
        context.close()


ROUND_TRIP = """async ([name, files]) => {
  const { makeFormat, parse } = window.wiazkiEditor;
  const config = parse(await (await fetch("config.yml")).text());
  const data = await (await fetch("wiazki-editor-data.json")).json();
  const collection = config.collections.find((c) => c.name === name);
  const format = makeFormat(collection, data.headers[name], data.required[name]);
  return files.map((text) => format.toFile(format.fromFile(text)));
}"""


@pytest.mark.parametrize(("collection", "folder"), [("bundles", "bundles"), ("partners", "partners")])
def test_the_editor_format_keeps_every_sample_file_as_data(editor, browser, collection, folder):
    site = editor["site"]
    files = sorted((REPO / "content" / folder).glob("*.yml"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    context = new_context(browser)
    page = new_page(context)
    try:
        page.goto(site.url("admin/"))
        page.wait_for_function("window.wiazkiEditor !== undefined")
        written = page.evaluate(ROUND_TRIP, [collection, texts])
    finally:
        context.close()
    for path, original, text in zip(files, texts, written, strict=True):
        before, _ = load_text(path.name, original)
        after, problems = load_text(path.name, text)
        assert not problems, (path.name, problems)
        assert before is not None and after is not None
        assert after.data == before.data, path.name
        assert list(after.data) == [key for key in after.data if key in before.data]
        assert text.splitlines()[0] == original.splitlines()[0] and text.endswith("\n")


def test_the_editor_format_drops_what_a_cleared_field_leaves_and_writes_markdown_as_a_block(editor, browser):
    site = editor["site"]
    context = new_context(browser)
    page = new_page(context)
    try:
        page.goto(site.url("admin/"))
        page.wait_for_function("window.wiazkiEditor !== undefined")
        text = page.evaluate(
            """async () => {
              const { makeFormat, parse } = window.wiazkiEditor;
              const config = parse(await (await fetch("config.yml")).text());
              const data = await (await fetch("wiazki-editor-data.json")).json();
              const format = makeFormat(config.collections[0], data.headers.bundles, data.required.bundles);
              return format.toFile({
                canvas: {channels: [], value_proposition: {summary: "", services: []}},
                id: "x-y", format: 1, title: "Tytuł", description: "Akapit **pierwszy**.\\n\\n- punkt\\n",
                contact: {email: "", phone: ""}, territory: ["0602"], reviewed: "2026-01-05",
                design: {plan: {milestones: [], risks: [""]}},
              });
            }"""
        )
    finally:
        context.close()
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../schemas/bundle.schema.json"
    doc, problems = load_text("x.yml", text)
    assert not problems and doc is not None
    # The format's key order; the empty contact, lists and texts are gone, canvas and design stay.
    assert list(doc.data) == ["format", "id", "title", "description", "territory", "reviewed", "canvas", "design"]
    assert doc.data["canvas"] == {} and doc.data["design"] == {}
    assert doc.data["territory"] == ["0602"] and doc.data["reviewed"] == "2026-01-05"
    assert "description: |" in text and '""' not in text
