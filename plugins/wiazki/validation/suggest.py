""" "Did you mean …?": the closest id to what a person typed, by id or by Polish label.

People type what they see: a Polish label from the site or the editor's hint
(`fee: bezpłatna`, `type: posiłki`, often without diacritics: `bezplatna`) or an id
with a typo (`owes-konn`). Each is answered with the id the format expects.
"""

from __future__ import annotations

import difflib
import os
import re
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


# Words that say nothing about which label is meant.
_STOP_WORDS = frozenset(
    {"a", "do", "dla", "i", "lub", "na", "np", "o", "od", "oraz", "po", "tym", "w", "we", "z", "ze"}
)
_WORD = re.compile(r"[0-9a-z+]+")


def _words(text: str) -> list[str]:
    return [word for word in _WORD.findall(fold(text)) if word not in _STOP_WORDS]


def _word_match(typed: str, word: str) -> int:
    """2 for the same word, 1 for another form of it (Polish endings differ in the last
    letters: "bezdomni" ~ "bezdomności", "świetlica" ~ "świetlice"), 0 otherwise.
    Short words and abbreviations ("KGW", "PUP") must be the same."""
    if typed == word:
        return 2
    shorter = min(len(typed), len(word))
    if shorter < 4:
        return 0
    return 1 if len(os.path.commonprefix([typed, word])) >= max(4, shorter - 3) else 0


def _by_words(value: str, ids: list[str], vocabulary: Vocabulary) -> str | None:
    """The id whose label shares the most words with `value` (a word of the label, an
    inflected form, an abbreviation in its brackets: "planowanie", "bezdomni", "GOPS");
    None when no label or more than one label shares them best."""
    typed = _words(value)
    if not typed:
        return None
    scores: dict[str, int] = {}
    for key in ids:
        words = _words(" ".join((vocabulary.label(key), *vocabulary.synonyms.get(key, ()))))
        score = sum(max((_word_match(t, w) for w in words), default=0) for t in typed)
        if score:
            scores[key] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [key for key, score in scores.items() if score == best]
    return winners[0] if len(winners) == 1 else None


def closest_id(value: str, ids: Iterable[str], vocabulary: Vocabulary | None = None) -> str | None:
    """The id `value` most likely means, or None.

    Exact matches of a label (case and diacritics ignored) win; then the label that
    shares the most words with `value` (`_by_words`), then the closest id (difflib
    ratio ≥ 0.6), then the closest label (≥ 0.75).
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
    if vocabulary is not None:
        by_words = _by_words(value, ids, vocabulary)
        if by_words is not None:
            return by_words
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
