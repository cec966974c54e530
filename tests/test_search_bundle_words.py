"""The catalogue's word files (search/bundle_words.py): which bundles show or hold which words."""

from __future__ import annotations

import base64
import json

from wiazki.search import bundle_words
from wiazki.search.records import SearchRecord


def _bundle(bundle_id: str, text: str, hidden: list[str]) -> SearchRecord:
    return SearchRecord(
        url=f"wiazki/{bundle_id}/",
        kind="bundle",
        title=bundle_id,
        fields=[(10.0, bundle_id), (1.0, text)],
        hidden=[(1.0, hidden)],
        filters={"kind": ["bundle"], "bundle": [bundle_id]},
    )


def test_words_are_folded_and_numbered_by_sorted_bundle_id() -> None:
    records = [
        _bundle("bravo", "Poradnictwo w Radomiu, Pszczelarz-instruktor.", ["radom", "rada"]),
        _bundle("alfa", "Rada Seniorów Krosna", ["rada"]),
        SearchRecord(url="partnerzy/x/", kind="partner", title="Rada", fields=[(10.0, "Rada")]),
    ]
    files = {name: json.loads(text) for name, text in bundle_words.shards(records).items()}
    rad = files["ra.json"]  # few words: one file for every "ra…"
    assert rad["n"] == 2
    # Shown: "Radomiu" on b (1), "Rada" on a (0); index-only: "radom" on b, and not "rada"
    # of a, which shows it.
    assert rad["v"] == {"radomiu": [1], "rada": [0]}
    assert rad["h"] == {"radom": [1], "rada": [1]}
    # A hyphenated word is also its parts; the partner is no bundle.
    assert files["ps.json"]["v"] == {"pszczelarzinstruktor": [1], "pszczelarz": [1]}
    assert files["se.json"]["v"] == {"seniorow": [0]}


def test_a_word_on_many_bundles_is_a_bitmap() -> None:
    records = [_bundle(f"b{n:03d}", "seniorzy", []) for n in range(100)]
    encoded = json.loads(bundle_words.shards(records)["se.json"])["v"]["seniorzy"]
    assert base64.b64decode(encoded) == b"\xff" * 12 + b"\x0f"


def test_a_large_file_is_split_letter_by_letter_as_the_script_follows_it(monkeypatch) -> None:
    # Few, fuller files (the build writes each one to the disk): a file over the limit
    # keeps its short words and a mark, its longer words go one letter deeper.
    monkeypatch.setattr(bundle_words, "SPLIT_BYTES", 55)
    records = [_bundle("alfa", "Radomiu radni radosne ra", [])]
    files = {name: json.loads(text) for name, text in bundle_words.shards(records).items()}
    assert files["ra.json"]["+"] == 1 and files["ra.json"]["v"] == {"ra": [0]}
    assert files["rad.json"]["+"] == 1 and files["rad.json"]["v"] == {}
    assert files["rado.json"]["v"] == {"radomiu": [0], "radosne": [0]} and files["radn.json"]["v"] == {"radni": [0]}
