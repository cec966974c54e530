"""Sizes and build cost of the maps, the gmina index and /w-liczbach/ at 12 and 1,000 bundles.

    python benchmarks/bench_maps.py [--sizes 12 1000]

The bundles are bench_build.py's (the sample ones, cycled); from the 13th on each gets
a territory drawn (seeded) from the register: a gmina, a powiat or, for one in ten, a
whole województwo, so the 1,000-bundle map is shaded across the country. Everything
runs in this process on the views (no MkDocs): what a page carries does not depend on
the generator. Limits from the issue: home map < 150 KB of SVG, a bundle page's map
< 20 KB, a bundle page the same size at any catalogue size.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate  # noqa: E402
from wiazki.format.teryt import GMINA, POWIAT, VOIVODESHIP, load_register  # noqa: E402
from wiazki.model import Catalogue  # noqa: E402
from wiazki.views import SiteViews, geo, maps, numbers, places  # noqa: E402


def catalogue(n: int) -> Catalogue:
    register = load_register()
    bundles, partners = generate(n)
    pick = random.Random(12)
    levels = {
        level: sorted(code for code, unit in register.units.items() if unit.level == level)
        for level in (GMINA, POWIAT, VOIVODESHIP)
    }
    for i, bundle in enumerate(bundles):
        if i >= 12:
            level = VOIVODESHIP if i % 10 == 0 else (GMINA if i % 2 else POWIAT)
            bundle["territory"] = [pick.choice(levels[level])]
    return Catalogue.from_documents(bundles, partners, register)


def kb(n: int) -> str:
    return f"{n / 1024:.1f} KB"


def measure(n: int) -> dict[str, object]:
    cat = catalogue(n)
    views = SiteViews(cat)
    start = time.perf_counter()
    home = maps.home_map(cat, lambda code: f"wiazki/?powiat={code}")
    home_time = time.perf_counter() - start
    svg = re.search(r'<svg class="wiazki-map__svg".*?</svg>', str(home), re.S)
    assert svg is not None
    start = time.perf_counter()
    territory = [maps.territory_map(cat, b) for b in cat.bundles.values()]
    territory_time = time.perf_counter() - start
    sizes = [len(str(m).encode()) for m in territory if m is not None]
    first = min(cat.bundles)
    start = time.perf_counter()
    numbers_body = views.numbers_page().html
    numbers_time = time.perf_counter() - start
    covered = sum(1 for c in maps.powiat_counts(cat).values() if c)
    return {
        "bundles": n,
        "home SVG": kb(len(svg.group(0).encode())),
        "home map + legend + table": kb(len(str(home).encode())),
        "home map time": f"{home_time * 1000:.0f} ms",
        "powiaty with bundles": f"{covered} of 380",
        "largest bundle map": kb(max(sizes)),
        "bundle maps (all) time": f"{territory_time * 1000:.0f} ms",
        f"bundle page body ({first})": f"{len(views.bundle_page(cat.bundles[first]).html.encode())} B",
        "/w-liczbach/ body": kb(len(numbers_body.encode())),
        "/w-liczbach/ time": f"{numbers_time * 1000:.0f} ms",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 1000])
    args = parser.parse_args()
    geo.load_shapes.cache_clear()
    start = time.perf_counter()
    geo.load_shapes("full")
    geo.load_shapes("small")
    shapes_time = time.perf_counter() - start
    print(f"Boundaries projected and simplified once per build: {shapes_time * 1000:.0f} ms")
    print(f"Gmina index ({places.INDEX_URI}): {kb(len(places.gmina_index(load_register()).encode()))}")
    print(f"Figures on /w-liczbach/: {len(numbers.figures(catalogue(12)))}")
    results = [measure(n) for n in args.sizes]
    for key in results[0]:
        print(f"{key:<42}" + "".join(f"{str(r[key]):>16}" for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
