"""The field tree: every field labelled and bounded, paths addressable, the schemas derived from it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

import contentkit as kit
import fieldkit
from wiazki.format import bundle_fields, fields
from wiazki.format.field import TEXT_TYPES, TYPES, text
from wiazki.format.schema import schemas
from wiazki.format.teryt import load_register
from wiazki.revisions.changes import FilePair, Side
from wiazki.revisions.compare import compare
from wiazki.revisions.render import render_text
from wiazki.validation.loader import load_file
from wiazki.validation.schema_messages import schema_problems


@pytest.mark.parametrize("kind", fields.KINDS)
def test_every_field_has_a_polish_label_a_description_and_a_known_type(kind):
    for node in fields.iter_fields(kind):
        assert node.type in TYPES, node.path
        assert node.label and node.description, node.path
        if node.type == "enum":
            assert node.vocabulary is not None, node.path


@pytest.mark.parametrize("kind", fields.KINDS)
def test_every_text_field_has_a_maximum_length(kind):
    for node in fields.iter_fields(kind):
        if node.type in TEXT_TYPES or node.type == "period":
            assert node.limit, node.path


@pytest.mark.parametrize(
    ("kind", "path", "limit"),
    [
        ("bundle", "id", 64),
        ("bundle", "title", 120),
        ("bundle", "summary", 300),
        ("bundle", "description", 10_000),
        ("bundle", "canvas.value_proposition.services[].name", 200),
        ("bundle", "canvas.value_proposition.services[].fee_note", 2_000),
        ("bundle", "canvas.channels[]", 2_000),
        ("bundle", "contact.url", 2_000),
        ("bundle", "contact.email", 254),
        ("bundle", "contact.phone", 40),
        ("partner", "name", 200),
        ("partner", "description", 500),
    ],
)
def test_the_limits_of_the_format(kind, path, limit):
    assert fields.field_at(kind, path).limit == limit


def test_paths_are_dotted_with_brackets_for_list_items():
    paths = [node.path for node in fields.iter_fields("bundle")]
    assert paths[:3] == ["format", "id", "title"]
    assert "canvas.key_partners[].role" in paths
    assert "design.prototype.tests[].feedback[]" in paths
    assert paths.index("canvas.channels") + 1 == paths.index("canvas.channels[]")


def test_field_at_accepts_concrete_indices_and_refuses_unknown_paths():
    node = fields.field_at("bundle", "canvas.value_proposition.services[2].fee")
    assert node.path == "canvas.value_proposition.services[].fee"
    assert node.label == "Odpłatność"
    assert list(node.vocabulary) == ["free", "partly_paid", "paid"]
    with pytest.raises(KeyError):
        fields.field_at("bundle", "canvas.nope")


def test_stages_that_require_fields():
    assert fields.field_at("bundle", "contact").required_from == "available"
    assert fields.field_at("bundle", "canvas.cost_structure").required_from == "plan"
    assert fields.field_at("bundle", "design.discover").required_from == "define"
    assert fields.field_at("bundle", "design.plan").required_from == "available"
    assert fields.field_at("bundle", "title").required_from is None


def _schema_paths(schema, node, path=""):
    """Every property path of a schema, in the tree's notation."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
    for name, sub in node.get("properties", {}).items():
        sub_path = f"{path}.{name}" if path else name
        yield sub_path
        yield from _schema_paths(schema, sub, sub_path)
    if "items" in node:
        yield f"{path}[]"
        yield from _schema_paths(schema, node["items"], f"{path}[]")


@pytest.mark.parametrize("kind", fields.KINDS)
def test_the_schema_has_exactly_the_fields_of_the_tree(kind):
    schema = schemas()[kind]
    assert list(_schema_paths(schema, schema)) == [node.path for node in fields.iter_fields(kind)]


def test_text_over_its_limit_is_reported(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["channels"] = ["x" * 2_001]
    path = tmp_path / "senior-u-siebie.yml"
    path.write_text(kit.dump(bundle), encoding="utf-8")
    doc, problems = load_file(path)
    assert not problems
    found = schema_problems("bundle", doc)
    assert [problem.code for problem in found] == ["too-long"]
    assert "`canvas.channels`" in found[0].message and "najwyżej 2000" in found[0].message


@pytest.fixture
def hours_in_services(monkeypatch):
    """The tree with one more optional field, `hours`, in every service; every cache cleared before and after."""
    service = bundle_fields.SERVICE
    extended = replace(service, children=(*service.children, text("hours", "Godziny", "Kiedy działa usługa.")))
    monkeypatch.setattr(bundle_fields, "SERVICE", extended)
    monkeypatch.setattr(bundle_fields, "BUNDLE", _rebuilt_bundle(extended))
    fieldkit.clear_tree_caches()
    yield
    monkeypatch.undo()
    fieldkit.clear_tree_caches()
    assert "hours" not in schemas()["bundle"]["$defs"]["service"]["properties"]


def test_an_optional_field_added_to_the_tree_appears_in_the_schema(hours_in_services):
    service_def = schemas()["bundle"]["$defs"]["service"]
    assert service_def["properties"]["hours"]["title"] == "Godziny"
    assert service_def["properties"]["hours"]["maxLength"] == 2_000
    assert "hours" not in service_def["required"]
    assert fields.field_at("bundle", "canvas.value_proposition.services[0].hours").label == "Godziny"


def test_an_optional_field_added_to_the_tree_is_named_by_its_label_in_the_diff(hours_in_services):
    old = kit.valid_bundle()
    new = kit.deepcopy(old)
    new["canvas"]["value_proposition"]["services"][0]["hours"] = "8–16"
    pairs = [FilePair("bundles", old["id"], Side(old), Side(new))]
    text = render_text(compare(pairs, {}, load_register()))
    name = old["canvas"]["value_proposition"]["services"][0]["name"]
    assert f"Usługa {name}: zmienione pole Godziny" in text


def _rebuilt_bundle(service):
    """The bundle tree with `service` in place of the service object."""

    def swap(node):
        if node.def_name == "service":
            return replace(service, name=node.name)
        return replace(
            node,
            item=swap(node.item) if node.item else None,
            children=tuple(swap(child) for child in node.children),
        )

    return swap(bundle_fields.BUNDLE)


def test_an_optional_field_added_to_the_tree_is_in_the_polish_reference(hours_in_services):
    from wiazki.views.format_reference import format_reference

    reference = format_reference()
    row = next(line for line in reference.splitlines() if "services[].hours" in line)
    assert "Godziny" in row and "Kiedy działa usługa." in row


def test_an_optional_field_added_to_the_tree_is_in_the_json_export(hours_in_services):
    from wiazki.model import Catalogue
    from wiazki.views.exports import bundles_json

    bundle = kit.valid_bundle()
    bundle["canvas"]["value_proposition"]["services"][0]["hours"] = "8–16"
    catalogue = Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())
    exported = json.loads(bundles_json(catalogue, lambda bundle_id: bundle_id))
    services = exported["bundles"][0]["canvas"]["value_proposition"]["services"]
    assert services[0]["hours"] == "8–16"
    assert list(services[0])[-1] == "hours" and "hours" not in services[1]
