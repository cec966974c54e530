"""Bounds on what one file can make the validator say, whatever the file holds.

A content file is untrusted: one file of 264 KB once gave 19,000 problems (and 43 of
them 164 MB of CI log). Every stage may find as many problems as it likes; here they
are de-duplicated, and at most MAX_PROBLEMS_PER_FILE distinct problems per file are
kept: errors before warnings, and at least one of each kind (code), so the person
learns of every kind of mistake at once. One more problem, `too-many-problems`,
says how many were left out and of which kinds. Messages are clipped too, so a
quoted value cannot make one line of output long.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from wiazki.polish import count
from wiazki.validation.problems import ERROR, WARNING, Problem

#: The most distinct problems reported for one file (the summary line not counted).
MAX_PROBLEMS_PER_FILE = 50
#: The longest message, in characters; longer ones end with "…".
MAX_MESSAGE_CHARS = 2_000
#: How much of a quoted value a message shows, in characters.
MAX_QUOTED_CHARS = 60

#: Bounds on a file itself, checked as it is read (`wiazki.validation.loader`).
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 20
#: A real bundle has a few hundred nodes; this bounds the work of every later stage.
MAX_NODES = 20_000

TOO_MANY = "too-many-problems"


def clip(text: str, limit: int = MAX_QUOTED_CHARS) -> str:
    """`text` cut to `limit` characters, the cut marked with "…"."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _clipped(problem: Problem) -> Problem:
    if len(problem.message) <= MAX_MESSAGE_CHARS:
        return problem
    return Problem(
        problem.path,
        problem.line,
        problem.column,
        problem.severity,
        problem.code,
        clip(problem.message, MAX_MESSAGE_CHARS),
    )


def _key(problem: Problem) -> tuple:
    return (problem.severity != ERROR, problem.line, problem.column, problem.code, problem.message)


def limit_file(
    problems: Iterable[Problem], omitted: Counter[tuple[str, str]] | None = None
) -> tuple[list[Problem], Counter[tuple[str, str]]]:
    """At most MAX_PROBLEMS_PER_FILE distinct problems of one file, and the counts of the rest.

    `problems` may be any number (each is looked at once; memory stays bounded by the
    distinct problems of the file). Returns the kept problems, sorted with errors first,
    and the left-out ones counted by (severity, code), added to `omitted` (the counts
    of an earlier call on part of the same file).
    """
    counts: Counter[tuple[str, str]] = Counter(omitted or ())
    distinct: dict[Problem, None] = {}
    # A stage that stopped early (the loader after 50 problems) says so itself: kept as is.
    stopped: list[Problem] = []
    for problem in problems:
        if problem.code == TOO_MANY:
            stopped.append(problem)
        else:
            distinct[_clipped(problem)] = None
    ordered = sorted(distinct, key=_key)
    kept: list[Problem] = []
    chosen: set[Problem] = set()
    # One of each kind first (errors' kinds before warnings'), then the rest in order.
    kinds: set[tuple[str, str]] = set()
    for problem in ordered:
        kind = (problem.severity, problem.code)
        if kind not in kinds and len(kept) < MAX_PROBLEMS_PER_FILE:
            kinds.add(kind)
            kept.append(problem)
            chosen.add(problem)
    for problem in ordered:
        if len(kept) >= MAX_PROBLEMS_PER_FILE:
            break
        if problem not in chosen:
            kept.append(problem)
            chosen.add(problem)
    counts.update((p.severity, p.code) for p in ordered if p not in chosen)
    return sorted(kept, key=_key) + stopped[:1], counts


def summary_problem(path: str, omitted: Counter[tuple[str, str]]) -> Problem:
    """The line that stands for the problems left out: how many, of which kinds.

    An error when an error was left out (the file fails either way), else a warning.
    """
    total = sum(omitted.values())
    errors = sum(n for (severity, _), n in omitted.items() if severity == ERROR)
    kinds = ", ".join(f"{code} ({n})" for (_, code), n in sorted(omitted.items(), key=lambda item: -item[1])[:5])
    return Problem(
        path,
        1,
        1,
        ERROR if errors else WARNING,
        TOO_MANY,
        f"zbyt wiele problemów w pliku: pokazano {MAX_PROBLEMS_PER_FILE} (najpierw błędy, po jednym każdego rodzaju), "
        f"pominięto {count(total, 'kolejny', 'kolejne', 'kolejnych')}: {kinds}; "
        "popraw pokazane i sprawdź plik ponownie",
    )


def limit(problems: Iterable[Problem], omitted: dict[str, Counter[tuple[str, str]]] | None = None) -> list[Problem]:
    """`limit_file` applied to each file's problems, with a `too-many-problems` line where needed.

    `omitted`: counts already left out, by path (the validator caps a file's own
    problems once when it parses it, and again with the cross-file rules).
    """
    by_path: dict[str, list[Problem]] = {}
    for problem in problems:
        by_path.setdefault(problem.path, []).append(problem)
    result: list[Problem] = []
    for path in set(by_path) | set(omitted or {}):
        kept, counts = limit_file(by_path.get(path, ()), (omitted or {}).get(path))
        result.extend(kept)
        if counts:
            result.append(summary_problem(path, counts))
    return result
