""" "Twoja gmina" and the map of powiaty in Chromium, on a site with bundles at every TERYT level."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from axehelpers import axe_violations, readable

import placeskit
import sitehelpers
from conftest import Site, build_site, serve

pytestmark = pytest.mark.browser

LEVEL_TEXT = {1: "w Twojej gminie", 2: "w Twoim powiecie", 3: "w Twoim województwie"}
PHONE = {"width": 375, "height": 740}


@pytest.fixture(scope="module")
def places_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    project = tmp_path_factory.mktemp("places-project")
    placeskit.write_places(project / "content")
    sitehelpers.make_project(project)
    root = build_site(project / "mkdocs.yml", tmp_path_factory.mktemp("places") / "site")
    site = serve(root, prefix="/wiazki/")
    yield site
    site.stop()


def expected(chosen: str) -> dict[str, str]:
    """Bundle id → level text for a chosen gmina-level code, from the rule in the issue:
    the same gmina (or a city and its dzielnica), its powiat, its województwo."""
    out = {}
    for bundle_id, (_, codes) in placeskit.PLACES.items():
        levels = []
        for code in codes:
            if len(code) == 2 and chosen.startswith(code):
                levels.append(3)
            elif len(code) == 4 and chosen.startswith(code):
                levels.append(2)
            elif len(code) == 7 and (
                code[:6] == chosen[:6] or (code[:4] == chosen[:4] and {code[6], chosen[6]} in ({"1", "8"}, {"1", "9"}))
            ):
                levels.append(1)
        if levels:
            out[bundle_id] = LEVEL_TEXT[min(levels)]
    return out


def shown_cards(page: Any) -> dict[str, str]:
    """Visible cards of the catalogue: bundle id → the level line ("" when none)."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll('article.wiazki-card')]
            .filter(card => !card.hidden && !card.closest('[hidden]'))
            .map(card => [card.querySelector('h3 a').getAttribute('href').split('/').filter(Boolean).pop(),
                          (card.querySelector('.wiazki-level') || {textContent: ''}).textContent]))"""
    )


def options(page: Any) -> list[str]:
    page.wait_for_selector("#wiazki-gmina-list:not([hidden]) [role=option]")
    return page.eval_on_selector_all("#wiazki-gmina-list [role=option]", "els => els.map(e => e.textContent)")


def type_place(page: Any, text: str) -> list[str]:
    field = page.locator("#wiazki-gmina-input")
    field.click()
    field.fill("")
    field.press_sequentially(text, delay=20)
    page.wait_for_function(
        "t => document.querySelector('#wiazki-gmina-list [role=option]') !== null && "
        "document.querySelector('#wiazki-gmina-input').value === t",
        arg=text,
    )
    return options(page)


def test_kramsk_shows_the_bundles_of_its_gmina_powiat_and_voivodeship(page, places_site) -> None:
    page.goto(places_site.url("wiazki/"))
    found = type_place(page, "kramsk")
    assert found[0] == "Kramsk – gmina wiejska, powiat koniński, woj. wielkopolskie"
    field = page.locator("#wiazki-gmina-input")
    assert field.get_attribute("aria-expanded") == "true"
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == "wiazki-gmina-opt-0"
    assert page.get_attribute("#wiazki-gmina-opt-0", "aria-selected") == "true"
    field.press("Enter")
    assert "gmina=3010052" in page.url
    assert field.get_attribute("aria-expanded") == "false"
    assert shown_cards(page) == expected("3010052")
    assert shown_cards(page) == {
        "w-gminie-kramsk": "w Twojej gminie",
        "w-powiecie-koninskim": "w Twoim powiecie",
        "w-wielkopolsce": "w Twoim województwie",
    }
    assert "Kramsk (gmina wiejska, powiat koniński, woj. wielkopolskie)" in page.text_content("#wiazki-gmina-chosen")
    # Cleared: every card again, without level lines.
    page.click(".wiazki-gmina__clear")
    assert "gmina=" not in page.url
    assert set(shown_cards(page)) == set(placeskit.PLACES) and not any(shown_cards(page).values())


def test_nowy_targ_offers_the_town_and_the_rural_gmina(page, places_site) -> None:
    page.goto(places_site.url("wiazki/"))
    found = type_place(page, "nowy targ")
    assert found == [
        "Nowy Targ – gmina miejska, powiat nowotarski, woj. małopolskie",
        "Nowy Targ – gmina wiejska, powiat nowotarski, woj. małopolskie",
    ]
    page.click("#wiazki-gmina-opt-1")
    assert "gmina=1211092" in page.url
    assert shown_cards(page) == expected("1211092") == {"zakonczona-w-nowotarskim": "w Twoim powiecie"}
    type_place(page, "Nowy Targ")
    field = page.locator("#wiazki-gmina-input")
    field.press("ArrowDown")
    field.press("Enter")
    assert "gmina=1211011" in page.url
    assert shown_cards(page) == expected("1211011")
    assert shown_cards(page)["w-nowym-targu-miescie"] == "w Twojej gminie"


def test_a_warsaw_dzielnica_typed_without_polish_letters(page, places_site) -> None:
    page.goto(places_site.url("wiazki/"))
    found = type_place(page, "zoliborz")
    assert found == ["Żoliborz – dzielnica, Warszawa, woj. mazowieckie"]
    page.locator("#wiazki-gmina-input").press("Enter")
    assert "gmina=1465198" in page.url
    assert (
        shown_cards(page)
        == expected("1465198")
        == {"na-zoliborzu": "w Twojej gminie", "w-warszawie": "w Twojej gminie"}
    )
    # Polish letters typed without their marks in the middle of a name, and upper case.
    assert type_place(page, "LODZ")[0].startswith("Łódź – gmina miejska")


def test_the_choice_lives_in_the_url_and_combines_with_the_other_filters(page, places_site) -> None:
    page.goto(places_site.url("wiazki/?gmina=3010052&stage=available"))
    page.wait_for_function(
        "document.querySelector('#wiazki-gmina-chosen') && !document.querySelector('#wiazki-gmina-chosen').hidden"
    )
    assert page.input_value("#wiazki-gmina-input") == "Kramsk"
    assert page.input_value("#wiazki-stage") == "available"
    assert shown_cards(page) == expected("3010052")
    # Another filter changes; the gmina stays in the URL and in force.
    page.select_option("#wiazki-stage", "")
    assert "gmina=3010052" in page.url
    page.goto(places_site.url("wiazki/?gmina=1211011&stage=closed"))
    page.wait_for_function("!document.querySelector('#wiazki-gmina-chosen').hidden")
    assert shown_cards(page) == {"zakonczona-w-nowotarskim": "w Twoim powiecie"}
    assert re.match(r"Pokazano 1 z \d+ wiązek", page.text_content("#wiazki-count") or "")
    # "Wyczyść filtry" clears the gmina too.
    page.click("#wiazki-filters .wiazki-reset")
    assert "gmina=" not in page.url and "stage=" not in page.url


def test_choosing_on_the_home_page_opens_the_catalogue(page, places_site) -> None:
    page.goto(places_site.url(""))
    type_place(page, "kramsk")
    page.locator("#wiazki-gmina-input").press("Enter")
    page.wait_for_url("**/wiazki/wiazki/?gmina=3010052")
    page.wait_for_function("!document.querySelector('#wiazki-gmina-chosen').hidden")
    assert shown_cards(page) == expected("3010052")


def test_every_powiat_on_the_map_is_a_named_link_reached_by_keyboard(page, places_site) -> None:
    page.goto(places_site.url(""))
    links = page.get_by_role("link", name=re.compile(r": \d+ (wiązka dostępna|wiązki dostępne|wiązek dostępnych)$"))
    assert links.count() == 380
    assert page.get_by_role("link", name="powiat koniński: 3 wiązki dostępne").count() == 1
    page.focus(".wiazki-map__skip")
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.getAttribute('aria-label')")
        == "powiat bolesławiecki: 0 wiązek dostępnych"
    )
    page.get_by_role("link", name="powiat koniński: 3 wiązki dostępne").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/wiazki/wiazki/?powiat=3010")
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert set(shown_cards(page)) == {"w-gminie-kramsk", "w-powiecie-koninskim", "w-wielkopolsce"}


@pytest.mark.parametrize("size", [None, PHONE], ids=["desktop", "phone"])
def test_gmina_field_and_map_have_no_axe_violations(page, places_site, axe_source, size) -> None:
    if size:
        page.set_viewport_size(size)
    page.goto(places_site.url(""))
    type_place(page, "nowy")
    assert not (found := axe_violations(page, axe_source)), readable(found)
    page.goto(places_site.url("wiazki/?gmina=3010052"))
    page.wait_for_function("!document.querySelector('#wiazki-gmina-chosen').hidden")
    assert not (found := axe_violations(page, axe_source)), readable(found)
