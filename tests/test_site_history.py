"""The "Historia zmian" section of a bundle page, built with MkDocs inside a git repository."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from git_helpers import bundle, commit, git, merge_pull_request, mkdocs_build, site_repo, write_bundle
from wiazki import REPO_URL


def _build(project: Path, tmp_path: Path, env: dict[str, str] | None = None) -> str:
    site = mkdocs_build(project, tmp_path / f"site-{project.name}", "2026-06-01", env)
    return (site / "wiazki" / "senior-kramsk" / "index.html").read_text(encoding="utf-8")


def _stage(repo: Path, stage: str) -> None:
    data = bundle("senior-kramsk", "Senior u siebie w Kramsku", stage=stage)
    if stage == "define":
        for later in ("ideate", "prototype"):
            data["design"].pop(later)
    write_bundle(repo, data)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    repo = site_repo(tmp_path / "projekt", plugins=("search", "wiazki"))
    _stage(repo, "define")
    commit(repo, "Nowa wiązka w Kramsku (#3)", date="2026-01-10T09:00:00+01:00")
    git(repo, "switch", "-q", "-c", "owes/prototyp")
    _stage(repo, "prototype")
    commit(repo, "Prototyp", date="2026-02-01T09:00:00+01:00")
    body = "Testy <script>alert(1)</script> | *prototypu*"
    merge_pull_request(repo, 7, "owes/prototyp", date="2026-02-03T10:00:00+01:00", body=body)
    return repo


def test_bundle_page_shows_the_history_with_pr_links_and_stages(project: Path, tmp_path: Path) -> None:
    html = _build(project, tmp_path)
    assert "Historia zmian" in html
    section = html[html.index('id="historia-zmian"') :]
    section = section[: section.index("</section>")]
    assert f'<a href="{REPO_URL}/pull/7">#7</a>' in section
    assert f'<a href="{REPO_URL}/pull/3">#3</a>' in section
    assert '<time datetime="2026-02-03">3 lutego 2026</time>' in section
    assert "Prototypowanie i testowanie" in section and "Definiowanie wyzwania" in section
    assert section.index("#7") < section.index("#3"), "newest first"
    # The pull request's title is user text: escaped, never markup.
    assert "<script>alert(1)</script>" not in html
    assert "Testy &lt;script&gt;alert(1)&lt;/script&gt; | *prototypu*" in section


def test_without_git_history_the_section_is_absent(project: Path, tmp_path: Path) -> None:
    tarball = tmp_path / "rozpakowane"
    shutil.copytree(project, tarball, ignore=shutil.ignore_patterns(".git"))
    html = _build(tarball, tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert "Senior u siebie w Kramsku" in html
    assert "Historia zmian" not in html


def test_shallow_clone_builds_without_history(project: Path, tmp_path: Path) -> None:
    clone = tmp_path / "plytki"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{project}", str(clone))
    html = _build(clone, tmp_path)
    assert "Historia zmian" not in html


def test_history_is_read_once_per_commit_across_rebuilds(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from wiazki.revisions import history

    calls: list[Path] = []
    real = history.read_history

    def counting(root: Path, content: Path):
        calls.append(root)
        return real(root, content)

    monkeypatch.setattr(history, "read_history", counting)
    monkeypatch.setenv("WIAZKI_TODAY", "2026-06-01")
    monkeypatch.chdir(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project.parent / "site-rebuilds"))
    build(config)
    build(config)  # what `mkdocs serve` does after an edit: same commit, no new git log
    assert len(calls) == 1
    (project / "content/bundles/senior-kramsk.yml").write_text(
        (project / "content/bundles/senior-kramsk.yml").read_text(encoding="utf-8") + "# kolejna iteracja\n",
        encoding="utf-8",
    )
    commit(project, "Kolejna iteracja (#12)", date="2026-02-10T10:00:00+01:00")
    build(config)
    assert len(calls) == 2
    page = (project.parent / "site-rebuilds" / "wiazki" / "senior-kramsk" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPO_URL}/pull/12">#12</a>' in page
