"""Polish word forms for the search index: inflection and spellings without "ł".

Pagefind stems Polish with a Snowball stemmer and matches words without their
diacritics ("osrodek" finds "ośrodek": it strips combining marks), but two gaps
remain, and this module fills them at build time, for the index only:

- the stemmer leaves some forms apart: genitive plurals in -ów ("seniorów" does
  not find "seniorzy"), place names in other cases ("Koninie" is not "Konin");
  `WordForms` generates every form of a word's lemmas with Morfeusz 2 and its SGJP
  dictionary (PyPI `morfeusz2`; both BSD-2-Clause, http://morfeusz.sgjp.pl/doc/license/);
- "ł" has no Unicode decomposition, so "wolomin" never finds "Wołomin": `fold_l`
  gives the spelling with "l", which the index carries next to the real one.

Forms are cached per word for the life of the process: a `mkdocs serve` rebuild
and a catalogue of 1,000 bundles that share most of their words analyse each word
once. Without `morfeusz2` installed the generator yields no forms (search still
works, with the stemmer only).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

#: Parts of speech whose forms are added (SGJP tags): nouns, adjectives, depreciative nouns.
_INFLECTED = ("subst", "adj", "depr")
#: Words shorter than this are never expanded (prepositions, abbreviations).
MIN_LENGTH = 3

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def fold_l(word: str) -> str:
    """`word` with "ł"/"Ł" written as "l"/"L" (the rest of the diacritics Pagefind folds itself)."""
    return word.replace("ł", "l").replace("Ł", "L")


def words(text: str) -> list[str]:
    """The words (letters only, hyphenated words kept whole) of `text`, in order."""
    return _WORD.findall(text)


@lru_cache(maxsize=1)
def _morfeusz() -> Any | None:
    try:
        import morfeusz2
    except ImportError:  # pragma: no cover - the package is a pinned dependency
        return None
    return morfeusz2.Morfeusz(analyse=True, generate=True, expand_tags=False)


class WordForms:
    """Generates the inflected forms of words with Morfeusz 2 (cached per word)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, tuple[str, ...]] = {}

    @property
    def available(self) -> bool:
        """Whether the morphological generator is installed."""
        return _morfeusz() is not None

    def of(self, word: str) -> tuple[str, ...]:
        """Every form of every nominal lemma of `word`, `word` itself excluded.

        Both common and proper-name lemmas count (a capitalised word may begin a
        sentence); adjectives give their positive degree only. Unknown words and
        words shorter than `MIN_LENGTH` yield ().
        """
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._generate(word)
        return cached

    def _generate(self, word: str) -> tuple[str, ...]:
        morfeusz = _morfeusz()
        if morfeusz is None or len(word) < MIN_LENGTH:
            return ()
        lemmas = {
            lemma.split(":", 1)[0]
            for _start, _end, (_form, lemma, tag, _names, _quals) in morfeusz.analyse(word)
            if tag.startswith(_INFLECTED)
        }
        forms: dict[str, None] = {}
        for lemma in sorted(lemmas):
            for form, _lemma, tag, _names, _quals in morfeusz.generate(lemma):
                wanted = tag.startswith(_INFLECTED) and not tag.endswith((":com", ":sup"))
                if wanted and " " not in form:
                    forms[form.lower() if not lemma[:1].isupper() else form] = None
        forms.pop(word, None)
        forms.pop(word.lower(), None)
        return tuple(forms)

    def of_text(self, text: str) -> tuple[str, ...]:
        """The forms of the words of `text` not in `text` itself, each once (cached per text:
        vocabulary labels and place names recur in every bundle)."""
        cached = self._texts.get(text)
        if cached is None:
            if len(self._texts) > 50_000:  # a long `serve` session: keep the cache bounded
                self._texts.clear()
            cached = self._texts[text] = tuple(self.expand([text]))
        return cached

    def expand(self, texts: Iterable[str], present: Iterable[str] = ()) -> list[str]:
        """The forms of the words of `texts` that are not among `present` (case-insensitive)."""
        seen = {w.casefold() for w in present} | {w.casefold() for text in texts for w in words(text)}
        out: list[str] = []
        for text in texts:
            for word in words(text):
                for form in self.of(word):
                    key = form.casefold()
                    if key not in seen:
                        seen.add(key)
                        out.append(form)
        return out
