"""A large catalogue with broken files: one core and two give the same messages, exit
code and site, byte for byte (the Pagefind index aside: its file names are hashes)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import contentkit as kit
import sitehelpers as h
from test_cores import alone  # noqa: F401 - a fresh pytest when this one has threads
from wiazki import cli
from wiazki import cores as workers


def _catalogue(content: Path) -> None:
    bundles: dict[str, object] = {}
    for number in range(240):
        bundle = kit.valid_bundle(f"wiazka-{number:03d}")
        bundle["title"] = f"Wiązka numer {number}"
        if number % 9 == 4:
            bundle["stage"] = "gotowa"  # not in the vocabulary: left out of the site
        if number % 13 == 6:
            bundle["canvas"]["cost_structure"][0]["amount_pln"] = 10**30
        bundles[bundle["id"]] = bundle
    bundles["zepsuta"] = "id: zepsuta\ntitle: [niedomknięta\n"
    bundles["tabulator"] = "id: tabulator\n\ttitle: x\n"
    kit.write_content(content, bundles)
    folder = content / "bundles"
    (folder / "dowiazanie.yml").symlink_to(folder / "wiazka-000.yml")
    (folder / "folder.yml").mkdir()
    (folder / os.fsdecode(b"z\xff.yml")).write_text("id: z\n", encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).parts[0] != "pagefind"
    }


@pytest.mark.slow
def test_one_core_and_two_give_the_same_messages_and_site(alone, tmp_path, monkeypatch, capsys):
    project = h.make_project(tmp_path / "projekt")
    _catalogue(project / "content")
    monkeypatch.setenv("WIAZKI_TODAY", h.TODAY)
    monkeypatch.chdir(project)
    fork = workers.can_fork()  # False in a session with threads: `alone` ran it apart too
    forks = []
    executor = workers._executor
    monkeypatch.setattr(workers, "_executor", lambda: forks.append(1) or executor())

    def run(site: str) -> tuple[int, str, str, dict[str, bytes]]:
        code = cli.main(["validate", "content"])
        out, err = capsys.readouterr()
        return code, out, err, _files(h.build(project, strict=False, site_dir=tmp_path / site))

    two = run("dwa")
    assert len(forks) >= (3 if fork else 0), "validation twice and the search documents beside: two cores"
    monkeypatch.setattr(workers, "can_fork", lambda: False)
    one = run("jeden")
    assert two[:3] == one[:3]
    assert two[0] == 1 and "z\\xff.yml" in one[1] and "dowiazanie.yml" in one[1]
    assert sorted(two[3]) == sorted(one[3]) and len(one[3]) > 250
    assert [name for name in one[3] if two[3][name] != one[3][name]] == []
