"""The search dictionary: which dictionary keys a query word stands for, in small files.

The browser cannot analyse Polish; the build can (Morfeusz 2, `forms.WordForms`). Each
record carries, index-only, the keys of its words (a lemma, or one key for a verb and
its aspect partners: `WordForms.keys`), and this module writes the other direction:
for every form of every key's lemmas, the keys it stands for. The search script
(assets/search.js) fetches the one shard named by the first `PREFIX` letters of a
query word, and searches the word's keys beside the word: "radości" finds a page
whose description says "radość", "usamodzielnianie" one that says
"usamodzielnienie", without every form of every description word in the index.

Files: `<site>/pagefind/formy/<prefix>.json`, each a JSON object {folded form: [key, …]}
(folded as `forms.fold` and the script's fold(): lower case, no diacritics, "ł" → "l").
A prefix is the word's first `PREFIX` letters; a letter outside a–z is written as
`_` + its code point in hex, so that a file name is always plain ASCII. A shard over
`SPLIT_BYTES` ("pr": every "prze-", "przy-" word) is split by one more letter, and so on
(`split_shards`): its file then holds {"+": 1} and the words no longer than its prefix,
and the script reads the file of the word's next letter. A file's "@" lists its forms
of the catalogue's place names ("gdansk", "koninie"): the script takes such a query
word as a place named wherever it stands ("Gdańsk opieka dla seniorów"), as it takes
a word after "w". Few, fuller files: a build
writes each one to the disk while MkDocs writes the pages (1,000 files of three
letters at 1,000 bundles cost the build over a second; make bench).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

from wiazki.search.forms import WordForms

#: The folder of the shards inside the index folder (assets/search.js reads it there).
FOLDER = "formy"
#: Letters of a folded word that name its first shard (also in assets/search.js).
PREFIX = 2
#: A shard larger than this (bytes of JSON) is split by one more letter; a query word
#: then costs at most about 4 KB of dictionary over gzip (the issue's budget: 300 KB a query).
SPLIT_BYTES = 16_000

Value = TypeVar("Value")


def shard_name(folded: str, letters: int = PREFIX) -> str:
    """The shard file of a folded word: "radosc" → "rad.json", "żak" (folded "zak") → "zak.json"."""
    head = folded[:letters]
    return "".join(c if "a" <= c <= "z" else f"_{ord(c):x}" for c in head) + ".json"


def shards(forms: WordForms, keys: Iterable[str] | None = None) -> dict[str, str]:
    """File name (under `FOLDER`) → JSON text, for `forms.dictionary(keys)`; sorted, compact.
    A file's "@" lists its forms of the catalogue's place names (every key a place's)."""
    entries = {form: sorted(found) for form, found in forms.dictionary(keys).items()}
    places = forms.places
    named = {form for form, found in entries.items() if found and places.issuperset(found)}

    def render(group: dict[str, list[str]], split: bool) -> str:
        marked = sorted(form for form in group if form in named)
        return _json({**({"+": 1} if split else {}), **({"@": marked} if marked else {}), **group})

    files = split_shards(entries, render, SPLIT_BYTES)
    return dict(sorted(files.items()))


def split_shards(
    words: Mapping[str, Value], render: Callable[[dict[str, Value], bool], str], limit: int, letters: int = PREFIX
) -> dict[str, str]:
    """File name → text for `words` (folded word → value) grouped by their first `letters`
    letters, each group's text `render(group, False)`. A group over `limit` bytes whose
    words are not all that short keeps the words of at most `letters` letters, its text
    `render(short, True)` (marked split: "+"), and the longer ones are grouped again by
    one more letter. assets/search.js follows the marks from a word's first `PREFIX`
    letters to the file that holds it."""
    grouped: dict[str, dict[str, Value]] = {}
    for word, value in words.items():
        grouped.setdefault(shard_name(word, letters), {})[word] = value
    files: dict[str, str] = {}
    for name, group in grouped.items():
        text = render(group, False)
        if len(text.encode()) <= limit or all(len(word) <= letters for word in group):
            files[name] = text
            continue
        files[name] = render({word: value for word, value in group.items() if len(word) <= letters}, True)
        longer = {word: value for word, value in group.items() if len(word) > letters}
        files.update(split_shards(longer, render, limit, letters + 1))
    return files


def _json(entries: Mapping[str, object]) -> str:
    return json.dumps(dict(sorted(entries.items())), ensure_ascii=False, separators=(",", ":"))
