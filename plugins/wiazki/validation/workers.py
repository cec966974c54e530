"""Checking many files on two cores: one worker process takes files from the front of
the list while this process takes them from the back.

A file's own checks (YAML, schema, the file's rules) need nothing from the other
files, so they split cleanly; the rules across files run afterwards, in this process,
on the whole content. The worker is a fork of this process (Linux only): it starts in
milliseconds with the checks already imported, and, unlike a fresh interpreter
(`spawn`), it does not run the caller's script again. A fork is taken only while this
process has a single thread, so no lock held by another thread can be copied into it
(`mkdocs serve` has threads once serving: its rebuilds check only the changed files,
in this process). Elsewhere, and below `PARALLEL_FROM` files, everything runs here.
Measured on 1,000 bundles (benchmarks/bench_build.py's content, a 2-core machine):
3.1 s in one process, see README for the figure with the worker.

Work stealing: the files go in chunks; the worker's queue holds at most two of them,
and this process cancels the chunks the worker has not started and checks them
itself, so a slow worker start or a busy second core never makes the whole wait.
Results are the same objects either way (documents and problems travel by pickle,
positions as plain indices, validation/positions.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from wiazki.format.teryt import Register, load_register

#: Fewer files than this are checked in this process (a worker costs about 0.3 s).
PARALLEL_FROM = 200
#: Files per chunk: small enough to balance two cores, large enough to keep the
#: pickling of each call (one document is about 15 KB) a small share.
CHUNK = 25

Item = TypeVar("Item")
Out = TypeVar("Out")

_register: Register | None = None


def _start_worker(register: Register | None) -> None:
    global _register
    _register = register


def _work(check: Callable[[Item, Register], Out], chunk: Sequence[Item]) -> list[Out]:
    """In the worker: the register it was started with (None: the shipped one)."""
    register = _register if _register is not None else load_register()
    return [check(item, register) for item in chunk]


def cores() -> int:
    """CPUs this process may run on (a container's limit, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def check_all(
    items: Sequence[Item],
    check: Callable[[Item, Register], Out],
    register: Register | None = None,
    parallel: bool | None = None,
) -> list[Out]:
    """`[check(item, register) for item in items]`, in order, on two cores when it pays.

    `check` must be a module-level function (it is sent to the worker by name);
    `register` None means the shipped TERYT register.
    `parallel`: None decides by size and cores, False forces one process (True asks
    for the worker even for a few items; tests). Either way the result is the same.
    A worker that cannot start or dies (no `sem_open` in a sandbox, killed for
    memory) costs nothing but time: its chunks are checked here.
    """
    if parallel is None:
        parallel = len(items) >= PARALLEL_FROM and cores() > 1
    # A fork copies locks as they are: only from a process with no other thread.
    parallel = parallel and sys.platform.startswith("linux") and threading.active_count() == 1
    here = register if register is not None else load_register()

    def run(chunk: Sequence[Item]) -> list[Out]:
        return [check(item, here) for item in chunk]

    if not parallel or not items:
        return run(items)
    chunks = [items[start : start + CHUNK] for start in range(0, len(items), CHUNK)]
    results: list[list[Out] | None] = [None] * len(chunks)
    try:
        executor = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker, initargs=(register,)
        )
    except (OSError, ImportError, NotImplementedError):
        return run(items)
    try:
        futures: list[Future[list[Out]]] = []
        with contextlib.suppress(OSError, RuntimeError, BrokenProcessPool):  # then all are checked here
            futures = [executor.submit(_work, check, chunk) for chunk in chunks]
        for index in range(len(chunks) - 1, -1, -1):
            if index < len(futures) and not futures[index].cancel():
                break  # the worker has this one and every one before it
            results[index] = run(chunks[index])
        for index, future in enumerate(futures):
            if results[index] is None:
                try:
                    results[index] = future.result()
                except (BrokenProcessPool, OSError):
                    results[index] = run(chunks[index])
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
    return [out for chunk_results in results for out in (chunk_results or [])]
