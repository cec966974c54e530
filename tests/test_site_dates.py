"""sitemap.xml `<lastmod>` and a bundle page's "Ostatnia zmiana" come from git: the last
commit that changed the page's YAML or Markdown source, never the build date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from git_helpers import GOPS, bundle, commit, git, init_repo, merge_pull_request, mkdocs_build, site_repo, write_bundle
from wiazki.revisions import dates as dates_module
from wiazki.revisions.dates import read_last_changes

#: The day the site is built on, long after every commit: it must appear nowhere.
BUILD_DAY = "2026-09-30"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    repo = site_repo(tmp_path / "projekt")
    (repo / "docs/o-nas.md").write_text("# O nas\n", encoding="utf-8")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku"))
    commit(repo, "Początek katalogu", date="2026-03-02T10:00:00+01:00")
    write_bundle(repo, bundle("opieka-konin", "Opieka w Koninie"))
    commit(repo, "Nowa wiązka w Koninie (#4)", date="2026-04-10T12:00:00+02:00")
    # A pull request merged with a merge commit: the merge's date is the change's date.
    git(repo, "switch", "-q", "-c", "owes/zmiana")
    write_bundle(repo, bundle("senior-kramsk", "Senior u siebie w Kramsku – nowy opis"))
    commit(repo, "Nowy opis", date="2026-05-02T09:00:00+02:00")
    merge_pull_request(repo, 9, "owes/zmiana", date="2026-05-20T15:00:00+02:00")
    (repo / "docs/o-nas.md").write_text("# O nas\n\nNowy akapit.\n", encoding="utf-8")
    commit(repo, "O nas: nowy akapit", date="2026-06-01T08:00:00+02:00")
    return repo


def build(project: Path, tmp_path: Path, env: dict[str, str] | None = None) -> Path:
    return mkdocs_build(project, tmp_path / f"site-{project.name}", BUILD_DAY, env)


def lastmods(site: Path) -> dict[str, str | None]:
    xml = (site / "sitemap.xml").read_text(encoding="utf-8")
    urls = {}
    for entry in re.findall(r"<url>(.*?)</url>", xml, re.S):
        found = re.search(r"<loc>https://example\.org/wiazki/(.*?)</loc>", entry)
        assert found, entry
        loc = found.group(1)
        day = re.search(r"<lastmod>(.*?)</lastmod>", entry)
        urls[loc] = day.group(1) if day else None
    return urls


def test_sitemap_dates_each_page_by_its_source(project: Path, tmp_path: Path) -> None:
    site = build(project, tmp_path)
    found = lastmods(site)
    assert found["wiazki/senior-kramsk/"] == "2026-05-20"  # the merge of pull request #9
    assert found["wiazki/opieka-konin/"] == "2026-04-10"
    assert found[f"partnerzy/{GOPS}/"] == "2026-03-02"
    assert found["o-nas/"] == "2026-06-01"
    # The home page carries the catalogue's counts (its marker), so the content dates it too.
    assert found[""] == "2026-05-20"
    # The catalogue and the directory are made from the whole content folder.
    assert found["wiazki/"] == "2026-05-20" and found["partnerzy/"] == "2026-05-20"
    assert BUILD_DAY not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_bundle_page_shows_the_last_change_from_the_same_source(project: Path, tmp_path: Path) -> None:
    site = build(project, tmp_path)
    page = (site / "wiazki" / "senior-kramsk" / "index.html").read_text(encoding="utf-8")
    assert '<dt>Ostatnia zmiana</dt><dd><time datetime="2026-05-20">20 maja 2026</time></dd>' in page


def test_without_git_history_no_page_claims_a_date(project: Path, tmp_path: Path) -> None:
    tarball = tmp_path / "rozpakowane"
    shutil.copytree(project, tarball, ignore=shutil.ignore_patterns(".git"))
    site = build(tarball, tmp_path, env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert set(lastmods(site).values()) == {None}
    assert "Ostatnia zmiana" not in (site / "wiazki" / "senior-kramsk" / "index.html").read_text(encoding="utf-8")


def test_dates_are_read_in_one_git_log_whatever_the_number_of_files(tmp_path: Path, monkeypatch) -> None:
    repo = init_repo(tmp_path / "repo")
    calls: list[tuple[str, ...]] = []
    real = dates_module.run_git

    def counting(root: Path, *args: str, **kwargs):
        calls.append(args)
        return real(root, *args, **kwargs)

    monkeypatch.setattr(dates_module, "run_git", counting)
    counts = []
    for n in (2, 40):
        for i in range(n):
            (repo / "content").mkdir(exist_ok=True)
            (repo / "content" / f"plik-{i}.yml").write_text(f"n: {n}\n", encoding="utf-8")
        commit(repo, f"{n} plików", date=f"2026-02-0{1 if n == 2 else 2}T10:00:00+01:00")
        calls.clear()
        found = read_last_changes(repo, [repo / "content"])
        assert len(found) == n
        counts.append(len(calls))
    assert counts[0] == counts[1]
    assert sum(1 for args in calls if args[0] == "log") == 1
    assert found[(repo / "content" / "plik-39.yml").resolve()] == "2026-02-02"
