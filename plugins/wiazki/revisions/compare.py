"""Two revisions of the content compared as plain data: a list of changes per file.

Pure: takes the files' parsed data (`FilePair`), gives a `ContentDiff`; no git, no
rendering. Files are compared as data, not as the model: a file in a pull request
may be invalid, and the diff must still say what it can.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from wiazki.format import vocab
from wiazki.format.fields import field_at
from wiazki.format.teryt import Register
from wiazki.polish import count
from wiazki.revisions.changes import (
    ADDED,
    BUNDLES,
    CHANGED,
    REMOVED,
    UNREADABLE,
    ContentDiff,
    FileChange,
    FilePair,
    Line,
    Side,
)
from wiazki.revisions.compare_canvas import block_comparer
from wiazki.revisions.compare_design import design_lines
from wiazki.revisions.compare_values import (
    Context,
    added_removed,
    as_list,
    as_map,
    as_text,
    changed_paths,
    keyed,
    label,
    mapping_change,
    nth,
    other_fields,
    sub_labels,
    texts_diff,
    value_change,
)

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


def _territory(label: str, old: Any, new: Any, ctx: Context) -> list[Line]:
    came, gone = added_removed(as_list(old), as_list(new))
    return [Line(f"{label}: dodano {{}}", (ctx.territory(c),)) for c in came] + [
        Line(f"{label}: usunięto {{}}", (ctx.territory(c),)) for c in gone
    ]


def _links(old: Any, new: Any) -> list[Line]:
    before, after = keyed(old, lambda link: as_text(link.get("url"))), keyed(new, lambda link: as_text(link.get("url")))
    lines = []
    for key, link in after.items():
        url = nth(*key)
        if key not in before:
            lines.append(Line("Nowy link: {} ({})", (as_text(link.get("title")), url)))
            continue
        lines += value_change("Link {} – tytuł", before[key].get("title"), link.get("title"), 0, (url,))
        lines += other_fields(
            before[key], link, {"title", "url"}, "Link {}: zmienione pole {}", (url,), 0, where="links[]"
        )
    lines += [
        Line("Usunięty link: {} ({})", (as_text(link.get("title")), nth(*key)))
        for key, link in before.items()
        if key not in after
    ]
    return lines


def _bundle_lines(old: dict[str, Any], new: dict[str, Any], ctx: Context) -> list[Line]:
    lines: list[Line] = []
    stage_old, stage_new = as_text(old.get("stage")), as_text(new.get("stage"))
    if stage_old != stage_new:
        lines.append(
            Line(
                f"{label('stage')}: {{}} → {{}}",
                (vocab.STAGES.label(stage_old) or "—", vocab.STAGES.label(stage_new) or "—"),
            )
        )
    lines += value_change(label("title"), old.get("title"), new.get("title"))
    lines += value_change(label("summary"), old.get("summary"), new.get("summary"))
    if as_text(old.get("description")) != as_text(new.get("description")):
        lines.append(
            Line(
                "Zmieniony opis"
                if old.get("description") and new.get("description")
                else ("Dodany opis" if new.get("description") else "Usunięty opis")
            )
        )
    lines += _territory(label("territory"), old.get("territory"), new.get("territory"), ctx)
    if as_text(old.get("facilitator")) != as_text(new.get("facilitator")):
        lines.append(
            Line(
                f"{label('facilitator')}: {{}} → {{}}",
                (ctx.partner(old.get("facilitator")) or "—", ctx.partner(new.get("facilitator")) or "—"),
            )
        )
    contact = label("contact")
    lines += mapping_change(
        contact,
        old.get("contact"),
        new.get("contact"),
        sub_labels("contact", f"{contact} – "),
        f"{contact} – pole {{}}",
    )
    lines += value_change(label("reviewed"), old.get("reviewed"), new.get("reviewed"))
    lines += _links(old.get("links"), new.get("links"))
    lines += texts_diff(
        old.get("keywords"), new.get("keywords"), "Nowe słowo kluczowe: {}", "Usunięte słowo kluczowe: {}", 0
    )
    canvas_old, canvas_new = as_map(old.get("canvas")), as_map(new.get("canvas"))
    blocks = field_at("bundle", "canvas").children
    for block in blocks:
        block_lines = block_comparer(block)(canvas_old.get(block.name), canvas_new.get(block.name), ctx)
        if block_lines:
            lines.append(Line(block.label, heading=True))
            lines += block_lines
    design_old, design_new = as_map(old.get("design")), as_map(new.get("design"))
    for section in field_at("bundle", "design").children:
        stage_lines = design_lines(section.name, design_old.get(section.name), design_new.get(section.name))
        if stage_lines:
            lines.append(Line(f"Design Thinking – {section.label}", heading=True))
            lines += stage_lines
    lines += value_change(label("id"), old.get("id"), new.get("id"))
    lines += value_change(label("format"), old.get("format"), new.get("format"))
    lines += other_fields(canvas_old, canvas_new, {b.name for b in blocks}, "Zmienione pole canvas.{}", (), 0)
    lines += other_fields(design_old, design_new, set(vocab.DESIGN_STAGES), "Zmienione pole design.{}", (), 0)
    lines += other_fields(old, new, _BUNDLE_KNOWN, "Zmienione pole {}", (), 0, "")
    return lines


def _new_bundle_lines(data: dict[str, Any], ctx: Context) -> list[Line]:
    canvas = as_map(data.get("canvas"))
    services = as_list(as_map(canvas.get("value_proposition")).get("services"))
    lines = [Line(f"{label('stage')}: {{}}", (vocab.STAGES.label(as_text(data.get("stage"))),))]
    territory = [ctx.territory(c) for c in as_list(data.get("territory"))]
    if territory:
        lines.append(Line(f"{label('territory')}: {{}}", ("; ".join(territory),)))
    if data.get("facilitator"):
        lines.append(Line(f"{label('facilitator')}: {{}}", (ctx.partner(data.get("facilitator")),)))
    groups = [
        vocab.TARGET_GROUPS.label(as_text(as_map(s).get("group"))) for s in as_list(canvas.get("customer_segments"))
    ]
    if groups:
        lines.append(Line("Grupy docelowe: {}", (", ".join(groups),)))
    lines.append(Line(count(len(services), "usługa", "usługi", "usług")))
    return lines


_PARTNER_FIELDS = (
    ("name", None),
    ("short_name", None),
    ("sector", vocab.SECTORS.label),
    ("kind", vocab.PARTNER_KINDS.label),
    ("social_enterprise", None),
)
_PARTNER_CONTACT = ("website", "email", "phone")
_PARTNER_KNOWN = (
    {key for key, _ in _PARTNER_FIELDS}
    | set(_PARTNER_CONTACT)
    | {"format", "id", "description", "identifiers", "address", "territory"}
)


def _partner_lines(old: dict[str, Any], new: dict[str, Any], ctx: Context) -> list[Line]:
    lines = []
    for key, to_label in _PARTNER_FIELDS:
        a, b = old.get(key), new.get(key)
        if to_label is not None:
            a, b = to_label(as_text(a)) if a is not None else None, to_label(as_text(b)) if b is not None else None
        lines += value_change(label(key, "partner"), a, b)
    lines += mapping_change(
        label("identifiers", "partner"),
        old.get("identifiers"),
        new.get("identifiers"),
        sub_labels("identifiers", kind="partner"),
        "Identyfikator {}",
    )
    for key in _PARTNER_CONTACT:
        lines += value_change(label(key, "partner"), old.get(key), new.get(key))
    address = label("address", "partner")
    lines += mapping_change(
        address,
        old.get("address"),
        new.get("address"),
        sub_labels("address", f"{address} – ", "partner"),
        f"{address} – pole {{}}",
    )
    lines += _territory(label("territory", "partner"), old.get("territory"), new.get("territory"), ctx)
    if as_text(old.get("description")) != as_text(new.get("description")):
        lines.append(Line("Zmieniony opis"))
    lines += value_change(label("id", "partner"), old.get("id"), new.get("id"))
    lines += value_change(label("format", "partner"), old.get("format"), new.get("format"))
    lines += other_fields(old, new, _PARTNER_KNOWN, "Zmienione pole {}", (), 0, "partner:")
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


def _compare(folder: str, fid: str, before: Side | None, after: Side | None, ctx: Context) -> FileChange | None:
    title_key = "title" if folder == BUNDLES else "name"
    unreadable = [
        (which, side)
        for which, side in (("przed zmianą", before), ("po zmianie", after))
        if side is not None and side.data is None
    ]
    if unreadable:
        readable = next((s.data for s in (after, before) if s is not None and s.data is not None), {}) or {}
        change = FileChange(folder, fid, UNREADABLE, as_text(readable.get(title_key)))
        change.lines = [
            Line(f"Nie można odczytać pliku {which}: {{}}", (side.problem or "",)) for which, side in unreadable
        ]
        return change
    if before is None and after is not None and after.data is not None:
        data = after.data
        lines = (
            _new_bundle_lines(data, ctx)
            if folder == BUNDLES
            else [Line("{}", (vocab.PARTNER_KINDS.label(as_text(data.get("kind"))),))]
        )
        return FileChange(folder, fid, ADDED, as_text(data.get(title_key)), lines)
    if after is None and before is not None and before.data is not None:
        return FileChange(folder, fid, REMOVED, as_text(before.data.get(title_key)))
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
    return FileChange(folder, fid, CHANGED, as_text(after.data.get(title_key)), lines)


def partner_names(partners: Iterable[tuple[str, Side]]) -> dict[str, str]:
    """Partner names by id ("Dołącza: GOPS Kramsk"): short name, else name; a later file wins."""
    names: dict[str, str] = {}
    for pid, side in partners:
        if side.data is not None:
            name = as_text(side.data.get("short_name")) or as_text(side.data.get("name"))
            if name:
                names[pid] = name
    return names


def compare(
    pairs: Iterable[FilePair], names: Mapping[str, str], register: Register, base: str = "", head: str = ""
) -> ContentDiff:
    """The changes of every pair of files; `names` are partners' names by id, `base`/`head` the revisions' ids."""
    result = ContentDiff(base=base, head=head)
    context = Context(names=dict(names), register=register)
    for pair in pairs:
        change = _compare(pair.folder, pair.id, pair.before, pair.after, context)
        if change is not None:
            (result.bundles if pair.folder == BUNDLES else result.partners).append(change)
    # Broken files first, then changes to existing bundles: when the report is
    # cut to size, what a reviewer most needs is what stays.
    order = {UNREADABLE: 0, CHANGED: 1, ADDED: 2, REMOVED: 3}
    result.bundles.sort(key=lambda c: (order[c.status], c.id))
    result.partners.sort(key=lambda c: (order[c.status], c.id))
    return result
