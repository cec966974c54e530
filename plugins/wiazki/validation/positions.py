"""Where something is in a file, as an editor counts it, and what an invisible mistake there is.

libyaml counts lines YAML 1.1's way (U+0085, U+2028, U+2029 and a lone CR end a
line too) and its reader reports a byte offset; an editor and GitHub count lines
by LF and columns by character. Every position here comes from the character
index of a libyaml mark, mapped onto the text's own LF-separated lines, so a
Polish letter or a U+2028 before a mistake never moves where it is reported.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from wiazki.validation.problems import ERROR, Problem


@dataclass(frozen=True)
class Position:
    line: int
    column: int


class LineMap:
    """Character index → (line, column), both from 1, lines separated by LF; a file
    with no LF at all but CRs (old Mac line ends) is counted by CR, as editors show it."""

    def __init__(self, text: str) -> None:
        separator = "\r" if "\n" not in text and "\r" in text else "\n"
        self._starts = [0] + [m.end() for m in re.finditer(separator, text)]
        self._length = len(text)

    def at(self, index: int) -> Position:
        index = max(0, min(index, self._length))
        line = bisect.bisect_right(self._starts, index) - 1
        return Position(line + 1, index - self._starts[line] + 1)

    def mark(self, mark: Any) -> Position:
        """The position of a libyaml/PyYAML mark (its `index` counts characters)."""
        if mark is None:
            return Position(1, 1)
        index = getattr(mark, "index", None)
        if isinstance(index, int):
            return self.at(index)
        return Position(mark.line + 1, mark.column + 1)


#: Marks without a character index carry their own line and column.
_NO_LINES = LineMap("")


def mark_index(mark: Any) -> int | Position:
    """What `LineMap.mark` needs of a mark, cheaply: its character index (or the
    position itself when the mark has none), for a `PositionTable`."""
    if mark is not None:
        index = getattr(mark, "index", None)
        if isinstance(index, int):
            return index
    return LineMap.mark(_NO_LINES, mark)


class PositionTable(dict):
    """path → Position, stored as character indices and turned into a `Position` only
    when read: a file has hundreds of nodes and a valid file needs none of them."""

    def __init__(self, lines: LineMap) -> None:
        super().__init__()
        self._lines = lines

    def __getitem__(self, path: Any) -> Position:
        value = dict.__getitem__(self, path)
        return self._lines.at(value) if isinstance(value, int) else value

    def get(self, path: Any, default: Any = None) -> Any:
        value = dict.get(self, path, _MISSING)
        if value is _MISSING:
            return default
        return self._lines.at(value) if isinstance(value, int) else value

    def items(self):
        return ((path, self[path]) for path in self)

    def values(self):
        return (self[path] for path in self)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as plain indices (validation in another process sends documents
        # back): the inherited pickling would build a `Position` for every node.
        return (_restore_table, (self._lines, dict.copy(self)))


def _restore_table(lines: LineMap, entries: dict[Any, Any]) -> PositionTable:
    table = PositionTable(lines)
    dict.update(table, entries)
    return table


_MISSING = object()


def byte_offset_to_index(text: str, offset: int) -> int:
    """The character index of UTF-8 byte `offset` in `text` (libyaml's reader errors)."""
    return len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))


# Spaces that look like a space but are not one for YAML (it separates tokens only
# with U+0020 and, outside indentation, tabs): copied from web pages, PDFs and word
# processors. In front of a line, after `key:` or after a list's `-` they change
# what the file means without showing why.
_FALSE_SPACES = "\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff"
_FALSE_SPACE = re.compile(f"[{_FALSE_SPACES}]")
# Linear: one pass of each class, no two quantifiers over the same characters.
_STRUCTURE = re.compile(
    f"^(?P<indent>[ {_FALSE_SPACES}]*)(?:-(?:(?P<dash>[{_FALSE_SPACES}])|[ ]+))?"
    f"(?:(?P<key>[A-Za-z_][A-Za-z0-9_]*)[ ]*:(?P<colon>[{_FALSE_SPACES}]))?"
)


def _describe(char: str) -> str:
    name = {"\u00a0": "twarda spacja (NO-BREAK SPACE)", "\ufeff": "niewidoczny znak BOM (ZERO WIDTH NO-BREAK SPACE)"}
    return name.get(char) or f"znak {unicodedata.name(char, 'odstępu')}"


def false_space_problems(path: str, text: str, skip_lines: frozenset[int] = frozenset()) -> list[Problem]:
    """A non-breaking (or other look-alike) space where YAML needs a plain space: in the
    indentation, after a list's `-` or after `key:`; at its exact line and column.
    `skip_lines`: lines inside multi-line texts, where such a space is content."""
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in skip_lines or not _FALSE_SPACE.search(line[:200]):
            continue
        match = _STRUCTURE.match(line)
        if match is None:
            continue
        where = None
        bad = _FALSE_SPACE.search(match.group("indent"))
        if bad is not None and line[match.end("indent") :].strip():
            where, what = bad.start(), "we wcięciu"
        elif match.group("dash"):
            where, what = match.start("dash"), "po „-” elementu listy"
        elif match.group("colon"):
            where, what = match.start("colon"), f"po „{match.group('key')}:”"
        if where is None:
            continue
        problems.append(
            Problem(
                path,
                number,
                where + 1,
                ERROR,
                "false-space",
                f"{_describe(line[where])} {what} w miejscu zwykłej spacji (często z tekstu skopiowanego "
                "z innego programu); YAML jej nie rozpoznaje jako odstępu: zastąp ją zwykłą spacją",
            )
        )
    return problems


_KEY_LINE = re.compile(r"^( *)(?:- +)?([^ #][^:#]*?):(?: +(.*))?$")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def indentation_hint(text: str, line_number: int) -> str | None:
    """Why line `line_number` (from 1) breaks the structure, when its indentation is the
    likely cause: a field deeper than the field above it that has a value, or an indent
    that matches no level above. Names the column the field should start at."""
    lines = text.split("\n")
    if not 1 <= line_number <= len(lines):
        return None
    current = lines[line_number - 1]
    if not current.strip() or len(current) > 2000:
        return None
    column = _indent(current)
    above = [
        line
        for line in lines[max(0, line_number - 200) : line_number - 1]
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not above:
        return None
    previous = above[-1]
    previous_column = _indent(previous)
    match = _KEY_LINE.match(previous[:2000])
    # The field above has a value on its own line: nothing can be nested under it.
    if column > previous_column and match and match.group(3) and match.group(3)[:1] not in ("|", ">", ""):
        return (
            f"wiersz jest wcięty głębiej (kolumna {column + 1}) niż pole `{match.group(2).strip()}` powyżej, "
            f"które ma już wartość; jeśli to kolejne pole, zacznij je w kolumnie {previous_column + 1}"
        )
    # The levels open at the line above: its own and each shallower one above it.
    levels = [previous_column]
    for line in reversed(above[:-1]):
        if _indent(line) < levels[-1]:
            levels.append(_indent(line))
    if column not in levels and column < previous_column:
        lower = max((lvl for lvl in levels if lvl < column), default=None)
        higher = min((lvl for lvl in levels if lvl > column), default=None)
        options = " lub ".join(str(lvl + 1) for lvl in (lower, higher) if lvl is not None)
        return (
            f"wcięcie wiersza (kolumna {column + 1}) nie pasuje do żadnego poziomu powyżej; "
            f"pola zaczynają się tu w kolumnie {options}"
        )
    return None


# YAML 1.1 line breaks other than LF and CR: libyaml ends a line at each, an editor
# and GitHub do not (they show one line). Pasted from a word processor or a PDF, one
# in a text block ends the block there, and the rest of the line reads as a new field.
_YAML11_BREAK = re.compile("[\x85\u2028\u2029]")


def line_break_problem(path: str, text: str, quoted: list[tuple[int, int]], before: int) -> Problem | None:
    """The first NEL, LS or PS before character index `before` that is not inside a
    quoted text (`quoted`: sorted (start, end) character ranges, where it is content),
    named at its line and column; None when there is none."""
    starts = [start for start, _ in quoted]
    for match in _YAML11_BREAK.finditer(text, 0, max(0, before) + 1):
        index = match.start()
        inside = bisect.bisect_right(starts, index) - 1
        if inside >= 0 and index < quoted[inside][1]:
            continue
        where = LineMap(text).at(index)
        char = match.group()
        return Problem(
            path,
            where.line,
            where.column,
            ERROR,
            "line-separator",
            f"znak U+{ord(char):04X} ({unicodedata.name(char, 'NEXT LINE')}) w tym miejscu YAML czyta jako koniec "
            "wiersza, choć edytor go nie pokazuje (często z tekstu skopiowanego z innego programu); "
            "usuń go albo zastąp spacją",
        )
    return None


# Dashes and bullets a word processor puts where a list's "-" was typed ("- " becomes
# "– " or "• "): YAML reads the line as text, not as an item of a list.
_LOOK_ALIKE_DASHES = "\u2010-\u2015\u2212\u2022\u2023\u2043\u2219\u25aa\u25cf\u00b7"
_DASH_ITEM = re.compile(f"^ *([{_LOOK_ALIKE_DASHES}])[ \u00a0]")


def false_dash_problems(
    path: str, text: str, skip_lines: frozenset[int] = frozenset(), severity: str = ERROR
) -> list[Problem]:
    """A look-alike dash or bullet where a list item's "-" belongs (at the start of a line
    outside multi-line texts, `skip_lines`), at its exact line and column."""
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in skip_lines:
            continue
        match = _DASH_ITEM.match(line[:200])
        if match is None:
            continue
        char = match.group(1)
        problems.append(
            Problem(
                path,
                number,
                match.start(1) + 1,
                severity,
                "false-dash",
                f"znak „{char}” ({unicodedata.name(char, 'DASH')}) na początku wiersza: element listy zaczyna się "
                "od zwykłego łącznika „-” (edytor tekstu często zamienia go na półpauzę lub punktor); "
                "zastąp go znakiem „-”",
            )
        )
        if len(problems) >= 50:
            break
    return problems
