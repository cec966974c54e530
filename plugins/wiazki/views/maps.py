"""The map of Poland by powiaty (home page) and the small territory map (bundle pages).

Both are inline SVG built from `wiazki.views.geo` shapes, which are computed once per
build; a page only joins cached path strings with its own links and classes. Every
name that reaches the markup is escaped (markupsafe).

Coverage rule (the issue "Where help is"): an available bundle covers a powiat when its
territory lists the powiat, a gmina-level unit in it (the first four digits of the TERC
code), or the whole województwo the powiat lies in (the first two digits).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from wiazki.format.teryt import POWIAT, Register
from wiazki.model import Bundle, Catalogue
from wiazki.polish import count
from wiazki.views import geo
from wiazki.views.text import polish_key

#: Fill classes of the shading, lightest (no bundle) to darkest; colours in wiazki.css.
SHADES = 5


def powiats_by_voivodeship(register: Register) -> dict[str, list[str]]:
    """2-digit code → the 4-digit codes of its powiaty, in register order."""
    out: dict[str, list[str]] = {}
    for unit in register.units.values():
        if unit.level == POWIAT:
            out.setdefault(unit.code[:2], []).append(unit.code)
    return out


def covered_powiats(bundle: Bundle, by_voivodeship: dict[str, list[str]]) -> set[str]:
    """The 4-digit codes of the powiaty a bundle's territory covers (rule in the module docstring)."""
    covered: set[str] = set()
    for code in bundle.territory:
        if len(code) >= 4:
            covered.add(code[:4])
        else:
            covered.update(by_voivodeship.get(code, ()))
    return covered


def powiat_counts(catalogue: Catalogue) -> dict[str, int]:
    """Every powiat of the register (4-digit code) → number of available bundles covering it."""
    by_voivodeship = powiats_by_voivodeship(catalogue.register)
    counts = {code: 0 for codes in by_voivodeship.values() for code in codes}
    for bundle in catalogue.by_status("available"):
        for code in covered_powiats(bundle, by_voivodeship):
            if code in counts:
                counts[code] += 1
    return counts


def shade_bins(highest: int) -> list[tuple[int, int]]:
    """Inclusive count ranges of the legend's classes: [(0, 0), (1, 1), …] up to `highest`.

    Up to four bundles each number has its own class; above that, 1…highest is cut into
    four ranges with geometric edges, so a few well-served powiaty do not wash out the rest.
    """
    if highest <= SHADES - 1:
        return [(n, n) for n in range(max(highest, 1) + 1)]
    edges = [0]
    for i in range(1, SHADES):
        edge = max(round(highest ** (i / (SHADES - 1))), edges[-1] + 1)
        edges.append(min(edge, highest))
    bins = [(0, 0)]
    low = 1
    for edge in edges[1:]:
        if edge >= low:
            bins.append((low, edge))
            low = edge + 1
    return bins


def shade_of(n: int, bins: list[tuple[int, int]]) -> int:
    for i, (low, high) in enumerate(bins):
        if low <= n <= high:
            return i
    return len(bins) - 1


def range_text(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def available_text(n: int) -> str:
    """ "2 wiązki dostępne", "0 wiązek dostępnych"."""
    return count(n, "wiązka dostępna", "wiązki dostępne", "wiązek dostępnych")


def powiat_label(register: Register, code: str) -> str:
    """ "powiat koniński" or "Konin (miasto na prawach powiatu)", as the catalogue's filter writes it."""
    unit = register.get(code)
    return unit.short_name if unit is not None else code


@dataclass(frozen=True)
class PowiatRow:
    code: str
    label: str
    voivodeship: str
    count: int
    shade: int
    href: str


def powiat_rows(catalogue: Catalogue, href: Callable[[str], str]) -> tuple[list[PowiatRow], list[tuple[int, int]]]:
    """One row per powiat (sorted by województwo, then name) and the legend's bins."""
    register = catalogue.register
    counts = powiat_counts(catalogue)
    bins = shade_bins(max(counts.values(), default=0))
    rows = []
    for code, n in counts.items():
        voivodeship = register.get(code[:2])
        rows.append(
            PowiatRow(
                code,
                powiat_label(register, code),
                voivodeship.display_name if voivodeship else code[:2],
                n,
                shade_of(n, bins),
                href(code),
            )
        )
    rows.sort(key=lambda r: (polish_key(r.voivodeship), polish_key(r.label.removeprefix("powiat "))))
    return rows, bins


def _is_city(code: str) -> bool:
    # TERC numbers the cities with powiat rights from 61 on; they are drawn over the
    # powiat around them, whose outline has no hole for them.
    return code[2:4] >= "61"


def home_map(catalogue: Catalogue, href: Callable[[str], str]) -> Markup:
    """The home page's figure: the linked map, its legend, attribution and the table.

    `href(code)` gives the link to the catalogue filtered to a powiat. Shapes missing
    from the boundaries file are still listed in the table.
    """
    shapes = geo.load_shapes("full")
    rows, bins = powiat_rows(catalogue, href)
    # xlink:href, not href (so role="link" for axe): Material's instant navigation rewrites every relative
    # `[href]` by assigning el.href, which throws on SVG links (a read-only property).
    drawn = sorted((r for r in rows if r.code in shapes.powiaty), key=lambda r: (_is_city(r.code), r.code))
    links = "".join(
        f'<a xlink:href="{escape(r.href)}" role="link" class="s{r.shade}" '
        f'aria-label="{escape(r.label)}: {available_text(r.count)}">'
        f'<path d="{shapes.powiaty[r.code].d}"/></a>'
        for r in drawn
    )
    outlines = "".join(f'<path d="{s.d}"/>' for s in shapes.voivodeships.values())
    legend = "".join(
        f'<li><span class="wiazki-map__swatch s{i}" aria-hidden="true"></span>{range_text(low, high)}</li>'
        for i, (low, high) in enumerate(bins)
    )
    table = "".join(
        f'<tr><th scope="row"><a href="{escape(r.href)}">{escape(r.label)}</a></th>'
        f"<td>{escape(r.voivodeship)}</td><td>{r.count}</td></tr>"
        for r in rows
    )
    covered = sum(1 for r in rows if r.count)
    return Markup(
        # data-pagefind-ignore: every powiat's name is not what the home page is about (search).
        '<figure class="wiazki-map" aria-labelledby="mapa-podpis" data-pagefind-ignore>'
        '<p><a class="wiazki-map__skip" href="#mapa-tabela">Pomiń mapę: przejdź do tabeli powiatów</a></p>'
        f'<svg class="wiazki-map__svg" viewBox="0 0 {geo.WIDTH} {geo.HEIGHT}" role="group" '
        'aria-label="Mapa Polski: powiaty według liczby dostępnych wiązek; każdy powiat to odnośnik do katalogu">'
        f'<g class="wiazki-map__powiaty">{links}</g>'
        f'<g class="wiazki-map__voivodeships" aria-hidden="true">{outlines}</g></svg>'
        '<figcaption id="mapa-podpis"><p>Liczba dostępnych wiązek w każdym powiecie '
        f"(wiązki w {covered} z {len(rows)} powiatów). Wiązka gminy liczy się w jej powiecie, "
        "wiązka województwa w każdym jego powiecie. Wybierz powiat, aby zobaczyć jego wiązki.</p>"
        f'<ul class="wiazki-map__legend" aria-label="Legenda: liczba dostępnych wiązek">{legend}</ul>'
        f'<p class="wiazki-map__source">{escape(geo.ATTRIBUTION)}</p></figcaption></figure>'
        '<details class="wiazki-map__details" id="mapa-tabela" data-pagefind-ignore>'
        "<summary>Tabela: dostępne wiązki w każdym powiecie</summary>"
        '<table class="wiazki-map__table"><caption>Liczba dostępnych wiązek według powiatu</caption>'
        '<thead><tr><th scope="col">Powiat</th><th scope="col">Województwo</th>'
        f'<th scope="col">Dostępne wiązki</th></tr></thead><tbody>{table}</tbody></table></details>'
    )


def territory_map(catalogue: Catalogue, bundle: Bundle) -> Markup | None:
    """A small map of Poland with the bundle's territory filled, or None if nothing is known.

    Its size depends only on the bundle's own territory (under 20 KB for any bundle that
    does not list dozens of powiaty), never on the catalogue.
    """
    shapes = geo.load_shapes("small")
    register = catalogue.register
    filled: list[str] = []
    names: list[str] = []
    gmina_level = False
    for code in dict.fromkeys(bundle.territory):
        if len(code) == 2 and code in shapes.voivodeships:
            filled.append(shapes.voivodeships[code].d)
        elif len(code) >= 4 and code[:4] in shapes.powiaty:
            filled.append(shapes.powiaty[code[:4]].d)
            gmina_level = gmina_level or len(code) > 4
        else:
            continue
        names.append(register.describe(code))
    if not filled:
        return None
    outlines = "".join(f'<path d="{s.d}"/>' for s in shapes.voivodeships.values())
    area = "".join(f'<path d="{d}"/>' for d in dict.fromkeys(filled))
    note = " Gmina jest zaznaczona wraz z całym powiatem." if gmina_level else ""
    return Markup(
        '<figure class="wiazki-territory-map">'
        f'<svg viewBox="0 0 {geo.WIDTH} {geo.HEIGHT}" role="img" aria-labelledby="mapa-obszaru">'
        f'<title id="mapa-obszaru">Mapa Polski z zaznaczonym obszarem wiązki: {escape("; ".join(names))}</title>'
        f'<g class="wiazki-territory-map__land">{outlines}</g>'
        f'<g class="wiazki-territory-map__area">{area}</g></svg>'
        f"<figcaption>Obszar wiązki na mapie Polski.{note} "
        f'<span class="wiazki-map__source">{escape(geo.ATTRIBUTION)}</span></figcaption></figure>'
    )
