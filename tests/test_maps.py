"""The map of Poland by powiaty on the home page and the territory map on bundle pages."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import contentkit as kit
import placeskit
import sitehelpers as h
from wiazki.format.teryt import Register, Unit, load_register, register_file
from wiazki.model import Catalogue, build_catalogue
from wiazki.validation.validator import validate_content
from wiazki.views import SiteViews, geo, maps


def register_powiaty() -> dict[str, str]:
    """4-digit code → name, read from the shipped TERC file without the project's parser."""
    with register_file().open(encoding="utf-8") as handle:
        return {
            row["WOJ"] + row["POW"]: row["NAZWA"]
            for row in csv.DictReader(handle, delimiter=";")
            if row["POW"] and not row["GMI"]
        }


def expected_counts() -> dict[str, int]:
    """The union of each available bundle's territory expanded through TERYT, counted per powiat."""
    powiaty = register_powiaty()
    counts = dict.fromkeys(powiaty, 0)
    for stage, codes in placeskit.PLACES.values():
        if stage != "available":
            continue
        covered: set[str] = set()
        for code in codes:
            if len(code) == 2:
                covered |= {p for p in powiaty if p.startswith(code)}
            else:
                covered.add(code[:4])
        for powiat in covered:
            counts[powiat] += 1
    return counts


@pytest.fixture(scope="module")
def places_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("places")
    placeskit.write_places(project / "content")
    h.make_project(project)
    return h.build(project)


def map_links(source: str) -> list[tuple[str, str, str]]:
    """(href, class, aria-label) of each powiat link in the home page's map."""
    svg = re.search(r'<svg class="wiazki-map__svg".*?</svg>', source, re.S)
    assert svg is not None
    return re.findall(
        r'<a xlink:href="([^"]+)" role="link" class="(s\d)" aria-label="([^"]+)"><path d="[^"]+"/></a>', svg.group(0)
    )


LABEL = re.compile(r"^(?P<name>.+): (?P<n>\d+) (wiązka dostępna|wiązki dostępne|wiązek dostępnych)$")


def test_every_powiat_is_drawn_and_linked_to_the_catalogue_filtered_to_it(places_site: Path) -> None:
    home = h.page(places_site, "")
    links = map_links(home.source)
    powiaty = register_powiaty()
    assert len(links) == len(powiaty) == 380
    codes = [re.fullmatch(r"wiazki/\?powiat=(\d{4})", href).group(1) for href, _, _ in links]  # type: ignore[union-attr]
    assert sorted(codes) == sorted(powiaty)
    # The catalogue offers every powiat the map links to, so no link shows the unfiltered list.
    catalogue = h.page(places_site, "wiazki")
    offered = {o.attrs["value"] for o in catalogue.find_all("option") if o.attrs.get("data-voivodeship")}
    assert offered == set(powiaty)
    assert home.by_id("mapa-tabela").tag == "details"


def test_shading_is_the_union_of_territories_expanded_through_teryt(places_site: Path) -> None:
    source = h.page(places_site, "").source
    expected = expected_counts()
    assert expected["3010"] == 3 and expected["3064"] == 1 and expected["1465"] == 2 and expected["1211"] == 1
    labels = {}
    for href, shade, label in map_links(source):
        match = LABEL.match(label)
        assert match, label
        labels[href[-4:]] = (int(match["n"]), shade)
    assert {code: n for code, (n, _) in labels.items()} == expected
    assert labels["3010"][0] == 3 and "powiat koniński: 3 wiązki dostępne" in source
    assert "powiat bieszczadzki: 0 wiązek dostępnych" in source  # a bundle still in design does not count
    # Shades grow with the count, and the legend names the range of each.
    by_count = sorted({(n, int(s[1])) for n, s in labels.values()})
    assert [s for _, s in by_count] == sorted(s for _, s in by_count) and by_count[0] == (0, 0)
    legend = re.search(r'<ul class="wiazki-map__legend".*?</ul>', source, re.S).group(0)  # type: ignore[union-attr]
    assert re.findall(r'swatch (s\d)" aria-hidden="true"></span>([\d–]+)<', legend) == [
        ("s0", "0"),
        ("s1", "1"),
        ("s2", "2"),
        ("s3", "3"),
    ]
    assert geo.ATTRIBUTION in source


def test_the_table_after_the_map_gives_the_same_numbers(places_site: Path) -> None:
    table = re.search(r'<table class="wiazki-map__table">.*?</table>', h.page(places_site, "").source, re.S)
    rows = re.findall(r'<a href="wiazki/\?powiat=(\d{4})">[^<]+</a></th><td>[^<]+</td><td>(\d+)</td>', table.group(0))  # type: ignore[union-attr]
    assert {code: int(n) for code, n in rows} == expected_counts()


def test_map_sizes_and_bundle_map(places_site: Path) -> None:
    home = h.page(places_site, "").source
    svg = re.search(r'<svg class="wiazki-map__svg".*?</svg>', home, re.S).group(0)  # type: ignore[union-attr]
    assert len(svg.encode()) < 150_000
    for bundle_id in ("w-gminie-kramsk", "w-wielkopolsce", "w-pomorskiem-i-krakowie"):
        page = h.page(places_site, f"wiazki/{bundle_id}").source
        figure = re.search(r'<figure class="wiazki-territory-map">.*?</figure>', page, re.S).group(0)  # type: ignore[union-attr]
        assert len(figure.encode()) < 20_000
        assert geo.ATTRIBUTION in figure
    kramsk = h.page(places_site, "wiazki/w-gminie-kramsk").source
    assert "Mapa Polski z zaznaczonym obszarem wiązki: Kramsk (gmina wiejska), powiat koniński" in kramsk
    assert "Gmina jest zaznaczona wraz z całym powiatem." in kramsk


def catalogue_with(root: Path, extra: int):
    bundles = placeskit.bundles()
    for i in range(extra):
        bundles[f"inna-{i}"] = placeskit.bundle(f"inna-{i}", "available", ["3010052" if i % 2 else "30"])
    kit.write_content(root, bundles=bundles)
    return build_catalogue(validate_content(root, today=kit.TODAY), load_register())


def test_a_bundle_page_does_not_grow_with_the_catalogue(tmp_path: Path) -> None:
    small = SiteViews(catalogue_with(tmp_path / "small", 0))
    large = SiteViews(catalogue_with(tmp_path / "large", 40))
    for bundle_id in ("w-gminie-kramsk", "w-wielkopolsce"):
        a = small.bundle_page(small.catalogue.bundles[bundle_id]).html
        b = large.bundle_page(large.catalogue.bundles[bundle_id]).html
        assert a == b


def test_names_in_the_map_are_escaped() -> None:
    # The map's labels come from TERYT: a register with markup in a name must not inject it.
    register = load_register()
    units = dict(register.units)
    unit = units["3010"]
    units["3010"] = Unit(unit.code, '<img src=x onerror="alert(1)">', unit.kind, unit.level)
    html = maps.home_map(Catalogue({}, {}, Register(register.date, units)), lambda code: f"wiazki/?powiat={code}")
    assert "<img" not in html and "&lt;img src=x" in html


def test_shade_bins_cover_every_count_once() -> None:
    for highest in (0, 1, 3, 4, 5, 12, 87, 1000):
        bins = maps.shade_bins(highest)
        covered = [n for low, high in bins for n in range(low, high + 1)]
        assert covered == list(range(max(highest, 1) + 1)) and len(bins) <= maps.SHADES
