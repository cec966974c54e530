"""The field tree of a test: the real tree with one more field, every cache of the tree cleared."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import pytest

from wiazki.format import bundle_fields, fields, partner_fields, schema
from wiazki.format.field import Field
from wiazki.validation import schema_messages


def _with_child(node: Field, parent: str, new: Field, path: str = "") -> Field:
    """`node` with `new` appended to the children of the object at `parent`."""
    if path == parent and node.type == "object":
        return replace(node, children=(*node.children, new))
    return replace(
        node,
        item=_with_child(node.item, parent, new, f"{path}[]") if node.item else None,
        children=tuple(
            _with_child(child, parent, new, f"{path}.{child.name}" if path else child.name) for child in node.children
        ),
    )


def clear_tree_caches() -> None:
    """Forget everything computed from the field tree: the tree, its paths, the schemas and
    both schema validators (the full one and the fast "passes" check)."""
    for cached in (
        fields.tree,
        fields._by_path,
        schema.schemas,
        schema_messages.validator,
        schema_messages._passes,
        schema_messages._inlined,
    ):
        cached.cache_clear()


@contextmanager
def tree_with(monkeypatch: pytest.MonkeyPatch, kind: str, parent: str, new: Field) -> Iterator[None]:
    """The tree of `kind` ("bundle", "partner") with `new` appended to the object at `parent`
    ("" for the root), as if written in `bundle_fields` or `partner_fields`; undone after."""
    module, name = (bundle_fields, "BUNDLE") if kind == "bundle" else (partner_fields, "PARTNER")
    monkeypatch.setattr(module, name, _with_child(getattr(module, name), parent, new))
    clear_tree_caches()
    try:
        yield
    finally:
        monkeypatch.undo()
        clear_tree_caches()
