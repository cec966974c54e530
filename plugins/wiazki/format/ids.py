"""File identifiers: what a bundle's or partner's id may be (the format, "Files")."""

from __future__ import annotations

from wiazki.format import regex
from wiazki.format.field import ID_MAX
from wiazki.format.patterns import ID_PATTERN

ID_MIN = 3


def is_id(text: str) -> bool:
    """Whether `text` is a valid id: a–z, digits and single hyphens, starting with a letter, 3–64 characters."""
    return ID_MIN <= len(text) <= ID_MAX and regex.search(ID_PATTERN, text)
