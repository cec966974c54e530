"""Polish word forms for the search index: inflection and spellings without "ł".

Pagefind stems Polish with a Snowball stemmer and matches words without their
diacritics ("osrodek" finds "ośrodek": it strips combining marks), but two gaps
remain, and this module fills them at build time, for the index only:

- the stemmer leaves some forms apart: genitive plurals in -ów ("seniorów" does
  not find "seniorzy"), place names in other cases ("Koninie" is not "Konin");
  `WordForms` generates every form of a word's lemmas with Morfeusz 2 and its SGJP
  dictionary (PyPI `morfeusz2`; both BSD-2-Clause, http://morfeusz.sgjp.pl/doc/license/);
- a verb's noun and its other aspect: a page that says "usamodzielnienie" (of the
  perfective "usamodzielnić") is found by "usamodzielnianie" (of the imperfective
  "usamodzielniać"), and one that says "wspiera" by "wspieranie": every verbal word
  (a verb form, a participle or a verbal noun) brings the verbal nouns of its verb
  and of the verb's aspect partners (`aspect_partners`: the regular suffix pairs of
  Polish secondary imperfectives, each checked against the dictionary);
- "ł" has no Unicode decomposition, so "wolomin" never finds "Wołomin": `fold_l`
  gives the spelling with "l", which the index carries next to the real one.

Forms are cached per word for the process (`mkdocs serve` rebuilds, bundles sharing
words); without `morfeusz2` there are none (search works with the stemmer only).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from wiazki.search import derivation

#: Parts of speech whose forms are added (SGJP tags): nouns, adjectives, depreciative nouns.
_INFLECTED = ("subst", "adj", "depr")
#: Verbal tags (SGJP): verb forms, participles and verbal nouns; they bring the verbal
#: nouns ("ger", affirmative) and infinitives of their verb and its aspect partners.
_VERBAL = ("ger", "pact", "ppas", "fin", "inf", "praet", "impt", "imps", "bedzie", "pcon", "pant")
#: Personal verb forms (SGJP).
_PERSONAL = ("fin", "praet", "impt", "imps", "bedzie")
#: The forms the dictionary lists (`WordForms.dictionary`): nominal, and a verb's verbal
#: nouns, infinitive and participles ("kiszona kapusta" for a page that says "kiszenie").
_DICTIONARY_TAGS = (*_INFLECTED, "ger", "inf", "ppas", "pact")
#: Verbs too common to say anything ("jest" would add "bycie" to every page).
_PLAIN_VERBS = frozenset({"być", "mieć", "móc", "musieć", "chcieć", "zostać", "zostawać", "stać", "mówić", "dać"})
MIN_LENGTH = 3  # shorter words are never expanded (prepositions, abbreviations)

#: Regular aspect pairs of Polish verbs as infinitive endings: (perfective, imperfective).
#: Secondary imperfectives: usamodzielnić/usamodzielniać, zapisać/zapisywać,
#: przepracować/przepracowywać, zakończyć/zakańczać (with o → a, `aspect_partners`).
_ASPECT_SUFFIXES = (
    ("ić", "iać"),
    ("ić", "ać"),
    ("yć", "ać"),
    ("ać", "ywać"),
    ("ać", "iwać"),
    ("ować", "owywać"),
    ("eć", "ewać"),
    ("ąć", "ać"),
)

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def fold_l(word: str) -> str:
    """`word` with "ł"/"Ł" written as "l"/"L" (the rest of the diacritics Pagefind folds itself)."""
    return word.replace("ł", "l").replace("Ł", "L")


def words(text: str) -> list[str]:
    """The words (letters only, hyphenated words kept whole) of `text`, in order."""
    return _WORD.findall(text)


def _alternated(stem: str) -> list[str]:
    """`stem` and, when its last vowel is "o", the same with "a" (zakończ- → zakańcz-)."""
    at = stem.rfind("o")
    return [stem, stem[:at] + "a" + stem[at + 1 :]] if at > 0 and not set(stem[at + 1 :]) & set("aeiouyąęó") else [stem]


@lru_cache(maxsize=20_000)
def aspect_partners(verb: str) -> tuple[str, ...]:
    """The verbs of the other aspect that the dictionary knows, made by the regular suffix
    pairs of `_ASPECT_SUFFIXES` ("usamodzielnić" → ("usamodzielniać",)); () without Morfeusz."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return ()
    candidates: dict[str, None] = {}
    for perfective, imperfective in _ASPECT_SUFFIXES:
        if verb.endswith(perfective) and not verb.endswith(imperfective):
            for stem in _alternated(verb[: -len(perfective)]):
                candidates[stem + imperfective] = None
        if verb.endswith(imperfective):
            stem = verb[: -len(imperfective)]
            candidates[stem + perfective] = None
            if "a" in stem:
                at = stem.rfind("a")
                candidates[stem[:at] + "o" + stem[at + 1 :] + perfective] = None
    candidates.pop(verb, None)
    found = []
    for candidate in candidates:
        if candidate in {lemma.split(":", 1)[0] for lemma, tag in _analyse(candidate) if tag[:3] == "inf"}:
            found.append(candidate)
    return tuple(found)


def fold(word: str) -> str:
    """`word` as the search script folds a query word: lower case, no diacritics, "ł" as "l"."""
    lowered = word.lower().translate(_POLISH_LETTERS)
    if lowered.isascii():  # a Polish word: done without Unicode decomposition (the dictionary's hot path)
        return lowered
    decomposed = unicodedata.normalize("NFD", lowered)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_POLISH_LETTERS = str.maketrans("ąćęłńóśźż", "acelnoszz")


@lru_cache(maxsize=50_000)
def _generate(lemma: str) -> list[tuple[str, str]]:
    """(form, tag) of every form of `lemma` ([] without Morfeusz)."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return []
    # The binding's own object, when there: the wrapper's generate() also asks each form
    # for its names and labels (two more calls into C++ each; 40% of the time here).
    raw = getattr(morfeusz, "_morfeusz_obj", None)
    if raw is None:  # pragma: no cover - another binding version
        return [(form, tag) for form, _lemma, tag, _names, _quals in morfeusz.generate(lemma)]
    return [(i.orth, i.getTag(raw)) for i in raw.generate(lemma, None)]


def _analyse(word: str) -> list[tuple[str, str]]:
    """(lemma, tag) of every analysis of `word` ([] without Morfeusz)."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return []
    raw = getattr(morfeusz, "_morfeusz_obj", None)
    if raw is None:  # pragma: no cover - another binding version
        return [(lemma, tag) for _s, _e, (_f, lemma, tag, _n, _q) in morfeusz.analyse(word)]
    return [(i.lemma, i.getTag(raw)) for i in raw.analyse(word)]


@lru_cache(maxsize=50_000)
def _dictionary_forms(lemma: str) -> frozenset[str]:
    """The folded forms of `lemma` the dictionary lists: nominal forms (positive degree), a
    verb's nouns, infinitive and participles (affirmative); not its personal forms, which
    without diacritics are other words ("wolą", of "woleć", is "wola")."""
    wanted = [(f, t) for f, t in _generate(lemma) if t.startswith(_DICTIONARY_TAGS) and ":neg" not in t]
    return frozenset(fold(f) for f, t in wanted if not t.endswith((":com", ":sup")) and " " not in f)


@lru_cache(maxsize=20_000)
def place_lemmas(word: str) -> tuple[str, ...]:
    """The lemmas of `word` that SGJP marks as geographic names ("Radomiu" → ("Radom",))."""
    morfeusz = _morfeusz()
    if morfeusz is None:
        return ()
    found = {i[2][1].split(":", 1)[0] for i in morfeusz.analyse(word) if "nazwa_geograficzna" in i[2][3]}
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def _morfeusz() -> Any | None:
    try:
        import morfeusz2
    except ImportError:  # pragma: no cover - the package is a pinned dependency
        return None
    return morfeusz2.Morfeusz(analyse=True, generate=True, expand_tags=False)


class WordForms:
    """Inflected forms and dictionary keys of words with Morfeusz 2 (cached per word)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self._texts: dict[str, tuple[str, ...]] = {}
        self._analyses: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._text_keys: dict[str, dict[str, None]] = {}
        self._with_l: dict[str, tuple[str, ...]] = {}
        self._new_keys: dict[str, tuple[str, ...]] = {}
        #: Key → the lemmas whose forms stand for it, with their kinds (for `dictionary`).
        self._key_lemmas: dict[str, tuple[tuple[str, str], ...]] = {}
        #: Folded single-word names of the catalogue's places (`mark_places`).
        self._places: set[str] = set()
        #: Word → its nominal lemmas with their kinds ("n" noun, "a" adjective).
        self._kinds: dict[str, tuple[tuple[str, str], ...]] = {}
        self._keyed_words: dict[str, dict[str, str]] = {}
        self._keyed_forms: dict[str, dict[str, str]] = {}

    @property
    def available(self) -> bool:  # whether the morphological generator is installed
        return _morfeusz() is not None

    @property
    def places(self) -> frozenset[str]:  # the keys of `mark_places`: "gdansk", "konin"
        return frozenset(self._places)

    def _analyse(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(nominal lemmas, verbs with their aspect partners: the family, sorted) of `word`."""
        cached = self._analyses.get(word)
        if cached is None:
            morfeusz = _morfeusz()
            lemmas: set[str] = set()
            kinds: dict[tuple[str, str], None] = {}
            verbs: set[str] = set()
            personal = False
            if morfeusz is not None and len(word) >= MIN_LENGTH:
                for lemma, tag in _analyse(word):
                    if tag.startswith(_INFLECTED):
                        lemmas.add(lemma.split(":", 1)[0])
                        kinds[(lemma.split(":", 1)[0], "a" if tag.startswith("adj") else "n")] = None
                    elif tag.startswith(_VERBAL):
                        verbs.add(lemma.split(":", 1)[0])
                        personal = personal or tag.startswith(_PERSONAL)
            # A place of the catalogue written with a capital is that place only: "Radom" is
            # not also "rada" (of which "radom" is a form), "Kole" not "kół".
            places = [p for p in place_lemmas(word) if fold(p) in self._places] if word[:1].isupper() else []
            if places:
                lemmas, kinds, verbs, personal = set(places), dict.fromkeys((p, "n") for p in places), set(), False
            # A personal verb form is not also a noun: "wolą" (they prefer) is not "wola".
            if personal:
                lemmas.clear()
                kinds.clear()
            self._kinds[word] = tuple(kinds)
            verbs -= _PLAIN_VERBS
            family = verbs | {p for v in verbs for p in aspect_partners(v)}
            cached = self._analyses[word] = (tuple(sorted(lemmas)), tuple(sorted(family)))
        return cached

    def mark_places(self, names: Iterable[str]) -> None:
        """Take `names` (TERYT unit names, cities) as the catalogue's places, before any record
        is made: a capitalised word that is a form of one stands for the place only
        (`_analyse`), and so does a query word (`dictionary`). A name of several words
        ("Nowy Targ") makes none of its words a place."""
        for name in names:
            name = name.strip()
            if name and " " not in name and "-" not in name and name[:1].isupper():
                key = fold(name)
                self._places.add(key)
                known = self._key_lemmas.get(key, ())
                if (name, "n") not in known:
                    self._key_lemmas[key] = (*known, (name, "n"))

    def of(self, word: str) -> tuple[str, ...]:
        """Every form of every nominal lemma of `word`, `word` itself excluded (a verb's
        forms and its other aspect come through its key: `keys`, `dictionary`).

        Both common and proper-name lemmas count (a capitalised word may begin a
        sentence); adjectives give their positive degree only. Unknown words and
        words shorter than `MIN_LENGTH` yield ().
        """
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._generate(word)
        return cached

    def _generate(self, word: str) -> tuple[str, ...]:
        lemmas, _family = self._analyse(word)
        forms: dict[str, None] = {}
        for lemma in lemmas:
            for form, tag in _generate(lemma):
                # A catalogue place's name is the place: "radom", a form of "rada", is not added.
                place = self._places and fold(form) in self._places and fold(form) != fold(lemma)
                if tag.startswith(_INFLECTED) and not tag.endswith((":com", ":sup")) and " " not in form and not place:
                    forms[form.lower() if not lemma[:1].isupper() else form] = None
        forms.pop(word, None)
        forms.pop(word.lower(), None)
        return tuple(forms)

    def keys(self, word: str) -> tuple[str, ...]:
        """The dictionary keys of `word`, folded (`fold`): its nominal lemmas ("radości" →
        "radosc") and, for a verbal word, one key for its verb and the verb's aspect partners
        together (the alphabetically first infinitive: "usamodzielnienie" and
        "usamodzielnianej" → "usamodzielniac"). () for unknown and short words.
        Analysis only: the forms behind each key are generated by `dictionary`."""
        cached = self._keys.get(word)
        if cached is None:
            lemmas, family = self._analyse(word)
            found: dict[str, None] = {}
            for lemma, kind in self._kinds.get(word, ()):
                key = fold(lemma)
                found[key] = None
                self._key_lemmas.setdefault(key, ((lemma, kind),))
            if family:
                key = fold(family[0])
                found[key] = None
                self._key_lemmas.setdefault(key, tuple((verb, "v") for verb in family))
            # The words it derives from, each by its own key ("pszczelarstwo" → "pszczelarz",
            # "pszczoła"; "odnowa" → the key of odnowić/odnawiać): derivation.py.
            for key, lemmas_of_key in derivation.root_keys(self._kinds.get(word, ()), family):
                found[key] = None
                self._key_lemmas.setdefault(key, lemmas_of_key)
            cached = self._keys[word] = tuple(found)
        return cached

    def keys_of_text(self, text: str) -> dict[str, None]:
        """The keys of the words of `text`, each once, in order (cached per text; read-only)."""
        cached = self._text_keys.get(text)
        if cached is None:
            if len(self._text_keys) > 50_000:
                self._text_keys.clear()
            found = (k for w in self.keyed_words(text).values() for k in self.keys(w))
            cached = self._text_keys[text] = dict.fromkeys(found)
        return cached

    def new_keys_of_text(self, text: str) -> tuple[str, ...]:
        """`keys_of_text(text)` that are not words of `text`, folded (cached per text)."""
        cached = self._new_keys.get(text)
        if cached is None:
            if len(self._new_keys) > 50_000:
                self._new_keys.clear()
            # Pagefind folds diacritics itself: "osrodek" is no new word beside "ośrodek".
            shown = {fold(word) for word in self.keyed_words(text).values()}
            cached = self._new_keys[text] = tuple(k for k in self.keys_of_text(text) if k not in shown)
        return cached

    def spelt_with_l(self, text: str) -> tuple[str, ...]:
        """The words of `text` that have "ł", spelt with "l" (`fold_l`; cached per text)."""
        cached = self._with_l.get(text)
        if cached is None:
            if len(self._with_l) > 50_000:
                self._with_l.clear()
            cached = self._with_l[text] = tuple(fold_l(w) for k, w in self.keyed_words(text).items() if "ł" in k)
        return cached

    def dictionary(self, keys: Iterable[str] | None = None) -> dict[str, list[str]]:
        """Folded form → the keys it stands for, for every form (affirmative, positive
        degree) of the lemmas of `keys` (default: every key made so far), the key itself
        among them. The search script looks a query word up here and searches its
        keys too (assets/search.js)."""
        out: dict[str, list[str]] = {}
        place_forms: set[str] = set()
        for key in self._key_lemmas if keys is None else keys:
            folded: set[str] = set()
            for lemma in derivation.family(self._key_lemmas.get(key, ())):
                forms = _dictionary_forms(lemma)
                folded.update(forms)
                if key in self._places and lemma[:1].isupper() and fold(lemma) == key:
                    place_forms.update(forms)
            if not folded:
                continue
            # Under itself too: the script tells a known word from an unknown one by it.
            folded.add(key)
            for form in folded:
                out.setdefault(form, []).append(key)
        # A form of a place's name stands for the place: "radom" is not searched as "rada".
        for form in place_forms:
            out[form] = [key for key in out[form] if key in self._places]
        return out

    def keyed_words(self, text: str) -> dict[str, str]:
        """Case-folded key → word, for the words of `text` (the first spelling of each; cached
        per text). Treat as read-only."""
        cached = self._keyed_words.get(text)
        if cached is None:
            if len(self._keyed_words) > 50_000:
                self._keyed_words.clear()
            cached = {}
            for word in words(text):
                cached.setdefault(word.casefold(), word)
            self._keyed_words[text] = cached
        return cached

    def keyed_forms(self, text: str) -> dict[str, str]:
        """Case-folded key → form, for the words of `text` and then their forms (`of_text`;
        cached per text). Treat as read-only."""
        cached = self._keyed_forms.get(text)
        if cached is None:
            if len(self._keyed_forms) > 50_000:
                self._keyed_forms.clear()
            cached = dict(self.keyed_words(text))
            for form in self.of_text(text):
                cached.setdefault(form.casefold(), form)
            self._keyed_forms[text] = cached
        return cached

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
