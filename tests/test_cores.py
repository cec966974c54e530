"""Checking files on two cores gives the same verdict, positions and documents as one core."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from contentkit import KRAMSK, TODAY, deepcopy, valid_bundle, write_content
from wiazki import cores as workers
from wiazki.validation.validator import ContentValidator


@pytest.fixture
def alone(request):
    """The test where a fork can happen: here when this process has one thread, else
    (a browser test's server thread still runs in this session) also in a fresh pytest
    of its own, which must pass; the body then runs here too, on one core."""
    if threading.active_count() > 1 and not os.environ.get("WIAZKI_TEST_ALONE"):
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", request.node.nodeid],
            cwd=request.config.rootpath,
            env={**os.environ, "WIAZKI_TEST_ALONE": "1"},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    elif os.environ.get("WIAZKI_TEST_ALONE"):
        assert workers.can_fork(), "a fresh pytest has one thread"


def _content(tmp_path):
    """60 bundles: most valid, some with a schema error, a rule error, broken YAML."""
    bundles = {}
    for number in range(60):
        bundle = valid_bundle(f"wiazka-{number:02d}")
        bundle["title"] = f"Wiązka numer {number}"
        if number % 7 == 3:
            bundle["stage"] = "gotowa"  # not in the vocabulary
        if number % 11 == 5:
            bundle["contact"] = {"email": "nie-adres"}
        bundles[bundle["id"]] = bundle
    bundles["zepsuta"] = "id: zepsuta\ntitle: [niedomknięta\n"
    bundles["tabulator"] = "id: tabulator\n\ttitle: x\n"
    return write_content(tmp_path, bundles)


def _summary(result):
    return (
        [(p.path, p.line, p.column, p.severity, p.code, p.message) for p in result.problems],
        sorted(result.broken),
        {key: doc.data for key, doc in result.content.bundles.items()},
    )


def test_two_processes_give_the_verdict_of_one(alone, tmp_path):
    root = _content(tmp_path)
    one = ContentValidator(root, parallel=False)
    two = ContentValidator(root, parallel=True)
    serial, parallel = one.validate(TODAY), two.validate(TODAY)
    assert _summary(parallel) == _summary(serial)
    assert serial.errors, "the fixture has errors to compare"
    assert two.parsed == one.parsed == 65
    # Positions travel with the documents: a rule after the check still finds lines.
    for key, doc in serial.content.bundles.items():
        other = parallel.content.bundles[key]
        for path in list(doc.values)[:40]:
            assert other.position(path) == doc.position(path)
            assert other.key_position(path) == doc.key_position(path)
    # And the cache works the same way: nothing changed, nothing parsed again.
    again = two.validate(TODAY)
    assert two.parsed == 0
    assert _summary(again) == _summary(serial)


def _pid(item, register):
    time.sleep(0.01)
    return item, os.getpid()


def test_the_worker_takes_a_share_and_the_order_is_kept(alone):
    items = list(range(4 * workers.CHUNK))
    fork = workers.can_fork()
    out = workers.check_all(items, _pid, parallel=True)
    assert [item for item, _ in out] == items
    pids = {pid for _, pid in out}
    # Both processes checked files (one where a fork is not allowed: see `alone`).
    assert os.getpid() in pids and len(pids) == (2 if fork else 1)


def _die_in_worker(item, register):
    if os.getpid() != PARENT:
        os._exit(3)  # a worker killed for memory, say
    return item * 2


PARENT = os.getpid()


def test_a_dead_worker_costs_time_not_files(alone):
    items = list(range(3 * workers.CHUNK))
    assert workers.check_all(items, _die_in_worker, parallel=True) == [item * 2 for item in items]


def _die_in_worker_later(item, register):
    if os.getpid() != PARENT:
        time.sleep(0.1)  # this process has taken its chunks meanwhile
        os._exit(3)
    return item * 2


def test_a_dead_worker_leaves_no_thread_behind_and_the_next_check_forks_again(alone, recwarn):
    # With Future.cancel the executor's thread crashed now and then (python/cpython#107219):
    # a traceback on stderr, a thread left, and no fork for the rest of the build.
    threads, fork = threading.active_count(), workers.can_fork()
    items = list(range(8 * workers.CHUNK))
    for _ in range(10):
        assert workers.check_all(items, _die_in_worker_later, parallel=True) == [item * 2 for item in items]
        assert threading.active_count() == threads, threading.enumerate()
    out = workers.check_all(list(range(4 * workers.CHUNK)), _pid, parallel=True)
    assert len({pid for _, pid in out}) == (2 if fork else 1)
    assert not [w for w in recwarn if issubclass(w.category, pytest.PytestUnhandledThreadExceptionWarning)]


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        out = workers.check_all(list(range(workers.PARALLEL_FROM)), _pid)
    finally:
        stop.set()
        thread.join()
    assert {pid for _, pid in out} == {os.getpid()}


@pytest.mark.parametrize("count", [0, 1, workers.CHUNK + 1])
def test_small_and_odd_sizes(alone, count):
    items = list(range(count))
    assert [i for i, _ in workers.check_all(items, _pid, parallel=True)] == items


def test_a_custom_register_reaches_the_worker(alone, tmp_path):
    from wiazki.format.teryt import Register, load_register

    register = load_register()
    # A register without gmina Kramsk: the valid bundle's territory is unknown, in both.
    smaller = Register(register.date, {code: unit for code, unit in register.units.items() if code != KRAMSK})
    bundles = {f"w-{n}": deepcopy(valid_bundle(f"w-{n}")) for n in range(3)}
    root = write_content(tmp_path, bundles)
    serial = ContentValidator(root, smaller, parallel=False).validate(TODAY)
    parallel = ContentValidator(root, smaller, parallel=True).validate(TODAY)
    assert serial.errors and _summary(parallel) == _summary(serial)


def _units(item, register):
    time.sleep(0.01)
    return os.getpid(), len(register.units)


def test_the_worker_checks_with_the_callers_register(alone):
    from wiazki.format.teryt import Register, load_register

    register = load_register()
    smaller = Register(register.date, dict(list(register.units.items())[:5]))
    fork = workers.can_fork()
    out = workers.check_all(list(range(4 * workers.CHUNK)), _units, smaller, parallel=True)
    assert {units for _, units in out} == {5}
    assert len({pid for pid, _ in out}) == (2 if fork else 1)


def test_beside_runs_jobs_in_another_process_while_this_one_works(alone):
    before, fork = {"n": 1}, workers.can_fork()
    with workers.Beside([os.getpid, lambda: before["n"] * 10]) as beside:
        before["n"] = 2  # the worker was forked with the state as it was
        assert beside.forked is fork
        assert (beside.result(0) != os.getpid()) is fork
        assert beside.result(1) == 10


def _fail():
    raise ValueError("zły plik")


def test_beside_passes_a_jobs_error_on(alone):
    with workers.Beside([_fail, lambda: 3]) as beside:
        with pytest.raises(ValueError, match="zły plik"):
            beside.result(0)
        assert beside.result(1) == 3


def _exit_in_worker():
    if os.getpid() != PARENT:
        os._exit(3)  # the worker killed for memory, say
    return 4


def test_beside_runs_here_when_the_worker_dies_or_cannot_fork(alone):
    with workers.Beside([_exit_in_worker, lambda: 5]) as beside:
        assert beside.result(1) == 5
        assert beside.result(0) == 4  # run here after the worker died
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with workers.Beside([os.getpid]) as beside:
            assert not beside.forked and beside.result(0) == os.getpid()
    finally:
        stop.set()
        thread.join()


def _slow_pid():
    time.sleep(0.3)
    return os.getpid()


def test_on_result_calls_back_as_soon_as_the_worker_answers_not_after_a_failure(alone):
    # The build starts Pagefind from this callback while it still makes the pages.
    arrived = threading.Event()
    seen = []
    with workers.Beside([_slow_pid, _fail, _exit_in_worker]) as beside:
        beside.on_result(0, lambda pid: (seen.append(pid), arrived.set()))
        beside.on_result(1, seen.append)
        beside.on_result(2, seen.append)
        assert arrived.wait(30), "no callback although the job returned"
        assert beside.forked is (seen[0] != os.getpid())
        with pytest.raises(ValueError):
            beside.result(1)
        assert beside.result(2) == 4  # run here: the worker died, no callback for it
    assert len(seen) == 1 if beside.forked else seen[1:] == [4]


#: Scripts run as `python -c` (no `if __name__ == "__main__"` guard: the fork does not
#: run the script again); each prints a line once the moment to press Ctrl-C has come.
CTRL_C_SCRIPTS = {
    # The worker has checked its share and waits; this process is still at its own.
    "check_all, worker waiting": """
import os, time
from wiazki import cores
def check(item, context):
    if os.getpid() == PARENT and item == 99:
        time.sleep(60)
    if os.getpid() != PARENT and item == 74:
        print("worker done", flush=True)
    return item
PARENT = os.getpid()
cores.check_all(list(range(100)), check, parallel=True)
""",
    "Beside, worker waiting": """
import os, time
from wiazki import cores
with cores.Beside([os.getpid]) as beside:
    print("worker", beside.result(0), flush=True)
    time.sleep(60)
""",
    "Beside, worker busy": """
import os, time
from wiazki import cores
def job():
    print("worker", os.getpid(), flush=True)
    time.sleep(60)
with cores.Beside([job]) as beside:
    time.sleep(60)
""",
}


@pytest.mark.parametrize("shape", sorted(CTRL_C_SCRIPTS))
def test_ctrl_c_stops_both_processes_at_once_with_one_message(shape):
    script = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_SCRIPTS[shape]],
        env=dict(os.environ, PYTHONPATH=str(Path(workers.__file__).parents[1])),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a terminal's Ctrl-C reaches the whole foreground group
    )
    try:
        assert script.stdout is not None and script.stdout.readline().startswith("worker")
        time.sleep(0.3)
        os.killpg(script.pid, signal.SIGINT)
        started = time.monotonic()
        _, errors = script.communicate(timeout=30)
    finally:
        if script.poll() is None:
            os.killpg(script.pid, signal.SIGKILL)
    assert time.monotonic() - started < 10, "the worker is stopped, not waited for"
    assert script.returncode == -signal.SIGINT
    assert errors.count("Traceback") == 1 and "ForkProcess" not in errors, errors


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def test_a_worker_dies_with_its_parent_even_one_killed_outright():
    script = subprocess.Popen(
        [sys.executable, "-c", CTRL_C_SCRIPTS["Beside, worker waiting"]],
        env=dict(os.environ, PYTHONPATH=str(Path(workers.__file__).parents[1])),
        stdout=subprocess.PIPE,
        text=True,
    )
    worker = 0
    try:
        assert script.stdout is not None
        worker = int(script.stdout.readline().split()[1])
        assert worker != script.pid and _alive(worker)
        script.kill()  # the OOM killer's way: no exception, no atexit, no "stop" sent
        script.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(worker), "the worker would wait on its queue for ever"
    finally:
        if script.poll() is None:
            script.kill()
        if worker and _alive(worker):  # the test failed: leave no orphan behind
            os.kill(worker, signal.SIGKILL)


def test_the_heap_is_frozen_only_while_the_worker_lives(alone):
    import gc

    before = gc.get_freeze_count()
    with workers.Beside([lambda: gc.get_freeze_count()]) as beside:
        inside = beside.result(0)
    items = list(range(2 * workers.CHUNK))
    assert [i for i, _ in workers.check_all(items, _pid, parallel=True)] == items
    # The worker saw the shared heap frozen; this process collects as before afterwards.
    assert (inside > before) is beside.forked
    assert gc.get_freeze_count() == before


def test_an_interrupt_while_the_jobs_are_handed_over_stops_the_worker(alone, monkeypatch):
    # Ctrl-C or SIGTERM (wiazki/termination.py) between two submits: `Beside()` raises
    # before any `with` block could close it, so it must stop the worker itself.
    from concurrent.futures import ProcessPoolExecutor

    threads, submitted, fork = threading.active_count(), [], workers.can_fork()
    submit = ProcessPoolExecutor.submit

    def interrupted(self, *args, **kwargs):
        if submitted:
            raise KeyboardInterrupt
        submitted.append(1)
        return submit(self, *args, **kwargs)  # forks the worker

    monkeypatch.setattr(ProcessPoolExecutor, "submit", interrupted)
    if fork:
        with pytest.raises(KeyboardInterrupt):
            workers.Beside([os.getpid, os.getpid], parallel=True)
        assert submitted == [1]
    else:  # no worker where there are threads (see `alone`): nothing handed over
        assert not workers.Beside([os.getpid, os.getpid], parallel=True).forked and not submitted
    assert multiprocessing.active_children() == []
    assert threading.active_count() == threads, threading.enumerate()


BIG_ANSWERS = """
import faulthandler, signal
faulthandler.register(signal.SIGUSR1, all_threads=True)  # where it hangs, if it does
from wiazki import cores
def check(item, context):
    return "x" * 100_000  # a chunk's answer is 2.5 MB: many writes into the pipe
print("worker", flush=True)
while True:
    cores.check_all(list(range(200)), check, parallel=True)
"""


def test_ctrl_c_while_the_worker_sends_a_large_answer_does_not_hang():
    # Killed halfway through an answer, the worker left half a message in the pipe and
    # the executor's thread waited for the rest for ever: about one try in two hung.
    for delay in (0.3, 0.6, 0.9, 1.2):
        script = subprocess.Popen(
            [sys.executable, "-c", BIG_ANSWERS],
            env=dict(os.environ, PYTHONPATH=str(Path(workers.__file__).parents[1])),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        try:
            assert script.stdout is not None and script.stdout.readline().startswith("worker")
            time.sleep(delay)
            os.killpg(script.pid, signal.SIGINT)
            try:
                _, errors = script.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(script.pid, signal.SIGUSR1)
                time.sleep(1)
                os.killpg(script.pid, signal.SIGKILL)
                errors = "hung:\n" + script.communicate()[1]
        finally:
            if script.poll() is None:
                os.killpg(script.pid, signal.SIGKILL)
                script.wait()
        assert script.returncode == -signal.SIGINT, f"Ctrl-C at {delay} s: {script.returncode}\n{errors}"
        # One report of the KeyboardInterrupt (it may chain one the code was handling:
        # Ctrl-C while pathlib handled a missing file), nothing "ignored", no other error.
        chained = errors.count("During handling of the above exception, another exception occurred")
        assert errors.count("Traceback") - chained == 1, errors
        assert errors.rstrip().endswith("KeyboardInterrupt") and "Exception ignored" not in errors, errors
