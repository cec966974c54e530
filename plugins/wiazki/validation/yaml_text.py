"""Problems found in a file before YAML reads it: bytes that are not UTF-8, tabs in indentation."""

from __future__ import annotations

from wiazki.validation.limits import MAX_PROBLEMS_PER_FILE
from wiazki.validation.problems import ERROR, Problem


def tab_problems(path: str, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.lstrip(" \t")
        indent = line[: len(line) - len(stripped)]
        if "\t" in indent and stripped and not stripped.startswith("#"):
            problems.append(
                Problem(
                    path,
                    number,
                    indent.index("\t") + 1,
                    ERROR,
                    "tab-indent",
                    "tabulator we wcięciu; YAML wymaga wcięć ze spacji",
                )
            )
            if len(problems) >= MAX_PROBLEMS_PER_FILE:
                break
    return problems


def decode_text(path: str, raw: bytes) -> tuple[str | None, list[Problem]]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        return None, [
            Problem(
                path,
                line,
                column,
                ERROR,
                "encoding",
                "plik nie jest poprawnym tekstem UTF-8; zapisz go w kodowaniu UTF-8",
            )
        ]
