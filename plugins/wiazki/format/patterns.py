"""The patterns of the format's typed strings, and what each means in a Polish message.

Written for both Python's `re` and ECMAScript (the JSON Schemas are read by editors
and third-party validators): `[0-9]` rather than `\\d`, which Python reads as any
Unicode digit.
"""

from __future__ import annotations

ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+([/?#][^\\s]*)?$"
#: The WHATWG pattern of <input type=email>, with a dot required in the domain.
EMAIL_PATTERN = (
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
    "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
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
    ID_PATTERN: (
        "identyfikatorem z małych liter bez polskich znaków, cyfr i pojedynczych łączników (np. `seniorzy-kramsk`)"
    ),
    DATE_PATTERN: "datą w formacie RRRR-MM-DD (np. 2026-03-15)",
    URL_PATTERN: (
        "adresem zaczynającym się od http:// lub https:// (inne protokoły, np. javascript:, są niedozwolone)"
    ),
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
