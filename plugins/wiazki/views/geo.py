"""Boundaries of Poland's województwa and powiaty as SVG path data, computed once per build.

The shipped GeoJSON (`data/granice/`, WGS 84 longitude/latitude; source and licence in
its README) is projected onto a plane, simplified (Douglas–Peucker) and quantised to
whole map units, then written as compact relative SVG path data. `load_shapes()` does
that once per process and detail level; every page draws from the cached strings, so
a page's cost does not grow with the number of pages.

Projection: equirectangular with longitudes scaled by cos(52°), Poland's middle
latitude; over Poland's 6° of latitude the distortion stays under 5%, invisible at
the sizes drawn here. One map unit is about 1.15 km.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

GRANICE_DIR = Path(__file__).resolve().parent.parent / "data" / "granice"

#: Attribution required by the boundaries' source (README in data/granice/).
ATTRIBUTION = "Granice: PRG, GUGiK; uproszczenie: polska-geojson (MIT)"

#: The projected map's frame: west, north edges in degrees, and units per degree of latitude.
_WEST, _NORTH = 14.05, 54.9
_UNITS_PER_DEGREE = 96.0
_COS = math.cos(math.radians(52.0))

#: viewBox of every map drawn from these shapes: "0 0 WIDTH HEIGHT" in map units.
WIDTH = 600
HEIGHT = 570

Point = tuple[float, float]
Ring = list[Point]


def project(lon: float, lat: float) -> Point:
    """(x, y) in map units for a WGS 84 point; y grows southwards as in SVG."""
    return ((lon - _WEST) * _COS * _UNITS_PER_DEGREE, (_NORTH - lat) * _UNITS_PER_DEGREE)


def simplify(ring: Ring, tolerance: float) -> Ring:
    """Douglas–Peucker simplification of a closed ring (first point == last point or not).

    Keeps the points whose distance from the simplified line exceeds `tolerance`
    (map units). Iterative, so a long ring cannot exhaust the stack.
    """
    if len(ring) < 4 or tolerance <= 0:
        return list(ring)
    # Split the ring at its point furthest from the first, so neither half is degenerate.
    first = ring[0]
    far = max(range(len(ring)), key=lambda i: (ring[i][0] - first[0]) ** 2 + (ring[i][1] - first[1]) ** 2)
    keep = [False] * len(ring)
    keep[0] = keep[-1] = keep[far] = True
    stack = [(0, far), (far, len(ring) - 1)]
    tol2 = tolerance * tolerance
    while stack:
        start, end = stack.pop()
        if end <= start + 1:
            continue
        (ax, ay), (bx, by) = ring[start], ring[end]
        dx, dy = bx - ax, by - ay
        length2 = dx * dx + dy * dy
        worst, worst_d2 = -1, tol2
        for i in range(start + 1, end):
            px, py = ring[i]
            if length2 == 0:
                d2 = (px - ax) ** 2 + (py - ay) ** 2
            else:
                cross = dx * (py - ay) - dy * (px - ax)
                d2 = cross * cross / length2
            if d2 > worst_d2:
                worst, worst_d2 = i, d2
        if worst >= 0:
            keep[worst] = True
            stack.append((start, worst))
            stack.append((worst, end))
    return [p for p, k in zip(ring, keep, strict=True) if k]


def _area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def path_data(rings: list[Ring], tolerance: float, min_area: float) -> str:
    """Compact SVG path data ("M12 34l1-2 3 0z…") for rings in map units.

    Coordinates are rounded to whole units after simplification; rings smaller than
    `min_area` square units are left out, except the largest, so every unit is drawn.
    """
    parts: list[str] = []
    largest = max(rings, key=_area) if rings else None
    for ring in rings:
        if ring is not largest and _area(ring) < min_area:
            continue
        points: list[tuple[int, int]] = []
        for x, y in simplify(ring, tolerance):
            p = (round(x), round(y))
            if not points or points[-1] != p:
                points.append(p)
        if len(points) > 1 and points[0] == points[-1]:
            points.pop()
        if len(points) < 3:
            if ring is not largest:
                continue
            x, y = (round(c) for c in ring[0])
            points = [(x, y), (x + 1, y), (x + 1, y + 1)]
        x0, y0 = points[0]
        steps = [f"M{x0} {y0}l"]
        px, py = x0, y0
        for x, y in points[1:]:
            steps.append(_pair(x - px, y - py))
            px, py = x, y
        parts.append(_join(steps) + "z")
    return "".join(parts)


def _pair(dx: int, dy: int) -> str:
    return f"{dx}{'' if dy < 0 else ' '}{dy}"


def _join(steps: list[str]) -> str:
    # SVG lets a minus sign separate numbers: "l1 2-3 4" needs no space before "-3".
    out = steps[0]
    for step in steps[1:]:
        out += step if step.startswith("-") or out.endswith("l") else " " + step
    return out


def _rings(geometry: dict) -> list[Ring]:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    # Outer rings only: holes in powiaty are the cities with powiat rights, drawn on top.
    return [[project(lon, lat) for lon, lat in polygon[0]] for polygon in polygons if polygon]


@dataclass(frozen=True)
class Shape:
    """One unit's outline: its TERC code, its name in the source, its SVG path data."""

    code: str
    name: str
    d: str


@dataclass(frozen=True)
class Shapes:
    """Path data of all powiaty and województwa at one level of detail."""

    powiaty: dict[str, Shape]
    voivodeships: dict[str, Shape]


#: Levels of detail: (simplification tolerance, smallest island kept), in map units.
DETAIL = {"full": (0.6, 4.0), "small": (1.6, 30.0)}


@lru_cache(maxsize=4)
def load_shapes(detail: str = "full", directory: Path = GRANICE_DIR) -> Shapes:
    """The projected, simplified outlines (parsed and computed once per process and detail).

    Raises OSError or ValueError when the shipped files are missing or malformed.
    """
    tolerance, min_area = DETAIL[detail]

    def read(name: str) -> dict[str, Shape]:
        data = json.loads((directory / name).read_text(encoding="utf-8"))
        shapes: dict[str, Shape] = {}
        for feature in data["features"]:
            props = feature["properties"]
            code = str(props["teryt"])
            shapes[code] = Shape(code, str(props["nazwa"]), path_data(_rings(feature["geometry"]), tolerance, min_area))
        return shapes

    return Shapes(powiaty=read("powiaty.geojson"), voivodeships=read("wojewodztwa.geojson"))
