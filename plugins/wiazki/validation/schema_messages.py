"""jsonschema's findings, said in Polish at the line and column of the offending value."""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from wiazki.format import regex, vocab
from wiazki.format.patterns import INVISIBLE_CLASS
from wiazki.format.schema import FIELD_PATTERN_MESSAGES, NONBLANK_PATTERN, PATTERN_MESSAGES, URL_PATTERN, schemas
from wiazki.polish import count, lower_first
from wiazki.validation import suggest
from wiazki.validation.limits import clip
from wiazki.validation.loader import Document
from wiazki.validation.problems import ERROR, Problem
from wiazki.validation.schema_fast import fast_validator

if TYPE_CHECKING:  # jsonschema is imported when a file fails the fast check (70 ms a build less)
    import jsonschema
    from jsonschema.exceptions import ValidationError

_VOCABULARY_BY_IDS = {tuple(vocabulary): vocabulary for vocabulary in vocab.ALL}

# A character of a key that shows nothing (a plain space shows as one): "stage\u00a0".
_INVISIBLE_IN_KEY = re.compile("[" + INVISIBLE_CLASS.replace("\\x00-\\x20", "\\x00-\\x1f") + "]")


def _invisible_in_key(name: str, what: str = ": nazwa") -> str:
    """`what` + " zawiera niewidoczny znak U+00A0 (NO-BREAK SPACE) – znak 6; usuń go …", or ""."""
    found = _INVISIBLE_IN_KEY.search(name)
    if found is None:
        return ""
    char = found.group()
    return (
        f"{what} zawiera niewidoczny znak U+{ord(char):04X} ({unicodedata.name(char, 'znak sterujący')}) – "
        f"znak {found.start() + 1}; usuń go (często przychodzi z tekstem skopiowanym z innego programu)"
    )


_TYPE_NAMES = {
    "string": "tekstem",
    "integer": "liczbą całkowitą",
    "number": "liczbą",
    "array": "listą (elementy zaczynające się od „- ”)",
    "object": "słownikiem pól (pole: wartość)",
    "boolean": "wartością logiczną true albo false",
    "null": "pustą wartością",
}


def _inline_refs(node: Any, defs: dict[str, Any]) -> Any:
    """The schema with every local `$ref` replaced by its target (our schemas are not recursive).

    The verdict is the same; jsonschema resolves a `$ref` on every visit, which was
    a third of the validation time.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _inline_refs(value, defs) for key, value in node.items() if key != "$defs"}
    ref = node.pop("$ref", None)
    if ref is not None:
        target = _inline_refs(defs[ref.removeprefix("#/$defs/")], defs)
        node = {**target, **node}
    return node


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    # JSON Schema's `pattern` is ECMA-262 (format/regex.py): the same verdict as
    # check-jsonschema, ajv and editors, not Python's `re` dialect.
    if validator.is_type(instance, "string") and not regex.search(pattern, instance):
        from jsonschema.exceptions import ValidationError

        yield ValidationError(f"{clip(instance)!r} does not match {pattern!r}")


@cache
def _inlined(kind: str) -> dict[str, Any]:
    """The `kind`'s schema with its `$ref`s inlined (`_inline_refs`)."""
    schema = schemas()[kind]
    return _inline_refs(schema, schema.get("$defs", {}))


@cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    import jsonschema

    schema = _inlined(kind)
    return jsonschema.validators.extend(jsonschema.validators.validator_for(schema), {"pattern": _ecma_pattern})(schema)


@cache
def _passes(kind: str) -> Callable[[Any], bool] | None:
    """The fast "passes the schema" check (validation/schema_fast.py), or None."""
    return fast_validator(_inlined(kind))


def describe_path(path: tuple) -> str:
    """`canvas.value_proposition.services[2].fee`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _field(path: tuple) -> str:
    if not path:
        return "plik"
    if isinstance(path[-1], int):
        return f"element {path[-1] + 1} listy `{describe_path(path[:-1])}`"
    return f"pole `{describe_path(path)}`"


def _is_cleared(error: ValidationError) -> bool:
    """An empty text `""` where a value belongs: one message says to remove it."""
    return error.instance == "" and error.validator in ("minLength", "pattern", "enum") and bool(error.absolute_path)


def _empty_message(path: tuple) -> str:
    name = path[-1]
    if isinstance(name, int):
        return f'{_field(path)} jest pusty (""): usuń ten element z listy albo wpisz wartość'
    return (
        f'{_field(path)} jest puste (`{name}: ""`): usuń z pliku cały wiersz z tym polem, '
        "jeśli jest nieobowiązkowe, albo wpisz wartość"
    )


def _gender(path: tuple, neuter: str, masculine: str) -> str:
    """Agree with the noun `_field` uses: "pole" is neuter, "element" masculine."""
    return masculine if path and isinstance(path[-1], int) else neuter


def _actual(value: Any) -> str:
    if value is None:
        return "puste"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return "liczba"
    if isinstance(value, list):
        return "lista"
    if isinstance(value, dict):
        return "słownik"
    return "tekst"


def _type_message(error: ValidationError, path: tuple, source: str | None) -> str:
    expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
    names = " albo ".join(_TYPE_NAMES.get(str(name), str(name)) for name in expected)
    message = f"{_field(path)} musi być {names}, a jest: {_actual(error.instance)}"
    if error.instance is None:
        message += " (po dwukropku nic nie wpisano)"
    elif "string" in expected and isinstance(error.instance, (int, float, bool)):
        message += (
            '; ujmij wartość w cudzysłów: "' + (source if source is not None else _scalar_text(error.instance)) + '"'
        )
    elif expected == ["boolean"] and isinstance(error.instance, str):
        message += "; w tym formacie (YAML 1.2) tylko true i false są wartościami logicznymi"
    elif "array" in expected and isinstance(error.instance, (str, int, float)):
        message += "; zapisz wartość jako element listy: w nowym wierszu „- wartość”"
    return message


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _enum_message(error: ValidationError, path: tuple, hints: bool) -> str:
    allowed = list(error.validator_value)
    vocabulary = _VOCABULARY_BY_IDS.get(tuple(allowed))
    if vocabulary is not None:
        options = ", ".join(f"{lower_first(vocabulary.label(key))} ({key})" for key in allowed)
    else:
        options = ", ".join(str(key) for key in allowed)
    message = f"{_field(path)} musi mieć jedną z wartości: {options}"
    if isinstance(error.instance, str) and hints:
        guess = suggest.hint(error.instance, allowed, vocabulary)
        if guess:
            message = (
                f"{_field(path)}: nieznana wartość `{clip(error.instance)}`; {guess} Dozwolone wartości: {options}"
            )
    return message


def _problems_for(error: ValidationError, doc: Document, hints: bool = True) -> Iterator[Problem]:
    path = tuple(error.absolute_path)
    keyword = error.validator
    instance = error.instance

    def at(where: tuple, message: str, code: str, key: bool = False) -> Problem:
        position = doc.key_position(where) if key else doc.position(where)
        return Problem(doc.path, position.line, position.column, ERROR, code, message)

    if _is_cleared(error):
        # What an editor (Decap CMS, a web form) leaves when a person clears a field.
        yield at(path, _empty_message(path), "empty")
        return

    if keyword == "required":
        missing = [name for name in error.validator_value if isinstance(instance, dict) and name not in instance]
        for name in missing:
            title = error.schema.get("properties", {}).get(name, {}).get("title")
            hint = f" ({title})" if title else ""
            where = (
                "w pliku"
                if not path
                else f"w {_field(path).replace('pole ', 'polu ', 1).replace('element ', 'elemencie ', 1)}"
            )
            yield at(path, f"brakuje wymaganego pola `{name}`{hint} {where}", "required")
    elif keyword == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        for name in sorted(set(instance) - set(allowed)) if isinstance(instance, dict) else []:
            guess = suggest.hint(name, allowed) if hints else ""
            hint = f"; {guess}" if guess else f"; dozwolone pola: {', '.join(allowed)}"
            message = f"nieznane pole `{clip(name)}`{_invisible_in_key(name)}{hint}"
            yield at(path + (name,), message, "unknown-field", key=True)
    elif keyword == "type":
        yield at(path, _type_message(error, path, doc.sources.get(path)), "type")
    elif keyword == "enum":
        yield at(path, _enum_message(error, path, hints), "enum")
    elif keyword == "const":
        yield at(path, f"{_field(path)} musi mieć wartość {error.validator_value}", "const")
    elif keyword == "minLength":
        n = len(instance)
        if n == 0:
            yield at(path, f"{_field(path)} nie może być {_gender(path, 'puste', 'pusty')}", "empty")
        else:
            yield at(
                path,
                f"tekst w {_field(path).replace('pole ', 'polu ', 1)} jest za krótki: "
                f"ma {count(n, 'znak', 'znaki', 'znaków')}, "
                f"wymagane co najmniej {error.validator_value}",
                "too-short",
            )
    elif keyword == "maxLength":
        n = len(instance)
        yield at(
            path,
            f"tekst w {_field(path).replace('pole ', 'polu ', 1)} jest za długi: "
            f"ma {count(n, 'znak', 'znaki', 'znaków')}, "
            f"dozwolone najwyżej {error.validator_value}"
            + (
                " (część liter zapisano w postaci rozłożonej, NFD: litera i osobny znak diakrytyczny; "
                "wpisz je ponownie jako jeden znak)"
                if path in doc.written and n > len(unicodedata.normalize("NFC", instance))
                else ""
            ),
            "too-long",
        )
    elif keyword == "minItems":
        yield at(
            path,
            f"lista `{describe_path(path)}` musi mieć co najmniej "
            f"{count(error.validator_value, 'element', 'elementy', 'elementów')}",
            "too-few",
        )
    elif keyword == "uniqueItems":
        yield at(path, f"lista `{describe_path(path)}` zawiera powtórzone elementy", "duplicate-item")
    elif keyword == "maximum":
        limit = f"{error.validator_value:,}".replace(",", " ")
        yield at(path, f"{_field(path)} nie może być {_gender(path, 'większe', 'większy')} niż {limit}", "maximum")
    elif keyword == "minimum":
        yield at(
            path,
            f"{_field(path)} nie może być {_gender(path, 'mniejsze', 'mniejszy')} niż {error.validator_value}",
            "minimum",
        )
    elif keyword == "pattern":
        field_name = path[-1] if path and isinstance(path[-1], str) else None
        meaning = (FIELD_PATTERN_MESSAGES.get(field_name) if field_name else None) or PATTERN_MESSAGES.get(
            error.validator_value
        )
        if error.validator_value == NONBLANK_PATTERN:
            if instance != "":  # an empty text is already reported by minLength
                yield at(path, f"{_field(path)} nie może zawierać samych spacji ani niewidocznych znaków", "empty")
        elif meaning:
            code = "url-scheme" if error.validator_value == URL_PATTERN else "pattern"
            shown = f"„{clip(str(instance))}”{_invisible_in_key(str(instance), ', który')}"
            yield at(path, f"{_field(path)} musi być {meaning}; jest: {shown}", code)
        else:
            yield at(path, f"{_field(path)} ma nieprawidłowy format", "pattern")
    else:
        yield at(path, f"{_field(path)} ma nieprawidłową wartość", "invalid")


def as_written(doc: Document) -> Any:
    """The file's data with each text as written, not as NFC made it (`Document.written`).

    The loader reads text in NFC, so that rules, search and lengths see the letters
    people see; check-jsonschema and editors judge the text as written. The schema
    judges it as written too, so that both give one verdict (issue 8): a U+212A
    KELVIN SIGN is not the letter K of an e-mail address, and a decomposed title
    counts its combining marks against `maxLength`.
    """
    if not doc.written:
        return doc.data
    data = copy.deepcopy(doc.data)
    for path, text in doc.written.items():
        target = data
        try:
            for part in path[:-1]:
                target = target[part]
            target[path[-1]] = text
        except (KeyError, IndexError, TypeError):  # inside a duplicate the loader dropped
            continue
    return data


#: Past this many problems in one file, messages skip the "did you mean" search: the
#: rest is counted, not shown (validation/limits.py), and difflib's work stays bounded.
_HINTED_PROBLEMS = 200


def schema_problems(kind: str, doc: Document) -> list[Problem]:
    """Every schema finding for `doc` (a "bundle" or "partner" file), in Polish.

    jsonschema reports a missing field once per missing field, each error carrying
    the whole `required` list: the first error of an object says every missing
    field, the others are skipped (no N×N problems). The number of problems is
    bounded by the file's nodes (the loader's MAX_NODES); the validator keeps
    MAX_PROBLEMS_PER_FILE of them (validation/limits.py).
    """
    problems: list[Problem] = []
    instance = as_written(doc)
    passes = _passes(kind)
    if passes is not None and passes(instance):
        return problems
    errors = list(validator(kind).iter_errors(instance))
    # A value of the wrong type also fails its enum or pattern: say only the first.
    mistyped = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    required_at: set[tuple] = set()
    cleared: set[tuple] = set()
    for error in errors:
        path = tuple(error.absolute_path)
        if _is_cleared(error):
            if path in cleared:
                continue
            cleared.add(path)
        if error.validator == "required":
            if path in required_at:
                continue
            required_at.add(path)
        elif error.validator != "type" and path in mistyped:
            continue
        problems.extend(_problems_for(error, doc, hints=len(problems) < _HINTED_PROBLEMS))
    return problems
