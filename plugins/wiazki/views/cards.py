"""What a bundle's card in the catalogue shows: its search text, facet tokens, stage and places.

Functions of the catalogue and a bundle; `SiteViews` offers them to the templates
(`view.card_facets(bundle)` and so on).
"""

from __future__ import annotations

from wiazki.format import vocab
from wiazki.model import Bundle, Catalogue, Partner
from wiazki.views.templates import facet_code
from wiazki.views.text import search_text

#: The catalogue's facets: (form control, token prefix, vocabulary). A card lists its
#: values as tokens, prefix + position in the vocabulary ("g3"), or prefix + TERYT code
#: ("p3010") where there is no vocabulary: 1,000 cards stay a light page.
FACETS: tuple[tuple[str, str, vocab.Vocabulary | None], ...] = (
    ("group", "g", vocab.TARGET_GROUPS),
    ("voivodeship", "v", None),
    ("powiat", "p", None),
    ("type", "t", vocab.SERVICE_TYPES),
    ("area", "a", vocab.SERVICE_AREAS),
    ("stage", "s", vocab.STAGES),
    ("fee", "f", vocab.FEES),
)


def card_text(catalogue: Catalogue, bundle: Bundle) -> str:
    parts = [bundle.title, bundle.summary, *(catalogue.register.describe(code) for code in bundle.territory)]
    parts += [catalogue.territory_name(code) for code in bundle.territory]
    parts += [s.name for s in bundle.canvas.services]
    parts += [vocab.TARGET_GROUPS.label(g) for g in bundle.groups]
    parts += [vocab.SERVICE_TYPES.label(t) for t in bundle.service_types]
    parts += list(bundle.keywords)
    return search_text(*parts)


def card_facets(catalogue: Catalogue, bundle: Bundle) -> str:
    """The card's data-f: space-separated facet tokens ("g3 g5 v30 p3010 t0 s5 f0")."""
    values = {
        "group": bundle.groups,
        "voivodeship": catalogue.voivodeships_of(bundle),
        "powiat": catalogue.powiats_of(bundle),
        "type": bundle.service_types,
        "area": bundle.service_areas,
        "stage": (bundle.stage,),
        "fee": bundle.fees,
    }
    tokens = []
    for name, prefix, vocabulary in FACETS:
        for key in values[name]:
            tokens.append(prefix + (facet_code(vocabulary, key) if vocabulary else key))
    return " ".join(tokens)


def short_stage(bundle: Bundle) -> str:
    """The stage's label without its explanation: "Dostępna", not "Dostępna (usługi są świadczone)"."""
    return bundle.stage_label.split(" (")[0]


def card_places(catalogue: Catalogue, bundle: Bundle) -> str:
    """Where a bundle is offered, short, for its card: "Konin, Kramsk (woj. wielkopolskie)".

    The bundle page gives each unit in full (`territory`); a card names the units
    once each and their województwa once, to keep a 1,000-bundle catalogue light.
    """
    register = catalogue.register
    names: list[str] = []
    voivodeships: list[str] = []
    for code in bundle.territory:
        if len(code) == 2:
            names.append(f"woj. {catalogue.territory_name(code)}")
            continue
        names.append(powiat_name(catalogue, code) if len(code) == 4 else catalogue.territory_name(code))
        voivodeship = register.voivodeship(code)
        if voivodeship is not None:
            voivodeships.append(voivodeship.display_name)
    places = ", ".join(dict.fromkeys(names))
    if voivodeships:
        places += " (woj. " + ", ".join(dict.fromkeys(voivodeships)) + ")"
    return places


def powiat_name(catalogue: Catalogue, code: str) -> str:
    unit = catalogue.register.get(code)
    return unit.short_name if unit is not None else code


def partner_text(catalogue: Catalogue, partner: Partner) -> str:
    """The directory's filter text of a partner: names, kind, sector, city, territory."""
    city = partner.address.city if partner.address else ""
    return search_text(
        partner.name,
        partner.short_name or "",
        partner.kind_label,
        partner.sector_label,
        city,
        *(catalogue.register.describe(code) for code in partner.territory),
    )
