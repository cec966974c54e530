"""Rules on the text in a file: no control, invisible or non-finite values; rule 8 on the
description's Markdown (bundle-format.md, "Rules beyond the schema")."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from wiazki.format import commonmark
from wiazki.format.values import get as _get
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, Problem
from wiazki.validation.rule_kit import problem_at as _problem

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# Characters that show nothing inside a word: zero-width spaces and joiners, bidi marks,
# word joiners and invisible operators, the BOM, fillers and tag characters. They make
# words unfindable and titles look empty or reordered (issue 8); the issue form drops
# the same characters. (Controls and bidi overrides are `_CONTROL`.)
_INVISIBLE = re.compile("[\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0\U000e0000-\U000e007f]")


def _invisible_message(text: str, offset: int) -> str:
    char = text[offset]
    name = unicodedata.name(char, "znak niewidoczny")
    line = text.count("\n", 0, offset)
    where = f"znak {offset + 1}" + (f" (wiersz {line + 1} tekstu)" if line else "")
    return (
        f"tekst zawiera niewidoczny znak U+{ord(char):04X} ({name}) – {where}; usuń go "
        "(często przychodzi z tekstem skopiowanym z innego programu)"
    )


def check_values(doc: Document) -> Iterator[Problem]:
    """No infinite or NaN numbers (they cannot be written as JSON) and no control
    characters in text (an escaped "\\x07" or a bidi override hides what a text says)."""
    stack: list[tuple[tuple, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            yield _problem(
                doc, path, ERROR, "non-finite-number", "liczba musi być skończona (.inf i .nan są niedozwolone)"
            )
        elif isinstance(value, str) and _CONTROL.search(value):
            yield _problem(doc, path, ERROR, "control-character", "tekst zawiera niedozwolony znak sterujący; usuń go")
        elif isinstance(value, str) and (found := _INVISIBLE.search(value)):
            yield _problem(doc, path, ERROR, "invisible-character", _invisible_message(value, found.start()))
        elif isinstance(value, dict):
            stack.extend((path + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))


def check_markdown(doc: Document) -> Iterator[Problem]:
    """Rule 8 on the description's links, read from the parse the site renders, and the
    bounds of its structure. A description over the length limit is not parsed at all
    (the schema's `maxLength` reports it), so the work stays bounded."""
    text = _get(doc.data, "description")
    if not isinstance(text, str) or len(text) > commonmark.MAX_MARKDOWN_CHARS:
        return
    parsed = commonmark.parse(text)
    if parsed.depth > commonmark.MAX_DEPTH:
        yield _problem(
            doc,
            ("description",),
            ERROR,
            "markdown-too-deep",
            f"opis ma listy lub cytaty zagnieżdżone na {parsed.depth} poziomach; dozwolone najwyżej "
            f"{commonmark.MAX_DEPTH}: spłaszcz listę (mniej wcięć, mniej znaków „-”, „*”, „1.” lub „>” "
            "na początku wiersza)",
        )
    if parsed.table_cells > commonmark.MAX_TABLE_CELLS:
        yield _problem(
            doc,
            ("description",),
            ERROR,
            "markdown-table-too-big",
            f"tabele w opisie mają ponad {commonmark.MAX_TABLE_CELLS} komórek; skróć je albo podziel na mniejsze",
        )
    schemes = (commonmark.link_scheme(target) for target in parsed.targets)
    for scheme in dict.fromkeys(s for s in schemes if s is not None):
        if scheme not in commonmark.SAFE_SCHEMES:
            yield _problem(
                doc,
                ("description",),
                ERROR,
                "url-scheme",
                f"odnośnik w opisie używa protokołu „{scheme}:”; dozwolone są tylko http, https i mailto",
            )
