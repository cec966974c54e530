"""Two parsers, one verdict: every pattern under Python's `re` and ECMAScript, invisible
and decomposed text, and phone numbers as Polish offices write them."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regress

import contentkit as kit
from wiazki.format import patterns
from wiazki.format.schema import schemas
from wiazki.validation.loader import load_file, load_text
from wiazki.validation.schema_messages import schema_problems
from wiazki.validation.validator import validate_content

ROOT = Path(__file__).resolve().parent.parent
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def _patterns(node, found):
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            found.add(node["pattern"])
        for value in node.values():
            _patterns(value, found)
    elif isinstance(node, list):
        for value in node:
            _patterns(value, found)
    return found


ALL_PATTERNS = sorted(_patterns(schemas(), set()))

#: Text where the two dialects are known to part: Unicode white space and digits,
#: U+FEFF, U+001C–U+001F, U+0085, astral characters, invisible format characters.
HOSTILE_TEXT = [
    "",
    " ",
    "\ufeff" * 6,
    "\u200b" * 6,
    "\u3164" * 3,
    "\u00a0",
    "\x1c\x1d\x1e\x1f",
    "\x85",
    "\u2028",
    "a",
    "ż",
    "😀",
    "٣٠١٠",
    "3010052",
    "30",
    "30100",
    "2026-03-15",
    "2026-13-01",
    "https://example.org/",
    "https://exa\ufeffmple.org/",
    "https://example.org/a\u00a0b",
    "HTTPS://example.org/Łódź",
    "javascript:alert(1)",
    "biuro@example.org",
    "biuro@example",
    "+48 63 241 22 10",
    "+48 59 821 40 10 wew. 25",
    "601 234 567",
    "116 123",
    "112",
    "19 115",
    "62-500",
    "0000123456",
    "123456785",
    "senior-u-siebie",
    "Senior",
    "a--b",
]


@pytest.mark.parametrize("pattern", ALL_PATTERNS)
def test_every_pattern_gives_one_verdict_in_python_and_ecmascript(pattern):
    ecma = regress.Regex(pattern)
    for text in HOSTILE_TEXT:
        assert (re.search(pattern, text) is not None) == (ecma.find(text) is not None), (pattern, text)


@pytest.mark.parametrize("pattern", [p for p in ALL_PATTERNS if p.endswith("$")])
def test_a_final_line_break_is_refused_as_ecmascript_refuses_it(pattern):
    # Python's `$` also matches before a final "\n"; the validator runs ECMAScript.
    from wiazki.format import regex

    valid = [text for text in HOSTILE_TEXT if text and regex.search(pattern, text)]
    assert valid, pattern
    for text in valid:
        assert re.search(pattern, text + "\n") is not None  # the Python dialect would accept it
        assert regex.search(pattern, text + "\n") is False


def _check_jsonschema(path: Path) -> bool:
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(ROOT / "schemas" / "bundle.schema.json"), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode == 0


def _with(path, value):
    bundle = kit.valid_bundle()
    target = bundle
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return bundle


VERDICT_CASES = {
    # security/12: U+FEFF is white space for ECMAScript, not for Python.
    "bom-title": (("title",), "\ufeff" * 6, False),
    "bom-url": (("contact", "url"), "https://exa\ufeffmple.org/", False),
    "zwsp-title": (("title",), "\u200b" * 6, False),
    "newline-date": (("reviewed",), "2026-10-01\n", False),
    "extension": (("contact", "phone"), "+48 59 821 40 10 wew. 25", True),
    "helpline": (("contact", "phone"), "116 123", True),
    "nbsp-phone": (("contact", "phone"), "601\u00a0234\u00a0567", False),
}


def test_our_schema_verdict_equals_check_jsonschema_on_hostile_values(tmp_path):
    for name, (path, value, valid) in VERDICT_CASES.items():
        file = tmp_path / f"{name}.yml"
        file.write_text(kit.dump(_with(path, value)), encoding="utf-8")
        doc, problems = load_file(file)
        assert doc is not None and not problems
        ours = not schema_problems("bundle", doc)
        assert ours == valid, (name, schema_problems("bundle", doc))
        assert _check_jsonschema(file) == valid, name


# --- security/13: invisible and decomposed text ------------------------------------


@pytest.mark.parametrize(
    "title, code",
    [
        ("\u200b" * 6, "empty"),
        ("\u3164" * 6, "empty"),
        ("\ufeff" * 6, "empty"),
        ("Senior \u200f(65+)\u200e u siebie \u061c– Kramsk", "invisible-character"),
        ("Kre\u200bcik wsparcia", "invisible-character"),
        ("Senior\U000e0041 u siebie", "invisible-character"),
    ],
)
def test_invisible_text_is_refused(tmp_path, title, code):
    kit.write_content(tmp_path, {"senior-u-siebie": _with(("title",), title)})
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    found = [p for p in problems if p.code == code]
    assert found and found[0].is_error
    if code == "invisible-character":
        assert "U+" in found[0].message and "znak" in found[0].message


def test_the_invisible_character_is_named_with_its_place():
    kit_doc, _ = load_text("x.yml", 'title: "Kre\u200bcik"\n')
    from wiazki.validation.text_rules import check_values

    (problem,) = check_values(kit_doc)
    assert "U+200B (ZERO WIDTH SPACE) – znak 4" in problem.message


def test_decomposed_text_is_read_as_composed():
    nfd = unicodedata.normalize("NFD", "Wsparcie dla osób żółwiowych")
    assert nfd != "Wsparcie dla osób żółwiowych"
    doc, problems = load_text("x.yml", f'title: "{nfd}"\nkeywords: ["{nfd}"]\n"{nfd}": 1\n')
    assert not problems
    assert doc.data["title"] == "Wsparcie dla osób żółwiowych" == doc.data["keywords"][0]
    assert "Wsparcie dla osób żółwiowych" in doc.data


def test_a_nfd_title_is_findable_on_the_catalogue(tmp_path):
    from wiazki.model import Catalogue

    title = unicodedata.normalize("NFD", "Wsparcie dla osób żółwiowych")
    kit.write_content(tmp_path, {"senior-u-siebie": _with(("title",), title)})
    result = validate_content(tmp_path, today=kit.TODAY)
    assert not result.errors
    catalogue = Catalogue.from_result(result) if hasattr(Catalogue, "from_result") else None
    doc = result.usable_bundles()["senior-u-siebie"]
    assert "żółwiowych" in doc.data["title"]
    assert catalogue is None or "żółwiowych" in next(iter(catalogue.bundles.values())).title


# --- found/13: phone numbers as Polish offices write them -------------------------


@pytest.mark.parametrize(
    "phone",
    [
        "+48 59 821 40 10 wew. 25",
        "59 821 40 10 w. 25",
        "(22) 123-45-67 wewn. 301",
        "+48 63 241 22 10",
        "601 234 567",
        "0048 601 234 567",
        "800 100 100",
        "801 234 567",
        "116 123",
        "116111",
        "112",
        "997",
        "19 115",
        "118 913",
    ],
)
def test_real_polish_phone_numbers_pass(tmp_path, phone):
    kit.write_content(tmp_path, {"senior-u-siebie": _with(("contact", "phone"), phone)})
    assert validate_content(tmp_path, today=kit.TODAY).problems == []


@pytest.mark.parametrize(
    "phone", ["12", "601 234 56", "116 12", "+48 601 234 567 wew.", "113", "601 234 567 wew. 123456"]
)
def test_other_phone_numbers_are_refused_with_the_rule(tmp_path, phone):
    kit.write_content(tmp_path, {"senior-u-siebie": _with(("contact", "phone"), phone)})
    (problem,) = validate_content(tmp_path, today=kit.TODAY).problems
    assert problem.code == "pattern" and "wew. 25" in problem.message and "116 123" in problem.message


def test_a_phone_with_an_extension_links_to_the_extension():
    from wiazki.views.text import phone_href

    assert phone_href("+48 59 821 40 10 wew. 25") == "tel:+48598214010;ext=25"
    assert phone_href("116 123") == "tel:116123"
    assert phone_href("112") == "tel:112"


def test_patterns_module_documents_the_invisible_class():
    assert "\\ufeff" in patterns.INVISIBLE_CLASS and patterns.NONBLANK_PATTERN.startswith("[^")
