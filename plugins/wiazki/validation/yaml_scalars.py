"""Plain YAML scalars as YAML 1.2's core schema reads them, and text in one Unicode form.

`resolve_plain_scalar("no")` is the string "no" (YAML 1.1 said False), "010" is 10 and
dates stay strings; `nfc` composes letters typed as a base and a combining mark.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution).
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def nfc(text: str) -> str:
    """`text` in Unicode normal form C: "ó" typed as o + U+0301 (macOS, some PDFs) becomes one
    character, so rules, search and lengths see the letter people see (issue 8)."""
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def resolve_plain_scalar(text: str) -> Any:
    """Resolve an untagged plain scalar as YAML 1.2's core schema does."""
    if _NULL.match(text):
        return None
    if _TRUE.match(text):
        return True
    if _FALSE.match(text):
        return False
    try:
        if _INT10.match(text):
            return int(text, 10)
        # Python converts powers-of-two bases without its 4,300-digit limit, but the
        # result could not be written in decimal (messages, exports): the same bound.
        if _INT8.match(text):
            return int(text[2:], 8) if len(text) <= 4_700 else text
        if _INT16.match(text):
            return int(text[2:], 16) if len(text) <= 3_500 else text
    except ValueError:
        # Longer than Python's int-from-string limit: keep the text, the schema
        # will say it is not a number.
        return text
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text
