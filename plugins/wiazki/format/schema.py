"""The JSON Schemas (2020-12) of bundle and partner files, generated from the field tree.

Each field of `wiazki.format.fields` becomes a property with its Polish label as
`title`; typed strings (ids, dates, URLs, …) and the service and test objects are
published once in `$defs` and referenced.

`schemas/*.schema.json` in the repository are this module's output
(`wiazki schema --write schemas/`); a test keeps them in step. Only keywords every
2020-12 validator understands decide validity (no `format`, whose checking differs
between validators): dates, e-mails and URLs are checked with ECMA-compatible
patterns, written with `[0-9]` rather than `\\d`, which Python reads as any
Unicode digit.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from wiazki import SCHEMA_BASE_URL
from wiazki.format.field import SHARED_TYPES, Field, SharedType
from wiazki.format.fields import tree
from wiazki.format.patterns import (  # noqa: F401  (re-exported: the patterns' old home)
    DATE_PATTERN,
    EMAIL_PATTERN,
    FIELD_PATTERN_MESSAGES,
    ID_PATTERN,
    KRS_PATTERN,
    NIP_PATTERN,
    NONBLANK_PATTERN,
    PATTERN_MESSAGES,
    PHONE_PATTERN,
    POSTAL_CODE_PATTERN,
    REGON_PATTERN,
    TERYT_PATTERN,
    URL_PATTERN,
)

BUNDLE_SCHEMA_ID = SCHEMA_BASE_URL + "bundle.schema.json"
PARTNER_SCHEMA_ID = SCHEMA_BASE_URL + "partner.schema.json"
_IDS = {"bundle": BUNDLE_SCHEMA_ID, "partner": PARTNER_SCHEMA_ID}
#: Shared definitions every schema carries, whether it uses them or not.
_COMMON_DEFS = ("id", "date", "url", "email", "phone", "teryt")


def _shared_def(shared: SharedType) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": shared.json_type, "title": shared.label, "description": shared.description}
    if shared.pattern == NONBLANK_PATTERN:
        schema["minLength"] = shared.min_length
        schema["pattern"] = shared.pattern
    elif shared.pattern is not None:
        schema["pattern"] = shared.pattern
        if shared.min_length is not None:
            schema["minLength"] = shared.min_length
    if shared.max_length is not None:
        schema["maxLength"] = shared.max_length
    if shared.minimum is not None:
        schema["minimum"] = shared.minimum
    if shared.maximum is not None:
        schema["maximum"] = shared.maximum
    return schema


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


def _property(node: Field, defs: dict[str, Any], *, item: bool = False) -> dict[str, Any]:
    """The schema of one field; shared types and `def_name` objects go to `defs` once."""
    shared = node.shared
    if shared is not None:
        defs.setdefault(shared.def_name, _shared_def(shared))
        if item:
            return _ref(shared.def_name)
        return {**_ref(shared.def_name), "title": node.label, "description": node.description}
    if node.type == "object" and node.def_name is not None:
        if node.def_name not in defs:
            defs[node.def_name] = None  # keep $defs in order of first use
            defs[node.def_name] = _object(node, defs)
        return _ref(node.def_name)
    described = {"title": node.label, "description": node.description}
    if node.type in ("string", "markdown"):
        schema: dict[str, Any] = {"type": "string", **described, "minLength": node.min_length, "pattern": node.pattern}
        if node.max_length is not None:
            schema["maxLength"] = node.max_length
        return schema
    if node.type == "code":
        return {"type": "string", **described, "pattern": node.pattern, "maxLength": node.max_length}
    if node.type == "enum":
        assert node.vocabulary is not None
        return {
            "type": "string",
            **described,
            "enum": list(node.vocabulary),
            # Shown by editors (VS Code's YAML extension) next to each suggestion.
            "markdownEnumDescriptions": [node.vocabulary.label(key) for key in node.vocabulary],
        }
    if node.type == "int":
        return {"type": "integer", **described, "minimum": node.minimum, "maximum": node.maximum}
    if node.type == "bool":
        return {"type": "boolean", **described}
    if node.type == "const":
        return {"const": node.const, **described}
    if node.type == "list":
        assert node.item is not None
        schema = {"type": "array", **described, "items": _property(node.item, defs, item=True)}
        if node.min_items is not None:
            schema["minItems"] = node.min_items
        return schema
    if node.type == "object":
        return _object(node, defs)
    raise ValueError(f"no schema for field type {node.type!r} ({node.path})")


def _object(node: Field, defs: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "title": node.label,
        "description": node.description,
        "additionalProperties": False,
        "properties": {child.name: _property(child, defs) for child in node.children},
    }
    required = [child.name for child in node.children if child.required]
    if required:
        schema["required"] = required
    return schema


def _schema(kind: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    for name in _COMMON_DEFS:
        defs[name] = _shared_def(SHARED_TYPES[name])
    schema = _object(tree(kind), defs)
    # Shared types first (in their own order), then shared objects in order of first use.
    order = [shared.def_name for shared in SHARED_TYPES.values()]
    defs = dict(sorted(defs.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else len(order)))
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": _IDS[kind], **schema, "$defs": defs}


def bundle_schema() -> dict[str, Any]:
    """The schema of content/bundles/*.yml, generated from `wiazki.format.fields`."""
    return _schema("bundle")


def partner_schema() -> dict[str, Any]:
    """The schema of content/partners/*.yml, generated from `wiazki.format.fields`."""
    return _schema("partner")


@cache
def schemas() -> dict[str, dict[str, Any]]:
    """Both schemas by kind of file ("bundle", "partner")."""
    return {"bundle": bundle_schema(), "partner": partner_schema()}


def schema_text(kind: str) -> str:
    """The published text of a schema: stable key order, UTF-8, trailing newline."""
    return json.dumps(schemas()[kind], ensure_ascii=False, indent=2) + "\n"
