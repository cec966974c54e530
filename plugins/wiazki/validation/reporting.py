"""Writing problems out: for people, for GitHub Actions and for tools."""

from __future__ import annotations

import json
import logging
import os
import re
from collections import Counter
from collections.abc import Collection, Iterable

from wiazki import FORMAT_VERSION
from wiazki.polish import count
from wiazki.safetext import CONTROLS_BUT_LINES, encodable, one_line
from wiazki.validation.problems import Problem

SEVERITY_LABELS = {"error": "błąd", "warning": "ostrzeżenie"}
#: A job summary must stay readable and under GitHub's 1 MiB limit (a larger one is
#: dropped whole): at most this many rows and this many bytes (UTF-8).
MAX_SUMMARY_ROWS = 200
MAX_SUMMARY_BYTES = 512 * 1024
#: GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job);
#: the rest are dropped silently (actions/toolkit#734).
MAX_ANNOTATIONS = {"error": 10, "warning": 10}


safe_text = encodable


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    checked = f"Sprawdzono {count(files, 'plik', 'pliki', 'plików')}"
    if not problems:
        return f"{checked}: bez błędów i ostrzeżeń."
    found = count(errors, "błąd", "błędy", "błędów")
    return f"{checked}: {found}, {count(warnings, 'ostrzeżenie', 'ostrzeżenia', 'ostrzeżeń')}."


_one_line = one_line
_CONTROLS_BUT_NEWLINES = CONTROLS_BUT_LINES


def message_line(p: Problem) -> str:
    """The message and code of a problem on one line, without its place."""
    return f"{_one_line(p.message)} [{p.code}]"


def human(problems: Iterable[Problem]) -> list[str]:
    return [
        f"{_one_line(p.path)}:{p.line}:{p.column}: {p.severity}: {_one_line(p.message)} [{p.code}]" for p in problems
    ]


def log_problems(problems: list[Problem], log: logging.Logger, strict_warnings: bool, content_dir: str) -> None:
    """Problems as `wiazki validate` prints them, to a build's log: errors as ERROR
    (they fail `mkdocs build --strict`), warnings as WARNING with `strict_warnings`,
    else INFO; then one line naming how many files were left out of the site."""
    for problem, line in zip(problems, human(problems), strict=True):
        if problem.is_error:
            log.error(line)
        elif strict_warnings:
            log.warning(line)
        else:
            log.info(line)
    if errors := {p.path for p in problems if p.is_error}:
        log.error(
            "wiazki: pliki z błędami (%d) pominięto w katalogu; sprawdź: wiazki validate %s", len(errors), content_dir
        )


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    text = _CONTROLS_BUT_NEWLINES.sub(" ", safe_text(text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _is_in(path: str, changed: Collection[str]) -> bool:
    return os.path.realpath(path) in changed


def annotated(problems: Iterable[Problem], changed: Collection[str] = ()) -> tuple[list[Problem], list[Problem]]:
    """The problems GitHub will show as annotations, and the rest.

    `changed`: real paths (`os.path.realpath`) of the files the pull request changes;
    their problems come first, so a person sees the annotations on their own files
    whatever the rest of the content holds. Within each group the order is kept.
    """
    problems = list(problems)
    order = sorted(range(len(problems)), key=lambda i: (not _is_in(problems[i].path, changed), i))
    shown: list[Problem] = []
    hidden: list[Problem] = []
    used: Counter[str] = Counter()
    for index in order:
        problem = problems[index]
        if used[problem.severity] < MAX_ANNOTATIONS.get(problem.severity, 0):
            used[problem.severity] += 1
            shown.append(problem)
        else:
            hidden.append(problem)
    return shown, hidden


def github(problems: Iterable[Problem], changed: Collection[str] = ()) -> list[str]:
    """Workflow commands for what GitHub shows (`annotated`), plain lines for the rest;
    user text cannot end the command or start another one."""
    shown, hidden = annotated(problems, changed)
    lines = []
    for p in shown:
        properties = ",".join(
            f"{name}={_escape_property(str(value))}"
            for name, value in (("file", p.path), ("line", p.line), ("col", p.column), ("title", f"wiazki: {p.code}"))
        )
        lines.append(f"::{p.severity} {properties}::{_escape_data(p.message)}")
    if hidden:
        lines.append(
            f"GitHub pokazuje najwyżej {MAX_ANNOTATIONS['error']} błędów i {MAX_ANNOTATIONS['warning']} ostrzeżeń "
            f"jako adnotacje; {count(len(hidden), 'kolejny problem', 'kolejne problemy', 'kolejnych problemów')} "
            "bez adnotacji (także w podsumowaniu zadania):"
        )
        # A prefix: a line of the log never starts with text from a file.
        lines += [f"bez adnotacji: {line}" for line in human(hidden)]
    return lines


def markdown_text(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no formatting, no line breaks."""
    text = _one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~])", r"\\\1", text)


def _row(p: Problem) -> str:
    return (
        f"| {markdown_text(p.path)} | {p.line}:{p.column} | {SEVERITY_LABELS.get(p.severity, p.severity)} | "
        f"{markdown_text(p.message)} ({markdown_text(p.code)}) |"
    )


def _table(problems: list[Problem], budget: int) -> tuple[list[str], int]:
    """Table lines for as many problems as fit in MAX_SUMMARY_ROWS rows and `budget` bytes."""
    lines = ["| plik | miejsce | poziom | problem |", "|---|---|---|---|"]
    used = sum(len(line.encode("utf-8")) + 1 for line in lines)
    shown = 0
    for p in problems[:MAX_SUMMARY_ROWS]:
        row = _row(p)
        size = len(row.encode("utf-8")) + 1
        if used + size > budget:
            break
        lines.append(row)
        used += size
        shown += 1
    if shown < len(problems):
        more = count(len(problems) - shown, "kolejny problem", "kolejne problemy", "kolejnych problemów")
        lines += ["", f"… i {more} (pełna lista: `wiazki validate` lokalnie)."]
    return lines, used


def step_summary(problems: list[Problem], files: int, hidden: list[Problem] | None = None) -> str:
    """The job summary: the count, the problems without an annotation, then all problems,
    at most MAX_SUMMARY_ROWS rows per table and MAX_SUMMARY_BYTES in all."""
    lines = ["## Walidacja wiązek", "", summary_line(problems, files), ""]
    budget = MAX_SUMMARY_BYTES - 1024
    if hidden:
        lines += [
            f"GitHub pokazuje przy plikach najwyżej {MAX_ANNOTATIONS['error']} błędów i "
            f"{MAX_ANNOTATIONS['warning']} ostrzeżeń; "
            f"{count(len(hidden), 'problem nie ma', 'problemy nie mają', 'problemów nie ma')} adnotacji:",
            "",
        ]
        table, used = _table(hidden, budget // 2)
        lines += table + ["", "### Wszystkie problemy", ""]
        budget -= used
    if problems:
        lines += _table(problems, budget)[0]
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    return json.dumps(
        {
            "format": FORMAT_VERSION,
            "files": files,
            "errors": errors,
            "warnings": len(problems) - errors,
            "problems": [{**p.as_dict(), "path": safe_text(p.path), "message": safe_text(p.message)} for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )
