"""A new bundle file at stage `discover`, with Polish comments explaining each field.

Used by `wiazki new` and by the workflow that turns a "Nowa wiązka" issue into a
pull request, so every value that comes from a person is written as a quoted
YAML scalar (JSON string syntax is valid YAML) and can never become structure.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from wiazki.format import vocab
from wiazki.format.fields import field_at, hint

_ASCII = str.maketrans({"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"})


def quote(text: str) -> str:
    """A YAML double-quoted scalar holding exactly `text`."""
    return json.dumps(text, ensure_ascii=False)


def slugify(text: str, limit: int = 48) -> str:
    """An id from a title: "Senior u siebie – Kramsk" → "senior-u-siebie-kramsk"."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower().translate(_ASCII)).strip("-")
    slug = slug[:limit].rstrip("-")
    if not slug or not slug[0].isalpha():
        slug = "wiazka-" + slug if slug else "nowa-wiazka"
    return slug if len(slug) >= 3 else slug + "-wiazka"


@dataclass
class NewBundle:
    id: str
    title: str
    facilitator: str
    territory: list[str]
    reviewed: date
    summary: str = ""
    groups: list[str] = field(default_factory=list)
    group_description: str = ""
    findings: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    description: str = ""
    #: How the public asks about the bundle; optional before stage `available`.
    contact_email: str = ""


DEFAULT_SUMMARY = (
    "Wiązka na etapie odkrywania: partnerstwo bada potrzeby mieszkańców. Opis uzupełnimy po pierwszych rozmowach."
)


def _list(items: list[str], indent: str, placeholder: str) -> str:
    if not items:
        return f" []  # {placeholder}\n"
    return "\n" + "".join(f"{indent}- {quote(item)}\n" for item in items)


def bundle_yaml(new: NewBundle) -> str:
    """The text of a new bundle file; it validates without errors."""
    lines = [
        "# yaml-language-server: $schema=../../schemas/bundle.schema.json",
        f"# Nowa wiązka. Etapy: {', '.join(vocab.STAGES.label(s) for s in vocab.DESIGN_STAGES)}.",
        "# Każda zmiana to pull request; `wiazki validate` sprawdza plik.",
        "",
        "format: 1  # wersja formatu pliku",
        f"id: {quote(new.id)}  # równy nazwie pliku bez .yml",
        f"title: {quote(new.title)}  # {hint('bundle', 'title')}",
        f"# {field_at('bundle', 'summary').description.removesuffix('.')}:",
        f"summary: {quote(new.summary or DEFAULT_SUMMARY)}",
    ]
    if new.description:
        lines.append(f"description: {quote(new.description)}  # {hint('bundle', 'description')}")
    else:
        lines.append(f"# description: {hint('bundle', 'description')}")
    lines += [
        "stage: discover  # etap: discover, define, ideate, prototype, plan, available, closed",
        "# Kody TERYT gmin, powiatów lub województw, w cudzysłowie:",
        "territory:" + _list(new.territory, "  ", "dopisz kody TERYT"),
        f"facilitator: {quote(new.facilitator)}  # {hint('bundle', 'facilitator')}",
    ]
    if new.contact_email:
        lines += [
            "contact:  # wymagany od etapu available",
            f"  email: {quote(new.contact_email)}",
            '  # phone: "+48 61 000 00 00"',
        ]
    else:
        lines += [
            "# contact:  # wymagany od etapu available",
            "#   email: biuro@example.org",
            '#   phone: "+48 61 000 00 00"',
        ]
    lines += [
        f"reviewed: {new.reviewed.isoformat()}  # {hint('bundle', 'reviewed')}",
        "",
        "# Business Model Canvas: bloki można uzupełniać stopniowo;",
        "# od etapu plan wszystkie dziewięć musi być wypełnionych.",
        "canvas:",
    ]
    if new.groups:
        lines.append("  customer_segments:  # grupy docelowe (lista identyfikatorów w schemacie)")
        for group in new.groups:
            lines.append(f"    - group: {quote(group)}")
            lines.append(f"      description: {quote(new.group_description or vocab.TARGET_GROUPS.label(group))}")
    else:
        lines.append("  customer_segments: []  # np. - group: older_persons, description: …")
    lines += [
        "  # value_proposition:  # co wiązka daje odbiorcom",
        "  #   summary: jaką zmianę przynosi wiązka",
        "  #   services: []  # co najmniej 3 usługi 3 różnych rodzajów (od etapu prototype)",
        "  channels: []  # jak odbiorcy trafiają do wiązki",
        "  customer_relationships: []",
        '  revenue_streams: []  # - source: local_budget, description: …, amount_pln: 96000, period: "2027"',
        "  key_resources: []",
        "  key_activities: []",
        "  key_partners:  # partnerzy, role i wkład; najlepiej z różnych sektorów",
        f"    - partner: {quote(new.facilitator)}",
        "      role: facilitator",
        '      contribution: "Facylitacja partnerstwa i procesu Design Thinking."',
        "  cost_structure: []",
        "",
        "# Zapis procesu Design Thinking: na każdym etapie sekcje wcześniejszych etapów",
        "# muszą być wypełnione.",
        "design:",
        "  discover:",
        "    methods:" + _list(new.methods, "      ", "np. wywiady pogłębione, mapa empatii"),
        "    findings:" + _list(new.findings, "      ", "czego dowiedzieliście się o odbiorcach"),
        '  # define: {challenge: "Jak możemy…?", needs: […]}',
        "  # ideate: {ideas: […], chosen: …}",
        "  # prototype: {tests: [{date, participants, method, feedback: […], changes: […]}]}",
        "  # plan: {start, milestones: [{date, milestone}], risks: […]}",
        "",
    ]
    return "\n".join(lines)
