"""Templates: each part of the bundle page can be overridden alone from a theme's custom_dir."""

from __future__ import annotations

from pathlib import Path

import contentkit as kit
from wiazki.format.teryt import load_register
from wiazki.model import Catalogue
from wiazki.views import SiteViews, template_environment

TEMPLATES = Path(__file__).resolve().parents[1] / "plugins" / "wiazki" / "templates" / "wiazki"


def _bundle_page(custom_dir: Path | None = None) -> str:
    catalogue = Catalogue.from_documents([kit.valid_bundle()], [kit.owes(), kit.gops(), kit.coop()], load_register())
    env = template_environment([custom_dir] if custom_dir else [])
    views = SiteViews(catalogue, env=env)
    return views.bundle_page(next(iter(catalogue.bundles.values()))).html


def _override(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / "wiazki").mkdir(parents=True, exist_ok=True)
    (tmp_path / "wiazki" / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_canvas_alone_can_be_overridden_with_the_shared_macros(tmp_path: Path) -> None:
    custom = _override(
        tmp_path,
        "canvas.html",
        '{% from "wiazki/macros.html" import texts, partner_link with context %}\n'
        '<section class="moja-kanwa"><h2 id="canvas">Moja kanwa</h2>'
        "{{ texts(canvas.channels) }}{{ partner_link(bundle.facilitator) }}</section>\n",
    )
    html = _bundle_page(custom)
    assert '<section class="moja-kanwa">' in html and "<li>Sołtysi i parafia</li>" in html
    assert 'href="../../partnerzy/owes-konin/"' in html
    assert 'class="wiazki-design"' in html  # the rest of the page is the default one
    assert 'class="wiazki-canvas"' not in html


def test_design_alone_can_be_overridden_with_the_shared_macros(tmp_path: Path) -> None:
    custom = _override(
        tmp_path,
        "design.html",
        '{% from "wiazki/macros.html" import texts, empty with context %}\n'
        '<section class="moj-proces"><h2 id="design-thinking">Mój proces</h2>'
        "{{ texts(design.findings) }}{{ empty() }}</section>\n",
    )
    html = _bundle_page(custom)
    assert '<section class="moj-proces">' in html and "<li>Seniorzy chcą zostać w domu.</li>" in html
    assert '<p class="wiazki-empty">do uzupełnienia</p>' in html
    assert 'class="wiazki-canvas"' in html
    assert 'class="wiazki-design"' not in html


def test_no_page_part_defines_macros_of_its_own() -> None:
    """Shared macros live in macros.html; a page part that defined them could not be overridden alone."""
    for template in TEMPLATES.glob("*.html"):
        if template.name in ("macros.html", "catalogue.html"):
            continue  # catalogue.html's `select` is its own form's
        assert "{% macro" not in template.read_text(encoding="utf-8"), template.name


def test_every_template_is_in_the_readme_table() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for template in TEMPLATES.glob("*.html"):
        assert f"| `{template.name}` |" in readme, template.name
