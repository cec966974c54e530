"""A content folder with bundles at every level of TERYT, for the map, "Twoja gmina"
and the numbers page: real codes, every stage status, a bundle in a Warsaw dzielnica."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import contentkit as kit

#: bundle id → (stage, territory codes).
PLACES: dict[str, tuple[str, list[str]]] = {
    "w-gminie-kramsk": ("available", ["3010052"]),  # Kramsk, gmina wiejska, powiat koniński
    "w-powiecie-koninskim": ("available", ["3010"]),
    "w-wielkopolsce": ("available", ["30"]),
    "w-pomorskiem-i-krakowie": ("available", ["22", "1261011"]),  # a województwo and Kraków
    "w-nowym-targu-miescie": ("available", ["1211011"]),  # Nowy Targ, gmina miejska
    "na-zoliborzu": ("available", ["1465198"]),  # Żoliborz, a dzielnica of Warsaw
    "w-warszawie": ("available", ["1465011"]),  # the gmina Warszawa
    "zakonczona-w-nowotarskim": ("closed", ["1211"]),
    "planowana-w-bieszczadach": ("plan", ["0602"]),
    "odkrywanie-w-koninie": ("discover", ["3061011"]),
}


def bundle(bundle_id: str, stage: str, territory: list[str], i: int = 0) -> dict[str, Any]:
    """A valid bundle; `i` varies its amounts (and periods), so sums are not multiples of one bundle."""
    data = kit.valid_bundle(bundle_id)
    data["title"] = f"Wiązka {bundle_id.replace('-', ' ')}"
    data["stage"] = stage
    data["territory"] = territory
    canvas = data["canvas"]
    canvas["revenue_streams"] = [
        {"source": "local_budget", "description": "Budżet gminy", "amount_pln": 10_000 * (i + 1), "period": "2026"},
        {"source": "user_fees", "description": "Odpłatność", "amount_pln": 1234.5, "period": 2026},
        {"source": "donations_csr", "description": "Darowizny", "amount_pln": 700 + i},
    ]
    if i % 2:
        canvas["revenue_streams"].append(
            {"source": "pfron", "description": "Projekt PFRON", "amount_pln": 5000.25 * i, "period": "2024–2026"}
        )
    canvas["cost_structure"] = [
        {"item": "Wynagrodzenia", "amount_pln": 50_000 + 1000 * i, "period": "2026"},
        {"item": "Dowozy", "amount_pln": 2000, "period": "2026"},
    ]
    return data


def bundles() -> dict[str, dict[str, Any]]:
    return {bid: bundle(bid, stage, codes, i) for i, (bid, (stage, codes)) in enumerate(PLACES.items())}


def write_places(root: Path) -> Path:
    return kit.write_content(root, bundles=bundles())
