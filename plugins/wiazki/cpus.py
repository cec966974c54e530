"""How many CPUs this process may use: affinity, a container's CPU quota, WIAZKI_CORES.

`os.cpu_count()` is the machine's count, and even `os.sched_getaffinity` (Python 3.13's
`os.process_cpu_count`) ignores a CPU quota: a container limited to 1.5 CPUs on a
16-core host would fork a worker that only shares the same 1.5 CPUs and pays the fork
and the pickling on top. The quota is read as loky (`_cpu_count_cgroup`), the JVM and
Go's runtime read it: cgroup v2 `cpu.max` ("max 100000" or "150000 100000": quota and
period in microseconds), cgroup v1 `cpu.cfs_quota_us` (-1: none) and `cpu.cfs_period_us`,
in the process's own cgroup (`/proc/self/cgroup`) and each cgroup above it, the
smallest one applying. Unlike loky and the JVM (which round up), a quota is rounded
down: 1.5 CPUs count as one, so that a second process runs only where two whole CPUs are.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path, PurePosixPath

log = logging.getLogger(__name__)

#: Where cgroup file systems are mounted (v2 at the root, v1 one folder per controller).
CGROUP_ROOT = Path("/sys/fs/cgroup")
#: This process's cgroups: "0::/path" (v2), "4:cpu,cpuacct:/path" (v1).
OWN_CGROUPS = Path("/proc/self/cgroup")
#: Folders of the v1 cpu controller, as systemd and Docker mount it.
_V1_FOLDERS = ("cpu", "cpu,cpuacct", "cpuacct,cpu")
#: The override: a whole number of CPUs, 1 to 9999.
_OVERRIDE = re.compile(r"[1-9][0-9]{0,3}")
_warned: set[str] = set()


def cores(root: Path | None = None, own: Path | None = None) -> int:
    """CPUs this process may use, at least 1: `WIAZKI_CORES` when set (e.g. 1: never a
    second process), else the CPUs it may run on (affinity; `os.cpu_count()` off Linux)
    capped by the cgroup CPU quota (`cgroup_cpus`, rounded down). A `WIAZKI_CORES` that is
    not a whole number from 1 to 9999 is logged once as a warning and ignored."""
    override = os.environ.get("WIAZKI_CORES", "").strip()
    if _OVERRIDE.fullmatch(override):
        return int(override)
    if override and override not in _warned:
        _warned.add(override)
        log.warning("zmienna WIAZKI_CORES musi być liczbą rdzeni od 1 do 9999 (jest %r); pominięto ją", override[:20])
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    quota = cgroup_cpus(root, own)
    return max(1, min(count, int(quota))) if quota is not None else max(1, count)


def cgroup_cpus(root: Path | None = None, own: Path | None = None) -> float | None:
    """The CPU quota of this process's cgroups in CPUs (quota / period; 1.5 for
    "150000 100000"), the smallest along the way up; None without a quota or cgroups.

    `root`: where cgroups are mounted (default `CGROUP_ROOT`); `own`: the file listing
    this process's cgroups (default `OWN_CGROUPS`); tests point both at a folder laid out
    as /sys/fs/cgroup. Unreadable or malformed files count as no quota."""
    root, own = root or CGROUP_ROOT, own or OWN_CGROUPS
    paths: dict[str, str] = {}
    try:
        for line in own.read_text(encoding="utf-8", errors="replace").splitlines():
            number, _, rest = line.partition(":")
            controllers, _, path = rest.partition(":")
            if number == "0" and not controllers:
                paths["v2"] = path
            elif "cpu" in controllers.split(","):
                paths["v1"] = path
    except OSError:
        pass
    limits = [_v2_limit(folder) for folder in _up(root, paths.get("v2", "/"))]
    for name in _V1_FOLDERS:
        if (root / name).is_dir():
            limits += [_v1_limit(folder) for folder in _up(root / name, paths.get("v1", "/"))]
    found = [limit for limit in limits if limit is not None]
    return min(found) if found else None


def _up(base: Path, path: str) -> list[Path]:
    """`base/path` and each folder above it up to `base` that exists (in a container
    `path` may be the host's, absent here: then `base` alone)."""
    folders = [base]
    parts = [part for part in PurePosixPath(path).parts if part not in ("/", ".", "..")]
    for depth in range(1, len(parts) + 1):
        folder = base.joinpath(*parts[:depth])
        if not folder.is_dir():
            break
        folders.append(folder)
    return folders


def _v2_limit(folder: Path) -> float | None:
    try:
        quota, period = (folder / "cpu.max").read_text(encoding="ascii").split()
        return _ratio(quota, period)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _v1_limit(folder: Path) -> float | None:
    try:
        quota = (folder / "cpu.cfs_quota_us").read_text(encoding="ascii").strip()
        period = (folder / "cpu.cfs_period_us").read_text(encoding="ascii").strip()
        return _ratio(quota, period)
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _ratio(quota: str, period: str) -> float | None:
    """CPUs of a quota and a period in microseconds ("max" or -1: no quota)."""
    if quota == "max" or not (quota.isdigit() and period.isdigit()) or len(quota) > 18 or len(period) > 18:
        return None
    return int(quota) / int(period) if int(quota) > 0 and int(period) > 0 else None
