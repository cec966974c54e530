"""The published JSON Schemas: valid 2020-12, Polish on every property, one source, same verdicts elsewhere."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import contentkit as kit
from wiazki import SCHEMA_BASE_URL
from wiazki.format import vocab
from wiazki.format.schema import schema_text, schemas
from wiazki.validation.loader import load_file
from wiazki.validation.schema_messages import schema_problems

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


@pytest.mark.parametrize("kind", ["bundle", "partner"])
def test_schema_is_valid_2020_12_with_an_id(kind):
    schema = schemas()[kind]
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"] == f"{SCHEMA_BASE_URL}{kind}.schema.json"


@pytest.mark.parametrize("kind", ["bundle", "partner"])
def test_published_schema_equals_the_generated_one(kind):
    assert (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8") == schema_text(kind)


def _walk_properties(schema, path=""):
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}.{name}", sub
        yield from _walk_properties(sub, f"{path}.{name}")
        if isinstance(sub.get("items"), dict):
            yield from _walk_properties(sub["items"], f"{path}.{name}[]")
    for name, sub in schema.get("$defs", {}).items():
        yield from _walk_properties(sub, f"$defs.{name}")


@pytest.mark.parametrize("kind", ["bundle", "partner"])
def test_every_property_has_a_polish_title_and_description(kind):
    polish = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
    seen = 0
    for path, sub in _walk_properties(schemas()[kind]):
        seen += 1
        assert sub.get("title") and sub.get("description"), path
    text = json.dumps(schemas()[kind], ensure_ascii=False)
    assert seen > 20 and polish & set(text)


def test_no_format_keyword_decides_validity():
    assert '"format": "' not in schema_text("bundle") + schema_text("partner")


def test_vocabularies_come_from_one_source():
    bundle = schemas()["bundle"]
    service = bundle["$defs"]["service"]["properties"]
    assert service["type"]["enum"] == list(vocab.SERVICE_TYPES)
    assert service["type"]["markdownEnumDescriptions"] == [vocab.SERVICE_TYPES.label(k) for k in vocab.SERVICE_TYPES]
    assert bundle["properties"]["stage"]["enum"] == list(vocab.STAGES)
    assert schemas()["partner"]["properties"]["kind"]["enum"] == list(vocab.PARTNER_KINDS)


def test_vocabularies_hold_every_id_of_the_format():
    spec_ids = {
        "older_persons",
        "persons_with_disabilities",
        "children_with_disabilities",
        "persons_needing_daily_support",
        "dependent_persons",
        "informal_carers",
        "families_with_children",
        "families_in_crisis",
        "large_families",
        "children_youth",
        "foster_care_leavers",
        "homeless",
        "poverty_exclusion_risk",
        "unemployed",
        "economically_inactive",
        "mental_health",
        "addiction",
        "ex_offenders",
        "violence_affected",
        "migrants_refugees",
        "persons_living_alone",
        "local_community",
    }
    assert spec_ids <= set(vocab.TARGET_GROUPS) and len(vocab.SERVICE_AREAS) == 14 and len(vocab.SERVICE_TYPES) == 20
    assert len(vocab.FUNDING_SOURCES) == 18 and set(vocab.FEES) == {"free", "partly_paid", "paid"}
    assert set(vocab.SECTORS) == set(vocab.KINDS_BY_SECTOR)
    assert set(vocab.PARTNER_KINDS) == set(vocab.SECTOR_OF_KIND)


def test_sample_files_reference_the_schema_for_editors():
    for path in sorted((ROOT / "content").glob("*/*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "bundle" if path.parent.name == "bundles" else "partner"
        assert first == f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json", path


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_samples_pass_check_jsonschema_with_the_published_schemas():
    for kind, folder in (("bundle", "bundles"), ("partner", "partners")):
        files = sorted((ROOT / "content" / folder).glob("*.yml"))
        done = check_jsonschema(ROOT / "schemas" / f"{kind}.schema.json", files)
        assert done.returncode == 0, done.stdout + done.stderr


def _mutations():
    def set_path(data, path, value):
        *parents, last = path
        for part in parents:
            data = data[part]
        if value is _DELETE:
            del data[last]
        else:
            data[last] = value

    cases = {
        "missing-title": (("title",), _DELETE),
        "bad-stage": (("stage",), "gotowa"),
        "short-summary": (("summary",), "Za krótko"),
        "bad-teryt-shape": (("territory", 0), "30100"),
        "empty-territory": (("territory",), []),
        "bad-date": (("reviewed",), "15.03.2026"),
        "bad-month": (("reviewed",), "2026-13-01"),
        "ftp-link": (("links", 0, "url"), "ftp://example.org"),
        "javascript-link": (("links", 0, "url"), "javascript:alert(1)"),
        "bad-email": (("contact", "email"), "nie-email"),
        "bad-phone": (("contact", "phone"), "12"),
        "unknown-field": (("canvas", "unknown"), ["x"]),
        "negative-amount": (("canvas", "cost_structure", 0, "amount_pln"), -5),
        "zero-participants": (("design", "prototype", "tests", 0, "participants"), 0),
        "format-2": (("format",), 2),
        "bad-fee": (("canvas", "value_proposition", "services", 0, "fee"), "darmowa"),
        "id-uppercase": (("id",), "Senior"),
        "arabic-indic-digits": (("territory", 0), "٣٠١٠"),
        "valid": None,
    }
    for name, change in cases.items():
        bundle = kit.valid_bundle()
        if change:
            set_path(bundle, *change)
        yield name, bundle


_DELETE = object()


def test_check_jsonschema_gives_the_same_structural_verdict_as_ours(tmp_path):
    files, ours = [], {}
    for name, bundle in _mutations():
        path = tmp_path / f"{name}.yml"
        path.write_text(kit.dump(bundle), encoding="utf-8")
        doc, problems = load_file(path)
        assert not problems
        ours[name] = bool(schema_problems("bundle", doc))
        files.append(path)
    theirs = {}
    for path in files:
        done = check_jsonschema(ROOT / "schemas" / "bundle.schema.json", [path])
        theirs[path.stem] = done.returncode != 0
    assert ours == theirs
    assert ours["valid"] is False and all(v for k, v in ours.items() if k != "valid")


@pytest.mark.skipif(shutil.which("node") is None, reason="Node.js is not installed")
def test_patterns_are_valid_ecma_regexes():
    patterns = sorted(
        {sub["pattern"] for _, sub in _walk_properties(schemas()["bundle"]) if "pattern" in sub}
        | {sub["pattern"] for sub in schemas()["bundle"]["$defs"].values() if "pattern" in sub}
        | {sub["pattern"] for sub in schemas()["partner"]["$defs"].values() if "pattern" in sub}
    )
    script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p, 'u');"
    done = subprocess.run(["node", "-e", script, json.dumps(patterns)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
