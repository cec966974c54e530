"""Decap CMS's configuration, generated from the format's field tree.

Every field of `wiazki.format.fields` becomes one Decap field: its Polish label, its
description as the hint (with the stage from which rule 5 requires it), a widget
chosen by its type, and its pattern with a Polish message. Nothing here names a
field of the format except the three partner references' filter (the facilitator
is an OWES, a rule of the format) and the collections' summaries.

Widgets follow Decap's documentation (decapcms.org/docs/widgets/): dates are
`datetime` with `date_format: YYYY-MM-DD` and `time_format: false` (without them the
widget stores a timestamp), integers are `number` with `value_type: int`, a list of
objects has `fields` and a `summary`, a list of texts has one `field`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from wiazki.format import vocab
from wiazki.format.field import Field
from wiazki.format.fields import iter_fields, tree
from wiazki.format.patterns import FIELD_PATTERN_MESSAGES, NONBLANK_PATTERN, PATTERN_MESSAGES

#: The collections: (Decap name, field tree, folder, Polish labels, custom format).
COLLECTIONS: tuple[tuple[str, str, str, str, str], ...] = (
    ("bundles", "bundle", "content/bundles", "Wiązki", "wiązka"),
    ("partners", "partner", "content/partners", "Partnerzy", "partner"),
)
#: The custom format (editor.js, `CMS.registerCustomFormat`) of each collection.
FORMATS = {"bundles": "wiazki-bundle", "partners": "wiazki-partner"}

#: Text fields longer than this get a multi-line box.
SHORT_TEXT = 200

#: Which widget each type of the field tree gets (lists, objects, enums and
#: partner references are built by their own functions below).
SIMPLE_WIDGETS = {
    "string": "string",
    "code": "string",
    "id": "string",
    "url": "string",
    "email": "string",
    "phone": "string",
    "teryt": "string",
    "period": "string",
    "markdown": "markdown",
    "date": "datetime",
    "amount": "number",
    "int": "number",
    "bool": "boolean",
    "const": "hidden",
    "enum": "select",
    "partner-ref": "relation",
    "list": "list",
    "object": "object",
}


@dataclass(frozen=True)
class EditorSettings:
    """Where the editor saves: the repository, its branch and how people sign in.

    `base_url` is the OAuth relay (Decap's `backend.base_url`, e.g.
    "https://wiazki-oauth.example.org"), `auth_endpoint` its path; `local_backend`
    the address of `decap-server` for `make edit` ("http://127.0.0.1:8081/api/v1").
    """

    repo: str = "owes-katalog/wiazki"
    branch: str = "main"
    base_url: str = ""
    auth_endpoint: str = "auth"
    local_backend: str = ""
    site_url: str = ""

    @property
    def can_sign_in(self) -> bool:
        """True when a person can sign in: a relay is set, or decap-server runs locally."""
        return bool(self.base_url or self.local_backend)


def widget_of(node: Field) -> str:
    """The Decap widget of a field (`string`, `text`, `select`, …)."""
    name = SIMPLE_WIDGETS[node.type]
    if name == "string" and node.type == "string" and (node.limit is None or node.limit > SHORT_TEXT):
        return "text"
    return name


def pattern_message(node: Field) -> str:
    """What a value must be, in Polish, for Decap's message under the field."""
    meaning = FIELD_PATTERN_MESSAGES.get(node.name) or PATTERN_MESSAGES.get(_pattern(node) or "")
    return f"Wartość musi być {meaning}." if meaning else "Wartość ma nieprawidłowy format."


def _pattern(node: Field) -> str | None:
    if node.pattern is not None:
        return node.pattern
    shared = node.shared
    return shared.pattern if shared else None


def _text_pattern(node: Field) -> list[str] | None:
    """A not-blank text within its length limits, as one ECMAScript pattern."""
    low = node.min_length or 1
    high = node.limit
    if high is None and low <= 1:
        return [NONBLANK_PATTERN, "Wpisz tekst (nie same spacje)."]
    span = f"{{{low},{high if high is not None else ''}}}"
    words = f"od {low} do {high} znaków" if high is not None else f"co najmniej {low} znaków"
    if low <= 1 and high is not None:
        words = f"najwyżej {high} znaków"
    # A visible character somewhere (NONBLANK_PATTERN: not white space, not invisible).
    return [f"^(?=[\\s\\S]*{NONBLANK_PATTERN})[\\s\\S]{span}$", f"Wpisz {words} (nie same spacje)."]


#: Masculine nouns for people, whose accusative ends in -a ("Dodaj partnera").
ANIMATE = {"partner": "partnera", "uczestnik": "uczestnika"}


def accusative(label: str) -> str:
    """The accusative of an item's label for Decap's "Dodaj …" button ("Usługa" → "usługę").

    Decap writes `Dodaj <label_singular>` and lower-cases the label. Polish feminine
    nouns in -a take -ę and their adjectives -ą ("informację zwrotną"); masculine
    nouns for people take -a; the rest (inanimate masculine, neuter) stay as they are.
    The words after the first one that are not adjectives (genitives: "partnera
    wiązki") keep their form.
    """
    words = label.split(" ")
    first = words[0].lower()
    if first in ANIMATE:
        words[0] = ANIMATE[first]
    elif first.endswith("a"):
        words[0] = first[:-1] + "ę"
        words[1:] = [w[:-1] + "ą" if w.endswith(("na", "wa", "ka", "ja")) and w.islower() else w for w in words[1:]]
    else:
        words[0] = first
    return " ".join(words)


def _hint(node: Field) -> str:
    hint = node.description
    if node.required_from:
        hint += f" Wymagane od etapu „{vocab.STAGES.label(node.required_from)}”."
    return hint


def _summary(item: Field) -> str:
    """A readable one-line summary of a list item: its date, partner and first text."""
    parts = []
    for wanted in ("date", "partner-ref", "enum"):
        child = next((c for c in item.children if c.type == wanted), None)
        if child is not None:
            parts.append(f"{{{{fields.{child.name}}}}}")
    text = next((c for c in item.children if c.type in ("string", "markdown")), None)
    if text is not None:
        parts.append(f"{{{{fields.{text.name} | truncate(60)}}}}")
    return " – ".join(parts)


def field_config(node: Field, *, required: bool = True) -> dict[str, Any]:
    """One Decap field for `node`; `required` says whether its parents are all required.

    Decap checks a nested field's `required` even when its optional parent is left
    empty, so a field is required in the form only when the whole path to it is
    (the validator checks the rest in the pull request).
    """
    widget = widget_of(node)
    required = required and node.required
    config: dict[str, Any] = {"label": node.label, "name": node.name or "item", "widget": widget}
    if node.description:
        config["hint"] = _hint(node)
    if not required:
        config["required"] = False
    if widget in ("string", "text"):
        pattern = _pattern(node)
        if pattern in (None, NONBLANK_PATTERN):
            config["pattern"] = _text_pattern(node)
        else:
            config["pattern"] = [pattern, pattern_message(node)]
    elif widget == "markdown":
        config.update(sanitize_preview=True, editor_components=[], modes=["raw", "rich_text"])
        config["buttons"] = ["bold", "italic", "link", "heading-two", "heading-three", "bulleted-list", "numbered-list"]
    elif widget == "datetime":
        config.update(date_format="YYYY-MM-DD", time_format=False, picker_utc=True, default="")
    elif widget == "number":
        shared = node.shared
        config["value_type"] = "int" if node.type == "int" else "float"
        low = node.minimum if node.minimum is not None else shared.minimum if shared else None
        high = node.maximum if node.maximum is not None else shared.maximum if shared else None
        if low is not None:
            config["min"] = low
        if high is not None:
            config["max"] = high
        config["step"] = 1
    elif widget == "hidden":
        config["default"] = node.const
    elif widget == "select":
        assert node.vocabulary is not None
        config["options"] = [{"label": node.vocabulary.label(key), "value": key} for key in node.vocabulary]
    elif widget == "relation":
        config.update(
            collection="partners",
            value_field="id",
            search_fields=["name", "short_name", "id"],
            display_fields=["{{name}} ({{id}})"],
            options_length=100,
        )
        if node.name == "facilitator":
            # The format's rule: the facilitator is an OWES (partner kind `owes`).
            config["filters"] = [{"field": "kind", "values": ["owes"]}]
    elif widget == "list":
        _list_config(node, config, required)
    elif widget == "object":
        config["fields"] = [field_config(child, required=required) for child in node.children]
    return config


def _list_config(node: Field, config: dict[str, Any], required: bool) -> None:
    assert node.item is not None
    item = node.item
    config["label_singular"] = accusative(item.label)
    if node.min_items:
        config["min"] = node.min_items
    if item.type == "object":
        config["collapsed"] = True
        config["summary"] = _summary(item)
        # Fields of an item are required when the item is there.
        config["fields"] = [field_config(child, required=True) for child in item.children]
    else:
        # An item of a list is there because someone added it: its value is required.
        config["field"] = field_config(replace(item, required=True), required=True)


def collection_config(name: str, kind: str, folder: str, label: str, singular: str) -> dict[str, Any]:
    """One folder collection: a YAML file per entry, named after its `id`."""
    root = tree(kind)
    title = "title" if name == "bundles" else "name"
    collection: dict[str, Any] = {
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": folder,
        "extension": "yml",
        "format": FORMATS[name],
        "create": True,
        "delete": False,
        "identifier_field": "id",
        "slug": "{{fields.id}}",
        "summary": "{{" + title + "}}",
        "sortable_fields": [title],
        "fields": [field_config(child) for child in root.children],
    }
    return collection


def decap_config(settings: EditorSettings) -> dict[str, Any]:
    """The whole configuration (Decap's `config.yml`), as a dict."""
    backend: dict[str, Any] = {
        "name": "github",
        "repo": settings.repo,
        "branch": settings.branch,
        # People without write access edit through a fork (GitHub backend only).
        "open_authoring": True,
        "commit_messages": {
            "create": "{{collection}}: nowy plik {{slug}}",
            "update": "{{collection}}: zmiany w {{slug}}",
            "delete": "{{collection}}: usunięto {{slug}}",
            "uploadMedia": "Plik {{path}}",
            "deleteMedia": "Usunięto plik {{path}}",
            "openAuthoring": "{{message}}",
        },
    }
    if settings.base_url:
        backend["base_url"] = settings.base_url
        backend["auth_endpoint"] = settings.auth_endpoint
    config: dict[str, Any] = {
        "locale": "pl",
        "backend": backend,
        # Each saved entry becomes a branch and a pull request, checked by CI.
        "publish_mode": "editorial_workflow",
        # Required by Decap; the format has no files to upload.
        "media_folder": "docs/assets/uploads",
        "public_folder": "/assets/uploads",
        "show_preview_links": False,
        "collections": [collection_config(*entry) for entry in COLLECTIONS],
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    if settings.local_backend:
        config["local_backend"] = {"url": settings.local_backend, "allowed_hosts": ["127.0.0.1", "localhost"]}
    return config


def required_paths(kind: str) -> list[str]:
    """Paths of the lists and objects the schema requires: the editor keeps them even when empty."""
    return [node.path for node in iter_fields(kind) if node.required and node.type in ("list", "object")]
