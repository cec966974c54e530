"""/w-liczbach/: every table's figures equal sums computed here from the YAML data itself."""

from __future__ import annotations

import html
import re
from collections import Counter, defaultdict

import pytest

import placeskit
import sitehelpers as h
from wiazki.format import vocab
from wiazki.polish import amount, number


@pytest.fixture(scope="module")
def numbers_page(tmp_path_factory: pytest.TempPathFactory) -> str:
    project = tmp_path_factory.mktemp("numbers")
    placeskit.write_places(project / "content")
    h.make_project(project)
    site = h.build(project)
    return (site / "w-liczbach" / "index.html").read_text(encoding="utf-8")


def table(source: str, table_id: str) -> dict[str, list[str]]:
    """Row heading → cells (text, unescaped) of the table with `table_id`, footer included."""
    match = re.search(rf'<table class="wiazki-numbers__table" id="{table_id}">(.*?)</table>', source, re.S)
    assert match, table_id
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", match.group(1), re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if head:
            rows[html.unescape(head.group(1))] = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
    return rows


def data() -> dict[str, dict]:
    return placeskit.bundles()


def test_stages_count_every_bundle_once(numbers_page: str) -> None:
    stages = Counter(b["stage"] for b in data().values())
    rows = table(numbers_page, "etapy-tabela")
    for stage in (*vocab.DESIGN_STAGES, "available", "closed"):
        assert rows[vocab.STAGES.label(stage)] == [number(stages[stage])]
    assert rows["Razem"] == [str(len(data()))]


def test_voivodeships_groups_and_service_types(numbers_page: str) -> None:
    every: Counter[str] = Counter()
    available: Counter[str] = Counter()
    for b in data().values():
        for code in {c[:2] for c in b["territory"]}:
            every[code] += 1
            available[code] += b["stage"] == "available"
    rows = table(numbers_page, "wojewodztwa-tabela")
    assert rows["wielkopolskie"] == [str(every["30"]), str(available["30"])] == ["4", "3"]
    assert rows["mazowieckie"] == ["2", "2"] and rows["małopolskie"] == ["3", "2"]
    assert len(rows) == len(every)
    groups = table(numbers_page, "grupy-tabela")
    assert groups[vocab.TARGET_GROUPS.label("older_persons")] == [str(len(data())), "7"]
    types = table(numbers_page, "uslugi-tabela")
    assert set(types) == {vocab.SERVICE_TYPES.label(t) for t in ("care", "meals", "telecare")}


def test_partners_by_sector(numbers_page: str) -> None:
    rows = table(numbers_page, "sektory-tabela")
    assert rows == {"Sektor publiczny": ["1"], "Ekonomia społeczna": ["2"], "Razem": ["3"]}


def test_funding_sums_by_source_and_period_over_available_bundles(numbers_page: str) -> None:
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    costs: dict[str, list[float]] = defaultdict(list)
    for b in data().values():
        if b["stage"] != "available":
            continue
        for stream in b["canvas"]["revenue_streams"]:
            sums[stream["source"]][str(stream.get("period", "bez okresu"))] += stream["amount_pln"]
        per_period: dict[str, float] = defaultdict(float)
        for cost in b["canvas"]["cost_structure"]:
            per_period[cost["period"]] += cost["amount_pln"]
        for period, total in per_period.items():
            costs[period].append(total)
    periods = ["2024–2026", "2026", "bez okresu"]
    assert re.search(r"<th scope=\"col\">Źródło finansowania</th><th scope=\"col\">2024–2026</th>", numbers_page)
    rows = table(numbers_page, "finansowanie-tabela")
    for source, by_period in sums.items():
        assert rows[vocab.FUNDING_SOURCES.label(source)] == [amount(round(by_period.get(p, 0), 2)) for p in periods]
    assert rows["Razem"] == [amount(round(sum(s.get(p, 0) for s in sums.values()), 2)) for p in periods]
    assert rows["Budżet JST"][1] == amount(10_000 * (1 + 2 + 3 + 4 + 5 + 6 + 7))
    cost_rows = table(numbers_page, "koszty-tabela")
    totals = costs["2026"]
    assert cost_rows["2026"] == [
        str(len(totals)),
        amount(sum(totals)),
        amount(sum(totals) / len(totals)),
        amount(sorted(totals)[len(totals) // 2]),
    ]


def test_each_chart_is_named_by_its_caption_and_numbers_are_polish(numbers_page: str) -> None:
    charts = re.findall(r'<svg class="wiazki-chart"[^>]*aria-labelledby="([^"]+)"', numbers_page)
    assert charts == [
        f"{f}-podpis" for f in ("etapy", "wojewodztwa", "grupy", "uslugi", "sektory", "finansowanie", "koszty")
    ]
    for caption in charts:
        assert f'<figcaption id="{caption}">' in numbers_page
    assert "280\u00a0000\u00a0zł" in html.unescape(numbers_page)  # Budżet JST, 2026: 10 000 × (1 + … + 7)
