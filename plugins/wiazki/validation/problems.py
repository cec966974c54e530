"""A problem found in the content: where it is, how bad, and what to do about it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"

_SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


@dataclass(frozen=True, order=False)
class Problem:
    """One finding: `path` is the file as the user sees it, `line` and `column` count from 1."""

    path: str
    line: int
    column: int
    severity: str
    code: str
    message: str

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, _SEVERITY_ORDER.get(self.severity, 9), self.code, self.message)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in a deterministic order, each reported once."""
    return sorted(set(problems), key=Problem.sort_key)
