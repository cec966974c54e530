"""git helpers: argument lists, Polish errors, one cat-file process for many blobs."""

from __future__ import annotations

from pathlib import Path

import pytest

from git_helpers import commit, git, init_repo
from wiazki.revisions.git import BlobReader, GitError, list_files, merge_base, relative_to_repo, resolve, toplevel


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = init_repo(tmp_path / "repo")
    for i in range(50):
        (repo / "content" / "bundles").mkdir(parents=True, exist_ok=True)
        (repo / "content" / "bundles" / f"w{i:02d}.yml").write_text(
            f"id: w{i:02d}\n" + "x: y\n" * 2000, encoding="utf-8"
        )
    (repo / "content" / "bundles" / "zażółć.yml").write_text("id: pl\n", encoding="utf-8")
    commit(repo, "start")
    return repo


def test_resolve_and_unknown_revisions(repo: Path) -> None:
    assert resolve(repo, "HEAD") == git(repo, "rev-parse", "HEAD")
    for revision in ("brak", "-n", "--all", "HEAD:content", "HEAD\nHEAD"):
        with pytest.raises(GitError, match="nie istnieje w tym repozytorium"):
            resolve(repo, revision)


def test_list_files_and_blobs(repo: Path) -> None:
    files = list_files(repo, resolve(repo, "HEAD"), "content/bundles")
    assert len(files) == 51 and "content/bundles/zażółć.yml" in files
    with BlobReader(repo) as reader:
        assert reader.read(files["content/bundles/zażółć.yml"].blob) == b"id: pl\n"
        assert reader.read("HEAD:content/bundles/zażółć.yml") == b"id: pl\n"
        assert reader.read("HEAD:nie-ma.yml") is None
        assert reader.read("HEAD:a\nb") is None
        assert reader.read(files["content/bundles/w00.yml"].blob, limit=10) == b"id: w00\nx: "
        names = [f.blob for f in files.values()] * 4 + ["HEAD:nie-ma.yml", "x\ny"]
        answers = list(reader.read_many(names))
        assert answers[-2:] == [None, None]
        assert all(a is not None and a.startswith(b"id: ") for a in answers[:-2])
        # The reader still answers one request at a time after a batch.
        assert reader.read("HEAD:content/bundles/zażółć.yml") == b"id: pl\n"


def test_a_batch_stopped_early_does_not_hang(repo: Path) -> None:
    files = list_files(repo, resolve(repo, "HEAD"), "content/bundles")
    reader = BlobReader(repo)
    batch = reader.read_many([f.blob for f in files.values()] * 40)  # ~20 MB of answers
    assert next(batch) is not None
    batch.close()
    reader.close()


def test_paths_outside_the_repository(repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert toplevel(repo / "content").resolve() == repo.resolve()
    assert relative_to_repo(repo, repo / "content") == "content"
    assert relative_to_repo(repo, repo) == ""
    with pytest.raises(GitError, match="leży poza repozytorium"):
        relative_to_repo(repo, tmp_path)
    (tmp_path / "zwykly").mkdir()
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    with pytest.raises(GitError, match="nie jest częścią repozytorium git"):
        toplevel(tmp_path / "zwykly")


def test_unrelated_histories_have_no_merge_base(repo: Path) -> None:
    first = resolve(repo, "HEAD")
    git(repo, "switch", "-q", "--orphan", "inna")
    (repo / "inny.txt").write_text("x", encoding="utf-8")
    other = commit(repo, "inna historia")
    with pytest.raises(GitError, match="nie mają wspólnego przodka"):
        merge_base(repo, first, other)
