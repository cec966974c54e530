"""The pull-request preview, opened as the guide says: the artifact's index.html from
disk (file://), then links to the catalogue, a bundle, the directory and a partner.

The site is built as .github/workflows/pr.yml builds the artifact:
`mkdocs build --strict --no-directory-urls`. From disk a browser shows a folder
listing for a link to a folder, so every link must name a file.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO, TODAY, mkdocs_executable

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def artifact(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("artifact") / "strona"
    done = subprocess.run(
        [mkdocs_executable(), "build", "--strict", "--no-directory-urls", "--site-dir", str(site)],
        cwd=REPO,
        env=dict(os.environ, WIAZKI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site


@pytest.fixture
def disk_page(browser: Any) -> Iterator[Any]:
    """A page whose every request outside file:// is refused and recorded."""
    context = browser.new_context(locale="pl-PL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    refused: list[str] = []

    def handle(route: Any) -> None:
        refused.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), handle)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.refused = refused
    yield page
    context.close()


def nav_link(page: Any, text: str) -> Any:
    return page.locator(".md-sidebar--primary a.md-nav__link", has_text=re.compile(rf"^\s*{text}\s*$")).first


def click_and_wait(page: Any, locator: Any) -> None:
    with page.expect_navigation():
        locator.click()
    assert not page.title().startswith("Index of"), page.url


def test_the_artifact_opened_from_disk_leads_to_a_bundle_and_a_partner(artifact: Path, disk_page: Any) -> None:
    page = disk_page
    page.goto((artifact / "index.html").as_uri())
    assert page.title() == "Katalog wiązek usług społecznych"

    click_and_wait(
        page, page.locator(".md-sidebar--primary a.md-nav__link", has_text=re.compile(r"^\s*Wiązki\s*$")).first
    )
    assert page.url.endswith("/wiazki/index.html")
    assert page.locator("h1").first.text_content().strip() == "Katalog wiązek"
    # The filters run from disk too.
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    total = page.locator(".wiazki-card").count()
    page.select_option("#wiazki-group", "older_persons")
    assert 0 < page.locator(".wiazki-card:visible").count() < total

    card = page.locator(".wiazki-card:visible h3 a").first
    title = card.text_content().strip()
    click_and_wait(page, card)
    assert re.search(r"/wiazki/[^/]+/index\.html$", page.url), page.url
    assert page.locator("h1").first.text_content().strip() == title
    assert page.locator(".wiazki-canvas").count() == 1

    # From the bundle page to one of its partners, then back to the directory.
    partner = page.locator(".wiazki-facts a[href*='partnerzy/']").first
    href = partner.get_attribute("href")
    click_and_wait(page, partner)
    assert href.endswith("/index.html") and page.url.endswith(href.lstrip("./")), (href, page.url)
    assert page.locator("h1").first.text_content().strip()
    click_and_wait(
        page, page.locator(".md-sidebar--primary a.md-nav__link", has_text=re.compile(r"^\s*Partnerzy\s*$")).first
    )
    assert page.url.endswith("/partnerzy/index.html")

    # The footer's links name files as well.
    click_and_wait(page, page.locator(".md-footer a", has_text="Deklaracja dostępności"))
    assert page.url.endswith("/deklaracja-dostepnosci.html")
    assert page.errors == []
    assert page.refused == []
