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
`SPLIT_BYTES` ("prz": every "prze-", "przy-" word) is split by one more letter: its
file then holds {"+": 1} and the words of just `PREFIX` letters, and the script reads
the file of the word's first `PREFIX` + 1 letters.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping

from wiazki.search.forms import WordForms

#: The folder of the shards inside the index folder (assets/search.js reads it there).
FOLDER = "formy"
#: Letters of a folded word that name its shard (also in assets/search.js).
PREFIX = 3
#: A shard larger than this (bytes of JSON) is split by one more letter; a query word
#: then costs at most a few kilobytes of dictionary (the issue's budget: 300 KB a query).
SPLIT_BYTES = 8_000


def shard_name(folded: str, letters: int = PREFIX) -> str:
    """The shard file of a folded word: "radosc" → "rad.json", "żak" (folded "zak") → "zak.json"."""
    head = folded[:letters]
    return "".join(c if "a" <= c <= "z" else f"_{ord(c):x}" for c in head) + ".json"


def shards(forms: WordForms, keys: Iterable[str] | None = None) -> dict[str, str]:
    """File name (under `FOLDER`) → JSON text, for `forms.dictionary(keys)`; sorted, compact."""
    grouped: dict[str, dict[str, list[str]]] = {}
    for form, found in forms.dictionary(keys).items():
        grouped.setdefault(shard_name(form), {})[form] = sorted(found)
    files: dict[str, str] = {}
    for name, entries in grouped.items():
        text = _json(entries)
        if len(text.encode()) <= SPLIT_BYTES:
            files[name] = text
            continue
        short: dict[str, object] = {"+": 1}
        longer: dict[str, dict[str, list[str]]] = {}
        for form, found in entries.items():
            if len(form) > PREFIX:
                longer.setdefault(shard_name(form, PREFIX + 1), {})[form] = found
            else:
                short[form] = found
        files[name] = _json(short)
        files.update((sub, _json(sub_entries)) for sub, sub_entries in longer.items())
    return dict(sorted(files.items()))


def _json(entries: Mapping[str, object]) -> str:
    return json.dumps(dict(sorted(entries.items())), ensure_ascii=False, separators=(",", ":"))
