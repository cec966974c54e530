"""The package's shape: small modules, imports in one direction, MkDocs only in the adapter.

A newcomer reads `ls plugins/wiazki` as the pipeline (format → validation → model →
views → adapters); these tests keep it that way. The MkDocs rule has its own test
(test_core_imports_no_mkdocs.py), which imports every module in a fresh interpreter.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "wiazki"
MAX_LINES = 400
#: Modules over the limit, each with why it is still there. Remove an entry once the
#: module is split; never add one for new code.
OVERSIZE: dict[str, str] = {}


def _modules() -> dict[str, Path]:
    """Every module by dotted name ("wiazki.format.fields")."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _top_level_imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules that `name` imports when it is loaded (not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        imported |= {target for target in targets if target in modules and target != name}
    return imported


def test_no_module_is_longer_than_the_limit() -> None:
    too_long = {
        str(path.relative_to(PACKAGE)): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    too_long = {path: lines for path, lines in too_long.items() if lines > MAX_LINES}
    assert set(too_long) <= set(OVERSIZE), {p: n for p, n in too_long.items() if p not in OVERSIZE}
    # An excused module that is short again must leave the list.
    assert not set(OVERSIZE) - set(too_long), set(OVERSIZE) - set(too_long)


def test_no_import_cycles() -> None:
    modules = _modules()
    graph = {name: _top_level_imports(name, path, modules) for name, path in modules.items()}
    # A package imports nothing of its own at load time but its __init__'s imports; a
    # submodule importing its package's __init__ is not a cycle of ours.
    for name in graph:
        graph[name] = {target for target in graph[name] if not name.startswith(target + ".")}
    visiting: list[str] = []
    done: set[str] = set()
    cycles: list[list[str]] = []

    def visit(name: str) -> None:
        if name in done:
            return
        if name in visiting:
            cycles.append([*visiting[visiting.index(name) :], name])
            return
        visiting.append(name)
        for target in sorted(graph[name]):
            visit(target)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)
    assert not cycles, cycles


def test_the_pipeline_flows_one_way() -> None:
    """format knows nothing after it; validation nothing of the model or views; no core module imports the CLI."""
    modules = _modules()
    later = {
        "wiazki.format": ("wiazki.validation", "wiazki.model", "wiazki.views", "wiazki.revisions", "wiazki.new_bundle"),
        "wiazki.validation": ("wiazki.model", "wiazki.views", "wiazki.revisions", "wiazki.new_bundle"),
        "wiazki.model": ("wiazki.views", "wiazki.revisions", "wiazki.new_bundle"),
    }
    wrong = []
    for name, path in modules.items():
        imported = _top_level_imports(name, path, modules)
        if name not in ("wiazki.cli", "wiazki.mkdocs_plugin") and "wiazki.cli" in imported:
            wrong.append((name, "wiazki.cli"))
        for stage, forbidden in later.items():
            if name == stage or name.startswith(stage + "."):
                wrong += [(name, target) for target in imported if target.startswith(forbidden)]
    assert not wrong, wrong
