"""The catalogue page /wiazki/ in Chromium at 100 and 1,000 bundles.

    python benchmarks/bench_catalogue.py [--sizes 100 1000] [--loads 5] [--changes 12] [--cpu-throttle 1]

For each size, generates that many valid bundles (the sample ones cycled, as
benchmarks/bench_build.py does), builds the site with the repository's mkdocs.yml,
serves it on 127.0.0.1 and measures in Debian's Chromium (headless, one browser for
the whole run):

- DOMContentLoaded of /wiazki/ (navigation timing, `domContentLoadedEventEnd`),
  median of `--loads` fresh loads;
- filter change to next paint: a `change` of the "Grupa odbiorców" select, timed
  from just before the event to the task after the next animation frame (the frame
  the change is painted in), median of `--changes` changes alternating between
  groups and "wszystkie";
- the size of /wiazki/index.html in bytes.

The targets of issue 11 at 1,000 bundles: filter-to-paint under 50 ms and at most 2x
the 100-bundle figure; DOMContentLoaded at most 2x the 100-bundle figure; the HTML
under 400 KB. The machine may be shared: the load average is printed with the
figures, and the exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import statistics
import sys
import tempfile
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_build import generate, project, timed_build, write_yaml

#: Time from a change of the group filter to the task after the next frame, in ms.
FILTER_TO_PAINT_JS = """async (value) => {
    const select = document.getElementById('wiazki-group');
    const start = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', {bubbles: true}));
    return await new Promise(resolve => requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
    }));
}"""

DCL_JS = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return nav.domContentLoadedEventEnd - nav.startTime;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser dropping a connection it no longer needs (a new navigation)


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def measure(browser, url: str, loads: int, changes: int, throttle: float) -> tuple[float, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="pl-PL")
    # Only our own server: Material's web fonts and the GitHub API would add the network.
    context.route("**/*", lambda route: route.continue_() if "127.0.0.1" in route.request.url else route.abort())
    page = context.new_page()
    if throttle > 1:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
    page.goto(url, wait_until="load")  # warm-up: the first load also starts the renderer
    dcl = []
    for _ in range(loads):
        page.goto("about:blank")
        page.goto(url, wait_until="load")
        dcl.append(page.evaluate(DCL_JS))
    page.wait_for_selector("#wiazki-group", state="attached")
    values = page.eval_on_selector_all("#wiazki-group option", "options => options.map(o => o.value)")
    groups = [v for v in values if v] or [""]
    paint = []
    page.evaluate(FILTER_TO_PAINT_JS, groups[0])  # warm-up
    page.evaluate(FILTER_TO_PAINT_JS, "")
    for i in range(changes):
        value = groups[(i // 2) % len(groups)] if i % 2 == 0 else ""
        paint.append(page.evaluate(FILTER_TO_PAINT_JS, value))
    context.close()
    return statistics.median(dcl), statistics.median(paint)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--loads", type=int, default=5)
    parser.add_argument("--changes", type=int, default=12)
    parser.add_argument("--cpu-throttle", type=float, default=1.0, help="Chromium CPU slow-down, e.g. 4 for a phone")
    parser.add_argument("--keep", help="build in this folder and keep it")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wiazki-bench-catalogue-"))
    results: dict[int, tuple[float, float, int]] = {}
    try:
        sites = {}
        for n in args.sizes:
            bundles, partners = generate(n)
            root = project(base / f"site-{n}", plugin=True)
            write_yaml(root / "content", bundles, partners)
            seconds = timed_build(root, 1)
            sites[n] = root / "site"
            print(f"{n} wiązek: budowa {seconds:.1f} s", flush=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, headless=True, args=["--no-sandbox"])
            try:
                for n, site in sites.items():
                    server = serve(site)
                    try:
                        url = f"http://127.0.0.1:{server.server_port}/wiazki/"
                        dcl, paint = measure(browser, url, args.loads, args.changes, args.cpu_throttle)
                    finally:
                        server.shutdown()
                        server.server_close()
                    results[n] = (dcl, paint, (site / "wiazki" / "index.html").stat().st_size)
            finally:
                browser.close()
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)

    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"Chromium (headless, spowolnienie CPU {args.cpu_throttle:g}x); średnie obciążenie maszyny: {load}")
    print(f"{'wiązek':>7} {'DOMContentLoaded':>17} {'filtr→malowanie':>16} {'HTML /wiazki/':>14}")
    for n, (dcl, paint, size) in results.items():
        print(f"{n:>7} {dcl:>14.0f} ms {paint:>13.1f} ms {size / 1000:>11.0f} KB")
    if len(results) < 2:
        return 0
    small, large = min(results), max(results)
    dcl_s, paint_s, _ = results[small]
    dcl_l, paint_l, size_l = results[large]
    checks = [
        (f"filtr→malowanie przy {large} < 50 ms", paint_l < 50),
        (f"filtr→malowanie {large} ≤ 2× {small} ({paint_l / paint_s:.2f}×)", paint_l <= 2 * paint_s),
        (f"DOMContentLoaded {large} ≤ 2× {small} ({dcl_l / dcl_s:.2f}×)", dcl_l <= 2 * dcl_s),
        (f"HTML /wiazki/ przy {large} < 400 KB", size_l < 400_000),
    ]
    for text, ok in checks:
        print(f"  {'OK ' if ok else 'NIE'} {text}")
    return 0 if all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
