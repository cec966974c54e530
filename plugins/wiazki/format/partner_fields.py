"""The field tree of a partner file (content/partners/<id>.yml); read it through `wiazki.format.fields`."""

from __future__ import annotations

from wiazki.format import patterns as p
from wiazki.format import vocab as v
from wiazki.format.bundle_fields import format_field
from wiazki.format.field import (
    NAME_MAX,
    Field,
    code,
    enum,
    group,
    items,
    text,
    typed,
)

#: A partner's description is short: it sits on cards of the partner directory.
DESCRIPTION_MAX = 500

PARTNER = group(
    "",
    "Partner wiązki",
    "Plik content/partners/<id>.yml: organizacja, która współtworzy wiązki (format w wersji 1).",
    (
        format_field(),
        typed("id", "id", "Identyfikator partnera", "Równy nazwie pliku bez .yml, np. gops-kramsk.", required=True),
        text("name", "Nazwa", "Pełna nazwa prawna organizacji.", NAME_MAX, required=True),
        text("short_name", "Nazwa skrócona", "Np. „GOPS Kramsk”.", NAME_MAX),
        enum("sector", v.SECTORS, "Sektor, z którego pochodzi partner.", required=True),
        enum("kind", v.PARTNER_KINDS, "Rodzaj partnera; musi pasować do sektora.", required=True),
        Field(
            "social_enterprise",
            "Przedsiębiorstwo społeczne",
            "true, jeśli podmiot ma status przedsiębiorstwa społecznego (tylko podmioty ekonomii społecznej).",
            "bool",
        ),
        group(
            "identifiers",
            "Identyfikatory",
            "Numery rejestrowe w cudzysłowie.",
            (
                code("krs", "KRS", "Numer KRS: 10 cyfr w cudzysłowie.", p.KRS_PATTERN, 10, column="krs"),
                code(
                    "nip",
                    "NIP",
                    "NIP: 10 cyfr bez kresek, w cudzysłowie; sprawdzana jest cyfra kontrolna.",
                    p.NIP_PATTERN,
                    10,
                    column="nip",
                ),
                code(
                    "regon",
                    "REGON",
                    "REGON: 9 lub 14 cyfr w cudzysłowie; sprawdzana jest cyfra kontrolna.",
                    p.REGON_PATTERN,
                    14,
                    column="regon",
                ),
            ),
        ),
        typed("url", "website", "Strona internetowa", "Adres strony (http:// lub https://)."),
        typed("email", "email", "E-mail", "Adres e-mail organizacji."),
        typed("phone", "phone", "Telefon", "Numer telefonu w cudzysłowie."),
        group(
            "address",
            "Adres",
            "Adres siedziby.",
            (
                text("street", "Ulica i numer", "Np. „ul. Leśna 4”.", NAME_MAX, required=True, column="street"),
                code(
                    "postal_code",
                    "Kod pocztowy",
                    "W formacie NN-NNN, w cudzysłowie.",
                    p.POSTAL_CODE_PATTERN,
                    6,
                    required=True,
                    column="postal_code",
                ),
                text("city", "Miejscowość", "Nazwa miejscowości.", NAME_MAX, required=True, column="city"),
                typed("teryt", "teryt", "Kod TERYT gminy", "Kod TERYT gminy siedziby."),
            ),
        ),
        items(
            "territory",
            "Obszar działania",
            "Gdzie partner działa: kody TERYT.",
            typed("teryt", "", "Kod TERYT", "Kod TERYT gminy, powiatu lub województwa."),
        ),
        text(
            "description",
            "Opis",
            f"Krótki opis działalności, do {DESCRIPTION_MAX} znaków.",
            DESCRIPTION_MAX,
            column="",
        ),
    ),
)
