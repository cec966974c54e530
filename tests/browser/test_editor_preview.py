"""The editor preview (editor/assets/preview.js) in Debian's Chromium, without Decap or
decap-server: the script is loaded as a module and renders with DOM elements, fed the
editor data of a field tree with one more field."""

from __future__ import annotations

import pytest

from conftest import new_context, new_page

pytestmark = pytest.mark.browser


#: A stand-in for Decap's `h` (React's createElement): real DOM elements, text as text nodes.
DOM_H = """(tag, props, ...children) => {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "className") element.className = value;
    else if (key !== "key" && key !== "ref" && value !== undefined) element.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}"""


def test_the_preview_shows_a_field_added_to_the_tree(browser, monkeypatch):
    """preview.js in Chromium, fed the editor data of a tree with one more canvas list (no
    decap-server needed): the preview shows the field by its label, its values as text."""
    import contentkit as kit
    import fieldkit
    from wiazki.editor.site import ASSETS_DIR, editor_data
    from wiazki.format.field import texts
    from wiazki.format.teryt import load_register
    from wiazki.model import Catalogue

    added = texts("success_measures", "Mierniki sukcesu", "Po czym poznamy, że wiązka działa.", "Miernik")
    bundle = kit.valid_bundle()
    bundle["canvas"]["success_measures"] = ["Mniej wezwań <b>pogotowia</b>", "Dłuższe życie w domu"]
    with fieldkit.tree_with(monkeypatch, "bundle", "canvas", added):
        catalogue = Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())
        data = editor_data(catalogue)
    script = (ASSETS_DIR / "preview.js").read_text(encoding="utf-8") + "\nwindow.bundlePreview = bundlePreview;\n"
    context = new_context(browser)
    page = new_page(context)
    try:
        page.set_content('<!doctype html><html lang="pl"><title>Podgląd</title><body></body></html>')
        page.add_script_tag(content=script, type="module")
        page.wait_for_function("window.bundlePreview !== undefined")
        rows = page.evaluate(
            f"""([data, entry]) => {{
                document.body.append(window.bundlePreview({DOM_H}, data, {{}})(entry, null));
                const rows = document.querySelectorAll(".wiazki-canvas > dl > *");
                return [...rows].map((e) => e.tagName + " " + e.textContent);
            }}""",
            [data, bundle],
        )
        assert page.errors == []
        assert page.locator(".wiazki-canvas b").count() == 0
    finally:
        context.close()
    assert rows == ["DT Mierniki sukcesu", "DD Mniej wezwań <b>pogotowia</b>; Dłuższe życie w domu"]


def test_the_preview_shows_a_field_added_to_a_design_section(browser, monkeypatch):
    """The same for a text added to a Design Thinking section (design.html `section_extra`)."""
    import contentkit as kit
    import fieldkit
    from wiazki.editor.site import ASSETS_DIR, editor_data
    from wiazki.format.field import NAME_MAX, text
    from wiazki.format.teryt import load_register
    from wiazki.model import Catalogue

    added = text("stakeholders", "Interesariusze", "Kogo jeszcze dotyczy wyzwanie.", NAME_MAX)
    bundle = kit.valid_bundle()
    bundle["design"]["define"]["stakeholders"] = "Sołtysi i <i>parafia</i>"
    with fieldkit.tree_with(monkeypatch, "bundle", "design.define", added):
        catalogue = Catalogue.from_documents([bundle], [kit.owes(), kit.gops(), kit.coop()], load_register())
        data = editor_data(catalogue)
    script = (ASSETS_DIR / "preview.js").read_text(encoding="utf-8") + "\nwindow.bundlePreview = bundlePreview;\n"
    context = new_context(browser)
    page = new_page(context)
    try:
        page.set_content('<!doctype html><html lang="pl"><title>Podgląd</title><body></body></html>')
        page.add_script_tag(content=script, type="module")
        page.wait_for_function("window.bundlePreview !== undefined")
        rows = page.evaluate(
            f"""([data, entry]) => {{
                document.body.append(window.bundlePreview({DOM_H}, data, {{}})(entry, null));
                const rows = document.querySelectorAll(".wiazki-design-stage > dl > *");
                return [...rows].map((e) => e.tagName + " " + e.textContent);
            }}""",
            [data, bundle],
        )
        assert page.errors == []
        assert page.locator(".wiazki-design i").count() == 0
    finally:
        context.close()
    assert rows == ["DT Interesariusze", "DD Sołtysi i <i>parafia</i>"]
