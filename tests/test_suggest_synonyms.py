"""A word people use for a target group ("seniorzy") is answered with its id."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from wiazki.format.vocab import TARGET_GROUPS
from wiazki.validation.suggest import hint

REPO = Path(__file__).resolve().parents[1]


def test_seniorzy_suggests_older_persons() -> None:
    assert hint("seniorzy", TARGET_GROUPS, TARGET_GROUPS) == "czy chodziło o `older_persons` (osoby starsze)?"
    assert "older_persons" in hint("Seniorów", TARGET_GROUPS, TARGET_GROUPS)


def test_wiazki_new_answers_group_seniorzy_with_the_id_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "bundles").mkdir(parents=True)
    (content / "partners").mkdir()
    (content / "partners" / "owes-konin.yml").write_bytes((REPO / "content/partners/owes-konin.yml").read_bytes())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "wiazki.cli",
            "new",
            "seniorzy-test",
            "--title",
            "Senior w domu",
            "--facilitator",
            "owes-konin",
            "--territory",
            "3010052",
            "--group",
            "seniorzy",
            "--content-dir",
            str(content),
        ],
        capture_output=True,
        text=True,
        env={"WIAZKI_TODAY": "2026-06-01", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2, result.stderr  # refused arguments, as for any bad call
    assert "czy chodziło o `older_persons`" in result.stderr + result.stdout
    assert not list((content / "bundles").iterdir())
