"""No page asks another site for anything as it loads (no web fonts, no GitHub API),
and no rendered page shows English, script-made text included.

Every request the page makes is recorded (the test context refuses outside requests
anyway, see conftest.route_requests); only the site's own address may appear.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def test_no_page_type_requests_another_site(page, real_site) -> None:
    bundle = sorted(p.parent.name for p in (real_site.root / "wiazki").glob("*/index.html"))[0]
    partner = sorted(p.parent.name for p in (real_site.root / "partnerzy").glob("*/index.html"))[0]
    requested: list[str] = []

    def record(request: Any) -> None:
        requested.append(request.url)

    page.on("request", record)
    try:
        for path in (
            "",
            "wiazki/",
            f"wiazki/{bundle}/",
            "partnerzy/",
            f"partnerzy/{partner}/",
            "prywatnosc/",
            "nie-ma-takiej-strony/",
        ):
            page.goto(real_site.url(path))
            # Material asks for the repository's facts after the page has loaded.
            page.wait_for_load_state("networkidle")
    finally:
        page.remove_listener("request", record)
    assert requested, "the recorder saw the pages' own requests"
    outside = sorted({url for url in requested if not url.startswith(real_site.public) and not url.startswith("data:")})
    assert outside == []


#: Everything a visitor sees or hears on the rendered page, script-made text included.
RENDERED_TEXT_JS = """() => [document.body.innerText, ...[...document.querySelectorAll('*')].flatMap(n =>
    [...n.attributes].filter(a => a.name.startsWith('aria-') || ['title', 'alt', 'placeholder'].includes(a.name))
        .map(a => a.value))].join('\\n')"""


def test_rendered_pages_have_no_english_text_or_aria(page, real_site) -> None:
    from test_public_site import english_strings

    pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in english_strings()))
    bundle = sorted(p.parent.name for p in (real_site.root / "wiazki").glob("*/index.html"))[0]
    english = {}
    for path in ("", "wiazki/", f"wiazki/{bundle}/", "partnerzy/", "dane/", "nie-ma-takiej-strony/"):
        page.goto(real_site.url(path))
        page.wait_for_load_state("networkidle")
        hits = sorted(set(pattern.findall(page.evaluate(RENDERED_TEXT_JS))))
        if hits:
            english[path] = hits
    assert not english
