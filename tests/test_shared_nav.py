"""Material's nav rendered once for the pages outside it (wiazki/shared_nav.py): the same
site, byte for byte, as when Material renders the nav into every page itself."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import sitehelpers as site
from wiazki import shared_nav
from wiazki.shared_nav import Key, SharedNav


def _page(url: str) -> SimpleNamespace:
    return SimpleNamespace(url=url)


def _nav(*pages: SimpleNamespace, links: tuple[str, ...] = ()) -> SimpleNamespace:
    items = [*pages, *(SimpleNamespace(url=link, children=None) for link in links)]
    section = SimpleNamespace(url=None, children=items)
    return SimpleNamespace(pages=list(pages), items=[section])


def test_pages_outside_the_nav_in_sibling_folders_share_one_key() -> None:
    home, catalogue = _page(""), _page("wiazki/")
    nav = _nav(home, catalogue)
    shared = SharedNav()
    first = shared.key(_page("wiazki/senior-u-siebie/"), nav)
    assert first is not None
    assert shared.key(_page("wiazki/klucz-do-domu-gdansk/"), nav) == first
    # Another parent folder reads its links to the catalogue differently ("../../wiazki/").
    assert shared.key(_page("partnerzy/fundacja/"), nav) not in (None, first)
    # A deeper page has one ".." more.
    assert shared.key(_page("wiazki/a/b/"), nav) not in (None, first)


def test_a_page_in_the_nav_or_one_a_nav_link_leads_into_gets_no_key() -> None:
    catalogue, guide = _page("wiazki/"), _page("jak-dodac-wiazke/")
    nav = _nav(catalogue, guide, links=("wiazki/lista/#top",))
    shared = SharedNav()
    assert shared.key(catalogue, nav) is None  # its own item is active
    assert shared.key(_page("wiazki/lista/"), nav) is None  # the link's target is its folder
    assert shared.key(_page("jak-dodac-wiazke/krok/"), nav) is not None
    assert shared.key(None, nav) is None
    # Without directory URLs a bundle page sits in the catalogue's folder: "wiazki/index.html".
    flat = _nav(_page("index.html"), _page("wiazki/index.html"))
    assert shared.key(_page("wiazki/senior.html"), flat) is None


def test_a_link_is_read_as_mkdocs_normalises_it() -> None:
    nav = _nav(_page(""), links=("wiazki/../wiazki/klucz/",))
    assert SharedNav().key(_page("wiazki/klucz/"), nav) is None
    assert SharedNav().key(_page("wiazki/inna/"), nav) is not None


def test_no_key_when_sharing_is_off() -> None:
    assert SharedNav(shared=False).key(_page("wiazki/a/"), _nav(_page(""))) is None


def test_a_theme_url_leading_into_the_folder_is_checked_too() -> None:
    nav = _nav(_page(""))
    assert SharedNav(["wiazki/logo/logo.svg"]).key(_page("wiazki/logo/"), nav) is None
    assert SharedNav(["assets/logo.svg"]).key(_page("wiazki/logo/"), nav) is not None


def test_kept_html_is_forgotten_for_a_new_nav() -> None:
    shared, page = SharedNav(), _page("wiazki/a/")
    first_nav = _nav(_page(""))
    key = shared.key(page, first_nav)
    shared.keep(key, "<nav>1</nav>")
    assert shared.get(key) == "<nav>1</nav>"
    assert shared.key(page, _nav(_page(""))) == key
    assert shared.get(key) is None  # a rebuild (mkdocs serve) has a new nav


def _html_files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*.html"))}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_the_site_is_the_same_as_with_materials_nav_on_every_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, directory_urls: bool
) -> None:
    project = site.make_project(tmp_path / "project", site.REPO / "content")
    if not directory_urls:
        config = project / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n", encoding="utf-8")
    kept: list[Key | None] = []
    keep = SharedNav.keep

    def counting_keep(self: SharedNav, key: Key | None, html: str) -> str:
        kept.append(key)
        return keep(self, key, html)

    monkeypatch.setattr(SharedNav, "keep", counting_keep)
    shared = _html_files(site.build(project, site_dir=tmp_path / "shared"))
    monkeypatch.setattr(SharedNav, "key", lambda self, page, nav: None)
    material = _html_files(site.build(project, site_dir=tmp_path / "material"))

    assert shared.keys() == material.keys()
    different = [name for name in shared if shared[name] != material[name]]
    assert different == []
    bundles = [name for name in shared if name.startswith("wiazki/") and name != "wiazki/index.html"]
    assert len(bundles) >= 12
    assert b"md-nav--primary" in shared[bundles[0]]
    # Material rendered the nav once for all the bundle pages (wiazki/<id>/, or
    # wiazki/<id>/index.html), once for the partners' pages, and for the pages in the nav.
    assert (("wiazki",), 2) in kept and (("partnerzy",), 2) in kept
    assert len(kept) == len(set(kept)) <= 3


def test_install_twice_keeps_one_base_loader(tmp_path: Path) -> None:
    import jinja2

    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "nav.html").write_text("base nav", encoding="utf-8")
    env = jinja2.Environment(loader=jinja2.DictLoader({"main.html": "x"}))
    shared_nav.install(env, [str(tmp_path)])
    shared_nav.install(env, [str(tmp_path)])
    assert env.get_template(f"{shared_nav.BASE}/partials/nav.html").render() == "base nav"
    assert env.get_template("main.html").render() == "x"
    assert isinstance(env.loader, jinja2.ChoiceLoader) and len(env.loader.loaders) == 2


def test_a_custom_dir_with_a_partial_of_the_nav_gets_materials_nav_on_every_page(tmp_path: Path) -> None:
    """A theme's own nav-item.html may read the page (found by a tester: a copy that wrote
    the page's title showed the first page's title on 65 pages): the nav is then not shared."""
    import material

    project = site.make_project(tmp_path / "project", site.REPO / "content")
    partials = project / "overrides" / "partials"
    partials.mkdir(parents=True)
    original = (Path(material.__file__).parent / "templates" / "partials" / "nav-item.html").read_text(encoding="utf-8")
    marked = re.sub(r"({% macro render\(.*?%})", r"\1<!-- strona: {{ page.title }} -->", original, count=1)
    assert marked != original
    (partials / "nav-item.html").write_text(marked, encoding="utf-8")
    assert shared_nav.overrides_nav(str(project / "overrides"))
    assert not shared_nav.overrides_nav(str(tmp_path / "none")) and not shared_nav.overrides_nav(None)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "\ntheme:\n" in text and "custom_dir" not in text
    config.write_text(text.replace("\ntheme:\n", "\ntheme:\n  custom_dir: overrides\n", 1), encoding="utf-8")
    built = site.build(project)
    for folder in ("wiazki/senior-u-siebie-kramsk", "wiazki/klucz-do-domu-gdansk"):
        page = site.page(built, folder)
        title = page.find("h1").text.strip()
        assert f"<!-- strona: {title}" in page.source, folder
