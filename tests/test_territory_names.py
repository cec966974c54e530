"""One formatter for territory names, in a short form (lists, filters) and a long one (the diff)."""

from __future__ import annotations

from wiazki.format.teryt import load_register


def test_short_and_long_names_of_each_level() -> None:
    register = load_register()
    kramsk, konin_powiat, konin_city, wielkopolskie = (register.get(c) for c in ("3010052", "3010", "3062", "30"))
    assert kramsk is not None and konin_powiat is not None and konin_city is not None and wielkopolskie is not None
    assert kramsk.short_name == "Kramsk"
    assert kramsk.long_name == "Kramsk, gmina wiejska (3010052)"
    assert konin_powiat.short_name == "powiat koniński"
    assert konin_powiat.long_name == "powiat koniński (3010)"
    assert konin_city.short_name == "Konin (miasto na prawach powiatu)"
    assert konin_city.long_name == "Konin, miasto na prawach powiatu (3062)"
    assert wielkopolskie.short_name == "woj. wielkopolskie"
    assert wielkopolskie.long_name == "woj. wielkopolskie (30)"
