"""Writing problems out: for people, for GitHub Actions and for tools."""

from __future__ import annotations

import json
import re
from typing import Iterable

from . import FORMAT_VERSION
from .polish import count
from .problems import Problem

SEVERITY_LABELS = {"error": "błąd", "warning": "ostrzeżenie"}
#: A job summary must stay readable and under GitHub's 1 MiB limit.
MAX_SUMMARY_ROWS = 200


def summary_line(problems: list[Problem], files: int) -> str:
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    checked = f"Sprawdzono {count(files, 'plik', 'pliki', 'plików')}"
    if not problems:
        return f"{checked}: bez błędów i ostrzeżeń."
    return f"{checked}: {count(errors, 'błąd', 'błędy', 'błędów')}, {count(warnings, 'ostrzeżenie', 'ostrzeżenia', 'ostrzeżeń')}."


def _one_line(text: str) -> str:
    """User text in a one-line format: no line breaks, no other control characters."""
    return re.sub(r"[\x00-\x1f\x7f]", " ", text)


def human(problems: Iterable[Problem]) -> list[str]:
    return [f"{p.path}:{p.line}:{p.column}: {p.severity}: {_one_line(p.message)} [{p.code}]" for p in problems]


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts
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
            lines += ["", f"… i {count(len(problems) - MAX_SUMMARY_ROWS, 'kolejny problem', 'kolejne problemy', 'kolejnych problemów')}."]
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
