"""The rules of the format beyond the JSON Schema (bundle-format.md, "Rules beyond the schema").

Each rule reads the loaded documents defensively: a file may also have schema
errors, and every problem is reported at once, so a rule skips a value of the
wrong type instead of failing on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from wiazki.format import regex, vocab
from wiazki.format.ids import is_id
from wiazki.format.patterns import DATE_PATTERN, TERYT_PATTERN
from wiazki.format.teryt import Register
from wiazki.format.values import filled  # noqa: F401  (its old home; the model imports it from format.values)
from wiazki.format.values import get as _get
from wiazki.polish import count
from wiazki.validation.cross_rules import (
    check_cross_sector,
    check_partner_references,
    check_providers_are_key_partners,
)
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, WARNING, Problem
from wiazki.validation.rule_kit import Content
from wiazki.validation.rule_kit import as_list as _list
from wiazki.validation.rule_kit import problem_at as _problem
from wiazki.validation.stages import check_stage_completeness, quote_stage, stage_of
from wiazki.validation.text_rules import check_markdown, check_values

REVIEW_MAX_AGE_DAYS = 365
MIN_SERVICES = 3
MIN_SERVICE_TYPES = 3

_DATE = regex.compile(DATE_PATTERN)
_TERYT = regex.compile(TERYT_PATTERN)


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


# Between files: wiazki.validation.cross_rules.


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


# --- rules 8, 9 and 10 ---------------------------------------------------------------


# Rule 8 (link schemes in Markdown) with the other checks of text: wiazki.validation.text_rules.
# Rules 9 (cross-sector partnership) and 10 (partners nobody references), between files:
# wiazki.validation.cross_rules.


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
