"""A site folder MkDocs cannot write into: one Polish line naming it, no traceback.

Found by trying it (`mkdocs build -d plik/site`, where `plik` is a file): MkDocs
itself failed at its first copied file with a NotADirectoryError traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import sitehelpers as h
from wiazki.site_dir import unwritable

MKDOCS = Path(sys.executable).parent / "mkdocs"


def test_a_site_folder_under_a_file_is_one_polish_line_without_a_traceback(tmp_path: Path) -> None:
    project = h.make_project(tmp_path / "project")
    h.fixture_content(project / "content")
    (tmp_path / "plik").write_text("nie folder\n", encoding="utf-8")
    env = dict(os.environ, WIAZKI_TODAY=h.TODAY, NO_MKDOCS_2_WARNING="1", TMPDIR=str(tmp_path))
    result = subprocess.run(
        [str(MKDOCS), "build", "-q", "-d", str(tmp_path / "plik" / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr, result.stderr
    assert f"nie można zapisać strony w „{tmp_path / 'plik' / 'site'}”" in result.stderr, result.stderr
    assert "jest plikiem, nie folderem" in result.stderr
    assert not list(tmp_path.glob("wiazki-search-*"))


def test_writable_folders_new_or_existing_pass(tmp_path: Path) -> None:
    assert unwritable(tmp_path) is None
    assert unwritable(tmp_path / "nowy" / "site") is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into any folder")
def test_a_folder_without_write_permission_is_named(tmp_path: Path) -> None:
    locked = tmp_path / "zamkniety"
    locked.mkdir(mode=0o555)
    assert "brak prawa zapisu" in (unwritable(locked / "site") or "")
