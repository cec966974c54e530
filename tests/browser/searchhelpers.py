"""Typing into the site's own search (the header dialog of assets/search.js) and the catalogue's text field."""

from __future__ import annotations

import shutil
import urllib.parse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conftest import REPO, Site, build_site, serve, site_url

#: Result rows as the reader sees them: kind label, title, link, facts line, snippet.
RESULTS_JS = """() => [...document.querySelectorAll('.wiazki-search__result a')].map(a => ({
    kind: a.querySelector('.wiazki-search__kind').textContent,
    title: a.querySelector('.wiazki-search__title').textContent,
    href: a.href,
    facts: (a.querySelector('.wiazki-search__facts') || {}).textContent || '',
    snippet: a.querySelector('.wiazki-search__snippet').textContent,
}))"""


def open_search(page: Any) -> None:
    """Open the dialog with the header's button, as a reader would."""
    page.locator(".wiazki-search-open").click()
    page.wait_for_selector("dialog.wiazki-search[open]")


def search_box(page: Any, query: str, timeout: float = 30_000) -> list[dict[str, str]]:
    """Type `query` into the open dialog's field and wait for the answer (results or "Brak wyników")."""
    field = page.locator("#wiazki-search-input")
    field.fill("")
    page.evaluate(
        "() => { document.getElementById('wiazki-search-status').textContent = '';"
        " document.querySelector('.wiazki-search__results').removeAttribute('data-query'); }"
    )
    field.press_sequentially(query, delay=10)
    # Typing may pause between keys on a busy machine, and a search for the first
    # letters may answer first: wait for the answer to the whole query (also when it
    # is only stop words; the status for "w" must not pass for the answer to "wolomin").
    page.wait_for_function(
        "q => document.querySelector('.wiazki-search__results').getAttribute('data-query') === q",
        arg=query,
        timeout=timeout,
    )
    return page.evaluate(RESULTS_JS)


def bundle_ids(results: list[dict[str, str]]) -> list[str]:
    """Ids of the bundle results, in order (their URLs end in /wiazki/<id>/)."""
    return [r["href"].rstrip("/").rsplit("/", 1)[-1] for r in results if r["kind"] == "Wiązka"]


def catalogue_filter(page: Any, query: str, timeout: float = 30_000) -> list[str]:
    """Type `query` into the catalogue's text field; the ids of the cards left shown."""
    field = page.locator("#wiazki-q")
    field.fill("")
    field.press_sequentially(query, delay=10)
    # The engine answers asynchronously: wait until the URL holds the text and the
    # engine's answer for this text has been applied.
    page.wait_for_function(
        "q => document.getElementById('wiazki-filters').getAttribute('data-engine-query') === q",
        arg=query,
        timeout=timeout,
    )
    return page.eval_on_selector_all(
        ".wiazki-card:not([hidden]) h3 a", "as => as.map(a => a.pathname.replace(/\\/$/, '').split('/').pop())"
    )


def sample_site_with(bundles: Mapping[str, str], work: Path) -> Site:
    """The repository's site and sample content plus `bundles` (id → YAML text), built into
    `work` and served under its `site_url` path; the caller stops it."""
    project = work / "project"
    project.mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "docs", project / "docs")
    shutil.copytree(REPO / "content", project / "content")
    for bundle_id, text in bundles.items():
        (project / "content" / "bundles" / f"{bundle_id}.yml").write_text(text, encoding="utf-8")
    config = project / "mkdocs.yml"
    root = build_site(config, work / "site")
    return serve(root, prefix=urllib.parse.urlsplit(site_url(config)).path)
