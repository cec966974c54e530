"""A fast yes to "does this file pass the schema?", with the verdict of the full check.

Most files in a build pass. jsonschema (Python) takes about 1.3 ms per bundle to say
so, a third of validating a 1,000-bundle catalogue; jsonschema-rs (Rust, the
JSON-Schema-Test-Suite passed for draft 2020-12) takes about 0.05 ms. Its answer is
used only when it is yes; a no, or anything it cannot judge, goes to jsonschema,
which finds the errors and their paths for the Polish messages
(validation/schema_messages.py). The verdict is the same by construction:

- `pattern` is ECMA-262 in our schemas, checked by regress (format/regex.py); Rust's
  regex engine is another dialect. The Rust validator gets the schema without its
  patterns, and `_patterns_hold` checks each pattern with regress where the schema
  applies it (the keywords that apply a subschema to a value are walked here too).
- The walk knows `properties`, `additionalProperties` and `items`; a schema with any
  other keyword that applies subschemas (`anyOf`, `$ref` left after inlining, …) or an
  unknown one gets no fast path at all (`fast_validator` returns None): every file
  then goes to jsonschema, as before.
- Without jsonschema-rs (not installed, or no wheel for the machine), likewise.

tests/test_schema_fast.py compares both verdicts on the sample content, every invalid
fixture, hundreds of mutated bundles and partners, and hostile YAML values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wiazki.format import regex

#: Keywords whose meaning the fast path keeps: assertions the Rust validator checks,
#: annotations nobody checks, and the applicators `_patterns_hold` walks.
_ASSERTIONS = {"type", "enum", "const", "minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum"}
_ASSERTIONS |= {"required", "additionalProperties", "uniqueItems"}
_ANNOTATIONS = {"$schema", "$id", "title", "description", "markdownEnumDescriptions", "default", "examples"}
_APPLICATORS = {"properties", "items", "additionalProperties"}


def _supported(node: Any) -> bool:
    if not isinstance(node, dict):
        return isinstance(node, bool)  # `additionalProperties: false`
    if not set(node) <= _ASSERTIONS | _ANNOTATIONS | _APPLICATORS | {"pattern"}:
        return False
    children = list(node.get("properties", {}).values())
    children += [node[key] for key in ("items", "additionalProperties") if key in node]
    return all(_supported(child) for child in children)


def _without_patterns(node: Any) -> Any:
    """The schema without its `pattern` keywords; a field named "pattern" and the values
    of `enum`, `const` and the annotations are data, kept as they are."""
    if not isinstance(node, dict):
        return node
    bare = {key: value for key, value in node.items() if key != "pattern"}
    if "properties" in node:
        bare["properties"] = {name: _without_patterns(child) for name, child in node["properties"].items()}
    for key in ("items", "additionalProperties"):
        if key in node:
            bare[key] = _without_patterns(node[key])
    return bare


@dataclass(frozen=True)
class _Patterns:
    """The part of a schema node `_patterns_hold` walks: its own `pattern`, and only the
    children with a `pattern` somewhere below (the rest cannot fail it)."""

    pattern: str | None
    declared: frozenset[str]  # every name in `properties`, with a pattern below or not
    properties: dict[str, _Patterns]
    extra: _Patterns | None  # additionalProperties
    items: _Patterns | None


def _patterns(node: Any) -> _Patterns | None:
    """`node`'s `_Patterns`, None when no `pattern` applies in or below it."""
    if not isinstance(node, dict):
        return None
    declared = node.get("properties", {})
    properties = {name: found for name, child in declared.items() if (found := _patterns(child)) is not None}
    extra = _patterns(node.get("additionalProperties", True))
    items = _patterns(node["items"]) if "items" in node else None
    pattern = node.get("pattern")
    if pattern is None and not properties and extra is None and items is None:
        return None
    return _Patterns(pattern, frozenset(declared), properties, extra, items)


def _patterns_hold(node: _Patterns, instance: Any) -> bool:
    """Every `pattern` the schema applies to `instance` or inside it matches (ECMA-262)."""
    pattern = node.pattern
    if pattern is not None and isinstance(instance, str) and not regex.search(pattern, instance):
        return False
    if isinstance(instance, dict):
        for key, value in instance.items():
            child = node.properties.get(key) if isinstance(key, str) and key in node.declared else node.extra
            if child is not None and not _patterns_hold(child, value):
                return False
    elif isinstance(instance, list) and node.items is not None:
        items = node.items
        return all(_patterns_hold(items, value) for value in instance)
    return True


def fast_validator(schema: dict[str, Any]) -> Callable[[Any], bool] | None:
    """`is_valid(instance)` for `schema` (refs already inlined): True only when the
    schema passes; False means "ask jsonschema". None: no fast path for this schema."""
    if not _supported(schema):
        return None
    try:
        import jsonschema_rs
    except ImportError:
        return None
    try:
        rust = jsonschema_rs.validator_for(_without_patterns(schema))
    except Exception:  # a schema it refuses: jsonschema judges every file
        return None

    patterns = _patterns(schema)

    def is_valid(instance: Any) -> bool:
        try:
            if not rust.is_valid(instance):
                return False
        except Exception:  # a value it cannot take (a huge number, a key that is not text)
            return False
        return patterns is None or _patterns_hold(patterns, instance)

    return is_valid
