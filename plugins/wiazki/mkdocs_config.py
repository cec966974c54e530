"""The plugin's options in mkdocs.yml (`plugins: - wiazki: …`), as MkDocs reads them."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config

from wiazki.views.opendata import DEFAULT_LICENCE, LICENCES


class EditorConfig(Config):
    """The browser editor at /admin/ (Decap CMS); see docs/logowanie-w-edytorze.md."""

    enabled = opt.Type(bool, default=True)
    """Publish /admin/; `false` leaves it out of the site."""

    base_url = opt.Type(str, default="")
    """The OAuth relay people sign in to GitHub through (Decap's `backend.base_url`),
    e.g. `https://wiazki-oauth.example.org`. Empty: /admin/ explains that the editor
    is not set up (unless `local_backend` is set)."""

    auth_endpoint = opt.Type(str, default="auth")
    """The relay's sign-in path (Decap's `backend.auth_endpoint`)."""

    branch = opt.Type(str, default="main")
    """The branch pull requests from the editor go to."""

    local_backend = opt.Type(str, default="")
    """`decap-server`'s address for working on a local clone (`make edit` sets it),
    e.g. `http://127.0.0.1:8081/api/v1`; Decap uses it only on localhost."""

    tools_dir = opt.Type(str, default="tools/decap")
    """Where `make` put Decap CMS and the YAML library (relative to mkdocs.yml)."""


class WiazkiConfig(Config):
    enabled = opt.Type(bool, default=True)
    """Build the catalogue; `false` builds only the hand-written pages."""

    content_dir = opt.Type(str, default="content")
    """The content folder (with `bundles/` and `partners/`), relative to `mkdocs.yml`."""

    data_licence = opt.Choice(tuple(LICENCES), default=DEFAULT_LICENCE)
    """The licence of the published data (SPDX id): stated on /dane/, in every JSON
    export, the feeds and the calendars. `CC-BY-4.0`, `CC-BY-SA-4.0`, `CC0-1.0` or
    `ODbL-1.0`. The code has its own licence (MIT)."""

    editor = opt.SubConfig(EditorConfig)
    """The browser editor at /admin/."""

    strict_warnings = opt.Type(bool, default=False)
    """Log validation warnings (e.g. an old `reviewed` date) as MkDocs warnings, so that
    `mkdocs build --strict` fails on them too. Off by default: like `wiazki validate`
    without `--strict`, warnings are then reported at INFO level and errors only fail."""
