"""The catalogue in numbers (/w-liczbach/): counts and amounts, each as an SVG bar chart
drawn at build time with a caption and a data table beside it.

Every figure comes from the same `Catalogue` the rest of the site shows:

- bundles by stage: the five Design Thinking stages, then available and closed;
- bundles by województwo (of their territory; a bundle in two counts in both), by
  target group and by service type, each with all bundles and the available ones;
- partners by sector;
- funding: revenue-stream amounts of available bundles summed by funding source for
  each period as the files write it ("2026", "2024–2026"), amounts without a period
  apart; costs per available bundle (sum of its cost items) for each period.

Labels come from our vocabularies and TERYT; all are escaped (markupsafe).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from wiazki.format import vocab
from wiazki.format.fields import field_at
from wiazki.model import Bundle, Catalogue
from wiazki.polish import amount, number

#: Column heading of amounts without a period in the files.
NO_PERIOD = "bez okresu"


@dataclass(frozen=True)
class Figure:
    """One chart and its table: `rows` are (label, values…); the chart draws `values[chart_column]`."""

    id: str
    heading: str
    caption: str
    columns: tuple[str, ...]
    rows: list[tuple[str, tuple[float, ...]]]
    money: bool = False
    chart_column: int = 0
    #: Which value columns are counts in a money figure (e.g. "bundles with costs").
    count_columns: tuple[int, ...] = ()
    totals: tuple[float, ...] | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def cell(self, value: float, column: int = 0) -> str:
        """`value` in Polish format: "1 250,50 zł" for money, "12" for a count."""
        if self.money and column not in self.count_columns:
            return amount(round(value, 2))
        return number(int(value))

    @property
    def chart(self) -> Markup:
        return bar_chart(
            [(label, values[self.chart_column]) for label, values in self.rows],
            lambda value: self.cell(value, self.chart_column),
            f"{self.id}-podpis",
        )


def _period_key(period: str) -> tuple[int, str]:
    return (1, period) if period == NO_PERIOD else (0, period)


def _labelled(keys: Sequence[str], label: Callable[[str], str], counts: Callable[[str], tuple[int, ...]]):
    rows = []
    for key in keys:
        values = counts(key)
        if any(values):
            rows.append((label(key), tuple(float(n) for n in values)))
    return rows


def figures(catalogue: Catalogue) -> list[Figure]:
    """All figures of the page, in order (the sources are in the module docstring)."""
    bundles = list(catalogue.bundles.values())
    available = [b for b in bundles if b.status == "available"]
    register = catalogue.register
    out: list[Figure] = []

    stages = [*vocab.DESIGN_STAGES, "available", "closed"]
    out.append(
        Figure(
            "etapy",
            "Wiązki według etapu",
            "Liczba wiązek na każdym z pięciu etapów Design Thinking oraz dostępnych i zakończonych.",
            ("Etap", "Wiązki"),
            [(vocab.STAGES.label(s), (float(sum(1 for b in bundles if b.stage == s)),)) for s in stages],
            totals=(float(len(bundles)),),
        )
    )

    def both(test: Callable[[Bundle], bool]) -> tuple[int, int]:
        return (sum(1 for b in bundles if test(b)), sum(1 for b in available if test(b)))

    regions = {b.id: set(catalogue.voivodeships_of(b)) for b in bundles}
    voivodeships = sorted(
        (code for code, unit in register.units.items() if len(code) == 2),
        key=lambda code: register.units[code].display_name,
    )
    for fid, first, heading, caption, keys, label, test in (
        (
            "wojewodztwa",
            "Województwo",
            "Wiązki według województwa",
            "Liczba wiązek w każdym województwie (wiązka na terenie dwóch województw liczy się w obu).",
            voivodeships,
            lambda code: register.units[code].display_name,
            lambda key: lambda b: key in regions[b.id],
        ),
        (
            "grupy",
            "Grupa odbiorców",
            "Wiązki według grupy odbiorców",
            "Liczba wiązek dla każdej grupy odbiorców (wiązka dla kilku grup liczy się przy każdej).",
            list(vocab.TARGET_GROUPS),
            vocab.TARGET_GROUPS.label,
            lambda key: lambda b: key in b.groups,
        ),
        (
            "uslugi",
            field_at("bundle", "canvas.value_proposition.services[].type").label,
            "Wiązki według rodzaju usług",
            "Liczba wiązek, które obejmują usługę danego rodzaju.",
            list(vocab.SERVICE_TYPES),
            vocab.SERVICE_TYPES.label,
            lambda key: lambda b: key in b.service_types,
        ),
    ):
        rows = _labelled(keys, label, lambda key, test=test: both(test(key)))  # type: ignore[misc]
        rows.sort(key=lambda row: -row[1][0])
        out.append(Figure(fid, heading, caption, (first, "Wszystkie", "Dostępne"), rows))

    partners = list(catalogue.partners.values())
    out.append(
        Figure(
            "sektory",
            "Partnerzy według sektora",
            "Liczba partnerów katalogu w każdym sektorze.",
            (field_at("partner", "sector").label, "Partnerzy"),
            _labelled(list(vocab.SECTORS), vocab.SECTORS.label, lambda s: (sum(1 for p in partners if p.sector == s),)),
            totals=(float(len(partners)),),
        )
    )
    out += funding_figures(available)
    return out


def revenue_by_source(bundles: Sequence[Bundle]) -> tuple[list[str], dict[str, dict[str, float]]]:
    """(periods in order, {funding source → {period → summed amount_pln}}) over the bundles' revenue streams."""
    sums: dict[str, dict[str, float]] = {}
    periods: set[str] = set()
    for bundle in bundles:
        for stream in bundle.canvas.revenue_streams:
            if stream.amount_pln is None:
                continue
            period = stream.period or NO_PERIOD
            periods.add(period)
            by_period = sums.setdefault(stream.source, {})
            by_period[period] = by_period.get(period, 0) + stream.amount_pln
    return sorted(periods, key=_period_key), sums


def costs_by_bundle(bundles: Sequence[Bundle]) -> tuple[list[str], dict[str, list[float]]]:
    """(periods in order, {period → the cost totals of each bundle with costs in that period})."""
    totals: dict[str, list[float]] = {}
    for bundle in bundles:
        per_period: dict[str, float] = {}
        for cost in bundle.canvas.cost_structure:
            if cost.amount_pln is not None:
                period = cost.period or NO_PERIOD
                per_period[period] = per_period.get(period, 0) + cost.amount_pln
        for period, total in per_period.items():
            totals.setdefault(period, []).append(total)
    return sorted(totals, key=_period_key), totals


def funding_figures(available: Sequence[Bundle]) -> list[Figure]:
    out: list[Figure] = []
    periods, sums = revenue_by_source(available)
    if periods:
        sources = [s for s in vocab.FUNDING_SOURCES if s in sums]
        rows = [(vocab.FUNDING_SOURCES.label(s), tuple(float(sums[s].get(p, 0)) for p in periods)) for s in sources]
        rows.sort(key=lambda row: -sum(row[1]))
        totals = tuple(float(sum(sums[s].get(p, 0) for s in sources)) for p in periods)
        main = max(range(len(periods)), key=lambda i: totals[i])
        out.append(
            Figure(
                "finansowanie",
                "Finansowanie dostępnych wiązek według źródła",
                f"Kwoty strumieni przychodów dostępnych wiązek, zsumowane według źródła finansowania dla "
                f"każdego okresu podanego w plikach; wykres pokazuje okres {periods[main]}.",
                ("Źródło finansowania", *periods),
                rows,
                money=True,
                chart_column=main,
                totals=totals,
                notes=("Kwot z różnych okresów nie sumujemy: okres wieloletni (np. 2024–2026) to kwota na cały okres.",)
                if len(periods) > 1
                else (),
            )
        )
    periods, costs = costs_by_bundle(available)
    if periods:
        rows = [
            (
                period,
                (
                    float(len(costs[period])),
                    float(sum(costs[period])),
                    float(statistics.fmean(costs[period])),
                    float(statistics.median(costs[period])),
                ),
            )
            for period in periods
        ]
        out.append(
            Figure(
                "koszty",
                "Koszty dostępnych wiązek",
                "Koszty wiązki to suma pozycji jej struktury kosztów w danym okresie; wykres pokazuje "
                "średni koszt jednej wiązki w każdym okresie.",
                ("Okres", "Wiązki z kosztami", "Suma kosztów", "Średnio na wiązkę", "Mediana"),
                rows,
                money=True,
                chart_column=2,
                count_columns=(0,),
            )
        )
    return out


# -- drawing ----------------------------------------------------------------------

_LABEL_WIDTH = 270
_BAR_WIDTH = 250
_ROW = 24
_MAX_LABEL = 42


def _short(label: str) -> str:
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1].rstrip() + "…"


def bar_chart(rows: Sequence[tuple[str, float]], fmt: Callable[[float], str], caption_id: str) -> Markup:
    """A horizontal bar chart (SVG) of (label, value) rows; labels truncated to fit, values formatted by `fmt`.

    The SVG is an image named by the figure's caption (`caption_id`); the table beside it
    carries the same numbers for screen readers and copying.
    """
    highest = max((v for _, v in rows), default=0) or 1
    width = _LABEL_WIDTH + _BAR_WIDTH + 110
    height = max(len(rows), 1) * _ROW + 8
    parts = []
    for i, (label, value) in enumerate(rows):
        y = 4 + i * _ROW
        bar = round(_BAR_WIDTH * value / highest, 1)
        parts.append(
            f'<text x="{_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end">{escape(_short(label))}</text>'
            f'<rect x="{_LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{_ROW - 8}"/>'
            f'<text x="{_LABEL_WIDTH + bar + 6}" y="{y + 16}">{escape(fmt(value))}</text>'
        )
    return Markup(
        f'<svg class="wiazki-chart" viewBox="0 0 {width} {height}" role="img" aria-labelledby="{caption_id}">'
        f"{''.join(parts)}</svg>"
    )
