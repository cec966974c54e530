"""The editor's configuration is the field tree: every field, the right widget, nothing else."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import yaml

from wiazki.editor.config import EditorSettings, decap_config
from wiazki.editor.site import Vendor, config_yaml, explanation
from wiazki.format.fields import field_at, iter_fields

EXPECTED_WIDGETS = {
    "markdown": {"markdown"},
    "date": {"datetime"},
    "amount": {"number"},
    "int": {"number"},
    "bool": {"boolean"},
    "const": {"hidden"},
    "enum": {"select"},
    "partner-ref": {"relation"},
    "list": {"list"},
    "object": {"object"},
}


def config_fields(fields: list[dict[str, Any]], prefix: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(path in the field tree's notation, Decap field) for every field of a collection."""
    for entry in fields:
        path = f"{prefix}.{entry['name']}" if prefix else entry["name"]
        yield path, entry
        if entry["widget"] == "list":
            yield path + "[]", entry.get("field", {"widget": "object", "fields": entry.get("fields")})
            if "fields" in entry:
                yield from config_fields(entry["fields"], path + "[]")
            elif entry["field"]["widget"] == "object":
                yield from config_fields(entry["field"]["fields"], path + "[]")
        elif entry["widget"] == "object":
            yield from config_fields(entry["fields"], path)


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    # Through the YAML text Decap reads, so that what is tested is what is published.
    return yaml.safe_load(config_yaml(EditorSettings(base_url="https://logowanie.example.org")))


def collection(config: dict[str, Any], name: str) -> dict[str, Any]:
    return next(c for c in config["collections"] if c["name"] == name)


@pytest.mark.parametrize(("kind", "name"), [("bundle", "bundles"), ("partner", "partners")])
def test_every_field_is_in_the_config_with_its_widget_and_nothing_else(config, kind, name):
    in_config = dict(config_fields(collection(config, name)["fields"]))
    in_tree = {node.path: node for node in iter_fields(kind)}
    assert set(in_config) == set(in_tree)
    for path, node in in_tree.items():
        widget = in_config[path]["widget"]
        assert widget in EXPECTED_WIDGETS.get(node.type, {"string", "text"}), (path, node.type, widget)
        if node.name:
            assert in_config[path]["label"] == node.label
        if node.type == "enum":
            assert [o["value"] for o in in_config[path]["options"]] == list(node.vocabulary)
            assert [o["label"] for o in in_config[path]["options"]] == [
                node.vocabulary.label(k) for k in node.vocabulary
            ]


def test_dates_are_days_without_time_and_integers_are_integers(config):
    fields = dict(config_fields(collection(config, "bundles")["fields"]))
    for path in ("reviewed", "design.prototype.tests[].date", "design.plan.start", "design.plan.milestones[].date"):
        assert fields[path]["date_format"] == "YYYY-MM-DD"
        assert fields[path]["time_format"] is False
        assert "format" not in fields[path]
    participants = fields["design.prototype.tests[].participants"]
    assert participants["value_type"] == "int"
    assert participants["min"] == field_at("bundle", "design.prototype.tests[].participants").minimum
    assert fields["canvas.cost_structure[].amount_pln"]["value_type"] == "float"


def test_partner_references_are_relations_and_the_facilitator_is_an_owes(config):
    fields = dict(config_fields(collection(config, "bundles")["fields"]))
    for path in ("facilitator", "canvas.value_proposition.services[].provider", "canvas.key_partners[].partner"):
        assert fields[path]["collection"] == "partners"
        assert fields[path]["value_field"] == "id"
    assert fields["facilitator"]["filters"] == [{"field": "kind", "values": ["owes"]}]
    assert "filters" not in fields["canvas.key_partners[].partner"]


def test_patterns_have_polish_messages_and_compile(config):
    for name in ("bundles", "partners"):
        for path, entry in config_fields(collection(config, name)["fields"]):
            if "pattern" in entry:
                pattern, message = entry["pattern"]
                re.compile(pattern)
                assert re.search("[ąćęłńóśźż]", message) or message.startswith(("Wartość", "Wpisz")), path
    fields = dict(config_fields(collection(config, "bundles")["fields"]))
    title = re.compile(fields["title"]["pattern"][0])
    assert title.search("Senior u siebie") and not title.search("    ") and not title.search("x" * 121)
    assert fields["contact.email"]["pattern"][1].startswith("Wartość musi być adresem e-mail")


def test_lists_of_objects_have_a_summary_and_stage_hints_name_the_stage(config):
    fields = dict(config_fields(collection(config, "bundles")["fields"]))
    for path in (
        "canvas.value_proposition.services",
        "canvas.revenue_streams",
        "canvas.cost_structure",
        "design.prototype.tests",
        "design.plan.milestones",
    ):
        assert "{{fields." in fields[path]["summary"], path
    staged = [node for node in iter_fields("bundle") if node.required_from]
    assert staged
    for node in staged:
        assert "Wymagane od etapu" in fields[node.path]["hint"]


def test_collections_pull_requests_and_sign_in(config):
    assert config["locale"] == "pl"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"]["open_authoring"] is True
    assert config["backend"]["base_url"] == "https://logowanie.example.org"
    bundles = collection(config, "bundles")
    assert (bundles["folder"], bundles["extension"], bundles["slug"]) == ("content/bundles", "yml", "{{fields.id}}")
    assert collection(config, "partners")["folder"] == "content/partners"
    assert "local_backend" not in config
    local = decap_config(EditorSettings(local_backend="http://127.0.0.1:8081/api/v1"))
    assert local["local_backend"]["url"] == "http://127.0.0.1:8081/api/v1"
    assert "base_url" not in local["backend"]


def test_without_a_relay_admin_explains_in_polish(tmp_path):
    text = explanation(EditorSettings(), Vendor.under(tmp_path))
    assert "pośrednika logowania" in text
    assert "../logowanie-w-edytorze.md" in text
    assert "make edit" in text
