"""The hand-off between views and adapters: pages as plain data, and log messages a user sees."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

import contentkit as kit
import sitehelpers as h
from wiazki import cli
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views import SiteViews
from wiazki.views.pages import PAGE_KINDS


def _views() -> SiteViews:
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    return SiteViews(catalogue)


def test_each_page_says_its_kind_headings_and_place_in_the_nav() -> None:
    pages = {page.kind: page for page in _views().pages()}
    assert set(pages) == set(PAGE_KINDS)
    assert pages["catalogue"].in_nav and pages["partners"].in_nav and pages["numbers"].in_nav
    assert not pages["bundle"].in_nav and not pages["partner"].in_nav
    assert pages["bundle"].wide and not pages["catalogue"].wide
    bundle = pages["bundle"]
    assert bundle.headings[0] == (1, "wiazka", "Senior u siebie w gminie Kramsk")
    assert (2, "canvas", "Business Model Canvas") in bundle.headings
    assert bundle.html.startswith("<div")
    # One name per thing: the body is `html` (no `markdown` alias holding HTML).
    assert not hasattr(bundle, "markdown")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
def mkdocs_output():
    """What MkDocs' own handlers would receive: records on the `mkdocs` logger tree."""
    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    yield collect.records
    logging.getLogger("mkdocs").removeHandler(collect)


def test_core_log_messages_reach_the_mkdocs_logger_tree(mkdocs_output) -> None:
    from wiazki.mkdocs_plugin import WiazkiPlugin

    WiazkiPlugin()
    logging.getLogger("wiazki.revisions.history").info("Historia zmian niedostępna: test")
    assert [r.getMessage() for r in mkdocs_output] == ["Historia zmian niedostępna: test"]


def test_a_home_page_without_the_marker_is_a_warning_in_the_build(tmp_path: Path, mkdocs_output) -> None:
    project = h.make_project(tmp_path, h.fixture_content(tmp_path / "content_src"))
    index = project / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8").replace(h.HOME_MARKER_TEXT, "bez-znacznika"), encoding="utf-8")
    h.build(project, strict=False)
    warnings = [r.getMessage() for r in mkdocs_output if r.levelno == logging.WARNING]
    assert any("nie ma znacznika <!-- wiazki:home -->" in message for message in warnings), warnings


def test_the_marker_present_gives_no_warning(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="wiazki"):
        _views().fill_markers("# Start\n\n<!-- wiazki:home -->\n", "")
    assert not caplog.records


def test_core_warnings_reach_the_cli_stderr_on_one_line(capsys) -> None:
    assert cli.main(["schema", "--write", "schemas", "--check"]) == 0
    logging.getLogger("wiazki.views.site").warning("uwaga\x1b[31m\nwiersz")
    logging.getLogger("wiazki.views.site").info("tylko informacja")
    assert capsys.readouterr().err == "wiazki: uwaga [31m wiersz\n"
