"""The model built from validated content, and the sample catalogue it holds."""

from __future__ import annotations

from pathlib import Path

import contentkit as kit
from wiazki.format import vocab
from wiazki.format.teryt import load_register
from wiazki.model import build_catalogue
from wiazki.validation.validator import validate_content

ROOT = Path(__file__).resolve().parents[1]


def catalogue_of(root):
    return build_catalogue(validate_content(root, today=kit.TODAY), load_register())


def test_bundle_model_from_fixture(tmp_path):
    kit.write_content(tmp_path)
    catalogue = catalogue_of(tmp_path)
    bundle = catalogue.bundles["senior-u-siebie"]
    assert bundle.stage_label == "Dostępna (usługi są świadczone)" and bundle.status == "available"
    assert bundle.groups == ("older_persons",) and bundle.service_types == ("care", "meals", "telecare")
    assert bundle.canvas.revenue_total == 108500.5 and bundle.canvas.cost_total == 84000
    assert [r.period for r in bundle.canvas.revenue_streams] == ["2026", "2026"]
    assert bundle.design.filled_sections == frozenset(vocab.DESIGN_STAGES)
    assert catalogue.voivodeships_of(bundle) == ("30",) and catalogue.powiats_of(bundle) == ("3010",)


def test_participation_lists_roles_and_services(tmp_path):
    kit.write_content(tmp_path)
    catalogue = catalogue_of(tmp_path)
    (part,) = catalogue.participation("dobry-kat")
    assert [r.role for r in part.roles] == ["provider"] and len(part.services) == 2 and not part.is_facilitator
    assert catalogue.participation("owes-konin")[0].is_facilitator


def test_broken_files_are_left_out_of_the_catalogue(tmp_path):
    broken = kit.valid_bundle("zepsuta")
    broken["stage"] = "nieznany"
    kit.write_content(tmp_path, {"senior-u-siebie": kit.valid_bundle(), "zepsuta": broken})
    assert list(catalogue_of(tmp_path).bundles) == ["senior-u-siebie"]


def test_sample_catalogue_meets_the_brief():
    catalogue = catalogue_of(ROOT / "content")
    bundles = catalogue.bundles.values()
    assert len(catalogue.bundles) >= 8 and len(catalogue.partners) >= 25
    assert {b.stage for b in bundles} == set(vocab.STAGES)
    assert len({v for b in bundles for v in catalogue.voivodeships_of(b)}) >= 5
    assert {p.sector for p in catalogue.partners.values()} == set(vocab.SECTORS)
    # Available bundles come first in the catalogue.
    statuses = [b.status for b in bundles]
    assert statuses == sorted(statuses, key=["available", "design", "closed"].index)


def test_sample_files_are_marked_as_sample_data():
    for path in (ROOT / "content").glob("*/*.yml"):
        assert "Dane przykładowe" in path.read_text(encoding="utf-8").splitlines()[1], path


def test_a_whole_voivodeship_covers_its_powiaty(tmp_path):
    bundle = kit.valid_bundle()
    bundle["territory"] = ["30"]
    kit.write_content(tmp_path, {"senior-u-siebie": bundle})
    catalogue = catalogue_of(tmp_path)
    powiats = catalogue.powiats_of(catalogue.bundles["senior-u-siebie"])
    assert "3010" in powiats and "3064" in powiats and all(p.startswith("30") for p in powiats)
    assert len(powiats) == 35
