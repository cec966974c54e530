"""The fast schema check (jsonschema-rs + ECMA patterns) says yes only when jsonschema does."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

import contentkit as kit
from wiazki.validation.loader import load_file
from wiazki.validation.schema_fast import fast_validator
from wiazki.validation.schema_messages import _passes, as_written, validator

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "invalid"

#: Values put in place of every value of a valid file: wrong types, edge texts, look-alikes.
REPLACEMENTS: list[Any] = [
    "",
    " ",
    "x",
    "a" * 5001,
    "\u00a0tekst",
    "tekst\u200b",
    "٣٠١٠",
    "3010",
    "30100",
    "2026-02-30",
    "https://example.org/",
    "javascript:alert(1)",
    "ftp://example.org",
    "+48 600 100 200",
    "nie-email",
    "a@b.pl",
    "Senior",
    "senior-u-siebie",
    "available",
    "free",
    0,
    -1,
    1,
    1.0,
    1.5,
    10**30,
    float("nan"),
    True,
    False,
    None,
    [],
    ["x"],
    [1],
    {},
    {"x": 1},
]


def _leaves(data: Any, path: tuple = ()):
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:2]):
            yield from _leaves(value, (*path, index))


def _replace(data: Any, path: tuple, value: Any, delete: bool = False) -> Any:
    data = copy.deepcopy(data)
    target = data
    for part in path[:-1]:
        target = target[part]
    if delete:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def _mutants(data: dict[str, Any]):
    for path in _leaves(data):
        if not path:
            continue
        for value in REPLACEMENTS:
            yield _replace(data, path, value)
        yield _replace(data, path, None, delete=True)
        if isinstance(path[-1], str):
            yield _replace(data, (*path[:-1], path[-1] + "_x"), "nieznane pole")


def _slow_passes(kind: str, instance: Any) -> bool:
    return next(iter(validator(kind).iter_errors(instance)), None) is None


@pytest.mark.parametrize(
    ("kind", "valid"),
    [("bundle", kit.valid_bundle()), ("partner", kit.owes()), ("partner", kit.gops())],
)
def test_the_verdicts_agree_on_hundreds_of_mutated_files(kind, valid):
    passes = _passes(kind)
    assert passes is not None, "jsonschema-rs is installed (requirements.lock): the fast path must be on"
    seen = agreed_yes = asked = 0
    for instance in _mutants(valid):
        fast, slow = passes(instance), _slow_passes(kind, instance)
        # A fast yes is the verdict; a fast no only sends the file to jsonschema.
        assert slow or not fast, instance
        seen += 1
        agreed_yes += fast
        asked += slow and not fast  # NaN amounts: JSON has no NaN, jsonschema takes it
    assert seen > 200 and agreed_yes > 5
    assert asked <= 5, "the fast path must answer nearly every file jsonschema passes"


def test_the_verdicts_agree_on_the_sample_content_and_every_invalid_fixture():
    files = sorted((ROOT / "content").glob("*/*.yml")) + sorted(FIXTURES.glob("**/*.yml"))
    assert len(files) > 50
    for path in files:
        doc, _ = load_file(path)
        if doc is None:
            continue
        kind = "partner" if "partner" in path.parent.name or path.name.startswith("partner") else "bundle"
        for each in {kind, "bundle", "partner"}:
            instance = as_written(doc)
            assert _slow_passes(each, instance) or not _passes(each)(instance), (path, each)


def test_a_pattern_is_ecma_262_in_the_fast_check_too():
    # `\d` is ASCII in ECMA-262 (and in our schemas); Python's and Rust's `\d` take any digit.
    bundle = kit.valid_bundle()
    bundle["territory"] = ["٣٠١٠"]
    assert _passes("bundle")(bundle) is False and _slow_passes("bundle", bundle) is False


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "object", "anyOf": [{"required": ["a"]}]},
        {"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}}},
        {"type": "object", "patternProperties": {"^a": {"pattern": "^x$"}}},
        {"type": "array", "prefixItems": [{"pattern": "^x$"}]},
    ],
)
def test_a_schema_the_walk_does_not_know_gets_no_fast_path(schema):
    assert fast_validator(schema) is None


def test_a_field_named_pattern_is_a_field_not_a_keyword():
    # The Rust validator gets the schema without its `pattern` keywords; a field of that
    # name (the tree may grow one) and the values in `enum` must stay, or it says yes
    # to a number where the field wants text.
    schema = {
        "type": "object",
        "properties": {
            "pattern": {"type": "string", "maxLength": 3, "pattern": "^a"},
            "shape": {"enum": [{"pattern": "a"}]},
        },
    }
    fast, slow = fast_validator(schema), validator("bundle").__class__(schema)
    for instance in [{"pattern": 5}, {"pattern": "abcd"}, {"pattern": "ba"}, {"shape": {}}, {"pattern": "ab"}]:
        assert fast(instance) == slow.is_valid(instance), instance


#: YAML 1.2 scalars as a hostile file writes them, put as written where a value belongs.
HOSTILE_YAML = [
    ".nan", ".inf", "-.inf", "1e400", "-1e400", "-0.0", "0x10", "0o17", "99999999999999999999999",
    "1.0", "8.0", "1e6", "1000000000000.0000001", "1000000000001", "true", "~", "2026-01-01",
    '"\\ud800"', '"\\ud83d\\ude00"', '"\\U0001F600"', '"e\\u0301"', '"a\\0b"', '"\\u212A"', '"\\uFEFFx"',
    "[a]", "{a: b}", "[]", "{}", "''", "!!str 1", "!!int 1", "!!float 1",
]  # fmt: skip

#: One value of each kind the schemas check: a constant, an identifier, a text, a
#: vocabulary, a TERYT code, an e-mail address, a date, an amount, an integer count.
HOSTILE_PLACES = [
    ("format",),
    ("id",),
    ("title",),
    ("stage",),
    ("territory", 0),
    ("contact", "email"),
    ("reviewed",),
    ("canvas", "cost_structure", 0, "amount_pln"),
    ("design", "prototype", "tests", 0, "participants"),
]


def test_hostile_yaml_values_get_the_same_problems_with_and_without_the_fast_path(tmp_path, monkeypatch):
    import wiazki.validation.schema_messages as messages

    def problems(doc):
        return [(p.line, p.column, p.code, p.message) for p in messages.schema_problems("bundle", doc)]

    docs = []
    for place in HOSTILE_PLACES:
        for raw in HOSTILE_YAML:
            file = tmp_path / f"w{len(docs)}.yml"
            file.write_text(kit.dump(_replace(kit.valid_bundle(), place, "WSTAW_TUTAJ")).replace("WSTAW_TUTAJ", raw))
            doc, _ = load_file(file)
            if doc is not None:
                docs.append(doc)
    assert len(docs) > 200
    fast = [problems(doc) for doc in docs]
    monkeypatch.setattr(messages, "_passes", lambda kind: None)
    slow = [problems(doc) for doc in docs]
    assert fast == slow
    assert sum(not found for found in fast) > 10, "some hostile values are valid (1.0, 8.0, 1e6, the emoji title)"
