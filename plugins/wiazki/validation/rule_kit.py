"""What the rule modules share: the loaded content folder and a problem at a path in a file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wiazki.validation.loader import Document
from wiazki.validation.problems import Problem


@dataclass
class Content:
    """The loaded files of a content folder, by id."""

    bundles: dict[str, Document]
    partners: dict[str, Document]
    #: Ids of files that exist but could not be read as YAML (their problems are
    #: reported on their own; other files' rules must not guess about them).
    unreadable_bundles: frozenset[str] = frozenset()
    unreadable_partners: frozenset[str] = frozenset()


def as_list(value: Any) -> list:
    """`value` if it is a list, else [] (a rule skips a value of the wrong type; the schema reports it)."""
    return value if isinstance(value, list) else []


def problem_at(doc: Document, path: tuple, severity: str, code: str, message: str, *, key: bool = False) -> Problem:
    """A problem at the value at `path` in `doc` (at its key when `key`), line and column from 1."""
    position = doc.key_position(path) if key else doc.position(path)
    return Problem(doc.path, position.line, position.column, severity, code, message)
