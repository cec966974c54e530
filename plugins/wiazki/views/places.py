"""The index of places for "Twoja gmina": every gmina and Warsaw dzielnica of the register.

Written once per build as one small JSON file that `assets/gmina.js` loads on the first
focus of the field. The script folds names itself (no Polish letters needed), tells
homonyms apart by type, powiat and województwo, and matches bundles by TERC code alone,
so a `?gmina=` link filters the catalogue before the index arrives.

Shape (version 1):

    {"v": 1, "date": "2020-01-01",                      # the register's date
     "kinds": ["gmina miejska", …],                       # NAZWA_DOD texts, referenced by index
     "powiaty": {"3010": "powiat koniński", "1465": "Warszawa", …},
     "voivodeships": {"30": "wielkopolskie", …},
     "places": [["3010052", "Kramsk", 1], …]}            # code, name, index into kinds

Offered: gminy (RODZ 1 miejska, 2 wiejska, 3 miejsko-wiejska) and the dzielnice of
Warsaw (RODZ 8). Left out: the town and rural parts of urban-rural gminy (RODZ 4, 5),
which share their gmina's name, and the delegatury of Kraków, Łódź, Poznań and
Wrocław (RODZ 9), which are not units a person would name.
"""

from __future__ import annotations

import json

from wiazki.format.teryt import GMINA, POWIAT, VOIVODESHIP, Register

#: Path of the index in the built site, relative to the site's root.
INDEX_URI = "assets/wiazki/gminy.json"

#: RODZ digits offered in the field (the 7th digit of a gmina-level code).
OFFERED_KINDS = frozenset("1238")


def powiat_name(register: Register, code: str) -> str:
    """ "powiat koniński"; a city with powiat rights by its own name ("Warszawa")."""
    unit = register.get(code)
    if unit is None:
        return code
    return unit.name if unit.kind.startswith("miasto") else f"powiat {unit.name}"


def gmina_index(register: Register) -> str:
    """The JSON text of the index (shape in the module docstring), compact and deterministic."""
    kinds: list[str] = []
    places: list[list[str | int]] = []
    powiaty: dict[str, str] = {}
    voivodeships: dict[str, str] = {}
    for unit in register.units.values():
        if unit.level == VOIVODESHIP:
            voivodeships[unit.code] = unit.display_name
        elif unit.level == POWIAT:
            powiaty[unit.code] = powiat_name(register, unit.code)
        elif unit.level == GMINA and unit.code[6:] in OFFERED_KINDS:
            if unit.kind not in kinds:
                kinds.append(unit.kind)
            places.append([unit.code, unit.name, kinds.index(unit.kind)])
    data = {
        "v": 1,
        "date": register.date,
        "kinds": kinds,
        "powiaty": powiaty,
        "voivodeships": voivodeships,
        "places": places,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
