"""The search index's temporary folders and Pagefind runs: gone however a build ends.

A build writes the documents Pagefind reads into a `wiazki-search-*` folder of the
temporary directory (and, where the machine has one, a `…-documents` folder in RAM:
`WIAZKI_RAM_DIR`, default /dev/shm), and runs Pagefind on them. They go:

- after the build, or on an error (`remove_documents`, `stop`);
- on an exception MkDocs does not report to the plugin (Ctrl-C's KeyboardInterrupt), at
  the exit of the process (atexit);
- on SIGTERM or SIGHUP, the same way: while anything here is held, the two signals
  unwind the build as Ctrl-C does (wiazki/termination.py);
- after SIGKILL (or the OOM killer, a power cut of the container), nothing of the
  killed process runs: the next build removes them. Each folder is locked (`flock`) by
  the process that made it for as long as it holds it; the kernel drops the lock when
  that process ends, whatever ends it, so a later build's `documents_folder` removes
  every `wiazki-search-*` folder of this user that no process has locked and that is
  older than `STALE_AFTER` (its maker may not have locked it yet).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import subprocess
import tempfile
import time
from pathlib import Path

from wiazki import termination

try:
    import fcntl
except ImportError:  # not on Windows: no lock, so no folder is ever taken for a stale one
    fcntl = None  # type: ignore[assignment]

#: The name every temporary folder of the search index starts with.
PREFIX = "wiazki-search-"
#: Seconds: an unlocked folder younger than this may be one whose maker has not yet
#: locked it (microseconds after making it); it is left alone.
STALE_AFTER = 60.0

#: This process's folders not yet removed, each with the descriptors holding its locks
#: (its own and its RAM folder's).
_LEFT: dict[Path, list[int]] = {}
#: Pagefind runs not yet stopped or waited for.
_RUNNING: set[subprocess.Popen[bytes]] = set()
_OWNER = os.getpid()


@atexit.register
def _clean_up_at_exit() -> None:
    if os.getpid() != _OWNER:  # a forked worker leaves them to the process that made them
        return
    termination.closing()
    for process in list(_RUNNING):
        stop(process)
    for folder in list(_LEFT):
        remove_documents(folder)


def _guard() -> None:
    """SIGTERM and SIGHUP unwind the build while anything here is held (termination.py)."""
    termination.guard(bool(_LEFT or _RUNNING))


def started(process: subprocess.Popen[bytes]) -> None:
    """Note a Pagefind run for `stop` at the latest at the exit of this process."""
    _RUNNING.add(process)
    _guard()


def stop(process: subprocess.Popen[bytes]) -> None:
    """Kill a Pagefind run if it still runs and wait for it (idempotent)."""
    if process.poll() is None:
        process.kill()
        process.wait()
    _RUNNING.discard(process)
    _guard()


def _lock(folder: Path) -> int | None:
    """A descriptor holding an exclusive lock on `folder`; None when another holds one."""
    if fcntl is None:
        return None
    try:
        descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(descriptor)
        return None
    return descriptor


def documents_folder() -> Path:
    """A new temporary folder for `prepare_documents`, owned by this process even when
    another fills it: `IndexJob` takes it over; `remove_documents` or this process's exit
    removes it. Removes other builds' folders left behind first (`remove_stale`)."""
    termination.guard(True)
    remove_stale()
    with termination.deferred():  # never a folder made and not yet noted
        folder = Path(tempfile.mkdtemp(prefix=PREFIX))
        locks = [descriptor for descriptor in [_lock(folder)] if descriptor is not None]
        _LEFT[folder] = locks
        with contextlib.suppress(OSError):  # no RAM folder: the documents go into `folder`
            os.mkdir(_in_ram(folder), 0o700)
            locks += [descriptor for descriptor in [_lock(_in_ram(folder))] if descriptor is not None]
    return folder


def _in_ram(folder: Path) -> Path:
    """Where the documents of `folder` go when the machine has a RAM file system
    (`WIAZKI_RAM_DIR`, default /dev/shm). Pagefind only reads them; on a disk each of
    the thousand folders and files costs a journal write (0.8 s of the 3.7 s the search
    documents took at 1,000 bundles, make bench)."""
    return _ram_dir() / f"{folder.name}-documents"


def _ram_dir() -> Path:
    return Path(os.environ.get("WIAZKI_RAM_DIR") or "/dev/shm")


def documents_of(folder: Path) -> Path:
    """The folder of the HTML documents Pagefind reads for a `documents_folder`: in RAM
    when `documents_folder` could make it there, else `folder/documents`."""
    in_ram = _in_ram(folder)
    return in_ram if in_ram.is_dir() else folder / "documents"


def remove_documents(folder: Path) -> None:
    """Remove a folder of `documents_folder`, with its documents in RAM (idempotent)."""
    shutil.rmtree(_in_ram(folder), ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    for descriptor in _LEFT.pop(folder, []):
        with contextlib.suppress(OSError):
            os.close(descriptor)
    _guard()


def remove_stale(now: float | None = None) -> list[Path]:
    """Remove the `wiazki-search-*` folders of the temporary and RAM directories that
    belong to this user, are older than `STALE_AFTER` seconds and that no process has
    locked (their build was killed outright); returns them. Never raises."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    if fcntl is None:
        return removed
    for base in dict.fromkeys([Path(tempfile.gettempdir()), _ram_dir()]):
        try:
            entries = [entry for entry in os.scandir(base) if entry.name.startswith(PREFIX)]
        except OSError:
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or now - info.st_mtime < STALE_AFTER:
                continue
            if path in _LEFT or any(path == _in_ram(folder) for folder in _LEFT):
                continue  # this process's own
            descriptor = _lock(path)
            if descriptor is None:
                continue  # its build is alive
            try:
                shutil.rmtree(path, ignore_errors=True)
            finally:
                os.close(descriptor)
            removed.append(path)
    return removed
