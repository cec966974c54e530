"""Word families for search: regular Polish derivational suffixes, checked against Morfeusz.

A person types "pszczelarstwo" where the page says "pszczelarz", "krawiectwo" where it
says "krawcowa", "odnowa" where it says "odnawianie", "kiszonki" where it says
"kiszenie". Inflection (`forms.WordForms`) does not join these: they are different
lemmas. This module joins them by the regular word-formation suffixes of Polish:
agents (-arz, -nik, -ec, -un) and their fields (-stwo, -nictwo), abstracts (-ość,
-acja, -unek), feminines and diminutives (-ka, -owa, -czka), relational adjectives
(-owy, -lny, -ski, -eli; not every -ny: "wolny" is no "wola"), place nouns (-alnia,
-arnia, -ownia), zero-suffix nouns of verbs (odnowa/odnowić, praca/pracować), after
R. Grzegorczykowa, J. Puzynina, *Słowotwórstwo współczesnego języka polskiego*.
A rule is only a pair of endings and word classes (`RULES`); every word it makes is
kept only when Morfeusz 2 (SGJP) knows it as a lemma of that class. No list of words
is kept by hand.

`ancestors(lemma, kind)`: the words `lemma` derives from ("pszczelarstwo" →
"pszczelarz" → "pszczoła"); `descendants(lemma, kind)`: the words that derive from it
("krawiec" → "krawiectwo", "krawcowa", "krawiecki"). `kind` is "n" (noun), "a"
(adjective) or "v" (verb, as its infinitive). Both are cached per lemma and bounded
(`DEPTH`, `DEPTH_FORWARD` steps, `LIMIT` words); proper names are never derived.
Without Morfeusz both are empty. Cost (sample content, 2,300 lemmas): about 0.2 s of
one core at build time, the dictionary 0.45 → 1.0 MB on disk (participles included).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

#: Steps of derivation followed back from a word (pszczelarstwo → pszczelarz → pszczoła: 2)
#: and forward (one: each of a page word's bases already brings its own derivatives, so
#: "krawcowa" → "krawiec" → "krawiectwo" joins two derivatives of one base).
DEPTH = 2
DEPTH_FORWARD = 1
#: Words of one family at most (a bound on the dictionary's growth per key).
LIMIT = 24
#: A stem shorter than this is never derived from ("ka" → "" would make "ma" of "mak").
MIN_STEM = 3


class Rule(NamedTuple):
    """Derived ending, base ending, derived kind, base kind; `alternates`: the stem's last
    "ó" may be "o" in the other word (miód → miodowy). Other alternations are spelt out in
    the endings ("oła" → "eli": pszczoła → pszczeli)."""

    derived: str
    base: str
    derived_kind: str
    base_kind: str
    alternates: bool = False


RULES: tuple[Rule, ...] = (
    # Agents and their fields: pszczelarz → pszczelarstwo, pszczelarski, pszczelarka.
    Rule("arstwo", "arz", "n", "n"),
    Rule("arski", "arz", "a", "n"),
    Rule("arka", "arz", "n", "n"),
    Rule("elarz", "oła", "n", "n"),  # pszczoła → pszczelarz (o/e and ł/l alternate)
    Rule("nictwo", "nik", "n", "n"),  # ogrodnik → ogrodnictwo
    Rule("niczy", "nik", "a", "n"),
    Rule("niczka", "nik", "n", "n"),
    Rule("ectwo", "ec", "n", "n"),  # krawiec → krawiectwo
    Rule("ecki", "ec", "a", "n"),  # krawiec → krawiecki
    Rule("cowa", "iec", "n", "n"),  # krawiec → krawcowa
    Rule("ka", "", "n", "n"),  # opiekun → opiekunka, asystent → asystentka
    Rule("czka", "ca", "n", "n"),  # świeca → świeczka
    Rule("eczka", "ka", "n", "n"),  # książka → książeczka
    Rule("ość", "y", "n", "a"),  # samotny → samotność
    Rule("ość", "i", "n", "a"),
    Rule("owy", "", "a", "n", True),  # rower → rowerowy, miód → miodowy
    Rule("owy", "a", "a", "n"),
    Rule("lny", "ła", "a", "n"),  # szkoła → szkolny
    Rule("eli", "oła", "a", "n"),  # pszczoła → pszczeli
    # Nouns of verbs: reperować → reperacja, koordynator, ratunek; odnowić → odnowa.
    Rule("acja", "ować", "n", "v"),
    Rule("ator", "ować", "n", "v"),
    Rule("unek", "ować", "n", "v"),
    Rule("ynek", "ąć", "n", "v"),  # odpocząć → odpoczynek
    Rule("a", "ić", "n", "v"),  # odnowić → odnowa, naprawić → naprawa
    Rule("a", "ować", "n", "v"),  # pracować → praca, opiekować → opieka
    Rule("un", "ować", "n", "v"),  # opiekować → opiekun
    Rule("ownia", "ować", "n", "v"),  # pracować → pracownia
    Rule("ownik", "ować", "n", "v"),  # pracować → pracownik
    Rule("alnia", "ać", "n", "v"),  # wypożyczać → wypożyczalnia
    Rule("arnia", "yć", "n", "v"),  # suszyć → suszarnia
    Rule("awca", "ać", "n", "v"),  # wychować → wychowawca
    # Nouns of participles: kiszony (of kisić) → kiszonka.
    Rule("onka", "ony", "n", "a"),
)


def _alternations(stem: str) -> tuple[str, ...]:
    """`stem` and, when its last vowel is "ó" or "o", the stem with the other one (miód → miodowy)."""
    at = max(stem.rfind(v) for v in "aeiouyąęó")
    if at > 0 and stem[at] in "oó":
        return (stem, stem[:at] + ("o" if stem[at] == "ó" else "ó") + stem[at + 1 :])
    return (stem,)


@lru_cache(maxsize=200_000)
def _known(candidate: str, kind: str, forward: bool) -> tuple[tuple[str, str], ...]:
    """(lemma, kind) that `candidate` is, as Morfeusz knows it: itself when it is a lemma of
    `kind`; going back from a derived word to an adjective, also the verb of a participle with
    that form ("kiszonka" → "kiszony" → kisić)."""
    from wiazki.search.forms import _morfeusz  # the one Morfeusz of the process

    morfeusz = _morfeusz()
    raw = getattr(morfeusz, "_morfeusz_obj", None)
    if raw is None:
        return ()
    participle = kind == "a" and not forward
    found: dict[tuple[str, str], None] = {}
    for interp in raw.analyse(candidate):
        base = interp.lemma.split(":", 1)[0]
        if base != candidate and not participle:
            continue  # most candidates are no words at all: no tag asked for
        tag = interp.getTag(raw)
        if base == candidate and tag.startswith(_TAG[kind]):
            found[(base, kind)] = None
        elif participle and tag.startswith(("ppas", "pact")) and ":aff" in tag:
            found[(base, "v")] = None
    return tuple(found)


#: The SGJP tag each kind's lemma has.
_TAG = {"n": "subst", "a": "adj", "v": "inf"}
#: The rules by the kind they start from: forward (base → derived) and back.
_FROM: dict[tuple[bool, str], list[tuple[str, str, str, bool]]] = {}
for _rule in RULES:
    _FROM.setdefault((True, _rule.base_kind), []).append(
        (_rule.base, _rule.derived, _rule.derived_kind, _rule.alternates)
    )
    _FROM.setdefault((False, _rule.derived_kind), []).append(
        (_rule.derived, _rule.base, _rule.base_kind, _rule.alternates)
    )


def _step(lemma: str, kind: str, forward: bool) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for have, want, want_kind, alternates in _FROM.get((forward, kind), ()):
        if not lemma.endswith(have):
            continue
        stem = lemma[: len(lemma) - len(have)]
        if len(stem) < MIN_STEM:
            continue
        for variant in _alternations(stem) if alternates else (stem,):
            if variant + want != lemma:
                out += _known(variant + want, want_kind, forward)
    return out


def _walk(lemma: str, kind: str, forward: bool) -> tuple[tuple[str, str], ...]:
    seen: dict[tuple[str, str], None] = {(lemma, kind): None}
    level = [(lemma, kind)]
    for _ in range(DEPTH_FORWARD if forward else DEPTH):
        nxt = []
        for word, word_kind in level:
            for found in _step(word, word_kind, forward):
                if found not in seen and len(seen) <= LIMIT:
                    seen[found] = None
                    nxt.append(found)
        level = nxt
    return tuple(list(seen)[1:])


@lru_cache(maxsize=50_000)
def ancestors(lemma: str, kind: str) -> tuple[tuple[str, str], ...]:
    """(lemma, kind) of the words `lemma` derives from, nearest first ("pszczelarstwo", "n"
    → (("pszczelarz", "n"), ("pszczoła", "n"))); () without Morfeusz."""
    return _walk(lemma, kind, forward=False)


@lru_cache(maxsize=50_000)
def descendants(lemma: str, kind: str) -> tuple[tuple[str, str], ...]:
    """(lemma, kind) of the words that derive from `lemma` ("krawiec", "n" → krawiectwo,
    krawcowa, krawiecki, …); for a verb also through its passive participle ("kisić" →
    "kiszonka"); () without Morfeusz."""
    found = list(_walk(lemma, kind, forward=True))
    if kind == "v":
        for participle in _participles(lemma):
            found += [w for w in _walk(participle, "a", forward=True) if w not in found]
    return tuple(found[:LIMIT])


def _participles(verb: str) -> list[str]:
    """The masculine nominative singular of `verb`'s participles ("kisić" → ["kiszony", …])."""
    from wiazki.search.forms import _generate

    return sorted(
        {
            form
            for form, tag in _generate(verb)
            if tag.startswith(("ppas:sg:nom", "pact:sg:nom")) and ":aff" in tag and "m1" in tag.split(":")[3]
        }
    )


def root_keys(
    nominal: Sequence[tuple[str, str]], verbs: Sequence[str]
) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """(key, its lemmas with kinds) of the words that a word of one reading, `nominal`
    ((lemma, kind)) or `verbs`, derives from (none for a word of several readings): a
    noun or adjective by its folded lemma, a verb by the key of its aspect family (the
    alphabetically first infinitive, as `forms.WordForms.keys`)."""
    from wiazki.search.forms import _PLAIN_VERBS, aspect_partners, fold

    readings = [*nominal, *((verb, "v") for verb in verbs)]
    # A word of two readings is derived from neither: "szybka" (quick) is also a small
    # pane, of "szyb"; a verb's aspect partners are one reading.
    if len(nominal) + (1 if verbs else 0) > 1:
        return []
    out: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for lemma, kind in readings:
        if lemma[:1].isupper():
            continue
        for base, base_kind in ancestors(lemma, kind):
            if base_kind != "v":
                out.append((fold(base), ((base, base_kind),)))
            elif base not in _PLAIN_VERBS:
                verbs_of_base = sorted({base, *aspect_partners(base)})
                out.append((fold(verbs_of_base[0]), tuple((verb, "v") for verb in verbs_of_base)))
    return out


def family(lemmas: Iterable[tuple[str, str]]) -> list[str]:
    """`lemmas` ((lemma, kind)) and the words that derive from them, each once (the lemmas
    whose forms stand for one dictionary key: `forms.WordForms.dictionary`)."""
    out: dict[str, None] = {}
    for lemma, kind in lemmas:
        out[lemma] = None
        if not lemma[:1].isupper():  # a proper name has no derivatives here ("Radomka")
            out.update((word, None) for word, _kind in descendants(lemma, kind))
    return list(out)
