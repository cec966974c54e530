"""Turning a "Nowa wiązka" issue (a GitHub issue form) into a new bundle file.

The issue's title and body are untrusted text typed by anyone with a GitHub
account. They are parsed here as data: every value is checked (TERYT codes
against the register, the OWES against content/partners/, target groups against
the vocabulary), problems are returned in Polish for a comment on the issue, and
the file is written by `scaffold.bundle_yaml`, which quotes every value. Nothing
from the issue ever reaches a shell.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wiazki.format import regex, vocab
from wiazki.format.field import ID_MAX
from wiazki.format.fields import field_at
from wiazki.format.ids import is_id
from wiazki.format.patterns import EMAIL_PATTERN
from wiazki.format.teryt import GMINA, Register
from wiazki.new_bundle.scaffold import NewBundle, slugify
from wiazki.validation.loader import load_file

#: The label GitHub puts on issues opened with the form, and the form's name.
LABEL = "Nowa wiązka"
#: The title prefix the form proposes; it is not part of the bundle's name.
TITLE_PREFIX = "[Nowa wiązka]"

# The form's fields, in the form's order: the "### …" headings of the issue body
# (the labels of .github/ISSUE_TEMPLATE/nowa-wiazka.yml). Where the field tree's label
# reads well as a question to the public it is the heading; the others ask in plain words.
NEED = "Potrzeba"
GROUPS = field_at("bundle", "canvas.customer_segments[].group").label
GROUP_DESCRIPTION = "Kim są odbiorcy"
FINDINGS = "Czego się dowiedzieliście"
METHODS = "Jak badaliście potrzeby"
TERRITORY = field_at("bundle", "territory").label
OWES = "OWES"
CONTACT = "E-mail kontaktowy"
FIELDS: tuple[str, ...] = (NEED, GROUPS, GROUP_DESCRIPTION, FINDINGS, METHODS, TERRITORY, OWES, CONTACT)
#: The bundle field (a path in `wiazki.format.fields`) each form field fills.
FORM_PATHS: dict[str, str] = {
    NEED: "summary",
    GROUPS: "canvas.customer_segments[].group",
    GROUP_DESCRIPTION: "canvas.customer_segments[].description",
    FINDINGS: "design.discover.findings",
    METHODS: "design.discover.methods",
    TERRITORY: "territory",
    OWES: "facilitator",
    CONTACT: "contact.email",
}
REQUIRED: tuple[str, ...] = (NEED, GROUPS, TERRITORY, OWES)


#: The bundle's fields the form fills with limits of their own (`wiazki.format.fields`).
def _bounds(path: str) -> tuple[int, int]:
    node = field_at("bundle", path)
    assert node.min_length is not None and node.limit is not None, path
    return node.min_length, node.limit


_TITLE_MIN, _TITLE_MAX = _bounds("title")
_SUMMARY_MIN, _SUMMARY_MAX = _bounds("summary")


def _item_name(heading: str) -> str:
    """How a problem names a list the form fills: the tree's label in lower case ("wnioski")."""
    return field_at("bundle", FORM_PATHS[heading]).label.lower()


NO_RESPONSE = "_No response_"
#: GitHub caps an issue body at 65,536 characters; anything longer is not from a form.
MAX_BODY_CHARS = 65_536
MAX_ITEMS = 30
MAX_ITEM_CHARS = 1000
MAX_TERRITORY = 50
#: The longest e-mail address (RFC 5321; the schema's maxLength), checked before the pattern.
MAX_EMAIL_CHARS = 254
# Control and bidirectional-override characters have no place in a bundle.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


@dataclass
class Conversion:
    """The outcome: a new bundle, or the problems to tell the person about."""

    new: NewBundle | None
    problems: list[str] = field(default_factory=list)


def clean(text: str) -> str:
    """Text without control characters, normalised (NFC), line ends as \\n."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _UNSAFE.sub("", text)


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", clean(text)).strip()


def parse_body(body: str) -> tuple[dict[str, str], list[str]]:
    """The sections of an issue-form body ("### Label\\n\\nvalue"), and problems.

    A value may not contain a line that is itself the heading of a form field:
    which of the two is the field would be a guess, so we ask instead.
    """
    sections: dict[str, list[str]] = {}
    problems: list[str] = []
    current: str | None = None
    for line in clean(body).split("\n"):
        # Plain string operations: a regex like "^### (.+?)\s*$" is quadratic on a
        # line of spaces, and a body may hold 65,536 characters.
        label = line[4:].rstrip() if line.startswith("### ") else ""
        if label in FIELDS:
            if label in sections:
                problems.append(
                    f"nagłówek sekcji „{label}” występuje w treści więcej niż raz; "
                    "usuń wiersze zaczynające się od „### ” z odpowiedzi"
                )
                current = None
                continue
            sections[label] = []
            current = label
        elif current is not None:
            sections[current].append(line)
    values = {}
    for label, lines in sections.items():
        value = "\n".join(lines).strip()
        values[label] = "" if value == NO_RESPONSE else value
    return values, problems


def parse_groups(value: str) -> tuple[list[str], list[str]]:
    """Target-group ids from the dropdown's text: its labels joined with ", ".

    Labels may contain commas themselves ("Cudzoziemcy, w tym uchodźcy"), so
    the text is matched label by label, longest first.
    """
    by_label = {label: key for key, label in vocab.TARGET_GROUPS.labels.items()}
    labels = sorted(by_label, key=len, reverse=True)
    groups: list[str] = []
    rest = one_line(value)
    while rest:
        found = next((label for label in labels if rest == label or rest.startswith(label + ", ")), None)
        if found is None:
            unknown = rest.split(", ", 1)[0]
            return groups, [f"nieznana grupa docelowa „{unknown[:80]}”; wybierz grupy z listy w formularzu"]
        if by_label[found] not in groups:
            groups.append(by_label[found])
        rest = rest[len(found) + 2 :] if rest != found else ""
    return groups, []


def parse_items(value: str, what: str) -> tuple[list[str], list[str]]:
    """One item per line; list markers ("- ", "* ", "1. ") are dropped."""
    items = []
    for line in clean(value).split("\n"):
        text = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line).strip()
        if text:
            items.append(re.sub(r"\s+", " ", text))
    problems = []
    if len(items) > MAX_ITEMS:
        problems.append(
            f"{what}: podano {len(items)} pozycji, najwięcej można {MAX_ITEMS}; resztę dopiszcie w pull requeście"
        )
    for number, item in enumerate(items[:MAX_ITEMS], start=1):
        if len(item) > MAX_ITEM_CHARS:
            problems.append(f"{what}: pozycja {number} ma {len(item)} znaków, najwięcej {MAX_ITEM_CHARS}; skróćcie ją")
    return items[:MAX_ITEMS], problems


_GMINA_PREFIX = re.compile(r"^(?:gmina|gm\.)\s+", re.IGNORECASE)


def parse_territory(value: str, register: Register) -> tuple[list[str], list[str]]:
    """TERYT codes from codes or names of gminy, separated by commas, semicolons or lines."""
    tokens = [one_line(t) for t in re.split(r"[,;\n]", clean(value))]
    tokens = [t for t in tokens if t]
    codes: list[str] = []
    problems: list[str] = []
    if len(tokens) > MAX_TERRITORY:
        return [], [f"obszar: podano {len(tokens)} jednostek, najwięcej można {MAX_TERRITORY}"]
    for token in tokens:
        shown = token[:80]
        if token.isdigit():
            if len(token) not in (2, 4, 7):
                problems.append(
                    f"„{shown}” nie jest kodem TERYT: kod ma 2 (województwo), 4 (powiat) lub 7 cyfr (gmina)"
                )
            elif token not in register:
                problems.append(f"kodu TERYT {shown} nie ma w rejestrze (stan na {register.date})")
            elif token not in codes:
                codes.append(token)
            continue
        name = _GMINA_PREFIX.sub("", token).casefold()
        matches = [
            u
            for u in register.units.values()
            if u.level == GMINA and u.kind.startswith("gmina") and u.name.casefold() == name
        ]
        if len(matches) == 1:
            if matches[0].code not in codes:
                codes.append(matches[0].code)
        elif not matches:
            problems.append(f"nie znaleziono gminy „{shown}” w rejestrze TERYT; podajcie 7-cyfrowy kod TERYT")
        else:
            options = "; ".join(f"{u.code} – {register.describe(u.code)}" for u in matches[:5])
            problems.append(f"nazwa „{shown}” pasuje do kilku gmin ({options}); podajcie kod TERYT")
    return codes, problems


def check_owes(value: str, content_dir: Path) -> tuple[str, list[str]]:
    pid = one_line(value)
    if not is_id(pid):
        return "", [f"„{pid[:80]}” nie jest identyfikatorem partnera (małe litery, cyfry i łączniki, np. owes-konin)"]
    file = content_dir / "partners" / f"{pid}.yml"
    if not file.is_file():
        return "", [
            f"nie ma partnera „{pid}” (pliku content/partners/{pid}.yml); podajcie identyfikator istniejącego OWES"
        ]
    doc, _ = load_file(file)
    kind = doc.data.get("kind") if doc is not None else None
    if kind != "owes":
        return "", [
            f"partner „{pid}” nie jest OWES (rodzaj: {vocab.PARTNER_KINDS.label(str(kind))}); "
            "facylitatorem wiązki jest OWES"
        ]
    return pid, []


def unique_id(title: str, content_dir: Path) -> str:
    """An id from the title that no bundle file uses yet."""
    base = slugify(title)
    candidate, number = base, 2
    while (content_dir / "bundles" / f"{candidate}.yml").exists():
        suffix = f"-{number}"
        candidate = base[: ID_MAX - len(suffix)].rstrip("-") + suffix
        number += 1
    return candidate


def bundle_title(issue_title: str) -> str:
    title = one_line(issue_title)
    for prefix in (TITLE_PREFIX + ":", TITLE_PREFIX):
        if title.startswith(prefix):
            title = title[len(prefix) :].strip()
    return title


def _summary(need: str) -> tuple[str, str]:
    """The card summary (`summary`'s limits in the field tree) and, when the need is longer, the full text."""
    text = one_line(need)
    if len(text) <= _SUMMARY_MAX:
        return text, ""
    cut = text[: _SUMMARY_MAX - 1]
    cut = cut[: cut.rfind(" ")] if " " in cut[200:] else cut
    return cut.rstrip(" ,;:") + "…", clean(need).strip()


def convert(issue_title: str, body: str, content_dir: Path, register: Register, today: date) -> Conversion:
    """A NewBundle from an issue, or the problems that prevent it."""
    if len(body) > MAX_BODY_CHARS:
        return Conversion(
            None,
            [
                f"treść zgłoszenia ma {len(body)} znaków, więcej niż pozwala GitHub ({MAX_BODY_CHARS}); "
                f"to nie jest formularz „{LABEL}”"
            ],
        )
    values, problems = parse_body(body)
    if problems:
        # Which text belongs to which field is a guess: check nothing else.
        return Conversion(None, problems)
    for label in REQUIRED:
        if not values.get(label):
            problems.append(f"brak odpowiedzi w polu „{label}” (czy zgłoszenie utworzono formularzem „{LABEL}”?)")
    title = bundle_title(issue_title)
    if not _TITLE_MIN <= len(title) <= _TITLE_MAX:
        problems.append(
            f"tytuł zgłoszenia (nazwa wiązki) musi mieć od {_TITLE_MIN} do {_TITLE_MAX} znaków, ma {len(title)}"
        )
    summary, description = _summary(values.get(NEED, ""))
    if values.get(NEED) and len(summary) < _SUMMARY_MIN:
        problems.append(
            f"opis potrzeby jest za krótki: napiszcie co najmniej {_SUMMARY_MIN} znaków (jedno lub dwa zdania)"
        )
    groups, found = parse_groups(values.get(GROUPS, ""))
    problems += found
    group_description = one_line(values.get(GROUP_DESCRIPTION, ""))
    if len(group_description) > MAX_ITEM_CHARS:
        problems.append(f"opis odbiorców ma {len(group_description)} znaków, najwięcej {MAX_ITEM_CHARS}")
    findings, found = parse_items(values.get(FINDINGS, ""), _item_name(FINDINGS))
    problems += found
    methods, found = parse_items(values.get(METHODS, ""), _item_name(METHODS))
    problems += found
    territory, found = parse_territory(values.get(TERRITORY, ""), register) if values.get(TERRITORY) else ([], [])
    problems += found
    owes, found = check_owes(values[OWES], content_dir) if values.get(OWES) else ("", [])
    problems += found
    email = one_line(values.get(CONTACT, ""))
    # The format's own pattern (one verdict with the validator), only within the limit.
    if email and (len(email) > MAX_EMAIL_CHARS or not regex.search(EMAIL_PATTERN, email)):
        problems.append(f"„{email[:80]}” nie jest adresem e-mail")
    if problems:
        return Conversion(None, problems)
    return Conversion(
        NewBundle(
            id=unique_id(title, content_dir),
            title=title,
            facilitator=owes,
            territory=territory,
            reviewed=today,
            summary=summary,
            description=description,
            groups=groups,
            group_description=group_description,
            findings=findings,
            methods=methods,
            contact_email=email,
        )
    )
