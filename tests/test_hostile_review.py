"""A second hostile pass over issue 8's kinds: look-alike spaces right after a text
block, YAML 1.1 line breaks inside text blocks, labels typed for ids (words, inflected
forms and abbreviations of a label), and `wiazki new` with arguments that are not UTF-8."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import contentkit as kit
from wiazki.cli import main
from wiazki.format import vocab
from wiazki.validation.loader import load_file, load_text
from wiazki.validation.schema_messages import schema_problems
from wiazki.validation.suggest import closest_id
from wiazki.validation.validator import validate_content


def one(problems, code=None):
    found = [p for p in problems if code is None or p.code == code]
    assert len(found) == 1, problems
    return found[0]


# --- a look-alike space on the line right after a text block -------------------------


@pytest.mark.parametrize("block", ["|", ">-", "|+"])
def test_a_look_alike_space_right_after_a_text_block_is_named(block):
    text = f"format: 1\ndescription: {block}\n  Pierwszy akapit.\n  Drugi.\nstage:\u00a0discover\n"
    doc, problems = load_text("x.yml", text)
    problem = one(problems)
    assert doc is None and problem.code == "false-space"
    assert (problem.line, problem.column) == (5, 7)


def test_the_sample_bundle_with_a_space_after_stage_below_its_description(tmp_path):
    bundle = kit.valid_bundle()
    bundle["description"] = "Pierwszy akapit.\n\nDrugi akapit.\n"
    text = kit.dump(bundle)
    lines = text.split("\n")
    assert lines[lines.index("stage: available") - 1].startswith("  ")  # right below the block
    text = text.replace("stage: available", "stage:\u00a0available")
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": text}), today=kit.TODAY).problems
    problem = one(problems)
    assert problem.code == "false-space" and problem.column == 7
    assert text.split("\n")[problem.line - 1].startswith("stage:")


# --- YAML 1.1 line breaks inside a text block --------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("block", ["|", ">-", ""])
def test_a_yaml_11_line_break_in_a_text_block_is_named_where_it_is(separator, block):
    # libyaml ends the line there, so the rest of the line looks like a new key.
    opener = f" {block}\n  " if block else " "
    text = (
        f"format: 1\nsummary:{opener}Opieka w domu, ciepły{separator}obiad i klub seniora\n"
        "  w jednym pakiecie.\nstage: discover\n"
    )
    doc, problems = load_text("x.yml", text)
    assert doc is None and problems
    problem = problems[0]
    line = text.split("\n")[problem.line - 1]
    assert line[problem.column - 1] == separator, (problem, line)
    assert f"U+{ord(separator):04X}" in problem.message
    assert "dwukropka" not in problem.message


# --- labels typed for ids: words, inflected forms and abbreviations ------------------


def _vocabulary(name):
    return next(v for v in vars(vocab).values() if isinstance(v, vocab.Vocabulary) and v.name == name)


@pytest.mark.parametrize(
    "name, typed, expected",
    [
        # a word of the label
        ("stage", "planowanie", "plan"),
        ("stage", "tworzenie", "ideate"),
        ("type", "poradnictwo", "counselling"),
        ("type", "wolontariat", "volunteering"),
        ("type", "rehabilitacja", "health_rehabilitation"),
        ("sector", "nauka", "science_education"),
        ("source", "darowizny", "donations_csr"),
        ("role", "realizator", "provider"),
        # inflected forms of its words
        ("group", "bezdomni", "homeless"),
        ("group", "bezrobotni", "unemployed"),
        ("group", "samotni", "persons_living_alone"),
        ("group", "opiekunowie", "informal_carers"),
        ("type", "mieszkanie wspomagane", "supported_housing"),
        ("type", "posiłek", "meals"),
        ("source", "z budżetu JST", "local_budget"),
        # abbreviations and words in its parentheses
        ("kind", "GOPS", "social_assistance_centre"),
        ("kind", "mops", "social_assistance_centre"),
        ("kind", "PCPR", "family_support_centre"),
        ("kind", "KGW", "rural_housewives_circle"),
        ("kind", "PUP", "labour_office"),
        ("role", "OWES", "facilitator"),
        ("type", "świetlica", "day_support"),
    ],
)
def test_a_word_an_inflected_form_or_an_abbreviation_of_a_label_finds_its_id(name, typed, expected):
    vocabulary = _vocabulary(name)
    assert closest_id(typed, list(vocabulary), vocabulary) == expected


@pytest.mark.parametrize(
    "name, typed, wrong",
    [
        ("type", "opieka", "telecare"),  # three labels say "opiekuńcze"/"opieka"; not teleopieka
        ("role", "realizator", "facilitator"),  # "Realizator usług" is a label: not a typo of an id
    ],
)
def test_a_word_of_a_label_is_not_answered_with_another_id(name, typed, wrong):
    vocabulary = _vocabulary(name)
    assert closest_id(typed, list(vocabulary), vocabulary) != wrong


def test_the_id_typos_still_win_over_label_words():
    groups = _vocabulary("group")
    assert closest_id("older_person", list(groups), groups) == "older_persons"
    fee = _vocabulary("fee")
    assert closest_id("fre", list(fee), fee) == "free"


def test_an_abbreviation_typed_in_a_partner_file_is_answered_with_the_id(tmp_path):
    partner = kit.gops()
    partner["kind"] = "GOPS"
    partners = {p["id"]: p for p in (kit.owes(), partner, kit.coop())}
    problems = validate_content(kit.write_content(tmp_path, partners=partners), today=kit.TODAY).problems
    problem = one(problems, "enum")
    assert "czy chodziło o `social_assistance_centre`" in problem.message


# --- wiazki new: arguments that are not UTF-8 ----------------------------------------


@pytest.mark.parametrize("option", ["--title", "--facilitator", "--territory", "--group"])
def test_new_refuses_an_argument_that_is_not_utf8_in_polish(tmp_path, capsys, option):
    kit.write_content(tmp_path)
    values = {
        "--title": "Nowa wiązka w Kramsku",
        "--facilitator": "owes-konin",
        "--territory": kit.KRAMSK,
        "--group": "older_persons",
    }
    values[option] = os.fsdecode(b"Nowa \xff wi\xc4\x85zka")
    args = ["new", "nowa-wiazka", "--content-dir", str(tmp_path)]
    for key, value in values.items():
        args += [key, value]
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "codec" not in err and "surrogates" not in err, err
    assert "UTF-8" in err and option in err, err
    assert not (tmp_path / "bundles" / "nowa-wiazka.yml").exists()


# --- one verdict when NFC changes a value -----------------------------------------
# The loader reads text in NFC (issue 8); check-jsonschema reads the file as written.
# Where the two differ (a canonical singleton such as U+212A KELVIN SIGN → "K", or a
# decomposed text longer than maxLength), the schema must judge what is written.

CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
ROOT = Path(__file__).resolve().parent.parent


def _check_jsonschema(path: Path) -> bool:
    done = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(ROOT / "schemas" / "bundle.schema.json"), str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.returncode == 0


NFC_CASES = {
    "kelvin-sign-email": (("contact", "email"), "biuro@example.\u212arg", False),
    "ohm-sign-email": (("contact", "email"), "biuro@\u2126.example.org", False),
    "nfd-title-at-limit": (("title",), unicodedata.normalize("NFD", "ó" * 70 + "a" * 50), False),
    "nfd-title-short": (("title",), unicodedata.normalize("NFD", "Wsparcie dla osób żółwiowych"), True),
}


@pytest.mark.parametrize("name", list(NFC_CASES))
def test_the_schema_verdict_on_text_nfc_changes_equals_check_jsonschema(tmp_path, name):
    path, value, valid = NFC_CASES[name]
    bundle = kit.valid_bundle()
    target = bundle
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    file = tmp_path / "senior-u-siebie.yml"
    file.write_text(kit.dump(bundle), encoding="utf-8")
    doc, problems = load_file(file)
    assert doc is not None and not problems
    assert (not schema_problems("bundle", doc)) == valid, schema_problems("bundle", doc)
    assert _check_jsonschema(file) == valid
    if valid:  # what the site and the rules read is still NFC
        assert doc.data["title"] == unicodedata.normalize("NFC", value)


# --- phone numbers: +48 and extensions in brackets, as Polish offices write them ------


@pytest.mark.parametrize(
    "phone, href",
    [
        ("(+48) 601 234 567", "tel:+48601234567"),
        ("(+48) 22 123-45-67", "tel:+48221234567"),
        ("(0048) 22 123 45 67", "tel:+48221234567"),
        ("0048 22 123 45 67", "tel:+48221234567"),
        ("+48 22 123 45 67 (wew. 25)", "tel:+48221234567;ext=25"),
        ("22 123 45 67 (wewn. 1234)", "tel:221234567;ext=1234"),
    ],
)
def test_bracketed_country_codes_and_extensions_are_phone_numbers(tmp_path, phone, href):
    from wiazki.views.text import phone_href

    bundle = kit.valid_bundle()
    bundle["contact"]["phone"] = phone
    file = tmp_path / "senior-u-siebie.yml"
    file.write_text(kit.dump(bundle), encoding="utf-8")
    doc, problems = load_file(file)
    assert doc is not None and not problems and not schema_problems("bundle", doc)
    assert _check_jsonschema(file)
    assert phone_href(phone) == href


@pytest.mark.parametrize("phone", ["601 234 567 (wew. 123456)", "(+48) 601 234 56", "601 234 567 ()"])
def test_bracketed_forms_still_refuse_what_is_no_phone_number(phone):
    from wiazki.format import patterns, regex

    assert not regex.search(patterns.PHONE_PATTERN, phone)


@pytest.mark.parametrize(
    "text, line, column",
    [
        # A field hidden in what an editor and GitHub show as one comment line.
        ("format: 1\n# uwaga\u2028facilitator: inny-owes\ntitle: Senior u siebie\n", 2, 8),
        ("format: 1\nsummary: Opieka w domu\u2029stage: available\n", 2, 23),
        ("format: 1\nsummary: |\n  Opieka\x85\n  w domu\nstage: discover\n", 3, 9),
    ],
)
def test_a_yaml_11_line_break_that_parses_into_another_structure_is_named(text, line, column):
    doc, problems = load_text("x.yml", text)
    problem = one(problems)
    assert doc is None and problem.code == "line-separator"
    assert (problem.line, problem.column) == (line, column)


def test_a_yaml_11_line_break_inside_quotes_is_text():
    doc, problems = load_text("x.yml", "format: 1\ntitle: \"a\u2028b\"\nsummary: 'c\x85d'\n")
    assert doc is not None and problems == []


# --- an invisible character in a key is named, not only "unknown field" -------------


@pytest.mark.parametrize(
    "key, char, index",
    [("stage\u00a0", "U+00A0 (NO-BREAK SPACE)", 6), ("sta\u200bge", "U+200B (ZERO WIDTH SPACE)", 4)],
)
def test_an_invisible_character_in_a_key_is_named(tmp_path, key, char, index):
    text = kit.dump(kit.valid_bundle()).replace("stage: available", f"{key}: available")
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": text}), today=kit.TODAY).problems
    problem = one(problems, "unknown-field")
    assert f"niewidoczny znak {char} – znak {index}" in problem.message
    assert "czy chodziło o `stage`?" in problem.message
    assert text.split("\n")[problem.line - 1].startswith(key)


def test_a_key_with_a_plain_space_is_not_said_to_hold_an_invisible_one(tmp_path):
    text = kit.dump(kit.valid_bundle()).replace("stage: available", "stage: available\nkey partners: []")
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": text}), today=kit.TODAY).problems
    assert "niewidoczny" not in one(problems, "unknown-field").message


# --- a dash or bullet a word processor put where a list's "-" was typed ---------------


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "\u2010", "\u2022", "\u2212"])
def test_a_look_alike_list_dash_is_named_where_the_file_breaks(dash):
    text = f"format: 1\nterritory:\n{dash} '3010052'\nstage: discover\n"
    doc, problems = load_text("x.yml", text)
    problem = one(problems)
    assert doc is None and problem.code == "false-dash"
    assert (problem.line, problem.column) == (3, 1) and f"„{dash}”" in problem.message


def test_a_look_alike_list_dash_that_parses_as_text_is_named_beside_the_schema_error(tmp_path):
    text = kit.dump(kit.valid_bundle())
    assert "  channels:\n  - Sołtysi i parafia\n" in text
    broken = text.replace(
        "  channels:\n  - Sołtysi i parafia\n", "  channels:\n    \u2013 Sołtysi\n    \u2013 parafia\n"
    )
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": broken}), today=kit.TODAY).problems
    dash = [p for p in problems if p.code == "false-dash"]
    assert dash and broken.split("\n")[dash[0].line - 1][dash[0].column - 1] == "\u2013"
    assert any(p.code == "type" for p in problems)


def test_a_dash_inside_a_text_block_is_text():
    doc, problems = load_text("x.yml", "format: 1\ndescription: |\n  Lista:\n  \u2013 pierwsza\n  \u2022 druga\n")
    assert doc is not None and problems == []


@pytest.mark.parametrize(
    "path, value, char",
    [
        (("territory", 0), "\u00a0'3010052'", "U+00A0 (NO-BREAK SPACE) – znak 1"),
        (("contact", "phone"), "601\u2009234\u2009567", "U+2009 (THIN SPACE) – znak 4"),
        (("contact", "email"), "biuro@exa\u200bmple.org", "U+200B (ZERO WIDTH SPACE) – znak 10"),
    ],
)
def test_a_pattern_message_names_the_invisible_character_that_breaks_it(tmp_path, path, value, char):
    bundle = kit.valid_bundle()
    target = bundle
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": bundle}), today=kit.TODAY).problems
    problem = next(p for p in problems if p.code == "pattern")
    assert f"który zawiera niewidoczny znak {char}" in problem.message


# --- the file system: what stands where a folder or a file belongs is said, not skipped ---


@pytest.mark.parametrize("kind", ["file", "fifo"])
def test_a_file_where_the_bundles_folder_belongs_is_refused(tmp_path, kind):
    kit.write_content(tmp_path, bundles={})
    (tmp_path / "bundles").rmdir()
    if kind == "fifo":
        os.mkfifo(tmp_path / "bundles")
    else:
        (tmp_path / "bundles").write_text("format: 1\n", encoding="utf-8")
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    problem = one(problems, "not-a-folder")
    assert problem.is_error and problem.path.endswith("bundles")


def test_a_folder_named_like_a_content_file_is_refused(tmp_path):
    kit.write_content(tmp_path)
    (tmp_path / "bundles" / "nowa-wiazka.yml").mkdir()
    (tmp_path / "bundles" / "obrazy").mkdir()  # other folders stay allowed
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    problem = one(problems, "not-a-file")
    assert problem.path.endswith("nowa-wiazka.yml") and "to folder" in problem.message
