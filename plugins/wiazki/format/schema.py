"""The JSON Schemas (2020-12) of bundle and partner files, built from the vocabularies.

`schemas/*.schema.json` in the repository are this module's output
(`wiazki schema --write schemas/`); a test keeps them in step. Only keywords every
2020-12 validator understands decide validity (no `format`, whose checking differs
between validators): dates, e-mails and URLs are checked with ECMA-compatible
patterns, written with `[0-9]` rather than `\\d`, which Python reads as any
Unicode digit.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from wiazki import FORMAT_VERSION, SCHEMA_BASE_URL
from wiazki.format import vocab as v

BUNDLE_SCHEMA_ID = SCHEMA_BASE_URL + "bundle.schema.json"
PARTNER_SCHEMA_ID = SCHEMA_BASE_URL + "partner.schema.json"

ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+([/?#][^\\s]*)?$"
#: The WHATWG pattern of <input type=email>, with a dot required in the domain.
EMAIL_PATTERN = "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"
#: A Polish number: optional +48 or 0048, then nine digits with spaces, hyphens or
#: brackets between them ("601 234 567", "(22) 123-45-67", "+48 63 241 22 10").
PHONE_PATTERN = "^((\\+|00)48[ -]?)?(\\(?[0-9]\\)?[ -]?){8}[0-9]$"
TERYT_PATTERN = "^([0-9]{2}|[0-9]{4}|[0-9]{7})$"
POSTAL_CODE_PATTERN = "^[0-9]{2}-[0-9]{3}$"
KRS_PATTERN = "^[0-9]{10}$"
NIP_PATTERN = "^[0-9]{10}$"
REGON_PATTERN = "^([0-9]{9}|[0-9]{14})$"
NONBLANK_PATTERN = "\\S"

#: What each pattern means, in the words of a validator message ("… musi być …").
PATTERN_MESSAGES: dict[str, str] = {
    ID_PATTERN: "identyfikatorem z małych liter bez polskich znaków, cyfr i pojedynczych łączników (np. `seniorzy-kramsk`)",
    DATE_PATTERN: "datą w formacie RRRR-MM-DD (np. 2026-03-15)",
    URL_PATTERN: "adresem zaczynającym się od http:// lub https:// (inne protokoły, np. javascript:, są niedozwolone)",
    EMAIL_PATTERN: "adresem e-mail (np. biuro@example.org)",
    PHONE_PATTERN: 'polskim numerem telefonu (np. "+48 63 241 22 10" lub "601 234 567")',
    TERYT_PATTERN: "kodem TERYT: 2 cyfry (województwo), 4 cyfry (powiat) lub 7 cyfr (gmina)",
    POSTAL_CODE_PATTERN: "kodem pocztowym w formacie NN-NNN",
    REGON_PATTERN: "numerem REGON złożonym z 9 lub 14 cyfr",
    NONBLANK_PATTERN: "niepustym tekstem",
}
#: KRS and NIP share a pattern, so their message goes by the field's name.
FIELD_PATTERN_MESSAGES: dict[str, str] = {
    "krs": "numerem KRS złożonym z 10 cyfr",
    "nip": "numerem NIP złożonym z 10 cyfr (bez kresek i spacji)",
}


def _text(title: str, description: str, min_length: int = 1, max_length: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "string",
        "title": title,
        "description": description,
        "minLength": min_length,
        "pattern": NONBLANK_PATTERN,
    }
    if max_length is not None:
        schema["maxLength"] = max_length
    return schema


def _ref(name: str, title: str, description: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}", "title": title, "description": description}


def _list(title: str, description: str, items: dict[str, Any], min_items: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "title": title, "description": description, "items": items}
    if min_items is not None:
        schema["minItems"] = min_items
    return schema


def _text_list(title: str, description: str, item_title: str) -> dict[str, Any]:
    return _list(title, description, _text(item_title, item_title))


def _object(title: str, description: str, properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "title": title,
        "description": description,
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        schema["required"] = list(required)
    return schema


def _vocabulary(vocabulary: v.Vocabulary, description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "title": vocabulary.title,
        "description": description,
        "enum": list(vocabulary),
        # Shown by editors (VS Code's YAML extension) next to each suggestion.
        "markdownEnumDescriptions": [vocabulary.label(key) for key in vocabulary],
    }


def _common_defs() -> dict[str, Any]:
    return {
        "id": {
            "type": "string",
            "title": "Identyfikator",
            "description": "Małe litery a–z, cyfry i pojedyncze łączniki, 3–64 znaki; równy nazwie pliku bez .yml.",
            "pattern": ID_PATTERN,
            "minLength": 3,
            "maxLength": 64,
        },
        "date": {
            "type": "string",
            "title": "Data",
            "description": "Data w formacie RRRR-MM-DD.",
            "pattern": DATE_PATTERN,
        },
        "url": {
            "type": "string",
            "title": "Adres internetowy",
            "description": "Adres zaczynający się od http:// lub https://.",
            "pattern": URL_PATTERN,
            "maxLength": 2000,
        },
        "email": {
            "type": "string",
            "title": "Adres e-mail",
            "description": "Adres e-mail, np. biuro@example.org.",
            "pattern": EMAIL_PATTERN,
            "maxLength": 254,
        },
        "phone": {
            "type": "string",
            "title": "Telefon",
            "description": 'Polski numer telefonu w cudzysłowie, np. "+48 63 241 22 10" lub "601 234 567".',
            "pattern": PHONE_PATTERN,
        },
        "teryt": {
            "type": "string",
            "title": "Kod TERYT",
            "description": "Kod z rejestru TERYT (TERC) w cudzysłowie: 2 cyfry – województwo, 4 – powiat, 7 – gmina, część gminy miejsko-wiejskiej lub dzielnica Warszawy.",
            "pattern": TERYT_PATTERN,
        },
    }


def bundle_schema() -> dict[str, Any]:
    defs = _common_defs()
    defs["partner_ref"] = {
        "type": "string",
        "title": "Partner",
        "description": "Identyfikator partnera: nazwa pliku w content/partners/ bez .yml.",
        "pattern": ID_PATTERN,
        "minLength": 3,
        "maxLength": 64,
    }
    defs["amount"] = {
        "type": "number",
        "title": "Kwota (zł)",
        "description": "Kwota w złotych, liczba nieujemna bez spacji i waluty, np. 96000.",
        "minimum": 0,
        # A bound keeps sums and formatting exact (and no 400-digit number in a page).
        "maximum": 1_000_000_000_000,
    }
    defs["period"] = {
        "type": ["string", "integer"],
        "title": "Okres",
        "description": 'Okres, którego dotyczy kwota, np. 2026 albo "rocznie".',
        "minLength": 1,
        "pattern": NONBLANK_PATTERN,
    }
    defs["service"] = _object(
        "Usługa",
        "Jedna usługa społeczna w wiązce.",
        {
            "name": _text("Nazwa usługi", "Krótka nazwa usługi, np. „Usługi opiekuńcze w miejscu zamieszkania”."),
            "type": _vocabulary(v.SERVICE_TYPES, "Rodzaj usługi; wiązka ma co najmniej 3 różne rodzaje usług."),
            "area": _vocabulary(
                v.SERVICE_AREAS, "Obszar usług według ustawy o centrach usług społecznych (art. 2 ust. 1)."
            ),
            "provider": _ref(
                "partner_ref", "Realizator", "Partner, który świadczy usługę; musi być na liście kluczowych partnerów."
            ),
            "description": _text("Opis usługi", "Na czym polega usługa."),
            "access": _text("Dostęp", "Jak skorzystać z usługi: kto kieruje, jakie są warunki."),
            "fee": _vocabulary(v.FEES, "Czy usługa jest płatna."),
            "fee_note": _text("Uwagi o odpłatności", "Np. zasady częściowej odpłatności."),
        },
        ("name", "type", "area", "provider", "description", "access", "fee"),
    )
    defs["test"] = _object(
        "Test prototypu",
        "Jeden test prototypu z użytkownikami.",
        {
            "date": _ref("date", "Data testu", "Kiedy odbył się test (RRRR-MM-DD)."),
            "participants": {
                "type": "integer",
                "title": "Liczba uczestników",
                "description": "Ile osób wzięło udział w teście (co najmniej 1).",
                "minimum": 1,
                "maximum": 1_000_000,
            },
            "method": _text("Metoda", "Jak testowano, np. „makieta usługi i wywiady”."),
            "feedback": _text_list("Informacje zwrotne", "Co powiedzieli uczestnicy.", "Informacja zwrotna"),
            "changes": _text_list("Zmiany", "Co zmieniono po teście.", "Zmiana"),
        },
        ("date", "participants", "method", "feedback", "changes"),
    )

    canvas = _object(
        "Business Model Canvas",
        "Model wiązki w dziewięciu blokach. Przed etapem „Planowanie wdrożenia” bloki mogą być puste; od tego etapu wszystkie muszą być wypełnione.",
        {
            "customer_segments": _list(
                v.CANVAS_BLOCKS.label("customer_segments"),
                "Dla kogo jest wiązka: grupy docelowe z opisem.",
                _object(
                    "Segment",
                    "Grupa docelowa i jej opis.",
                    {
                        "group": _vocabulary(v.TARGET_GROUPS, "Grupa docelowa."),
                        "description": _text("Opis segmentu", "Kim są te osoby i czego potrzebują."),
                    },
                    ("group", "description"),
                ),
            ),
            "value_proposition": _object(
                v.CANVAS_BLOCKS.label("value_proposition"),
                "Co wiązka daje odbiorcom: podsumowanie i usługi.",
                {
                    "summary": _text(
                        "Podsumowanie propozycji wartości", "Jednym, dwoma zdaniami: jaką zmianę przynosi wiązka."
                    ),
                    "services": _list(
                        "Usługi",
                        "Usługi wchodzące w skład wiązki (co najmniej 3 różnych rodzajów).",
                        {"$ref": "#/$defs/service"},
                    ),
                },
                ("summary", "services"),
            ),
            "channels": _text_list(
                v.CANVAS_BLOCKS.label("channels"), "Jak odbiorcy dowiadują się o wiązce i do niej trafiają.", "Kanał"
            ),
            "customer_relationships": _text_list(
                v.CANVAS_BLOCKS.label("customer_relationships"),
                "Jak partnerzy budują i utrzymują relację z odbiorcami.",
                "Relacja",
            ),
            "revenue_streams": _list(
                v.CANVAS_BLOCKS.label("revenue_streams"),
                "Z czego finansowana jest wiązka.",
                _object(
                    "Strumień przychodów",
                    "Źródło finansowania i kwota.",
                    {
                        "source": _vocabulary(v.FUNDING_SOURCES, "Rodzaj źródła finansowania."),
                        "description": _text("Opis", "Np. nazwa programu lub konkursu."),
                        "amount_pln": _ref("amount", "Kwota (zł)", "Kwota w złotych, np. 96000."),
                        "period": _ref("period", "Okres", 'Np. 2026 albo "rocznie".'),
                    },
                    ("source", "description"),
                ),
            ),
            "key_resources": _text_list(
                v.CANVAS_BLOCKS.label("key_resources"),
                "Ludzie, miejsca, sprzęt i wiedza potrzebne do działania.",
                "Zasób",
            ),
            "key_activities": _text_list(
                v.CANVAS_BLOCKS.label("key_activities"), "Najważniejsze działania partnerstwa.", "Działanie"
            ),
            "key_partners": _list(
                v.CANVAS_BLOCKS.label("key_partners"),
                "Partnerzy wiązki, ich role i wkład; najlepiej z różnych sektorów.",
                _object(
                    "Partner wiązki",
                    "Partner, jego rola i wkład.",
                    {
                        "partner": _ref("partner_ref", "Partner", "Identyfikator partnera z content/partners/."),
                        "role": _vocabulary(v.PARTNER_ROLES, "Rola partnera w wiązce."),
                        "contribution": _text("Wkład", "Co partner wnosi do wiązki."),
                    },
                    ("partner", "role", "contribution"),
                ),
            ),
            "cost_structure": _list(
                v.CANVAS_BLOCKS.label("cost_structure"),
                "Najważniejsze koszty wiązki.",
                _object(
                    "Koszt",
                    "Pozycja kosztowa.",
                    {
                        "item": _text("Pozycja", "Na co są wydatki."),
                        "amount_pln": _ref("amount", "Kwota (zł)", "Kwota w złotych, np. 48000."),
                        "period": _ref("period", "Okres", 'Np. 2026 albo "rocznie".'),
                    },
                    ("item",),
                ),
            ),
        },
    )

    design = _object(
        "Zapis procesu Design Thinking",
        "Co partnerstwo ustaliło na każdym etapie. Na danym etapie sekcje wszystkich wcześniejszych etapów muszą być wypełnione.",
        {
            "discover": _object(
                v.STAGES.label("discover"),
                "Etap odkrywania: jak badano potrzeby i czego się dowiedziano.",
                {
                    "methods": _text_list("Metody", "Np. wywiady pogłębione, obserwacja, mapa empatii.", "Metoda"),
                    "findings": _text_list("Wnioski", "Czego się dowiedziano o odbiorcach.", "Wniosek"),
                },
                ("methods", "findings"),
            ),
            "define": _object(
                v.STAGES.label("define"),
                "Etap definiowania wyzwania.",
                {
                    "challenge": _text("Wyzwanie", "Zwykle pytanie „Jak możemy…?”."),
                    "needs": _text_list("Potrzeby", "Potrzeby odbiorców, na które odpowiada wiązka.", "Potrzeba"),
                },
                ("challenge", "needs"),
            ),
            "ideate": _object(
                v.STAGES.label("ideate"),
                "Etap tworzenia rozwiązania.",
                {
                    "ideas": _text_list("Pomysły", "Pomysły rozważane przez partnerstwo.", "Pomysł"),
                    "chosen": _text("Wybrane rozwiązanie", "Które rozwiązanie wybrano i dlaczego."),
                },
                ("ideas", "chosen"),
            ),
            "prototype": _object(
                v.STAGES.label("prototype"),
                "Etap prototypowania i testowania.",
                {"tests": _list("Testy", "Testy prototypu z użytkownikami.", {"$ref": "#/$defs/test"})},
                ("tests",),
            ),
            "plan": _object(
                v.STAGES.label("plan"),
                "Etap planowania wdrożenia.",
                {
                    "start": _ref("date", "Start", "Planowana data uruchomienia usług (RRRR-MM-DD)."),
                    "milestones": _list(
                        "Kamienie milowe",
                        "Najważniejsze kroki wdrożenia.",
                        _object(
                            "Kamień milowy",
                            "Data i opis kroku.",
                            {
                                "date": _ref("date", "Data", "RRRR-MM-DD."),
                                "milestone": _text("Kamień milowy", "Co ma być gotowe."),
                            },
                            ("date", "milestone"),
                        ),
                    ),
                    "risks": _text_list("Ryzyka", "Co może pójść nie tak i jak temu zapobiec.", "Ryzyko"),
                },
                ("start", "milestones", "risks"),
            ),
        },
    )

    properties = {
        "format": {
            "const": FORMAT_VERSION,
            "title": "Wersja formatu",
            "description": "Wersja formatu pliku; obecnie 1.",
        },
        "id": _ref("id", "Identyfikator wiązki", "Równy nazwie pliku bez .yml, np. seniorzy-kramsk."),
        "title": _text("Tytuł", "Nazwa wiązki, 5–120 znaków.", 5, 120),
        "summary": _text(
            "Podsumowanie", "Jedno lub dwa zdania do kart katalogu i wyników wyszukiwania, 20–300 znaków.", 20, 300
        ),
        "description": _text("Opis", "Dłuższy opis w Markdownie; surowy HTML nie jest wyświetlany."),
        "stage": _vocabulary(v.STAGES, "Etap, na którym jest wiązka."),
        "territory": {
            "type": "array",
            "title": "Obszar",
            "description": "Gdzie wiązka jest dostępna: kody TERYT (co najmniej jeden).",
            "items": {"$ref": "#/$defs/teryt"},
            "minItems": 1,
        },
        "facilitator": _ref(
            "partner_ref", "Facylitator (OWES)", "Identyfikator partnera – OWES, który facylituje wiązkę."
        ),
        "contact": _object(
            "Kontakt",
            "Jak pytać o wiązkę; wymagany od etapu „Dostępna”.",
            {
                "email": _ref("email", "E-mail", "Adres e-mail do pytań o wiązkę."),
                "phone": _ref("phone", "Telefon", "Numer telefonu w cudzysłowie."),
                "url": _ref("url", "Strona", "Adres strony (https://…)."),
                "note": _text("Uwagi", "Np. godziny dyżurów."),
            },
            ("email",),
        ),
        "reviewed": _ref(
            "date", "Data przeglądu", "Kiedy ostatnio potwierdzono aktualność treści (RRRR-MM-DD); nie w przyszłości."
        ),
        "canvas": canvas,
        "design": design,
        "links": _list(
            "Odnośniki",
            "Dokumenty, regulaminy, strony partnerstwa.",
            _object(
                "Odnośnik",
                "Tytuł i adres.",
                {"title": _text("Tytuł odnośnika", "Co jest pod adresem."), "url": _ref("url", "Adres", "https://…")},
                ("title", "url"),
            ),
        ),
        "keywords": _text_list("Słowa kluczowe", "Dodatkowe słowa dla wyszukiwarki.", "Słowo kluczowe"),
    }
    schema = _object(
        "Wiązka usług społecznych",
        "Plik content/bundles/<id>.yml: jedna wiązka usług społecznych (format w wersji 1).",
        properties,
        ("format", "id", "title", "summary", "stage", "territory", "facilitator", "reviewed", "canvas", "design"),
    )
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": BUNDLE_SCHEMA_ID, **schema, "$defs": defs}


def partner_schema() -> dict[str, Any]:
    defs = _common_defs()
    properties = {
        "format": {
            "const": FORMAT_VERSION,
            "title": "Wersja formatu",
            "description": "Wersja formatu pliku; obecnie 1.",
        },
        "id": _ref("id", "Identyfikator partnera", "Równy nazwie pliku bez .yml, np. gops-kramsk."),
        "name": _text("Nazwa", "Pełna nazwa prawna organizacji."),
        "short_name": _text("Nazwa skrócona", "Np. „GOPS Kramsk”."),
        "sector": _vocabulary(v.SECTORS, "Sektor, z którego pochodzi partner."),
        "kind": _vocabulary(v.PARTNER_KINDS, "Rodzaj partnera; musi pasować do sektora."),
        "social_enterprise": {
            "type": "boolean",
            "title": "Przedsiębiorstwo społeczne",
            "description": "true, jeśli podmiot ma status przedsiębiorstwa społecznego (tylko podmioty ekonomii społecznej).",
        },
        "identifiers": _object(
            "Identyfikatory",
            "Numery rejestrowe w cudzysłowie.",
            {
                "krs": {
                    "type": "string",
                    "title": "KRS",
                    "description": "Numer KRS: 10 cyfr w cudzysłowie.",
                    "pattern": KRS_PATTERN,
                },
                "nip": {
                    "type": "string",
                    "title": "NIP",
                    "description": "NIP: 10 cyfr bez kresek, w cudzysłowie; sprawdzana jest cyfra kontrolna.",
                    "pattern": NIP_PATTERN,
                },
                "regon": {
                    "type": "string",
                    "title": "REGON",
                    "description": "REGON: 9 lub 14 cyfr w cudzysłowie; sprawdzana jest cyfra kontrolna.",
                    "pattern": REGON_PATTERN,
                },
            },
        ),
        "website": _ref("url", "Strona internetowa", "Adres strony (http:// lub https://)."),
        "email": _ref("email", "E-mail", "Adres e-mail organizacji."),
        "phone": _ref("phone", "Telefon", "Numer telefonu w cudzysłowie."),
        "address": _object(
            "Adres",
            "Adres siedziby.",
            {
                "street": _text("Ulica i numer", "Np. „ul. Leśna 4”."),
                "postal_code": {
                    "type": "string",
                    "title": "Kod pocztowy",
                    "description": "W formacie NN-NNN, w cudzysłowie.",
                    "pattern": POSTAL_CODE_PATTERN,
                },
                "city": _text("Miejscowość", "Nazwa miejscowości."),
                "teryt": _ref("teryt", "Kod TERYT gminy", "Kod TERYT gminy siedziby."),
            },
            ("street", "postal_code", "city"),
        ),
        "territory": {
            "type": "array",
            "title": "Obszar działania",
            "description": "Gdzie partner działa: kody TERYT.",
            "items": {"$ref": "#/$defs/teryt"},
        },
        "description": _text("Opis", "Krótki opis działalności, do 500 znaków.", 1, 500),
    }
    schema = _object(
        "Partner wiązki",
        "Plik content/partners/<id>.yml: organizacja, która współtworzy wiązki (format w wersji 1).",
        properties,
        ("format", "id", "name", "sector", "kind"),
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": PARTNER_SCHEMA_ID,
        **schema,
        "$defs": defs,
    }


@cache
def schemas() -> dict[str, dict[str, Any]]:
    """Both schemas by kind of file ("bundle", "partner")."""
    return {"bundle": bundle_schema(), "partner": partner_schema()}


def schema_text(kind: str) -> str:
    """The published text of a schema: stable key order, UTF-8, trailing newline."""
    return json.dumps(schemas()[kind], ensure_ascii=False, indent=2) + "\n"
