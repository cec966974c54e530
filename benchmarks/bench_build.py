"""Build 1,000 bundles with the wiazki plugin vs the same text as 1,000 plain Markdown pages.

    python benchmarks/bench_build.py [--bundles 1000] [--runs 3] [--keep DIR]

Both builds use the repository's mkdocs.yml (Material, same features, the same hand
pages and a nav without the bundle pages); the plain one drops our plugin (and with it
our Pagefind search) for Material's own search plugin
and gets, instead of YAML, one Markdown page per bundle and partner with the same
text (title, summary, description, services, canvas, design record) and a catalogue
page listing every bundle. Each build is a fresh `mkdocs build` process, the two
alternately; the best of `--runs` of each is reported, and the median of each pair's
ratio. Target (issue 9): ratio ≤ 0.6.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "plugins"))

from wiazki.format.teryt import load_register  # noqa: E402
from wiazki.model import Bundle, Catalogue, Partner  # noqa: E402
from wiazki.validation.loader import load_file  # noqa: E402

TODAY = "2026-11-27"


def sample_documents() -> tuple[list[dict], list[dict]]:
    bundles = [load_file(p)[0].data for p in sorted((REPO / "content" / "bundles").glob("*.yml"))]
    partners = [load_file(p)[0].data for p in sorted((REPO / "content" / "partners").glob("*.yml"))]
    return bundles, partners


def generate(n: int) -> tuple[list[dict], list[dict]]:
    """`n` valid bundles: the sample ones, cycled, each with its own id and title."""
    samples, partners = sample_documents()
    bundles = []
    for i in range(n):
        bundle = copy.deepcopy(samples[i % len(samples)])
        bundle["id"] = f"{bundle['id'][:50]}-{i:04d}"
        bundle["title"] = f"{bundle['title'][:100]} ({i + 1})"
        bundle["reviewed"] = TODAY
        bundles.append(bundle)
    return bundles, partners


def write_yaml(root: Path, bundles: list[dict], partners: list[dict]) -> None:
    for folder, items in (("bundles", bundles), ("partners", partners)):
        (root / folder).mkdir(parents=True, exist_ok=True)
        for item in items:
            # JSON is YAML 1.2 and quotes every string; PyYAML's dump follows YAML 1.1 and
            # would leave "0000671194" bare, which YAML 1.2 reads as a number.
            text = json.dumps(item, ensure_ascii=False, indent=1)
            (root / folder / f"{item['id']}.yml").write_text(text, encoding="utf-8")


def _list(title: str, items) -> list[str]:
    items = [i for i in items if i]
    return [f"### {title}", ""] + ([f"- {i}" for i in items] or ["do uzupełnienia"]) + [""]


def bundle_markdown(b: Bundle, catalogue: Catalogue) -> str:
    c, d = b.canvas, b.design
    lines = [f"# {b.title}", "", b.summary, "", f"Etap: {b.stage_label}", ""]
    lines += [f"Obszar: {'; '.join(catalogue.register.describe(t) for t in b.territory)}", ""]
    if b.description:
        lines += ["## Opis", "", b.description, ""]
    lines += ["## Usługi", ""]
    for s in c.services:
        lines += [
            f"### {s.name}",
            "",
            s.description,
            "",
            f"- Rodzaj: {s.type_label}",
            f"- Obszar: {s.area_label}",
            f"- Realizator: [{s.provider}](../../partnerzy/{s.provider}/index.md)",
            f"- Dostęp: {s.access}",
            f"- Odpłatność: {s.fee_label} {s.fee_note or ''}",
            "",
        ]
    lines += ["## Business Model Canvas", ""]
    lines += _list("Kluczowi partnerzy", [f"{k.partner} – {k.role_label}: {k.contribution}" for k in c.key_partners])
    lines += _list("Kluczowe działania", c.key_activities)
    lines += _list("Kluczowe zasoby", c.key_resources)
    lines += _list("Propozycja wartości", [c.value_summary] + [s.name for s in c.services])
    lines += _list("Relacje z klientami", c.customer_relationships)
    lines += _list("Kanały", c.channels)
    lines += _list("Segmenty klientów", [f"{s.label}: {s.description}" for s in c.customer_segments])
    lines += _list("Struktura kosztów", [f"{x.item} {x.amount_pln or ''}" for x in c.cost_structure])
    lines += _list(
        "Strumienie przychodów", [f"{r.label}: {r.description} {r.amount_pln or ''}" for r in c.revenue_streams]
    )
    lines += ["## Proces Design Thinking", ""]
    lines += _list("Odkrywanie", list(d.methods) + list(d.findings))
    lines += _list("Definiowanie wyzwania", [d.challenge] + list(d.needs))
    lines += _list("Tworzenie rozwiązania", list(d.ideas) + [d.chosen])
    lines += _list(
        "Prototypowanie", [f"{t.date}: {t.method} {' '.join(t.feedback)} {' '.join(t.changes)}" for t in d.tests]
    )
    lines += _list("Planowanie wdrożenia", [f"{m.date}: {m.milestone}" for m in d.milestones] + list(d.risks))
    if b.contact:
        lines += ["## Kontakt", "", b.contact.email, "", b.contact.note or "", ""]
    lines += ["Słowa kluczowe: " + ", ".join(b.keywords), ""]
    return "\n".join(lines)


def partner_markdown(p: Partner, catalogue: Catalogue) -> str:
    lines = [
        f"# {p.name}",
        "",
        f"{p.sector_label}, {p.kind_label}",
        "",
        p.description or "",
        "",
        "## Udział w wiązkach",
        "",
    ]
    for part in catalogue.participation(p.id):
        lines.append(
            f"- [{part.bundle.title}](../../wiazki/{part.bundle.id}/index.md): "
            + ", ".join(r.role_label for r in part.roles)
        )
    return "\n".join(lines) + "\n"


def write_plain(project: Path, bundles: list[dict], partners: list[dict]) -> None:
    catalogue = Catalogue.from_documents(bundles, partners, load_register())
    docs = project / "docs"
    cards = ["# Katalog wiązek", ""]
    for b in catalogue.bundles.values():
        (docs / "wiazki" / b.id).mkdir(parents=True, exist_ok=True)
        (docs / "wiazki" / b.id / "index.md").write_text(bundle_markdown(b, catalogue), encoding="utf-8")
        cards += [f"### [{b.title}]({b.id}/index.md)", "", b.summary, "", f"Etap: {b.stage_label}", ""]
    (docs / "wiazki" / "index.md").write_text("\n".join(cards), encoding="utf-8")
    directory = ["# Partnerzy", ""]
    for p in catalogue.partners.values():
        (docs / "partnerzy" / p.id).mkdir(parents=True, exist_ok=True)
        (docs / "partnerzy" / p.id / "index.md").write_text(partner_markdown(p, catalogue), encoding="utf-8")
        directory.append(f"- [{p.name}]({p.id}/index.md)")
    (docs / "partnerzy" / "index.md").write_text("\n".join(directory) + "\n", encoding="utf-8")


def project(root: Path, plugin: bool) -> Path:
    root.mkdir(parents=True)
    shutil.copytree(REPO / "docs", root / "docs")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if not plugin:
        start = config.index("  - wiazki:")
        end = config.index("\n\n", start)
        config = config[:start] + config[end + 1 :]
        # The plain site gets Material's own search, as a site without our plugin would.
        config = config.replace("\nplugins:\n", "\nplugins:\n  - search\n", 1)
        config += "\nnot_in_nav: |\n  /wiazki/*/\n  /partnerzy/*/\n"
        (root / "docs" / "index.md").write_text(
            (REPO / "docs" / "index.md").read_text(encoding="utf-8").replace("<!-- wiazki:home -->", ""),
            encoding="utf-8",
        )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return root


def timed_build(root: Path) -> float:
    """One `mkdocs build --strict` of `root` in a fresh process, in seconds. The page
    cache's dirty pages are written out first (`sync`), so that the writes of the build
    before (58–84 MB) do not land in this one's time."""
    env = dict(os.environ, WIAZKI_TODAY=TODAY, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    mkdocs = Path(sys.executable).parent / "mkdocs"
    os.sync()
    start = time.perf_counter()
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-q", "-d", str(root / "site")],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build in {root} failed:\n{result.stderr[-3000:]}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", help="build in this folder and keep it")
    args = parser.parse_args()
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="wiazki-bench-"))
    try:
        bundles, partners = generate(args.bundles)
        ours = project(base / "plugin", plugin=True)
        write_yaml(ours / "content", bundles, partners)
        plain = project(base / "plain", plugin=False)
        write_plain(plain, bundles, partners)
        print(f"{args.bundles} wiązek, {len(partners)} partnerów; najlepszy z {args.runs} przebiegów `mkdocs build`")
        # Alternately, so that the machine's drift (other load, its disk) weighs on both alike.
        pairs = [(timed_build(plain), timed_build(ours)) for _ in range(args.runs)]
        t_plain, t_ours = min(p for p, _ in pairs), min(o for _, o in pairs)
        print(f"  zwykłe strony Markdown (Material): {t_plain:6.2f} s")
        print(f"  wtyczka wiazki (z walidacją YAML):  {t_ours:6.2f} s")
        print("  kolejne pary (zwykłe / wtyczka): " + "; ".join(f"{p:.2f} / {o:.2f} s" for p, o in pairs))
        page = ours / "site" / "wiazki" / bundles[0]["id"] / "index.html"
        print(f"  stosunek wtyczka / zwykłe strony:   {t_ours / t_plain:6.2f} (cel ≤ 0,6)")
        # This virtual machine's speed drifts by a third within minutes: each pair's own
        # ratio shows how far the best-of figure above can be trusted.
        ratios = sorted(o / p for p, o in pairs)
        print(
            f"  stosunek w kolejnych parach: mediana {statistics.median(ratios):.2f}"
            f" (od {ratios[0]:.2f} do {ratios[-1]:.2f})"
        )
        print(f"  rozmiar strony wiązki {bundles[0]['id']}: {page.stat().st_size // 1024} KiB")
        return 0 if t_ours / t_plain <= 0.6 else 1
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
