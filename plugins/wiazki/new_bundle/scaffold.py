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
from typing import Any

from wiazki import FORMAT_VERSION
from wiazki.format import vocab
from wiazki.format.field import Field
from wiazki.format.fields import hint, tree

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


#: What a new bundle's facilitator contributes (its entry in `canvas.key_partners`).
FACILITATOR_CONTRIBUTION = "Facylitacja partnerstwa i procesu Design Thinking."


def _values(new: NewBundle) -> dict[str, Any]:
    """The values a new bundle starts with, by path in the field tree."""
    values: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": new.id,
        "title": new.title,
        "summary": new.summary or DEFAULT_SUMMARY,
        "stage": "discover",
        "territory": new.territory,
        "facilitator": new.facilitator,
        "reviewed": new.reviewed,
        "canvas.customer_segments": [
            {"group": group, "description": new.group_description or vocab.TARGET_GROUPS.label(group)}
            for group in new.groups
        ],
        "canvas.key_partners": [
            {"partner": new.facilitator, "role": "facilitator", "contribution": FACILITATOR_CONTRIBUTION}
        ],
        "design.discover.methods": new.methods,
        "design.discover.findings": new.findings,
    }
    if new.description:
        values["description"] = new.description
    if new.contact_email:
        values["contact.email"] = new.contact_email
    return values


def _scalar(node: Field, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if node.type in ("enum", "const") or isinstance(value, int):
        return str(value)
    return quote(str(value))


def _comment(node: Field) -> str:
    """The field's hint; a vocabulary's ids after it."""
    text = hint("bundle", node.path)
    if node.vocabulary is not None:
        text += ": " + ", ".join(node.vocabulary)
    return text


def _item_lines(node: Field, item: Any, indent: str) -> list[str]:
    if not isinstance(item, dict):
        return [f"{indent}- {_scalar(node, item)}"]
    lines: list[str] = []
    for child in node.children:
        if child.name in item:
            lead = f"{indent}- " if not lines else f"{indent}  "
            lines.append(f"{lead}{child.name}: {_scalar(child, item[child.name])}")
    return lines


def _lines(node: Field, values: dict[str, Any], depth: int, comment_at: int | None = None) -> list[str]:
    """The lines of `node` at `depth`: written when it has a value, is required, holds a
    value, or is a list required from some stage (written empty); otherwise commented
    out ("# " at depth `comment_at`) with its hint."""
    has_value = node.path in values
    if comment_at is None and node.type == "object":
        if not (node.required or has_value or any(path.startswith(node.path + ".") for path in values)):
            comment_at = depth
    elif comment_at is None and not has_value and not (node.type == "list" and (node.required or node.required_from)):
        comment_at = depth
    indent = "  " * depth if comment_at is None else "  " * comment_at + "# " + "  " * (depth - comment_at)
    if node.type == "object":
        lines = [f"{indent}{node.name}:  # {_comment(node)}"]
        for child in node.children:
            lines += _lines(child, values, depth + 1, comment_at)
        return lines
    if comment_at is not None:
        return [f"{indent}{node.name}: {'[]' if node.type == 'list' else '…'}  # {_comment(node)}"]
    value = values.get(node.path, [])
    if node.type != "list":
        return [f"{indent}{node.name}: {_scalar(node, value)}  # {_comment(node)}"]
    if not value:
        return [f"{indent}{node.name}: []  # {_comment(node)}"]
    assert node.item is not None
    lines = [f"{indent}{node.name}:  # {_comment(node)}"]
    for item in value:
        lines += _item_lines(node.item, item, indent + "  ")
    return lines


def bundle_yaml(new: NewBundle) -> str:
    """The text of a new bundle file at stage `discover`; it validates without errors.

    Every field of the tree (`wiazki.format.fields`) is in it, with its hint as a
    comment: the values of `new`, the fields required now or from a later stage,
    and every other field commented out.
    """
    lines = [
        "# yaml-language-server: $schema=../../schemas/bundle.schema.json",
        f"# Nowa wiązka. Etapy: {', '.join(vocab.STAGES.label(s) for s in vocab.DESIGN_STAGES)}.",
        "# Każda zmiana to pull request; `wiazki validate` sprawdza plik.",
        "",
    ]
    values = _values(new)
    for node in tree("bundle").children:
        if node.type == "object" and node.required:
            # The canvas and the design record: their description above them, as a paragraph.
            lines += ([""] if lines[-1] else []) + [f"# {node.description}", f"{node.name}:"]
            for child in node.children:
                lines += _lines(child, values, 1)
            lines.append("")
        else:
            lines += _lines(node, values, 0)
    return "\n".join(lines) + "\n"
