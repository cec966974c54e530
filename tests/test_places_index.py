"""The index of places behind "Twoja gmina" (views/places.py)."""

from __future__ import annotations

import json

from wiazki.format.teryt import load_register
from wiazki.views import places


def test_index_offers_gminy_and_warsaw_dzielnice_with_their_powiat_and_voivodeship() -> None:
    text = places.gmina_index(load_register())
    data = json.loads(text)
    assert data["v"] == 1 and data["date"] == "2020-01-01"
    rows = {code: (name, data["kinds"][kind]) for code, name, kind in data["places"]}
    assert rows["3010052"] == ("Kramsk", "gmina wiejska")
    assert rows["1211011"] == ("Nowy Targ", "gmina miejska") and rows["1211092"] == ("Nowy Targ", "gmina wiejska")
    assert rows["1465198"] == ("Żoliborz", "dzielnica")
    assert data["powiaty"]["3010"] == "powiat koniński" and data["powiaty"]["1465"] == "Warszawa"
    assert data["voivodeships"]["30"] == "wielkopolskie"
    # 2,477 gminy and the 18 dzielnice of Warsaw; no town or rural parts, no delegatury.
    assert len(rows) == 2477 + 18
    assert {code[6] for code in rows} == {"1", "2", "3", "8"}
    assert len(text.encode()) < 100_000
