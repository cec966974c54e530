"""Search records and word forms without a site generator; the index stays out of git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

import contentkit as kit
import sitehelpers as h
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.search.forms import WordForms, fold_l
from wiazki.search.records import HIDDEN_MARK, RecordBuilder, pagefind_html

REPO = Path(__file__).resolve().parents[1]


def _catalogue() -> Catalogue:
    return Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())


def test_forms_reach_genitive_plurals_and_place_names_in_other_cases() -> None:
    forms = WordForms()
    assert forms.available
    assert "seniorów" in forms.of("seniorzy") and "seniorom" in forms.of("Senior")
    assert "opiekunów" in forms.of("opiekun")
    assert "Konin" in forms.of("Koninie") and "Kraków" in forms.of("Krakowa")
    # Adjectives give every case and gender, not the comparative or superlative degree.
    assert "niepełnosprawnych" in forms.of("niepełnosprawni")
    assert not [f for f in forms.of("ciepły") if f.startswith("naj")]


def test_forms_of_unknown_and_short_words_are_empty_and_cached() -> None:
    forms = WordForms()
    assert forms.of("xqzwy") == () and forms.of("w") == ()
    assert forms.of("dom") is forms.of("dom")


def test_fold_l_spells_l_without_the_stroke() -> None:
    assert fold_l("Wołomin") == "Wolomin" and fold_l("ŁÓDŹ") == "LÓDŹ"


def test_bundle_record_has_meta_filters_and_index_only_forms() -> None:
    catalogue = _catalogue()
    bundle = next(iter(catalogue.bundles.values()))
    record = RecordBuilder().bundle(bundle, catalogue, f"wiazki/{bundle.id}/")
    assert record.kind == "bundle" and record.meta["kind"] == "Wiązka"
    assert record.meta["stage"] == bundle.stage_label
    assert record.filters == {"kind": ["bundle"], "bundle": [bundle.id]}
    hidden = {w for _, group in record.hidden for w in group}
    visible = " ".join(text for _, text in record.fields)
    assert "seniorów" in hidden and "seniorów" not in visible
    # Each index-only word is new at its weight: nothing is repeated from a heavier field.
    assert all(group for _, group in record.hidden)


def test_pagefind_document_escapes_text_and_keeps_meta_out_of_the_body() -> None:
    catalogue = _catalogue()
    bundle = next(iter(catalogue.bundles.values()))
    record = RecordBuilder().bundle(bundle, catalogue, "wiazki/x/")
    hostile = record.__class__(
        url="wiazki/x/",
        kind="bundle",
        title='<script>alert(1)</script> "a", b',
        fields=[(10.0, "t"), (1.0, "<img src=x onerror=alert(1)>")],
        hidden=[(1.0, ["<b>"])],
        meta={"territory": 'Kramsk (gmina), "powiat", <i>'},
    )
    document = pagefind_html(hostile)
    assert "<script>" not in document and "<img" not in document and "<b>" not in document and "<i>" not in document
    assert "&lt;script&gt;" in document and HIDDEN_MARK in document
    body = document[document.index("<main") :]
    assert "data-pagefind-meta" not in body and "data-pagefind-filter" not in body


def test_hand_page_record_drops_permalinks_and_markup() -> None:
    html = '<h2 id="a">Jak dodać <em>wiązkę</em><a class="headerlink" href="#a">¶</a></h2><p>Tekst &amp; więcej</p>'
    record = RecordBuilder().page("jak-dodac-wiazke/", "Jak dodać wiązkę", html)
    assert record.fields[1][1] == "Jak dodać wiązkę Tekst & więcej"
    assert record.meta == {"kind": "Strona"} and record.filters == {"kind": ["page"]}


def test_no_search_index_is_ever_committed() -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    index_files = [p for p in tracked if "pagefind" in Path(p).parts or p.endswith((".pf_fragment", ".pf_index"))]
    assert index_files == []
    assert "search_index.json" not in {Path(p).name for p in tracked}


def test_every_serve_rebuild_writes_a_fresh_index_into_the_site(tmp_path: Path) -> None:
    h.fixture_content(tmp_path / "content")
    project = h.make_project(tmp_path)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins["wiazki"].on_startup(command="serve", dirty=False)
    with h.frozen_today():
        build(config, serve_url="http://127.0.0.1:8000/wiazki/")
        first = h.pagefind_fragments(project / "site")
        assert "Senior u siebie w gminie Kramsk" in first["wiazki/senior-u-siebie/"]["meta"]["title"]
        bundle = project / "content" / "bundles" / "senior-u-siebie.yml"
        bundle.write_text(
            bundle.read_text(encoding="utf-8").replace("Senior u siebie w gminie Kramsk", "Senior u siebie w Kramsku"),
            encoding="utf-8",
        )
        build(config, serve_url="http://127.0.0.1:8000/wiazki/")
    second = h.pagefind_fragments(project / "site")
    assert second["wiazki/senior-u-siebie/"]["meta"]["title"].startswith("Senior u siebie w Kramsku")
    assert len(second) == len(first)
    assert (project / "site" / "pagefind" / "pagefind.js").stat().st_size > 0
    assert (project / "site" / "pagefind" / "pagefind-worker.js").stat().st_size > 0
