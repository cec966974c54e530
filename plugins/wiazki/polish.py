"""Small helpers for correct Polish: plural forms, amounts, lists."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number `n`: 1 plik, 2 pliki, 5 plików, 22 pliki, 12 plików."""
    n = abs(n)
    if n == 1:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def count(n: int, one: str, few: str, many: str) -> str:
    """`n` with the right form of the noun: "3 błędy"."""
    return f"{n} {plural(n, one, few, many)}"


#: Amounts at or above this (1 000 000 000 000 000 zł) are not written out: Python cannot
#: turn an int of over 4,300 digits into text, and no bundle has such a budget (the
#: schema's maximum is far lower; the diff reads files without the schema).
MAX_AMOUNT = 10**15


def bounded(value: float | int) -> float | int:
    """`value` clamped to ±MAX_AMOUNT, so that sums and formatting never overflow."""
    if value != value:  # NaN
        return 0
    return max(-MAX_AMOUNT, min(MAX_AMOUNT, value))


def amount(value: float | int) -> str:
    """An amount in złoty in Polish format: 96 000 zł, 1 250,50 zł (non-breaking spaces);
    "ponad 1 000 000 000 000 000 zł" at or past MAX_AMOUNT (any size of int, ±inf)."""
    if value != value:  # NaN
        return "nieprawidłowa kwota"
    if abs(value) >= MAX_AMOUNT:
        sign = "minus " if value < 0 else ""
        return f"{sign}ponad {number(MAX_AMOUNT)}\u00a0zł"
    # An int is formatted as it is: float() of a huge one would overflow.
    if isinstance(value, int) or float(value).is_integer():
        text = f"{int(value):,}".replace(",", "\u00a0")
    else:
        text = f"{value:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0zł"


def number(value: int) -> str:
    """An integer with a non-breaking space between thousands (10 000)."""
    return f"{value:,}".replace(",", "\u00a0")


def join(items: Iterable[str], conjunction: str = "i") -> str:
    """ "a, b i c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym (PFRON, EFS+)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


#: Month names in the genitive, as a Polish date writes them ("15 września 2025").
MONTHS_GENITIVE = (
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
)


def polish_date(value: str | None) -> str:
    """ "2025-09-15" → "15 września 2025"; anything else is returned as it is."""
    if not value:
        return ""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return value
    return f"{day.day} {MONTHS_GENITIVE[day.month - 1]} {day.year}"
