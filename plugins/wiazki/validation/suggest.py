""" "Did you mean …?": the closest id to what a person typed, by id or by Polish label.

People type what they see: a Polish label from the site or the editor's hint
(`fee: bezpłatna`, `type: posiłki`, often without diacritics: `bezplatna`) or an id
with a typo (`owes-konn`). Each is answered with the id the format expects.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from wiazki.format.vocab import Vocabulary
from wiazki.polish import lower_first

#: Longer values are not compared (difflib's work grows with the length).
MAX_COMPARED_CHARS = 100


def fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: "Bezpłatna " → "bezplatna"."""
    text = unicodedata.normalize("NFKD", text.casefold()).replace("ł", "l")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


def _label_forms(label: str) -> set[str]:
    # "Dostępna (usługi są świadczone)" is also typed as "dostępna".
    return {fold(label), fold(label.split(" (", 1)[0])}


def closest_id(value: str, ids: Iterable[str], vocabulary: Vocabulary | None = None) -> str | None:
    """The id `value` most likely means, or None.

    Exact matches of a label (case and diacritics ignored) win; then the closest id
    (difflib ratio ≥ 0.6), then the closest label (≥ 0.75).
    """
    if not value or len(value) > MAX_COMPARED_CHARS:
        return None
    ids = [str(i) for i in ids]
    folded = fold(value)
    labels: dict[str, str] = {}
    for key in ids:
        if fold(key) == folded:
            return key
        if vocabulary is not None:
            for form in _label_forms(vocabulary.label(key)):
                if form == folded:
                    return key
                labels.setdefault(form, key)
    close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
    if close:
        return close[0]
    close = difflib.get_close_matches(folded, list(labels), n=1, cutoff=0.75)
    return labels[close[0]] if close else None


def hint(value: str, ids: Iterable[str], vocabulary: Vocabulary | None = None) -> str:
    """ "czy chodziło o `free` (bezpłatna)?", or "" when nothing is close."""
    key = closest_id(value, ids, vocabulary)
    if key is None:
        return ""
    label = vocabulary.label(key) if vocabulary is not None else None
    shown = f" ({lower_first(label)})" if label and label != key else ""
    return f"czy chodziło o `{key}`{shown}?"
