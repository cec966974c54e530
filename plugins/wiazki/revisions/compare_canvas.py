"""The nine canvas blocks compared: services, money, partners, segments, lists of text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wiazki.format import vocab
from wiazki.format.field import TEXT_TYPES, Field
from wiazki.polish import amount
from wiazki.revisions.changes import Line
from wiazki.revisions.compare_values import (
    Context,
    as_list,
    as_map,
    as_text,
    differs,
    keyed,
    money,
    nth,
    other_fields,
    texts_diff,
    total,
    value_change,
)


def _segments(old: Any, new: Any, ctx: Context) -> list[Line]:
    before, after = keyed(old, lambda s: as_text(s.get("group"))), keyed(new, lambda s: as_text(s.get("group")))

    def label(key: tuple[Any, int]) -> str:
        return nth(vocab.TARGET_GROUPS.label(key[0]), key[1])

    lines = []
    for key, segment in after.items():
        if key not in before:
            lines.append(Line("Dodana grupa docelowa: {}", (label(key),), 1))
            continue
        if as_text(before[key].get("description")) != as_text(segment.get("description")):
            lines.append(Line("Zmieniony opis grupy: {}", (label(key),), 1))
        lines += other_fields(
            before[key],
            segment,
            {"group", "description"},
            "Grupa {}: zmienione pole {}",
            (label(key),),
            where="canvas.customer_segments[]",
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


def _services(old: Any, new: Any, ctx: Context) -> list[Line]:
    value_old, value_new = as_map(old), as_map(new)
    lines = value_change("Podsumowanie", value_old.get("summary"), value_new.get("summary"), 1)
    before = keyed(value_old.get("services"), lambda s: as_text(s.get("name")))
    after = keyed(value_new.get("services"), lambda s: as_text(s.get("name")))
    for key, service in after.items():
        name = nth(*key)
        if key not in before:
            lines.append(
                Line(
                    "Dodana usługa: {} ({}, realizuje: {})",
                    (
                        name,
                        vocab.SERVICE_TYPES.label(as_text(service.get("type"))),
                        ctx.partner(service.get("provider")),
                    ),
                    1,
                )
            )
            continue
        previous = before[key]
        for field_key, label, to_label in _SERVICE_FIELDS:
            a, b = as_text(previous.get(field_key)), as_text(service.get(field_key))
            if a != b:
                lines.append(
                    Line(
                        f"Usługa {{}}: {label} {{}} → {{}}",
                        (name, to_label(a) if to_label else a, to_label(b) if to_label else b),
                        1,
                    )
                )
        if as_text(previous.get("provider")) != as_text(service.get("provider")):
            lines.append(
                Line(
                    "Usługa {}: realizuje {} → {}",
                    (name, ctx.partner(previous.get("provider")), ctx.partner(service.get("provider"))),
                    1,
                )
            )
        for field_key, what in _SERVICE_TEXTS:
            if as_text(previous.get(field_key)) != as_text(service.get(field_key)):
                lines.append(Line(f"Usługa {{}}: {what}", (name,), 1))
        lines += other_fields(
            previous,
            service,
            _SERVICE_KNOWN,
            "Usługa {}: zmienione pole {}",
            (name,),
            where="canvas.value_proposition.services[]",
        )
    lines += [Line("Usunięta usługa: {}", (nth(*key),), 1) for key in before if key not in after]
    lines += other_fields(
        value_old, value_new, {"summary", "services"}, "Zmienione pole {}", where="canvas.value_proposition"
    )
    return lines


def _money_items(
    old: Any,
    new: Any,
    describe: Callable[[dict[str, Any]], str],
    group: Callable[[dict[str, Any]], str],
    known: frozenset[str],
    where: str,
) -> list[Line]:
    """Revenue or cost items: added, removed, amounts before → after, and the totals."""
    before = keyed(old, lambda i: (group(i), describe(i)))
    after = keyed(new, lambda i: (group(i), describe(i)))
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
        return nth(key[0][1], key[1])

    lines = []
    changed_amount = False
    for old_key, new_key in pairs:
        a, b = before[old_key], after[new_key]
        label = name(new_key)
        if old_key[0] != new_key[0]:
            lines.append(Line("Zmieniony opis pozycji: {} → {}", (name(old_key), label), 1))
        if money(a.get("amount_pln")) != money(b.get("amount_pln")):
            changed_amount = True
            lines.append(Line("{}: {} → {}", (label, money(a.get("amount_pln")), money(b.get("amount_pln"))), 1))
        if as_text(a.get("period")) != as_text(b.get("period")):
            lines.append(
                Line("{}: okres {} → {}", (label, as_text(a.get("period")) or "—", as_text(b.get("period")) or "—"), 1)
            )
        lines += other_fields(a, b, known, "{}: zmienione pole {}", (label,), where=where)
    for key in came:
        changed_amount = True
        lines.append(Line("Dodano: {} – {}", (name(key), money(after[key].get("amount_pln"))), 1))
    for key in gone:
        changed_amount = True
        lines.append(Line("Usunięto: {} – {}", (name(key), money(before[key].get("amount_pln"))), 1))
    total_old, total_new = total(as_list(old)), total(as_list(new))
    if changed_amount:
        lines.append(Line("Razem: {} → {}", (amount(total_old), amount(total_new)), 1))
    return lines


def _revenue(old: Any, new: Any, ctx: Context) -> list[Line]:
    def describe(item: dict[str, Any]) -> str:
        label = vocab.FUNDING_SOURCES.label(as_text(item.get("source")))
        text = as_text(item.get("description"))
        return f"{label} ({text})" if text else label

    known = frozenset({"source", "description", "amount_pln", "period"})
    return _money_items(old, new, describe, lambda i: as_text(i.get("source")), known, "canvas.revenue_streams[]")


def _costs(old: Any, new: Any, ctx: Context) -> list[Line]:
    return _money_items(
        old,
        new,
        lambda i: as_text(i.get("item")),
        lambda i: "",
        frozenset({"item", "amount_pln", "period"}),
        "canvas.cost_structure[]",
    )


def _partners(old: Any, new: Any, ctx: Context) -> list[Line]:
    def roles(items: Any) -> dict[str, list[dict[str, Any]]]:
        by_partner: dict[str, list[dict[str, Any]]] = {}
        for item in map(as_map, as_list(items)):
            by_partner.setdefault(as_text(item.get("partner")), []).append(item)
        return by_partner

    def labels(items: list[dict[str, Any]]) -> str:
        return ", ".join(vocab.PARTNER_ROLES.label(as_text(i.get("role"))) for i in items)

    before, after = roles(old), roles(new)
    lines = []
    for pid, items in after.items():
        if pid not in before:
            lines.append(Line("Dołącza: {} – {}", (ctx.partner(pid), labels(items)), 1))
            continue
        if labels(before[pid]) != labels(items):
            lines.append(Line("{}: rola {} → {}", (ctx.partner(pid), labels(before[pid]), labels(items)), 1))
        if [as_text(i.get("contribution")) for i in before[pid]] != [as_text(i.get("contribution")) for i in items]:
            lines.append(Line("{}: zmieniony wkład", (ctx.partner(pid),), 1))
        others: list[Line] = []
        for a, b in zip(before[pid], items, strict=False):
            others += [
                line
                for line in other_fields(
                    a,
                    b,
                    {"partner", "role", "contribution"},
                    "{}: zmienione pole {}",
                    (ctx.partner(pid),),
                    where="canvas.key_partners[]",
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


def _text_block(old: Any, new: Any, ctx: Context) -> list[Line]:
    return texts_diff(old, new, "Dodano: {}", "Usunięto: {}")


#: The blocks compared by their own function; any other block of the tree is compared
#: by `block_comparer`: a list of texts item by item, anything else as one changed field.
CANVAS: dict[str, Callable[[Any, Any, Context], list[Line]]] = {
    "customer_segments": _segments,
    "value_proposition": _services,
    "revenue_streams": _revenue,
    "key_partners": _partners,
    "cost_structure": _costs,
}


def block_comparer(block: Field) -> Callable[[Any, Any, Context], list[Line]]:
    """How the canvas block `block` (a field of the tree under `canvas`) is compared."""
    if block.name in CANVAS:
        return CANVAS[block.name]
    if block.type == "list" and block.item is not None and block.item.type in TEXT_TYPES:
        return _text_block

    def changed(old: Any, new: Any, ctx: Context) -> list[Line]:
        return [Line("Zmienione pole {}", (block.label,), 1)] if differs(old, new) else []

    return changed
