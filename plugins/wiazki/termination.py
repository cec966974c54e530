"""SIGTERM and SIGHUP end a build the way Ctrl-C does: the stack unwinds, clean-up runs.

Python's default for SIGTERM (`kill`, `timeout`, a cancelled CI job) and SIGHUP (the
terminal closed) ends the process on the spot: no `finally`, no atexit, so a build's
temporary folders stay and its Pagefind process runs on as an orphan. While a build
holds such things (`guard(True)`, search/scratch.py), the two signals raise
`Terminated` in the main thread instead: `with` blocks close (the worker of
wiazki/cores.py is killed), atexit removes the rest, and the process exits with
128 + the signal's number (143 for SIGTERM, 129 for SIGHUP, as a shell reports a process
the signal ended) and one line on stderr, no traceback. Once nothing is held, the
default returns.

A signal someone else handles or ignores (`nohup` ignores SIGHUP) is left as it is;
so is everything outside the main thread, where Python runs no signal handler. A second
signal while the first unwinds is ignored: clean-up (a kill, a folder removed) takes
well under a second; SIGKILL still ends the process at once (search/scratch.py then
leaves the folders to the next build).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

#: The signals that end a build as Ctrl-C does.
SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

#: The dispositions `guard(True)` replaced, to restore; empty while not guarding.
_before: dict[int, Any] = {}
#: The process that set the handler (a fork inherits it until it calls `forget`).
_owner = 0
#: True from the first signal (or `closing`) until the guard ends: later ones are ignored.
_ending = False
#: Inside `deferred`: a signal is kept here and raised when the block ends.
_deferring = 0
_pending: int | None = None


class Terminated(SystemExit):
    """A build ended by SIGTERM or SIGHUP; the exit code is 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


def _handler(signum: int, frame: FrameType | None) -> None:
    global _ending, _pending
    if os.getpid() != _owner:  # a fork that has not called `forget` yet: the default
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    if _ending:
        return
    if _deferring:
        _pending = signum
        return
    _ending = True
    sys.stderr.write(f"wiazki: przerwano sygnałem {signal.Signals(signum).name}\n")
    raise Terminated(signum)


def guard(on: bool) -> None:
    """`on`: SIGTERM and SIGHUP raise `Terminated` from now on (where their disposition is
    the default and this is the main thread); off: their earlier dispositions return.
    Idempotent; cheap (a system call per signal when the state changes)."""
    global _owner, _ending
    if threading.current_thread() is not threading.main_thread():
        return
    with contextlib.suppress(ValueError, OSError):
        if on and not _before:
            _owner, _ending = os.getpid(), False
            for signum in SIGNALS:
                if signal.getsignal(signum) == signal.SIG_DFL:
                    _before[signum] = signal.signal(signum, _handler)
        elif not on and _before:
            while _before:
                signum, disposition = _before.popitem()
                signal.signal(signum, disposition)
            _ending = False


def forget() -> None:
    """In a fork (wiazki/cores.py's worker): the default dispositions back, so that the
    signals end it at once; the parent cleans up for both."""
    global _owner
    for signum in list(_before):
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, signal.SIG_DFL)
    _before.clear()
    _owner = 0


def closing() -> None:
    """Clean-up at exit has begun: later signals no longer interrupt it."""
    global _ending
    _ending = True


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A signal during the block is raised as `Terminated` when it ends, so that the block
    (make a folder and note it for clean-up) is never cut in two. Only in the main thread,
    where the handler runs; elsewhere (Pagefind started from the thread that receives
    the worker's answers, wiazki/cores.py) the block runs as it is: the main thread,
    unwinding, waits for that thread before the clean-up at exit."""
    global _deferring, _pending
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _pending is not None:
            signum, _pending = _pending, None
            _handler(signum, None)
