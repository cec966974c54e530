"""The one regex dialect of the format: ECMAScript, as JSON Schema's `pattern` says.

JSON Schema reads `pattern` as an ECMA-262 regular expression; editors (VS Code's
YAML extension), ajv and check-jsonschema (through `regress`) do so. Python's `re`
differs: its `$` also matches before a final line break, its `\\s` misses U+FEFF
and counts U+001C–U+001F, its `\\d` is any Unicode digit. So the validator runs
every pattern of the format with `regress`, an ECMAScript engine, and gives the
same verdict as those tools; the patterns are written so that Python's `re`
agrees too (tests/test_hostile_verdicts.py checks both on hostile text).
"""

from __future__ import annotations

import re
from functools import lru_cache

import regress

_SURROGATE = re.compile("[\ud800-\udfff]")


class Pattern:
    """A compiled ECMAScript pattern with the two questions the format asks of it."""

    def __init__(self, source: str) -> None:
        self.pattern = source
        self._regex = regress.Regex(source)

    def search(self, text: str) -> bool:
        """Whether the pattern matches anywhere in `text` (JSON Schema's `pattern`).

        A lone surrogate (a file name that is not UTF-8, decoded by `os.fsdecode`)
        cannot be handed to the engine; it is read as U+FFFD, which none of the
        format's patterns accepts where a letter or digit belongs, as ECMAScript
        would not accept the lone code unit either.
        """
        try:
            return self._regex.find(text) is not None
        except UnicodeEncodeError:
            return self._regex.find(_SURROGATE.sub("\ufffd", text)) is not None

    # The rules check values with an anchored pattern; "match" reads as they do.
    match = search


@lru_cache(maxsize=256)
def compile(source: str) -> Pattern:
    return Pattern(source)


def search(source: str, text: str) -> bool:
    """Whether ECMAScript pattern `source` matches anywhere in `text`."""
    return compile(source).search(text)
