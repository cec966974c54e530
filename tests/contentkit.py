"""Build content folders for tests: real YAML files written by the test itself.

`valid_bundle()` and the partner factories return plain data for a bundle at stage
`available` that passes every rule; tests change one thing and write the files.
"""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import yaml

#: The date every test validates on (rules 11 and the `reviewed` check look at dates).
TODAY = date(2026, 11, 27)

# Real TERYT codes: gmina Kramsk (wiejska), powiat koniński, wielkopolskie.
KRAMSK = "3010052"
KONINSKI = "3010"
WIELKOPOLSKIE = "30"


def owes(partner_id: str = "owes-konin") -> dict[str, Any]:
    return {
        "format": 1,
        "id": partner_id,
        "name": "Fundacja Ośrodek Wsparcia Ekonomii Społecznej Testowo",
        "short_name": "OWES Testowo",
        "sector": "social_economy",
        "kind": "owes",
        "identifiers": {"krs": "0000123456", "nip": "5261040828", "regon": "123456785"},
        "website": "https://example.org/owes/",
        "email": "owes@example.org",
        "phone": "+48 63 123 45 67",
        "address": {"street": "ul. Przykładowa 1", "postal_code": "62-500", "city": "Konin", "teryt": "3061011"},
        "territory": [KONINSKI],
        "description": "Ośrodek wsparcia ekonomii społecznej (dane testowe).",
    }


def gops(partner_id: str = "gops-kramsk") -> dict[str, Any]:
    return {
        "format": 1,
        "id": partner_id,
        "name": "Gminny Ośrodek Pomocy Społecznej w Kramsku",
        "short_name": "GOPS Kramsk",
        "sector": "public",
        "kind": "social_assistance_centre",
    }


def coop(partner_id: str = "dobry-kat") -> dict[str, Any]:
    return {
        "format": 1,
        "id": partner_id,
        "name": "Spółdzielnia Socjalna Dobry Kąt",
        "sector": "social_economy",
        "kind": "social_coop",
        "social_enterprise": True,
    }


def service(name: str, type_: str, provider: str, area: str = "social_assistance", fee: str = "free") -> dict[str, Any]:
    return {
        "name": name,
        "type": type_,
        "area": area,
        "provider": provider,
        "description": f"Opis usługi {name}.",
        "access": "Skierowanie z GOPS po wywiadzie środowiskowym.",
        "fee": fee,
    }


def valid_bundle(bundle_id: str = "senior-u-siebie") -> dict[str, Any]:
    return {
        "format": 1,
        "id": bundle_id,
        "title": "Senior u siebie w gminie Kramsk",
        "summary": "Opieka, posiłki i teleopieka dla osób starszych mieszkających samotnie.",
        "description": "Wiązka łączy **trzy** usługi.\n\n- opieka\n- posiłki\n",
        "stage": "available",
        "territory": [KRAMSK],
        "facilitator": "owes-konin",
        "contact": {"email": "gops@example.org", "phone": "601 234 567", "url": "https://example.org/wiazka/"},
        "reviewed": "2026-10-01",
        "canvas": {
            "customer_segments": [{"group": "older_persons", "description": "Osoby 75+ mieszkające samotnie."}],
            "value_proposition": {
                "summary": "Jedna ścieżka wsparcia zamiast trzech urzędów.",
                "services": [
                    service("Usługi opiekuńcze w domu", "care", "dobry-kat"),
                    service("Obiady z dowozem", "meals", "dobry-kat", fee="partly_paid"),
                    service("Teleopieka", "telecare", "gops-kramsk", area="health_promotion"),
                ],
            },
            "channels": ["Sołtysi i parafia"],
            "customer_relationships": ["Stały opiekun i telefon do koordynatora"],
            "revenue_streams": [
                {"source": "local_budget", "description": "Budżet gminy", "amount_pln": 96000, "period": "2026"},
                {"source": "user_fees", "description": "Odpłatność za obiady", "amount_pln": 12500.5, "period": 2026},
            ],
            "key_resources": ["Opiekunki i samochód do dowozu"],
            "key_activities": ["Koordynacja planów wsparcia"],
            "key_partners": [
                {"partner": "owes-konin", "role": "facilitator", "contribution": "Facylitacja partnerstwa."},
                {"partner": "gops-kramsk", "role": "coordinator", "contribution": "Kierowanie i koordynacja."},
                {"partner": "dobry-kat", "role": "provider", "contribution": "Opieka i posiłki."},
            ],
            "cost_structure": [{"item": "Wynagrodzenia opiekunek", "amount_pln": 84000, "period": "rocznie"}],
        },
        "design": {
            "discover": {"methods": ["Wywiady z seniorami"], "findings": ["Seniorzy chcą zostać w domu."]},
            "define": {"challenge": "Jak możemy pomóc seniorom zostać w domu?", "needs": ["Bezpieczeństwo"]},
            "ideate": {"ideas": ["Jeden koordynator"], "chosen": "Koordynator w GOPS."},
            "prototype": {
                "tests": [
                    {
                        "date": "2026-03-10",
                        "participants": 8,
                        "method": "Makieta ścieżki",
                        "feedback": ["Za dużo formularzy"],
                        "changes": ["Jeden formularz"],
                    }
                ]
            },
            "plan": {
                "start": "2026-06-01",
                "milestones": [{"date": "2026-05-15", "milestone": "Umowy podpisane"}],
                "risks": ["Brak opiekunek"],
            },
        },
        "links": [{"title": "Regulamin", "url": "https://example.org/regulamin.pdf"}],
        "keywords": ["seniorzy", "opieka"],
    }


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_content(
    root: Path,
    bundles: dict[str, Any] | None = None,
    partners: dict[str, Any] | None = None,
) -> Path:
    """Write a content folder; values are data (dumped as YAML) or raw YAML text (str)."""
    if bundles is None:
        bundles = {"senior-u-siebie": valid_bundle()}
    if partners is None:
        partners = {p["id"]: p for p in (owes(), gops(), coop())}
    for folder, items in (("bundles", bundles), ("partners", partners)):
        directory = root / folder
        directory.mkdir(parents=True, exist_ok=True)
        for item_id, value in items.items():
            text = value if isinstance(value, str) else dump(value)
            (directory / f"{item_id}.yml").write_text(text, encoding="utf-8")
    return root


def deepcopy(data: Any) -> Any:
    return copy.deepcopy(data)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in text")
