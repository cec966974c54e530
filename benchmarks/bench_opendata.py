"""Time each open-data export of 1,000 bundles: JSON, CSV, HSDS 3.0, Atom feeds, calendars.

    python benchmarks/bench_opendata.py [--bundles 1000] [--runs 3]

The bundles are bench_build.py's (the sample ones, cycled), written to a temporary git
repository with two commits (all added, then half of them changed), so the feeds and
calendars are dated from real history read in one pass (wiazki.revisions.history).
Each export runs in this process on the same Catalogue; the best of `--runs` is
reported with the size of what it writes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate, write_yaml  # noqa: E402
from wiazki.format.teryt import load_register  # noqa: E402
from wiazki.model import Catalogue  # noqa: E402
from wiazki.revisions.history import read_history  # noqa: E402
from wiazki.views import SiteViews, calendars, exports, feeds  # noqa: E402
from wiazki.views.hsds import HsdsExport  # noqa: E402
from wiazki.views.opendata import data_date, data_licence  # noqa: E402
from wiazki.views.publish import json_text  # noqa: E402

SITE = "https://owes-katalog.github.io/wiazki/"


def git(repo: Path, *args: str, date: str) -> None:
    env = dict(
        os.environ,
        GIT_AUTHOR_NAME="bench",
        GIT_AUTHOR_EMAIL="bench@example.org",
        GIT_COMMITTER_NAME="bench",
        GIT_COMMITTER_EMAIL="bench@example.org",
        GIT_AUTHOR_DATE=date,
        GIT_COMMITTER_DATE=date,
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(repo),
    )
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def repository(root: Path, n: int) -> tuple[list[dict], list[dict]]:
    bundles, partners = generate(n)
    git(root, "init", "-q", "-b", "main", date="2026-01-05T10:00:00+01:00")
    write_yaml(root / "content", bundles, partners)
    git(root, "add", "-A", date="2026-01-05T10:00:00+01:00")
    git(root, "commit", "-q", "-m", "Wiązki", date="2026-01-05T10:00:00+01:00")
    for bundle in bundles[::2]:
        bundle["summary"] = bundle["summary"] + " Zmiana."
    write_yaml(root / "content", bundles, partners)
    git(root, "commit", "-qam", "Zmiany (#2)", date="2026-10-20T10:00:00+02:00")
    return bundles, partners


def best(runs: int, action: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return min(times), result


def size(result: object) -> int:
    if isinstance(result, (str, bytes)):
        return len(result.encode("utf-8") if isinstance(result, str) else result)
    if isinstance(result, dict):
        return sum(size(v) for v in result.values())
    if isinstance(result, (list, tuple)):
        return sum(size(v) for v in result)
    return size(getattr(result, "content", ""))  # a DataFile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="wiazki-bench-opendata-") as tmp:
        root = Path(tmp)
        bundles, partners = repository(root, args.bundles)
        register = load_register()
        catalogue = Catalogue.from_documents(bundles, partners, register)
        licence = data_licence()
        t_history, histories = best(args.runs, lambda: read_history(root, root / "content"))
        history = lambda bundle: histories.get(bundle.id, ())  # type: ignore[union-attr]  # noqa: E731
        views = SiteViews(catalogue, history=history)
        generated = data_date(catalogue, history)
        bundle_url = lambda i: SITE + views.bundle_url(i)  # noqa: E731
        partner_url = lambda i: SITE + views.partner_url(i)  # noqa: E731
        absolute = lambda path: SITE + path  # noqa: E731
        meta = views.open_data.metadata("json")

        def hsds() -> list[str]:
            export = HsdsExport(catalogue, bundle_url, partner_url, licence, generated)
            return [
                json_text(export.index(SITE + "api/hsds/")),
                json_text(export.organizations_page()),
                json_text(export.services_page()),
            ]

        def atom() -> list[str]:
            return [
                feeds.atom(f, catalogue, absolute, bundle_url, licence, history, generated)
                for f in feeds.feeds(catalogue, views.catalogue_url)
            ]

        steps: list[tuple[str, Callable[[], object]]] = [
            ("api/bundles.json", lambda: exports.bundles_json(catalogue, bundle_url, meta)),
            ("api/partners.json", lambda: exports.partners_json(catalogue, partner_url, meta)),
            ("api/bundles.csv", lambda: exports.bundles_csv(catalogue, bundle_url)),
            ("api/partners.csv", lambda: exports.partners_csv(catalogue, partner_url)),
            ("api/hsds/ (3 pliki)", hsds),
            ("feeds/*.atom (17 kanałów)", atom),
            ("calendars/*.ics", lambda: calendars.calendars(catalogue, bundle_url, licence, history, generated)),
            ("wszystkie pliki danych (data_files)", lambda: SiteViews(catalogue, history=history).data_files(SITE)),
        ]
        print(f"{args.bundles} wiązek, {len(partners)} partnerów; najlepszy z {args.runs} przebiegów")
        print(f"{'historia z gita (jeden przebieg)':40} {t_history:7.3f} s")
        for name, action in steps:
            seconds, result = best(args.runs, action)
            count = len(result) if isinstance(result, (list, dict)) else 1
            print(f"{name:40} {seconds:7.3f} s  {size(result) / 1024:9.0f} KiB  ({count} plików)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
