"""Real git repositories with real bundle files, for the diff, history and issue tests."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

OWES = "owes-test"
GOPS = "gops-test"
COOP = "coop-test"
FIXED_DATE = "2026-03-02T10:00:00+01:00"


def git(repo: Path, *args: str, date: str = FIXED_DATE) -> str:
    env = dict(os.environ)
    env.update(
        {
            "GIT_AUTHOR_NAME": "Animatorka OWES",
            "GIT_AUTHOR_EMAIL": "animatorka@example.org",
            "GIT_COMMITTER_NAME": "Animatorka OWES",
            "GIT_COMMITTER_EMAIL": "animatorka@example.org",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(repo),
        }
    )
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def init_repo(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit(repo: Path, message: str, date: str = FIXED_DATE) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD")


def write_yaml(repo: Path, relative: str, data: dict[str, Any]) -> Path:
    path = repo / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return path


def write_bundle(repo: Path, data: dict[str, Any], content: str = "content") -> Path:
    return write_yaml(repo, f"{content}/bundles/{data['id']}.yml", data)


def partner(pid: str, name: str, sector: str, kind: str, short_name: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"format": 1, "id": pid, "name": name, "sector": sector, "kind": kind}
    if short_name:
        data["short_name"] = short_name
    return data


PARTNERS = (
    partner(OWES, "Ośrodek Wsparcia Ekonomii Społecznej Testowy", "social_economy", "owes", "OWES Testowy"),
    partner(GOPS, "Gminny Ośrodek Pomocy Społecznej w Kramsku", "public", "social_assistance_centre", "GOPS Kramsk"),
    partner(COOP, "Spółdzielnia Socjalna Dobry Kąt", "social_economy", "social_coop", "SS Dobry Kąt"),
)


def write_partners(repo: Path, content: str = "content") -> None:
    for data in PARTNERS:
        write_yaml(repo, f"{content}/partners/{data['id']}.yml", data)


def _service(name: str, type_: str, provider: str) -> dict[str, Any]:
    return {
        "name": name,
        "type": type_,
        "area": "social_assistance",
        "provider": provider,
        "description": f"{name} dla mieszkańców gminy.",
        "access": "Skierowanie z GOPS po wywiadzie środowiskowym.",
        "fee": "free",
    }


_BUNDLE: dict[str, Any] = {
    "format": 1,
    "id": "",
    "title": "",
    "summary": "Opieka, obiady i teleopieka dla samotnie mieszkających seniorów w jednym pakiecie.",
    "stage": "prototype",
    "territory": ["3010052"],
    "facilitator": OWES,
    "reviewed": "2026-01-15",
    "canvas": {
        "customer_segments": [{"group": "older_persons", "description": "Osoby 65+ mieszkające samotnie."}],
        "value_proposition": {
            "summary": "Jedno zgłoszenie w GOPS otwiera dostęp do pakietu usług.",
            "services": [
                _service("Usługi opiekuńcze", "care", COOP),
                _service("Obiady z dowozem", "meals", COOP),
                _service("Klub seniora", "day_support", GOPS),
            ],
        },
        "channels": ["Pracownicy socjalni GOPS"],
        "customer_relationships": ["Jeden koordynator dla każdego seniora"],
        "revenue_streams": [
            {
                "source": "local_budget",
                "description": "Budżet gminy na usługi opiekuńcze.",
                "amount_pln": 412000,
                "period": "2026",
            },
            {"source": "user_fees", "description": "Odpłatność za obiady.", "amount_pln": 54000, "period": "2026"},
        ],
        "key_resources": ["Zespół opiekunek"],
        "key_activities": ["Wywiady środowiskowe"],
        "key_partners": [
            {"partner": GOPS, "role": "coordinator", "contribution": "Koordynuje partnerstwo."},
            {"partner": OWES, "role": "facilitator", "contribution": "Facylituje proces."},
            {"partner": COOP, "role": "provider", "contribution": "Świadczy usługi opiekuńcze i obiady."},
        ],
        "cost_structure": [
            {"item": "Usługi opiekuńcze", "amount_pln": 342000, "period": "2026"},
            {"item": "Obiady z dowozem", "amount_pln": 124000, "period": "2026"},
        ],
    },
    "design": {
        "discover": {"methods": ["Wywiady pogłębione z seniorami"], "findings": ["Seniorzy boją się upadku w domu"]},
        "define": {
            "challenge": "Jak możemy sprawić, żeby senior czuł się bezpiecznie?",
            "needs": ["Poczucie bezpieczeństwa"],
        },
        "ideate": {"ideas": ["Opaska bezpieczeństwa"], "chosen": "Pakiet trzech usług z jednym punktem wejścia."},
        "prototype": {
            "tests": [
                {
                    "date": "2025-09-15",
                    "participants": 12,
                    "method": "Miesięczny test dowozu obiadów.",
                    "feedback": ["Porcje za duże"],
                    "changes": ["Mniejsze porcje"],
                }
            ]
        },
    },
}


def bundle(bid: str, title: str, **fields: Any) -> dict[str, Any]:
    """A valid bundle at stage prototype; `fields` replace top-level fields."""
    data = copy.deepcopy(_BUNDLE)
    data.update(id=bid, title=title)
    data.update(fields)
    return data


SITE_MKDOCS_YML = """\
site_name: Katalog testowy
site_url: https://example.org/wiazki/
theme:
  name: material
  language: pl
plugins:
{plugins}"""


def site_repo(repo: Path, plugins: tuple[str, ...] = ("wiazki",)) -> Path:
    """A git repository holding a small MkDocs project: mkdocs.yml with `plugins`, a home page
    with the catalogue's marker, and the three partners; nothing committed yet."""
    init_repo(repo)
    yml = SITE_MKDOCS_YML.format(plugins="".join(f"  - {name}\n" for name in plugins))
    (repo / "mkdocs.yml").write_text(yml, encoding="utf-8")
    (repo / "docs").mkdir()
    (repo / "docs/index.md").write_text("# Katalog\n\n<!-- wiazki:home -->\n", encoding="utf-8")
    write_partners(repo)
    return repo


def merge_pull_request(repo: Path, number: int, branch: str, date: str, body: str = "") -> str:
    """Merge `branch` into main with a merge commit, as GitHub's button does for pull request `number`."""
    git(repo, "switch", "-q", "main")
    message = f"Merge pull request #{number} from {branch}" + (f"\n\n{body}" if body else "")
    git(repo, "merge", "-q", "--no-ff", "-m", message, branch, date=date)
    return git(repo, "rev-parse", "HEAD")


def mkdocs_build(project: Path, site: Path, today: str, env: dict[str, str] | None = None) -> Path:
    """`mkdocs build --strict` of `project` into `site` with WIAZKI_TODAY=`today`, in a subprocess
    (as a person runs it); fails the test with MkDocs' output when the build fails."""
    done = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "-q"]
        + ["-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=dict(os.environ, WIAZKI_TODAY=today, **(env or {})),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site
