"""Comparing plain data: the helpers every block's comparison uses (no git, no rendering).

Values come from files that may be invalid: every helper accepts any type.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wiazki.format.fields import field_at
from wiazki.format.teryt import Register
from wiazki.polish import amount, bounded
from wiazki.revisions.changes import Line


@dataclass
class Context:
    names: dict[str, str]
    register: Register

    def partner(self, pid: Any) -> str:
        text = as_text(pid)
        return self.names.get(text, text)

    def territory(self, code: Any) -> str:
        text = as_text(code)
        unit = self.register.get(text)
        return unit.long_name if unit is not None else text


def as_text(value: Any) -> str:
    """Any value as one piece of text (user text stays user text)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "tak" if value else "nie"
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def as_map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def money(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return amount(value)
    return "bez kwoty"


def total(items: list[Any]) -> float:
    """The sum of the items' amounts, each clamped first (`polish.bounded`): a file read
    without the schema may hold a 4,300-digit amount, and int + float would overflow."""
    return sum(
        bounded(item["amount_pln"])
        for item in map(as_map, items)
        if isinstance(item.get("amount_pln"), (int, float)) and not isinstance(item.get("amount_pln"), bool)
    )


#: A key that is not there (as opposed to one whose value is null).
MISSING: Any = object()


def same(old: Any, new: Any) -> bool:
    """Two scalars are the same data: equal and of the same kind (1 is not "1", true is not 1)."""
    if old is MISSING or new is MISSING:
        return old is new
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return old == new
    return type(old) is type(new) and old == new


def changed_paths(old: Any, new: Any, path: str = "") -> list[str]:
    """Where two pieces of parsed data differ, e.g. `canvas.cost_structure[1].amount_pln`; empty when equal."""
    if isinstance(old, dict) and isinstance(new, dict):
        paths: list[str] = []
        for key in keys_of(old, new):
            name = f"{path}.{key}" if path else str(key)
            paths += changed_paths(old.get(key, MISSING), new.get(key, MISSING), name)
        return paths
    if isinstance(old, list) and isinstance(new, list):
        paths = []
        for index in range(max(len(old), len(new))):
            paths += changed_paths(
                old[index] if index < len(old) else MISSING,
                new[index] if index < len(new) else MISSING,
                f"{path}[{index}]",
            )
        return paths
    return [] if same(old, new) else [path or "(cały plik)"]


def differs(old: Any, new: Any) -> bool:
    return bool(changed_paths(old, new))


def keys_of(old: dict[Any, Any], new: dict[Any, Any], first: tuple[str, ...] | list[str] = ()) -> list[Any]:
    """The keys of both mappings: those in `first` in its order, then the rest in the order they appear."""
    keys = list(dict.fromkeys([*old, *new]))
    rank = {key: index for index, key in enumerate(first)}
    return sorted(keys, key=lambda k: rank.get(k, len(rank)) if isinstance(k, str) else len(rank))


def added_removed(old: list[Any], new: list[Any], key: Callable[[Any], Any] = as_text) -> tuple[list[Any], list[Any]]:
    """Items of `new` that are not in `old`, and of `old` not in `new`, counting repeats."""

    def minus(items: list[Any], other: list[Any]) -> list[Any]:
        left = Counter(key(x) for x in other)
        out = []
        for item in items:
            if left[key(item)]:
                left[key(item)] -= 1
            else:
                out.append(item)
        return out

    return minus(new, old), minus(old, new)


def texts_diff(old: Any, new: Any, added: str, removed: str, depth: int = 1, args: tuple[str, ...] = ()) -> list[Line]:
    """Items of a list of text added and removed; `added`/`removed` are templates with `args`' slots and one more."""
    came, gone = added_removed(as_list(old), as_list(new))
    return [Line(added, (*args, as_text(x)), depth) for x in came] + [
        Line(removed, (*args, as_text(x)), depth) for x in gone
    ]


def value_change(label: str, old: Any, new: Any, depth: int = 0, label_args: tuple[str, ...] = ()) -> list[Line]:
    """`label` is our template; `label_args` fill its slots (user text such as an unknown key's name)."""
    before, after = as_text(old), as_text(new)
    if before == after:
        return []
    if not before:
        return [Line(f"{label}: dodano {{}}", (*label_args, after), depth)]
    if not after:
        return [Line(f"{label}: usunięto {{}}", (*label_args, before), depth)]
    return [Line(f"{label}: {{}} → {{}}", (*label_args, before, after), depth)]


def keyed(items: Any, key: Callable[[dict[str, Any]], Any]) -> dict[tuple[Any, int], dict[str, Any]]:
    """Items of a list by (key, n): the n-th item with that key, so items sharing a key pair in order."""
    keyed: dict[tuple[Any, int], dict[str, Any]] = {}
    seen: Counter[Any] = Counter()
    for item in map(as_map, as_list(items)):
        k = key(item)
        keyed[(k, seen[k])] = item
        seen[k] += 1
    return keyed


def nth(name: str, n: int) -> str:
    """How the n-th (from 0) of the items sharing a name is named: "Obiady", then "Obiady (2.)"."""
    return name if n == 0 else f"{name} ({n + 1}.)"


def other_fields(
    old: Any,
    new: Any,
    known: set[str] | frozenset[str],
    template: str,
    args: tuple[str, ...] = (),
    depth: int = 1,
    where: str | None = None,
) -> list[Line]:
    """Changed fields of a mapping outside `known`; `template` has the slots of `args` and one for the field's name.

    `where` is the mapping's path in the bundle's field tree ("" for the root,
    "partner:" before a partner's path): a field of the format is named by its
    Polish label, any other key as written.
    """
    a, b = as_map(old), as_map(new)
    return [
        Line(template, (*args, field_name(where, key)), depth)
        for key in keys_of(a, b)
        if key not in known and differs(a.get(key, MISSING), b.get(key, MISSING))
    ]


def field_name(where: str | None, key: Any) -> str:
    """The Polish label of the field `key` of the mapping at `where` (see `other_fields`), else the key itself."""
    if where is not None and isinstance(key, str):
        kind, path = ("partner", where.removeprefix("partner:")) if where.startswith("partner:") else ("bundle", where)
        try:
            return field_at(kind, f"{path}.{key}" if path else key).label
        except KeyError:
            pass
    return str(key)


def label(path: str, kind: str = "bundle") -> str:
    """The Polish label of the field at `path` (`wiazki.format.fields`)."""
    return field_at(kind, path).label


def sub_labels(path: str, prefix: str = "", kind: str = "bundle") -> dict[str, str]:
    """The labels of an object's fields by name, after `prefix` ("Kontakt – ") in lower case."""
    return {
        child.name: f"{prefix}{child.label[0].lower()}{child.label[1:]}" if prefix else child.label
        for child in field_at(kind, path).children
    }


def mapping_change(label: str, old: Any, new: Any, labels: dict[str, str], unknown: str, depth: int = 0) -> list[Line]:
    """A mapping field key by key ("NIP: a → b"); `unknown` (one slot) names a key outside `labels`.

    A side that is not a mapping (an invalid file) makes it one value under `label`.
    """
    if not all(side is None or isinstance(side, dict) for side in (old, new)):
        return value_change(label, old, new, depth)
    a, b = as_map(old), as_map(new)
    lines: list[Line] = []
    for key in keys_of(a, b, list(labels)):
        if key in labels:
            lines += value_change(labels[key], a.get(key), b.get(key), depth)
        else:
            lines += value_change(unknown, a.get(key), b.get(key), depth, (str(key),))
    return lines
