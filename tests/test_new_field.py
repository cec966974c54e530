"""Adding an optional field is one edit: an entry in the field tree (issue 7).

Each test adds one field to the tree only (the tree of this test, monkeypatched),
writes real YAML files that use it, and finds it in every output: the JSON Schema,
the validator, the /format/ reference, the diff's labels, the page built by MkDocs,
the JSON and CSV exports, Decap's configuration, the editor preview's labels and
the scaffold of `wiazki new`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import contentkit as kit
import fieldkit
import sitehelpers as h
from git_helpers import SITE_MKDOCS_YML
from wiazki.editor.config import EditorSettings, decap_config
from wiazki.editor.site import editor_data
from wiazki.format import fields, schema
from wiazki.format.field import NAME_MAX, Field, enum, text, texts
from wiazki.format.teryt import load_register
from wiazki.format.vocab import Vocabulary
from wiazki.model import Catalogue
from wiazki.new_bundle.scaffold import NewBundle, bundle_yaml
from wiazki.revisions.changes import FilePair, Side
from wiazki.revisions.compare import compare
from wiazki.revisions.render import render_text
from wiazki.validation.validator import validate_content
from wiazki.views.format_reference import format_reference

#: The partner whose file gets the field (it has an address).
PARTNER = "owes-konin"
FUNDING = Vocabulary("funding_status", "Stan finansowania", {"secured": "Zapewnione", "sought": "Poszukiwane"})


@dataclass(frozen=True)
class Case:
    """One optional field: where it goes in the tree, a good value and a value the validator refuses."""

    kind: str
    parent: str
    field: Field
    value: Any
    bad: Any
    shown: str  # the value as the page shows it

    @property
    def path(self) -> str:
        return f"{self.parent}.{self.field.name}" if self.parent else self.field.name


CASES = {
    "bundle-string": Case(
        "bundle",
        "",
        text("audience_note", "Kto jeszcze skorzysta", "Inne osoby, którym wiązka pomaga.", NAME_MAX),
        "Także opiekunowie <b>rodzinni</b>",
        "x" * (NAME_MAX + 1),
        "Także opiekunowie &lt;b&gt;rodzinni&lt;/b&gt;",
    ),
    "partner-string": Case(
        "partner",
        "",
        text("motto", "Hasło organizacji", "Jedno zdanie o tym, co robi organizacja.", NAME_MAX),
        "Razem łatwiej",
        ["nie", "tekst"],
        "Razem łatwiej",
    ),
    "vocabulary": Case(
        "bundle",
        "",
        enum("funding_status", FUNDING, "Czy finansowanie wiązki jest zapewnione."),
        "sought",
        "maybe",
        "Poszukiwane",
    ),
    # A field inside an object the CSV flattens: `column=""` keeps it out of the CSV (see CONTRIBUTING).
    "contact-string": Case(
        "bundle",
        "contact",
        replace(text("hours", "Godziny dyżurów", "Kiedy ktoś odbiera telefon.", NAME_MAX), column=""),
        "pon.–pt. 8–16",
        "",
        "pon.–pt. 8–16",
    ),
    "address-string": Case(
        "partner",
        "address",
        replace(text("floor", "Piętro", "Gdzie w budynku jest biuro.", NAME_MAX), column=""),
        "II piętro, pokój 12",
        "x" * (NAME_MAX + 1),
        "II piętro, pokój 12",
    ),
    "design-string": Case(
        "bundle",
        "design.define",
        text("stakeholders", "Interesariusze", "Kogo jeszcze dotyczy wyzwanie.", NAME_MAX),
        "Sołtysi i <i>parafia</i>",
        ["nie", "tekst"],
        "Sołtysi i &lt;i&gt;parafia&lt;/i&gt;",
    ),
    "canvas-list": Case(
        "bundle",
        "canvas",
        texts("success_measures", "Mierniki sukcesu", "Po czym poznamy, że wiązka działa.", "Miernik"),
        ["Liczba seniorów w programie", "Mniej wezwań pogotowia"],
        [1, 2],
        "Mniej wezwań pogotowia",
    ),
}


@pytest.fixture(params=sorted(CASES))
def case(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Case]:
    """The field tree with the case's field added, and every cache of the tree cleared before and after."""
    found = CASES[request.param]
    with fieldkit.tree_with(monkeypatch, found.kind, found.parent, found.field):
        yield found
    with pytest.raises(KeyError):
        fields.field_at(found.kind, found.path)


def _set(data: dict[str, Any], case: Case, value: Any) -> dict[str, Any]:
    data = kit.deepcopy(data)
    target = data
    for key in filter(None, case.parent.split(".")):
        target = target[key]
    target[case.field.name] = value
    return data


def _content(root: Path, case: Case, value: Any) -> Path:
    """A content folder (real YAML files) whose bundle or partner `owes-konin` holds `value` in the field."""
    bundle, partner = kit.valid_bundle(), kit.owes()
    if case.kind == "bundle":
        bundle = _set(bundle, case, value)
    else:
        partner = _set(partner, case, value)
    # A partner with a website and no address: its contact list is shown without one.
    gops = {**kit.gops(), "website": "https://example.org/gops/"}
    partners = {p["id"]: p for p in (partner, gops, kit.coop())}
    return kit.write_content(root, bundles={bundle["id"]: bundle}, partners=partners)


def _schema_property(case: Case) -> dict[str, Any]:
    node: dict[str, Any] = schema.schemas()[case.kind]
    for key in case.path.split("."):
        node = node["properties"][key]
    return node


def test_the_schema_has_the_field_optional_with_its_label(case: Case) -> None:
    assert _schema_property(case)["title"] == case.field.label
    parent = schema.schemas()[case.kind]
    for key in filter(None, case.parent.split(".")):
        parent = parent["properties"][key]
    assert case.field.name not in parent.get("required", [])


def test_the_validator_accepts_the_field_and_refuses_a_bad_value(case: Case, tmp_path: Path) -> None:
    good = validate_content(_content(tmp_path / "dobre", case, case.value), today=kit.TODAY)
    assert good.errors == [], good.errors
    bad = validate_content(_content(tmp_path / "zle", case, case.bad), today=kit.TODAY)
    assert [p for p in bad.errors if f"`{case.path}" in p.message], bad.errors


def test_the_format_reference_describes_the_field(case: Case) -> None:
    row = next(line for line in format_reference().splitlines() if f"`{case.path}`" in line)
    assert case.field.label in row and case.field.description in row


def test_the_diff_names_the_field_by_its_label(case: Case) -> None:
    old = kit.valid_bundle() if case.kind == "bundle" else kit.owes()
    new = _set(old, case, case.value)
    folder = "bundles" if case.kind == "bundle" else "partners"
    diff = render_text(compare([FilePair(folder, old["id"], Side(old), Side(new))], {}, load_register()))
    # Inside an object the label follows the object's ("Kontakt – godziny dyżurów").
    assert case.field.label.lower() in diff.lower()


def test_the_editor_has_the_field_and_the_preview_its_label(case: Case) -> None:
    collection = "bundles" if case.kind == "bundle" else "partners"
    config = decap_config(EditorSettings(local_backend="http://127.0.0.1:8081/api/v1"))
    node: dict[str, Any] = next(c for c in config["collections"] if c["name"] == collection)
    for key in case.path.split("."):
        node = next(f for f in node["fields"] if f["name"] == key)
    assert node["label"] == case.field.label and node["required"] is False
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    assert editor_data(catalogue)["labels"][case.kind][case.path] == case.field.label


@pytest.mark.parametrize("case", [name for name, found in CASES.items() if found.kind == "bundle"], indirect=True)
def test_the_scaffold_offers_the_bundle_field_with_its_hint(case: Case) -> None:
    new = NewBundle("nowa-wiazka", "Nowa wiązka testowa", "owes-konin", [kit.KRAMSK], date(2026, 11, 27))
    line = next(line for line in bundle_yaml(new).splitlines() if f"{case.field.name}:" in line)
    assert line.lstrip().startswith("#") and fields.hint(case.kind, case.path) in line


@pytest.fixture
def site(case: Case, tmp_path: Path) -> Path:
    """A real MkDocs build of content that uses the field."""
    project = tmp_path / "projekt"
    _content(project / "content", case, case.value)
    (project / "mkdocs.yml").write_text(SITE_MKDOCS_YML.format(plugins="  - wiazki\n"), encoding="utf-8")
    (project / "docs").mkdir()
    (project / "docs/index.md").write_text("# Katalog\n\n<!-- wiazki:home -->\n", encoding="utf-8")
    return h.build(project)


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "api" / name).read_text(encoding="utf-8-sig"))))


def test_the_built_site_shows_and_exports_the_field(case: Case, site: Path) -> None:
    if case.kind == "bundle":
        page = (site / "wiazki" / "senior-u-siebie" / "index.html").read_text(encoding="utf-8")
        record = json.loads((site / "api/bundles.json").read_text(encoding="utf-8"))["bundles"][0]
        row = _csv(site, "bundles.csv")[0]
    else:
        page = (site / "partnerzy" / PARTNER / "index.html").read_text(encoding="utf-8")
        records = json.loads((site / "api/partners.json").read_text(encoding="utf-8"))["partners"]
        record = next(r for r in records if r["id"] == PARTNER)
        row = next(r for r in _csv(site, "partners.csv") if r["id"] == PARTNER)
    assert case.field.label in page and case.shown in page
    exported = record
    for key in case.path.split("."):
        exported = exported[key]
    assert exported == case.value
    if case.parent:
        # The CSV holds the top-level values; the canvas and the design record are in the JSON
        # only, and a field of `contact` or `address` stays out with `column=""`.
        assert not [name for name in row if case.field.name in name]
        return
    # New columns come last (the promise on /dane/): the published ones keep their places.
    assert list(row)[-1 if case.field.vocabulary is None else -2] == case.field.name
    assert row[case.field.name] == case.value
    if case.field.vocabulary is not None:
        assert record[f"{case.field.name}_label"] == row[f"{case.field.name}_label"] == case.shown


#: The CSV headers published with format 1 (/dane/ promises new columns only at the end).
PUBLISHED_COLUMNS = {
    "bundle": "id,url,title,summary,stage,stage_label,territory,territory_names,voivodeships,facilitator,groups,"
    "group_labels,service_types,service_areas,fees,services,contact_email,contact_phone,contact_url,"
    "revenue_total_pln,cost_total_pln,reviewed",
    "partner": "id,url,name,short_name,sector,sector_label,kind,kind_label,social_enterprise,krs,nip,regon,"
    "website,email,phone,street,postal_code,city,address_teryt,territory,bundles",
}


def test_the_csv_headers_derived_from_the_tree_begin_with_the_published_ones() -> None:
    """A field added at the end of the tree adds a column at the end; one added inside
    `contact`, `identifiers` or `address`, or before other fields, would move published
    columns: this test then asks for `column=""` in its entry or an announced change."""
    from wiazki.views.exports import bundle_columns, partner_columns

    for kind, columns in (("bundle", bundle_columns()), ("partner", partner_columns())):
        published = PUBLISHED_COLUMNS[kind].split(",")
        assert columns[: len(published)] == published, kind
