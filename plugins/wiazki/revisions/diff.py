"""A semantic diff of the content between two git revisions, for reviewers.

Reviewers of a pull request read what changed in the canvas and in the Design
Thinking record ("usługa dodana", "412 000 zł → 430 000 zł", "Etap: A → B")
instead of a YAML diff. Files are compared as plain data, not as the model: a
file in a pull request may be invalid, and the diff must still say what it can.

Every piece of text that comes from a file is kept apart from our own Polish
text (`Line.args`) and escaped by the renderer, so it cannot add headings,
links, HTML or tables to a job summary; the output is bounded in size.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from wiazki.format import vocab
from wiazki.format.teryt import GMINA, POWIAT, Register, load_register
from wiazki.polish import amount, count
from wiazki.revisions.git import BlobReader, list_files, merge_base, resolve
from wiazki.validation.loader import MAX_FILE_BYTES, load_bytes
from wiazki.validation.reporting import markdown_text

#: Longest piece of user text shown in one line (titles, findings, descriptions).
MAX_VALUE_CHARS = 160
#: Lines shown for one file before "… i N kolejnych zmian".
MAX_LINES_PER_FILE = 40
#: The whole report stays well under GitHub's 1 MiB job-summary limit.
MAX_OUTPUT_BYTES = 60 * 1024

BUNDLES, PARTNERS = "bundles", "partners"
ADDED, REMOVED, CHANGED, UNREADABLE = "added", "removed", "changed", "unreadable"


@dataclass(frozen=True)
class Line:
    """One line of a report: our own Polish `template`, with `{}` slots for user text."""

    template: str
    args: tuple[str, ...] = ()
    depth: int = 0
    heading: bool = False


@dataclass
class FileChange:
    folder: str
    id: str
    status: str
    #: The title (bundle) or name (partner) as written in the file; user text.
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class ContentDiff:
    base: str
    head: str
    bundles: list[FileChange] = field(default_factory=list)
    partners: list[FileChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.bundles and not self.partners


# --- reading both revisions -------------------------------------------------


@dataclass
class _Side:
    """One file at one revision: its data, or the loader's first problem."""

    data: dict[str, Any] | None
    problem: str | None = None


def _read(reader: BlobReader, blob: str, path: str) -> _Side:
    raw = reader.read(blob, limit=MAX_FILE_BYTES)
    if raw is None:
        return _Side(None, "nie można odczytać pliku z repozytorium")
    doc, problems = load_bytes(path, raw)
    # The loader reports only errors; a file with any (an alias, a custom tag)
    # is not in the format, even when it could build data from it.
    if doc is None or problems:
        first = problems[0] if problems else None
        where = f" (wiersz {first.line}, kolumna {first.column})" if first else ""
        return _Side(None, (first.message if first else "nieznany błąd") + where)
    return _Side(doc.data)


def _content_files(files: dict[str, Any], folder: str) -> dict[str, Any]:
    """Files directly in `folder` with the .yml extension, by id (the file name's stem)."""
    found = {}
    for path, entry in files.items():
        pure = PurePosixPath(path)
        if pure.suffix == ".yml" and str(pure.parent) == folder:
            found[pure.stem] = entry
    return found


def compute_diff(
    repo: Path,
    base: str,
    head: str,
    content: str = "content",
    register: Register | None = None,
    from_merge_base: bool = False,
) -> ContentDiff:
    """Compare the content folder (relative to the repository root) at two revisions.

    With `from_merge_base`, compare from where `head` branched off `base` (as
    `git diff BASE...HEAD` does): a pull request's own changes, not the ones
    merged into the base branch since. Raises `GitError` (Polish message) when a
    revision does not exist.
    """
    base_sha, head_sha = resolve(repo, base), resolve(repo, head)
    if from_merge_base:
        base_sha = merge_base(repo, base_sha, head_sha)
    register = register or load_register()
    result = ContentDiff(base=base_sha, head=head_sha)
    prefix = f"{content}/" if content else ""
    with BlobReader(repo) as reader:
        trees = {}
        for folder in (BUNDLES, PARTNERS):
            old = _content_files(list_files(repo, base_sha, prefix + folder), prefix + folder)
            new = _content_files(list_files(repo, head_sha, prefix + folder), prefix + folder)
            trees[folder] = (old, new)
        # Partner names for the lines of bundles ("Dołącza: GOPS Kramsk"), newest first.
        names: dict[str, str] = {}
        for side in (0, 1):
            for pid, entry in trees[PARTNERS][side].items():
                side_data = _read(reader, entry.blob, entry.path).data
                if side_data is not None:
                    name = _str(side_data.get("short_name")) or _str(side_data.get("name"))
                    if name:
                        names[pid] = name
        context = _Context(names=names, register=register)
        for folder, target in ((BUNDLES, result.bundles), (PARTNERS, result.partners)):
            old, new = trees[folder]
            for fid in sorted(set(old) | set(new)):
                before, after = old.get(fid), new.get(fid)
                if before is not None and after is not None and before.blob == after.blob:
                    continue
                change = _compare(
                    folder,
                    fid,
                    _read(reader, before.blob, before.path) if before else None,
                    _read(reader, after.blob, after.path) if after else None,
                    context,
                )
                if change is not None:
                    target.append(change)
    # Broken files first, then changes to existing bundles: when the report is
    # cut to size, what a reviewer most needs is what stays.
    order = {UNREADABLE: 0, CHANGED: 1, ADDED: 2, REMOVED: 3}
    result.bundles.sort(key=lambda c: (order[c.status], c.id))
    result.partners.sort(key=lambda c: (order[c.status], c.id))
    return result


# --- comparing plain data ---------------------------------------------------


@dataclass
class _Context:
    names: dict[str, str]
    register: Register

    def partner(self, pid: Any) -> str:
        text = _str(pid)
        return self.names.get(text, text)

    def territory(self, code: Any) -> str:
        text = _str(code)
        unit = self.register.get(text)
        if unit is None:
            return text
        if unit.level == GMINA or unit.kind.startswith("miasto"):
            name = f"{unit.name}, {unit.kind}"
        elif unit.level == POWIAT:
            name = f"powiat {unit.name}"
        else:
            name = f"woj. {unit.display_name}"
        return f"{name} ({text})"


def _str(value: Any) -> str:
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


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _money(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return amount(value)
    return "bez kwoty"


def _total(items: list[Any]) -> float:
    return sum(
        item["amount_pln"]
        for item in map(_map, items)
        if isinstance(item.get("amount_pln"), (int, float)) and not isinstance(item.get("amount_pln"), bool)
    )


#: A key that is not there (as opposed to one whose value is null).
_MISSING: Any = object()


def _same(old: Any, new: Any) -> bool:
    """Two scalars are the same data: equal and of the same kind (1 is not "1", true is not 1)."""
    if old is _MISSING or new is _MISSING:
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
        for key in _keys(old, new):
            name = f"{path}.{key}" if path else str(key)
            paths += changed_paths(old.get(key, _MISSING), new.get(key, _MISSING), name)
        return paths
    if isinstance(old, list) and isinstance(new, list):
        paths = []
        for index in range(max(len(old), len(new))):
            paths += changed_paths(
                old[index] if index < len(old) else _MISSING,
                new[index] if index < len(new) else _MISSING,
                f"{path}[{index}]",
            )
        return paths
    return [] if _same(old, new) else [path or "(cały plik)"]


def _differs(old: Any, new: Any) -> bool:
    return bool(changed_paths(old, new))


def _keys(old: dict[Any, Any], new: dict[Any, Any], first: tuple[str, ...] | list[str] = ()) -> list[Any]:
    """The keys of both mappings: those in `first` in its order, then the rest in the order they appear."""
    keys = list(dict.fromkeys([*old, *new]))
    rank = {key: index for index, key in enumerate(first)}
    return sorted(keys, key=lambda k: rank.get(k, len(rank)) if isinstance(k, str) else len(rank))


def _added_removed(old: list[Any], new: list[Any], key: Callable[[Any], Any] = _str) -> tuple[list[Any], list[Any]]:
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


def _texts_diff(old: Any, new: Any, added: str, removed: str, depth: int = 1, args: tuple[str, ...] = ()) -> list[Line]:
    """Items of a list of text added and removed; `added`/`removed` are templates with `args`' slots and one more."""
    came, gone = _added_removed(_list(old), _list(new))
    return [Line(added, (*args, _str(x)), depth) for x in came] + [Line(removed, (*args, _str(x)), depth) for x in gone]


def _value_change(label: str, old: Any, new: Any, depth: int = 0, label_args: tuple[str, ...] = ()) -> list[Line]:
    """`label` is our template; `label_args` fill its slots (user text such as an unknown key's name)."""
    before, after = _str(old), _str(new)
    if before == after:
        return []
    if not before:
        return [Line(f"{label}: dodano {{}}", (*label_args, after), depth)]
    if not after:
        return [Line(f"{label}: usunięto {{}}", (*label_args, before), depth)]
    return [Line(f"{label}: {{}} → {{}}", (*label_args, before, after), depth)]


def _keyed(items: Any, key: Callable[[dict[str, Any]], Any]) -> dict[tuple[Any, int], dict[str, Any]]:
    """Items of a list by (key, n): the n-th item with that key, so items sharing a key pair in order."""
    keyed: dict[tuple[Any, int], dict[str, Any]] = {}
    seen: Counter[Any] = Counter()
    for item in map(_map, _list(items)):
        k = key(item)
        keyed[(k, seen[k])] = item
        seen[k] += 1
    return keyed


def _nth(name: str, n: int) -> str:
    """How the n-th (from 0) of the items sharing a name is named: "Obiady", then "Obiady (2.)"."""
    return name if n == 0 else f"{name} ({n + 1}.)"


def _other_fields(
    old: Any, new: Any, known: set[str] | frozenset[str], template: str, args: tuple[str, ...] = (), depth: int = 1
) -> list[Line]:
    """Changed fields of a mapping outside `known`; `template` has the slots of `args` and one for the field's name."""
    a, b = _map(old), _map(new)
    return [
        Line(template, (*args, str(key)), depth)
        for key in _keys(a, b)
        if key not in known and _differs(a.get(key, _MISSING), b.get(key, _MISSING))
    ]


def _mapping_change(label: str, old: Any, new: Any, labels: dict[str, str], unknown: str, depth: int = 0) -> list[Line]:
    """A mapping field key by key ("NIP: a → b"); `unknown` (one slot) names a key outside `labels`.

    A side that is not a mapping (an invalid file) makes it one value under `label`.
    """
    if not all(side is None or isinstance(side, dict) for side in (old, new)):
        return _value_change(label, old, new, depth)
    a, b = _map(old), _map(new)
    lines: list[Line] = []
    for key in _keys(a, b, list(labels)):
        if key in labels:
            lines += _value_change(labels[key], a.get(key), b.get(key), depth)
        else:
            lines += _value_change(unknown, a.get(key), b.get(key), depth, (str(key),))
    return lines


def _segments(old: Any, new: Any, ctx: _Context) -> list[Line]:
    before, after = _keyed(old, lambda s: _str(s.get("group"))), _keyed(new, lambda s: _str(s.get("group")))

    def label(key: tuple[Any, int]) -> str:
        return _nth(vocab.TARGET_GROUPS.label(key[0]), key[1])

    lines = []
    for key, segment in after.items():
        if key not in before:
            lines.append(Line("Dodana grupa docelowa: {}", (label(key),), 1))
            continue
        if _str(before[key].get("description")) != _str(segment.get("description")):
            lines.append(Line("Zmieniony opis grupy: {}", (label(key),), 1))
        lines += _other_fields(
            before[key], segment, {"group", "description"}, "Grupa {}: zmienione pole {}", (label(key),)
        )
    lines += [Line("Usunięta grupa docelowa: {}", (label(key),), 1) for key in before if key not in after]
    return lines


_SERVICE_FIELDS: tuple[tuple[str, str, Callable[[Any], str] | None], ...] = (
    ("type", "rodzaj", vocab.SERVICE_TYPES.label),
    ("area", "obszar", vocab.SERVICE_AREAS.label),
    ("fee", "odpłatność", vocab.FEES.label),
)
_SERVICE_TEXTS = (
    ("description", "zmieniony opis"),
    ("access", "zmienione zasady dostępu"),
    ("fee_note", "zmieniona uwaga o odpłatności"),
)
_SERVICE_KNOWN = frozenset({"name", "provider"} | {k for k, _, _ in _SERVICE_FIELDS} | {k for k, _ in _SERVICE_TEXTS})


def _services(old: Any, new: Any, ctx: _Context) -> list[Line]:
    value_old, value_new = _map(old), _map(new)
    lines = _value_change("Podsumowanie", value_old.get("summary"), value_new.get("summary"), 1)
    before = _keyed(value_old.get("services"), lambda s: _str(s.get("name")))
    after = _keyed(value_new.get("services"), lambda s: _str(s.get("name")))
    for key, service in after.items():
        name = _nth(*key)
        if key not in before:
            lines.append(
                Line(
                    "Dodana usługa: {} ({}, realizuje: {})",
                    (name, vocab.SERVICE_TYPES.label(_str(service.get("type"))), ctx.partner(service.get("provider"))),
                    1,
                )
            )
            continue
        previous = before[key]
        for field_key, label, to_label in _SERVICE_FIELDS:
            a, b = _str(previous.get(field_key)), _str(service.get(field_key))
            if a != b:
                lines.append(
                    Line(
                        f"Usługa {{}}: {label} {{}} → {{}}",
                        (name, to_label(a) if to_label else a, to_label(b) if to_label else b),
                        1,
                    )
                )
        if _str(previous.get("provider")) != _str(service.get("provider")):
            lines.append(
                Line(
                    "Usługa {}: realizuje {} → {}",
                    (name, ctx.partner(previous.get("provider")), ctx.partner(service.get("provider"))),
                    1,
                )
            )
        for field_key, what in _SERVICE_TEXTS:
            if _str(previous.get(field_key)) != _str(service.get(field_key)):
                lines.append(Line(f"Usługa {{}}: {what}", (name,), 1))
        lines += _other_fields(previous, service, _SERVICE_KNOWN, "Usługa {}: zmienione pole {}", (name,))
    lines += [Line("Usunięta usługa: {}", (_nth(*key),), 1) for key in before if key not in after]
    lines += _other_fields(value_old, value_new, {"summary", "services"}, "Zmienione pole {}")
    return lines


def _money_items(
    old: Any,
    new: Any,
    describe: Callable[[dict[str, Any]], str],
    group: Callable[[dict[str, Any]], str],
    known: frozenset[str],
) -> list[Line]:
    """Revenue or cost items: added, removed, amounts before → after, and the totals."""
    before = _keyed(old, lambda i: (group(i), describe(i)))
    after = _keyed(new, lambda i: (group(i), describe(i)))
    gone = [k for k in before if k not in after]
    came = [k for k in after if k not in before]
    # An item whose text changed is still the same item when it is the only one
    # of its kind (funding source) that changed: show its amount before → after.
    pairs: list[tuple[Any, Any]] = [(k, k) for k in after if k in before]
    for kind in dict.fromkeys(k[0][0] for k in came):
        olds, news = [k for k in gone if k[0][0] == kind], [k for k in came if k[0][0] == kind]
        if kind and len(olds) == 1 and len(news) == 1:
            pairs.append((olds[0], news[0]))
            gone.remove(olds[0])
            came.remove(news[0])

    def name(key: tuple[Any, int]) -> str:
        return _nth(key[0][1], key[1])

    lines = []
    changed_amount = False
    for old_key, new_key in pairs:
        a, b = before[old_key], after[new_key]
        label = name(new_key)
        if old_key[0] != new_key[0]:
            lines.append(Line("Zmieniony opis pozycji: {} → {}", (name(old_key), label), 1))
        if _money(a.get("amount_pln")) != _money(b.get("amount_pln")):
            changed_amount = True
            lines.append(Line("{}: {} → {}", (label, _money(a.get("amount_pln")), _money(b.get("amount_pln"))), 1))
        if _str(a.get("period")) != _str(b.get("period")):
            lines.append(
                Line("{}: okres {} → {}", (label, _str(a.get("period")) or "—", _str(b.get("period")) or "—"), 1)
            )
        lines += _other_fields(a, b, known, "{}: zmienione pole {}", (label,))
    for key in came:
        changed_amount = True
        lines.append(Line("Dodano: {} – {}", (name(key), _money(after[key].get("amount_pln"))), 1))
    for key in gone:
        changed_amount = True
        lines.append(Line("Usunięto: {} – {}", (name(key), _money(before[key].get("amount_pln"))), 1))
    total_old, total_new = _total(_list(old)), _total(_list(new))
    if changed_amount:
        lines.append(Line("Razem: {} → {}", (amount(total_old), amount(total_new)), 1))
    return lines


def _revenue(old: Any, new: Any, ctx: _Context) -> list[Line]:
    def describe(item: dict[str, Any]) -> str:
        label = vocab.FUNDING_SOURCES.label(_str(item.get("source")))
        text = _str(item.get("description"))
        return f"{label} ({text})" if text else label

    known = frozenset({"source", "description", "amount_pln", "period"})
    return _money_items(old, new, describe, lambda i: _str(i.get("source")), known)


def _costs(old: Any, new: Any, ctx: _Context) -> list[Line]:
    return _money_items(
        old, new, lambda i: _str(i.get("item")), lambda i: "", frozenset({"item", "amount_pln", "period"})
    )


def _partners(old: Any, new: Any, ctx: _Context) -> list[Line]:
    def roles(items: Any) -> dict[str, list[dict[str, Any]]]:
        by_partner: dict[str, list[dict[str, Any]]] = {}
        for item in map(_map, _list(items)):
            by_partner.setdefault(_str(item.get("partner")), []).append(item)
        return by_partner

    def labels(items: list[dict[str, Any]]) -> str:
        return ", ".join(vocab.PARTNER_ROLES.label(_str(i.get("role"))) for i in items)

    before, after = roles(old), roles(new)
    lines = []
    for pid, items in after.items():
        if pid not in before:
            lines.append(Line("Dołącza: {} – {}", (ctx.partner(pid), labels(items)), 1))
            continue
        if labels(before[pid]) != labels(items):
            lines.append(Line("{}: rola {} → {}", (ctx.partner(pid), labels(before[pid]), labels(items)), 1))
        if [_str(i.get("contribution")) for i in before[pid]] != [_str(i.get("contribution")) for i in items]:
            lines.append(Line("{}: zmieniony wkład", (ctx.partner(pid),), 1))
        others: list[Line] = []
        for a, b in zip(before[pid], items, strict=False):
            others += [
                line
                for line in _other_fields(
                    a, b, {"partner", "role", "contribution"}, "{}: zmienione pole {}", (ctx.partner(pid),)
                )
                if line not in others
            ]
        lines += others
    lines += [
        Line("Odchodzi: {} – {}", (ctx.partner(pid), labels(items)), 1)
        for pid, items in before.items()
        if pid not in after
    ]
    return lines


def _text_block(old: Any, new: Any, ctx: _Context) -> list[Line]:
    return _texts_diff(old, new, "Dodano: {}", "Usunięto: {}")


_CANVAS: dict[str, Callable[[Any, Any, _Context], list[Line]]] = {
    "customer_segments": _segments,
    "value_proposition": _services,
    "channels": _text_block,
    "customer_relationships": _text_block,
    "revenue_streams": _revenue,
    "key_resources": _text_block,
    "key_activities": _text_block,
    "key_partners": _partners,
    "cost_structure": _costs,
}

#: The fields of each Design Thinking section (as in the format's schema).
_DESIGN_FIELDS: dict[str, frozenset[str]] = {
    "discover": frozenset({"methods", "findings"}),
    "define": frozenset({"challenge", "needs"}),
    "ideate": frozenset({"ideas", "chosen"}),
    "prototype": frozenset({"tests"}),
    "plan": frozenset({"start", "milestones", "risks"}),
}
_TEST_KNOWN = frozenset({"date", "participants", "method", "feedback", "changes"})


def _participants(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return count(value, "uczestnik", "uczestników", "uczestników")
    return "?"


def _tests(old: Any, new: Any) -> list[Line]:
    def key(t: dict[str, Any]) -> Any:
        return (_str(t.get("date")), _str(t.get("method")))

    before, after = _keyed(old, key), _keyed(new, key)
    lines = []
    for k, test in after.items():
        (date, method), n = k
        if k not in before:
            lines.append(
                Line("Nowy test ({}, {}): {}", (_nth(date, n), _participants(test.get("participants")), method), 1)
            )
            continue
        previous, label = before[k], _nth(date, n)
        lines += _value_change(
            "Test {} – liczba uczestników", previous.get("participants"), test.get("participants"), 1, (label,)
        )
        lines += _texts_diff(
            previous.get("feedback"),
            test.get("feedback"),
            "Test {} – nowa uwaga: {}",
            "Test {} – usunięta uwaga: {}",
            1,
            (label,),
        )
        lines += _texts_diff(
            previous.get("changes"),
            test.get("changes"),
            "Test {} – nowa zmiana: {}",
            "Test {} – usunięta zmiana: {}",
            1,
            (label,),
        )
        lines += _other_fields(previous, test, _TEST_KNOWN, "Test {}: zmienione pole {}", (label,))
    lines += [
        Line("Usunięty test ({}): {}", (_nth(date, n), method), 1)
        for (date, method), n in before
        if ((date, method), n) not in after
    ]
    return lines


def _milestones(old: Any, new: Any) -> list[Line]:
    def key(m: dict[str, Any]) -> Any:
        return (_str(m.get("date")), _str(m.get("milestone")))

    before, after = _keyed(old, key), _keyed(new, key)
    lines = [
        Line("Nowy kamień milowy ({}): {}", (date, _nth(text, n)), 1)
        for (date, text), n in after
        if ((date, text), n) not in before
    ]
    lines += [
        Line("Usunięty kamień milowy ({}): {}", (date, _nth(text, n)), 1)
        for (date, text), n in before
        if ((date, text), n) not in after
    ]
    for k, milestone in after.items():
        if k in before:
            lines += _other_fields(
                before[k],
                milestone,
                {"date", "milestone"},
                "Kamień milowy {}: zmienione pole {}",
                (_nth(k[0][1], k[1]),),
            )
    return lines


def _design(stage: str, old: Any, new: Any) -> list[Line]:
    a, b = _map(old), _map(new)
    lines: list[Line] = []
    if stage == "discover":
        lines += _texts_diff(a.get("methods"), b.get("methods"), "Nowa metoda: {}", "Usunięta metoda: {}")
        lines += _texts_diff(a.get("findings"), b.get("findings"), "Nowy wniosek: {}", "Usunięty wniosek: {}")
    elif stage == "define":
        lines += _value_change("Wyzwanie", a.get("challenge"), b.get("challenge"), 1)
        lines += _texts_diff(a.get("needs"), b.get("needs"), "Nowa potrzeba: {}", "Usunięta potrzeba: {}")
    elif stage == "ideate":
        lines += _texts_diff(a.get("ideas"), b.get("ideas"), "Nowy pomysł: {}", "Usunięty pomysł: {}")
        lines += _value_change("Wybrane rozwiązanie", a.get("chosen"), b.get("chosen"), 1)
    elif stage == "prototype":
        lines += _tests(a.get("tests"), b.get("tests"))
    elif stage == "plan":
        lines += _value_change("Start wdrożenia", a.get("start"), b.get("start"), 1)
        lines += _milestones(a.get("milestones"), b.get("milestones"))
        lines += _texts_diff(a.get("risks"), b.get("risks"), "Nowe ryzyko: {}", "Usunięte ryzyko: {}")
    return lines + _other_fields(a, b, _DESIGN_FIELDS.get(stage, frozenset()), "Zmienione pole {}")


_CONTACT_LABELS = {
    "email": "Kontakt – e-mail",
    "phone": "Kontakt – telefon",
    "url": "Kontakt – strona",
    "note": "Kontakt – uwagi",
}
_BUNDLE_KNOWN = {
    "format",
    "id",
    "title",
    "summary",
    "description",
    "stage",
    "territory",
    "facilitator",
    "contact",
    "reviewed",
    "canvas",
    "design",
    "links",
    "keywords",
}


def _territory(label: str, old: Any, new: Any, ctx: _Context) -> list[Line]:
    came, gone = _added_removed(_list(old), _list(new))
    return [Line(f"{label}: dodano {{}}", (ctx.territory(c),)) for c in came] + [
        Line(f"{label}: usunięto {{}}", (ctx.territory(c),)) for c in gone
    ]


def _links(old: Any, new: Any) -> list[Line]:
    before, after = _keyed(old, lambda link: _str(link.get("url"))), _keyed(new, lambda link: _str(link.get("url")))
    lines = []
    for key, link in after.items():
        url = _nth(*key)
        if key not in before:
            lines.append(Line("Nowy link: {} ({})", (_str(link.get("title")), url)))
            continue
        lines += _value_change("Link {} – tytuł", before[key].get("title"), link.get("title"), 0, (url,))
        lines += _other_fields(before[key], link, {"title", "url"}, "Link {}: zmienione pole {}", (url,), 0)
    lines += [
        Line("Usunięty link: {} ({})", (_str(link.get("title")), _nth(*key)))
        for key, link in before.items()
        if key not in after
    ]
    return lines


def _bundle_lines(old: dict[str, Any], new: dict[str, Any], ctx: _Context) -> list[Line]:
    lines: list[Line] = []
    stage_old, stage_new = _str(old.get("stage")), _str(new.get("stage"))
    if stage_old != stage_new:
        lines.append(
            Line("Etap: {} → {}", (vocab.STAGES.label(stage_old) or "—", vocab.STAGES.label(stage_new) or "—"))
        )
    lines += _value_change("Tytuł", old.get("title"), new.get("title"))
    lines += _value_change("Podsumowanie", old.get("summary"), new.get("summary"))
    if _str(old.get("description")) != _str(new.get("description")):
        lines.append(
            Line(
                "Zmieniony opis"
                if old.get("description") and new.get("description")
                else ("Dodany opis" if new.get("description") else "Usunięty opis")
            )
        )
    lines += _territory("Obszar", old.get("territory"), new.get("territory"), ctx)
    if _str(old.get("facilitator")) != _str(new.get("facilitator")):
        lines.append(
            Line(
                "Facylitator: {} → {}",
                (ctx.partner(old.get("facilitator")) or "—", ctx.partner(new.get("facilitator")) or "—"),
            )
        )
    lines += _mapping_change("Kontakt", old.get("contact"), new.get("contact"), _CONTACT_LABELS, "Kontakt – pole {}")
    lines += _value_change("Data przeglądu treści", old.get("reviewed"), new.get("reviewed"))
    lines += _links(old.get("links"), new.get("links"))
    lines += _texts_diff(
        old.get("keywords"), new.get("keywords"), "Nowe słowo kluczowe: {}", "Usunięte słowo kluczowe: {}", 0
    )
    canvas_old, canvas_new = _map(old.get("canvas")), _map(new.get("canvas"))
    for block, compare in _CANVAS.items():
        block_lines = compare(canvas_old.get(block), canvas_new.get(block), ctx)
        if block_lines:
            lines.append(Line(vocab.CANVAS_BLOCKS.label(block), heading=True))
            lines += block_lines
    design_old, design_new = _map(old.get("design")), _map(new.get("design"))
    for stage in vocab.DESIGN_STAGES:
        stage_lines = _design(stage, design_old.get(stage), design_new.get(stage))
        if stage_lines:
            lines.append(Line(f"Design Thinking – {vocab.STAGES.label(stage)}", heading=True))
            lines += stage_lines
    lines += _value_change("Identyfikator", old.get("id"), new.get("id"))
    lines += _value_change("Wersja formatu", old.get("format"), new.get("format"))
    lines += _other_fields(canvas_old, canvas_new, set(_CANVAS), "Zmienione pole canvas.{}", (), 0)
    lines += _other_fields(design_old, design_new, set(vocab.DESIGN_STAGES), "Zmienione pole design.{}", (), 0)
    lines += _other_fields(old, new, _BUNDLE_KNOWN, "Zmienione pole {}", (), 0)
    return lines


def _new_bundle_lines(data: dict[str, Any], ctx: _Context) -> list[Line]:
    canvas = _map(data.get("canvas"))
    services = _list(_map(canvas.get("value_proposition")).get("services"))
    lines = [Line("Etap: {}", (vocab.STAGES.label(_str(data.get("stage"))),))]
    territory = [ctx.territory(c) for c in _list(data.get("territory"))]
    if territory:
        lines.append(Line("Obszar: {}", ("; ".join(territory),)))
    if data.get("facilitator"):
        lines.append(Line("Facylitator: {}", (ctx.partner(data.get("facilitator")),)))
    groups = [vocab.TARGET_GROUPS.label(_str(_map(s).get("group"))) for s in _list(canvas.get("customer_segments"))]
    if groups:
        lines.append(Line("Grupy docelowe: {}", (", ".join(groups),)))
    lines.append(Line(count(len(services), "usługa", "usługi", "usług")))
    return lines


_PARTNER_FIELDS = (
    ("name", "Nazwa", None),
    ("short_name", "Nazwa skrócona", None),
    ("sector", "Sektor", vocab.SECTORS.label),
    ("kind", "Rodzaj", vocab.PARTNER_KINDS.label),
    ("social_enterprise", "Przedsiębiorstwo społeczne", None),
)
_PARTNER_CONTACT = (("website", "Strona"), ("email", "E-mail"), ("phone", "Telefon"))
_IDENTIFIER_LABELS = {"krs": "KRS", "nip": "NIP", "regon": "REGON"}
_ADDRESS_LABELS = {
    "street": "Adres – ulica i numer",
    "postal_code": "Adres – kod pocztowy",
    "city": "Adres – miejscowość",
    "teryt": "Adres – kod TERYT gminy",
}
_PARTNER_KNOWN = (
    {key for key, _, _ in _PARTNER_FIELDS}
    | {key for key, _ in _PARTNER_CONTACT}
    | {"format", "id", "description", "identifiers", "address", "territory"}
)


def _partner_lines(old: dict[str, Any], new: dict[str, Any], ctx: _Context) -> list[Line]:
    lines = []
    for key, label, to_label in _PARTNER_FIELDS:
        a, b = old.get(key), new.get(key)
        if to_label is not None:
            a, b = to_label(_str(a)) if a is not None else None, to_label(_str(b)) if b is not None else None
        lines += _value_change(label, a, b)
    lines += _mapping_change(
        "Identyfikatory", old.get("identifiers"), new.get("identifiers"), _IDENTIFIER_LABELS, "Identyfikator {}"
    )
    for key, label in _PARTNER_CONTACT:
        lines += _value_change(label, old.get(key), new.get(key))
    lines += _mapping_change("Adres", old.get("address"), new.get("address"), _ADDRESS_LABELS, "Adres – pole {}")
    lines += _territory("Obszar działania", old.get("territory"), new.get("territory"), ctx)
    if _str(old.get("description")) != _str(new.get("description")):
        lines.append(Line("Zmieniony opis"))
    lines += _value_change("Identyfikator", old.get("id"), new.get("id"))
    lines += _value_change("Wersja formatu", old.get("format"), new.get("format"))
    lines += _other_fields(old, new, _PARTNER_KNOWN, "Zmienione pole {}", (), 0)
    return lines


#: Paths named in the line of changes the semantic diff has no words for.
MAX_OTHER_PATHS = 8


def _other_changes(old: dict[str, Any], new: dict[str, Any]) -> Line | None:
    """A line naming where parsed data differ, or None when they are equal."""
    paths = changed_paths(old, new)
    if not paths:
        return None
    shown = paths[:MAX_OTHER_PATHS]
    template = "Inne zmiany: " + ", ".join("{}" for _ in shown)
    if len(paths) > len(shown):
        template += f" i {count(len(paths) - len(shown), 'inne pole', 'inne pola', 'innych pól')}"
    return Line(template, tuple(shown))


def _compare(folder: str, fid: str, before: _Side | None, after: _Side | None, ctx: _Context) -> FileChange | None:
    title_key = "title" if folder == BUNDLES else "name"
    unreadable = [
        (which, side)
        for which, side in (("przed zmianą", before), ("po zmianie", after))
        if side is not None and side.data is None
    ]
    if unreadable:
        readable = next((s.data for s in (after, before) if s is not None and s.data is not None), {}) or {}
        change = FileChange(folder, fid, UNREADABLE, _str(readable.get(title_key)))
        change.lines = [
            Line(f"Nie można odczytać pliku {which}: {{}}", (side.problem or "",)) for which, side in unreadable
        ]
        return change
    if before is None and after is not None and after.data is not None:
        data = after.data
        lines = (
            _new_bundle_lines(data, ctx)
            if folder == BUNDLES
            else [Line("{}", (vocab.PARTNER_KINDS.label(_str(data.get("kind"))),))]
        )
        return FileChange(folder, fid, ADDED, _str(data.get(title_key)), lines)
    if after is None and before is not None and before.data is not None:
        return FileChange(folder, fid, REMOVED, _str(before.data.get(title_key)))
    assert before is not None and after is not None and before.data is not None and after.data is not None
    lines = (
        _bundle_lines(before.data, after.data, ctx)
        if folder == BUNDLES
        else _partner_lines(before.data, after.data, ctx)
    )
    if not lines:
        # Changes the lines above have no words for (the order of a list, a
        # number written as text) still are changes: name where they are. Only
        # equal data are "formatting".
        other = _other_changes(before.data, after.data)
        lines = [other] if other is not None else [Line("Zmiany tylko w formatowaniu lub komentarzach")]
    return FileChange(folder, fid, CHANGED, _str(after.data.get(title_key)), lines)


# --- rendering --------------------------------------------------------------

# C0 and C1 controls (U+009B is a terminal's escape introducer, as ESC [ is),
# line and paragraph separators and the bidirectional overrides.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clip(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """User text on one line, at most `limit` characters."""
    # Non-breaking spaces (in amounts: "96 000 zł") stay; other runs of space become one.
    text = re.sub(r"[^\S\u00a0\u202f]+", " ", _CONTROL.sub(" ", text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_HEADINGS = {
    (BUNDLES, ADDED): "Nowa wiązka",
    (BUNDLES, REMOVED): "Usunięta wiązka",
    (BUNDLES, CHANGED): "Zmieniona wiązka",
    (BUNDLES, UNREADABLE): "Wiązka – błąd pliku",
    (PARTNERS, ADDED): "Nowy partner",
    (PARTNERS, REMOVED): "Usunięty partner",
    (PARTNERS, CHANGED): "Zmieniony partner",
    (PARTNERS, UNREADABLE): "Partner – błąd pliku",
}


def _counts(changes: list[FileChange], forms: dict[str, tuple[str, str, str]]) -> str:
    parts = []
    for status in (ADDED, CHANGED, REMOVED, UNREADABLE):
        n = sum(1 for c in changes if c.status == status)
        if n:
            parts.append(count(n, *forms[status]))
    return ", ".join(parts) if parts else "bez zmian"


_BUNDLE_FORMS = {
    ADDED: ("nowa", "nowe", "nowych"),
    CHANGED: ("zmieniona", "zmienione", "zmienionych"),
    REMOVED: ("usunięta", "usunięte", "usuniętych"),
    UNREADABLE: ("nieczytelny plik", "nieczytelne pliki", "nieczytelnych plików"),
}
_PARTNER_FORMS = {
    ADDED: ("nowy", "nowi", "nowych"),
    CHANGED: ("zmieniony", "zmienieni", "zmienionych"),
    REMOVED: ("usunięty", "usunięci", "usuniętych"),
    UNREADABLE: ("nieczytelny plik", "nieczytelne pliki", "nieczytelnych plików"),
}


def _bounded(lines: list[Line]) -> tuple[list[Line], int]:
    if len(lines) <= MAX_LINES_PER_FILE:
        return lines, 0
    return lines[:MAX_LINES_PER_FILE], len(lines) - MAX_LINES_PER_FILE


def _more(n: int) -> str:
    return f"… i {count(n, 'kolejna zmiana', 'kolejne zmiany', 'kolejnych zmian')}"


def _markdown_value(text: str) -> str:
    """User text in a job summary: escaped, on one line, and no @mention that would notify anyone."""
    return markdown_text(clip(text)).replace("@", "@\u200b")


def _render(diff: ContentDiff, markdown: bool) -> str:
    esc: Callable[[str], str] = _markdown_value if markdown else clip

    def fill(line: Line) -> str:
        return line.template.format(*(esc(a) for a in line.args))

    def block(change: FileChange) -> list[str]:
        name = change.title.strip() and f"{esc(change.title)} ({esc(change.id)})" or esc(change.id)
        heading = f"{_HEADINGS[(change.folder, change.status)]}: {name}"
        shown, hidden = _bounded(change.lines)
        out = [f"#### {heading}", ""] if markdown else [heading]
        for line in shown:
            indent = "  " * line.depth
            if markdown:
                out.append(f"{indent}- **{fill(line)}**" if line.heading else f"{indent}- {fill(line)}")
            else:
                out.append(f"  {indent}{fill(line)}:" if line.heading else f"  {indent}{fill(line)}")
        if hidden:
            out.append(f"- {_more(hidden)}" if markdown else f"  {_more(hidden)}")
        out.append("")
        return out

    short = f"{diff.base[:7]} → {diff.head[:7]}"
    header = [
        "## Zmiany w treści" if markdown else "Zmiany w treści",
        "",
        f"Porównanie {'`' + diff.base[:7] + '` → `' + diff.head[:7] + '`' if markdown else short}. "
        f"Wiązki: {_counts(diff.bundles, _BUNDLE_FORMS)}. Partnerzy: {_counts(diff.partners, _PARTNER_FORMS)}.",
        "",
    ]
    if diff.empty:
        return "\n".join(header + ["Brak zmian w plikach wiązek i partnerów.", ""])
    out = list(header)
    size = sum(len(line.encode("utf-8")) + 1 for line in out)
    sections = ((BUNDLES, "Wiązki"), (PARTNERS, "Partnerzy"))
    truncated = 0
    for folder, title in sections:
        changes = diff.bundles if folder == BUNDLES else diff.partners
        if not changes:
            continue
        if truncated:
            truncated += len(changes)
            continue
        section = [f"### {title}", ""] if markdown else [title.upper(), ""]
        out += section
        size += sum(len(line.encode("utf-8")) + 1 for line in section)
        for index, change in enumerate(changes):
            lines = block(change)
            weight = sum(len(line.encode("utf-8")) + 1 for line in lines)
            if size + weight > MAX_OUTPUT_BYTES - 512:
                truncated += len(changes) - index
                break
            out += lines
            size += weight
    if truncated:
        out.append(
            f"… wynik skrócony do {MAX_OUTPUT_BYTES // 1024} KiB: "
            f"pominięto {count(truncated, 'plik', 'pliki', 'plików')}."
        )
        out.append("")
    return "\n".join(out)


def render_markdown(diff: ContentDiff) -> str:
    """Markdown for a GitHub job summary; user text is escaped, the size bounded."""
    return _render(diff, markdown=True)


def render_text(diff: ContentDiff) -> str:
    """Plain text for a terminal."""
    return _render(diff, markdown=False)
