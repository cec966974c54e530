"""catalogue.js on the hand-written contract page (tests/browser/fixtures/catalogue.html).

These pin the script's own logic (text folding, stems, the Polish count, sections)
apart from the MkDocs build; the same behaviour on the built site is tested in
test_catalogue_site.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ASSETS = Path(__file__).resolve().parents[2] / "plugins" / "wiazki" / "assets"


def test_script_never_parses_html() -> None:
    source = (ASSETS / "catalogue.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", source, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, f"catalogue.js uses {sink}"


def test_script_is_es2019() -> None:
    code = (ASSETS / "catalogue.js").read_text(encoding="utf-8")
    # Optional chaining and nullish coalescing are ES2020.
    assert not re.search(r"\?\.[A-Za-z_(\[]|\?\?", code)


needs_browser = pytest.mark.browser


@pytest.fixture
def contract_page(page, fixture_site):
    page.goto(fixture_site.url())
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    return page


def visible_titles(page) -> list[str]:
    return page.eval_on_selector_all(".wiazki-card:not([hidden]) h3", "nodes => nodes.map(n => n.textContent.trim())")


FOLDED = [("Łódź", "lodz"), ("ŻÓŁĆ gęślą", "zolc gesla"), ("Seniorów", "seniorow")]
STEMS = [("seniorow", "senior"), ("uslugi", "uslu"), ("dom", "dom"), ("opieka", "opie"), ("rodzin", "rodz")]
COUNTS = [
    (1, 1, "Pokazano 1 z 1 wiązki"),
    (0, 2, "Pokazano 0 z 2 wiązek"),
    (3, 4, "Pokazano 3 z 4 wiązek"),
    (5, 5, "Pokazano 5 z 5 wiązek"),
    (12, 14, "Pokazano 12 z 14 wiązek"),
    (2, 22, "Pokazano 2 z 22 wiązek"),
]


@needs_browser
def test_fold_strips_polish_diacritics(contract_page) -> None:
    got = contract_page.evaluate("ts => ts.map(t => wiazkiCatalogue.fold(t))", [t for t, _ in FOLDED])
    assert got == [f for _, f in FOLDED]


@needs_browser
def test_stem_drops_two_letters_keeping_four(contract_page) -> None:
    got = contract_page.evaluate("ws => ws.map(w => wiazkiCatalogue.stem(w))", [w for w, _ in STEMS])
    assert got == [s for _, s in STEMS]


@needs_browser
def test_count_uses_the_genitive_after_z(contract_page) -> None:
    # "Pokazano 3 z 4 wiązek": after "z <total>" the noun is genitive, singular
    # only for 1 ("z 1 wiązki"), plural for every other total ("z 22 wiązek").
    got = contract_page.evaluate(
        "cs => cs.map(([s, t]) => wiazkiCatalogue.countText(s, t))", [[s, t] for s, t, _ in COUNTS]
    )
    assert got == [text for _, _, text in COUNTS]


@needs_browser
def test_partner_count_text(contract_page) -> None:
    assert contract_page.evaluate("wiazkiCatalogue.countText(1, 1, 'partners')") == "Pokazano 1 z 1 partnera"
    assert contract_page.evaluate("wiazkiCatalogue.countText(3, 53, 'partners')") == "Pokazano 3 z 53 partnerów"


@needs_browser
def test_inflected_query_finds_other_forms_without_diacritics(contract_page) -> None:
    contract_page.fill("#f-q", "seniorów")
    assert visible_titles(contract_page) == ["Senior u siebie"]
    contract_page.fill("#f-q", "lodz mlodziez")  # "Łódź", "młodzież"
    assert visible_titles(contract_page) == ["Krok dalej"]
    contract_page.fill("#f-q", "osób starszych kraków")  # every word must match one card
    assert visible_titles(contract_page) == []


@needs_browser
def test_empty_sections_hide_and_a_message_shows(contract_page) -> None:
    toc = ".md-nav--secondary a[href$='#h-dostepne']"
    toc2 = ".md-nav--secondary a[href$='#h-w-projektowaniu']"
    assert contract_page.is_visible(toc)
    contract_page.select_option("#f-stage", "prototype")
    assert contract_page.is_hidden("#dostepne")
    assert contract_page.is_hidden(toc), "the table of contents still lists a hidden section"
    assert contract_page.is_visible("#w-projektowaniu")
    assert contract_page.is_visible(toc2)
    assert contract_page.is_hidden(".wiazki-none")
    contract_page.fill("#f-q", "nic-takiego")
    assert contract_page.is_hidden("#w-projektowaniu")
    assert contract_page.is_hidden(toc2)
    assert contract_page.text_content(".wiazki-none") == "Brak wiązek spełniających kryteria."
    assert contract_page.is_visible(".wiazki-none")
    contract_page.wait_for_function("document.getElementById('wiazki-count').textContent === 'Pokazano 0 z 4 wiązek'")


@needs_browser
def test_unknown_url_values_are_ignored(page, fixture_site) -> None:
    page.goto(fixture_site.url("?group=nie-ma-takiej&powiat=1211&voivodeship=30"))
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert page.input_value("#f-group") == ""
    # powiat 1211 is in małopolskie, not in the chosen wielkopolskie
    assert page.input_value("#f-powiat") == ""
    assert page.text_content("#wiazki-count") == "Pokazano 2 z 4 wiązek"
    assert "group=" not in page.url and "powiat=" not in page.url


@needs_browser
def test_init_is_idempotent(contract_page) -> None:
    contract_page.evaluate("wiazkiCatalogue.init(); wiazkiCatalogue.init()")
    assert contract_page.locator(".wiazki-reset").count() == 1
    assert contract_page.locator(".wiazki-none").count() == 1
    contract_page.select_option("#f-group", "homeless")
    assert visible_titles(contract_page) == ["Klucz do domu"]
