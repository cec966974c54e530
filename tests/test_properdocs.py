"""The site builds unchanged with ProperDocs, the maintained fork of MkDocs 1.x.

ProperDocs installs next to MkDocs (its own `properdocs` package; it redirects
`mkdocs.*` imports only inside its own process), so it is a pinned test
dependency of the main virtualenv and runs here in a subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import sitehelpers as h

PROPERDOCS = Path(sys.executable).parent / "properdocs"


def test_properdocs_builds_the_sample_site_strictly(tmp_path: Path) -> None:
    assert PROPERDOCS.exists(), "properdocs is missing from the virtualenv: run `make install`"
    project = h.make_project(tmp_path / "project", h.REPO / "content")
    site = tmp_path / "site"
    env = dict(os.environ, WIAZKI_TODAY=h.TODAY, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [str(PROPERDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    page = h.page(site, "wiazki/senior-u-siebie-kramsk")
    assert page.find("section", class_="wiazki-canvas")
    assert (
        page.find("a", class_="md-content__button")
        .attrs["href"]
        .endswith("/edit/main/content/bundles/senior-u-siebie-kramsk.yml")
    )
    assert h.page(site, "wiazki").find_all("article", class_="wiazki-card")
    assert json.loads((site / "api" / "bundles.json").read_text(encoding="utf-8"))["format"] == 1
    assert "wiazki/senior-u-siebie-kramsk/" in h.pagefind_fragments(site)
