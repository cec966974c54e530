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


def bundle(bundle_id: str, stage: str, territory: list[str]) -> dict[str, Any]:
    data = kit.valid_bundle(bundle_id)
    data["title"] = f"Wiązka {bundle_id.replace('-', ' ')}"
    data["stage"] = stage
    data["territory"] = territory
    return data


def write_places(root: Path) -> Path:
    bundles = {bundle_id: bundle(bundle_id, stage, codes) for bundle_id, (stage, codes) in PLACES.items()}
    return kit.write_content(root, bundles=bundles)
