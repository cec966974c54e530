"""Rule tests as data: each file in tests/fixtures/invalid/ beside its expected problems.

`<name>.yml` is validated in a content folder with the sample partners of
`contentkit` (owes-konin, gops-kramsk, dobry-kat); `<name>.expected` lists every
problem of that file, one `line:column code` a line, in the validator's order
(publiccode-parser keeps its invalid files the same way). Every problem code the
validation package can give has at least one such file, or is listed in EXCUSED with
the test that covers it.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest

import contentkit as kit
from wiazki.validation.validator import validate_content

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "invalid"
VALIDATION = Path(__file__).resolve().parents[1] / "plugins" / "wiazki" / "validation"
CASES = sorted(FIXTURES.glob("*/*.yml"))

#: Codes no small file can give, with the test that gives them.
EXCUSED: dict[str, str] = {
    "file-too-large": "test_loader.py::test_file_over_one_mib_is_rejected_without_parsing (over 1 MiB)",
    "too-many-nodes": "test_loader.py::test_too_many_nodes_is_rejected_quickly (a generated file)",
    "too-many-problems": "test_hostile_limits.py::test_the_problem_cap_holds_for_every_kind (a generated file)",
    "not-a-folder": "test_hostile_limits.py::test_a_symlinked_content_folder_is_refused_and_not_read",
    "not-a-file": "test_rules.py::test_symlinks_and_fifos_are_refused_not_followed",
    "file-extension": "test_rules.py::test_yaml_extension_is_reported_not_ignored (a .yaml file, not .yml)",
    "unreadable": "test_loader.py::test_unreadable_path_is_a_problem_not_an_exception",
    "encoding": "test_loader.py::test_invalid_utf8_is_reported_at_its_line_and_column (not UTF-8 text)",
    "markdown-table-too-big": "test_hostile_markdown.py::test_a_table_with_too_many_cells_is_refused (large)",
    "duplicate-item": "no schema uses uniqueItems today; the message waits for one that does",
    "invalid": "the fallback for a schema keyword without its own words; no keyword of ours reaches it",
}


def _problems(case: Path, tmp_path: Path) -> list[str]:
    kit.write_content(tmp_path, bundles={}, partners={p["id"]: p for p in (kit.owes(), kit.gops(), kit.coop())})
    target = tmp_path / case.parent.name / case.name
    shutil.copyfile(case, target)
    result = validate_content(tmp_path, today=kit.TODAY)
    return [f"{p.line}:{p.column} {p.code}" for p in result.problems if Path(p.path).name == case.name]


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_invalid_file_gives_exactly_the_expected_problems(case: Path, tmp_path: Path) -> None:
    expected = case.with_suffix(".expected").read_text(encoding="utf-8").splitlines()
    assert _problems(case, tmp_path) == expected


def emitted_codes() -> set[str]:
    """Every code a call in the validation package gives (`Problem`, `error`, `_problem`, `at`)."""
    codes = set()
    for path in VALIDATION.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name not in {"Problem", "error", "_problem", "at"}:
                continue
            for arg in [*node.args, *(keyword.value for keyword in node.keywords)]:
                text = arg.value if isinstance(arg, ast.Constant) else None
                if isinstance(text, str) and re.fullmatch(r"[a-z]+(-[a-z]+)*", text):
                    codes.add(text)
    # Rule 5 has a module of its own, which names its one code once.
    return codes | {"stage-incomplete"}


def test_every_problem_code_has_a_fixture_or_an_excuse() -> None:
    covered = {
        line.split(" ", 1)[1] for case in CASES for line in case.with_suffix(".expected").read_text().splitlines()
    }
    codes = emitted_codes()
    assert len(codes) > 40  # the scan finds the codes, not nothing
    assert codes - covered - set(EXCUSED) == set()
    assert set(EXCUSED) <= codes, set(EXCUSED) - codes  # an excuse for a code that no longer exists
    assert not set(EXCUSED) & covered, set(EXCUSED) & covered  # a fixture now covers it: drop the excuse
