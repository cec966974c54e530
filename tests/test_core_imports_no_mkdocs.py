"""The product must outlive Material for MkDocs: only the adapter may import MkDocs."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import wiazki

ADAPTERS = {"wiazki.mkdocs_plugin", "wiazki.mkdocs_config"}


def core_modules() -> list[str]:
    names = ["wiazki"]
    for info in pkgutil.walk_packages(wiazki.__path__, prefix="wiazki."):
        if info.name not in ADAPTERS:
            names.append(info.name)
    return sorted(names)


def test_the_core_has_the_modules_we_expect() -> None:
    names = core_modules()
    for expected in (
        "wiazki.validation.loader",
        "wiazki.validation.validator",
        "wiazki.model",
        "wiazki.views",
        "wiazki.views.site",
        "wiazki.views.exports",
        "wiazki.views.text",
        "wiazki.cli",
    ):
        assert expected in names


def test_no_core_module_imports_mkdocs() -> None:
    names = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'mkdocs' or m.startswith('mkdocs.') "
        "or m == 'material' or m.startswith('material.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"imported by the core: {result.stdout.strip()}"


def test_the_check_notices_an_import_of_mkdocs() -> None:
    code = "import sys, wiazki.mkdocs_plugin; print('mkdocs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr
