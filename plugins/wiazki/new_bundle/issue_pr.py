"""`wiazki issue-to-bundle`: from a "Nowa wiązka" issue event to a pull request.

Runs in the `new-bundle` workflow with the event JSON GitHub writes to
`$GITHUB_EVENT_PATH`; the issue's text never passes through a workflow
expression or a shell. git and the `gh` CLI are called with argument lists.
With problems, the person gets a comment on the issue saying what to fix.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from wiazki.format import vocab
from wiazki.format.teryt import Register
from wiazki.new_bundle.check import new_bundle_errors
from wiazki.new_bundle.issue_form import LABEL, Conversion, convert, one_line
from wiazki.new_bundle.scaffold import bundle_yaml
from wiazki.revisions.git import GitError, relative_to_repo, run_git, toplevel
from wiazki.validation.reporting import markdown_text
from wiazki.validation.validator import validate_content

BOT_NAME = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"


class EventError(Exception):
    """The event file is not an issue event we can read (exit code 2)."""


def read_event(path: Path) -> dict[str, Any]:
    try:
        event = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise EventError(f"nie ma pliku zdarzenia {path}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EventError(f"plik zdarzenia {path} nie jest poprawnym JSON-em") from exc
    issue = event.get("issue") if isinstance(event, dict) else None
    if not isinstance(issue, dict) or not isinstance(issue.get("number"), int) or isinstance(issue.get("number"), bool):
        raise EventError(f"plik zdarzenia {path} nie opisuje zgłoszenia (issue)")
    return event


def _labels(issue: dict[str, Any]) -> list[str]:
    return [
        label["name"]
        for label in issue.get("labels") or []
        if isinstance(label, dict) and isinstance(label.get("name"), str)
    ]


def _md(text: str) -> str:
    """User text for a comment or PR body: escaped Markdown, and no @mention that would notify anyone."""
    return markdown_text(text).replace("@", "@\u200b")


def problems_comment(problems: list[str]) -> str:
    lines = [
        "Dziękujemy za zgłoszenie! Nie udało się jeszcze utworzyć pliku wiązki, bo w formularzu trzeba poprawić:",
        "",
    ]
    lines += [f"- {_md(p)}" for p in problems]
    lines += [
        "",
        "Edytujcie opis zgłoszenia (menu „…” → „Edit”), a potem usuńcie i ponownie dodajcie etykietę "
        f"„{LABEL}” albo poproście o to opiekunów katalogu.",
    ]
    return "\n".join(lines) + "\n"


def pr_body(conversion: Conversion, number: int, path: str) -> str:
    new = conversion.new
    assert new is not None
    lines = [
        f"Plik `{path}` utworzony automatycznie ze zgłoszenia #{number}.",
        "",
        f"**{_md(new.title)}** – etap {vocab.STAGES.label('discover')}.",
        "",
        f"- Grupy docelowe: {_md(', '.join(vocab.TARGET_GROUPS.label(g) for g in new.groups))}",
        f"- Obszar (TERYT): {_md(', '.join(new.territory))}",
        f"- OWES: {_md(new.facilitator)}",
        "",
        "Następne kroki: uzupełnijcie metody i wnioski z etapu odkrywania, a każdą kolejną iterację "
        "(zmianę etapu, usługi, partnerów) zgłaszajcie w tym lub następnym pull requeście.",
        "Jeśli testy (CI) nie ruszyły same, zamknijcie i ponownie otwórzcie ten pull request.",
        "",
        f"Closes #{number}",
    ]
    return "\n".join(lines) + "\n"


def _gh(*args: str, input_text: str | None = None) -> str:
    try:
        done = subprocess.run(["gh", *args], input=input_text, capture_output=True, text=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("nie znaleziono programu gh (GitHub CLI)") from exc
    if done.returncode != 0:
        raise GitError(
            f"gh {args[0]} {args[1] if len(args) > 1 else ''} nie powiodło się: {one_line(done.stderr)[:300]}"
        )
    return done.stdout


def _say(message: str) -> None:
    # Our prefix first: text from the issue never starts a line, so it cannot be
    # read as a workflow command ("::…") by the Actions runner.
    print(f"wiazki: {one_line(message)}")


def run(
    event_path: Path, content_dir: Path, register: Register, today: date, open_pr: bool, base: str | None = None
) -> int:
    event = read_event(event_path)
    issue = event["issue"]
    number: int = issue["number"]
    repository: dict[str, Any] = event["repository"] if isinstance(event.get("repository"), dict) else {}
    repo_args = ["--repo", repository["full_name"]] if isinstance(repository.get("full_name"), str) else []
    if LABEL not in _labels(issue):
        _say(f"zgłoszenie #{number} nie ma etykiety „{LABEL}”; pomijam")
        return 0
    title = issue.get("title") if isinstance(issue.get("title"), str) else ""
    body = issue.get("body") if isinstance(issue.get("body"), str) else ""
    conversion = convert(title, body, content_dir, register, today)

    def refuse(problems: list[str]) -> int:
        _say(f"zgłoszenie #{number}: nie można utworzyć wiązki:")
        for problem in problems:
            _say(f"- {problem}")
        if open_pr:
            _gh("issue", "comment", str(number), *repo_args, "--body-file", "-", input_text=problems_comment(problems))
        return 1

    if conversion.problems:
        return refuse(conversion.problems)
    new = conversion.new
    assert new is not None
    target = content_dir / "bundles" / f"{new.id}.yml"
    repo: Path | None = None
    branch = f"nowa-wiazka/zgloszenie-{number}"
    if open_pr:
        repo = toplevel(content_dir)
        if run_git(repo, "ls-remote", "--heads", "origin", f"refs/heads/{branch}").strip():
            _say(f"gałąź {branch} już istnieje (pull request dla zgłoszenia #{number} został już utworzony); pomijam")
            return 0
    # Checked before it is written (the validator's own verdict): no half-made file
    # is ever left in the content folder, whatever the issue holds.
    text = bundle_yaml(new)
    errors = new_bundle_errors(text, new.id, content_dir, register, today)
    if errors:
        return refuse(list(dict.fromkeys(p.message for p in errors)))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    result = validate_content(content_dir, today=today, register=register)
    errors = [p for p in result.errors if Path(p.path).resolve() == target.resolve()]
    if errors:
        # The form's values passed their own checks but the file breaks a rule of
        # the format (e.g. a javascript: link in the description): nothing is kept.
        target.unlink()
        return refuse([p.message for p in errors])
    _say(f"utworzono {target}")
    if not open_pr:
        return 0
    assert repo is not None
    relative = relative_to_repo(repo, target)
    _gh("auth", "setup-git")
    run_git(repo, "switch", "-c", branch)
    run_git(repo, "add", "--", relative)
    run_git(
        repo,
        "-c",
        f"user.name={BOT_NAME}",
        "-c",
        f"user.email={BOT_EMAIL}",
        "commit",
        "-q",
        "-m",
        f"Nowa wiązka {new.id} ze zgłoszenia #{number}",
        "--",
        relative,
    )
    run_git(repo, "push", "origin", f"{branch}:refs/heads/{branch}")
    base = (
        base
        or (repository.get("default_branch") if isinstance(repository.get("default_branch"), str) else None)
        or "main"
    )
    url = _gh(
        "pr",
        "create",
        *repo_args,
        "--base",
        base,
        "--head",
        branch,
        "--title",
        f"Nowa wiązka: {new.title}",
        "--body-file",
        "-",
        input_text=pr_body(conversion, number, relative),
    ).strip()
    link = url if re.fullmatch(r"https://[^\s<>()\[\]@]+", url) else _md(url)
    _gh(
        "issue",
        "comment",
        str(number),
        *repo_args,
        "--body-file",
        "-",
        input_text=f"Utworzono pull request z plikiem wiązki: {link}\n",
    )
    _say(f"utworzono pull request {url}")
    return 0


def main(event: str | None, content_dir: str, register: Register, today: date, open_pr: bool) -> int:
    """The CLI's entry; exit codes as everywhere: 0 done, 1 problems in the issue, 2 cannot run."""
    if not event:
        sys.stderr.write("wiazki: podaj plik zdarzenia (--event) albo ustaw GITHUB_EVENT_PATH\n")
        return 2
    try:
        return run(Path(event), Path(content_dir), register, today, open_pr)
    except (EventError, GitError) as exc:
        sys.stderr.write(f"wiazki: {exc}\n")
        return 2
