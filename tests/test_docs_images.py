"""The guide's pictures: taken by the browser tests (`make screenshots`), small, all used."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
IMAGES = REPO / "docs" / "img"
#: The SIZE rule of the repository: no picture over 150 KB.
LIMIT = 150 * 1024


def test_every_picture_is_small_png_and_used_by_the_guide():
    guide = (REPO / "docs" / "jak-dodac-wiazke.md").read_text(encoding="utf-8")
    pictures = sorted(IMAGES.glob("*.png"))
    assert pictures
    for picture in pictures:
        data = picture.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), picture.name
        assert len(data) < LIMIT, (picture.name, len(data))
    for name in ("edytor-logowanie", "edytor-nowa-wiazka", "edytor-edycja", "edytor-przeglad-zmian"):
        assert f"(img/{name}.png)" in guide
