"""Writing problems out: for people, for GitHub Actions and for tools."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from wiazki import FORMAT_VERSION
from wiazki.polish import count
from wiazki.validation.problems import Problem

SEVERITY_LABELS = {"error": "błąd", "warning": "ostrzeżenie"}
#: A job summary must stay readable and under GitHub's 1 MiB limit.
MAX_SUMMARY_ROWS = 200


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    checked = f"Sprawdzono {count(files, 'plik', 'pliki', 'plików')}"
    if not problems:
        return f"{checked}: bez błędów i ostrzeżeń."
    found = count(errors, "błąd", "błędy", "błędów")
    return f"{checked}: {found}, {count(warnings, 'ostrzeżenie', 'ostrzeżenia', 'ostrzeżeń')}."


# C0 and C1 controls (ANSI escapes start with ESC or CSI), line and paragraph
# separators and bidirectional overrides: none may reach a terminal or a CI log.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROLS_BUT_NEWLINES = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    """User text in a one-line format: no line breaks, no other control characters."""
    return _CONTROLS.sub(" ", text)


def human(problems: Iterable[Problem]) -> list[str]:
    return [
        f"{_one_line(p.path)}:{p.line}:{p.column}: {p.severity}: {_one_line(p.message)} [{p.code}]" for p in problems
    ]


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
    text = _CONTROLS_BUT_NEWLINES.sub(" ", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: Iterable[Problem]) -> list[str]:
    """Workflow commands; user text cannot end the command or start another one."""
    lines = []
    for p in problems:
        properties = ",".join(
            f"{name}={_escape_property(str(value))}"
            for name, value in (("file", p.path), ("line", p.line), ("col", p.column), ("title", f"wiazki: {p.code}"))
        )
        lines.append(f"::{p.severity} {properties}::{_escape_data(p.message)}")
    return lines


def markdown_text(text: str) -> str:
    """Text safe inside a Markdown table cell: no HTML, no formatting, no line breaks."""
    text = _one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~])", r"\\\1", text)


def step_summary(problems: list[Problem], files: int) -> str:
    lines = ["## Walidacja wiązek", "", summary_line(problems, files), ""]
    if problems:
        lines += ["| plik | miejsce | poziom | problem |", "|---|---|---|---|"]
        for p in problems[:MAX_SUMMARY_ROWS]:
            lines.append(
                f"| {markdown_text(p.path)} | {p.line}:{p.column} | {SEVERITY_LABELS.get(p.severity, p.severity)} | "
                f"{markdown_text(p.message)} ({markdown_text(p.code)}) |"
            )
        if len(problems) > MAX_SUMMARY_ROWS:
            more = count(len(problems) - MAX_SUMMARY_ROWS, "kolejny problem", "kolejne problemy", "kolejnych problemów")
            lines += ["", f"… i {more}."]
    return "\n".join(lines) + "\n"


def as_json(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    return json.dumps(
        {
            "format": FORMAT_VERSION,
            "files": files,
            "errors": errors,
            "warnings": len(problems) - errors,
            "problems": [p.as_dict() for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )
