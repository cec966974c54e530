"""The shipped TERYT register."""

from __future__ import annotations

import pytest

from wiazki.format.teryt import GMINA, POWIAT, VOIVODESHIP, RegisterError, load_register, parse_register


def test_shipped_register_has_its_date_and_every_level():
    register = load_register()
    assert register.date == "2020-01-01"
    levels = [unit.level for unit in register.units.values()]
    assert levels.count(VOIVODESHIP) == 16 and levels.count(POWIAT) == 380
    assert sum(1 for u in register.units.values() if u.level == GMINA and u.code[-1] in "123") == 2477


@pytest.mark.parametrize(
    "code, text",
    [
        ("3010052", "Kramsk (gmina wiejska), powiat koniński, woj. wielkopolskie"),
        ("3010", "powiat koniński, woj. wielkopolskie"),
        ("30", "woj. wielkopolskie"),
        ("1465058", "Mokotów (dzielnica), Warszawa (miasto stołeczne, na prawach powiatu), woj. mazowieckie"),
        ("9999999", "9999999"),
    ],
)
def test_describe_names_gmina_powiat_and_voivodeship(code, text):
    assert load_register().describe(code) == text


def test_voivodeship_names_are_lower_case_for_display():
    assert load_register().get("02").display_name == "dolnośląskie"


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "nagłówek"),
        ("WOJ;POW\n02;01\n", "nagłówek"),
        ("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n02;01;;\n", "kolumn"),
        ("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\nXX;;;;A;b;2020-01-01\n", "kod"),
        ("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n02;;;;A;b;wczoraj\n", "STAN_NA"),
        ("WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n", "żadnej"),
    ],
)
def test_malformed_register_is_refused_in_polish(text, message):
    with pytest.raises(RegisterError, match=message):
        parse_register(text)
