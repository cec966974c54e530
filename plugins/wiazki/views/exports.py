"""Open data: the catalogue as JSON and CSV.

The JSON records and most CSV columns come from the field tree
(`wiazki.views.tree_export`): field names and nesting as in the YAML files, so a
field added to the tree is exported with no edit here. This module adds what the
files do not hold (`url`, territory names, totals…), each anchored after a tree
field; the top level carries `"format": 1`. Nothing time-dependent goes in, so the same content always gives
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
from wiazki.model import Bundle, Catalogue, Partner
from wiazki.views.tree_export import csv_columns, csv_row, json_record

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != () and v != []}


def bundle_record(bundle: Bundle, catalogue: Catalogue, url: str) -> dict[str, Any]:
    """The file's data through the field tree (`tree_export.json_record`) and what the file does not hold."""
    return json_record(
        "bundle",
        bundle.data,
        {
            "id": {"url": url},
            "territory": {
                "territory_names": [catalogue.register.describe(code) for code in bundle.territory],
                "voivodeships": list(catalogue.voivodeships_of(bundle)),
            },
            "reviewed": {"groups": list(bundle.groups), "service_types": list(bundle.service_types)},
        },
    )


def partner_record(partner: Partner, catalogue: Catalogue, url: str) -> dict[str, Any]:
    """The file's data through the field tree and the partner's part in each bundle."""
    bundles = [
        _drop_none(
            {
                "id": p.bundle.id,
                "roles": list(dict.fromkeys(k.role for k in p.roles)) or None,
                "facilitator": p.is_facilitator or None,
                "services": [s.name for s in p.services],
            }
        )
        for p in catalogue.participation(partner.id)
    ]
    return json_record("partner", partner.data, {"id": {"url": url}, "description": {"bundles": bundles}})


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


#: The bundle CSV's computed columns, each after the tree field it is anchored to; the
#: other columns come from the field tree (`tree_export.csv_columns`).
BUNDLE_COMPUTED: dict[str, tuple[str, ...]] = {
    "id": ("url",),
    "territory": ("territory_names", "voivodeships"),
    "facilitator": ("groups", "group_labels", "service_types", "service_areas", "fees", "services"),
    "contact": ("revenue_total_pln", "cost_total_pln"),
}
#: The partner CSV's computed columns.
PARTNER_COMPUTED: dict[str, tuple[str, ...]] = {"id": ("url",), "description": ("bundles",)}


def bundle_columns() -> list[str]:
    """The header of bundles.csv."""
    return [column.name for column in csv_columns("bundle", BUNDLE_COMPUTED)]


def partner_columns() -> list[str]:
    """The header of partners.csv."""
    return [column.name for column in csv_columns("partner", PARTNER_COMPUTED)]


def _bundle_computed(b: Bundle, catalogue: Catalogue, url: str) -> dict[str, Any]:
    c = b.canvas
    return {
        "url": url,
        "territory_names": _joined(catalogue.register.describe(code) for code in b.territory),
        "voivodeships": _joined(catalogue.voivodeships_of(b)),
        "groups": _joined(b.groups),
        "group_labels": _joined(vocab.TARGET_GROUPS.label(g) for g in b.groups),
        "service_types": _joined(b.service_types),
        "service_areas": _joined(b.service_areas),
        "fees": _joined(b.fees),
        "services": _joined(s.name for s in c.services),
        "revenue_total_pln": c.revenue_total if any(r.amount_pln is not None for r in c.revenue_streams) else None,
        "cost_total_pln": c.cost_total if any(x.amount_pln is not None for x in c.cost_structure) else None,
    }


def bundles_csv(catalogue: Catalogue, url: Callable[[str], str]) -> str:
    columns = csv_columns("bundle", BUNDLE_COMPUTED)
    rows = [csv_row(columns, b.data, _bundle_computed(b, catalogue, url(b.id))) for b in catalogue.bundles.values()]
    return _csv([column.name for column in columns], rows)


def partners_csv(catalogue: Catalogue, url: Callable[[str], str]) -> str:
    columns = csv_columns("partner", PARTNER_COMPUTED)
    rows = [
        csv_row(
            columns,
            p.data,
            {"url": url(p.id), "bundles": _joined(x.bundle.id for x in catalogue.participation(p.id))},
        )
        for p in catalogue.partners.values()
    ]
    return _csv([column.name for column in columns], rows)
