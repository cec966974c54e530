"""Open data from the field tree: a file's data as a JSON record and as CSV columns.

Nothing here names a field of the format: a field added to the tree
(`wiazki.format.fields`) reaches the JSON and CSV exports by itself. The exports
(`wiazki.views.exports`) add only what the files do not hold (the page's address,
territory names, totals…), each anchored after a field of the tree.

JSON (`json_record`): the file's keys in the tree's order and nesting; `format`
left out (the document carries it); amounts as written (96000, not 96000.0),
periods as text; a key is written when its value is filled (`wiazki.format.values.filled`;
a false flag is not), except the children of `COMPLETE` objects and required
objects (`canvas`, `design`), written always. A top-level vocabulary id is followed
by `<name>_label`, its Polish label.

CSV (`csv_columns`, `csv_row`): one column per top-level value in the tree's order;
the fields of a top-level object of plain values are flattened (`contact_email`);
lists of plain values are joined with "; "; a vocabulary id is followed by its
`<column>_label`; a flag is `tak`/`nie` (absent = `nie`). Left out: Markdown,
constants, lists of objects and objects holding lists (the canvas, the design
record, links: the JSON carries them), and fields whose `column` is "".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from wiazki.format.field import Field
from wiazki.format.fields import tree
from wiazki.format.values import filled, get

#: Objects every child of which is written even when empty: a reader finds each of
#: the canvas's nine blocks in every record.
COMPLETE = frozenset({"canvas"})

#: Computed keys or columns: for a top-level field's name, what follows it.
Anchored = Mapping[str, Mapping[str, Any]]


def _amount(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def json_value(node: Field, value: Any) -> Any:
    """`value` (from a file that validated) as the JSON export writes the field `node`."""
    if node.type == "object":
        return _json_object(node, value if isinstance(value, dict) else {})
    if node.type == "list":
        assert node.item is not None
        return [json_value(node.item, item) for item in value] if isinstance(value, list) else []
    if node.type == "amount":
        return _amount(value)
    if node.type == "period":
        return None if value is None or isinstance(value, bool) else str(value)
    return value


def _written(node: Field, value: Any, complete: bool) -> bool:
    if complete or (node.required and node.type == "object"):
        return True
    return value is not False and filled(value)


def _json_object(node: Field, data: dict[str, Any]) -> dict[str, Any]:
    complete = node.path in COMPLETE
    out: dict[str, Any] = {}
    for child in node.children:
        value = json_value(child, data.get(child.name))
        if child.type != "const" and _written(child, value, complete):
            out[child.name] = value
    return out


def json_record(kind: str, data: Mapping[str, Any], computed: Anchored) -> dict[str, Any]:
    """The JSON record of a "bundle" or "partner" file's `data`, with `computed` keys
    written right after the field they are anchored to (unless empty)."""
    out: dict[str, Any] = {}
    for child in tree(kind).children:
        value = json_value(child, data.get(child.name))
        if child.type != "const" and _written(child, value, False):
            out[child.name] = value
            if child.vocabulary is not None:
                out[f"{child.name}_label"] = child.vocabulary.label(value)
        for key, extra in computed.get(child.name, {}).items():
            if extra is not False and filled(extra):
                out[key] = extra
    return out


@dataclass(frozen=True)
class Column:
    """One column of a CSV export: a value of the file at `path` (keys), its vocabulary
    label when `label`, or (empty `path`) a computed value named `name`."""

    name: str
    path: tuple[str, ...] = ()
    field: Field | None = None
    label: bool = False


def _plain(node: Field) -> bool:
    return node.type not in ("object", "list", "markdown", "const")


def _columns_of(node: Field, path: tuple[str, ...], default: str) -> list[Column]:
    if node.column == "" or node.type in ("markdown", "const"):
        return []
    if node.type == "object":
        if not all(_plain(child) or _plain_list(child) for child in node.children):
            return []
        return [
            column
            for child in node.children
            for column in _columns_of(child, (*path, child.name), f"{node.name}_{child.name}")
        ]
    if node.type == "list" and not _plain_list(node):
        return []
    name = node.column or default
    columns = [Column(name, path, node)]
    if node.vocabulary is not None:
        columns.append(Column(f"{name}_label", path, node, label=True))
    return columns


def _plain_list(node: Field) -> bool:
    return node.type == "list" and node.item is not None and _plain(node.item)


def csv_columns(kind: str, computed: Mapping[str, Sequence[str]]) -> list[Column]:
    """The columns of a "bundle" or "partner" CSV: the tree's, with the `computed`
    columns' names right after the top-level field each is anchored to."""
    columns: list[Column] = []
    for child in tree(kind).children:
        columns += _columns_of(child, (child.name,), child.name)
        columns += [Column(name) for name in computed.get(child.name, ())]
    return columns


def csv_row(columns: Sequence[Column], data: Mapping[str, Any], computed: Mapping[str, Any]) -> list[Any]:
    """The cells of one record: the file's values at each column's path, `computed` by name."""
    row: list[Any] = []
    for column in columns:
        if column.field is None:
            row.append(computed[column.name])
            continue
        value = get(data, *column.path)
        if column.field.type == "bool":
            value = value is True
        elif column.label and column.field.vocabulary is not None:
            value = column.field.vocabulary.label(value) if value is not None else None
        elif isinstance(value, list):
            value = "; ".join(str(item) for item in value)
        row.append(value)
    return row
