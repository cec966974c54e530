"""What `wiazki diff` found, as plain data: lines of Polish text with slots for user text.

The comparison (`compare`) makes these; the renderers (`render`) print them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BUNDLES, PARTNERS = "bundles", "partners"
ADDED, REMOVED, CHANGED, UNREADABLE = "added", "removed", "changed", "unreadable"


@dataclass(frozen=True)
class Line:
    """One line of a report: our own Polish `template`, with `{}` slots for user text."""

    template: str
    args: tuple[str, ...] = ()
    depth: int = 0
    heading: bool = False


@dataclass
class FileChange:
    folder: str
    id: str
    status: str
    #: The title (bundle) or name (partner) as written in the file; user text.
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class ContentDiff:
    base: str
    head: str
    bundles: list[FileChange] = field(default_factory=list)
    partners: list[FileChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.bundles and not self.partners


@dataclass
class Side:
    """One file at one revision: its data, or the loader's first problem (Polish)."""

    data: dict[str, Any] | None
    problem: str | None = None


@dataclass(frozen=True)
class FilePair:
    """One content file that differs between the revisions; None on the side where it does not exist."""

    folder: str
    id: str
    before: Side | None
    after: Side | None
