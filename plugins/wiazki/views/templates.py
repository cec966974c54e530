"""The Jinja environment of the page templates (templates/wiazki/*.html) and what it offers.

Autoescape on, unknown names are errors; globals: `vocab`, `count`, `plural`,
`canvas_order`, `facet_code`, `labelled` and `label` (a field's Polish label from the
field tree); filters `amount`, `polish_date`, `number`, `safe_url`, `phone_href`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from wiazki.format import fields, vocab
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
    )
    return env
