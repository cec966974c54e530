"""Validate 1,000 bundles: `wiazki validate` against check-jsonschema with our schema.

check-jsonschema only checks structure; we also check eleven rules and every
position, and must still be faster. Both run as the command a user would type,
each timed over several runs (best and median shown).

    make bench-validate        # or: .venv/bin/python benchmarks/bench_validate.py --bundles 1000
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def generate(target: Path, count: int) -> None:
    """`count` bundles made from the sample ones (renamed), plus the sample partners."""
    samples = sorted((ROOT / "content" / "bundles").glob("*.yml"))
    (target / "bundles").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "partners", target / "partners")
    for index in range(count):
        sample = samples[index % len(samples)]
        new_id = f"{sample.stem}-{index:04d}"
        text = sample.read_text(encoding="utf-8").replace(f"id: {sample.stem}\n", f"id: {new_id}\n", 1)
        (target / "bundles" / f"{new_id}.yml").write_text(text, encoding="utf-8")


def timed(command: list[str], runs: int, expect: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, env=dict(os.environ, WIAZKI_TODAY="2026-11-27"))
        times.append(time.perf_counter() - started)
        if done.returncode != expect:
            sys.exit(f"{command[0]} exited {done.returncode}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wiazki-bench-") as tmp:
        content = Path(tmp) / "content"
        generate(content, args.bundles)
        files = sorted(str(p) for p in (content / "bundles").glob("*.yml"))
        ours = timed([str(BIN / "wiazki"), "validate", str(content)], args.runs, expect=0)
        theirs = timed(
            [str(BIN / "check-jsonschema"), "--schemafile", str(ROOT / "schemas" / "bundle.schema.json"), *files],
            args.runs,
            expect=0,
        )
    best_ours, best_theirs = min(ours), min(theirs)
    print(
        f"{args.bundles} wiązek (+{len(list((ROOT / 'content' / 'partners').glob('*.yml')))} partnerów), "
        f"{args.runs} przebiegi"
    )
    print(
        f"wiazki validate (schemat + 11 reguł):  najlepszy {best_ours:6.2f} s, mediana {statistics.median(ours):6.2f} s"
    )
    print(
        f"check-jsonschema (tylko schemat):     najlepszy {best_theirs:6.2f} s, "
        f"mediana {statistics.median(theirs):6.2f} s"
    )
    print(f"stosunek wiazki / check-jsonschema:  {best_ours / best_theirs:.2f}")


if __name__ == "__main__":
    main()
