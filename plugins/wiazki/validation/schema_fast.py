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


def _patterns_hold(node: Any, instance: Any) -> bool:
    """Every `pattern` the schema applies to `instance` or inside it matches (ECMA-262)."""
    if not isinstance(node, dict):
        return True
    pattern = node.get("pattern")
    if pattern is not None and isinstance(instance, str) and not regex.search(pattern, instance):
        return False
    if isinstance(instance, dict):
        properties = node.get("properties", {})
        extra = node.get("additionalProperties", True)
        for key, value in instance.items():
            child = properties.get(key, extra) if isinstance(key, str) else extra
            if not _patterns_hold(child, value):
                return False
    elif isinstance(instance, list) and "items" in node:
        return all(_patterns_hold(node["items"], value) for value in instance)
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

    def is_valid(instance: Any) -> bool:
        try:
            if not rust.is_valid(instance):
                return False
        except Exception:  # a value it cannot take (a huge number, a key that is not text)
            return False
        return _patterns_hold(schema, instance)

    return is_valid
