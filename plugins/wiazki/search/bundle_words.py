"""Which bundles hold which words: the catalogue's check of a query word, without the pages.

The header search checks each page Pagefind finds on the page's own words (assets/search.js,
`matchedLocations`): Pagefind compares stems, and a short stem joins different words
("radomiu" and "Rady" are both "rad"). The catalogue needs the same answer for every
bundle, and fetching every matching bundle's text would cost megabytes at 1,000 bundles.
So the build writes the same facts as small files: for each folded word of the bundles'
search records, the bundles that show it (`"v"`) and the bundles that hold it only among
their index-only words (`"h"`). The script reads the one file of a query word's first
letters and applies the header's rules to its words (search.js, `catalogueMatches`).

Files: `<site>/pagefind/slowa/<prefix>.json` (prefixes as `dictionary.shard_name`, split
letter by letter over `SPLIT_BYTES` as `dictionary.split_shards` does, then holding {"+": 1}), each
{"n": bundles, "v": {word: bundles}, "h": {word: bundles}}. Bundles are numbered in the
order of their sorted ids (the script sorts the ids of Pagefind's "bundle" filter the
same way and checks "n"); a set of bundles is a list of numbers, or when that is longer,
a bitmap in base64 (bit i of byte i // 8 is bundle i).
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable
from itertools import chain

from wiazki.search.dictionary import split_shards
from wiazki.search.forms import fold
from wiazki.search.records import SearchRecord

#: The folder of the files inside the index folder (assets/search.js reads it there).
FOLDER = "slowa"
#: A file larger than this (bytes of JSON) is split by one more letter.
SPLIT_BYTES = 12_000

_NOT_WORD = re.compile(r"[\W_]+")


def _words(token: str, cache: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words the script compares for one whitespace-separated token of a page: the token
    folded without its non-letters, and the parts of a hyphenated one (search.js)."""
    found = cache.get(token)
    if found is None:
        folded = fold(token)
        parts = [p for p in _NOT_WORD.split(folded) if p]
        whole = "".join(parts)
        found = cache[token] = tuple(dict.fromkeys([whole, *parts])) if whole else ()
    return found


def _encode(mask: int, count: int) -> list[int] | str:
    bitmap_length = 4 * ((count + 7) // 8 + 2) // 3
    if mask.bit_count() * 4 > bitmap_length:
        return base64.b64encode(mask.to_bytes((count + 7) // 8, "little")).decode("ascii")
    numbers = []
    while mask:
        low = mask & -mask
        numbers.append(low.bit_length() - 1)
        mask ^= low
    return numbers


def shards(records: Iterable[SearchRecord]) -> dict[str, str]:
    """File name (under `FOLDER`) → JSON text, for the bundle records among `records`."""
    bundles = sorted((r for r in records if r.kind == "bundle"), key=lambda r: r.filters["bundle"][0])
    shown: dict[str, int] = {}
    only_hidden: dict[str, int] = {}
    cache: dict[str, tuple[str, ...]] = {}
    for number, record in enumerate(bundles):
        bit = 1 << number
        tokens = set(" ".join(text for _weight, text in record.fields).split())
        visible = {w for t in tokens for w in cache.get(t) or _words(t, cache)}
        tokens = set(chain.from_iterable(group for _weight, group in record.hidden)) - tokens
        hidden = {w for t in tokens for w in cache.get(t) or _words(t, cache)} - visible
        for word in visible:
            shown[word] = shown.get(word, 0) | bit
        for word in hidden:
            only_hidden[word] = only_hidden.get(word, 0) | bit
    count = len(bundles)
    # A word may be shown on one bundle and only index-only on another: both parts.
    words: dict[str, dict[str, list[int] | str]] = {}
    for part, masks in (("v", shown), ("h", only_hidden)):
        for word, mask in masks.items():
            words.setdefault(word, {})[part] = _encode(mask, count)

    def render(group: dict[str, dict[str, list[int] | str]], split: bool) -> str:
        parts: dict[str, dict[str, list[int] | str]] = {"v": {}, "h": {}}
        for word, found in group.items():
            for part, encoded in found.items():
                parts[part][word] = encoded
        return _json(count, parts, split=split)

    return dict(sorted(split_shards(words, render, SPLIT_BYTES).items()))


def _json(count: int, parts: dict[str, dict[str, list[int] | str]], split: bool = False) -> str:
    body: dict[str, object] = {"+": 1} if split else {}
    body.update({"n": count, **{k: dict(sorted(v.items())) for k, v in parts.items()}})
    return json.dumps(body, ensure_ascii=False, separators=(",", ":"))
