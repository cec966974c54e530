"""Using the second core: a forked worker process beside this one.

A build is CPU-bound Python (one core for the interpreter) on machines with two or
more; this module puts the second one to work in two shapes:

- `check_all`: the same check over many items (validation: one YAML file each), the
  worker taking chunks from the front of the list while this process takes them
  from the back (work stealing: a worker slow to start never makes the whole wait);
- `Beside`: a few independent jobs (the search documents and their dictionary) run
  one after another in the worker while this process does something else (the pages
  and the open data).

The worker is a fork of this process (Linux only): it starts in milliseconds with
everything imported and built, and does not run the caller's script again (`spawn`
would). A fork is taken only while this process has a single thread, so no lock held
by another thread is copied (`mkdocs serve`'s rebuilds run here). Elsewhere, or when
the worker cannot start or dies (no `sem_open` in a sandbox, killed for memory),
everything runs here: the same results, only slower. Results travel back by pickle
with the log records the worker wrote (worker_logs.py: MkDocs shows and counts them);
how many cores there are: cpus.py (affinity, cgroup CPU quota, WIAZKI_CORES).

The worker never outlives its use: it ignores Ctrl-C (this process answers it and
kills the worker whose results nobody will read), SIGTERM and SIGHUP end it at once
(this process unwinds as on Ctrl-C: termination.py), and it dies with this process
even when this one is killed outright.
"""

from __future__ import annotations

import _thread
import contextlib
import ctypes
import gc
import mmap
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from wiazki import termination, worker_logs
from wiazki.cpus import cores

#: Fewer items than this are checked in this process (a worker costs about 0.1 s of
#: start and pickling; a YAML file about 3 ms to check).
PARALLEL_FROM = 200
#: Items per chunk: small enough to balance two cores, large enough to keep the
#: pickling of each call (one document is about 15 KB) a small share.
CHUNK = 25

#: prctl(2): the signal a process gets when its parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1

Item = TypeVar("Item")
Out = TypeVar("Out")

#: What the worker was forked with: `check_all`'s context, `Beside`'s jobs.
_context: Any = None
#: `check_all`'s chunks, 1 once taken by either process (memory both share).
_taken: Any = None
_jobs: Sequence[Callable[[], Any]] = ()


def can_fork() -> bool:
    """True when a worker may be forked now: Linux, two cores or more (`cpus.cores`: the
    container's CPU quota and WIAZKI_CORES count), no other thread."""
    return sys.platform.startswith("linux") and cores() > 1 and threading.active_count() == 1


def _start_worker(parent: int) -> None:
    # Ctrl-C reaches the whole foreground process group: the parent answers it and
    # stops the worker (`_stop`), which would otherwise print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # SIGTERM and SIGHUP end it at once (the parent's handler unwinds the parent only).
    termination.forget()
    # A parent killed outright (SIGKILL, the OOM killer) never sends the worker its
    # "stop": without this the worker would wait on its queue for ever.
    with contextlib.suppress(Exception):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that line
        os._exit(1)
    worker_logs.hold_records()  # each answer carries them to the parent (`_in_worker`)


def _in_worker(call: Callable[..., Out], *args: Any) -> list[Any]:
    """In the worker: `[call(*args), log records it wrote]`; an exception carries its
    records as `wiazki_log` (an exception's attributes travel with its pickle)."""
    try:
        value = call(*args)
    except Exception as exc:
        with contextlib.suppress(AttributeError):
            setattr(exc, "wiazki_log", worker_logs.take())  # noqa: B010 - not an attribute of Exception
        raise
    return [value, worker_logs.take()]


def _settled(future: Future[Any]) -> Future[Any]:
    """`future`, once done, waited for on a lock of our own: Ctrl-C in `Future.result` could
    leave the future's lock held, and the executor's thread waited for it for ever."""
    with termination.deferred():
        if future.done():
            return future
        arrived = _thread.allocate_lock()
        arrived.acquire()
        future.add_done_callback(lambda _: arrived.release())
    arrived.acquire()
    return future


def _answer(future: Future[Any]) -> Any:
    """The value of `_in_worker`'s future (or its exception), its log records first
    handled here, once (`worker_logs.replay`: MkDocs counts the warnings)."""
    future = _settled(future)
    try:
        with termination.deferred():  # done: `result` does not wait
            value, records = future.result()
    except Exception as exc:
        records = getattr(exc, "wiazki_log", None) or []
        worker_logs.replay(records)
        records.clear()
        raise
    worker_logs.replay(records)
    records.clear()
    return value


def _executor() -> ProcessPoolExecutor | None:
    try:
        with termination.deferred():  # Ctrl-C never cuts the executor's making in two
            return ProcessPoolExecutor(
                1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker, initargs=(os.getpid(),)
            )
    except (OSError, ImportError, NotImplementedError, ValueError):
        return None


def _stop(executor: ProcessPoolExecutor, abandon: bool, futures: Sequence[Future[Any]], cancel: bool = False) -> None:
    """Shut the worker down once its `futures` are answered (`cancel`: those not begun are
    cancelled), or kill it at once when its results are abandoned (an exception, Ctrl-C).
    Only the wait for answers can be interrupted (it then abandons them); the rest runs in
    `termination.deferred`: concurrent.futures is safe neither from an exception at any
    point nor from a worker killed while it is shut down (the build hung, rarely)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    answers = getattr(executor, "_result_queue", None)
    thread = getattr(executor, "_executor_manager_thread", None)
    try:
        for future in () if abandon else futures:
            if cancel:
                with termination.deferred():
                    future.cancel()  # not begun: never will be
            _settled(future)
    except BaseException:  # Ctrl-C or SIGTERM while waiting: nobody will read them
        abandon = True
        raise
    finally:
        with termination.deferred():
            if abandon:
                _kill(processes, answers)
            executor.shutdown(wait=False)
            # All answered, or the worker dead: the thread ends it in milliseconds.
            if thread is not None and thread.ident is not None:  # started (`submit` starts it)
                thread.join(30)
            if not abandon:
                with contextlib.suppress(OSError, AttributeError):
                    answers.close()  # type: ignore[union-attr]  # as `shutdown(wait=True)` would


def _kill(processes: Sequence[Any], answers: Any) -> None:
    # The Process objects, not their ids: one already reaped is never signalled.
    for process in processes:
        with contextlib.suppress(OSError, ValueError):
            process.kill()
    # A worker killed while it sent an answer (a chunk of validated files is hundreds of
    # KB, several writes) leaves half a message in the pipe: the executor's thread would
    # wait in `recv` for the rest for ever, and `shutdown` with it (Ctrl-C hung the build
    # about one time in two). This process's end of the pipe is its last writer once the
    # worker is dead: closed, the thread reads the end of the pipe and gives up.
    writer = getattr(answers, "_writer", None)
    with contextlib.suppress(OSError, AttributeError):
        writer.close()  # type: ignore[union-attr]


@contextlib.contextmanager
def _frozen() -> Iterator[None]:
    """While the worker lives, the heap both processes share (the catalogue, every
    document) stays in the garbage collector's permanent generation, in the worker and
    here: a collection would walk it, and so copy it page by page. Measured at 1,000
    bundles (make bench's content): the search documents took 1.96–2.12 s in the worker
    without it, 1.55–1.67 s with it (1.15 s alone in a fresh process), and the build
    0.4–0.9 s less. This process collects as before once the block ends."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _work(check: Callable[[Item, Any], Out], chunk: Sequence[Item], index: int) -> list[Out] | None:
    if _taken[index]:
        return None  # this process checked it
    _taken[index] = 1
    return [check(item, _context) for item in chunk]


def check_all(
    items: Sequence[Item],
    check: Callable[[Item, Any], Out],
    context: Any = None,
    parallel: bool | None = None,
) -> list[Out]:
    """`[check(item, context) for item in items]`, in order, on two cores when it pays.

    `check` must be a module-level function (it is sent to the worker by name); the
    worker gets `context` by the fork, not by pickle. `parallel`: None decides by the
    number of items, False keeps everything here (True asks for the worker even for a
    few items; tests). Exceptions `check` raises propagate as they would here.
    """
    global _context, _taken

    def run(chunk: Sequence[Item]) -> list[Out]:
        return [check(item, context) for item in chunk]

    if parallel is None:
        parallel = len(items) >= PARALLEL_FROM
    if not (parallel and items and can_fork()):
        return run(items)
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    results: list[list[Out] | None] = [None] * len(chunks)
    executor = _executor()
    if executor is None:
        return run(items)
    # Each process marks a chunk taken before it checks it: the worker from the front,
    # this one from the back, until this one meets a chunk the worker took. Not
    # `Future.cancel`: a worker that dies with a cancelled future pending crashes the
    # executor's thread in Python 3.11 (InvalidStateError, python/cpython#107219),
    # which leaves a thread behind and so no fork for the rest of the build. Both
    # may take the last chunk at one instant: it is then checked twice, same result.
    _context, _taken = context, mmap.mmap(-1, len(chunks))
    abandon = True
    thaw = contextlib.ExitStack()
    thaw.enter_context(_frozen())  # until the worker is gone (see `_frozen`)
    futures: list[Future[list[Out] | None]] = []
    try:
        with contextlib.suppress(OSError, RuntimeError, BrokenProcessPool), termination.deferred():  # else all here
            futures = [executor.submit(_in_worker, _work, check, chunk, index) for index, chunk in enumerate(chunks)]
        for index in range(len(chunks) - 1, -1, -1):
            if futures and _taken[index]:
                break  # the worker has this one and every one before it
            _taken[index] = 1
            results[index] = run(chunks[index])
        for index, future in enumerate(futures):
            if results[index] is None:
                with contextlib.suppress(BrokenProcessPool, OSError):
                    results[index] = _answer(future)
                if results[index] is None:  # the worker died
                    results[index] = run(chunks[index])
        abandon = False
    finally:
        _context, _taken = None, None
        _stop(executor, abandon, futures)
        thaw.close()
    return [out for chunk_results in results for out in (chunk_results or [])]


def _run_here(job: Callable[[], Any]) -> Future[Any]:
    """`job()` now, its value or exception kept in a finished future."""
    future: Future[Any] = Future()
    try:
        future.set_result(job())
    except Exception as exc:
        future.set_exception(exc)
    return future


def _job(index: int) -> Any:
    return _jobs[index]()


class Beside:
    """Jobs run one after another in a forked worker while this process goes on.

        with Beside([make_data_files, write_search_documents]) as beside:
            pages = render_pages()             # meanwhile, here
            data = beside.result(0)            # waits for the worker's answer

    Each job is a function without arguments; the worker gets it (and everything it
    refers to) by the fork, as the objects were when `Beside` was made. A job that
    must change this process's state must do it with its result. `result(i)` returns
    job i's return value or raises its exception. When no worker can start, the jobs
    run here at once, so they see the same state either way; when the worker dies, a
    job it had not finished runs here, at that call. `close()` (or the `with` block's
    end) stops the worker.
    """

    def __init__(self, jobs: Sequence[Callable[[], Any]], parallel: bool | None = None) -> None:
        global _jobs
        self._jobs = list(jobs)
        self._futures: list[Future[Any]] = []
        self._executor = _executor() if (parallel is not False and self._jobs and can_fork()) else None
        if self._executor is not None:
            _jobs = self._jobs
            try:
                # The first submit forks the worker: it sees `_jobs` as they are now.
                self._thaw = contextlib.ExitStack()
                self._thaw.enter_context(_frozen())  # until `close` (see `_frozen`)
                with termination.deferred():  # Ctrl-C never cuts the fork or a hand-over in two
                    self._futures = [self._executor.submit(_in_worker, _job, index) for index in range(len(self._jobs))]
            except (OSError, RuntimeError, BrokenProcessPool):
                self.close()
            except BaseException:  # Ctrl-C or SIGTERM meanwhile: no `with` block will close it
                self.close(abandon=True)
                raise
            finally:
                _jobs = ()
        if not self._futures:
            self._futures = [_run_here(job) for job in self._jobs]
            self._here = True

    _here = False
    _thaw: contextlib.ExitStack | None = None

    @property
    def forked(self) -> bool:
        """True when the jobs went to a worker process."""
        return not self._here

    def done(self, index: int) -> bool:
        """True when `result(index)` will not wait."""
        with termination.deferred():  # the future's lock is never left held (`_settled`)
            return self._futures[index].done()

    def on_result(self, index: int, callback: Callable[[Any], None]) -> None:
        """Call `callback(value)` once job `index` has returned `value`: at once (in this
        thread) when it already has, else in the thread that receives the worker's
        answers, the moment it arrives. Never when the job failed or the worker died:
        `result(index)` reports that (or runs the job again here). An exception the
        callback raises is dropped: the caller calls it again with `result(index)`."""

        def call(future: Future[Any]) -> None:
            if not future.cancelled() and future.exception() is None:
                # The worker's log records stay in the answer: `result` hands them on. An
                # error is dropped, not printed by concurrent.futures with a traceback.
                with contextlib.suppress(Exception):
                    callback(future.result() if self._here else future.result()[0])

        with termination.deferred():  # the future's lock is never left held (`_settled`)
            self._futures[index].add_done_callback(call)

    def result(self, index: int) -> Any:
        try:
            return self._futures[index].result() if self._here else _answer(self._futures[index])
        except (BrokenProcessPool, CancelledError, OSError):
            if self._here:
                raise
        return self._jobs[index]()

    def close(self, abandon: bool = False) -> None:
        """Stop the worker: after its jobs, or at once with `abandon` (the `with` block
        ended by an exception or Ctrl-C)."""
        executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor, abandon, self._futures, cancel=True)
        thaw, self._thaw = self._thaw, None
        if thaw is not None:
            thaw.close()

    def __enter__(self) -> Beside:
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        self.close(abandon=kind is not None)
