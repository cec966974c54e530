"""/format/ is the Polish field reference, generated from the field tree (issue 10)."""

from __future__ import annotations

import re

from wiazki.format import vocab
from wiazki.format.fields import iter_fields
from wiazki.views.format_reference import format_reference


def test_every_field_has_a_row_with_its_label_and_description():
    page = format_reference()
    sections = {"bundle": page.split("## Partner")[0], "partner": page.split("## Partner")[1].split("## Słowniki")[0]}
    for kind in ("bundle", "partner"):
        for node in iter_fields(kind):
            if not node.name:
                continue
            row = next((line for line in sections[kind].splitlines() if f"`{node.path}` |" in line), None)
            assert row is not None, node.path
            assert f"| {node.label} |" in row and node.description.split("„")[0][:30] in row.replace("\\|", "|")


def test_limits_stages_and_vocabularies_are_stated():
    page = format_reference()
    assert "| `title` | Tytuł | tekst, 5–120 znaków | tak |" in page
    assert re.search(r"`contact` \| Kontakt \| grupa pól \| od etapu „Dostępna", page)
    assert "od 1 do 1\u00a0000\u00a0000" in page  # participants
    for vocabulary in (vocab.STAGES, vocab.SERVICE_TYPES, vocab.PARTNER_KINDS, vocab.FEES):
        assert f"### {vocabulary.title} {{#slownik-" in page
        for key in vocabulary:
            assert f"| `{key}` | {vocabulary.label(key)}" in page
    assert "| `owes` | OWES (sektor: ekonomia społeczna) |" in page or "`owes`" in page


def test_the_page_is_polish_and_has_no_english_specification():
    page = format_reference()
    assert "Background in one paragraph" not in page and "required" not in page
