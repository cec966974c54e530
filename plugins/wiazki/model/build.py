"""Records from a file's data: only files that validated without errors get here."""

from __future__ import annotations

from dataclasses import fields as record_fields
from typing import Any

from wiazki.format import vocab
from wiazki.format.field import Field
from wiazki.format.fields import field_at, tree
from wiazki.format.values import filled
from wiazki.model.records import (
    Address,
    Bundle,
    Canvas,
    Contact,
    Cost,
    Design,
    KeyPartner,
    Link,
    Milestone,
    Partner,
    PrototypeTest,
    Revenue,
    Segment,
    Service,
)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(item for item in value or () if isinstance(item, str))


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _number(value: Any) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _period(value: Any) -> str | None:
    if isinstance(value, bool):
        return None
    return str(value) if isinstance(value, (str, int)) else None


#: The objects of the field tree a record models: (kind, path) → the record and the
#: children it models under other names. Any other child is the record's `extra`.
MODELLED: dict[tuple[str, str], tuple[type, tuple[str, ...]]] = {
    ("bundle", ""): (Bundle, ()),
    ("bundle", "canvas"): (Canvas, ("value_proposition",)),
    ("bundle", "contact"): (Contact, ()),
    ("bundle", "canvas.value_proposition.services[]"): (Service, ()),
    ("partner", "address"): (Address, ()),
    ("partner", ""): (Partner, ("identifiers",)),
    # The five Design Thinking sections share one record: a name it holds is modelled.
    **{("bundle", f"design.{section}"): (Design, ()) for section in vocab.DESIGN_STAGES},
}


def unmodelled(kind: str, path: str) -> tuple[Field, ...]:
    """The children of the object at `path` ("" for the root) of the `kind` tree that its
    record (`MODELLED`) does not name: the fields pages show generically. Constants are left out."""
    record, modelled = MODELLED[(kind, path)]
    known = {f.name for f in record_fields(record)} | set(modelled)
    children = (field_at(kind, path) if path else tree(kind)).children
    return tuple(c for c in children if c.name not in known and c.type != "const")


def _extra(data: dict[str, Any], kind: str, path: str) -> tuple[tuple[str, Any], ...]:
    """(name, value) of the filled `unmodelled` fields of `data`, the object at `path`."""
    return tuple((c.name, data[c.name]) for c in unmodelled(kind, path) if filled(data.get(c.name)))


def bundle_from_data(data: dict[str, Any]) -> Bundle:
    canvas = data.get("canvas") or {}
    value = canvas.get("value_proposition") or {}
    design = data.get("design") or {}
    discover, define, ideate = design.get("discover") or {}, design.get("define") or {}, design.get("ideate") or {}
    prototype, plan = design.get("prototype") or {}, design.get("plan") or {}
    contact = data.get("contact")
    return Bundle(
        id=data["id"],
        title=data["title"],
        summary=data["summary"],
        description=_opt(data.get("description")),
        stage=data["stage"],
        territory=_texts(data.get("territory")),
        facilitator=data["facilitator"],
        reviewed=data["reviewed"],
        contact=Contact(
            contact["email"],
            _opt(contact.get("phone")),
            _opt(contact.get("url")),
            _opt(contact.get("note")),
            _extra(contact, "bundle", "contact"),
        )
        if isinstance(contact, dict) and contact.get("email")
        else None,
        canvas=Canvas(
            customer_segments=tuple(
                Segment(s["group"], s["description"]) for s in canvas.get("customer_segments") or ()
            ),
            value_summary=_opt(value.get("summary")),
            services=tuple(
                Service(
                    s["name"],
                    s["type"],
                    s["area"],
                    s["provider"],
                    s["description"],
                    s["access"],
                    s["fee"],
                    _opt(s.get("fee_note")),
                    _extra(s, "bundle", "canvas.value_proposition.services[]"),
                )
                for s in value.get("services") or ()
            ),
            channels=_texts(canvas.get("channels")),
            customer_relationships=_texts(canvas.get("customer_relationships")),
            revenue_streams=tuple(
                Revenue(r["source"], r["description"], _number(r.get("amount_pln")), _period(r.get("period")))
                for r in canvas.get("revenue_streams") or ()
            ),
            key_resources=_texts(canvas.get("key_resources")),
            key_activities=_texts(canvas.get("key_activities")),
            key_partners=tuple(
                KeyPartner(k["partner"], k["role"], k["contribution"]) for k in canvas.get("key_partners") or ()
            ),
            cost_structure=tuple(
                Cost(c["item"], _number(c.get("amount_pln")), _period(c.get("period")))
                for c in canvas.get("cost_structure") or ()
            ),
            extra=_extra(canvas, "bundle", "canvas"),
        ),
        design=Design(
            methods=_texts(discover.get("methods")),
            findings=_texts(discover.get("findings")),
            challenge=_opt(define.get("challenge")),
            needs=_texts(define.get("needs")),
            ideas=_texts(ideate.get("ideas")),
            chosen=_opt(ideate.get("chosen")),
            tests=tuple(
                PrototypeTest(
                    t["date"], t["participants"], t["method"], _texts(t.get("feedback")), _texts(t.get("changes"))
                )
                for t in prototype.get("tests") or ()
            ),
            start=_opt(plan.get("start")),
            milestones=tuple(Milestone(m["date"], m["milestone"]) for m in plan.get("milestones") or ()),
            risks=_texts(plan.get("risks")),
            filled_sections=frozenset(s for s in vocab.DESIGN_STAGES if filled(design.get(s))),
            extra=tuple(
                (s, found)
                for s in vocab.DESIGN_STAGES
                if (found := _extra(design.get(s) or {}, "bundle", f"design.{s}"))
            ),
        ),
        links=tuple(Link(link["title"], link["url"]) for link in data.get("links") or ()),
        keywords=_texts(data.get("keywords")),
        data=data,
        extra=_extra(data, "bundle", ""),
    )


def partner_from_data(data: dict[str, Any]) -> Partner:
    identifiers = data.get("identifiers") or {}
    address = data.get("address")
    return Partner(
        id=data["id"],
        name=data["name"],
        short_name=_opt(data.get("short_name")),
        sector=data["sector"],
        kind=data["kind"],
        social_enterprise=data.get("social_enterprise") is True,
        krs=_opt(identifiers.get("krs")),
        nip=_opt(identifiers.get("nip")),
        regon=_opt(identifiers.get("regon")),
        website=_opt(data.get("website")),
        email=_opt(data.get("email")),
        phone=_opt(data.get("phone")),
        address=Address(
            address["street"],
            address["postal_code"],
            address["city"],
            _opt(address.get("teryt")),
            _extra(address, "partner", "address"),
        )
        if isinstance(address, dict)
        else None,
        territory=_texts(data.get("territory")),
        description=_opt(data.get("description")),
        data=data,
        extra=_extra(data, "partner", ""),
    )
