"""The patterns of the format's typed strings, and what each means in a Polish message.

Written for both Python's `re` and ECMAScript (the JSON Schemas are read by editors
and third-party validators): `[0-9]` rather than `\\d`, which Python reads as any
Unicode digit.
"""

from __future__ import annotations

#: Characters that show nothing: white space (as ECMAScript's and Python's `\\s` count
#: it: U+FEFF is white space only for ECMAScript, U+001C–U+001F only for Python), C0
#: and C1 controls, zero-width and bidirectional format characters, variation
#: selectors and the Hangul and Braille fillers. Spelled out rather than `\\s`, so that
#: both dialects read one class; a text made only of these is empty (issue 8).
INVISIBLE_CLASS = (
    "\\x00-\\x20\\x7f-\\xa0\\u00ad\\u034f\\u061c\\u115f\\u1160\\u1680\\u180e\\u2000-\\u200f"
    "\\u2028-\\u202f\\u205f-\\u206f\\u2800\\u3000\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0"
)

ID_PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
DATE_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
URL_PATTERN = "^[Hh][Tt][Tt][Pp][Ss]?://[^" + INVISIBLE_CLASS + "/?#]+([/?#][^" + INVISIBLE_CLASS + "]*)?$"
#: The WHATWG pattern of <input type=email>, with a dot required in the domain.
EMAIL_PATTERN = (
    "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?"
    "(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
#: A Polish phone number (docs/format.md, "Telefon"): nine digits (landline with its
#: area code, mobile, 800/801 lines) with an optional +48 or 0048 (also bracketed:
#: "(+48) 601 234 567"), spaces, hyphens or brackets between digits ("601 234 567",
#: "(22) 123-45-67", "+48 63 241 22 10") and an optional extension, bracketed or not
#: ("+48 59 821 40 10 wew. 25", "22 123 45 67 (wew. 25)"); or a short public number:
#: 112, 984–987 and 991–999 (emergency and city services), 116 xxx (EU helplines:
#: 116 111, 116 123), 118 xxx (directory) and 19 xxx (municipal lines: 19 115).
PHONE_PATTERN = (
    "^((\\(?(\\+|00)48\\)?[ -]?)?(\\(?[0-9]\\)?[ -]?){8}[0-9](,? ?\\(?([Ww]ewn?|[Ww]|ext)\\.? ?[0-9]{1,5}\\)?)?"
    "|112|98[4-7]|99[1-9]|11[68] ?[0-9]{3}|19 ?[0-9]{3})$"
)
TERYT_PATTERN = "^([0-9]{2}|[0-9]{4}|[0-9]{7})$"
POSTAL_CODE_PATTERN = "^[0-9]{2}-[0-9]{3}$"
KRS_PATTERN = "^[0-9]{10}$"
NIP_PATTERN = "^[0-9]{10}$"
REGON_PATTERN = "^([0-9]{9}|[0-9]{14})$"
NONBLANK_PATTERN = "[^" + INVISIBLE_CLASS + "]"

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
    PHONE_PATTERN: (
        'polskim numerem telefonu (np. "+48 63 241 22 10", "601 234 567", "+48 59 821 40 10 wew. 25") '
        'albo krótkim numerem publicznym (np. "112", "116 123", "19 115")'
    ),
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
