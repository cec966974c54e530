"""The YAML loader: YAML 1.2 scalars, positions, and every kind of hostile input."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from wiazki.validation.loader import MAX_DEPTH, MAX_FILE_BYTES, load_file, load_text


def codes(problems):
    return [p.code for p in problems]


def test_scalars_follow_yaml_1_2():
    doc, problems = load_text(
        "x.yml",
        "a: no\nb: on\nc: off\nd: yes\ne: 010\nf: 0o17\ng: 2026-01-15\nh: 1:20\ni: true\nj: ~\nk: 1_000\nl: "
        "0x1F\nm: 2.5\n",
    )
    assert problems == []
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "off",
        "d": "yes",
        "e": 10,
        "f": 15,
        "g": "2026-01-15",
        "h": "1:20",
        "i": True,
        "j": None,
        "k": "1_000",
        "l": 31,
        "m": 2.5,
    }


def test_quoted_scalars_stay_strings_and_keys_are_strings():
    doc, problems = load_text("x.yml", "a: '010'\nb: \"true\"\n1: x\ntrue: y\n")
    assert problems == []
    assert doc.data == {"a": "010", "b": "true", "1": "x", "true": "y"}


def test_positions_point_at_values_and_keys():
    doc, _ = load_text("x.yml", "id: abc\ncanvas:\n  services:\n    - name: Obiady\n      fee: free\n")
    assert doc.position(("canvas", "services", 0, "fee")) == (doc.position(("canvas", "services", 0, "fee")))
    fee = doc.position(("canvas", "services", 0, "fee"))
    assert (fee.line, fee.column) == (5, 12)
    key = doc.key_position(("canvas", "services", 0, "fee"))
    assert (key.line, key.column) == (5, 7)
    # A path that does not exist falls back to its nearest ancestor.
    missing = doc.position(("canvas", "services", 0, "nothing"))
    assert (missing.line, missing.column) == (4, 7)


def test_bom_is_tolerated():
    doc, problems = load_text("x.yml", "\ufeffa: 1\n")
    assert problems == [] and doc.data == {"a": 1}


def test_duplicate_key_is_rejected_with_its_line():
    _, problems = load_text("x.yml", "a: 1\nb: 2\na: 3\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("duplicate-key", 3, 1)]
    assert "wierszu 1" in problems[0].message


def test_duplicate_nested_key_is_rejected():
    _, problems = load_text("x.yml", "a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert [(p.code, p.line) for p in problems] == [("duplicate-key", 4)]


def test_anchor_and_alias_are_rejected_with_their_lines():
    _, problems = load_text("x.yml", "a: &x [1]\nb: *x\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("anchor", 1, 4), ("alias", 2, 4)]


def test_alias_bomb_is_rejected_quickly_and_in_little_memory():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for name, prev in zip("bcdefghi", "abcdefgh", strict=False):
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    assert len(bomb) < 1000
    tracemalloc.start()
    started = time.perf_counter()
    doc, problems = load_text("bomb.yml", bomb)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < 1 and peak < 5_000_000
    assert "alias" in codes(problems) and "anchor" in codes(problems)


@pytest.mark.parametrize(
    "text", ["a: !!python/object/apply:os.system ['echo']\n", "a: !custom x\n", "a: !!binary aGk=\n", "a: !!set {x}\n"]
)
def test_custom_tags_are_rejected(text):
    _, problems = load_text("x.yml", text)
    assert "tag" in codes(problems)
    assert all(p.line == 1 for p in problems)


def test_str_tag_is_allowed():
    doc, problems = load_text("x.yml", "a: !!str 12\n")
    assert problems == [] and doc.data == {"a": "12"}


def test_deep_nesting_is_rejected_without_recursion_error():
    text = "a: " + "[" * 5000 + "]" * 5000 + "\n"
    doc, problems = load_text("x.yml", text)
    assert doc is None and codes(problems) == ["too-deep"]


def test_deep_block_nesting_is_rejected():
    text = "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 5)) + "  " * (MAX_DEPTH + 5) + "v: 1\n"
    doc, problems = load_text("x.yml", text)
    assert doc is None and codes(problems) == ["too-deep"]
    assert problems[0].line == MAX_DEPTH + 1


def test_unclosed_deep_flow_is_a_syntax_error_not_a_crash():
    doc, problems = load_text("x.yml", "a: " + "[" * 200_000)
    assert doc is None and len(problems) == 1 and problems[0].code in ("too-deep", "syntax")


def test_file_over_one_mib_is_rejected_without_parsing(tmp_path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"a: '" + b"x" * MAX_FILE_BYTES + b"'\n")
    doc, problems = load_file(path, "big.yml")
    assert doc is None and [(p.code, p.line, p.column) for p in problems] == [("file-too-large", 1, 1)]
    assert "1 MiB" in problems[0].message


def test_invalid_utf8_is_reported_at_its_line_and_column(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_bytes("a: 1\nb: zażółć \xff\n".encode().replace(b"\xc3\xbf", b"\xff"))
    doc, problems = load_file(path, "bad.yml")
    assert doc is None
    assert [(p.code, p.line, p.column) for p in problems] == [("encoding", 2, 11)]
    assert "UTF-8" in problems[0].message


def test_windows_1250_file_is_reported_as_not_utf8(tmp_path):
    path = tmp_path / "cp.yml"
    path.write_bytes("title: Zażółć gęślą jaźń\n".encode("cp1250"))
    _, problems = load_file(path, "cp.yml")
    assert codes(problems) == ["encoding"] and problems[0].line == 1


def test_tab_in_indentation_is_rejected_with_its_position():
    _, problems = load_text("x.yml", "a:\n  b: 1\n \tc: 2\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("tab-indent", 3, 2)]


def test_tab_inside_a_value_is_fine():
    doc, problems = load_text("x.yml", 'a: "x\\ty"\nb: x\ty\n')
    assert problems == [] and doc.data["b"] == "x\ty"


@pytest.mark.parametrize("text", ["- a\n- b\n", "just text\n", "42\n"])
def test_top_level_must_be_a_mapping(text):
    doc, problems = load_text("x.yml", text)
    assert doc is None and codes(problems) == ["not-mapping"]


@pytest.mark.parametrize("text", ["", "   \n\n", "# komentarz\n", "---\n", "~\n", "\ufeff"])
def test_empty_file_is_rejected(text, tmp_path):
    path = tmp_path / "e.yml"
    path.write_text(text, encoding="utf-8")
    doc, problems = load_file(path, "e.yml")
    assert doc is None and codes(problems) == ["empty-file"]


def test_two_documents_are_rejected():
    _, problems = load_text("x.yml", "a: 1\n---\nb: 2\n")
    assert [(p.code, p.line) for p in problems] == [("multiple-documents", 2)]


@pytest.mark.parametrize(
    "text, line",
    [
        ("a: b: c\n", 1),
        ("a: 'abc\n", 2),
        ("a:\n  - x\n  y: 1\n", 3),
        ("a: [1, 2\n", 2),
        ("a: 1\n\x07b: 2\n", 2),
        ("a: @x\n", 1),
        ("? [a]\n: 1\n", 1),
    ],
)
def test_syntax_errors_give_a_polish_message_and_a_line(text, line):
    doc, problems = load_text("x.yml", text)
    assert problems and problems[0].line == line
    assert all(p.message and "Error" not in p.message for p in problems)
    assert any(ch in problems[0].message for ch in "ąćęłńóśźż")


def test_huge_integer_does_not_crash():
    doc, problems = load_text("x.yml", "a: " + "9" * 10_000 + "\n")
    assert problems == [] and isinstance(doc.data["a"], str)


def test_many_problems_are_capped():
    text = "".join(f"k{i}: &a{i} 1\n" for i in range(500))
    _, problems = load_text("x.yml", text)
    assert 40 <= len(problems) <= 60
    assert problems[-1].code == "too-many-problems"


def test_unreadable_path_is_a_problem_not_an_exception(tmp_path):
    doc, problems = load_file(tmp_path / "missing.yml", "missing.yml")
    assert doc is None and codes(problems) == ["unreadable"]


def test_random_bytes_never_raise():
    import random

    rng = random.Random(1234)
    alphabet = "ab:- \n\t[]{}&*!|>'\"#%@`,?ąż\\0123456789"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        doc, problems = load_text("fuzz.yml", text)
        assert doc is not None or problems
        for problem in problems:
            assert problem.line >= 1 and problem.column >= 1 and problem.message


def test_too_many_nodes_is_rejected_quickly():
    text = "a: [" + ",".join(["1"] * 300_000) + "]\n"
    started = time.perf_counter()
    doc, problems = load_text("x.yml", text)
    assert time.perf_counter() - started < 5
    assert doc is None and codes(problems) == ["too-many-nodes"]


def test_schema_problems_are_capped_per_file():
    from wiazki.validation.schema_messages import schema_problems

    text = "id: x\ncanvas:\n  value_proposition:\n    services:\n" + "      - {name: 1, fee: 2}\n" * 2000
    doc, problems = load_text("x.yml", text)
    assert problems == []
    from wiazki.validation.limits import MAX_PROBLEMS_PER_FILE, limit

    found = limit(schema_problems("bundle", doc))
    assert len(found) == MAX_PROBLEMS_PER_FILE + 1 and found[-1].code == "too-many-problems"
    assert "pominięto 13960 kolejnych" in found[-1].message
