"""/format/: the Polish field reference, generated from the field tree.

Every field of a bundle and a partner file: its path, Polish label and description,
type, limits, whether and from which stage it is required, and the allowed values
of each vocabulary with their labels. The English specification the format
started from stays in the repository (`spec/format.md`) for developers.
"""

from __future__ import annotations

from wiazki.format import vocab
from wiazki.format.field import Field
from wiazki.format.fields import iter_fields
from wiazki.format.patterns import FIELD_PATTERN_MESSAGES, NONBLANK_PATTERN, PATTERN_MESSAGES
from wiazki.polish import number
from wiazki.views.format_rules import text_rules

#: How each type of the field tree is named for a person.
TYPE_NAMES = {
    "string": "tekst",
    "markdown": "tekst w Markdownie",
    "code": "kod",
    "id": "identyfikator",
    "partner-ref": "identyfikator partnera",
    "date": "data RRRR-MM-DD",
    "url": "adres http:// lub https://",
    "email": "adres e-mail",
    "phone": "numer telefonu",
    "teryt": "kod TERYT",
    "amount": "kwota w zł",
    "period": "okres (rok albo tekst)",
    "int": "liczba całkowita",
    "bool": "tak/nie (true/false)",
    "const": "stała wartość",
    "enum": "wartość ze słownika",
    "list": "lista",
    "object": "grupa pól",
}

KIND_TITLES = {"bundle": "Wiązka (`content/bundles/<id>.yml`)", "partner": "Partner (`content/partners/<id>.yml`)"}


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell (our own texts, escaped all the same)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|").replace("\n", " ")


def _anchor(vocabulary: vocab.Vocabulary) -> str:
    return f"slownik-{vocabulary.name.replace('_', '-')}"


def type_and_limits(node: Field) -> str:
    """ "tekst, 5–120 znaków", "lista (co najmniej 1)", "wartość ze słownika [Etap](#…)"."""
    parts = [TYPE_NAMES[node.type]]
    if node.type == "enum" and node.vocabulary is not None:
        parts = [f"wartość ze słownika [{node.vocabulary.title}](#{_anchor(node.vocabulary)})"]
    if node.type == "list" and node.item is not None:
        item = node.item
        parts = [f"lista: {item.label}"]
        if node.min_items:
            parts.append(f"co najmniej {node.min_items}")
    if node.type == "const":
        parts = [f"zawsze `{node.const}`"]
    low = node.min_length or (node.shared.min_length if node.shared else None)
    high = node.limit
    if node.type in ("string", "markdown") or (node.type == "period"):
        if high is not None and low and low > 1:
            parts.append(f"{low}–{number(high)} znaków")
        elif high is not None:
            parts.append(f"do {number(high)} znaków")
    pattern = node.pattern or (node.shared.pattern if node.shared else None)
    meaning = FIELD_PATTERN_MESSAGES.get(node.name) or PATTERN_MESSAGES.get(pattern or "")
    if pattern and pattern != NONBLANK_PATTERN and meaning and node.type not in ("partner-ref",):
        parts = [f"musi być {meaning}"]
    minimum = node.minimum if node.minimum is not None else node.shared.minimum if node.shared else None
    maximum = node.maximum if node.maximum is not None else node.shared.maximum if node.shared else None
    if minimum is not None and maximum is not None:
        parts.append(f"od {number(minimum)} do {number(maximum)}")
    return ", ".join(parts)


def requirement(node: Field, parent_required: bool) -> str:
    if node.required_from:
        return f"od etapu „{vocab.STAGES.label(node.required_from)}”"
    if node.required:
        return "tak" if parent_required else "tak, gdy jest grupa wyżej"
    return "nie"


def _rows(kind: str) -> list[str]:
    rows = []
    required_paths: dict[str, bool] = {"": True}
    for node in iter_fields(kind):
        parent = node.path.rsplit(".", 1)[0] if "." in node.path else ""
        if node.name == "":  # a list's item: its fields are listed under it
            required_paths[node.path] = True
            continue
        parent_key = parent
        parent_required = required_paths.get(parent_key, True)
        required_paths[node.path] = parent_required and node.required
        depth = node.path.count(".")
        indent = "&nbsp;&nbsp;" * depth
        rows.append(
            f"| {indent}`{_cell(node.path)}` | {_cell(node.label)} | {type_and_limits(node)} | "
            f"{requirement(node, parent_required)} | {_cell(node.description)} |"
        )
    return rows


def _vocabularies() -> list[vocab.Vocabulary]:
    seen: dict[str, vocab.Vocabulary] = {}
    for kind in ("bundle", "partner"):
        for node in iter_fields(kind):
            if node.vocabulary is not None:
                seen.setdefault(node.vocabulary.name, node.vocabulary)
    return list(seen.values())


#: The page's front matter on the site: out of the public search. It names every field and
#: every vocabulary label, so it matched almost any query of several words ("opieka
#: wytchnieniowa dla opiekunów seniorów" found only it); editors reach it from the menu.
REFERENCE_MATTER = "---\nsearch:\n  exclude: true\n---\n"


def format_reference() -> str:
    """The whole page, as Markdown."""
    lines = [
        "# Format plików: opis pól",
        "",
        "Każda wiązka to plik `content/bundles/<id>.yml`, każdy partner – plik `content/partners/<id>.yml`. "
        "Poniżej wszystkie pola obu rodzajów plików: nazwa pola w pliku, nazwa w edytorze, typ i "
        "ograniczenia, od kiedy pole jest wymagane, oraz opis. Strona powstaje z tej samej definicji "
        "formatu co walidator, schematy JSON i edytor `/admin/`, więc zawsze się z nimi zgadza.",
        "",
        "Kolumna „Wymagane”: *tak* – pole musi być w pliku; *od etapu …* – pole musi być wypełnione, "
        "gdy wiązka jest na tym etapie albo dalszym; *nie* – pole można pominąć. Pole "
        'nieobowiązkowe lepiej usunąć, niż zostawić puste (`""`).',
        "",
        "Identyfikator (`id`) to małe litery a–z, cyfry i pojedyncze łączniki, 3–64 znaki, równy nazwie "
        "pliku bez `.yml`. Pliki są w UTF-8; nie wolno używać kotwic, aliasów ani własnych znaczników YAML.",
        "",
    ]
    for kind in ("bundle", "partner"):
        lines += [
            f"## {KIND_TITLES[kind]}",
            "",
            "| pole | nazwa | typ i ograniczenia | wymagane | opis |",
            "|---|---|---|---|---|",
            *_rows(kind),
            "",
        ]
    lines += text_rules()
    lines += [
        "## Słowniki",
        "",
        "W pliku wpisuje się identyfikator (lewa kolumna); strona i edytor pokazują polską nazwę.",
        "",
    ]
    for vocabulary in _vocabularies():
        lines += [f"### {vocabulary.title} {{#{_anchor(vocabulary)}}}", "", "| wartość | znaczenie |", "|---|---|"]
        for key in vocabulary:
            label = vocabulary.label(key)
            if vocabulary is vocab.PARTNER_KINDS:
                label += f" (sektor: {vocab.SECTORS.label(vocab.SECTOR_OF_KIND[key]).lower()})"
            lines.append(f"| `{key}` | {_cell(label)} |")
        lines.append("")
    return "\n".join(lines)
