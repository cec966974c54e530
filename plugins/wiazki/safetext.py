"""User text made safe for one line of a terminal, a CI log or a job summary.

Text from content files, file names and git is untrusted: a control character can
rewrite a terminal (ANSI escapes start with ESC or CSI, U+009B), a line break can
forge a line of a log or a workflow command, a bidirectional override can make a
line read differently from what it is.
"""

from __future__ import annotations

import re

#: C0 and C1 controls, line and paragraph separators and the bidirectional overrides.
CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
#: The same without \n (and \r, \t): for text that may keep its lines and tabs.
CONTROLS_BUT_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def encodable(text: str) -> str:
    """Text that can be written as UTF-8: bytes of a non-UTF-8 file name (lone
    surrogates from `os.fsdecode`) become backslash escapes, e.g. `z\\xff.yml`."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    """`text` on one line: every control, separator and bidi override becomes a space; UTF-8-safe."""
    return CONTROLS.sub(" ", encodable(text))


def clip(text: str, limit: int) -> str:
    """`text` on one line (`one_line`), runs of space as one, at most `limit` characters ("…" marks a cut).

    Non-breaking spaces (in amounts: "96 000 zł") stay as they are.
    """
    text = re.sub(r"[^\S\u00a0\u202f]+", " ", one_line(text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def no_mentions(text: str) -> str:
    """`text` with a zero-width space after each "@", so that GitHub notifies no one."""
    return text.replace("@", "@\u200b")
