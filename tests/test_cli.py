"""`wiazki` on the command line: output formats, escaping, exit codes, scaffolding, TERYT import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import contentkit as kit
from wiazki.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setenv("WIAZKI_TODAY", kit.TODAY.isoformat())
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def broken_content(tmp_path):
    bundle = kit.valid_bundle()
    bundle["canvas"]["value_proposition"]["services"][0]["fee"] = "darmowa"
    bundle["reviewed"] = "2025-01-01"  # a warning too
    return kit.write_content(tmp_path, {"senior-u-siebie": bundle})


def test_clean_content_exits_0_with_a_polish_summary(tmp_path, capsys):
    kit.write_content(tmp_path)
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 0
    assert out.strip() == "Sprawdzono 4 pliki: bez błędów i ostrzeżeń."


def test_human_output_one_line_a_problem(tmp_path, capsys):
    broken_content(tmp_path)
    code, out, _ = run(capsys, "validate", str(tmp_path))
    lines = out.strip().splitlines()
    assert code == 1
    path = str(tmp_path / "bundles" / "senior-u-siebie.yml")
    text = (tmp_path / "bundles" / "senior-u-siebie.yml").read_text(encoding="utf-8")
    fee_line = kit.line_of(text, "fee: darmowa")
    assert f"{path}:{fee_line}:12: error: " in lines[1] and lines[1].endswith("[enum]")
    assert ": warning: " in lines[0] and lines[0].endswith("[review-old]")  # reviewed comes first in the file
    assert lines[-1] == "Sprawdzono 4 pliki: 1 błąd, 1 ostrzeżenie."


def test_paths_are_relative_to_the_working_directory(tmp_path, capsys, monkeypatch):
    broken_content(tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run(capsys, "validate")
    assert out.startswith("content/bundles/senior-u-siebie.yml:")


def test_warnings_exit_0_unless_strict(tmp_path, capsys):
    bundle = kit.valid_bundle()
    bundle["reviewed"] = "2025-01-01"
    kit.write_content(tmp_path, {"senior-u-siebie": bundle})
    assert run(capsys, "validate", str(tmp_path))[0] == 0
    assert run(capsys, "validate", "--strict", str(tmp_path))[0] == 1


def test_missing_folder_exits_2(tmp_path, capsys):
    code, out, err = run(capsys, "validate", str(tmp_path / "nie-ma"))
    assert code == 2 and "nie istnieje" in err and out == ""


def test_folder_without_content_exits_2(tmp_path, capsys):
    assert run(capsys, "validate", str(tmp_path))[0] == 2


def test_bad_arguments_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--format", "xml"])
    assert exit_info.value.code == 2
    assert "błąd wywołania" in capsys.readouterr().err


def test_json_output(tmp_path, capsys):
    broken_content(tmp_path)
    code, out, _ = run(capsys, "validate", "--format", "json", str(tmp_path))
    data = json.loads(out)
    assert code == 1
    assert data["format"] == 1 and data["files"] == 4 and data["errors"] == 1 and data["warnings"] == 1
    assert set(data["problems"][0]) == {"path", "line", "column", "severity", "code", "message"}


def test_github_output_and_step_summary(tmp_path, capsys, monkeypatch):
    broken_content(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(capsys, "validate", "--format", "github", str(tmp_path))
    lines = out.strip().splitlines()
    assert code == 1
    assert (
        lines[1].startswith("::error file=") and ",line=" in lines[1] and ",col=12,title=wiazki%3A enum::" in lines[1]
    )
    assert lines[0].startswith("::warning file=")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Walidacja wiązek") and "1 błąd, 1 ostrzeżenie" in text and "| błąd |" in text


def test_github_output_cannot_be_forged_by_user_text(tmp_path, capsys):
    # A field name is echoed in the message; make it carry a newline and a command.
    text = kit.dump(kit.valid_bundle()) + '"x\\n::error file=evil.yml::forged %0A, a:b": 1\n'
    kit.write_content(tmp_path, {"senior-u-siebie": text})
    _, out, _ = run(capsys, "validate", "--format", "github", str(tmp_path))
    lines = out.strip().splitlines()
    assert len(lines) == 2  # one command, one summary
    command = lines[0]
    # The runner reads properties up to the first "::" and the message to the end of the
    # line: the message cannot break the line, and % is escaped so %0A stays literal.
    assert command.startswith("::error file=") and command.index("::", 2) < command.index("evil.yml")
    assert "x%0A::error file=evil.yml::forged %250A%2C" not in command
    assert "x%0A::error file=evil.yml::forged %250A, a:b" in command


def test_github_property_escaping():
    from wiazki.validation.problems import Problem
    from wiazki.validation.reporting import github

    (line,) = github([Problem("a,b:c%.yml", 1, 2, "error", "x", "m\r\n")])
    assert line == "::error file=a%2Cb%3Ac%25.yml,line=1,col=2,title=wiazki%3A x::m%0D%0A"


def test_step_summary_escapes_markdown(tmp_path):
    from wiazki.validation.problems import Problem
    from wiazki.validation.reporting import step_summary

    text = step_summary(
        [Problem("x.yml", 1, 1, "error", "c", "<script>alert(1)</script> | [a](javascript:x) **b**\n# h")], 1
    )
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\|" in text and "\\[a\\]" in text and "\n# h" not in text


def test_new_scaffolds_a_bundle_that_validates_without_errors(tmp_path, capsys):
    kit.write_content(tmp_path, bundles={})
    code, out, _ = run(
        capsys,
        "new",
        "seniorzy-razem",
        "--title",
        'Seniorzy razem: "cudzysłów" i #hasz',
        "--facilitator",
        "owes-konin",
        "--territory",
        kit.KRAMSK,
        "--group",
        "older_persons",
        "--content-dir",
        str(tmp_path),
    )
    assert code == 0 and "Utworzono" in out
    text = (tmp_path / "bundles" / "seniorzy-razem.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/bundle.schema.json")
    assert "stage: discover" in text and "# " in text
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 0, out
    assert ": error:" not in out
    from wiazki.validation.loader import load_text

    doc, _ = load_text("x", text)
    assert doc.data["title"] == 'Seniorzy razem: "cudzysłów" i #hasz'
    assert doc.data["stage"] == "discover" and doc.data["facilitator"] == "owes-konin"


def test_new_refuses_bad_input(tmp_path, capsys):
    kit.write_content(tmp_path)
    base = [
        "--facilitator",
        "owes-konin",
        "--territory",
        kit.KRAMSK,
        "--content-dir",
        str(tmp_path),
        "--title",
        "Tytuł wiązki",
    ]
    assert run(capsys, "new", "Zła_Nazwa", *base)[0] == 2
    assert run(capsys, "new", "senior-u-siebie", *base)[0] == 2  # exists
    assert run(capsys, "new", "nowa-wiazka", *base[:3], "9999999", *base[4:])[0] == 2
    assert run(capsys, "new", "nowa-wiazka", "--facilitator", "brak", *base[2:])[0] == 2


def test_teryt_import_replaces_the_register(tmp_path, capsys, monkeypatch):
    from wiazki.format import teryt

    data = tmp_path / "data"
    data.mkdir()
    (data / "TERC_2020-01-01.csv").write_text(
        (teryt.DATA_DIR / "TERC_2020-01-01.csv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setattr(teryt, "DATA_DIR", data)
    official = tmp_path / "TERC_Urzedowy_2025-01-01.csv"
    rows = (teryt.DATA_DIR / "TERC_2020-01-01.csv").read_text(encoding="utf-8").replace("2020-01-01", "2025-01-01")
    rows += "30;10;99;2;Nowa Gmina;gmina wiejska;2025-01-01\n"
    official.write_bytes(("\ufeff" + rows.replace("\n", "\r\n")).encode("utf-8"))
    import wiazki.cli as cli

    monkeypatch.setattr(cli, "import_register", lambda source: teryt.import_register(source, data))
    code, out, _ = run(capsys, "teryt", "import", str(official))
    assert code == 0 and "2025-01-01" in out
    assert [p.name for p in data.iterdir()] == ["TERC_2025-01-01.csv"]
    register = teryt.load_register(data / "TERC_2025-01-01.csv")
    assert "3010992" in register and register.date == "2025-01-01"


def test_teryt_import_rejects_a_file_that_is_not_terc(tmp_path, capsys):
    bad = tmp_path / "TERC_Urzedowy_2025-01-01.csv"
    bad.write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    code, _, err = run(capsys, "teryt", "import", str(bad))
    assert code == 2 and "nagłówek" in err
    assert run(capsys, "teryt", "import", str(tmp_path / "nie-ma.csv"))[0] == 2


def test_console_script_runs_as_a_process(tmp_path):
    kit.write_content(tmp_path)
    env = dict(os.environ, WIAZKI_TODAY=kit.TODAY.isoformat())
    done = subprocess.run(
        [sys.executable, "-m", "wiazki.cli", "validate", str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0 and "bez błędów" in done.stdout and done.stderr == ""


def test_sample_catalogue_validates_clean(capsys, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "validate", "--strict", "content")
    assert code == 0, out
    assert out.strip().endswith("bez błędów i ostrzeżeń.")


def test_terminal_and_ci_output_carry_no_control_characters():
    from wiazki.validation.problems import Problem
    from wiazki.validation.reporting import github, human

    problem = Problem("content/bundles/\x1b[31mx.yml", 1, 1, "error", "c", "pole `\x9b2J\u202eabc` \x1b]8;;x\x07")
    for line in human([problem]) + github([problem]):
        assert not any(ch in line for ch in "\x1b\x9b\u202e\x07"), line
