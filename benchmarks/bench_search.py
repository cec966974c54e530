"""Site search at 1,000 bundles: index size, indexing time, bytes per query, keystroke to results.

    python benchmarks/bench_search.py [--bundles 1000] [--keep DIR]

Builds the generated catalogue of benchmarks/bench_build.py with the wiazki plugin
(`mkdocs build`, which writes the Pagefind index), then serves the site under its
site_url path and types queries into the header's search in Debian's Chromium.
For each query it reports what the browser fetched from the first keystroke until
the results were shown (a fresh page each time, so the engine is counted), as
sent by a plain file server and as gzip would send it (GitHub Pages compresses
.js and .wasm; Pagefind's index files are compressed already), and the time from
the last keystroke to the results, cold (fresh page) and warm (the same query
words again after the engine has loaded). The issue's target: at most 300 KB per
query including the engine.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import TODAY, generate, project, write_yaml

WARM_QUERY = "rodzina w kryzysie"
QUERIES = ["seniorów", "opieka nad seniorem", "niepelnosprawnych", "Koninie", "mieszkanie dla bezdomnych"]

MEASURE_JS = """async (query) => {
    const input = document.getElementById('wiazki-search-input');
    const status = document.getElementById('wiazki-search-status');
    status.textContent = '';
    input.value = '';
    const done = new Promise(resolve => {
        const seen = new MutationObserver(() => {
            if (/^(Znaleziono|Brak)/.test(status.textContent)) { seen.disconnect(); resolve(performance.now()); }
        });
        seen.observe(status, {childList: true, characterData: true, subtree: true});
    });
    let last = 0;
    for (const ch of query) {
        input.value += ch;
        last = performance.now();
        input.dispatchEvent(new Event('input', {bubbles: true}));
        await new Promise(r => setTimeout(r, 30));
    }
    const end = await done;
    return {ms: end - last, results: document.querySelectorAll('.wiazki-search__result').length};
}"""


#: Paths the server sent (counted on the server: the engine's worker fetches too).
SERVED: list[str] = []


class Recording(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        SERVED.append(self.path.split("?", 1)[0])
        super().do_GET()


def build(root: Path) -> tuple[float, float | None]:
    env = dict(os.environ, WIAZKI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    start = time.perf_counter()
    done = subprocess.run(
        [str(mkdocs), "build", "-d", str(root / "out" / "wiazki")], cwd=root, env=env, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"build failed:\n{done.stderr[-3000:]}")
    found = re.search(r"indeks wyszukiwarki: \d+ stron w ([\d.]+) s", done.stderr + done.stdout)
    return elapsed, float(found.group(1)) if found else None


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def gzip_size(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix.startswith(".pf_"):
        return len(data)  # Pagefind compresses its index files itself
    return len(gzip.compress(data, 6))


def measure(site_root: Path, base: str) -> None:
    from playwright.sync_api import sync_playwright

    chromium = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        try:
            for query in QUERIES:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                # Only our server: Material's web fonts and the like are not part of search.
                context.route(
                    "**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort()
                )
                page = context.new_page()
                page.goto(base + "wiazki/")
                page.wait_for_load_state("load")
                page.wait_for_timeout(300)
                SERVED.clear()
                page.locator(".wiazki-search-open").click()
                cold = page.evaluate(MEASURE_JS, query)
                page.wait_for_timeout(300)
                paths = [site_root / p.removeprefix("/wiazki/") for p in SERVED if p.startswith("/wiazki/")]
                raw = sum(path.stat().st_size for path in paths if path.is_file())
                packed = sum(gzip_size(path) for path in paths if path.is_file())
                warm = page.evaluate(MEASURE_JS, WARM_QUERY)
                print(
                    f"  {query!r:28} {cold['results']:2d} wyników, {len(paths):3d} plików, "
                    f"{raw / 1024:6.1f} KiB (gzip {packed / 1024:6.1f} KiB), "
                    f"klawisz→wyniki: {cold['ms']:5.0f} ms na zimno, potem {warm['ms']:4.0f} ms (inne słowa)"
                )
                context.close()
        finally:
            browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--keep", help="build in this folder and keep it")
    args = parser.parse_args()
    base_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wiazki-bench-search-"))
    try:
        bundles, partners = generate(args.bundles)
        root = project(base_dir / "plugin", plugin=True)
        write_yaml(root / "content", bundles, partners)
        elapsed, indexing = build(root)
        site = root / "out" / "wiazki"
        index = site / "pagefind"
        print(f"{args.bundles} wiązek, {len(partners)} partnerów")
        print(f"  budowa strony: {elapsed:.1f} s, w tym indeks wyszukiwarki: {indexing} s")
        fragments = list((index / "fragment").glob("*"))
        print(
            f"  indeks na dysku: {folder_size(index) / 1024 / 1024:.1f} MiB ({len(fragments)} fragmentów, "
            f"{len(list((index / 'index').glob('*')))} części indeksu)"
        )
        server = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), functools.partial(Recording, directory=str(site.parent))
        )
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            measure(site, f"http://127.0.0.1:{server.server_port}/wiazki/")
        finally:
            server.shutdown()
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(base_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
