"""`wiazki diff` on a real temporary git repository: reading revisions, the CLI, errors.

The comparison itself is tested on data in test_diff_compare.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from git_helpers import bundle, commit, init_repo, write_bundle, write_partners
from wiazki import cli
from wiazki.revisions.diff import compute_diff
from wiazki.revisions.git import GitError


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "repo")
    write_partners(repo)
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    write_bundle(repo, bundle("stara-wiazka", "Wiązka, którą zamknięto"))
    commit(repo, "Początek katalogu")
    return repo


def _run(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    monkeypatch.chdir(repo)
    code = cli.main(["diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_prints_text_and_markdown(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = commit(repo, "baza")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku", stage="plan"))
    head = commit(repo, "Etap")
    code, out, err = _run(repo, monkeypatch, capsys, base, head)
    assert code == 0 and err == ""
    assert out.startswith("Zmiany w treści\n")
    assert "Etap: Prototypowanie i testowanie → Planowanie wdrożenia" in out
    code, out, _ = _run(repo, monkeypatch, capsys, "--format", "markdown", "HEAD~1", "HEAD")
    assert code == 0
    assert out.startswith("## Zmiany w treści\n")
    assert f"`{base[:7]}` → `{head[:7]}`" in out
    assert "#### Zmieniona wiązka: Senior u siebie w Kramsku (senior\\-kramsk)" in out


def test_merge_base_shows_only_the_branch_own_changes(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from git_helpers import git

    git(repo, "switch", "-q", "-c", "owes/etap")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku", stage="plan"))
    head = commit(repo, "Etap planowania")
    git(repo, "switch", "-q", "main")
    write_bundle(repo, bundle("w-miedzyczasie", "Wiązka dodana na main w międzyczasie"))
    base = commit(repo, "Inny pull request")
    code, out, _ = _run(repo, monkeypatch, capsys, "--format", "markdown", "--merge-base", base, head)
    assert code == 0
    assert "Etap: Prototypowanie i testowanie → Planowanie wdrożenia" in out
    assert "w\\-miedzyczasie" not in out and "Usunięta wiązka" not in out
    # Without it, the other pull request's bundle looks removed by this one.
    _, plain, _ = _run(repo, monkeypatch, capsys, base, head)
    assert "Usunięta wiązka: Wiązka dodana na main w międzyczasie (w-miedzyczasie)" in plain


def test_cli_content_dir_in_a_subfolder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = init_repo(tmp_path / "repo")
    write_partners(repo, content="dane/tresc")
    base = commit(repo, "baza")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku"), content="dane/tresc")
    head = commit(repo, "nowa")
    code, out, _ = _run(repo, monkeypatch, capsys, base, head, "--content-dir", "dane/tresc")
    assert code == 0 and "Nowa wiązka: Senior u siebie w Kramsku (senior-kramsk)" in out


@pytest.mark.parametrize("revision", ["nie-ma-takiej-galezi", "--output=/tmp/x", "HEAD~99", "0" * 40])
def test_unknown_revision_exits_2_with_a_polish_message(
    repo: Path, revision: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(repo, monkeypatch, capsys, "--", revision, "HEAD")
    assert code == 2
    assert out == ""
    assert f"rewizja „{revision}” nie istnieje" in err
    assert not Path("/tmp/x").exists() or revision != "--output=/tmp/x"


def test_outside_a_repository_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain").mkdir()
    monkeypatch.chdir(tmp_path / "plain")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code = cli.main(["diff", "HEAD~1", "HEAD"])
    assert code == 2
    assert "nie jest częścią repozytorium git" in capsys.readouterr().err


def test_missing_revision_raises_git_error(repo: Path) -> None:
    with pytest.raises(GitError, match="nie istnieje"):
        compute_diff(repo, "brak", "HEAD")


def test_git_reading_gives_the_comparison_the_same_files_as_the_folder(repo: Path) -> None:
    """The read part: only files whose blob changed, parsed as the folder's bytes would be."""
    from wiazki.format.teryt import load_register
    from wiazki.revisions.compare import compare, partner_names
    from wiazki.revisions.diff import render_markdown
    from wiazki.revisions.read import read_files

    def files() -> dict[str, bytes]:
        content = repo / "content"
        return {p.relative_to(content).as_posix(): p.read_bytes() for p in content.glob("*/*.yml")}

    base, before = commit(repo, "baza"), files()
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie – Kramsk i okolice", stage="plan"))
    (repo / "content/bundles/stara-wiazka.yml").unlink()
    write_bundle(repo, bundle("rodzina-razem", "Rodzina razem w Kramsku", stage="discover"))
    (repo / "content/bundles/zepsuta.yml").write_text("a: &x 1\n", encoding="utf-8")
    head, after = commit(repo, "Zmiany"), files()
    from_git = compute_diff(repo, base, head)
    pairs, partners = read_files(before, after)
    from_files = compare(pairs, partner_names(partners), load_register(), base, head)
    assert [(c.id, c.status) for c in from_git.bundles] == [
        ("zepsuta", "unreadable"),
        ("senior-kramsk", "changed"),
        ("rodzina-razem", "added"),
        ("stara-wiazka", "removed"),
    ]
    assert render_markdown(from_git) == render_markdown(from_files)
