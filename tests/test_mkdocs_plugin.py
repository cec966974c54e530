"""The MkDocs adapter: options, assets, caching between rebuilds, serve behaviour, overrides."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import sitehelpers as h
from wiazki.mkdocs_plugin import WiazkiConfig, WiazkiPlugin


def _project(tmp_path: Path) -> Path:
    h.fixture_content(tmp_path / "content")
    return h.make_project(tmp_path)


def _config(project: Path, **overrides):
    return load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), **overrides)


def test_options_are_documented_and_validate() -> None:
    config = WiazkiConfig()
    config.load_dict({"content_dir": "content"})
    assert config.validate() == ([], [])
    source = Path(h.REPO / "plugins" / "wiazki" / "mkdocs_config.py").read_text(encoding="utf-8")
    for option in ("enabled", "content_dir", "strict_warnings"):
        declaration = source.index(f"    {option} = opt.")
        end = (source + "\n\n").index("\n\n", declaration)
        assert '"""' in source[declaration:end], f"{option} has no docstring"


def test_the_plugin_is_registered_under_its_entry_point(tmp_path: Path) -> None:
    config = _config(_project(tmp_path))
    assert isinstance(config.plugins["wiazki"], WiazkiPlugin)


def test_assets_are_loaded_on_every_page_with_a_deferred_script(tmp_path: Path) -> None:
    project = _project(tmp_path)
    with h.frozen_today():
        build(_config(project))
    for url in ("", "wiazki", "wiazki/senior-u-siebie", "dane"):
        source = h.page(project / "site", url).source
        assert 'assets/wiazki/wiazki.css"' in source
        assert h.re.search(r'<script src="[./]*assets/wiazki/catalogue\.js" defer>', source)
    assert (project / "site" / "assets" / "wiazki" / "catalogue.js").is_file()


def test_a_rebuild_parses_only_changed_files(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = _config(project)
    plugin = config.plugins["wiazki"]
    with h.frozen_today():
        build(config)
        assert plugin._validator.parsed == 5  # 2 bundles + 3 partners
        build(config)
        assert plugin._validator.parsed == 0
        bundle = project / "content" / "bundles" / "senior-u-siebie.yml"
        bundle.write_text(
            bundle.read_text(encoding="utf-8").replace("Senior u siebie w gminie Kramsk", "Senior u siebie w Kramsku"),
            encoding="utf-8",
        )
        build(config)
        assert plugin._validator.parsed == 1
    assert "Senior u siebie w Kramsku" in h.page(project / "site", "wiazki/senior-u-siebie").source


def test_serve_watches_the_content_folder(tmp_path: Path) -> None:
    project = _project(tmp_path)
    config = _config(project)
    plugin = config.plugins["wiazki"]
    plugin.on_config(config)

    class Server:
        watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    server = Server()
    plugin.on_serve(server, config=config, builder=None)
    assert Path(server.watched[0]) == (project / "content").resolve()


def test_while_serving_a_broken_file_is_shown_without_stopping_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = _project(tmp_path)
    broken = project / "content" / "bundles" / "zla.yml"
    broken.write_text("format: 1\nid: zla\ntitle: [niedomknięta\n", encoding="utf-8")
    config = _config(project)
    config.plugins["wiazki"].on_startup(command="serve", dirty=False)
    with h.frozen_today(), caplog.at_level(logging.ERROR, logger="mkdocs"):
        build(config, serve_url="http://127.0.0.1:8000/wiazki/")
    lines = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("zla.yml:" in line and ": error: " in line for line in lines), lines
    catalogue = h.page(project / "site", "wiazki").content()
    banner = catalogue.find("div", class_="wiazki-problems")
    assert "Błędy w plikach treści" in banner.text and "zla.yml" in banner.text
    assert "Senior u siebie w gminie Kramsk" in catalogue.source


def test_templates_can_be_overridden_from_the_theme_custom_dir(tmp_path: Path) -> None:
    project = _project(tmp_path)
    override = project / "overrides" / "wiazki"
    override.mkdir(parents=True)
    (override / "card.html").write_text(
        '<article class="wiazki-card" data-stage="{{ bundle.stage }}"><h3>NADPISANA '
        "{{ bundle.title }}</h3></article>\n",
        encoding="utf-8",
    )
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "custom_dir:" not in text:
        text = text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")
    with h.frozen_today():
        build(_config(project))
    assert "NADPISANA Senior u siebie w gminie Kramsk" in h.page(project / "site", "wiazki").source


def test_strict_warnings_makes_validation_warnings_fail_a_strict_build(tmp_path: Path) -> None:
    from mkdocs.exceptions import Abort

    project = _project(tmp_path)  # the discovery bundle has a too-few-services warning
    with h.frozen_today():
        build(_config(project, strict=True))  # warnings are INFO by default
        config = _config(project, strict=True)
        config.plugins["wiazki"].config.strict_warnings = True
        with pytest.raises(Abort):
            build(config)


def test_a_malformed_wiazki_today_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import Abort

    project = _project(tmp_path)
    monkeypatch.setenv("WIAZKI_TODAY", "27.11.2026")
    with pytest.raises(Abort), caplog.at_level(logging.ERROR, logger="mkdocs"):
        build(_config(project))
    assert any("WIAZKI_TODAY musi mieć postać RRRR-MM-DD" in r.getMessage() for r in caplog.records)
