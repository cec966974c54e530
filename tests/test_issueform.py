"""The "Nowa wiązka" issue form → a bundle file; hostile issues stay data."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml

from git_helpers import GOPS, OWES, commit, git, init_repo, write_partners
from wiazki import cli
from wiazki.format import vocab
from wiazki.format.fields import field_at
from wiazki.format.teryt import load_register
from wiazki.new_bundle import issue_form as issueform
from wiazki.new_bundle.issue_form import FIELDS, LABEL, REQUIRED, convert, parse_body, parse_groups, parse_territory
from wiazki.new_bundle.issue_pr import problems_comment
from wiazki.validation.loader import load_file
from wiazki.validation.validator import validate_content

REPO = Path(__file__).resolve().parent.parent
FORM = REPO / ".github" / "ISSUE_TEMPLATE" / "nowa-wiazka.yml"
TODAY = "2026-03-01"

GOOD = {
    issueform.NEED: "Samotnie mieszkający seniorzy z małych wsi potrzebują pomocy w domu i ciepłego posiłku.",
    issueform.GROUPS: "Osoby starsze, Opiekunowie faktyczni",
    issueform.GROUP_DESCRIPTION: "Osoby 65+ mieszkające samotnie w gminie Kramsk.",
    issueform.FINDINGS: "- Seniorzy boją się upadku w domu\n- Rodziny mieszkają daleko",
    issueform.METHODS: "Wywiady pogłębione\nObserwacja",
    issueform.TERRITORY: "3010052, Kleczew",
    issueform.OWES: OWES,
    issueform.CONTACT: "gops.kramsk@example.org",
}


def form_body(values: dict[str, str]) -> str:
    """An issue body as GitHub writes it for a form ("### Label", blank line, value)."""
    return "\n\n".join(f"### {label}\n\n{values.get(label) or '_No response_'}" for label in FIELDS) + "\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    write_partners(tmp_path)
    return tmp_path / "content"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIAZKI_TODAY", TODAY)


def _event(tmp_path: Path, title: str, body: str, labels: tuple[str, ...] = (LABEL,), number: int = 17) -> Path:
    path = tmp_path / f"event-{number}.json"
    path.write_text(
        json.dumps(
            {
                "action": "opened",
                "issue": {"number": number, "title": title, "body": body, "labels": [{"name": n} for n in labels]},
                "repository": {"full_name": "owes-katalog/wiazki", "default_branch": "main"},
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return path


def _convert(
    values: dict[str, str], content: Path, title: str = "[Nowa wiązka]: Senior u siebie – Kramsk"
) -> issueform.Conversion:
    return convert(title, form_body(values), content, load_register(), date.fromisoformat(TODAY))


def _errors_for(content: Path, bid: str) -> list[str]:
    result = validate_content(content, today=date.fromisoformat(TODAY))
    return [f"{p.path}:{p.line}: {p.message}" for p in result.errors if Path(p.path).stem == bid]


# ---- the form and the parser agree -------------------------------------------------


def test_form_fields_and_target_groups_match_the_parser_and_the_vocabulary() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    assert form["labels"] == [LABEL]
    assert form["title"].strip() == issueform.TITLE_PREFIX + ":"
    fields = [item for item in form["body"] if item["type"] != "markdown"]
    assert tuple(item["attributes"]["label"] for item in fields) == FIELDS
    required = tuple(item["attributes"]["label"] for item in fields if item.get("validations", {}).get("required"))
    assert required == REQUIRED
    dropdown = next(item for item in fields if item["attributes"]["label"] == issueform.GROUPS)
    assert dropdown["type"] == "dropdown" and dropdown["attributes"]["multiple"] is True
    assert dropdown["attributes"]["options"] == list(vocab.TARGET_GROUPS.labels.values())


def test_the_form_fills_fields_of_the_tree_and_shares_its_labels() -> None:
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    labels = [item["attributes"]["label"] for item in form["body"] if item["type"] != "markdown"]
    assert tuple(issueform.FORM_PATHS) == FIELDS == tuple(labels)
    tree = {heading: field_at("bundle", path) for heading, path in issueform.FORM_PATHS.items()}
    # The headings that are the tree's own labels (the others are questions in plain words).
    assert tree[issueform.GROUPS].label == issueform.GROUPS == "Grupa docelowa"
    assert tree[issueform.TERRITORY].label == issueform.TERRITORY == "Obszar"
    # A list the form fills is named in problems as the tree names it.
    assert issueform._item_name(issueform.FINDINGS) == "wnioski"
    assert issueform._item_name(issueform.METHODS) == "metody"


def test_every_issue_form_is_polish_and_labelled() -> None:
    for path in sorted(FORM.parent.glob("*.yml")):
        form = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.name == "config.yml":
            assert form["blank_issues_enabled"] is False
            continue
        assert form["name"] and form["description"] and form["labels"], path
        ids = [item["id"] for item in form["body"] if "id" in item]
        assert len(ids) == len(set(ids)), path


def test_body_sections_and_no_response() -> None:
    values, problems = parse_body(form_body({issueform.NEED: "Potrzeba\nw dwóch wierszach", issueform.OWES: "owes-x"}))
    assert problems == []
    assert values[issueform.NEED] == "Potrzeba\nw dwóch wierszach"
    assert values[issueform.OWES] == "owes-x"
    assert values[issueform.CONTACT] == ""


def test_group_labels_with_commas_are_matched_whole() -> None:
    assert parse_groups("Cudzoziemcy, w tym uchodźcy, Osoby starsze") == (["migrants_refugees", "older_persons"], [])
    assert parse_groups("Osoby starsze") == (["older_persons"], [])
    groups, problems = parse_groups("Osoby starsze, Smoki")
    assert groups == ["older_persons"] and problems == [
        "nieznana grupa docelowa „Smoki”; wybierz grupy z listy w formularzu"
    ]


def test_territory_from_codes_and_gmina_names() -> None:
    register = load_register()
    assert parse_territory("3010052, Kleczew; gmina Kramsk\n30", register) == (["3010052", "3010043", "30"], [])
    codes, problems = parse_territory("Sanok", register)
    assert (
        codes == [] and "pasuje do kilku gmin" in problems[0] and "1817011" in problems[0] and "1817052" in problems[0]
    )
    assert parse_territory("9999999", register)[1] == ["kodu TERYT 9999999 nie ma w rejestrze (stan na 2020-01-01)"]
    assert "nie jest kodem TERYT" in parse_territory("123", register)[1][0]
    assert "nie znaleziono gminy „Atlantyda”" in parse_territory("Atlantyda", register)[1][0]


# ---- converting ------------------------------------------------------------------------


def test_good_issue_becomes_a_bundle_that_validates(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = _event(tmp_path, "[Nowa wiązka]: Senior u siebie – Kramsk", form_body(GOOD))
    assert cli.main(["issue-to-bundle", "--event", str(event), "--content-dir", str(content)]) == 0
    path = content / "bundles" / "senior-u-siebie-kramsk.yml"
    assert f"utworzono {path}" in capsys.readouterr().out
    doc, problems = load_file(path)
    assert problems == [] and doc is not None
    data = doc.data
    assert data["stage"] == "discover"
    assert data["title"] == "Senior u siebie – Kramsk"
    assert data["summary"] == GOOD[issueform.NEED]
    assert data["territory"] == ["3010052", "3010043"]
    assert data["facilitator"] == OWES
    assert data["reviewed"] == TODAY
    assert data["contact"] == {"email": "gops.kramsk@example.org"}
    assert [s["group"] for s in data["canvas"]["customer_segments"]] == ["older_persons", "informal_carers"]
    assert data["design"]["discover"] == {
        "methods": ["Wywiady pogłębione", "Obserwacja"],
        "findings": ["Seniorzy boją się upadku w domu", "Rodziny mieszkają daleko"],
    }
    assert _errors_for(content, "senior-u-siebie-kramsk") == []


def test_id_is_made_unique_against_existing_files(content: Path) -> None:
    (content / "bundles").mkdir(parents=True)
    (content / "bundles" / "senior-u-siebie-kramsk.yml").write_text("zajęte\n", encoding="utf-8")
    (content / "bundles" / "senior-u-siebie-kramsk-2.yml").write_text("zajęte\n", encoding="utf-8")
    conversion = _convert(GOOD, content)
    assert conversion.new is not None and conversion.new.id == "senior-u-siebie-kramsk-3"


def test_long_need_becomes_summary_and_description(content: Path) -> None:
    need = "Seniorzy potrzebują wsparcia w codziennym życiu. " * 20
    conversion = _convert({**GOOD, issueform.NEED: need}, content)
    assert conversion.new is not None
    assert len(conversion.new.summary) <= 300 and conversion.new.summary.endswith("…")
    assert conversion.new.description == need.strip()


def test_missing_sections_and_bad_values_are_listed_in_polish(content: Path) -> None:
    conversion = _convert(
        {
            issueform.NEED: "Za krótko",
            issueform.GROUPS: "Osoby starsze",
            issueform.OWES: GOPS,
            issueform.CONTACT: "nie-mail",
        },
        content,
        title="Abc",
    )
    assert conversion.new is None
    assert conversion.problems == [
        "brak odpowiedzi w polu „Obszar” (czy zgłoszenie utworzono formularzem „Nowa wiązka”?)",
        "tytuł zgłoszenia (nazwa wiązki) musi mieć od 5 do 120 znaków, ma 3",
        "opis potrzeby jest za krótki: napiszcie co najmniej 20 znaków (jedno lub dwa zdania)",
        "partner „gops-test” nie jest OWES (rodzaj: Ośrodek pomocy społecznej (OPS/MOPS/GOPS)); "
        "facylitatorem wiązki jest OWES",
        "„nie-mail” nie jest adresem e-mail",
    ]
    assert _convert({**GOOD, issueform.OWES: "owes-nieznany"}, content).problems == [
        "nie ma partnera „owes-nieznany” (pliku content/partners/owes-nieznany.yml); "
        "podajcie identyfikator istniejącego OWES"
    ]
    assert (
        "nie jest identyfikatorem partnera"
        in _convert({**GOOD, issueform.OWES: "../../etc/passwd"}, content).problems[0]
    )
    body = "Zwykły tekst bez formularza"
    assert len(convert("Senior u siebie", body, content, load_register(), date(2026, 3, 1)).problems) == len(REQUIRED)


HOSTILE = [
    "foo\nstage: available",
    "&a *a",
    "!!python/object/apply:os.system ['rm -rf ~']",
    "$(rm -rf ~) `reboot` ; rm -rf / && echo pwned | sh",
    "::set-output name=x::y\n::error file=x::pwned\n::add-mask::secret",
    "# Nagłówek <script>alert(1)</script> [link](javascript:alert(1)) <img src=x onerror=alert(1)>",
    "{{ config }} {% raw %} ${{ secrets.GITHUB_TOKEN }}",
    "---\n...\n%YAML 1.1",
    '"\'\\" \\n \\u0000 \x07 \u202eodwrócone\u202c Zażółć gęślą jaźń 🙂',
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_is_written_as_plain_strings(
    hostile: str, content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = {
        **GOOD,
        issueform.NEED: "Potrzeba mieszkańców: " + hostile,
        issueform.GROUP_DESCRIPTION: hostile,
        issueform.FINDINGS: hostile,
        issueform.METHODS: "- " + hostile,
    }
    title = "[Nowa wiązka]: Wiązka " + hostile.split("\n")[0][:90]
    event = _event(tmp_path, title, form_body(values))
    assert cli.main(["issue-to-bundle", "--event", str(event), "--content-dir", str(content)]) == 0
    out = capsys.readouterr().out
    assert not any(line.startswith("::") for line in out.splitlines())
    [path] = (content / "bundles").glob("*.yml")
    doc, problems = load_file(path)
    assert problems == [] and doc is not None
    data = doc.data
    assert data["stage"] == "discover"
    assert set(data) <= {
        "format",
        "id",
        "title",
        "summary",
        "description",
        "stage",
        "territory",
        "facilitator",
        "contact",
        "reviewed",
        "canvas",
        "design",
    }
    assert data["title"] == issueform.one_line(title[len("[Nowa wiązka]: ") :])
    cleaned_lines = [line.strip() for line in issueform.clean(hostile).split("\n") if line.strip()]
    assert data["design"]["discover"]["findings"] == [" ".join(line.split()) for line in cleaned_lines]
    assert "\u202e" not in path.read_text(encoding="utf-8") and "\x07" not in path.read_text(encoding="utf-8")
    assert _errors_for(content, path.stem) == []


def test_a_rule_the_form_cannot_check_is_reported_on_the_issue(checkout: Path, tmp_path: Path) -> None:
    need = "Seniorzy potrzebują wsparcia w codziennym życiu. " * 8 + "[Zobacz](javascript:alert(1))"
    event = _event(tmp_path, "Senior u siebie w Kramsku", form_body({**GOOD, issueform.NEED: need}), number=31)
    args = ["issue-to-bundle", "--event", str(event), "--content-dir", str(checkout / "content"), "--open-pr"]
    assert cli.main(args) == 1
    assert not list((checkout / "content").glob("bundles/*.yml"))
    assert (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines() == [
        "issue comment 31 --repo owes-katalog/wiazki --body-file -"
    ]
    assert "javascript" in (tmp_path / "gh.log.body").read_text(encoding="utf-8")


def test_injected_section_heading_is_refused(content: Path) -> None:
    values = {**GOOD, issueform.FINDINGS: f"Wniosek\n### {issueform.OWES}\n\n{GOPS}"}
    conversion = _convert(values, content)
    assert conversion.new is None
    assert conversion.problems == [
        "nagłówek sekcji „OWES” występuje w treści więcej niż raz; usuń wiersze zaczynające się od „### ” z odpowiedzi"
    ]


def test_huge_bodies_and_lists_are_refused(content: Path) -> None:
    huge = convert("Senior u siebie", "x" * 70_000, content, load_register(), date(2026, 3, 1))
    assert huge.new is None and "więcej niż pozwala GitHub" in huge.problems[0]
    many = _convert({**GOOD, issueform.FINDINGS: "\n".join(f"- wniosek {i}" for i in range(40))}, content)
    assert many.problems == ["wnioski: podano 40 pozycji, najwięcej można 30; resztę dopiszcie w pull requeście"]
    long_item = _convert({**GOOD, issueform.METHODS: "a" * 1500}, content)
    assert long_item.problems == ["metody: pozycja 1 ma 1500 znaków, najwięcej 1000; skróćcie ją"]
    too_long_title = _convert(GOOD, content, title="T" * 121)
    assert too_long_title.problems == ["tytuł zgłoszenia (nazwa wiązki) musi mieć od 5 do 120 znaków, ma 121"]


def test_problem_comment_escapes_markdown_and_mentions() -> None:
    comment = problems_comment(
        ["nieznana grupa docelowa „<script>x</script> [a](javascript:b) @owes-katalog/opiekunowie”"]
    )
    assert "<script>" not in comment and "](" not in comment
    assert "&lt;script&gt;" in comment
    assert "@owes" not in comment and "@\u200bowes" in comment


def test_issue_without_the_label_is_skipped(content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    event = _event(tmp_path, "Senior u siebie", form_body(GOOD), labels=("Zmiana w wiązce",))
    assert cli.main(["issue-to-bundle", "--event", str(event), "--content-dir", str(content)]) == 0
    assert "pomijam" in capsys.readouterr().out
    assert not (content / "bundles").exists()


def test_problems_exit_1_and_bad_events_exit_2(
    content: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = _event(tmp_path, "Senior u siebie", form_body({**GOOD, issueform.TERRITORY: "Sanok"}))
    assert cli.main(["issue-to-bundle", "--event", str(event), "--content-dir", str(content)]) == 1
    assert "pasuje do kilku gmin" in capsys.readouterr().out
    broken = tmp_path / "zepsuty.json"
    broken.write_text("{nie json", encoding="utf-8")
    assert cli.main(["issue-to-bundle", "--event", str(broken), "--content-dir", str(content)]) == 2
    assert "nie jest poprawnym JSON-em" in capsys.readouterr().err
    broken.write_text('{"pull_request": {}}', encoding="utf-8")
    assert cli.main(["issue-to-bundle", "--event", str(broken)]) == 2
    assert cli.main(["issue-to-bundle", "--event", str(tmp_path / "brak.json")]) == 2


# ---- the pull request, with a stand-in for the gh CLI -------------------------------------

FAKE_GH = """#!/bin/sh
printf '%s\\n' "$*" >> "$GH_LOG"
case " $* " in *" --body-file - "*) cat >> "$GH_LOG.body"; printf '\\n---\\n' >> "$GH_LOG.body";; esac
case "$1 $2" in "pr create") echo "https://github.com/owes-katalog/wiazki/pull/42";; esac
"""


@pytest.fixture
def checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    origin = tmp_path / "origin.git"
    git(tmp_path, "init", "-q", "--bare", str(origin))
    repo = init_repo(tmp_path / "checkout")
    write_partners(repo)
    commit(repo, "Partnerzy")
    git(repo, "remote", "add", "origin", str(origin))
    git(repo, "push", "-q", "origin", "main")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    gh = bin_dir / "gh"
    gh.write_text(FAKE_GH, encoding="utf-8")
    gh.chmod(gh.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("GH_LOG", str(tmp_path / "gh.log"))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    return repo


def test_open_pr_pushes_a_branch_and_opens_a_pull_request(
    checkout: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "[Nowa wiązka]: Senior u siebie $(rm -rf ~)"
    event = _event(tmp_path, title, form_body(GOOD), number=23)
    args = ["issue-to-bundle", "--event", str(event), "--content-dir", str(checkout / "content"), "--open-pr"]
    assert cli.main(args) == 0
    assert "utworzono pull request https://github.com/owes-katalog/wiazki/pull/42" in capsys.readouterr().out
    origin = tmp_path / "origin.git"
    branch = "nowa-wiazka/zgloszenie-23"
    files = git(origin, "ls-tree", "-r", "--name-only", branch)
    assert "content/bundles/senior-u-siebie-rm-rf.yml" in files.splitlines()
    assert (
        git(origin, "log", "-1", "--format=%an|%s", branch)
        == "github-actions[bot]|Nowa wiązka senior-u-siebie-rm-rf ze zgłoszenia #23"
    )
    calls = (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines()
    assert calls[0] == "auth setup-git"
    assert calls[1] == (
        "pr create --repo owes-katalog/wiazki --base main --head nowa-wiazka/zgloszenie-23 "
        "--title Nowa wiązka: Senior u siebie $(rm -rf ~) --body-file -"
    )
    assert calls[2] == "issue comment 23 --repo owes-katalog/wiazki --body-file -"
    bodies = (tmp_path / "gh.log.body").read_text(encoding="utf-8")
    assert "Closes #23" in bodies and "Senior u siebie $\\(rm \\-rf \\~\\)" in bodies
    assert "https://github.com/owes-katalog/wiazki/pull/42" in bodies
    assert not (tmp_path.parent / "~").exists()

    # The same issue again (the label removed and added again): the branch exists, nothing new.
    assert cli.main(args) == 0
    assert "już istnieje" in capsys.readouterr().out
    assert len((tmp_path / "gh.log").read_text(encoding="utf-8").splitlines()) == 3


def test_open_pr_with_problems_comments_on_the_issue(checkout: Path, tmp_path: Path) -> None:
    event = _event(tmp_path, "Senior u siebie", form_body({**GOOD, issueform.OWES: "owes-nieznany"}), number=24)
    args = ["issue-to-bundle", "--event", str(event), "--content-dir", str(checkout / "content"), "--open-pr"]
    assert cli.main(args) == 1
    assert (tmp_path / "gh.log").read_text(encoding="utf-8").splitlines() == [
        "issue comment 24 --repo owes-katalog/wiazki --body-file -"
    ]
    body = (tmp_path / "gh.log.body").read_text(encoding="utf-8")
    assert "nie ma partnera „owes\\-nieznany”" in body
    assert git(tmp_path / "origin.git", "branch", "--list") == "main" or "* main" in git(
        tmp_path / "origin.git", "branch", "--list"
    )
