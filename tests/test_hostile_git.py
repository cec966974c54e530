"""Git data is untrusted too: numbers in commit subjects and files, names that are not UTF-8."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from git_helpers import bundle, commit, git, init_repo, write_bundle, write_partners
from wiazki import cli
from wiazki.polish import MAX_AMOUNT, amount
from wiazki.revisions.history import pull_request_number, read_history
from wiazki.validation.loader import load_text


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "repo")
    write_partners(repo)
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    commit(repo, "Dodanie wiązki (#3)")
    return repo


@pytest.mark.parametrize(
    "subject, number",
    [
        ("Poprawka literówki (#" + "1" * 4400 + ")", None),  # security/05: int() of 4,400 digits
        ("Merge pull request #" + "7" * 5000 + " from owes/x", None),
        ("Poprawka (#12345678901)", None),  # 11 digits: not a GitHub pull request
        ("Poprawka (#١٢٣)", None),  # Arabic-Indic digits are not what GitHub writes
        ("Poprawka (#1234567890)", 1234567890),
        ("Merge pull request #12 from owes/x", 12),
    ],
)
def test_pull_request_numbers_are_bounded_ascii_digits(subject, number):
    assert pull_request_number(subject) == number


def test_history_survives_a_commit_subject_with_thousands_of_digits(repo):
    (repo / "content" / "bundles" / "senior-kramsk.yml").open("a", encoding="utf-8").write("# poprawka\n")
    commit(repo, "Poprawka literówki (#" + "1" * 4400 + ")")
    history = read_history(repo, repo / "content")
    entries = history["senior-kramsk"]
    assert len(entries) == 2 and entries[0].pr is None and entries[1].pr == 3


@pytest.mark.parametrize(
    "value, text",
    [
        (10**4300 + 10**4300, "ponad 1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0zł"),
        (float("inf"), "ponad 1\u00a0000"),
        (-(10**5000), "minus ponad"),
        (96000, "96\u00a0000\u00a0zł"),
        (1250.5, "1\u00a0250,50\u00a0zł"),
    ],
    ids=["sum-of-4300-digit-amounts", "infinity", "huge-negative", "ordinary", "fraction"],
)
def test_amounts_of_any_size_are_written_without_overflow(value, text):
    assert text in amount(value)
    assert MAX_AMOUNT == 10**15


def test_diff_of_two_4300_digit_amounts_exits_0_with_the_amounts_clipped(repo, monkeypatch, capsys):
    # security/06: the sum of two such amounts has 4,301 digits; "Razem" crashed the whole summary.
    original = (repo / "content" / "bundles" / "senior-kramsk.yml").read_text(encoding="utf-8")

    def with_amounts(first: str) -> str:
        text = original.replace("amount_pln: 412000", f"amount_pln: {first}", 1)
        return text.replace("amount_pln: 54000", "amount_pln: " + "9" * 4300, 1)

    path = repo / "content" / "bundles" / "senior-kramsk.yml"
    path.write_text(with_amounts("9" * 4300), encoding="utf-8")
    base = commit(repo, "kwoty")
    path.write_text(with_amounts("8" * 4300), encoding="utf-8")
    head = commit(repo, "zmiana kwoty")
    path.write_text(with_amounts("500"), encoding="utf-8")
    last = commit(repo, "zwykła kwota")
    monkeypatch.chdir(repo)
    assert cli.main(["diff", "--format", "markdown", base, head]) == 0
    out = capsys.readouterr().out
    # Both beyond what is written out: the changed field is named instead.
    assert "amount\\_pln" in out and len(out) < 20_000
    assert cli.main(["diff", "--format", "markdown", head, last]) == 0
    out = capsys.readouterr().out
    assert "ponad 1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000\u00a0zł → 500\u00a0zł" in out
    assert "Razem: ponad" in out


def test_diff_and_validate_with_a_file_name_that_is_not_utf8(repo, monkeypatch, capsys, tmp_path):
    # security/07: both exited 2 ("surrogates not allowed") and the PR summary was lost.
    base = git(repo, "rev-parse", "HEAD")
    source = (repo / "content" / "bundles" / "senior-kramsk.yml").read_bytes()
    with open(os.path.join(os.fsencode(repo / "content" / "bundles"), b"z\xff\xfe.yml"), "wb") as handle:
        handle.write(source)
    head = commit(repo, "plik")
    monkeypatch.chdir(repo)
    assert cli.main(["diff", "--format", "markdown", base, head]) == 0
    out = capsys.readouterr().out
    out.encode("utf-8")
    assert "z\\xff\\xfe" in out.replace("\\\\", "\\")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("WIAZKI_TODAY", "2026-03-02")
    assert cli.main(["validate", "--format", "github", "--base", base, "content"]) == 1
    out = capsys.readouterr().out
    assert "::error file=content/bundles/z\\xff\\xfe.yml" in out
    assert summary.read_text(encoding="utf-8").count("\n") > 4


@pytest.mark.parametrize("literal", ["0x" + "f" * 5000, "0o" + "7" * 6000])
def test_huge_hexadecimal_and_octal_numbers_stay_text(literal):
    doc, problems = load_text("x.yml", f"a: {literal}\n")
    assert problems == [] and doc.data["a"] == literal
