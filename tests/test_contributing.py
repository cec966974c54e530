"""The ways in for contributors: PR template, CODEOWNERS and the pre-commit hook."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
import yaml

from git_helpers import bundle, write_bundle, write_partners
from wiazki import cli
from wiazki.format import vocab
from wiazki.validation.validator import validate_content

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")


def _section(heading_start: str) -> str:
    start = TEMPLATE.index(heading_start)
    end = TEMPLATE.find("\n### ", start + 1)
    return TEMPLATE[start : end if end != -1 else None]


STAGES = list(vocab.DESIGN_STAGES) + ["available"]


@pytest.mark.parametrize("stage", vocab.DESIGN_STAGES)
def test_pr_template_checks_what_rule_5_needs_to_leave_each_stage(stage: str) -> None:
    following = STAGES[STAGES.index(stage) + 1]
    heading = f"### {vocab.STAGES.label(stage)} → {vocab.STAGES.label(following)} (`{stage}` → `{following}`)"
    section = _section(heading)
    # Rule 5: at the next stage, the design section of this one is present and filled.
    assert f"`design.{stage}" in section
    assert section.count("- [ ]") >= 1


def test_pr_template_names_the_other_stage_requirements() -> None:
    assert "co najmniej 3 usługi co najmniej 3 różnych rodzajów" in _section("### Tworzenie rozwiązania →")  # rule 1
    assert "dziewięć bloków kanwy" in _section("### Prototypowanie i testowanie →")  # rule 5, from plan on
    plan = _section("### Planowanie wdrożenia →")
    assert "`contact`" in plan and "pięć sekcji `design`" in plan  # rule 5, from available on
    assert f"### {vocab.STAGES.label('closed')}" in TEMPLATE


def test_pr_template_follows_rule_5_for_plan_and_closed() -> None:
    plan = _section("### Prototypowanie i testowanie →")
    assert "`canvas.value_proposition.summary`" in plan  # rule 5, from plan on
    # Amounts are optional in the format: suggested, never required.
    assert "kwoty przychodów i kosztów (`amount_pln`) nie są wymagane" in plan
    assert "z kwotami" not in TEMPLATE
    # "closed" needs everything "available" does (rule 5 counts stages from "available" on).
    closed = _section(f"### {vocab.STAGES.label('closed')} (`closed`)")
    for needed in (
        "`contact`",
        "`email`",
        "pięć sekcji `design`",
        "każda ze wszystkimi polami",
        "dziewięć bloków kanwy",
        "`canvas.value_proposition.summary`",
        "co najmniej 3 usługi co najmniej 3 różnych rodzajów",
    ):
        assert needed in closed, needed


@pytest.mark.parametrize("stage", ["available", "closed"])
def test_rule_5_asks_of_closed_what_it_asks_of_available(tmp_path: Path, stage: str) -> None:
    """What the template says about `closed`, checked against the validator itself."""
    write_partners(tmp_path)
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku", stage=stage)
    data["design"]["plan"] = {
        "start": "2026-05-01",
        "milestones": [{"date": "2026-04-01", "milestone": "Uchwała"}],
        "risks": ["Lato"],
    }
    del data["canvas"]["value_proposition"]["summary"]
    del data["canvas"]["revenue_streams"][0]["amount_pln"]  # optional
    data["design"]["discover"]["methods"] = []
    write_bundle(tmp_path, data)
    errors = validate_content(tmp_path / "content", today=date(2026, 3, 1)).errors
    messages = [p.message for p in errors if p.code == "stage-incomplete"]
    assert len(messages) == 3, messages
    assert not [p for p in errors if "amount_pln" in p.message]
    assert any("`contact`" in m for m in messages)
    assert any("`canvas.value_proposition.summary`" in m for m in messages)
    assert any("`design.discover.methods`" in m for m in messages)


def test_codeowners_names_content_reviewers_as_an_example() -> None:
    text = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert "PRZYKŁADAMI" in text
    rules = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert any(
        rule[0] == "/content/" and all(re.match(r"^@[\w-]+(/[\w-]+)?$", owner) for owner in rule[1:]) for rule in rules
    )


def test_pre_commit_hook_runs_wiazki_validate(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "wiazki-validate"
    assert hook["entry"] == "wiazki validate"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert re.match(hook["files"], "content/bundles/senior.yml") and not re.match(hook["files"], "docs/index.md")
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    program, *args = hook["entry"].split()
    assert program in scripts
    # What pre-commit runs in a clone: the command, in the repository root, without file names.
    write_partners(tmp_path)
    write_bundle(tmp_path, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WIAZKI_TODAY", "2026-03-01")
    assert cli.main(args) == 0
    (tmp_path / "content/bundles/zepsuta.yml").write_text("id: [\n", encoding="utf-8")
    assert cli.main(args) == 1
    assert "zepsuta.yml" in capsys.readouterr().out
