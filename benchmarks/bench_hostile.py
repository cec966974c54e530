"""The worst case we can construct for each text field: validation (and, for the
description, rendering) must stay under 1 s per field (issue 8).

For every string field of the bundle schema that has a `maxLength`, each hostile
text below is cut or repeated to that length (and to twice it, to show that the
limit is checked before the expensive work), put into one sample bundle, and the
content folder is validated; the description is also rendered as the site does.
The slowest text per field is measured again (best of `--runs`) and printed with
the time to validate the folder and, for the description, to render it; then the
slowest of all.

    make bench-hostile        # or: .venv/bin/python benchmarks/bench_hostile.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from wiazki.format.schema import schemas  # noqa: E402
from wiazki.format.teryt import load_register  # noqa: E402
from wiazki.validation.loader import load_file  # noqa: E402
from wiazki.validation.validator import ContentValidator  # noqa: E402
from wiazki.views.text import markdown_to_html  # noqa: E402

SAMPLE = "senior-u-siebie-kramsk"
LIMIT_SECONDS = 1.0

#: Units repeated to fill a field: Markdown bombs (security/01–03), ReDoS shapes for
#: the patterns, look-alike spaces and invisible characters, escapes that grow output.
UNITS = {
    "brackets": "[",
    "image-brackets": "![",
    "open-links": "[a](",
    "cdata": "<![CDATA[",
    "link-spaces": "](" + " " * 50,
    "autolinks": "<http://",
    "nested-lists": "- ",
    "nested-quotes": "> ",
    "emphasis": "*_",
    "backticks": "`",
    "entities": "&#",
    "pipes": "|a",
    "ampersands": "&",
    "nbsp": "\u00a0",
    "zero-width": "\u200b",
    "polish": "żółć ",
    "digits": "1",
    "dots": "a.",
    "hyphens": "a-",
    "url-like": "http://a",
    "at-signs": "a@",
}


def text_fields(node: Any, path: tuple = ()) -> list[tuple[tuple, int]]:
    """(path, maxLength) of every string field; list items as index 0."""
    found: list[tuple[tuple, int]] = []
    if not isinstance(node, dict):
        return found
    if "$ref" in node:
        node = {**schemas()["bundle"]["$defs"][node["$ref"].rsplit("/", 1)[-1]], **node}
    if node.get("type") == "string" and isinstance(node.get("maxLength"), int):
        found.append((path, node["maxLength"]))
    for name, child in (node.get("properties") or {}).items():
        found += text_fields(child, path + (name,))
    if isinstance(node.get("items"), dict):
        found += text_fields(node["items"], path + (0,))
    return found


def put(data: Any, path: tuple, value: str) -> None:
    for index, part in enumerate(path[:-1]):
        following = path[index + 1]
        if isinstance(data, dict):
            data = data.setdefault(part, [] if isinstance(following, int) else {})
        else:
            while len(data) <= part:
                data.append([] if isinstance(following, int) else {})
            data = data[part]
    if isinstance(data, list):
        while len(data) <= path[-1]:
            data.append(None)
    data[path[-1]] = value


def measure(root: Path, base: dict, path: tuple, text: str, register: Any, runs: int) -> tuple[float, float]:
    """Best-of-`runs` seconds to validate the folder, and to render the text as the site does
    (0 for fields that are not Markdown)."""
    data = yaml.safe_load(yaml.safe_dump(base))
    put(data, path, text)
    (root / "bundles" / f"{SAMPLE}.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000), encoding="utf-8"
    )
    validate = render = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        ContentValidator(root, register).validate()
        validate = min(validate, time.perf_counter() - start)
        if path == ("description",):
            start = time.perf_counter()
            markdown_to_html(text)
            render = min(render, time.perf_counter() - start)
    return validate, (render if path == ("description",) else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each field's worst case (the best is kept)")
    args = parser.parse_args()
    register = load_register()
    doc, _ = load_file(ROOT / "content" / "bundles" / f"{SAMPLE}.yml")
    assert doc is not None
    fields = text_fields(schemas()["bundle"])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "bundles").mkdir()
        shutil.copytree(ROOT / "content" / "partners", root / "partners")
        start = time.perf_counter()
        ContentValidator(root, register).validate()
        baseline = time.perf_counter() - start
        print(f"Bez wrogiego tekstu: {baseline:.3f} s (walidacja folderu z jedną wiązką i partnerami)")
        print(f"{'pole':50} {'max':>6}  {'najgorszy tekst':22} {'walidacja':>9} {'render':>7}")
        worst_all = (0.0, "", "")
        for path, limit in fields:
            worst = (0.0, "")
            for name, unit in UNITS.items():
                for length in (limit, 2 * limit):
                    text = (unit * (length // len(unit) + 1))[:length]
                    seconds = sum(measure(root, doc.data, path, text, register, 1))
                    if seconds > worst[0]:
                        worst = (seconds, name, length, text)
            # The worst text again, best of `--runs`: a shared machine adds noise.
            validate, render = measure(root, doc.data, path, worst[3], register, args.runs)
            where = ".".join(str(p) for p in path)
            flag = "" if max(validate, render) < LIMIT_SECONDS else "  <-- ponad 1 s"
            shown = f"{worst[1]}×{worst[2]}"
            print(f"{where:50} {limit:>6}  {shown:22} {validate:8.3f}s {render:6.3f}s{flag}")
            if max(validate, render) > worst_all[0]:
                worst_all = (max(validate, render), where, shown)
    print(f"Najwolniej: {worst_all[1]} ({worst_all[2]}): {worst_all[0]:.3f} s; próg {LIMIT_SECONDS:.0f} s")
    return 0 if worst_all[0] < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
