"""The rules of the format beyond the JSON Schema (bundle-format.md, "Rules beyond the schema").

Each rule reads the loaded documents defensively: a file may also have schema
errors, and every problem is reported at once, so a rule skips a value of the
wrong type instead of failing on it.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from wiazki.format import commonmark, regex, vocab
from wiazki.format.ids import is_id
from wiazki.format.patterns import DATE_PATTERN, TERYT_PATTERN
from wiazki.format.teryt import Register
from wiazki.format.values import filled  # noqa: F401  (its old home; the model imports it from format.values)
from wiazki.format.values import get as _get
from wiazki.polish import count
from wiazki.validation import suggest
from wiazki.validation.limits import clip
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, WARNING, Problem
from wiazki.validation.stages import check_stage_completeness, quote_stage, stage_of

REVIEW_MAX_AGE_DAYS = 365
MIN_SERVICES = 3
MIN_SERVICE_TYPES = 3

_DATE = regex.compile(DATE_PATTERN)
_TERYT = regex.compile(TERYT_PATTERN)


@dataclass
class Content:
    """The loaded files of a content folder, by id."""

    bundles: dict[str, Document]
    partners: dict[str, Document]
    #: Ids of files that exist but could not be read as YAML (their problems are
    #: reported on their own; other files' rules must not guess about them).
    unreadable_bundles: frozenset[str] = frozenset()
    unreadable_partners: frozenset[str] = frozenset()


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _problem(doc: Document, path: tuple, severity: str, code: str, message: str, *, key: bool = False) -> Problem:
    position = doc.key_position(path) if key else doc.position(path)
    return Problem(doc.path, position.line, position.column, severity, code, message)


_stage = stage_of
_quote = quote_stage


# --- identity -----------------------------------------------------------------


def check_identity(doc: Document, stem: str) -> Iterator[Problem]:
    """The file name is a valid id and the `id` field equals it."""
    if not is_id(stem):
        yield Problem(
            doc.path,
            1,
            1,
            ERROR,
            "file-name",
            f"nazwa pliku „{stem}” nie jest poprawnym identyfikatorem: małe litery a–z, cyfry i pojedyncze łączniki, "
            "3–64 znaki",
        )
    value = _get(doc.data, "id")
    if isinstance(value, str) and value != stem:
        yield _problem(
            doc, ("id",), ERROR, "id-mismatch", f"pole `id` („{value}”) musi być równe nazwie pliku bez .yml („{stem}”)"
        )


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# Characters that show nothing inside a word: zero-width spaces and joiners, bidi marks,
# word joiners and invisible operators, the BOM, fillers and tag characters. They make
# words unfindable and titles look empty or reordered (issue 8); the issue form drops
# the same characters. (Controls and bidi overrides are `_CONTROL`.)
_INVISIBLE = re.compile("[\u061c\u115f\u1160\u180e\u200b-\u200f\u2060-\u2064\u3164\ufeff\uffa0\U000e0000-\U000e007f]")


def _invisible_message(text: str, offset: int) -> str:
    char = text[offset]
    name = unicodedata.name(char, "znak niewidoczny")
    line = text.count("\n", 0, offset)
    where = f"znak {offset + 1}" + (f" (wiersz {line + 1} tekstu)" if line else "")
    return (
        f"tekst zawiera niewidoczny znak U+{ord(char):04X} ({name}) – {where}; usuń go "
        "(często przychodzi z tekstem skopiowanym z innego programu)"
    )


def check_values(doc: Document) -> Iterator[Problem]:
    """No infinite or NaN numbers (they cannot be written as JSON) and no control
    characters in text (an escaped "\\x07" or a bidi override hides what a text says)."""
    stack: list[tuple[tuple, Any]] = [((), doc.data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, float) and not math.isfinite(value):
            yield _problem(
                doc, path, ERROR, "non-finite-number", "liczba musi być skończona (.inf i .nan są niedozwolone)"
            )
        elif isinstance(value, str) and _CONTROL.search(value):
            yield _problem(doc, path, ERROR, "control-character", "tekst zawiera niedozwolony znak sterujący; usuń go")
        elif isinstance(value, str) and (found := _INVISIBLE.search(value)):
            yield _problem(doc, path, ERROR, "invisible-character", _invisible_message(value, found.start()))
        elif isinstance(value, dict):
            stack.extend((path + (key,), item) for key, item in value.items())
        elif isinstance(value, list):
            stack.extend((path + (index,), item) for index, item in enumerate(value))


def _check_date(doc: Document, path: tuple) -> Iterator[Problem]:
    value = _get(doc.data, *path)
    if isinstance(value, str) and _DATE.match(value):
        try:
            date.fromisoformat(value)
        except ValueError:
            yield _problem(doc, path, ERROR, "invalid-date", f"data {value} nie istnieje w kalendarzu")


def _parse_date(value: Any) -> date | None:
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_dates(doc: Document) -> Iterator[Problem]:
    yield from _check_date(doc, ("reviewed",))
    for index, _ in enumerate(_list(_get(doc.data, "design", "prototype", "tests"))):
        yield from _check_date(doc, ("design", "prototype", "tests", index, "date"))
    yield from _check_date(doc, ("design", "plan", "start"))
    for index, _ in enumerate(_list(_get(doc.data, "design", "plan", "milestones"))):
        yield from _check_date(doc, ("design", "plan", "milestones", index, "date"))


# --- rule 1: at least three services of three types ---------------------------


def check_services(doc: Document) -> Iterator[Problem]:
    stage = _stage(doc)
    if stage is None:
        return
    services = [s for s in _list(_get(doc.data, "canvas", "value_proposition", "services")) if isinstance(s, dict)]
    types = {s.get("type") for s in services if isinstance(s.get("type"), str)}
    if len(services) >= MIN_SERVICES and len(types) >= MIN_SERVICE_TYPES:
        return
    binding = vocab.stage_index(stage) >= vocab.stage_index("prototype")
    for path in (("canvas", "value_proposition", "services"), ("canvas", "value_proposition"), ("canvas",)):
        if _get(doc.data, *path) is not None:
            break
    message = (
        f"wiązka ma {count(len(services), 'usługę', 'usługi', 'usług')} "
        f"({count(len(types), 'rodzaj', 'rodzaje', 'rodzajów')}); potrzeba co najmniej {MIN_SERVICES} usług "
        f"w co najmniej {MIN_SERVICE_TYPES} różnych rodzajach (`type`)"
    )
    if binding:
        yield _problem(
            doc, path, ERROR, "too-few-services", f"{message}, wymaganych od etapu {_quote('prototype')}", key=True
        )
    else:
        yield _problem(
            doc,
            path,
            WARNING,
            "too-few-services",
            f"{message}; na etapie {_quote(stage)} to jeszcze nie błąd, "
            f"ale od etapu {_quote('prototype')} będzie wymagane",
            key=True,
        )


# --- rules 2 and 3: partners exist, providers are key partners ---------------


def _partner_refs(doc: Document) -> Iterator[tuple[tuple, str]]:
    """Every partner id a bundle names, with where it is named."""
    facilitator = _get(doc.data, "facilitator")
    if isinstance(facilitator, str):
        yield ("facilitator",), facilitator
    for index, service in enumerate(_list(_get(doc.data, "canvas", "value_proposition", "services"))):
        provider = _get(service, "provider")
        if isinstance(provider, str):
            yield ("canvas", "value_proposition", "services", index, "provider"), provider
    for index, item in enumerate(_list(_get(doc.data, "canvas", "key_partners"))):
        partner = _get(item, "partner")
        if isinstance(partner, str):
            yield ("canvas", "key_partners", index, "partner"), partner


def check_partner_references(
    doc: Document, partners: dict[str, Document], unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    for path, partner_id in _partner_refs(doc):
        if partner_id not in partners and partner_id not in unreadable:
            shown = clip(partner_id)
            guess = suggest.hint(partner_id, sorted(partners)) or "sprawdź identyfikatory w content/partners/"
            yield _problem(
                doc,
                path,
                ERROR,
                "unknown-partner",
                f"nie ma partnera `{shown}`: brak pliku content/partners/{shown}.yml; {guess}",
            )
    facilitator = _get(doc.data, "facilitator")
    if isinstance(facilitator, str) and facilitator in partners:
        kind = _get(partners[facilitator].data, "kind")
        if isinstance(kind, str) and kind != "owes":
            yield _problem(
                doc,
                ("facilitator",),
                ERROR,
                "facilitator-not-owes",
                "facylitatorem musi być OWES (partner z `kind: owes`), "
                f"a `{facilitator}` ma rodzaj „{vocab.PARTNER_KINDS.label(kind)}”",
            )


def check_providers_are_key_partners(
    doc: Document, partners: dict[str, Document] | None = None, unreadable: frozenset[str] = frozenset()
) -> Iterator[Problem]:
    """Rule 3. A provider that is no partner at all gets rule 2's message (with the closest
    id) alone: adding a misspelt id to `key_partners` would not help."""
    if not isinstance(_get(doc.data, "canvas", "key_partners"), list):
        return  # missing or of the wrong type: rule 5 or the schema says so
    key_partners = {
        p
        for p in (_get(item, "partner") for item in _list(_get(doc.data, "canvas", "key_partners")))
        if isinstance(p, str)
    }
    for index, service in enumerate(_list(_get(doc.data, "canvas", "value_proposition", "services"))):
        provider = _get(service, "provider")
        if partners is not None and isinstance(provider, str) and provider not in partners | dict.fromkeys(unreadable):
            continue
        if isinstance(provider, str) and provider not in key_partners:
            yield _problem(
                doc,
                ("canvas", "value_proposition", "services", index, "provider"),
                ERROR,
                "provider-not-key-partner",
                f"realizator `{provider}` nie jest na liście kluczowych partnerów (`canvas.key_partners`); "
                "dopisz go tam z rolą i wkładem",
            )


# --- rule 4: TERYT codes exist ------------------------------------------------


#: RODZ digits of 7-digit codes that are gmina-level units in the format: a gmina (1–3),
#: the town or rural part of an urban-rural gmina (4, 5), a Warsaw dzielnica (8).
#: Delegatury (9) of Kraków, Łódź, Poznań and Wrocław are in the register but are not gminy.
GMINA_LEVEL_KINDS = frozenset("123458")


def _check_teryt_code(doc: Document, path: tuple, register: Register) -> Iterator[Problem]:
    code = _get(doc.data, *path)
    if not isinstance(code, str) or not _TERYT.match(code):
        return
    if code not in register:
        yield _problem(
            doc,
            path,
            ERROR,
            "unknown-teryt",
            f"kodu TERYT {code} nie ma w rejestrze TERC (stan na {register.date}); "
            "sprawdź kod w wyszukiwarce TERYT GUS",
        )
    elif len(code) == 7 and code[-1] not in GMINA_LEVEL_KINDS:
        unit = register.get(code)
        assert unit is not None  # the branch above took every code missing from the register
        city = code[:4] + "011"
        yield _problem(
            doc,
            path,
            ERROR,
            "unknown-teryt",
            f"kod TERYT {code} to {unit.kind} {unit.name}, a nie gmina; wpisz kod gminy ({city}) "
            f"albo powiatu ({code[:4]})",
        )


def check_teryt(doc: Document, register: Register) -> Iterator[Problem]:
    for index, _ in enumerate(_list(_get(doc.data, "territory"))):
        yield from _check_teryt_code(doc, ("territory", index), register)
    yield from _check_teryt_code(doc, ("address", "teryt"), register)


# --- rule 5: stage completeness ------------------------------------------------


# Derived from the field tree: wiazki.validation.stages.


# --- rules 6 and 7: partners ---------------------------------------------------


def check_partner_kind(doc: Document) -> Iterator[Problem]:
    sector, kind = _get(doc.data, "sector"), _get(doc.data, "kind")
    if sector in vocab.SECTORS and kind in vocab.PARTNER_KINDS and kind not in vocab.KINDS_BY_SECTOR[sector]:
        fitting = ", ".join(vocab.KINDS_BY_SECTOR[sector])
        yield _problem(
            doc,
            ("kind",),
            ERROR,
            "kind-sector",
            f"rodzaj `{kind}` nie pasuje do sektora `{sector}` ({vocab.SECTORS.label(sector)}); "
            f"pasujące rodzaje: {fitting}; `{kind}` należy do sektora `{vocab.SECTOR_OF_KIND[kind]}`",
        )
    if (
        _get(doc.data, "social_enterprise") is True
        and kind in vocab.PARTNER_KINDS
        and vocab.SECTOR_OF_KIND[kind] != "social_economy"
    ):
        yield _problem(
            doc,
            ("social_enterprise",),
            ERROR,
            "social-enterprise-kind",
            "status przedsiębiorstwa społecznego (`social_enterprise: true`) "
            "mogą mieć tylko podmioty ekonomii społecznej",
        )


def check_identifiers(doc: Document) -> Iterator[Problem]:
    nip = _get(doc.data, "identifiers", "nip")
    if isinstance(nip, str) and re.fullmatch(r"[0-9]{10}", nip) and not stdnum_nip.is_valid(nip):
        yield _problem(
            doc,
            ("identifiers", "nip"),
            ERROR,
            "nip-checksum",
            f"NIP {nip} ma nieprawidłową cyfrę kontrolną; sprawdź, czy nie ma literówki",
        )
    regon = _get(doc.data, "identifiers", "regon")
    if isinstance(regon, str) and re.fullmatch(r"[0-9]{9}|[0-9]{14}", regon) and not stdnum_regon.is_valid(regon):
        yield _problem(
            doc,
            ("identifiers", "regon"),
            ERROR,
            "regon-checksum",
            f"REGON {regon} ma nieprawidłową cyfrę kontrolną; sprawdź, czy nie ma literówki",
        )


# --- rule 8: link schemes in Markdown (the schema checks URL fields) ---------


def check_markdown(doc: Document) -> Iterator[Problem]:
    """Rule 8 on the description's links, read from the parse the site renders, and the
    bounds of its structure. A description over the length limit is not parsed at all
    (the schema's `maxLength` reports it), so the work stays bounded."""
    text = _get(doc.data, "description")
    if not isinstance(text, str) or len(text) > commonmark.MAX_MARKDOWN_CHARS:
        return
    parsed = commonmark.parse(text)
    if parsed.depth > commonmark.MAX_DEPTH:
        yield _problem(
            doc,
            ("description",),
            ERROR,
            "markdown-too-deep",
            f"opis ma listy lub cytaty zagnieżdżone na {parsed.depth} poziomach; dozwolone najwyżej "
            f"{commonmark.MAX_DEPTH}: spłaszcz listę (mniej wcięć, mniej znaków „-”, „*”, „1.” lub „>” "
            "na początku wiersza)",
        )
    if parsed.table_cells > commonmark.MAX_TABLE_CELLS:
        yield _problem(
            doc,
            ("description",),
            ERROR,
            "markdown-table-too-big",
            f"tabele w opisie mają ponad {commonmark.MAX_TABLE_CELLS} komórek; skróć je albo podziel na mniejsze",
        )
    schemes = (commonmark.link_scheme(target) for target in parsed.targets)
    for scheme in dict.fromkeys(s for s in schemes if s is not None):
        if scheme not in commonmark.SAFE_SCHEMES:
            yield _problem(
                doc,
                ("description",),
                ERROR,
                "url-scheme",
                f"odnośnik w opisie używa protokołu „{scheme}:”; dozwolone są tylko http, https i mailto",
            )


# --- rule 9: cross-sector partnership --------------------------------------------


def check_cross_sector(doc: Document, partners: dict[str, Document]) -> Iterator[Problem]:
    sectors = set()
    for item in _list(_get(doc.data, "canvas", "key_partners")):
        partner = partners.get(_get(item, "partner")) if isinstance(_get(item, "partner"), str) else None
        sector = _get(partner.data, "sector") if partner is not None else None
        if sector not in vocab.SECTORS:
            return  # a partner we cannot read: its own problems say why; no guessing here
        sectors.add(sector)
    if len(sectors) == 1:
        (sector,) = sectors
        yield _problem(
            doc,
            ("canvas", "key_partners"),
            WARNING,
            "single-sector",
            f"wszyscy kluczowi partnerzy pochodzą z jednego sektora ({vocab.SECTORS.label(str(sector))}); "
            "wiązka potrzebuje współpracy międzysektorowej",
            key=True,
        )


# --- rule 10: partners nobody references -------------------------------------------


def check_unreferenced_partners(content: Content) -> Iterator[Problem]:
    if content.unreadable_bundles:
        return  # an unreadable bundle may be the one that references them
    referenced = {partner_id for doc in content.bundles.values() for _, partner_id in _partner_refs(doc)}
    for partner_id, doc in content.partners.items():
        if partner_id not in referenced:
            yield _problem(
                doc,
                ("id",),
                WARNING,
                "unreferenced-partner",
                f"żadna wiązka nie odwołuje się do partnera `{partner_id}`; dodaj go do wiązki albo usuń plik",
            )


# --- rule 11: reviewed ---------------------------------------------------------------


def check_reviewed(doc: Document, today: date) -> Iterator[Problem]:
    reviewed = _parse_date(_get(doc.data, "reviewed"))
    if reviewed is None:
        return
    if reviewed > today:
        yield _problem(
            doc,
            ("reviewed",),
            ERROR,
            "reviewed-future",
            f"data przeglądu {reviewed.isoformat()} jest w przyszłości (dziś jest {today.isoformat()})",
        )
    elif (today - reviewed).days > REVIEW_MAX_AGE_DAYS:
        yield _problem(
            doc,
            ("reviewed",),
            WARNING,
            "review-old",
            f"treść sprawdzono ostatnio {reviewed.isoformat()}, ponad rok temu; "
            "potwierdź aktualność i zmień datę w `reviewed`",
        )


# --- all of them ------------------------------------------------------------------


# A file's own rules depend on nothing but the file (and the register), so the
# validator keeps their result with the file's parse; the content rules look at
# other files or at today's date and run on every pass.


def bundle_file_problems(doc: Document, stem: str, register: Register) -> Iterator[Problem]:
    yield from check_identity(doc, stem)
    yield from check_values(doc)
    yield from check_dates(doc)
    yield from check_services(doc)
    yield from check_teryt(doc, register)
    yield from check_stage_completeness(doc)
    yield from check_markdown(doc)


def bundle_content_problems(doc: Document, content: Content, today: date) -> Iterator[Problem]:
    yield from check_partner_references(doc, content.partners, content.unreadable_partners)
    yield from check_providers_are_key_partners(doc, content.partners, content.unreadable_partners)
    yield from check_cross_sector(doc, content.partners)
    yield from check_reviewed(doc, today)


def partner_file_problems(doc: Document, stem: str, register: Register) -> Iterator[Problem]:
    yield from check_identity(doc, stem)
    yield from check_values(doc)
    yield from check_teryt(doc, register)
    yield from check_partner_kind(doc)
    yield from check_identifiers(doc)
