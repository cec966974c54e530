"""One field of a content file, the shared value types, and the helpers that build the tree.

The tree itself is in `wiazki.format.fields`; this module holds its building blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from wiazki.format import patterns as p
from wiazki.format.vocab import Vocabulary

#: Maximum lengths of text, in characters (issue 7; the schemas publish them as `maxLength`).
ID_MAX = 64
TITLE_MAX = 120
SUMMARY_MAX = 300
NAME_MAX = 200
TEXT_MAX = 2_000
MARKDOWN_MAX = 10_000
URL_MAX = 2_000
EMAIL_MAX = 254
PHONE_MAX = 40

#: Every value type of the tree. Text types hold a string with a `max_length`.
TYPES: tuple[str, ...] = (
    "string",  # one-line or short free text, not blank
    "markdown",  # free text in Markdown (raw HTML is not shown)
    "code",  # a fixed-shape string checked by `pattern` (postal code, KRS, NIP, REGON)
    "id",  # a file's own identifier
    "partner-ref",  # the identifier of a partner file
    "date",  # RRRR-MM-DD
    "url",  # http:// or https://
    "email",
    "phone",  # a Polish phone number
    "teryt",  # a TERYT code of 2, 4 or 7 digits
    "amount",  # a number of złoty, 0 … 10^12
    "period",  # a year (integer) or a short text
    "int",  # an integer between `minimum` and `maximum`
    "bool",
    "const",  # a fixed value (`format: 1`)
    "enum",  # an id of `vocabulary`
    "list",  # a list of `item`
    "object",  # a mapping of `children`; no other keys allowed
)
TEXT_TYPES = frozenset({"string", "markdown", "code", "id", "partner-ref", "date", "url", "email", "phone", "teryt"})


@dataclass(frozen=True)
class SharedType:
    """A value type published once in a schema's `$defs` and referenced by each field of that type."""

    def_name: str
    label: str
    description: str
    json_type: str | list[str]
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None


#: The types every field of which shares one definition (`#/$defs/<def_name>`), in `$defs` order.
SHARED_TYPES: dict[str, SharedType] = {
    shared.def_name.replace("_", "-"): shared
    for shared in (
        SharedType(
            "id",
            "Identyfikator",
            f"Małe litery a–z, cyfry i pojedyncze łączniki, 3–{ID_MAX} znaki; równy nazwie pliku bez .yml.",
            "string",
            p.ID_PATTERN,
            3,
            ID_MAX,
        ),
        SharedType("date", "Data", "Data w formacie RRRR-MM-DD.", "string", p.DATE_PATTERN, max_length=10),
        SharedType(
            "url",
            "Adres internetowy",
            "Adres zaczynający się od http:// lub https://.",
            "string",
            p.URL_PATTERN,
            max_length=URL_MAX,
        ),
        SharedType(
            "email",
            "Adres e-mail",
            "Adres e-mail, np. biuro@example.org.",
            "string",
            p.EMAIL_PATTERN,
            max_length=EMAIL_MAX,
        ),
        SharedType(
            "phone",
            "Telefon",
            'Polski numer telefonu w cudzysłowie, np. "+48 63 241 22 10" lub "601 234 567".',
            "string",
            p.PHONE_PATTERN,
            max_length=PHONE_MAX,
        ),
        SharedType(
            "teryt",
            "Kod TERYT",
            "Kod z rejestru TERYT (TERC) w cudzysłowie: 2 cyfry – województwo, 4 – powiat, 7 – gmina, "
            "część gminy miejsko-wiejskiej lub dzielnica Warszawy.",
            "string",
            p.TERYT_PATTERN,
            max_length=7,
        ),
        SharedType(
            "partner_ref",
            "Partner",
            "Identyfikator partnera: nazwa pliku w content/partners/ bez .yml.",
            "string",
            p.ID_PATTERN,
            3,
            ID_MAX,
        ),
        # A bound keeps sums and formatting exact (and no 400-digit number in a page).
        SharedType(
            "amount",
            "Kwota (zł)",
            "Kwota w złotych, liczba nieujemna bez spacji i waluty, np. 96000.",
            "number",
            minimum=0,
            maximum=1_000_000_000_000,
        ),
        SharedType(
            "period",
            "Okres",
            'Okres, którego dotyczy kwota, np. 2026 albo "rocznie".',
            ["string", "integer"],
            p.NONBLANK_PATTERN,
            1,
            TEXT_MAX,
        ),
    )
}


@dataclass(frozen=True)
class Field:
    """One field of a bundle or partner file.

    `name` is the key in its parent mapping ("" for the item of a list, whose `path`
    ends in "[]"); `path` is the dotted path from the file's root, with "[]" for
    "each item of the list" (`canvas.value_proposition.services[].fee`).
    `label` and `description` are Polish (the schema's `title` and `description`).
    `required` means the schema requires the key in its parent; `required_from` is
    the stage id (`wiazki.format.vocab.STAGES`) from which rule 5 (stage completeness)
    requires the value filled.
    `column` names the field's column in the open-data CSV (`wiazki.views.open_data`):
    None gives the default (its name, or `<object>_<name>` inside a top-level object),
    "" leaves the field out of the CSV (long text and lists the JSON carries).
    """

    name: str
    label: str
    description: str
    type: str
    required: bool = False
    required_from: str | None = None
    vocabulary: Vocabulary | None = None
    pattern: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    minimum: int | None = None
    maximum: int | None = None
    min_items: int | None = None
    const: Any = None
    item: Field | None = None
    children: tuple[Field, ...] = ()
    #: For an object item published once in `$defs` (`service`, `test`).
    def_name: str | None = None
    column: str | None = None
    path: str = field(default="", compare=False)

    def child(self, name: str) -> Field:
        """The child field `name`; KeyError when the object has none."""
        for child in self.children:
            if child.name == name:
                return child
        raise KeyError(f"{self.path or '(root)'} has no field {name!r}")

    @property
    def shared(self) -> SharedType | None:
        """The shared definition of this field's type, if it has one."""
        return SHARED_TYPES.get(self.type)

    @property
    def limit(self) -> int | None:
        """The maximum length of a text value, from the field or its shared type."""
        if self.max_length is not None:
            return self.max_length
        shared = self.shared
        return shared.max_length if shared else None


def with_paths(node: Field, path: str = "") -> Field:
    """`node` and every field under it with `path` filled in."""
    item = with_paths(node.item, f"{path}[]") if node.item else None
    children = tuple(with_paths(child, f"{path}.{child.name}" if path else child.name) for child in node.children)
    return replace(node, path=path, item=item, children=children)


# --- constructors, so that the tree reads as a table --------------------------------------


def text(
    name: str,
    label: str,
    description: str,
    max_length: int = TEXT_MAX,
    *,
    min_length: int = 1,
    required: bool = False,
    type: str = "string",
    column: str | None = None,
) -> Field:
    """A free text field: not blank, `min_length`…`max_length` characters."""
    return Field(
        name,
        label,
        description,
        type,
        required=required,
        pattern=p.NONBLANK_PATTERN,
        min_length=min_length,
        max_length=max_length,
        column=column,
    )


def code(
    name: str,
    label: str,
    description: str,
    pattern: str,
    max_length: int,
    *,
    required: bool = False,
    column: str | None = None,
) -> Field:
    """A fixed-shape string (postal code, registry number)."""
    return Field(
        name, label, description, "code", required=required, pattern=pattern, max_length=max_length, column=column
    )


def typed(type: str, name: str, label: str, description: str, *, required: bool = False) -> Field:
    """A field of a shared type (`SHARED_TYPES`)."""
    assert type in SHARED_TYPES, type
    return Field(name, label, description, type, required=required)


def enum(name: str, vocabulary: Vocabulary, description: str, *, required: bool = False) -> Field:
    """An id of `vocabulary`; its label is the vocabulary's title."""
    return Field(name, vocabulary.title, description, "enum", required=required, vocabulary=vocabulary)


def items(
    name: str,
    label: str,
    description: str,
    item: Field,
    *,
    min_items: int | None = None,
    required: bool = False,
    required_from: str | None = None,
) -> Field:
    """A list of `item`."""
    return Field(
        name,
        label,
        description,
        "list",
        required=required,
        required_from=required_from,
        min_items=min_items,
        item=replace(item, name=""),
    )


def texts(
    name: str,
    label: str,
    description: str,
    item_label: str,
    max_length: int = TEXT_MAX,
    *,
    required: bool = False,
    required_from: str | None = None,
    column: str | None = None,
) -> Field:
    """A list of free texts, each labelled `item_label`."""
    return replace(
        items(
            name,
            label,
            description,
            text("", item_label, item_label, max_length),
            required=required,
            required_from=required_from,
        ),
        column=column,
    )


def group(
    name: str,
    label: str,
    description: str,
    children: tuple[Field, ...],
    *,
    required: bool = False,
    required_from: str | None = None,
    def_name: str | None = None,
) -> Field:
    """An object of `children` (no other keys allowed)."""
    return Field(
        name,
        label,
        description,
        "object",
        required=required,
        required_from=required_from,
        children=children,
        def_name=def_name,
    )
