"""Every position exact, every message leading to the fix: byte and character offsets,
YAML 1.1 line breaks, look-alike spaces, indentation, labels typed for ids, misspelt
partners, and `wiazki new` checked with the validator's own messages."""

from __future__ import annotations

import pytest

import contentkit as kit
from wiazki.cli import main
from wiazki.validation.loader import load_text
from wiazki.validation.validator import validate_content


def one(problems, code=None):
    found = [p for p in problems if code is None or p.code == code]
    assert len(found) == 1, problems
    return found[0]


# --- found/01: a byte offset read as a character offset ---------------------------


@pytest.mark.parametrize("control", ["\x07", "\x00", "\x1b"])
def test_a_control_character_after_polish_letters_is_reported_where_it_is(control):
    text = (
        "# Próba: znak sterujący po polskich literach\nformat: 1\nid: proba-pozycji\n"
        'title: "Żłobek, świetlica i opieka wytchnieniowa – gmina Łęczyca"\n'
        f'summary: "Zażółć gęślą jaźń, źdźbło, łódź{control}"\nstage: discover\n'
    )
    _, problems = load_text("x.yml", text)
    problem = one(problems)
    assert (problem.line, problem.column) == (5, 42)
    assert text.split("\n")[4][problem.column - 1] == control


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r"])
def test_yaml_11_line_breaks_inside_a_value_do_not_move_later_positions(separator):
    text = f'title: "a{separator}b{separator}c"\nsummary: "x"\nstage: [\n'
    _, problems = load_text("x.yml", text)
    problem = one(problems)
    assert problem.line == 4 or problem.line == 3  # the open bracket's line or the end, as an editor counts
    doc, problems = load_text("x.yml", f'title: "a{separator}b"\nsummary: 5\n')
    assert doc.values[("summary",)].line == 2 and doc.values[("summary",)].column == 10


def test_positions_after_multibyte_text_count_characters():
    doc, problems = load_text("x.yml", "a: ŻÓŁW ąę 😀 x\nb: [ż, ó, 1]\n")
    assert not problems
    assert (doc.values[("b", 2)].line, doc.values[("b", 2)].column) == (2, 11)


# --- found/03: a non-breaking space where YAML needs a space -----------------------


@pytest.mark.parametrize(
    "line, column, where",
    [
        ("stage:\u00a0discover", 7, "po „stage:”"),
        ("territory:\n  -\u00a0'3010052'", 4, "po „-”"),
        ("\u00a0\u00a0title: x", 1, "we wcięciu"),
        ("stage:\u202fdiscover", 7, "po „stage:”"),
        ("canvas:\n  - group:\u00a0older_persons", 11, "po „group:”"),
    ],
)
def test_a_look_alike_space_is_named_at_its_place(line, column, where):
    text = "format: 1\n" + line + "\nreviewed: '2026-01-01'\n"
    doc, problems = load_text("x.yml", text)
    problem = one(problems)
    assert doc is None and problem.code == "false-space"
    assert problem.line == 2 + line.count("\n") and problem.column == column
    assert where in problem.message and "zwykłą spacją" in problem.message


def test_a_non_breaking_space_inside_text_is_content():
    doc, problems = load_text(
        "x.yml", "title: 'W\u00a0domu'\ndescription: |\n  Lista:\n  -\u00a0pierwsza\n  stage:\u00a0x\n"
    )
    assert problems == [] and "-\u00a0pierwsza" in doc.data["description"]


def test_the_sample_case_files_point_at_the_space(tmp_path):
    bundle = kit.dump(kit.valid_bundle()).replace("stage: available", "stage:\u00a0available")
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": bundle}), today=kit.TODAY).problems
    problem = one(problems)
    assert problem.code == "false-space" and problem.column == 7
    assert bundle.split("\n")[problem.line - 1].startswith("stage:")


# --- indentation ------------------------------------------------------------------


def test_a_field_indented_too_deep_gets_the_expected_column():
    _, problems = load_text("x.yml", "format: 1\ntitle: Senior u siebie\n  summary: Opieka\n")
    problem = one(problems)
    assert (problem.line, problem.column) == (3, 3)
    assert "głębiej" in problem.message and "w kolumnie 1" in problem.message and "cudzysłów" not in problem.message


@pytest.mark.parametrize(
    "text, columns",
    [
        ("canvas:\n  channels:\n    - a\n key_resources: [x]\n", "1 lub 3"),
        ("a:\n  b:\n    c: 1\n   d: 2\n", "3 lub 5"),
    ],
)
def test_a_field_matching_no_level_gets_the_columns_that_would_fit(text, columns):
    _, problems = load_text("x.yml", text)
    problem = one(problems)
    assert f"w kolumnie {columns}" in problem.message


# --- labels typed instead of ids ---------------------------------------------------


@pytest.mark.parametrize(
    "path, value, answer",
    [
        (("canvas", "value_proposition", "services", 0, "fee"), "bezpłatna", "`free` (bezpłatna)"),
        (("canvas", "value_proposition", "services", 0, "fee"), "Bezplatna", "`free` (bezpłatna)"),
        (("canvas", "value_proposition", "services", 1, "type"), "posiłki", "`meals` (posiłki)"),
        (("canvas", "value_proposition", "services", 1, "type"), "posilki", "`meals` (posiłki)"),
        (("stage",), "dostępna", "`available` (dostępna (usługi są świadczone))"),
        (("stage",), "zakonczona", "`closed` (zakończona)"),
        (("canvas", "value_proposition", "services", 0, "fee"), "fre", "`free` (bezpłatna)"),
    ],
)
def test_a_polish_label_is_answered_with_its_id(tmp_path, path, value, answer):
    bundle = kit.valid_bundle()
    target = bundle
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": bundle}), today=kit.TODAY).problems
    problem = one(problems, "enum")
    assert f"czy chodziło o {answer}?" in problem.message


# --- misspelt partner ids ------------------------------------------------------------


def test_a_misspelt_provider_is_said_not_to_exist_with_the_closest_id(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["value_proposition"]["services"][0]["provider"] = "dobry-kt"
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": bundle}), today=kit.TODAY).problems
    problem = one(problems)
    assert problem.code == "unknown-partner"
    assert problem.message.startswith("nie ma partnera `dobry-kt`: brak pliku content/partners/dobry-kt.yml")
    assert "czy chodziło o `dobry-kat`?" in problem.message


def test_a_known_provider_missing_from_key_partners_still_gets_rule_3(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["key_partners"] = [k for k in bundle["canvas"]["key_partners"] if k["partner"] != "dobry-kat"]
    problems = validate_content(kit.write_content(tmp_path, {"senior-u-siebie": bundle}), today=kit.TODAY).problems
    assert {p.code for p in problems} >= {"provider-not-key-partner"}


# --- wiazki new: the validator's messages, nothing written on error ------------------


def _new(tmp_path, capsys, *extra):
    kit.write_content(tmp_path)
    args = ["new", "nowa-wiazka", "--title", "Nowa wiązka w Kramsku", "--territory", kit.KRAMSK]
    args += ["--content-dir", str(tmp_path), *extra]
    code = main(args)
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--facilitator", "owes-konin", "--group", "seniorzy"], "czy chodziło o `older_persons` (osoby starsze)?"),
        (["--facilitator", "owes-konin", "--group", "kosmici"], "musi mieć jedną z wartości: osoby starsze"),
        (["--facilitator", "owes-konin", "--group", "osoby starsze"], "czy chodziło o `older_persons`"),
        (["--facilitator", "gops-kramsk"], "facylitatorem musi być OWES"),
        (["--facilitator", "owes-konn"], "czy chodziło o `owes-konin`?"),
        (["--facilitator", "owes-konin", "--territory", "9999999"], "kodu TERYT 9999999 nie ma w rejestrze"),
        (["--facilitator", "owes-konin", "--title", "\u200b\u200b\u200b\u200b\u200b"], "niewidoczny znak"),
    ],
)
def test_new_checks_its_arguments_with_the_validators_messages(tmp_path, capsys, extra, message):
    code, err = _new(tmp_path, capsys, *extra)
    assert code == 2 and message in err, err
    assert not (tmp_path / "bundles" / "nowa-wiazka.yml").exists()


def test_new_with_good_arguments_writes_a_file_that_passes(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WIAZKI_TODAY", kit.TODAY.isoformat())
    code, err = _new(tmp_path, capsys, "--facilitator", "owes-konin", "--group", "older_persons")
    assert code == 0, err
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    assert not [p for p in problems if p.is_error]


def test_a_file_with_cr_line_ends_only_reports_lines_as_an_editor_shows_them():
    text = "format: 1\rid: proba-cr\rtitle: 'Zażółć'\rsummary: 5\rstage: discover\r"
    doc, _ = load_text("x.yml", text)
    assert doc is not None
    summary = doc.values[("summary",)]
    assert (summary.line, summary.column) == (4, 10)
