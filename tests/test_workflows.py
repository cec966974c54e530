"""The GitHub Actions workflows: hardened, pinned, and calling only what the tests exercise."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
TESTS = Path(__file__).resolve().parent

#: The commands a `run:` step may call, and the test module that runs each one the
#: way the workflow does (same subcommand and options).
ALLOWED_COMMANDS: dict[tuple[str, ...], tuple[str, str]] = {
    ("make", "install"): (".ci/run", "make test"),  # `make test` depends on `install`
    ("make", "test"): (".ci/run", "make test"),
    ("wiazki", "validate", "--format", "github", "content"): ("tests/test_cli.py", '"validate", "--format", "github"'),
    ("wiazki", "validate", "--format", "github", "--base", "$BASE", "content"): (
        "tests/test_hostile_limits.py",
        '"validate", "--format", "github", "--base"',
    ),
    ("wiazki", "diff", "--format", "markdown", "--merge-base", "$BASE", "$HEAD"): (
        "tests/test_diff.py",
        '"--format", "markdown", "--merge-base"',
    ),
    ("wiazki", "issue-to-bundle", "--event", "$GITHUB_EVENT_PATH", "--content-dir", "content", "--open-pr"): (
        "tests/test_issueform.py",
        '"--event", str(event), "--content-dir", str(checkout / "content"), "--open-pr"',
    ),
    ("mkdocs", "build", "--strict"): ("tests/git_helpers.py", '"build", "--strict"'),
    ("mkdocs", "build", "--strict", "--no-directory-urls"): (
        "tests/browser/test_preview_from_disk.py",
        '"build", "--strict", "--no-directory-urls"',
    ),
}

#: Jobs that may hold write permissions, and which.
WRITERS = {
    ("deploy.yml", "deploy"): {"pages", "id-token"},
    ("new-bundle.yml", "pull-request"): {"contents", "pull-requests", "issues"},
}

_PINNED = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+(?:/[\w./-]+)?)@(?P<sha>[0-9a-f]{40})$")


def _load(path: Path) -> dict[Any, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); normalise it back.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def _workflows() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def _steps(data: dict[str, Any]):
    for job_id, job in data["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def test_the_three_workflows_exist() -> None:
    assert [p.name for p in _workflows()] == ["deploy.yml", "new-bundle.yml", "pr.yml"]


def test_zizmor_reports_no_findings() -> None:
    zizmor = Path(sys.executable).parent / "zizmor"
    assert zizmor.exists(), "zizmor is a test dependency: make install"
    for persona in ("regular", "auditor"):
        done = subprocess.run(
            [str(zizmor), "--offline", "--no-progress", f"--persona={persona}", str(WORKFLOWS)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        assert "No findings to report" in done.stdout, done.stdout


@pytest.mark.parametrize("path", _workflows(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_full_sha_with_its_version(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", text, flags=re.MULTILINE)
    assert uses
    for reference, rest in uses:
        assert _PINNED.match(reference), f"{path.name}: {reference} is not pinned to a 40-character commit SHA"
        assert re.match(r"^\s+# v\d+\.\d+\.\d+$", rest), f"{path.name}: {reference} needs a '# vX.Y.Z' comment"


@pytest.mark.parametrize("path", _workflows(), ids=lambda p: p.name)
def test_permissions_are_read_only_by_default_and_written_only_where_needed(path: Path) -> None:
    data = _load(path)
    assert "pull_request_target" not in (data["on"] if isinstance(data["on"], (dict, list)) else [data["on"]])
    code = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.lstrip().startswith("#")]
    assert not any("pull_request_target" in line for line in code)
    assert data["permissions"] in ({}, {"contents": "read"})
    for job_id, job in data["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), f"{path.name}:{job_id} must say its permissions"
        writes = {scope for scope, level in permissions.items() if level == "write"}
        assert writes == WRITERS.get((path.name, job_id), set()), f"{path.name}:{job_id}"
        assert "secrets." not in yaml.safe_dump(job)


@pytest.mark.parametrize("path", _workflows(), ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    data = _load(path)
    for _job_id, step in _steps(data):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False
            if path.name in ("pr.yml", "deploy.yml"):
                # wiazki diff and the Historia zmian need the history, not one commit.
                assert step["with"]["fetch-depth"] == 0


def _commands(script: str) -> list[list[str]]:
    commands = []
    for line in script.strip().splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = shlex.split(line)
        if ">>" in words:
            redirect = words.index(">>")
            assert words[redirect + 1 :] == ["$GITHUB_STEP_SUMMARY"], line
            words = words[:redirect]
        commands.append(words)
    return commands


def _allowed(words: list[str]) -> tuple[str, ...] | None:
    normalised = (words[0].removeprefix(".venv/bin/"), *words[1:])
    return normalised if normalised in ALLOWED_COMMANDS else None


@pytest.mark.parametrize("path", _workflows(), ids=lambda p: p.name)
def test_run_steps_call_only_tested_commands_and_expand_no_expressions(path: Path) -> None:
    for job_id, step in _steps(_load(path)):
        if "run" not in step:
            continue
        script = step["run"]
        assert "${{" not in script, f"{path.name}:{job_id}: an expression in run: {script}"
        for words in _commands(script):
            assert not re.search(r"[;&|`]|\$\(", " ".join(words)), words
            allowed = _allowed(words)
            assert allowed is not None, f"{path.name}:{job_id}: `{' '.join(words)}` is not a command the tests exercise"
            module, needle = ALLOWED_COMMANDS[allowed]
            source = re.sub(r"\s+", " ", (REPO / module).read_text(encoding="utf-8"))
            assert re.sub(r"\s+", " ", needle) in source.replace(",)", ")").replace(", ]", "]"), (
                f"{module} should exercise {' '.join(allowed)}"
            )
        for name, value in (step.get("env") or {}).items():
            # Only SHAs, numbers and the token come from expressions: never titles, branch names or bodies.
            for expression in re.findall(r"\$\{\{(.*?)\}\}", str(value)):
                assert expression.strip() in {
                    "github.event.pull_request.base.sha",
                    "github.event.pull_request.head.sha",
                    "github.token",
                }, f"{path.name}:{job_id}: {name}={value}"


def test_the_pull_request_workflow_does_what_the_issue_asks() -> None:
    data = _load(WORKFLOWS / "pr.yml")
    assert list(data["on"]) == ["pull_request"]
    scripts = [step.get("run", "") for _, step in _steps(data)]
    assert any("wiazki validate --format github" in s for s in scripts)
    assert any(
        'wiazki diff --format markdown --merge-base "$BASE" "$HEAD" >> "$GITHUB_STEP_SUMMARY"' in s for s in scripts
    )
    assert any("mkdocs build --strict" in s for s in scripts)
    assert any(s == "make test" for s in scripts)
    uploads = [step for _, step in _steps(data) if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "site/"
    # The artifact is read from disk: its links must name files, not folders.
    assert any("mkdocs build --strict --no-directory-urls" in s for s in scripts)


def test_deploy_uses_the_official_pages_actions() -> None:
    data = _load(WORKFLOWS / "deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    used = {step.get("uses", "").split("@")[0] for _, step in _steps(data)}
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= used
    assert data["jobs"]["deploy"]["environment"]["name"] == "github-pages"


def test_new_bundle_runs_only_for_the_form_label() -> None:
    data = _load(WORKFLOWS / "new-bundle.yml")
    # One event only: a form with a label fires both "opened" and "labeled", and
    # reacting to both posted every comment on the issue twice.
    assert data["on"] == {"issues": {"types": ["labeled"]}}
    condition = data["jobs"]["pull-request"]["if"]
    from wiazki.new_bundle.issue_form import LABEL

    assert condition == f"github.event.label.name == '{LABEL}'"
