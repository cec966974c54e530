"""Open data: the catalogue as JSON and CSV.

The JSON records follow the bundle format (field names and nesting as in the
YAML files), plus `url` and a few derived, labelled fields; the top level carries
`"format": 1`. Nothing time-dependent goes in, so the same content always gives
byte-identical files. CSV cells that a spreadsheet would run as a formula are
prefixed with a quote (OWASP "CSV injection").
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from wiazki import FORMAT_VERSION, SCHEMA_BASE_URL
from wiazki.format import vocab
from wiazki.format.fields import field_at
from wiazki.model import Bundle, Catalogue, Partner

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != () and v != []}


def _amount(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _group(record: Any, path: str, kind: str = "bundle", *, drop: bool = True) -> dict[str, Any]:
    """A model record as its file writes it: the keys of the field tree's object at `path`, in
    the tree's order, from the record's attributes (or its `extra`); amounts as in the file,
    tuples as lists; empty values dropped when `drop`."""
    extra = dict(getattr(record, "extra", ()))
    data: dict[str, Any] = {}
    for child in field_at(kind, path).children:
        value = getattr(record, child.name) if hasattr(record, child.name) else extra.get(child.name)
        data[child.name] = _amount(value) if child.type == "amount" else _listed(value)
    return _drop_none(data) if drop else data


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def bundle_record(bundle: Bundle, catalogue: Catalogue, url: str) -> dict[str, Any]:
    c, d = bundle.canvas, bundle.design
    register = catalogue.register
    return _drop_none(
        {
            "id": bundle.id,
            "url": url,
            "title": bundle.title,
            "summary": bundle.summary,
            "description": bundle.description,
            "stage": bundle.stage,
            "stage_label": bundle.stage_label,
            "territory": list(bundle.territory),
            "territory_names": [register.describe(code) for code in bundle.territory],
            "voivodeships": list(catalogue.voivodeships_of(bundle)),
            "facilitator": bundle.facilitator,
            "contact": _group(bundle.contact, "contact") if bundle.contact else None,
            "reviewed": bundle.reviewed,
            "groups": list(bundle.groups),
            "service_types": list(bundle.service_types),
            "canvas": {
                "customer_segments": [_group(s, "canvas.customer_segments[]", drop=False) for s in c.customer_segments],
                "value_proposition": _drop_none(
                    {
                        "summary": c.value_summary,
                        "services": [_group(s, "canvas.value_proposition.services[]") for s in c.services],
                    }
                ),
                "channels": list(c.channels),
                "customer_relationships": list(c.customer_relationships),
                "revenue_streams": [_group(r, "canvas.revenue_streams[]") for r in c.revenue_streams],
                "key_resources": list(c.key_resources),
                "key_activities": list(c.key_activities),
                "key_partners": [_group(k, "canvas.key_partners[]", drop=False) for k in c.key_partners],
                "cost_structure": [_group(x, "canvas.cost_structure[]") for x in c.cost_structure],
            },
            "design": _drop_none(
                {
                    "discover": _drop_none({"methods": list(d.methods), "findings": list(d.findings)}) or None,
                    "define": _drop_none({"challenge": d.challenge, "needs": list(d.needs)}) or None,
                    "ideate": _drop_none({"ideas": list(d.ideas), "chosen": d.chosen}) or None,
                    "prototype": {"tests": [_group(t, "design.prototype.tests[]", drop=False) for t in d.tests]}
                    if d.tests
                    else None,
                    "plan": _drop_none(
                        {
                            "start": d.start,
                            "milestones": [_group(m, "design.plan.milestones[]", drop=False) for m in d.milestones],
                            "risks": list(d.risks),
                        }
                    )
                    or None,
                }
            ),
            "links": [_group(link, "links[]", drop=False) for link in bundle.links],
            "keywords": list(bundle.keywords),
        }
    )


def partner_record(partner: Partner, catalogue: Catalogue, url: str) -> dict[str, Any]:
    return _drop_none(
        {
            "id": partner.id,
            "url": url,
            "name": partner.name,
            "short_name": partner.short_name,
            "sector": partner.sector,
            "sector_label": partner.sector_label,
            "kind": partner.kind,
            "kind_label": partner.kind_label,
            "social_enterprise": partner.social_enterprise or None,
            "identifiers": _group(partner, "identifiers", "partner") or None,
            "website": partner.website,
            "email": partner.email,
            "phone": partner.phone,
            "address": _group(partner.address, "address", "partner") if partner.address else None,
            "territory": list(partner.territory),
            "description": partner.description,
            "bundles": [
                _drop_none(
                    {
                        "id": p.bundle.id,
                        "roles": list(dict.fromkeys(k.role for k in p.roles)) or None,
                        "facilitator": p.is_facilitator or None,
                        "services": [s.name for s in p.services],
                    }
                )
                for p in catalogue.participation(partner.id)
            ],
        }
    )


def _json(kind: str, records: list[dict[str, Any]], meta: dict[str, Any] | None) -> str:
    # `meta`: format_version, generated and licence (wiazki.views.opendata.metadata).
    document = {
        "format": FORMAT_VERSION,
        **(meta or {}),
        "schema": f"{SCHEMA_BASE_URL}{kind[:-1]}.schema.json",
        kind: records,
    }
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    # The same data, but inert if someone pastes it into an HTML page or a <script>.
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e") + "\n"


def bundles_json(catalogue: Catalogue, url: Callable[[str], str], meta: dict[str, Any] | None = None) -> str:
    return _json("bundles", [bundle_record(b, catalogue, url(b.id)) for b in catalogue.bundles.values()], meta)


def partners_json(catalogue: Catalogue, url: Callable[[str], str], meta: dict[str, Any] | None = None) -> str:
    return _json("partners", [partner_record(p, catalogue, url(p.id)) for p in catalogue.partners.values()], meta)


def csv_cell(value: Any) -> str:
    """A cell a spreadsheet shows as text: formulas are neutralised with a leading quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "tak" if value else "nie"
    text = str(value) if not isinstance(value, float) or not value.is_integer() else str(int(value))
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    out = io.StringIO()
    # A byte-order mark tells Excel the file is UTF-8 (without it Polish letters are garbled).
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def _joined(values: Any) -> str:
    return "; ".join(values)


BUNDLE_COLUMNS = [
    "id",
    "url",
    "title",
    "summary",
    "stage",
    "stage_label",
    "territory",
    "territory_names",
    "voivodeships",
    "facilitator",
    "groups",
    "group_labels",
    "service_types",
    "service_areas",
    "fees",
    "services",
    "contact_email",
    "contact_phone",
    "contact_url",
    "revenue_total_pln",
    "cost_total_pln",
    "reviewed",
]


def bundles_csv(catalogue: Catalogue, url: Callable[[str], str]) -> str:
    rows = []
    for b in catalogue.bundles.values():
        c = b.canvas
        rows.append(
            [
                b.id,
                url(b.id),
                b.title,
                b.summary,
                b.stage,
                b.stage_label,
                _joined(b.territory),
                _joined(catalogue.register.describe(code) for code in b.territory),
                _joined(catalogue.voivodeships_of(b)),
                b.facilitator,
                _joined(b.groups),
                _joined(vocab.TARGET_GROUPS.label(g) for g in b.groups),
                _joined(b.service_types),
                _joined(b.service_areas),
                _joined(b.fees),
                _joined(s.name for s in c.services),
                b.contact.email if b.contact else None,
                b.contact.phone if b.contact else None,
                b.contact.url if b.contact else None,
                c.revenue_total if any(r.amount_pln is not None for r in c.revenue_streams) else None,
                c.cost_total if any(x.amount_pln is not None for x in c.cost_structure) else None,
                b.reviewed,
            ]
        )
    return _csv(BUNDLE_COLUMNS, rows)


PARTNER_COLUMNS = [
    "id",
    "url",
    "name",
    "short_name",
    "sector",
    "sector_label",
    "kind",
    "kind_label",
    "social_enterprise",
    "krs",
    "nip",
    "regon",
    "website",
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
    "address_teryt",
    "territory",
    "bundles",
]


def partners_csv(catalogue: Catalogue, url: Callable[[str], str]) -> str:
    rows = []
    for p in catalogue.partners.values():
        a = p.address
        rows.append(
            [
                p.id,
                url(p.id),
                p.name,
                p.short_name,
                p.sector,
                p.sector_label,
                p.kind,
                p.kind_label,
                p.social_enterprise,
                p.krs,
                p.nip,
                p.regon,
                p.website,
                p.email,
                p.phone,
                a.street if a else None,
                a.postal_code if a else None,
                a.city if a else None,
                a.teryt if a else None,
                _joined(p.territory),
                _joined(x.bundle.id for x in catalogue.participation(p.id)),
            ]
        )
    return _csv(PARTNER_COLUMNS, rows)
