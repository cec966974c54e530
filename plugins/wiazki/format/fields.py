"""The field tree of bundle and partner files: the one definition of the format.

The trees are written in `bundle_fields` and `partner_fields`; this module is the
API. Everything that knows a field reads it from here: the JSON Schemas
(`wiazki.format.schema`), stage completeness (rule 5), the diff's labels, the page
labels (`label()` in templates), the keys of the JSON export's objects, the
scaffold, the issue form, the editor's configuration and the Polish field reference.
Adding an optional field is one entry below (plus its test).

API (shapes):

- `tree(kind) -> Field`: the root object field of "bundle" or "partner".
- `iter_fields(kind) -> Iterator[Field]`: every field under the root, depth first, in
  file order; each list's item is yielded too, right after its list, with a path
  ending in "[]". The root itself is not yielded.
- `hint(kind, path) -> str`: the description as an inline comment (scaffold, CLI help).
- `field_at(kind, path) -> Field`: the field at a dotted path; list indices may be
  concrete (`services[2].fee`) or "[]"; KeyError when there is no such field.

A `Field` (`wiazki.format.field.Field`) has:
`name` (key in its parent; "" for a list item), `path` (`canvas.key_partners[].role`),
`label` and `description` (Polish), `type` (one of `wiazki.format.field.TYPES`:
string, markdown, code, id, partner-ref, date, url, email, phone, teryt, amount,
period, int, bool, const, enum, list, object), `required` (the schema requires the
key in its parent), `required_from` (stage id from which rule 5 requires it filled,
else None), `vocabulary` (for enum: a `Vocabulary`, ids with Polish labels),
`pattern`, `min_length`, `limit` (maximum length of every text type), `minimum`,
`maximum` (int), `min_items` (list), `item` (list), `children` (object), `def_name`
(objects published once in the schema's `$defs`), `shared` (the shared definition of
typed strings and numbers: its generic label, description, pattern and limits).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from wiazki.format import bundle_fields, partner_fields
from wiazki.format.field import Field, with_paths

KINDS = ("bundle", "partner")


@cache
def tree(kind: str) -> Field:
    """The root field of a "bundle" or "partner" file, with every path filled in; KeyError otherwise."""
    return with_paths({"bundle": bundle_fields.BUNDLE, "partner": partner_fields.PARTNER}[kind])


def _walk(node: Field) -> Iterator[Field]:
    for child in node.children:
        yield child
        yield from _walk(child)
    if node.item is not None:
        yield node.item
        yield from _walk(node.item)


def iter_fields(kind: str) -> Iterator[Field]:
    """Every field of a "bundle" or "partner" file, depth first in file order (see the module docstring)."""
    return _walk(tree(kind))


_INDEX = re.compile(r"\[[0-9]*\]")


@cache
def _by_path(kind: str) -> dict[str, Field]:
    return {node.path: node for node in iter_fields(kind)}


def hint(kind: str, path: str) -> str:
    """A field's description as a comment after a value: lower-case first letter, no final period."""
    description = field_at(kind, path).description
    return (description[:1].lower() + description[1:]).removesuffix(".")


def field_at(kind: str, path: str) -> Field:
    """The field at a dotted `path` ("canvas.channels", "design.prototype.tests[0].date"); KeyError if none."""
    return _by_path(kind)[_INDEX.sub("[]", path)]
