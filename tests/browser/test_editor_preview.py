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


def _preview_rows(browser, monkeypatch, parent, added, bundle, selector):
    """Render `bundle` with preview.js in Chromium, fed the editor data of the tree with
    `added` under `parent` (no decap-server needed); the text of the rows at `selector`."""
    import contentkit as kit
    import fieldkit
    from wiazki.editor.site import ASSETS_DIR, editor_data
    from wiazki.format.teryt import load_register
    from wiazki.model import Catalogue

    with fieldkit.tree_with(monkeypatch, "bundle", parent, added):
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
            f"""([data, entry, selector]) => {{
                document.body.append(window.bundlePreview({DOM_H}, data, {{}})(entry, null));
                return [...document.querySelectorAll(selector)].map((e) => e.tagName + " " + e.textContent);
            }}""",
            [data, bundle, selector],
        )
        assert page.errors == []
        # Values are text, never markup.
        assert page.locator("body b, body i").count() == 0
    finally:
        context.close()
    return rows


def test_the_preview_shows_a_field_added_to_the_tree(browser, monkeypatch):
    """A canvas list added to the tree: the preview shows it by its label, its values as text."""
    import contentkit as kit
    from wiazki.format.field import texts

    added = texts("success_measures", "Mierniki sukcesu", "Po czym poznamy, że wiązka działa.", "Miernik")
    bundle = kit.valid_bundle()
    bundle["canvas"]["success_measures"] = ["Mniej wezwań <b>pogotowia</b>", "Dłuższe życie w domu"]
    rows = _preview_rows(browser, monkeypatch, "canvas", added, bundle, ".wiazki-canvas > dl > *")
    assert rows == ["DT Mierniki sukcesu", "DD Mniej wezwań <b>pogotowia</b>; Dłuższe życie w domu"]


def test_the_preview_shows_a_field_added_to_a_design_section(browser, monkeypatch):
    """The same for a text added to a Design Thinking section (design.html `section_extra`)."""
    import contentkit as kit
    from wiazki.format.field import NAME_MAX, text

    added = text("stakeholders", "Interesariusze", "Kogo jeszcze dotyczy wyzwanie.", NAME_MAX)
    bundle = kit.valid_bundle()
    bundle["design"]["define"]["stakeholders"] = "Sołtysi i <i>parafia</i>"
    rows = _preview_rows(browser, monkeypatch, "design.define", added, bundle, ".wiazki-design-stage > dl > *")
    assert rows == ["DT Interesariusze", "DD Sołtysi i <i>parafia</i>"]
