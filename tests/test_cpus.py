"""A container's CPU quota and WIAZKI_CORES decide whether a build forks a worker.

Each test lays out a folder as /sys/fs/cgroup and a /proc/self/cgroup of its own.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from test_cores import _pid, alone  # noqa: F401 - a fresh pytest when this one has threads
from wiazki import cores as workers
from wiazki import cpus


def _v2(tmp_path: Path, limits: dict[str, str], own: str = "/") -> tuple[Path, Path]:
    """A cgroup v2 tree with `cpu.max` text per folder ("" is the root)."""
    root = tmp_path / "cgroup"
    for folder, text in limits.items():
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / "cpu.max").write_text(text + "\n")
    root.mkdir(exist_ok=True)
    listing = tmp_path / "self-cgroup"
    listing.write_text(f"0::{own}\n")
    return root, listing


def _v1(tmp_path: Path, quota: str, period: str = "100000", folder: str = "cpu,cpuacct") -> tuple[Path, Path]:
    root = tmp_path / "cgroup"
    (root / folder / "docker" / "abc").mkdir(parents=True)
    for where in (root / folder, root / folder / "docker" / "abc"):
        (where / "cpu.cfs_quota_us").write_text("-1\n")
        (where / "cpu.cfs_period_us").write_text("100000\n")
    (root / folder / "docker" / "abc" / "cpu.cfs_quota_us").write_text(quota + "\n")
    (root / folder / "docker" / "abc" / "cpu.cfs_period_us").write_text(period + "\n")
    listing = tmp_path / "self-cgroup"
    listing.write_text("9:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n0::/\n")
    return root, listing


@pytest.fixture
def machine(monkeypatch):
    """Two CPUs to run on, whatever this machine has; no WIAZKI_CORES."""
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.delenv("WIAZKI_CORES", raising=False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("max 100000", 2), ("150000 100000", 1), ("50000 100000", 1), ("200000 100000", 2), ("800000 100000", 2)],
)
def test_a_cgroup_v2_quota_caps_the_cores(machine, tmp_path, text, expected):
    root, own = _v2(tmp_path, {"": text})
    assert cpus.cores(root, own) == expected


def test_the_smallest_quota_on_the_way_up_applies(machine, tmp_path):
    root, own = _v2(tmp_path, {"": "max 100000", "user.slice": "120000 100000", "user.slice/build": "max 100000"})
    own.write_text("0::/user.slice/build\n")
    assert cpus.cgroup_cpus(root, own) == 1.2 and cpus.cores(root, own) == 1
    # A container whose /proc/self/cgroup names the host's path: its own root counts.
    own.write_text("0::/system.slice/docker-123.scope\n")
    (root / "cpu.max").write_text("100000 100000\n")
    assert cpus.cores(root, own) == 1


@pytest.mark.parametrize(
    ("quota", "period", "expected"), [("-1", "100000", 2), ("150000", "100000", 1), ("400000", "100000", 2)]
)
@pytest.mark.parametrize("folder", ["cpu", "cpu,cpuacct"])
def test_a_cgroup_v1_quota_caps_the_cores(machine, tmp_path, quota, period, expected, folder):
    root, own = _v1(tmp_path, quota, period, folder)
    assert cpus.cores(root, own) == expected


@pytest.mark.parametrize("text", ["", "max", "abc 100000", "100000 0", "0 100000", "9" * 5000 + " 1", "\xff"])
def test_unreadable_quotas_count_as_none(machine, tmp_path, text):
    root, own = _v2(tmp_path, {"": text})
    assert cpus.cgroup_cpus(root, own) is None and cpus.cores(root, own) == 2
    assert cpus.cgroup_cpus(tmp_path / "brak", tmp_path / "brak") is None


def test_wiazki_cores_overrides_the_count(machine, tmp_path, monkeypatch, caplog):
    root, own = _v2(tmp_path, {"": "150000 100000"})
    monkeypatch.setenv("WIAZKI_CORES", "2")
    assert cpus.cores(root, own) == 2
    monkeypatch.setenv("WIAZKI_CORES", "1")
    assert cpus.cores(tmp_path / "brak", tmp_path / "brak") == 1
    with caplog.at_level(logging.WARNING, logger="wiazki"):
        for _ in range(2):
            monkeypatch.setenv("WIAZKI_CORES", "dwa")
            assert cpus.cores(root, own) == 1
            monkeypatch.setenv("WIAZKI_CORES", "0")
            assert cpus.cores(tmp_path / "brak", tmp_path / "brak") == 2
    # Each record once: caplog sees them twice where the plugin forwards them to MkDocs' loggers.
    warnings = [r.getMessage() for r in {id(r): r for r in caplog.records if r.name == "wiazki.cpus"}.values()]
    assert warnings == [
        "zmienna WIAZKI_CORES musi być liczbą rdzeni od 1 do 9999 (jest 'dwa'); pominięto ją",
        "zmienna WIAZKI_CORES musi być liczbą rdzeni od 1 do 9999 (jest '0'); pominięto ją",
    ]


def test_no_fork_under_a_quota_of_less_than_two_cpus_or_with_wiazki_cores_1(alone, tmp_path, monkeypatch):
    monkeypatch.delenv("WIAZKI_CORES", raising=False)
    fork = workers.can_fork()  # this machine: two cores, no quota (see `alone`)
    items = list(range(4 * workers.CHUNK))

    def forked() -> set[int]:
        """The processes other than this one that ran a job or checked an item."""
        with workers.Beside([os.getpid]) as beside:
            job = beside.result(0)
        return ({pid for _, pid in workers.check_all(items, _pid, parallel=True)} | {job}) - {os.getpid()}

    assert len(forked()) == (2 if fork else 0)
    root, own = _v2(tmp_path, {"": "150000 100000"})
    monkeypatch.setattr(cpus, "CGROUP_ROOT", root)
    monkeypatch.setattr(cpus, "OWN_CGROUPS", own)
    assert forked() == set()
    (root / "cpu.max").write_text("200000 100000\n")
    assert len(forked()) == (2 if fork else 0)
    monkeypatch.setenv("WIAZKI_CORES", "1")
    assert forked() == set()


def test_a_build_under_a_quota_of_one_and_a_half_cpus_does_not_fork(alone, tmp_path, monkeypatch):
    import sitehelpers as h

    project = h.make_project(tmp_path / "projekt")
    h.fixture_content(project / "content")
    monkeypatch.delenv("WIAZKI_CORES", raising=False)
    fork = workers.can_fork()
    forks: list[int] = []
    executor = workers._executor
    monkeypatch.setattr(workers, "_executor", lambda: forks.append(1) or executor())
    h.build(project, site_dir=tmp_path / "dwa")
    assert bool(forks) is fork, "the search documents beside the pages: a worker"
    forks.clear()
    root, own = _v2(tmp_path, {"": "150000 100000"})
    monkeypatch.setattr(cpus, "CGROUP_ROOT", root)
    monkeypatch.setattr(cpus, "OWN_CGROUPS", own)
    h.build(project, site_dir=tmp_path / "jeden")
    assert forks == []
    assert (tmp_path / "jeden" / "index.html").read_bytes() == (tmp_path / "dwa" / "index.html").read_bytes()
