"""A new bundle checked before it is written: the validator's own verdict on the text.

`wiazki new` and the issue form build a bundle from what a person typed (a target
group, the OWES, TERYT codes, a title). Rather than restate the format's checks,
the text about to be written is loaded and validated as the file would be, against
the partners of the content folder, so the person gets the validator's messages and
its suggestions ("czy chodziło o `older_persons` (osoby starsze)?") and no file is
left behind that would then fail.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wiazki.format.teryt import Register
from wiazki.validation.limits import limit
from wiazki.validation.loader import load_text
from wiazki.validation.problems import Problem, sorted_problems
from wiazki.validation.rules import bundle_content_problems, bundle_file_problems
from wiazki.validation.schema_messages import schema_problems
from wiazki.validation.validator import ContentDirError, ContentValidator


def new_bundle_errors(text: str, bundle_id: str, content_dir: Path, register: Register, today: date) -> list[Problem]:
    """The errors the validator would report for `text` saved as bundles/<bundle_id>.yml.

    Warnings are left out: a new bundle at stage `discover` is expected to have some
    (too few services yet). Raises nothing for what the text or the folder holds.
    """
    path = str(content_dir / "bundles" / f"{bundle_id}.yml")
    doc, problems = load_text(path, text)
    if doc is None:
        return [p for p in problems if p.is_error]
    try:
        content = ContentValidator(content_dir, register).validate(today).content
    except ContentDirError:
        content = None
    found = [*problems, *schema_problems("bundle", doc), *bundle_file_problems(doc, bundle_id, register)]
    if content is not None:
        found += bundle_content_problems(doc, content, today)
    return [p for p in sorted_problems(limit(found)) if p.is_error]
