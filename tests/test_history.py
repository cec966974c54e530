"""History of each bundle from one `git log` pass: merge and squash commits, and no history."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from git_helpers import bundle, commit, git, init_repo, merge_pull_request, write_bundle, write_partners
from wiazki.revisions import history
from wiazki.revisions.history import ADDED, DELETED, MODIFIED, HistoryCache, pull_request_number, read_history


def _stage(repo: Path, bid: str, stage: str, title: str = "Senior u siebie w Kramsku") -> None:
    data = bundle(bid, title, stage=stage)
    if stage in ("discover", "define", "ideate"):
        for later in ("prototype", "plan"):
            data["design"].pop(later, None)
    write_bundle(repo, data)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: add (#3) → merge of PR #7 (→ define) → squash "(#9)" (→ ideate) → unrelated → delete."""
    repo = init_repo(tmp_path / "repo")
    write_partners(repo)
    _stage(repo, "senior-kramsk", "discover")
    _stage(repo, "do-usuniecia", "prototype", "Wiązka do usunięcia")
    commit(repo, "Dodanie pierwszych wiązek (#3)", date="2026-01-10T09:00:00+01:00")

    git(repo, "switch", "-q", "-c", "owes/definiowanie")
    _stage(repo, "senior-kramsk", "define")
    commit(repo, "Definiowanie wyzwania", date="2026-02-01T12:00:00+01:00")
    merge_pull_request(
        repo, 7, "owes/definiowanie", date="2026-02-03T15:30:00+01:00", body="Etap definiowania dla Kramska"
    )

    _stage(repo, "senior-kramsk", "ideate")
    commit(repo, "Zmiana etapu (#9)", date="2026-03-05T08:00:00+01:00")
    (repo / "README.md").write_text("Nie dotyczy treści\n", encoding="utf-8")
    commit(repo, "Dokumentacja", date="2026-03-06T08:00:00+01:00")
    (repo / "content/bundles/do-usuniecia.yml").unlink()
    commit(repo, "Usunięcie wiązki", date="2026-03-07T08:00:00+01:00")
    return repo


def test_every_change_newest_first_with_pr_numbers_and_stages(repo: Path) -> None:
    result = read_history(repo, Path("content"))
    assert set(result) == {"senior-kramsk", "do-usuniecia"}
    entries = result["senior-kramsk"]
    assert [(e.date, e.subject, e.pr, e.stage, e.change) for e in entries] == [
        ("2026-03-05", "Zmiana etapu (#9)", 9, "ideate", MODIFIED),
        ("2026-02-03", "Etap definiowania dla Kramska", 7, "define", MODIFIED),
        ("2026-01-10", "Dodanie pierwszych wiązek (#3)", 3, "discover", ADDED),
    ]
    assert entries[0].stage_label == "Tworzenie rozwiązania"
    assert (
        entries[1].pr_url("https://github.com/owes-katalog/wiazki") == "https://github.com/owes-katalog/wiazki/pull/7"
    )
    assert all(len(e.commit) == 40 for e in entries)
    removed = result["do-usuniecia"]
    assert [(e.change, e.stage, e.subject) for e in removed] == [
        (DELETED, None, "Usunięcie wiązki"),
        (ADDED, "prototype", "Dodanie pierwszych wiązek (#3)"),
    ]


def test_one_git_log_and_one_cat_file_process(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    real_popen = subprocess.Popen

    def popen(args, *a, **k):
        # subprocess.run goes through Popen too: every process is counted here.
        calls.append(list(args))
        return real_popen(args, *a, **k)

    monkeypatch.setattr(subprocess, "Popen", popen)
    read_history(repo, Path("content"))
    assert sum(1 for c in calls if "log" in c) == 1, calls
    assert sum(1 for c in calls if "cat-file" in c) == 1
    assert len(calls) <= 6


def test_a_rename_is_a_removal_and_an_addition(repo: Path) -> None:
    git(repo, "mv", "content/bundles/senior-kramsk.yml", "content/bundles/senior-kramsk-2.yml")
    commit(repo, "Nowy identyfikator (#11)", date="2026-04-01T08:00:00+02:00")
    result = read_history(repo, repo / "content")
    assert result["senior-kramsk"][0].change == DELETED
    assert result["senior-kramsk-2"][0].change == ADDED and result["senior-kramsk-2"][0].pr == 11


def test_stage_of_a_file_with_crlf_line_ends(repo: Path) -> None:
    path = repo / "content/bundles/senior-kramsk.yml"
    _stage(repo, "senior-kramsk", "prototype")
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    commit(repo, "Zapisane w Notatniku (#12)", date="2026-04-02T08:00:00+02:00")
    path.write_bytes(path.read_bytes().replace(b"stage: prototype\r\n", b"stage: 'plan' # etap\r\n"))
    commit(repo, "Planowanie (#13)", date="2026-04-03T08:00:00+02:00")
    blob = subprocess.run(
        ["git", "-C", str(repo), "cat-file", "-p", "HEAD:content/bundles/senior-kramsk.yml"],
        capture_output=True,
        check=True,
    ).stdout
    assert b"stage: 'plan' # etap\r\n" in blob  # committed as it was written
    entries = read_history(repo, Path("content"))["senior-kramsk"]
    assert [(e.pr, e.stage) for e in entries[:2]] == [(13, "plan"), (12, "prototype")]
    assert entries[0].stage_label == "Planowanie wdrożenia"


def test_files_outside_the_bundles_folder_are_ignored(repo: Path) -> None:
    (repo / "content/bundles/notatki.txt").write_text("x", encoding="utf-8")
    (repo / "content/bundles/archiwum").mkdir()
    _stage(repo, "senior-kramsk", "discover")
    (repo / "content/bundles/senior-kramsk.yml").rename(repo / "content/bundles/archiwum/senior-kramsk.yml")
    commit(repo, "Archiwum")
    result = read_history(repo, Path("content"))
    assert "notatki" not in result
    assert result["senior-kramsk"][0].change == DELETED


@pytest.mark.parametrize(
    ("subject", "number"),
    [
        ("Merge pull request #12 from owes-konin/senior", 12),
        ("Zmiana etapu (#9)", 9),
        ("Poprawka literówki", None),
        ("Uwaga na #5 w treści", None),
        ("Merge branch 'main' into x", None),
    ],
)
def test_pull_request_number_from_subjects(subject: str, number: int | None) -> None:
    assert pull_request_number(subject) == number


def test_plain_folder_without_git_has_empty_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "tarball"
    write_partners(folder)
    write_bundle(folder, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with caplog.at_level(logging.INFO, logger="wiazki.revisions.history"):
        assert read_history(folder, folder / "content") == {}
    assert all(r.levelno <= logging.INFO for r in caplog.records)
    assert any("niedostępna" in r.getMessage() for r in caplog.records)


def test_without_a_git_program_history_is_empty(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "nie-ma-tu-gita"))
    assert read_history(repo, Path("content")) == {}
    assert HistoryCache().get(repo, Path("content")) == {}


def test_repository_without_commits_has_empty_history(tmp_path: Path) -> None:
    repo = init_repo(tmp_path / "nowe")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    assert read_history(repo, Path("content")) == {}


def test_shallow_clone_skips_the_commits_it_cannot_see_behind(
    repo: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    one = tmp_path / "depth1"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(one))
    with caplog.at_level(logging.INFO, logger="wiazki.revisions.history"):
        # Its only commit would show every bundle as "added" on that day: not history.
        assert read_history(one, Path("content")) == {}
    assert any("płytki klon" in r.getMessage() for r in caplog.records)

    three = tmp_path / "depth3"
    git(tmp_path, "clone", "-q", "--depth", "3", f"file://{repo}", str(three))
    result = read_history(three, Path("content"))
    # The newest three commits are: delete, README, squash (#9); the squash is
    # the boundary (its parent is missing), so only the deletion is history.
    assert {bid: [e.subject for e in entries] for bid, entries in result.items()} == {
        "do-usuniecia": ["Usunięcie wiązki"]
    }


def test_cache_reads_once_per_head(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = history.read_history

    def counting(root: Path, content: Path):
        calls.append(root)
        return real(root, content)

    monkeypatch.setattr(history, "read_history", counting)
    cache = HistoryCache()
    first = cache.get(repo, Path("content"))
    assert cache.get(repo, Path("content")) is first
    (repo / "content/bundles/senior-kramsk.yml").write_text("zmiana w drzewie roboczym\n", encoding="utf-8")
    assert cache.get(repo, Path("content")) is first
    assert len(calls) == 1
    _stage(repo, "senior-kramsk", "prototype")
    commit(repo, "Prototyp (#12)")
    assert cache.get(repo, Path("content"))["senior-kramsk"][0].pr == 12
    assert len(calls) == 2
