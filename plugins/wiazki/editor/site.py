"""The files of /admin/: the editor's page, its configuration, its data and its scripts.

A site whose editor cannot sign anyone in (no OAuth relay set and no local
`decap-server`) gets a Polish page that explains why and what to do instead; no
editor script is loaded there. Decap CMS's bundle and the YAML library come from
`tools/decap/` (fetched from npm by `make`, never committed); without them the
same explanation page says how to fetch them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment

from wiazki.editor.config import EditorSettings, decap_config, required_paths
from wiazki.format import vocab
from wiazki.format.fields import KINDS, iter_fields
from wiazki.model import Catalogue
from wiazki.model.build import MODELLED, unmodelled
from wiazki.views.templates import CANVAS_ORDER

ASSETS_DIR = Path(__file__).resolve().parent / "assets"
#: The file headers the editor writes (and keeps): editors find the schema through them.
HEADERS = {
    "bundles": "# yaml-language-server: $schema=../../schemas/bundle.schema.json",
    "partners": "# yaml-language-server: $schema=../../schemas/partner.schema.json",
}
#: The editor's own page: where the guide to setting up sign-in lives on the site.
SIGN_IN_GUIDE = "logowanie-w-edytorze.md"


@dataclass(frozen=True)
class EditorFile:
    """One file of /admin/: text `content`, or a file on disk to copy (`source`)."""

    src_uri: str
    content: str | None = None
    source: Path | None = None


@dataclass(frozen=True)
class Vendor:
    """Where the fetched third-party scripts are: Decap's bundle and the YAML library."""

    decap_dir: Path
    yaml_dir: Path

    @classmethod
    def under(cls, tools_dir: Path) -> Vendor:
        return cls(tools_dir / "vendor" / "decap-cms", tools_dir / "node_modules" / "yaml" / "browser" / "dist")

    @property
    def present(self) -> bool:
        return (self.decap_dir / "decap-cms.js").is_file() and (self.yaml_dir / "index.js").is_file()

    def files(self) -> Iterable[EditorFile]:
        for path in sorted(self.decap_dir.iterdir()):
            if path.is_file() and not path.name.startswith("."):
                yield EditorFile(f"admin/decap/{path.name}", source=path)
        for path in sorted(self.yaml_dir.rglob("*.js")):
            yield EditorFile(f"admin/yaml/{path.relative_to(self.yaml_dir).as_posix()}", source=path)


def config_yaml(settings: EditorSettings) -> str:
    """Decap's `config.yml`: generated, never edited by hand."""
    header = "# Wygenerowane przez wtyczkę wiazki z definicji formatu (wiazki.format.fields); nie edytuj.\n"
    return header + yaml.safe_dump(decap_config(settings), allow_unicode=True, sort_keys=False, width=120)


def editor_data(catalogue: Catalogue) -> dict[str, Any]:
    """What the preview and the file format need beyond Decap's configuration."""
    register = catalogue.register
    return {
        "headers": HEADERS,
        "required": {"bundles": required_paths("bundle"), "partners": required_paths("partner")},
        "partners": {p.id: p.display_name for p in catalogue.partners.values()},
        "teryt": {code: register.describe(code) for code in register.units},
        "canvas_order": list(CANVAS_ORDER),
        "canvas_labels": dict(vocab.CANVAS_BLOCKS.labels),
        # The preview's labels, from the field tree: {kind: {path: label}}.
        "labels": {kind: {node.path: node.label for node in iter_fields(kind)} for kind in KINDS},
        # Fields the preview shows as "label: value" rows: {path of an object: [child names]}.
        "more": {path: [node.name for node in unmodelled(kind, path)] for kind, path in MODELLED if kind == "bundle"},
        "design_stages": [[stage, vocab.STAGES.label(stage)] for stage in vocab.DESIGN_STAGES],
    }


def _json_for_script(value: Any) -> str:
    """JSON safe inside <script>: no `</script>` or comment openers can end it early."""
    return json.dumps(value, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def editor_files(
    settings: EditorSettings,
    catalogue: Catalogue,
    env: Environment,
    vendor: Vendor,
    styles: Sequence[str],
    link: Callable[[str], str] = lambda src_uri: "../" + src_uri,
) -> list[EditorFile]:
    """Every file of /admin/.

    `styles` are the site's stylesheets (site-relative URLs) for the preview; `link`
    turns a page's source path into a link from /admin/ (plain URLs, so that a site
    without the guide pages builds in `--strict` mode too).
    """
    if not settings.can_sign_in or not vendor.present:
        return [EditorFile("admin/index.md", content=explanation(settings, vendor, link))]
    page_settings = {"styles": ["../" + url for url in styles], "data": "wiazki-editor-data.json"}
    page = env.get_template("wiazki/admin.html").render(settings_json=_json_for_script(page_settings))
    files = [
        EditorFile("admin/index.html", content=page),
        EditorFile("admin/config.yml", content=config_yaml(settings)),
        EditorFile("admin/wiazki-editor-data.json", content=json.dumps(editor_data(catalogue), ensure_ascii=False)),
        EditorFile("admin/wiazki-editor.js", source=ASSETS_DIR / "editor.js"),
        EditorFile("admin/wiazki-preview.js", source=ASSETS_DIR / "preview.js"),
    ]
    files += list(vendor.files())
    return files


def explanation(
    settings: EditorSettings, vendor: Vendor, link: Callable[[str], str] = lambda src_uri: "../" + src_uri
) -> str:
    """The Polish page shown at /admin/ when the editor cannot run on this site."""
    if not settings.can_sign_in:
        reason = (
            "Na tej stronie edytor nie jest jeszcze włączony: nikt nie może się w nim zalogować, bo "
            "administrator strony nie ustawił adresu **pośrednika logowania** (OAuth) do GitHuba. "
            "Strona katalogu jest statyczna, więc do zalogowania przez GitHub potrzebuje małej usługi, "
            "która wymieni kod logowania na token. "
            f"Osoba odpowiedzialna za IT w OWES znajdzie instrukcję w [Logowanie w edytorze]({link(SIGN_IN_GUIDE)})."
        )
    else:
        reason = (
            "Ta kopia strony została zbudowana bez plików edytora (Decap CMS). Uruchom `make serve` "
            "albo `make edit` – pobiorą je z rejestru npm w przypiętej wersji."
        )
    return f"""---
title: Edytor wiązek
---

# Edytor wiązek

{reason}

## Co możesz zrobić już teraz

- **Nowa wiązka:** wypełnij formularz zgłoszenia „Nowa wiązka” w repozytorium katalogu – z
  formularza powstanie pull request z plikiem wiązki.
- **Zmiana w istniejącej wiązce:** na stronie wiązki wybierz „Zaproponuj zmianę w pliku” i
  popraw plik YAML w edytorze GitHuba.
- **Na własnym komputerze:** z kopią repozytorium uruchom `make edit` – edytor zadziała
  lokalnie, a każdy zapis będzie osobną gałęzią.

Wszystkie sposoby opisuje [Jak dodać wiązkę]({link("jak-dodac-wiazke.md")}).
"""
