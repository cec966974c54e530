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
