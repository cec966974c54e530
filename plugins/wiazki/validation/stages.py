"""Rule 5, stage completeness, read from the field tree.

A field whose `required_from` is stage S (`wiazki.format.fields`) must be filled
(`wiazki.format.values.filled`) in a bundle at S or later: the Design Thinking
sections of the stages before the bundle's own, all nine canvas blocks from
„Planowanie wdrożenia”, `contact` from „Dostępna”. A field inside such a section or
block is checked only when its section or block is filled (an empty one is
reported once, as a whole).
"""

from __future__ import annotations

from collections.abc import Iterator

from wiazki.format import vocab
from wiazki.format.field import Field
from wiazki.format.fields import iter_fields
from wiazki.format.values import filled, get
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, Problem

#: Why a top-level field is needed, said after its message.
_WHY = {"contact": "by mieszkańcy mogli o nią zapytać"}


def stage_of(doc: Document) -> str | None:
    """The bundle's stage, if it is one of the vocabulary."""
    stage = get(doc.data, "stage")
    return stage if isinstance(stage, str) and stage in vocab.STAGES else None


def quote_stage(stage: str) -> str:
    """A stage's label in Polish quotation marks: „Odkrywanie”."""
    return f"„{vocab.STAGES.label(stage)}”"


def _problem(doc: Document, path: tuple, message: str, *, key: bool = True) -> Problem:
    position = doc.key_position(path) if key else doc.position(path)
    return Problem(doc.path, position.line, position.column, ERROR, "stage-incomplete", message)


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def _check(doc: Document, node: Field, stage: str) -> Problem | None:
    *parents, name = tuple(node.path.split("."))
    parent = tuple(parents)
    container = get(doc.data, *parent)
    value = get(container, name)
    if filled(value):
        return None
    since = quote_stage(node.required_from or stage)
    if parent == ("design",):
        state = "jest pusta" if value is not None else "brakuje jej"
        return _problem(
            doc,
            (*parent, name) if value is not None else parent,
            f"na etapie {quote_stage(stage)} sekcja `{node.path}` ({node.label}) musi być wypełniona, a {state}",
        )
    if parent == ("canvas",):
        return _problem(
            doc,
            (*parent, name) if value is not None else parent,
            f"od etapu {since} wszystkie bloki kanwy muszą być wypełnione; "
            f"blok `{node.path}` ({node.label}) {'jest pusty' if value is not None else 'nie istnieje'}",
        )
    where = (*parent, name) if isinstance(container, dict) and name in container else parent
    if parent[:1] == ("design",):
        section = vocab.STAGES.label(parent[1])
        return _problem(
            doc, where, f"na etapie {quote_stage(stage)} pole `{node.path}` ({section}) musi być wypełnione"
        )
    if not parent:
        required = ", ".join(f"`{child.name}`" for child in node.children if child.required)
        least = f" (co najmniej {required})" if required else ""
        why = f", {_WHY[name]}" if name in _WHY else ""
        return _problem(doc, ("stage",), f"od etapu {since} wiązka musi mieć `{name}`{least}{why}", key=False)
    return _problem(doc, where, f"od etapu {since} pole `{node.path}` ({_lower(node.label)}) musi być wypełnione")


def _parent_filled(doc: Document, node: Field, required: set[str]) -> bool:
    """A field inside a section or block that rule 5 requires is checked only when that section or block is filled."""
    parent = node.path.rpartition(".")[0]
    return parent not in required or filled(get(doc.data, *parent.split(".")))


def check_stage_completeness(doc: Document) -> Iterator[Problem]:
    """Every field the bundle's stage requires is filled (see the module docstring)."""
    stage = stage_of(doc)
    if stage is None:
        return
    position = vocab.stage_index(stage)
    due = [
        node
        for node in iter_fields("bundle")
        if node.required_from is not None and vocab.stage_index(node.required_from) <= position
    ]
    required = {node.path for node in due}
    for node in due:
        if _parent_filled(doc, node, required):
            problem = _check(doc, node, stage)
            if problem is not None:
                yield problem
