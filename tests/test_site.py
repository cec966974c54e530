"""The sample catalogue built into a real site: every page type, links, search, exports."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import sitehelpers as h
from sitehelpers import sample_site  # noqa: F401 - a fixture
from wiazki import SITE_URL
from wiazki.format import vocab
from wiazki.format.teryt import load_register
from wiazki.model import build_catalogue
from wiazki.validation.validator import validate_content

EDIT = "https://github.com/owes-katalog/wiazki/edit/main/"


@pytest.fixture(scope="module")
def catalogue():
    result = validate_content(h.REPO / "content", today=h.kit.TODAY)
    assert not result.errors
    return build_catalogue(result, load_register())


def test_every_bundle_and_partner_has_a_page(sample_site: Path, catalogue) -> None:
    for bundle_id in catalogue.bundles:
        assert (sample_site / "wiazki" / bundle_id / "index.html").is_file()
    for partner_id in catalogue.partners:
        assert (sample_site / "partnerzy" / partner_id / "index.html").is_file()


def test_home_shows_real_counts_and_entry_points(sample_site: Path, catalogue) -> None:
    home = h.page(sample_site, "").content()
    stats = catalogue.stats()
    items = [
        " ".join(li.text.split())
        for li in home.find_all("li")
        if li.text.strip() and "wiazki-stats" not in li.attrs.get("class", "")
    ]
    text = " ".join(items)
    assert f"{stats['available']} wiąz" in text and f"{stats['design']} wiąz" in text
    assert f"{stats['partners']} partner" in text and f"{stats['voivodeships']} województw" in text
    hrefs = h.internal_links(home)
    assert any(href == "wiazki/?group=older_persons" for href in hrefs)
    codes = sorted({v for b in catalogue.bundles.values() for v in catalogue.voivodeships_of(b)})
    for code in codes:
        assert f"wiazki/?voivodeship={code}" in hrefs
    assert h.HOME_MARKER_TEXT not in home.source
    assert 'href="#w-liczbach"' in h.page(sample_site, "").source  # in Material's table of contents


def test_catalogue_lists_every_card_in_three_sections_available_first(sample_site: Path, catalogue) -> None:
    page = h.page(sample_site, "wiazki").content()
    headings = [t for level, t in page.headings() if level == 2]
    assert headings == ["Dostępne wiązki", "W projektowaniu", "Zakończone", "O katalogu"]
    cards = page.find_all("article", class_="wiazki-card")
    assert len(cards) == len(catalogue.bundles)
    stage_of = {"s" + str(i): stage for i, stage in enumerate(vocab.STAGES)}
    stages = [next(stage_of[t] for t in card.attrs["data-f"].split() if t[0] == "s") for card in cards]
    statuses = ["available" if s == "available" else "closed" if s == "closed" else "design" for s in stages]
    assert statuses == sorted(statuses, key=["available", "design", "closed"].index)
    first = catalogue.bundles[next(iter(catalogue.bundles))]
    card = cards[0]
    # Facets as short tokens: prefix + position in the vocabulary, or + TERYT code.
    tokens = card.attrs["data-f"].split()
    position = lambda vocabulary, key: str(list(vocabulary).index(key))  # noqa: E731
    assert [t for t in tokens if t[0] == "g"] == ["g" + position(vocab.TARGET_GROUPS, g) for g in first.groups]
    assert [t for t in tokens if t[0] == "v"] == ["v" + v for v in catalogue.voivodeships_of(first)]
    assert [t for t in tokens if t[0] == "p"] == ["p" + p for p in catalogue.powiats_of(first)]
    assert [t for t in tokens if t[0] == "t"] == ["t" + position(vocab.SERVICE_TYPES, t) for t in first.service_types]
    assert [t for t in tokens if t[0] == "s"] == ["s" + position(vocab.STAGES, first.stage)]
    assert [t for t in tokens if t[0] == "f"] == ["f" + position(vocab.FEES, f) for f in first.fees]
    assert first.title in card.text and first.stage_label.split(" (")[0] in card.text
    # Slim: the free-text filter reads the card's own text; no copy of it in data-text.
    assert "data-text" not in card.attrs
    assert catalogue.territory_name(first.territory[0]) in card.text


def test_catalogue_filter_form_follows_the_markup_contract(sample_site: Path, catalogue) -> None:
    page = h.page(sample_site, "wiazki").content()
    form = page.by_id("wiazki-filters")
    assert form.tag == "form" and "hidden" in form.attrs and "wiazki-filters" in form.attrs["class"]
    assert page.find("input", name="q").attrs["type"] == "search"
    labels = {e.attrs.get("for") for e in page.find_all("label")}
    source = page.source
    for name in ("group", "voivodeship", "powiat", "type", "area", "stage", "fee"):
        select = page.find("select", name=name)
        assert select.attrs["id"] in labels
        start = source.index(f'name="{name}"')
        first_option = source[source.index("<option", start) : source.index("</option>", start)]
        assert first_option.endswith('value="">wszystkie')
    assert "wiazki-q" in labels
    powiat_options = [e for e in page.find_all("option") if e.attrs.get("data-voivodeship")]
    # Every powiat of the register (the home page's map links each one to this filter).
    powiats = {p for b in catalogue.bundles.values() for p in catalogue.powiats_of(b)}
    offered = {o.attrs["value"] for o in powiat_options}
    assert powiats < offered and len(offered) == 380
    assert all(o.attrs["value"].startswith(o.attrs["data-voivodeship"]) for o in powiat_options)
    stage_values = {e.attrs["value"] for e in page.find_all("option") if e.attrs.get("value") in vocab.STAGES}
    assert stage_values == {b.stage for b in catalogue.bundles.values()}
    # An option's data-code is its position in the vocabulary: the cards' tokens use it.
    stage_codes = {
        e.attrs["value"]: e.attrs["data-code"] for e in page.find_all("option") if e.attrs.get("value") in vocab.STAGES
    }
    assert stage_codes == {s: str(list(vocab.STAGES).index(s)) for s in stage_values}
    panel = page.by_id("wiazki-filter-panel")
    assert panel.tag == "details" and "hidden" in panel.attrs
    status = page.by_id("wiazki-count")
    assert status.attrs["role"] == "status" and status.attrs["aria-live"] == "polite"


def test_bundle_page_shows_the_whole_bundle(sample_site: Path, catalogue) -> None:
    bundle = catalogue.bundles["senior-u-siebie-kramsk"]
    page = h.page(sample_site, "wiazki/senior-u-siebie-kramsk")
    body = page.content()
    assert body.headings()[0] == (1, bundle.title)
    assert "Kramsk (gmina wiejska), powiat koniński, woj. wielkopolskie" in body.source
    for service in bundle.canvas.services:
        assert service.name in body.source
    facilitator = catalogue.partners[bundle.facilitator]
    assert f'<a href="../../partnerzy/{facilitator.id}/">{facilitator.display_name}</a>' in body.source
    assert "412\u00a0000\u00a0zł" in body.source
    total = bundle.canvas.revenue_total
    assert f"Razem przychody: {h.amount(total)}" in body.source
    assert f"Razem koszty: {h.amount(bundle.canvas.cost_total)}" in body.source
    assert "gops.kramsk@example.org" in body.source
    assert (
        page.find("a", class_="md-content__button").attrs["href"] == EDIT + "content/bundles/senior-u-siebie-kramsk.yml"
    )


def test_canvas_is_nine_headed_sections_in_reading_order(sample_site: Path) -> None:
    page = h.page(sample_site, "wiazki/senior-u-siebie-kramsk").content()
    canvas = page.find("section", class_="wiazki-canvas")
    assert canvas.attrs["aria-labelledby"] == page.by_id(canvas.attrs["aria-labelledby"]).attrs["id"]
    assert page.by_id(canvas.attrs["aria-labelledby"]).text == "Business Model Canvas"
    blocks = page.find_all("section", class_="wiazki-block")
    order = [
        "key_partners",
        "key_activities",
        "key_resources",
        "value_proposition",
        "customer_relationships",
        "channels",
        "customer_segments",
        "cost_structure",
        "revenue_streams",
    ]
    assert [b.attrs["class"].split()[1] for b in blocks] == [f"wiazki-block--{name}" for name in order]
    headings = [t for level, t in page.headings() if level == 3 and t in vocab.CANVAS_BLOCKS.labels.values()]
    assert headings == [vocab.CANVAS_BLOCKS.label(name) for name in order]
    assert "<table" not in canvas.text


def test_progress_marks_the_current_stage(sample_site: Path, catalogue) -> None:
    designing = next(b for b in catalogue.bundles.values() if b.status == "design")
    page = h.page(sample_site, f"wiazki/{designing.id}").content()
    steps = [e for e in page.elements if e.tag == "li" and e.attrs.get("class") in ("done", "current", "todo")]
    assert len(steps) == 5
    index = vocab.DESIGN_STAGES.index(designing.stage)
    assert [s.attrs["class"] for s in steps] == ["done"] * index + ["current"] + ["todo"] * (4 - index)
    assert [s.attrs.get("aria-current") for s in steps].count("step") == 1
    assert steps[index].attrs["aria-current"] == "step"
    available = h.page(sample_site, "wiazki/senior-u-siebie-kramsk").content()
    assert [
        e.attrs["class"]
        for e in available.elements
        if e.tag == "li" and e.attrs.get("class") in ("done", "current", "todo")
    ] == ["done"] * 5


def test_headings_never_skip_a_level(sample_site: Path, catalogue) -> None:
    urls = ["", "wiazki", "partnerzy", "dane", "jak-dodac-wiazke", "deklaracja-dostepnosci"]
    urls += [f"wiazki/{b}" for b in catalogue.bundles] + [f"partnerzy/{p}" for p in list(catalogue.partners)[:10]]
    for url in urls:
        levels = [level for level, _ in h.page(sample_site, url).content().headings()]
        assert levels[0] == 1 and levels.count(1) == 1, url
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, (url, levels)


def test_partner_directory_is_grouped_by_sector(sample_site: Path, catalogue) -> None:
    page = h.page(sample_site, "partnerzy").content()
    sectors = [s for s in vocab.SECTORS if any(p.sector == s for p in catalogue.partners.values())]
    assert [t for level, t in page.headings() if level == 2] == [vocab.SECTORS.label(s) for s in sectors]
    items = page.find_all("li", class_="wiazki-partner")
    assert len(items) == len(catalogue.partners)
    assert all(i.attrs["data-sector"] in vocab.SECTORS and i.attrs["data-text"] for i in items)
    form = page.by_id("partner-filters")
    assert form.tag == "form" and "hidden" in form.attrs
    assert page.find("select", name="sector") and page.find("input", name="q")
    assert page.by_id("partner-count").attrs["role"] == "status"


def test_partner_page_lists_bundles_roles_and_services(sample_site: Path, catalogue) -> None:
    page = h.page(sample_site, "partnerzy/ss-dobry-kat")
    body = page.content()
    partner = catalogue.partners["ss-dobry-kat"]
    assert body.headings()[0] == (1, partner.name)
    for part in catalogue.participation("ss-dobry-kat"):
        assert f'href="../../wiazki/{part.bundle.id}/"' in body.source
        for role in part.roles:
            assert role.role_label in body.source
        for service in part.services:
            assert service.name in body.source
    if partner.nip:
        assert partner.nip in body.source
    assert page.find("a", class_="md-content__button").attrs["href"] == EDIT + "content/partners/ss-dobry-kat.yml"


def test_accessibility_statement_has_the_template_ids_and_is_linked_from_every_page(sample_site: Path) -> None:
    page = h.page(sample_site, "deklaracja-dostepnosci")
    for element_id in (
        "a11y-wstep",
        "a11y-podmiot",
        "a11y-url",
        "a11y-data-publikacja",
        "a11y-data-aktualizacja",
        "a11y-status",
        "a11y-ocena",
        "a11y-data-sporzadzenia",
        "a11y-kontakt",
        "a11y-osoba",
        "a11y-email",
        "a11y-telefon",
        "a11y-procedura",
        "a11y-architektura",
        "a11y-aplikacje",
    ):
        page.by_id(element_id)
    for date_id in ("a11y-data-publikacja", "a11y-data-aktualizacja", "a11y-data-sporzadzenia"):
        assert h.re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.by_id(date_id).text)
    for html_file in h.generated_html_files(sample_site):
        if html_file.name == "404.html":
            continue
        footer = (
            html_file.read_text(encoding="utf-8").split('<div class="md-copyright">', 1)[1].split("</footer>", 1)[0]
        )
        hrefs = h.re.findall(r'href="([^"]*)"', footer)
        # Relative links (through MkDocs' url filter), one of which lands on the statement.
        targets = {(html_file.parent / href / "index.html").resolve() for href in hrefs if not href.startswith("http")}
        assert (sample_site / "deklaracja-dostepnosci" / "index.html").resolve() in targets, (html_file, hrefs)


def test_hand_pages_are_built(sample_site: Path) -> None:
    guide = h.page(sample_site, "jak-dodac-wiazke").content()
    assert "Create pull request" in guide.source and "Commit changes" in guide.source
    data = h.page(sample_site, "dane").content()
    for name in ("api/bundles.json", "api/partners.json", "api/bundles.csv", "api/partners.csv"):
        assert f'href="../{name}"' in data.source
    assert 'lang="pl"' in h.page(sample_site, "").source


def test_every_internal_link_of_generated_pages_resolves(sample_site: Path) -> None:
    for html_file in h.generated_html_files(sample_site):
        if html_file.name == "404.html":
            continue
        page = h.Html.read(html_file).content()
        for href in h.internal_links(page):
            target = h.resolve(sample_site, html_file, href)
            assert target.exists(), (html_file.relative_to(sample_site), href)


def test_nav_does_not_list_bundles_and_page_size_does_not_depend_on_them(sample_site: Path, catalogue) -> None:
    page = h.page(sample_site, "wiazki/senior-u-siebie-kramsk")
    others = [b for b in catalogue.bundles if b != "senior-u-siebie-kramsk"]
    for other in others:
        assert f"/{other}/" not in page.source
    nav_start = page.source.index('<nav class="md-nav md-nav--primary"')
    nav = page.source[nav_start : page.source.index("</nav>", nav_start)]
    assert "wiazki/senior-u-siebie-kramsk" not in nav


def test_search_index_has_bundle_text_services_and_canvas(sample_site: Path, catalogue) -> None:
    fragments = h.pagefind_fragments(sample_site)
    bundle = catalogue.bundles["senior-u-siebie-kramsk"]
    record = fragments["wiazki/senior-u-siebie-kramsk/"]
    text = record["content"]
    assert bundle.summary.split()[0] in text
    for service in bundle.canvas.services:
        assert service.name in text
    assert bundle.canvas.key_resources[0].split()[0] in text and bundle.canvas.channels[0].split()[0] in text
    assert record["meta"]["kind"] == "Wiązka" and record["meta"]["stage"] == bundle.stage_label
    assert record["meta"]["territory"] == "Kramsk"
    assert record["filters"] == {"kind": ["bundle"], "bundle": ["senior-u-siebie-kramsk"]}
    assert fragments["partnerzy/ss-dobry-kat/"]["meta"]["kind"] == "Partner"
    assert fragments["jak-dodac-wiazke/"]["meta"]["kind"] == "Strona"
    # Every page is a result once; the directories themselves are not results.
    assert "wiazki/" not in fragments and "partnerzy/" not in fragments
    kinds = [r["meta"]["kind"] for r in fragments.values()]
    assert kinds.count("Wiązka") == len(catalogue.bundles) and kinds.count("Partner") == len(catalogue.partners)
    hand = {"" if p == "index.md" else p.removesuffix(".md") + "/" for p in h.HAND_PAGES}
    assert {u for u, r in fragments.items() if r["meta"]["kind"] == "Strona"} >= hand


def test_word_forms_and_keywords_are_in_the_index_only(sample_site: Path, catalogue) -> None:
    bundle = catalogue.bundles["senior-u-siebie-kramsk"]
    page = h.page(sample_site, "wiazki/senior-u-siebie-kramsk")
    assert "Słowa kluczowe" not in page.source and "wiazki-keywords" not in page.source
    visible, _, hidden = h.pagefind_fragments(sample_site)["wiazki/senior-u-siebie-kramsk/"]["content"].partition("¦¦")
    words = set(re.findall(r"\w+", hidden))
    # Generated by Morfeusz from the title ("Senior") and the gmina ("Kramsk"); not on the page.
    assert {"seniorom", "Kramskowi"} <= words
    assert not {"seniorom", "Kramskowi"} & set(re.findall(r"\w+", page.source))
    # The bundle's own keywords are searchable (index-only when the page lacks a word).
    for word in re.findall(r"\w+", " ".join(bundle.keywords)):
        assert word in visible + hidden
    # Words with "ł" also without it (Pagefind folds every other diacritic itself).
    assert "ciepły" in visible and "cieply" in hidden
    # Material's search is gone: no whole-site index loaded on the first search.
    assert not (sample_site / "search" / "search_index.json").exists()


def test_json_exports_have_a_stable_shape(sample_site: Path, catalogue) -> None:
    bundles = json.loads((sample_site / "api" / "bundles.json").read_text(encoding="utf-8"))
    assert bundles["format"] == 1 and bundles["schema"] == SITE_URL + "schemas/bundle.schema.json"
    assert [b["id"] for b in bundles["bundles"]] == list(catalogue.bundles)
    record = next(b for b in bundles["bundles"] if b["id"] == "senior-u-siebie-kramsk")
    assert record["url"] == SITE_URL + "wiazki/senior-u-siebie-kramsk/"
    assert set(record) >= {
        "title",
        "summary",
        "stage",
        "territory",
        "facilitator",
        "canvas",
        "design",
        "contact",
        "reviewed",
    }
    assert set(record["canvas"]) == set(vocab.CANVAS_BLOCKS)
    assert record["canvas"]["revenue_streams"][0]["amount_pln"] == 412000
    partners = json.loads((sample_site / "api" / "partners.json").read_text(encoding="utf-8"))
    assert partners["format"] == 1 and len(partners["partners"]) == len(catalogue.partners)
    kat = next(p for p in partners["partners"] if p["id"] == "ss-dobry-kat")
    assert {b["id"] for b in kat["bundles"]} == {p.bundle.id for p in catalogue.participation("ss-dobry-kat")}


def test_csv_exports_are_tables_with_formulas_neutralised(sample_site: Path, catalogue) -> None:
    # Excel reads a CSV as UTF-8 only with a byte-order mark.
    assert (sample_site / "api" / "bundles.csv").read_bytes().startswith(b"\xef\xbb\xbfid,")
    rows = list(csv.DictReader(io.StringIO((sample_site / "api" / "bundles.csv").read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == list(catalogue.bundles)
    partners = list(csv.DictReader(io.StringIO((sample_site / "api" / "partners.csv").read_text(encoding="utf-8-sig"))))
    phones = [r["phone"] for r in partners if r["phone"]]
    assert phones and all(not p.startswith("+") for p in phones)
    assert any(p.startswith("'+48") for p in phones)


def test_schemas_are_published_at_their_ids(sample_site: Path) -> None:
    for kind in ("bundle", "partner"):
        published = sample_site / "schemas" / f"{kind}.schema.json"
        repo_copy = h.REPO / "schemas" / f"{kind}.schema.json"
        assert published.read_text(encoding="utf-8") == repo_copy.read_text(encoding="utf-8")
        schema_id = json.loads(published.read_text(encoding="utf-8"))["$id"]
        assert schema_id.startswith(SITE_URL)
        assert (sample_site / schema_id[len(SITE_URL) :]) == published


def test_generated_pages_have_a_table_of_contents(sample_site: Path) -> None:
    def toc(url: str) -> list[str]:
        source = h.page(sample_site, url).source
        start = source.index('<nav class="md-nav md-nav--secondary"')
        nav = h.Html(source[start : source.index("</nav>", start)])
        parser = h._Collector()
        parser.feed(nav.source)
        return [
            e.attrs["href"] for e in parser.elements if e.tag == "a" and (e.attrs.get("href") or "").startswith("#")
        ]

    assert toc("wiazki/senior-u-siebie-kramsk")[:4] == ["#etap", "#opis", "#uslugi", "#canvas"]
    assert toc("wiazki") == ["#dostepne", "#w-projektowaniu", "#zakonczone", "#o-katalogu"]
    assert "#wiazki" in toc("partnerzy/ss-dobry-kat")


def test_pages_without_a_source_file_have_no_edit_button(sample_site: Path) -> None:
    for url in ("wiazki", "partnerzy"):
        assert not h.page(sample_site, url).find_all("a", class_="md-content__button")
    assert h.page(sample_site, "dane").find("a", class_="md-content__button").attrs["href"] == EDIT + "docs/dane.md"


def test_bundle_page_gives_the_canvas_the_width_of_the_table_of_contents(sample_site: Path) -> None:
    html = (sample_site / "wiazki" / "senior-u-siebie-kramsk" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-type="toc" hidden>' in html
    # Only the page's main parts are landmarks; canvas blocks and services are not.
    assert html.count("aria-labelledby=") <= 10
