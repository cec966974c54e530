"""Rules between files: partner references, providers among the key partners, rule 9
(cross-sector partnership) and partners no bundle names (bundle-format.md, "Rules beyond
the schema"). A file another file names may be missing or unreadable: then its own
problems say why and these rules do not guess."""

from __future__ import annotations

from collections.abc import Iterator

from wiazki.format import vocab
from wiazki.format.values import get as _get
from wiazki.validation import suggest
from wiazki.validation.limits import clip
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, WARNING, Problem
from wiazki.validation.rule_kit import Content
from wiazki.validation.rule_kit import as_list as _list
from wiazki.validation.rule_kit import problem_at as _problem


def _partner_refs(doc: Document) -> Iterator[tuple[tuple, str]]:
    """Every partner id a bundle names, with where it is named."""
    facilitator = _get(doc.data, "facilitator")
    if isinstance(facilitator, str):
        yield ("facilitator",), facilitator
    for index, service in enumerate(_list(_get(doc.data, "canvas", "value_proposition", "services"))):
        provider = _get(service, "provider")
        if isinstance(provider, str):
            yield ("canvas", "value_proposition", "services", index, "provider"), provider
    for index, item in enumerate(_list(_get(doc.data, "canvas", "key_partners"))):
        partner = _get(item, "partner")
        if isinstance(partner, str):
            yield ("canvas", "key_partners", index, "partner"), partner


def check_partner_references(
    doc: Document, partners: dict[str, Document], unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    for path, partner_id in _partner_refs(doc):
        if partner_id not in partners and partner_id not in unreadable:
            shown = clip(partner_id)
            guess = suggest.hint(partner_id, sorted(partners)) or "sprawdź identyfikatory w content/partners/"
            yield _problem(
                doc,
                path,
                ERROR,
                "unknown-partner",
                f"nie ma partnera `{shown}`: brak pliku content/partners/{shown}.yml; {guess}",
            )
    facilitator = _get(doc.data, "facilitator")
    if isinstance(facilitator, str) and facilitator in partners:
        kind = _get(partners[facilitator].data, "kind")
        if isinstance(kind, str) and kind != "owes":
            yield _problem(
                doc,
                ("facilitator",),
                ERROR,
                "facilitator-not-owes",
                "facylitatorem musi być OWES (partner z `kind: owes`), "
                f"a `{facilitator}` ma rodzaj „{vocab.PARTNER_KINDS.label(kind)}”",
            )


def check_providers_are_key_partners(
    doc: Document, partners: dict[str, Document] | None = None, unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    """Rule 3. A provider that is no partner at all gets rule 2's message (with the closest
    id) alone: adding a misspelt id to `key_partners` would not help."""
    if not isinstance(_get(doc.data, "canvas", "key_partners"), list):
        return  # missing or of the wrong type: rule 5 or the schema says so
    key_partners = {
        p
        for p in (_get(item, "partner") for item in _list(_get(doc.data, "canvas", "key_partners")))
        if isinstance(p, str)
    }
    for index, service in enumerate(_list(_get(doc.data, "canvas", "value_proposition", "services"))):
        provider = _get(service, "provider")
        if partners is not None and isinstance(provider, str) and provider not in partners | dict.fromkeys(unreadable):
            continue
        if isinstance(provider, str) and provider not in key_partners:
            yield _problem(
                doc,
                ("canvas", "value_proposition", "services", index, "provider"),
                ERROR,
                "provider-not-key-partner",
                f"realizator `{provider}` nie jest na liście kluczowych partnerów (`canvas.key_partners`); "
                "dopisz go tam z rolą i wkładem",
            )


def check_cross_sector(doc: Document, partners: dict[str, Document]) -> Iterator[Problem]:
    sectors = set()
    for item in _list(_get(doc.data, "canvas", "key_partners")):
        partner = partners.get(_get(item, "partner")) if isinstance(_get(item, "partner"), str) else None
        sector = _get(partner.data, "sector") if partner is not None else None
        if sector not in vocab.SECTORS:
            return  # a partner we cannot read: its own problems say why; no guessing here
        sectors.add(sector)
    if len(sectors) == 1:
        (sector,) = sectors
        yield _problem(
            doc,
            ("canvas", "key_partners"),
            WARNING,
            "single-sector",
            f"wszyscy kluczowi partnerzy pochodzą z jednego sektora ({vocab.SECTORS.label(str(sector))}); "
            "wiązka potrzebuje współpracy międzysektorowej",
            key=True,
        )


def check_unreferenced_partners(content: Content) -> Iterator[Problem]:
    if content.unreadable_bundles:
        return  # an unreadable bundle may be the one that references them
    referenced = {partner_id for doc in content.bundles.values() for _, partner_id in _partner_refs(doc)}
    for partner_id, doc in content.partners.items():
        if partner_id not in referenced:
            yield _problem(
                doc,
                ("id",),
                WARNING,
                "unreferenced-partner",
                f"żadna wiązka nie odwołuje się do partnera `{partner_id}`; dodaj go do wiązki albo usuń plik",
            )
