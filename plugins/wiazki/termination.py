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
signal while the first unwinds, Ctrl-C included, is ignored (a second Ctrl-C cut the
clean-up: folders stayed): clean-up (a kill, a folder removed) takes well under a
second. One `GRACE` seconds after the first ends the process at once, as SIGKILL always
does (search/scratch.py then leaves the folders to the next build).

One more way a signal is lost, which this module mends for Ctrl-C as well: Python runs a
signal's handler at its next check in the main thread, and when that falls inside a
finaliser or a weakref callback (`__del__`, a `WeakValueDictionary`'s clean-up: the
executor of wiazki/cores.py makes many), the exception it raises cannot propagate.
Python prints "Exception ignored in …" and goes on: the build ran to its end after
Ctrl-C, and a loop never ended (tests/test_cores.py, once in CI). Importing this module
installs a `sys.unraisablehook` that sends such a `KeyboardInterrupt` or `Terminated`
to the main thread again instead, as its signal, so that it is raised where it can
propagate.
"""

from __future__ import annotations

import _thread
import contextlib
import os
import signal
import sys
import threading
import time
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
#: Seconds after the first signal in which later ones are ignored (clean-up takes well
#: under one); a signal after that ends the process at once, by the signal's default.
GRACE = 5.0
#: `time.monotonic()` when `_ending` became true.
_ending_since = 0.0
#: True once the handler wrote its line (a signal sent again by `_unraisable` writes none).
_announced = False
#: Inside `deferred`: a signal is kept here and raised when the block ends.
_deferring = 0
_pending: int | None = None
#: Ctrl-C came inside `deferred`.
_interrupted = False


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
        _repeat(signum)
        return
    if _deferring:
        _pending = signum
        return
    global _announced, _ending_since
    _ending, _ending_since = True, time.monotonic()
    if not _announced:
        _announced = True
        sys.stderr.write(f"wiazki: przerwano sygnałem {signal.Signals(signum).name}\n")
    raise Terminated(signum)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    """Ctrl-C while guarding: KeyboardInterrupt, as Python's default, the first time only
    (a second Ctrl-C while the first unwinds cut the clean-up: temporary folders stayed)."""
    global _ending, _ending_since
    if _ending and _before:
        _repeat(signum)
        return
    _ending, _ending_since = True, time.monotonic()
    raise KeyboardInterrupt


def _repeat(signum: int) -> None:
    """A signal while the process ends: ignored for `GRACE` seconds after the first one,
    then the default, at once (a clean-up that hangs must not hold the process)."""
    if time.monotonic() - _ending_since >= GRACE:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


def guard(on: bool) -> None:
    """`on`: SIGTERM and SIGHUP raise `Terminated` from now on (where their disposition is
    the default and this is the main thread), and Ctrl-C raises KeyboardInterrupt once
    (where Python's default handler has it); off: their earlier dispositions return.
    Idempotent; cheap (a system call per signal when the state changes). Off has no effect
    once a signal (or `closing`) began to end the process: it is on its way out, and a
    second Ctrl-C would cut the rest of the unwinding."""
    global _owner, _ending
    if threading.current_thread() is not threading.main_thread():
        return
    with contextlib.suppress(ValueError, OSError):
        if on and not _before:
            global _announced
            _owner, _ending, _announced = os.getpid(), False, False
            for signum in SIGNALS:
                if signal.getsignal(signum) == signal.SIG_DFL:
                    _before[signum] = signal.signal(signum, _handler)
            if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
                _before[signal.SIGINT] = signal.signal(signal.SIGINT, _interrupt)
        elif not on and _before and not _ending:  # unwinding: later signals stay ignored
            while _before:
                signum, disposition = _before.popitem()
                signal.signal(signum, disposition)
            _ending = False


def forget() -> None:
    """In a fork (wiazki/cores.py's worker): the default dispositions back, so that the
    signals end it at once; the parent cleans up for both."""
    global _owner
    for signum in [signum for signum in _before if signum in SIGNALS]:  # Ctrl-C: the worker's own
        with contextlib.suppress(ValueError, OSError):
            signal.signal(signum, signal.SIG_DFL)
    _before.clear()
    _owner = 0


def closing() -> None:
    """Clean-up at exit has begun: later signals no longer interrupt it. When a signal is
    what ends the process, they are ignored from now on: Python gives the default back to
    its own handlers as it finalises, and a Ctrl-C in those last milliseconds ended the
    process by the signal (exit code -2) instead of 1, 143 or 129."""
    global _ending, _ending_since
    ending, _ending = _ending, True
    _ending_since = _ending_since if ending else time.monotonic()
    if ending and _before and os.getpid() == _owner and threading.current_thread() is threading.main_thread():
        for signum in _before:
            with contextlib.suppress(ValueError, OSError):
                signal.signal(signum, signal.SIG_IGN)


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """A signal during the block is raised when it ends (SIGTERM and SIGHUP as `Terminated`,
    Ctrl-C as KeyboardInterrupt), so that the block is never cut in two: make a folder
    and note it for clean-up; start or stop wiazki/cores.py's worker, whose executor
    (concurrent.futures, multiprocessing) is not safe from an exception at any point:
    Ctrl-C there left a thread that could not be joined, a lock held, a finaliser half
    made. Keep such blocks short: nothing in them waits for long.

    Ctrl-C is deferred only while its handler is Python's default (KeyboardInterrupt).
    Only in the main thread, where handlers run; elsewhere (Pagefind started from the
    thread that receives the worker's answers, wiazki/cores.py) the block runs as it is:
    the main thread, unwinding, waits for that thread before the clean-up at exit."""
    global _deferring, _pending, _interrupted
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    # `signal.signal` first runs the handler of a signal already arrived: before the block.
    held = signal.getsignal(signal.SIGINT)
    hold = not _deferring and held in (signal.default_int_handler, _interrupt)
    if hold:
        signal.signal(signal.SIGINT, _hold_interrupt)
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if hold:
            signal.signal(signal.SIGINT, held)
        if not _deferring and _pending is not None:
            signum, _pending = _pending, None
            _handler(signum, None)
        if not _deferring and _interrupted:
            _interrupted = False
            if held is _interrupt:
                _interrupt(signal.SIGINT, None)  # raises, or ignores a second one
            else:
                raise KeyboardInterrupt


def _hold_interrupt(signum: int, frame: FrameType | None) -> None:
    global _interrupted
    _interrupted = True


def _unraisable(unraisable: Any) -> None:
    """`sys.unraisablehook`: an interrupt raised where it could not propagate (see the
    module's docstring) is sent again, as its signal, to the main thread; anything else
    goes to the hook that was there before."""
    global _ending
    error = unraisable.exc_value
    if isinstance(error, Terminated):
        signum = error.signum
    elif isinstance(error, KeyboardInterrupt):
        signum = signal.SIGINT
    else:
        _previous_hook(unraisable)
        return
    # Only to a handler in Python (the default raises KeyboardInterrupt; `_handler`): a
    # signal with its default disposition would end the process without clean-up.
    if callable(signal.getsignal(signum)) and os.getpid() == (_owner or os.getpid()):
        _ending = False  # `_handler` or `_interrupt` set it; it must raise once more
        # Sent from another thread: a signal raised by anything called here (`os.kill`,
        # even `_thread.interrupt_main`) would be raised inside this hook at once, and
        # lost again. The new thread runs once this one lets go of the interpreter's lock
        # (Python's switch interval, 5 ms, or a wait), long after this hook returned;
        # `pthread_kill` also ends a wait the main thread may be in.
        try:
            _thread.start_new_thread(_send, (threading.main_thread().ident, signum))
            return
        except RuntimeError:  # no new thread at the interpreter's exit: said as Python says it
            pass
    _previous_hook(unraisable)


def _send(thread: int | None, signum: int) -> None:
    if thread is not None:  # the main thread's id: it runs
        with contextlib.suppress(OSError, ValueError):
            signal.pthread_kill(thread, signum)


_previous_hook = sys.unraisablehook
if getattr(_previous_hook, "__qualname__", "") != "_unraisable":  # imported twice (tests reload)
    sys.unraisablehook = _unraisable
