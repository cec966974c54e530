"""Loading untrusted YAML into plain data, keeping the position of every node.

A content file is written by anyone who can open a pull request, so it is
hostile until proven otherwise. PyYAML's own loaders follow YAML 1.1 (`no` is
False, `010` is 8, dates become `datetime`), keep the last of duplicate keys,
expand aliases (a few hundred bytes can make any later walk exponential) and
recurse once per nesting level. We therefore read libyaml's *event stream* and
build the data ourselves, iteratively: aliases, anchors, custom tags and
duplicate keys are refused as they appear, scalars are resolved as YAML 1.2's
core schema does (dates stay strings) and nesting is bounded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from wiazki.validation.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, MAX_PROBLEMS_PER_FILE
from wiazki.validation.positions import (
    LineMap,
    Position,
    PositionTable,
    byte_offset_to_index,
    false_dash_problems,
    false_space_problems,
    indentation_hint,
    line_break_problem,
    mark_index,
)
from wiazki.validation.problems import ERROR, WARNING, Problem
from wiazki.validation.yaml_messages import INDENTATION_ERRORS, syntax_message
from wiazki.validation.yaml_scalars import nfc, resolve_plain_scalar
from wiazki.validation.yaml_text import decode_text, tab_problems

#: libyaml is ~10× faster than the pure-Python parser; both give the same events.
_LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MAP_TAG = "tag:yaml.org,2002:map"

PathKey = tuple  # a JSON-pointer-like tuple of str keys and int indices


@dataclass
class Document:
    """The data of one YAML file, with the position of each value and each key."""

    path: str
    data: Any
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    #: The source text of plain scalars that became numbers, booleans or null, so a
    #: message can quote what the person wrote (`0201011`, not `201011`).
    sources: dict[PathKey, str] = field(default_factory=dict)
    #: Text values that NFC changed, as written in the file: the schema judges these,
    #: as check-jsonschema and editors do (one verdict); rules and the site read NFC.
    written: dict[PathKey, str] = field(default_factory=dict)

    def position(self, path: PathKey) -> Position:
        """Where the value at `path` starts; the nearest ancestor that exists otherwise."""
        path = tuple(path)
        while path:
            if path in self.values:
                return self.values[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))

    def key_position(self, path: PathKey) -> Position:
        """Where the key naming `path` is; falls back to the value's position."""
        path = tuple(path)
        return self.keys.get(path) or self.position(path)


class _Builder:
    """Builds plain data from parser events without recursion."""

    def __init__(self, path: str, text: str = "") -> None:
        self.doc = Document(path=path, data=None)
        self.problems: list[Problem] = []
        self.aborted = False
        self.lines = LineMap(text)
        #: Lines inside multi-line texts (after their first line): there a
        #: look-alike space is content, not structure.
        self.text_lines: set[int] = set()
        #: Character ranges of quoted texts read so far: a YAML 1.1 line break there is content.
        self.quoted: list[tuple[int, int]] = []

    def position(self, mark: Any) -> Position:
        return self.lines.mark(mark)

    def error(self, mark: Any, code: str, message: str) -> None:
        where = self.position(mark)
        self.problems.append(Problem(self.doc.path, where.line, where.column, ERROR, code, message))

    def build(self, events: Any) -> None:
        # Each stack frame: [container, path, pending_key, pending_key_mark, seen_keys]
        stack: list[list[Any]] = []
        # Positions are stored as character indices and read as `Position`s on demand.
        values = self.doc.values = PositionTable(self.lines)
        keys = self.doc.keys = PositionTable(self.lines)
        documents = 0
        root_set = False

        def attach(value: Any, mark: Any) -> PathKey | None:
            nonlocal root_set
            if not stack:
                self.doc.data = value
                root_set = True
                path: PathKey = ()
                values[path] = mark_index(mark)
                return path
            frame = stack[-1]
            container, parent = frame[0], frame[1]
            if isinstance(container, list):
                path = parent + (len(container),)
                container.append(value)
                values[path] = mark_index(mark)
                return path
            if frame[2] is _NO_KEY:
                # This node is a key.
                if not isinstance(value, str):
                    if isinstance(value, (dict, list)):
                        self.error(mark, "complex-key", "nazwa pola musi być zwykłym tekstem, nie listą ani słownikiem")
                    key = "" if value is None else str(value)
                else:
                    key = value
                frame[2], frame[3] = key, mark
                return None
            key, key_mark = frame[2], frame[3]
            frame[2] = _NO_KEY
            path = parent + (key,)
            if key in frame[4]:
                first = self.lines.at(frame[4][key]) if isinstance(frame[4][key], int) else frame[4][key]
                self.error(
                    key_mark,
                    "duplicate-key",
                    f"pole `{key}` występuje drugi raz (pierwszy raz w wierszu {first.line}); "
                    "YAML zachowałby tylko jedną z wartości, usuń lub połącz powtórzenie",
                )
                return None
            key_position = mark_index(key_mark)
            frame[4][key] = key_position
            container[key] = value
            keys[path] = key_position
            values[path] = mark_index(mark)
            return path

        def is_key_slot() -> bool:
            return bool(stack) and isinstance(stack[-1][0], dict) and stack[-1][2] is _NO_KEY

        nodes = 0
        # Dispatch on the event's exact class (libyaml's and PyYAML's parsers make no
        # subclasses): a chain of isinstance calls was a third of the loading time.
        for event in events:
            kind = type(event)
            node = kind in _NODE_EVENTS
            if node:
                nodes += 1
                if nodes > MAX_NODES:
                    self.error(
                        event.start_mark,
                        "too-many-nodes",
                        f"plik ma zbyt wiele elementów (ponad {MAX_NODES}); podziel treść",
                    )
                    self.aborted = True
                    return
            if len(self.problems) >= MAX_PROBLEMS_PER_FILE:
                self.aborted = True
                return
            if not node:
                if kind is _END_EVENT or kind is _SEQ_END:
                    stack.pop()
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        self.error(
                            event.start_mark,
                            "multiple-documents",
                            "plik może zawierać tylko jeden dokument YAML (usuń drugie „---”)",
                        )
                        self.aborted = True
                        return
                continue
            if kind is yaml.AliasEvent:
                self.error(
                    event.start_mark, "alias", f"aliasy YAML (*{event.anchor}) nie są dozwolone; wpisz wartość wprost"
                )
                if is_key_slot():
                    attach(f"*{event.anchor}", event.start_mark)
                else:
                    attach(None, event.start_mark)
                continue
            if event.anchor is not None:
                self.error(
                    event.start_mark,
                    "anchor",
                    f"kotwice YAML (&{event.anchor}) nie są dozwolone; wpisz wartość wprost",
                )
            tag = event.tag
            if tag is not None and tag != "!" and tag != _ALLOWED_TAG[kind]:
                self.error(event.start_mark, "tag", f"znaczniki typów YAML ({tag}) nie są dozwolone; usuń znacznik")
            if kind is _SCALAR:
                start_mark, end_mark = event.start_mark, event.end_mark
                if end_mark is not None and end_mark.line > start_mark.line:
                    first, end = self.position(start_mark), self.position(end_mark)
                    # A text block ends at the start of the next line: that line is structure.
                    last = end.line - 1 if end.column == 1 else end.line
                    self.text_lines.update(range(first.line + 1, last + 1))
                if end_mark is not None and event.style in ("'", '"'):
                    self.quoted.append((start_mark.index, end_mark.index))
                raw = event.value
                text = nfc(raw)
                plain = tag is None and event.implicit[0] and not is_key_slot()
                value = resolve_plain_scalar(text) if plain else text
                where = attach(value, start_mark)
                if where is not None:
                    if not isinstance(value, str):
                        self.doc.sources[where] = raw
                    elif value != raw:
                        self.doc.written[where] = raw
            else:
                if len(stack) >= MAX_DEPTH:
                    self.error(
                        event.start_mark, "too-deep", f"zbyt głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów)"
                    )
                    self.aborted = True
                    return
                container: Any = {} if kind is _MAP_START else []
                key_slot = is_key_slot()
                path = attach(container, event.start_mark)
                if key_slot or path is None:
                    # A complex key or a duplicate: build it aside and drop it.
                    path = ("\x00discarded",)
                stack.append([container, path, _NO_KEY, None, {}])
        if not root_set:
            self.doc.data = None


class _NoKey:
    pass


_SCALAR, _MAP_START, _SEQ_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_END_EVENT, _SEQ_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
#: The events that make a node (counted against MAX_NODES).
_NODE_EVENTS = frozenset({_SCALAR, _MAP_START, _SEQ_START, yaml.AliasEvent})
#: The one explicit tag each node may carry besides "!" (a tag YAML gives it anyway).
_ALLOWED_TAG = {_SCALAR: _STR_TAG, _MAP_START: _MAP_TAG, _SEQ_START: _SEQ_TAG}


_NO_KEY = _NoKey()


def load_text(path: str, text: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text. Returns the document (None when unusable) and the problems found."""
    if text.startswith("\ufeff"):
        text = text[1:]
    builder = _Builder(path, text)
    parser = _LOADER(text)
    try:
        # `yaml.parse` without its generator: the parser's events until it has none.
        builder.build(iter(parser.get_event, None))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = builder.position(mark)
        # A tab or a non-breaking space inside a text block is content; in the
        # indentation or after `key:` or `-` it is what usually breaks a file, so
        # name it rather than the error libyaml reports.
        invisible = (
            tab_problems(path, text)
            + false_space_problems(path, text, frozenset(builder.text_lines))
            + false_dash_problems(path, text, frozenset(builder.text_lines))
        )
        invisible = [p for p in invisible if mark is None or p.line <= where.line]
        if mark is not None:
            # A NEL, LS or PS ended a line where the person sees none (YAML 1.1).
            broken = line_break_problem(path, text, builder.quoted, getattr(mark, "index", len(text)))
            invisible += [broken] if broken else []
        if invisible:
            return None, sorted(invisible, key=Problem.sort_key)
        # libyaml has a nesting limit of its own, reached before ours in flow collections.
        code = "too-deep" if "nesting depth" in (exc.problem or "") else "syntax"
        message = syntax_message(exc)
        indentation = code == "syntax" and any(e in (exc.problem or "") for e in INDENTATION_ERRORS)
        hint = indentation_hint(text, where.line) if indentation else None
        if hint:
            # At the start of the line: the indentation is what to change.
            line = text.split("\n")[where.line - 1]
            column = len(line) - len(line.lstrip(" ")) + 1
            builder.problems.append(Problem(path, where.line, column, ERROR, code, f"błąd składni YAML: {hint}"))
        else:
            builder.error(mark, code, message)
        return None, builder.problems
    except yaml.reader.ReaderError as exc:
        # libyaml's reader reports a byte offset (the pure-Python reader a character index).
        index = byte_offset_to_index(text, exc.position) if _LOADER is not yaml.SafeLoader else exc.position
        where = builder.lines.at(index)
        builder.problems.append(Problem(path, where.line, where.column, ERROR, "syntax", syntax_message(exc)))
        return None, builder.problems
    except yaml.YAMLError as exc:
        builder.error(None, "syntax", syntax_message(exc))
        return None, builder.problems
    finally:
        parser.dispose()  # as `yaml.parse` does: the pure-Python parser's states refer to it
    spaces = false_space_problems(path, text, frozenset(builder.text_lines))
    # "# uwaga<LS>stage: x" parses: the comment ends where the person sees none.
    broken = line_break_problem(path, text, builder.quoted, len(text))
    spaces += [broken] if broken else []
    if spaces:
        # The file parsed, but not as it reads: "stage:<NBSP>discover" is one text.
        return None, spaces
    if builder.aborted:
        if len(builder.problems) >= MAX_PROBLEMS_PER_FILE:
            last = builder.problems[-1]
            builder.problems.append(
                Problem(
                    path,
                    last.line,
                    last.column,
                    ERROR,
                    "too-many-problems",
                    "zbyt wiele błędów w pliku; pozostałe pominięto",
                )
            )
        return None, builder.problems
    doc = builder.doc
    # "channels:\n  – a\n  – b" parses as one text: the schema will say "not a list";
    # this says why (a warning, since a text may start with a dash on its own line).
    builder.problems += false_dash_problems(path, text, frozenset(builder.text_lines), WARNING)
    if doc.data is None:
        builder.problems.append(
            Problem(path, 1, 1, ERROR, "empty-file", "plik jest pusty; powinien zawierać pola opisane w formacie")
        )
        return None, builder.problems
    if not isinstance(doc.data, dict):
        pos = doc.position(())
        builder.problems.append(
            Problem(
                path,
                pos.line,
                pos.column,
                ERROR,
                "not-mapping",
                "plik musi zawierać słownik pól (np. `id: …`), a nie listę ani pojedynczą wartość",
            )
        )
        return None, builder.problems
    return doc, builder.problems


def load_file(file: Path, display_path: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one YAML file; never raises for anything the file holds."""
    path = display_path or str(file)
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        return None, [
            Problem(path, 1, 1, ERROR, "unreadable", f"nie można odczytać pliku ({os.strerror(exc.errno or 0) or exc})")
        ]
    return load_bytes(path, raw)


def load_bytes(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse the raw bytes of a file (e.g. a blob read from git); never raises."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [
            Problem(path, 1, 1, ERROR, "file-too-large", "plik jest większy niż 1 MiB; podziel treść lub skróć opisy")
        ]
    if not raw.strip(b"\xef\xbb\xbf \t\r\n"):
        return None, [
            Problem(path, 1, 1, ERROR, "empty-file", "plik jest pusty; powinien zawierać pola opisane w formacie")
        ]
    text, problems = decode_text(path, raw)
    if text is None:
        return None, problems
    return load_text(path, text)
