"""Limits that hold on every path: problems per file, message length, the job summary
in bytes, GitHub's annotations per step, and what a file-system or git name holds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import contentkit as kit
import git_helpers as gh
from wiazki.cli import main
from wiazki.validation import reporting
from wiazki.validation.limits import MAX_MESSAGE_CHARS, MAX_PROBLEMS_PER_FILE
from wiazki.validation.problems import Problem
from wiazki.validation.validator import validate_content

REPO = Path(__file__).resolve().parent.parent


def validate(tmp_path, bundles=None, partners=None):
    kit.write_content(tmp_path, bundles, partners)
    return validate_content(tmp_path, today=kit.TODAY).problems


def of_file(problems, name):
    return [p for p in problems if p.path.endswith(f"/{name}.yml")]


BUNDLE_HEAD = 'format: 1\nid: "{id}"\n'


# --- found/04: distinct problems, the useful ones kept --------------------------


def test_a_draft_missing_eight_fields_gets_eight_errors_not_too_many(tmp_path):
    draft = BUNDLE_HEAD.format(id="wiazka-szkic") + "titel: Senior u siebie\nopis: Opieka w domu dla seniorów\n"
    problems = of_file(validate(tmp_path, {"wiazka-szkic": draft}), "wiazka-szkic")
    assert sorted(p.code for p in problems) == ["required"] * 8 + ["unknown-field"] * 2
    assert len({p.message for p in problems}) == 10


def test_a_later_real_error_survives_unfinished_list_items(tmp_path):
    bundle = kit.valid_bundle()
    del bundle["reviewed"]
    bundle["canvas"]["value_proposition"]["services"][:0] = [{"name": "Transport"}, {"name": "Pralnia"}]
    problems = of_file(validate(tmp_path, {"senior-u-siebie": bundle}), "senior-u-siebie")
    assert "too-many-problems" not in {p.code for p in problems}
    assert any("`reviewed`" in p.message for p in problems)
    assert len([p for p in problems if p.code == "required"]) == 13


# --- security/08: the cap holds for every kind -------------------------------------


def _bundle_with(**changes):
    bundle = kit.valid_bundle()
    bundle.update(changes)
    return bundle


@pytest.mark.parametrize(
    "name, bundle, code",
    [
        ("teryt", _bundle_with(territory=[f"99{n:05d}" for n in range(5_000)]), "unknown-teryt"),
        ("pola", {**kit.valid_bundle(), **{f"x{n}": 1 for n in range(3_000)}}, "unknown-field"),
        ("sterujace", _bundle_with(keywords=["a\u0007"] * 5_000), "control-character"),
        ("partnerzy", None, "unknown-partner"),
        ("typy", _bundle_with(keywords=list(range(5_000))), "type"),
    ],
)
def test_the_problem_cap_holds_for_every_kind(tmp_path, name, bundle, code):
    if bundle is None:
        bundle = kit.valid_bundle()
        bundle["canvas"]["key_partners"] += [
            {"partner": f"nieznany-{n}", "role": "provider", "contribution": "x"} for n in range(1_000)
        ]
    problems = of_file(validate(tmp_path, {name: {**bundle, "id": name}}), name)
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1
    summary = [p for p in problems if p.code == "too-many-problems"]
    assert len(summary) == 1 and f"{code} (" in summary[0].message and "pominięto" in summary[0].message
    assert len([p for p in problems if p.code == code]) >= MAX_PROBLEMS_PER_FILE - 5


def test_one_of_each_kind_and_errors_first_survive_the_cap(tmp_path):
    bundle = kit.valid_bundle()
    bundle["territory"] = [f"99{n:05d}" for n in range(200)]
    bundle["keywords"] = ["dzwonek\u0007"]  # one control character after 200 TERYT errors
    bundle["reviewed"] = "2024-01-01"  # a warning (review-old)
    problems = of_file(validate(tmp_path, {"senior-u-siebie": bundle}), "senior-u-siebie")
    codes = {p.code for p in problems}
    assert {"unknown-teryt", "control-character", "review-old", "too-many-problems"} <= codes
    assert len(problems) == MAX_PROBLEMS_PER_FILE + 1


def test_messages_quoting_long_values_are_clipped(tmp_path):
    bundle = kit.dump(kit.valid_bundle()) + "".join(f'? "{n:02d}{"&" * 8000}"\n: x\n' for n in range(3))
    problems = validate(tmp_path, {"senior-u-siebie": bundle})
    assert [p for p in problems if p.code == "unknown-field"]
    assert all(len(p.message) <= MAX_MESSAGE_CHARS for p in problems)


# --- found/06: the job summary in bytes --------------------------------------------


def test_step_summary_stays_under_one_mebibyte_whatever_the_files_hold(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("WIAZKI_TODAY", kit.TODAY.isoformat())
    bundles = {}
    for b in range(6):
        text = kit.dump({**kit.valid_bundle(f"wiazka-{b}")})
        bundles[f"wiazka-{b}"] = text + "".join(f'? "{n:02d}{"&" * 8000}"\n: x\n' for n in range(40))
    kit.write_content(tmp_path, bundles)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["validate", "--format", "github", str(tmp_path)]) == 1
    size = summary.stat().st_size
    assert size <= reporting.MAX_SUMMARY_BYTES < 1024 * 1024
    assert "| plik | miejsce |" in summary.read_text(encoding="utf-8")


def test_step_summary_is_bounded_for_many_long_problems():
    long = Problem("content/bundles/" + "ż" * 200 + ".yml", 1, 1, "error", "x", "&" * 5000)
    problems = [long] * 1000
    text = reporting.step_summary(problems, 1000, hidden=problems)
    assert len(text.encode("utf-8")) <= reporting.MAX_SUMMARY_BYTES
    assert "kolejnych problemów" in text


# --- found/05: annotations for the pull request's files first ---------------------


def _sample_repo(tmp_path: Path) -> Path:
    repo = gh.init_repo(tmp_path / "repo")
    shutil.copytree(REPO / "content", repo / "content")
    gh.commit(repo, "Treść")
    return repo


def test_pull_request_files_get_their_annotations_first(tmp_path, capsys, monkeypatch):
    repo = _sample_repo(tmp_path)
    base = gh.git(repo, "rev-parse", "HEAD")
    monkeypatch.chdir(repo)
    monkeypatch.setenv("WIAZKI_TODAY", "2027-12-01")  # a year on: every sample bundle has `review-old`
    assert (
        main(
            [
                "new",
                "wsparcie-zamosc",
                "--title",
                "Wsparcie rodzin w Zamościu",
                "--facilitator",
                "owes-lubelskie",
                "--territory",
                "0663011",
                "--group",
                "families_with_children",
            ]
        )
        == 0
    )
    gh.commit(repo, "Nowa wiązka")
    capsys.readouterr()
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["validate", "--format", "github", "--base", base, "content"])
    out = capsys.readouterr().out.splitlines()
    warnings = [line for line in out if line.startswith("::warning ")]
    assert len(warnings) == 10
    assert warnings[0].startswith("::warning file=content/bundles/wsparcie-zamosc.yml,")
    assert warnings[1].startswith("::warning file=content/bundles/wsparcie-zamosc.yml,")
    hidden = [line for line in out if line.startswith("bez adnotacji: ")]
    assert hidden and all("wsparcie-zamosc" not in line for line in hidden)
    text = summary.read_text(encoding="utf-8")
    assert f"{len(hidden)} problemów nie ma adnotacji" in text or f"{len(hidden)} problemy nie mają" in text


def test_without_base_at_most_ten_of_each_severity_are_annotated():
    problems = [Problem(f"b{n}.yml", 1, 1, "error" if n % 2 else "warning", "x", "m") for n in range(50)]
    lines = reporting.github(problems)
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert sum(line.startswith("bez adnotacji: ") for line in lines) == 30


def test_an_unknown_base_falls_back_to_file_order(tmp_path, capsys, monkeypatch):
    kit.write_content(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["validate", "--format", "github", "--base", "nie-ma-takiej", "."]) == 0
    assert "nie ustalono zmienionych plików" in capsys.readouterr().err


# --- security/07 and 11: names and folders from the file system ------------------


def test_a_file_name_that_is_not_utf8_is_an_error_with_the_name_escaped(tmp_path, capsys, monkeypatch):
    kit.write_content(tmp_path)
    raw = os.path.join(os.fsencode(tmp_path / "bundles"), b"z\xff\xfe.yml")
    with open(raw, "wb") as handle:
        handle.write((tmp_path / "bundles" / "senior-u-siebie.yml").read_bytes())
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("WIAZKI_TODAY", kit.TODAY.isoformat())
    for output in ("github", "json", "human"):
        assert main(["validate", "--format", output, str(tmp_path)]) == 1
        out = capsys.readouterr().out
        out.encode("utf-8")  # nothing that cannot be written
        assert "z\\xff\\xfe" in out.replace("\\\\", "\\")  # JSON doubles the backslash
    assert "file\\-name" in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", ["partners", "bundles"])
def test_a_symlinked_content_folder_is_refused_and_not_read(tmp_path, folder):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "dane.yml").write_text(
        'format: 1\nid: "SEKRET-token-ghp_AbCdEf123456"\nname: x\nsector: public\nkind: gmina\n', encoding="utf-8"
    )
    content = tmp_path / "content"
    kit.write_content(content)
    shutil.rmtree(content / folder)
    (content / folder).symlink_to(outside, target_is_directory=True)
    problems = validate_content(content, today=kit.TODAY).problems
    assert any(p.code == "not-a-folder" and p.path.endswith(folder) for p in problems)
    assert not any("SEKRET" in p.message for p in problems)
    assert not any("dane.yml" in p.path for p in problems)


def test_a_symlinked_content_root_is_refused(tmp_path):
    real = kit.write_content(tmp_path / "real")
    (tmp_path / "content").symlink_to(real, target_is_directory=True)
    problems = validate_content(tmp_path / "content", today=kit.TODAY).problems
    assert [p.code for p in problems] == ["not-a-folder"]


# --- no quadratic regex over the issue form's text ----------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "### a" + " " * 60_000 + "b\n",  # "^### (.+?)\s*$" was quadratic here
        "### E-mail kontaktowy\n\na@" + "." * 60_000 + " \n",  # so was the e-mail pattern
        "### Czego się dowiedzieliście\n\n" + " " * 60_000 + "x\n",
    ],
)
def test_the_issue_form_parser_runs_in_linear_time(tmp_path, body):
    import time

    from wiazki.format.teryt import load_register
    from wiazki.new_bundle.issue_form import convert

    kit.write_content(tmp_path, {})
    start = time.perf_counter()
    conversion = convert("[Nowa wiązka]: Senior u siebie", body, tmp_path, load_register(), kit.TODAY)
    assert time.perf_counter() - start < 2.0
    assert conversion.new is None and conversion.problems


def test_the_format_page_states_the_limits():
    from wiazki.views.format_reference import format_reference

    page = format_reference()
    for needle in ("## Tekst, telefony i granice", "10\u00a0000", "wew. 25", "116 123", "`too-many-problems`"):
        assert needle in page
    assert "najwyżej 10 błędów i 10 ostrzeżeń" in page and "512 KiB" in page
