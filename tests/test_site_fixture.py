"""A catalogue written by the test: amounts, an early-stage bundle, warnings, strict failures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sitehelpers as h
from sitehelpers import fixture_site  # noqa: F401 - a fixture

BIN = Path(sys.executable).parent


def test_amounts_are_in_polish_format_with_totals(fixture_site: Path) -> None:
    page = h.page(fixture_site, "wiazki/senior-u-siebie").content()
    nbsp = "\u00a0"
    assert f"96{nbsp}000{nbsp}zł" in page.source
    assert f"12{nbsp}500,50{nbsp}zł" in page.source
    assert f"Razem przychody: 108{nbsp}500,50{nbsp}zł" in page.source
    assert f"Razem koszty: 84{nbsp}000{nbsp}zł" in page.source
    assert "15 maja 2026" in page.source  # a milestone date, in Polish


def test_early_bundle_marks_empty_blocks_and_current_stage(fixture_site: Path) -> None:
    page = h.page(fixture_site, "wiazki/nowa-wiazka-odkrywanie").content()
    blocks = page.find_all("section", class_="wiazki-block")
    assert len(blocks) == 9
    empty = [b for b in blocks if "do uzupełnienia" in b.text]
    assert (
        len(empty) == 8 and "do uzupełnienia" not in page.find("section", class_="wiazki-block--customer_segments").text
    )
    assert all(e.attrs.get("class") == "wiazki-empty" for e in page.find_all("p") if e.text == "do uzupełnienia")
    steps = [e for e in page.elements if e.tag == "li" and e.attrs.get("class") in ("done", "current", "todo")]
    assert [s.attrs["class"] for s in steps] == ["current", "todo", "todo", "todo", "todo"]
    assert steps[0].attrs["aria-current"] == "step"
    assert "Bieżący etap: Odkrywanie (1 z 5)" in page.source
    assert "Historia zmian" not in page.source  # no history given: the hook renders nothing


def test_warnings_do_not_fail_strict_and_early_bundles_are_in_design(fixture_site: Path) -> None:
    # The discovery bundle has a "too-few-services" warning, yet the strict build passed.
    catalogue = h.page(fixture_site, "wiazki").content()
    source = catalogue.source
    assert source.index("W projektowaniu") < source.index("Nowa wiązka na etapie odkrywania")
    assert (
        source.index("Dostępne wiązki")
        < source.index("Senior u siebie w gminie Kramsk")
        < source.index("W projektowaniu")
    )


def _broken_project(root: Path) -> Path:
    bundle = h.kit.valid_bundle("zepsuta")
    bundle["description"] = "Zobacz [tutaj](javascript:alert(1))."
    bundle["territory"] = ["3099999"]
    h.fixture_content(root / "content")
    h.kit.write_content(root / "content", bundles={"zepsuta": bundle}, partners={})
    return h.make_project(root)


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WIAZKI_TODAY=h.TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_strict_build_fails_with_the_validators_messages(tmp_path: Path) -> None:
    project = _broken_project(tmp_path)
    validate = _run([str(BIN / "wiazki"), "validate", "content"], project)
    assert validate.returncode == 1
    errors = [line for line in validate.stdout.splitlines() if ": error: " in line]
    assert any(line.startswith("content/bundles/zepsuta.yml:") and "[url-scheme]" in line for line in errors)
    assert any("[teryt-unknown]" in line or "TERYT" in line for line in errors), errors
    build = _run([str(BIN / "mkdocs"), "build", "--strict", "-d", str(tmp_path / "site")], project)
    assert build.returncode != 0
    for line in errors:
        assert line in build.stderr, (line, build.stderr)


def test_without_strict_the_broken_file_is_left_out_and_the_rest_is_built(tmp_path: Path) -> None:
    project = _broken_project(tmp_path)
    build = _run([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "site")], project)
    assert build.returncode == 0, build.stderr
    assert "content/bundles/zepsuta.yml:" in build.stderr
    assert (tmp_path / "site" / "wiazki" / "senior-u-siebie" / "index.html").is_file()
    assert not (tmp_path / "site" / "wiazki" / "zepsuta").exists()
    for html_file in h.generated_html_files(tmp_path / "site"):
        for element in h.Html.read(html_file).elements:
            assert not (element.attrs.get("href") or "").lower().startswith("javascript:")


@pytest.mark.parametrize("content_dir", ["nie-ma-takiego-folderu"])
def test_a_missing_content_folder_is_a_clear_error(tmp_path: Path, content_dir: str) -> None:
    project = h.make_project(tmp_path)
    config = (
        (project / "mkdocs.yml")
        .read_text(encoding="utf-8")
        .replace("content_dir: content", f"content_dir: {content_dir}")
    )
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    build = _run([str(BIN / "mkdocs"), "build", "-d", str(tmp_path / "site")], project)
    assert build.returncode != 0
    assert "nie istnieje" in build.stderr and "content_dir" in build.stderr


def test_a_bundle_page_does_not_grow_with_the_catalogue(tmp_path: Path) -> None:
    sizes = []
    for n in (1, 25):
        project = tmp_path / f"n{n}"
        bundles = {"senior-u-siebie": h.kit.valid_bundle()}
        for i in range(1, n):
            other = h.kit.valid_bundle(f"inna-wiazka-{i:02d}")
            other["title"] = f"Inna wiązka numer {i:02d}"
            bundles[other["id"]] = other
        h.kit.write_content(project / "content", bundles=bundles)
        h.build(h.make_project(project))
        sizes.append((project / "site" / "wiazki" / "senior-u-siebie" / "index.html").stat().st_size)
        assert len(h.page(project / "site", "wiazki").content().find_all("article", class_="wiazki-card")) == n
    assert sizes[0] == sizes[1]
