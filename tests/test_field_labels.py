"""Labels on the pages come from the field tree: renaming a field there renames it on every page."""

from __future__ import annotations

from dataclasses import replace

import pytest

import contentkit as kit
import fieldkit
from wiazki.format import bundle_fields, partner_fields
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views.site import SiteViews
from wiazki.views.templates import field_label

#: Labels the bundle and partner pages print, by field path.
BUNDLE_PAGE_LABELS = (
    "stage",
    "territory",
    "facilitator",
    "description",
    "canvas",
    "canvas.value_proposition.services",
    "canvas.value_proposition.services[].type",
    "canvas.value_proposition.services[].area",
    "canvas.value_proposition.services[].provider",
    "canvas.value_proposition.services[].fee",
    "contact",
    "contact.email",
    "design.discover.methods",
    "design.define.needs",
    "design.plan.milestones",
)
PARTNER_PAGE_LABELS = ("sector", "identifiers", "identifiers.krs", "email")


def _views() -> SiteViews:
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    return SiteViews(catalogue)


def _relabelled(node, suffix: str):
    """The tree under `node` with `suffix` appended to every label."""
    return replace(
        node,
        label=node.label + suffix,
        item=_relabelled(node.item, suffix) if node.item else None,
        children=tuple(_relabelled(child, suffix) for child in node.children),
    )


@pytest.fixture
def relabelled(monkeypatch):
    """Every label of both trees ends in " (Z)"; caches cleared before and after."""
    monkeypatch.setattr(bundle_fields, "BUNDLE", _relabelled(bundle_fields.BUNDLE, " (Z)"))
    monkeypatch.setattr(partner_fields, "PARTNER", _relabelled(partner_fields.PARTNER, " (Z)"))
    fieldkit.clear_tree_caches()
    yield
    monkeypatch.undo()
    fieldkit.clear_tree_caches()
    assert not field_label("stage").endswith(" (Z)")


def test_the_pages_print_the_labels_of_the_tree() -> None:
    views = _views()
    bundle_html = views.bundle_page(views.catalogue.bundles["senior-u-siebie"]).html
    for path in BUNDLE_PAGE_LABELS:
        assert field_label(path) in bundle_html, path
    partner_html = views.partner_page(views.catalogue.partners[kit.owes()["id"]]).html
    for path in PARTNER_PAGE_LABELS:
        assert field_label(path, "partner") in partner_html, path


def test_a_label_renamed_in_the_tree_is_renamed_on_the_pages(relabelled) -> None:
    views = _views()
    bundle_html = views.bundle_page(views.catalogue.bundles["senior-u-siebie"]).html
    assert "<dt>Realizator (Z)</dt>" in bundle_html
    assert '<h2 id="canvas">Business Model Canvas (Z)</h2>' in bundle_html
    assert "<h4>Kamienie milowe (Z)</h4>" in bundle_html
    assert "<dt>Realizator</dt>" not in bundle_html
    partner_html = views.partner_page(views.catalogue.partners[kit.owes()["id"]]).html
    assert "<dt>Sektor (Z)</dt>" in partner_html
    # The catalogue's filters, the partner directory's filter and the figures too.
    assert ">Rodzaj usługi (Z)</label>" in views.catalogue_page().html
    assert '<label for="partner-sector">Sektor (Z)</label>' in views.partners_page().html
    numbers_html = views.numbers_page().html
    assert "Rodzaj usługi (Z)" in numbers_html and "Sektor (Z)" in numbers_html


def test_an_unknown_path_is_an_error_not_an_empty_label() -> None:
    with pytest.raises(KeyError):
        field_label("canvas.no_such_block")
