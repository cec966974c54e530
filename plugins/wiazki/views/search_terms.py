"""Polish word forms of the target groups, so an inflected query finds a bundle.

Material's search (lunr) has no Polish stemmer, and Material turns lunr's
pipeline off for `language: pl`, so words are matched as they are written (with a
trailing wildcard): "seniorów" does not find "seniorzy". Rather than hiding text
from sighted readers, the bundle page shows a visible "Słowa kluczowe" line with
the bundle's own `keywords` and the common forms below for each of its target
groups; the catalogue's filter uses the same words. These are search words, not
labels: the labels stay in `vocab.TARGET_GROUPS`.
"""

from __future__ import annotations

from collections.abc import Iterable

WORD_FORMS: dict[str, tuple[str, ...]] = {
    "older_persons": ("seniorzy", "seniorów", "seniorom", "seniorki", "seniorek", "starsi", "starszych", "starszym"),
    "persons_with_disabilities": (
        "niepełnosprawni",
        "niepełnosprawnych",
        "niepełnosprawnym",
        "niepełnosprawność",
        "niepełnosprawnością",
    ),
    "children_with_disabilities": ("dzieci", "dzieciom", "dziećmi", "niepełnosprawnych", "niepełnosprawnością"),
    "persons_needing_daily_support": ("niesamodzielni", "niesamodzielnych", "wsparcie", "wsparcia", "codzienne"),
    "dependent_persons": ("niesamodzielni", "niesamodzielnych", "niesamodzielnym", "niesamodzielność"),
    "informal_carers": ("opiekunowie", "opiekunów", "opiekunom", "opiekunki", "opiekunek", "opiekunka", "opiekun"),
    "families_with_children": ("rodzina", "rodziny", "rodzin", "rodzinom", "dzieci", "dzieciom"),
    "families_in_crisis": ("rodzina", "rodziny", "rodzin", "rodzinom", "kryzys", "kryzysie", "trudności"),
    "large_families": ("wielodzietni", "wielodzietne", "wielodzietnych", "rodziny", "rodzin"),
    "children_youth": ("dzieci", "dzieciom", "młodzież", "młodzieży", "młodzi", "młodych", "nastolatki", "nastolatków"),
    "foster_care_leavers": (
        "usamodzielnienie",
        "usamodzielniani",
        "usamodzielnianych",
        "wychowankowie",
        "wychowanków",
        "piecza",
        "pieczy",
    ),
    "homeless": ("bezdomni", "bezdomnych", "bezdomność", "bezdomności"),
    "poverty_exclusion_risk": ("ubóstwo", "ubóstwa", "ubodzy", "ubogich", "wykluczenie", "wykluczenia", "wykluczonych"),
    "unemployed": ("bezrobotni", "bezrobotnych", "bezrobotnym", "bezrobocie", "bezrobocia", "praca", "pracy"),
    "economically_inactive": ("bierni", "biernych", "nieaktywni", "nieaktywnych", "praca", "pracy"),
    "mental_health": ("psychiczne", "psychicznymi", "psychicznym", "zdrowie", "zdrowia", "kryzys", "kryzysie"),
    "addiction": ("uzależnieni", "uzależnionych", "uzależnienie", "uzależnienia", "uzależnień"),
    "ex_offenders": ("więźniowie", "więźniów", "osadzeni", "osadzonych", "więzienie", "więzienia"),
    "violence_affected": ("przemoc", "przemocy", "pokrzywdzeni", "pokrzywdzonych"),
    "migrants_refugees": ("cudzoziemcy", "cudzoziemców", "uchodźcy", "uchodźców", "migranci", "migrantów"),
    "persons_living_alone": ("samotni", "samotnych", "samotnie", "samotność", "samotności"),
    "local_community": ("mieszkańcy", "mieszkańców", "społeczność", "społeczności", "sąsiedzi", "sąsiadów"),
}


def keywords(own: Iterable[str], groups: Iterable[str]) -> tuple[str, ...]:
    """A bundle's own keywords, then the word forms of its groups; each word once."""
    seen: dict[str, str] = {}
    for word in list(own) + [form for group in groups for form in WORD_FORMS.get(group, ())]:
        key = word.strip().casefold()
        if key and key not in seen:
            seen[key] = word.strip()
    return tuple(seen.values())
