"""Checking files on two cores gives the same verdict, positions and documents as one core."""

from __future__ import annotations

import os
import threading
import time

import pytest

from contentkit import KRAMSK, TODAY, deepcopy, valid_bundle, write_content
from wiazki import cores as workers
from wiazki.validation.validator import ContentValidator


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


def test_two_processes_give_the_verdict_of_one(tmp_path):
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


def test_the_worker_takes_a_share_and_the_order_is_kept():
    items = list(range(4 * workers.CHUNK))
    out = workers.check_all(items, _pid, parallel=True)
    assert [item for item, _ in out] == items
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 2  # both processes checked files


def _die_in_worker(item, register):
    if os.getpid() != PARENT:
        os._exit(3)  # a worker killed for memory, say
    return item * 2


PARENT = os.getpid()


def test_a_dead_worker_costs_time_not_files():
    items = list(range(3 * workers.CHUNK))
    assert workers.check_all(items, _die_in_worker, parallel=True) == [item * 2 for item in items]


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
def test_small_and_odd_sizes(count):
    items = list(range(count))
    assert [i for i, _ in workers.check_all(items, _pid, parallel=True)] == items


def test_a_custom_register_reaches_the_worker(tmp_path):
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


def test_the_worker_checks_with_the_callers_register():
    from wiazki.format.teryt import Register, load_register

    register = load_register()
    smaller = Register(register.date, dict(list(register.units.items())[:5]))
    out = workers.check_all(list(range(4 * workers.CHUNK)), _units, smaller, parallel=True)
    assert {units for _, units in out} == {5}
    assert len({pid for pid, _ in out}) == 2


def test_beside_runs_jobs_in_another_process_while_this_one_works():
    before = {"n": 1}
    with workers.Beside([os.getpid, lambda: before["n"] * 10]) as beside:
        before["n"] = 2  # the worker was forked with the state as it was
        assert beside.forked
        assert beside.result(0) != os.getpid()
        assert beside.result(1) == 10


def _fail():
    raise ValueError("zły plik")


def test_beside_passes_a_jobs_error_on():
    with workers.Beside([_fail, lambda: 3]) as beside:
        with pytest.raises(ValueError, match="zły plik"):
            beside.result(0)
        assert beside.result(1) == 3


def test_beside_runs_here_when_the_worker_dies_or_cannot_fork():
    with workers.Beside([lambda: os._exit(3), lambda: 5]) as beside:
        assert beside.result(1) == 5
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        with workers.Beside([os.getpid]) as beside:
            assert not beside.forked and beside.result(0) == os.getpid()
    finally:
        stop.set()
        thread.join()
