"""The Jinja environment of the page templates (templates/wiazki/*.html) and what it offers.

Autoescape on, unknown names are errors; globals: `vocab`, `count`, `plural`,
`canvas_order`, `facet_code`, `labelled`, `label` (a field's Polish label from the
field tree) and `shown` (a field's value as text, `shown_value`); filters `amount`,
`polish_date`, `number`, `safe_url`, `phone_href`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from wiazki.format import fields, vocab
from wiazki.format.field import Field
from wiazki.polish import amount, count, number, plural
from wiazki.views.text import phone_href, polish_date, safe_url

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

#: Reading order of the canvas blocks; the stylesheet places them in the classic grid.
CANVAS_ORDER: tuple[str, ...] = (
    "key_partners",
    "key_activities",
    "key_resources",
    "value_proposition",
    "customer_relationships",
    "channels",
    "customer_segments",
    "cost_structure",
    "revenue_streams",
)


def facet_code(vocabulary: vocab.Vocabulary, key: str) -> str:
    """The short code of `key`: its position in `vocabulary` ("3"); raises ValueError if absent."""
    return str(list(vocabulary).index(key))


def field_label(path: str, kind: str = "bundle") -> str:
    """The Polish label of the field at `path` in the field tree (`wiazki.format.fields`), for templates.

    Raises KeyError for a path the tree lacks, so a renamed field breaks the build, not the page.
    """
    return fields.field_at(kind, path).label


def shown_value(value: Any, path: str, kind: str = "bundle") -> str:
    """A value of the field at `path` as plain text for a page (autoescape escapes it):
    a vocabulary id as its Polish label, a date in Polish, an amount in złoty, a flag
    as tak/nie, a list joined with "; ", an object as "label: value" pairs."""
    return _shown(fields.field_at(kind, path), value)


def _shown(node: Field, value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_shown(node.item, item) for item in value) if node.item else ""
    if isinstance(value, dict):
        return "; ".join(
            f"{child.label}: {_shown(child, value[child.name])}" for child in node.children if child.name in value
        )
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if node.vocabulary is not None:
        return node.vocabulary.label(str(value))
    if node.type == "date":
        return polish_date(str(value))
    if node.type == "amount" and isinstance(value, (int, float)):
        return amount(value)
    return str(value)


def template_environment(extra_dirs: Iterable[str | Path] = ()) -> Environment:
    """Our own Jinja environment: autoescape on, unknown names are errors.

    `extra_dirs` come first, so a theme's `custom_dir` can override any template
    under `wiazki/` by putting a file of the same name there.
    """
    loaders = [FileSystemLoader(str(d)) for d in extra_dirs] + [FileSystemLoader(str(TEMPLATES_DIR))]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        # A new environment is made for every build, so templates need no re-checks.
        auto_reload=False,
    )
    env.filters.update(amount=amount, polish_date=polish_date, number=number, safe_url=safe_url, phone_href=phone_href)
    env.globals.update(
        vocab=vocab,
        count=count,
        plural=plural,
        canvas_order=CANVAS_ORDER,
        facet_code=facet_code,
        labelled=lambda keys, vocabulary: [(key, vocabulary.label(key)) for key in keys],
        label=field_label,
        shown=shown_value,
    )
    return env
