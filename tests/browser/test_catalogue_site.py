"""The catalogue and partner filters on the real site (repository content, real build)."""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: Each card's facets as the script sees them, decoded from its data-f tokens with the
#: form's own options (prefix + data-code, or prefix + value for TERYT codes); a card
#: is known by its link, its words are its own text.
CARDS_JS = """() => {
    const fields = {group: 'g', voivodeship: 'v', powiat: 'p', type: 't', area: 'a', stage: 's', fee: 'f'};
    const keys = {};
    for (const [name, prefix] of Object.entries(fields)) {
        for (const option of document.querySelectorAll(`#wiazki-${name} option[data-code]`)) {
            keys[prefix + option.dataset.code] = option.value;
        }
    }
    const list = (card, prefix) => card.dataset.f.split(' ').filter(t => t[0] === prefix)
        .map(t => keys[t] || t.slice(1));
    return [...document.querySelectorAll('.wiazki-card')].map(card => ({
        id: card.querySelector('h3 a').getAttribute('href'),
        hidden: card.hidden,
        visible: card.offsetParent !== null,
        groups: list(card, 'g'),
        voivodeships: list(card, 'v'),
        powiats: list(card, 'p'),
        types: list(card, 't'),
        text: card.textContent,
    }));
}"""


def genitive(total: int, one: str, many: str) -> str:
    return one if total == 1 else many


def count_text(shown: int, total: int) -> str:
    return f"Pokazano {shown} z {total} {genitive(total, 'wiązki', 'wiązek')}"


def open_catalogue(page: Any, site: Any, query: str = "") -> None:
    page.goto(site.url("wiazki/") + query)
    page.wait_for_selector("#wiazki-filters:not([hidden])")


def cards(page: Any) -> list[dict[str, Any]]:
    return page.evaluate(CARDS_JS)


def query_of(page: Any) -> dict[str, list[str]]:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(page.url).query)


def wait_for_count(page: Any, text: str) -> None:
    page.wait_for_function("t => document.getElementById('wiazki-count').textContent === t", arg=text)


def test_choosing_a_group_shows_only_its_bundles_and_updates_count_and_url(page, real_site) -> None:
    open_catalogue(page, real_site)
    before = cards(page)
    total = len(before)
    assert total >= 10
    assert page.text_content("#wiazki-count") == count_text(total, total)

    page.select_option("#wiazki-group", "older_persons")
    after = cards(page)
    expected = {c["id"] for c in before if "older_persons" in c["groups"]}
    assert 0 < len(expected) < total
    assert {c["id"] for c in after if c["visible"]} == expected
    assert all(c["hidden"] for c in after if c["id"] not in expected)
    assert page.text_content("#wiazki-count") == count_text(len(expected), total)
    assert query_of(page) == {"group": ["older_persons"]}


def test_a_shared_url_restores_voivodeship_and_text(page, real_site) -> None:
    open_catalogue(page, real_site)
    every = cards(page)
    # A województwo with more than one bundle, and a word from one of its bundles.
    voivodeship = max(
        {v for c in every for v in c["voivodeships"]},
        key=lambda v: sum(v in c["voivodeships"] for c in every),
    )
    in_voivodeship = [c for c in every if voivodeship in c["voivodeships"]]
    assert len(in_voivodeship) >= 2
    word = max(re.findall(r"\w{7,}", in_voivodeship[0]["text"]), key=len)

    open_catalogue(page, real_site, "?" + urllib.parse.urlencode({"voivodeship": voivodeship, "text": word.upper()}))
    assert page.input_value("#wiazki-voivodeship") == voivodeship
    assert page.input_value("#wiazki-q") == word.upper()
    shown = [c for c in cards(page) if c["visible"]]
    assert in_voivodeship[0]["id"] in {c["id"] for c in shown}
    assert all(voivodeship in c["voivodeships"] for c in shown)
    assert page.text_content("#wiazki-count") == count_text(len(shown), len(every))


def test_powiat_offers_only_the_powiaty_of_the_chosen_voivodeship(page, real_site) -> None:
    open_catalogue(page, real_site)
    options_js = "s => [...document.querySelector(s).options].map(o => [o.value, o.dataset.voivodeship || ''])"
    all_powiaty = [o for o in page.evaluate(options_js, "#wiazki-powiat") if o[0]]
    voivodeships = sorted({v for _, v in all_powiaty})
    assert len(voivodeships) >= 2, "the sample content spans several województwa"

    chosen = voivodeships[0]
    page.select_option("#wiazki-voivodeship", chosen)
    offered = [o for o in page.evaluate(options_js, "#wiazki-powiat") if o[0]]
    assert offered == [o for o in all_powiaty if o[1] == chosen]
    assert page.evaluate("document.querySelector('#wiazki-powiat').options[0].value") == ""

    page.select_option("#wiazki-powiat", offered[0][0])
    assert query_of(page) == {"voivodeship": [chosen], "powiat": [offered[0][0]]}
    # Another województwo: the chosen powiat is not in it any more, so it resets.
    page.select_option("#wiazki-voivodeship", voivodeships[1])
    assert page.input_value("#wiazki-powiat") == ""
    assert query_of(page) == {"voivodeship": [voivodeships[1]]}
    # None: every powiat again.
    page.select_option("#wiazki-voivodeship", "")
    assert [o for o in page.evaluate(options_js, "#wiazki-powiat") if o[0]] == all_powiaty


def test_free_text_matches_every_word_without_diacritics_and_by_stem(page, real_site) -> None:
    open_catalogue(page, real_site)
    total = len(cards(page))
    page.fill("#wiazki-q", "seniorów")
    with_accents = {c["id"] for c in cards(page) if c["visible"]}
    assert with_accents, "some sample bundle is about seniorzy"
    page.fill("#wiazki-q", "SENIOROW")
    assert {c["id"] for c in cards(page) if c["visible"]} == with_accents
    # The text travels as "text", not "q": Material opens its search overlay for ?q=.
    assert query_of(page) == {"text": ["SENIOROW"]}
    page.reload()
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert page.input_value("#wiazki-q") == "SENIOROW"
    assert page.evaluate("document.getElementById('__search').checked") is False
    assert {c["id"] for c in cards(page) if c["visible"]} == with_accents
    page.fill("#wiazki-q", "seniorów zzzzzz")
    assert not [c for c in cards(page) if c["visible"]]
    wait_for_count(page, count_text(0, total))
    assert page.is_visible(".wiazki-none")
    assert page.text_content(".wiazki-none") == "Brak wiązek spełniających kryteria."
    # Every section is hidden, and with it its entry in the table of contents.
    assert page.eval_on_selector_all("section.wiazki-section:not([hidden]) .wiazki-card", "n => n.length") == 0


def test_clear_button_resets_every_filter_and_the_url(page, real_site) -> None:
    open_catalogue(page, real_site, "?group=older_persons&fee=free&text=opieka")
    total = len(cards(page))
    assert page.text_content("#wiazki-count") != count_text(total, total)
    page.get_by_role("button", name="Wyczyść filtry").click()
    assert page.text_content("#wiazki-count") == count_text(total, total)
    assert all(c["visible"] for c in cards(page))
    assert urllib.parse.urlsplit(page.url).query == ""
    for name in ("q", "group", "voivodeship", "powiat", "type", "area", "stage", "fee"):
        assert page.input_value(f"#wiazki-filters [name={name}]") == ""


def test_every_control_is_labelled_and_reached_by_tab_with_a_visible_focus(page, real_site) -> None:
    open_catalogue(page, real_site)
    controls = page.eval_on_selector_all(
        "#wiazki-filters input, #wiazki-filters select",
        "ns => ns.map(n => [n.name, n.labels.length, n.labels[0] ? n.labels[0].textContent.trim() : ''])",
    )
    assert [c[0] for c in controls] == ["q", "group", "voivodeship", "powiat", "type", "area", "stage", "fee"]
    assert all(count == 1 and label for _, count, label in controls), controls

    page.focus("#wiazki-q")
    reached = []
    for _ in range(len(controls)):
        reached.append(page.evaluate("document.activeElement.name || document.activeElement.textContent.trim()"))
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), f"no visible focus on {reached[-1]}"
        page.keyboard.press("Tab")
    reached.append(page.evaluate("document.activeElement.textContent.trim()"))
    assert reached == [c[0] for c in controls] + ["Wyczyść filtry"]
    # The first control is reachable from the top of the page by keyboard alone.
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "wiazki-q":
            break
    else:
        pytest.fail("Tab never reached the search field")


def test_without_javascript_every_card_shows_and_the_form_stays_hidden(make_page, real_site) -> None:
    page = make_page(java_script_enabled=False)
    page.goto(real_site.url("wiazki/"))
    assert page.is_hidden("#wiazki-filters")
    assert page.locator(".wiazki-card").count() >= 10
    assert page.locator(".wiazki-card:visible").count() == page.locator(".wiazki-card").count()
    page.goto(real_site.url("partnerzy/"))
    assert page.is_hidden("#partner-filters")
    assert page.locator(".wiazki-partner:visible").count() == page.locator(".wiazki-partner").count()


def test_instant_navigation_initialises_the_filters_once_per_visit(page, real_site) -> None:
    page.goto(real_site.url(""))
    features = page.evaluate("JSON.parse(document.getElementById('__config').textContent).features")
    instant = "navigation.instant" in features
    page.evaluate("window.__sameDocument = true")

    def go(title: str) -> None:
        # Wait for the new page's content, not the old one still in place.
        page.evaluate("document.querySelector('.md-content__inner').dataset.stale = '1'")
        page.locator(".md-sidebar--primary a.md-nav__link", has_text=re.compile(f"^\\s*{title}\\s*$")).first.click()
        page.wait_for_selector(".md-content__inner:not([data-stale])")

    # The home page links to the catalogue filtered by a group.
    page.locator(".md-content a", has_text=re.compile(r"^\s*Osoby starsze\s*$")).first.click()
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    # With instant navigation the page was swapped in place, not loaded.
    assert page.evaluate("window.__sameDocument === true") is instant
    assert page.input_value("#wiazki-group") == "older_persons"
    total = page.locator(".wiazki-card").count()
    shown = page.locator(".wiazki-card:visible").count()
    assert 0 < shown < total
    assert page.text_content("#wiazki-count") == count_text(shown, total)

    # "Wiązki" in the navigation is the same page without a query: Material
    # would not reload it, the filters follow the link instead; Back undoes it.
    page.locator(".md-sidebar--primary a.md-nav__link", has_text=re.compile(r"^\s*Wiązki\s*$")).first.click()
    page.wait_for_function("() => !location.search")
    assert page.input_value("#wiazki-group") == ""
    assert page.text_content("#wiazki-count") == count_text(total, total)
    page.go_back()
    page.wait_for_function("() => location.search === '?group=older_persons'")
    assert page.input_value("#wiazki-group") == "older_persons"
    assert page.text_content("#wiazki-count") == count_text(shown, total)
    page.go_forward()
    page.wait_for_function("() => !location.search")
    assert page.text_content("#wiazki-count") == count_text(total, total)
    page.select_option("#wiazki-group", "older_persons")
    assert page.text_content("#wiazki-count") == count_text(shown, total)
    assert "group=older_persons" in page.url
    assert page.evaluate("window.__sameDocument === true") is instant

    go("Partnerzy")
    page.wait_for_selector("#partner-filters:not([hidden])")
    go("Wiązki")
    page.wait_for_selector("#wiazki-filters:not([hidden])")
    assert page.locator(".wiazki-reset").count() == 1
    assert page.locator(".wiazki-none").count() == 1
    page.select_option("#wiazki-type", index=1)
    chosen = page.input_value("#wiazki-type")
    visible = [c["types"] for c in cards(page) if not c["hidden"]]
    assert visible and all(chosen in types for types in visible)
    assert page.evaluate("window.__sameDocument === true") is instant
    # A card still leads to its bundle after all this history.
    first = page.locator(".wiazki-card:not([hidden]) h3 a").first
    title = first.text_content().strip()
    first.click()
    page.wait_for_function(
        "t => document.querySelector('h1') && document.querySelector('h1').textContent.trim() === t", arg=title
    )
    assert "/wiazki/wiazki/" in page.url and page.locator(".wiazki-canvas").count() == 1


def test_partner_directory_filters_by_sector_and_text(page, real_site) -> None:
    page.goto(real_site.url("partnerzy/"))
    page.wait_for_selector("#partner-filters:not([hidden])")
    total = page.locator(".wiazki-partner").count()
    assert page.text_content("#partner-count") == f"Pokazano {total} z {total} partnerów"

    page.select_option("#partner-sector", "public")
    sectors = page.eval_on_selector_all(".wiazki-partner:not([hidden])", "ns => ns.map(n => n.dataset.sector)")
    assert sectors and set(sectors) == {"public"}
    assert page.text_content("#partner-count") == f"Pokazano {len(sectors)} z {total} partnerów"
    assert query_of(page) == {"sector": ["public"]}
    # Sections of other sectors are hidden as a whole, and so are their entries
    # in the table of contents.
    assert page.eval_on_selector_all(
        "section.wiazki-section:not([hidden])", "ns => ns.every(s => s.querySelector('[data-sector=public]'))"
    )
    toc = ".md-sidebar--secondary a.md-nav__link[href$='#{}']"
    assert page.is_visible(toc.format("sektor-public"))
    assert page.is_hidden(toc.format("sektor-business"))

    page.goto(real_site.url("partnerzy/?text=gops&sector=public"))
    page.wait_for_selector("#partner-filters:not([hidden])")
    assert page.input_value("#partner-q") == "gops"
    names = page.eval_on_selector_all(".wiazki-partner:not([hidden])", "ns => ns.map(n => n.textContent)")
    assert names and all("GOPS" in name or "Gminny" in name for name in names), names
