"""No page asks another site for anything as it loads: no web fonts, no GitHub API.

Every request the page makes is recorded (the test context refuses outside requests
anyway, see conftest.route_requests); only the site's own address may appear.
"""

from __future__ import annotations

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
