"""The changes as text for a terminal and as Markdown for a GitHub job summary.

Every piece of user text (`Line.args`, titles, ids) is escaped by the renderer, so it
cannot add headings, links, HTML or tables to a job summary; the output is bounded.
"""

from __future__ import annotations

from wiazki import safetext
from wiazki.polish import count
from wiazki.revisions.changes import (
    ADDED,
    BUNDLES,
    CHANGED,
    PARTNERS,
    REMOVED,
    UNREADABLE,
    ContentDiff,
    FileChange,
    Line,
)
from wiazki.validation.reporting import markdown_text

#: Longest piece of user text shown in one line (titles, findings, descriptions).
MAX_VALUE_CHARS = 160
#: Lines shown for one file before "… i N kolejnych zmian".
MAX_LINES_PER_FILE = 40
#: The whole report stays well under GitHub's 1 MiB job-summary limit.
MAX_OUTPUT_BYTES = 60 * 1024


def clip(text: str, limit: int = MAX_VALUE_CHARS) -> str:
    """User text on one line, at most `limit` characters (`wiazki.safetext.clip`)."""
    return safetext.clip(text, limit)


_HEADINGS = {
    (BUNDLES, ADDED): "Nowa wiązka",
    (BUNDLES, REMOVED): "Usunięta wiązka",
    (BUNDLES, CHANGED): "Zmieniona wiązka",
    (BUNDLES, UNREADABLE): "Wiązka – błąd pliku",
    (PARTNERS, ADDED): "Nowy partner",
    (PARTNERS, REMOVED): "Usunięty partner",
    (PARTNERS, CHANGED): "Zmieniony partner",
    (PARTNERS, UNREADABLE): "Partner – błąd pliku",
}


def _counts(changes: list[FileChange], forms: dict[str, tuple[str, str, str]]) -> str:
    parts = []
    for status in (ADDED, CHANGED, REMOVED, UNREADABLE):
        n = sum(1 for c in changes if c.status == status)
        if n:
            parts.append(count(n, *forms[status]))
    return ", ".join(parts) if parts else "bez zmian"


_BUNDLE_FORMS = {
    ADDED: ("nowa", "nowe", "nowych"),
    CHANGED: ("zmieniona", "zmienione", "zmienionych"),
    REMOVED: ("usunięta", "usunięte", "usuniętych"),
    UNREADABLE: ("nieczytelny plik", "nieczytelne pliki", "nieczytelnych plików"),
}
_PARTNER_FORMS = {
    ADDED: ("nowy", "nowi", "nowych"),
    CHANGED: ("zmieniony", "zmienieni", "zmienionych"),
    REMOVED: ("usunięty", "usunięci", "usuniętych"),
    UNREADABLE: ("nieczytelny plik", "nieczytelne pliki", "nieczytelnych plików"),
}


def _bounded(lines: list[Line]) -> tuple[list[Line], int]:
    if len(lines) <= MAX_LINES_PER_FILE:
        return lines, 0
    return lines[:MAX_LINES_PER_FILE], len(lines) - MAX_LINES_PER_FILE


def _more(n: int) -> str:
    return f"… i {count(n, 'kolejna zmiana', 'kolejne zmiany', 'kolejnych zmian')}"


def _markdown_value(text: str) -> str:
    """User text in a job summary: escaped, on one line, and no @mention that would notify anyone."""
    return safetext.no_mentions(markdown_text(clip(text)))


class _Renderer:
    """The layout both formats share: header, sections, one block per file, the size bound."""

    def value(self, text: str) -> str:
        """User text made safe for this format."""
        raise NotImplementedError

    def title(self) -> str:
        raise NotImplementedError

    def revisions(self, diff: ContentDiff) -> str:
        raise NotImplementedError

    def section(self, title: str) -> list[str]:
        raise NotImplementedError

    def file_heading(self, heading: str) -> list[str]:
        raise NotImplementedError

    def line(self, indent: str, text: str, heading: bool) -> str:
        raise NotImplementedError

    def more(self, hidden: int) -> str:
        raise NotImplementedError

    def fill(self, line: Line) -> str:
        return line.template.format(*(self.value(a) for a in line.args))

    def block(self, change: FileChange) -> list[str]:
        name = change.title.strip() and f"{self.value(change.title)} ({self.value(change.id)})" or self.value(change.id)
        shown, hidden = _bounded(change.lines)
        out = self.file_heading(f"{_HEADINGS[(change.folder, change.status)]}: {name}")
        out += [self.line("  " * line.depth, self.fill(line), line.heading) for line in shown]
        if hidden:
            out.append(self.more(hidden))
        out.append("")
        return out

    def render(self, diff: ContentDiff) -> str:
        header = [
            self.title(),
            "",
            f"Porównanie {self.revisions(diff)}. "
            f"Wiązki: {_counts(diff.bundles, _BUNDLE_FORMS)}. Partnerzy: {_counts(diff.partners, _PARTNER_FORMS)}.",
            "",
        ]
        if diff.empty:
            return "\n".join(header + ["Brak zmian w plikach wiązek i partnerów.", ""])
        out = list(header)
        size = sum(len(line.encode("utf-8")) + 1 for line in out)
        truncated = 0
        for changes, title in ((diff.bundles, "Wiązki"), (diff.partners, "Partnerzy")):
            if not changes:
                continue
            if truncated:
                truncated += len(changes)
                continue
            section = self.section(title)
            out += section
            size += sum(len(line.encode("utf-8")) + 1 for line in section)
            for index, change in enumerate(changes):
                lines = self.block(change)
                weight = sum(len(line.encode("utf-8")) + 1 for line in lines)
                if size + weight > MAX_OUTPUT_BYTES - 512:
                    truncated += len(changes) - index
                    break
                out += lines
                size += weight
        if truncated:
            out.append(
                f"… wynik skrócony do {MAX_OUTPUT_BYTES // 1024} KiB: "
                f"pominięto {count(truncated, 'plik', 'pliki', 'plików')}."
            )
            out.append("")
        return "\n".join(out)


class TextRenderer(_Renderer):
    """Plain text for a terminal: user text on one line, without controls."""

    def value(self, text: str) -> str:
        return clip(text)

    def title(self) -> str:
        return "Zmiany w treści"

    def revisions(self, diff: ContentDiff) -> str:
        return f"{diff.base[:7]} → {diff.head[:7]}"

    def section(self, title: str) -> list[str]:
        return [title.upper(), ""]

    def file_heading(self, heading: str) -> list[str]:
        return [heading]

    def line(self, indent: str, text: str, heading: bool) -> str:
        return f"  {indent}{text}:" if heading else f"  {indent}{text}"

    def more(self, hidden: int) -> str:
        return f"  {_more(hidden)}"


class MarkdownRenderer(_Renderer):
    """GitHub-flavoured Markdown for a job summary: user text escaped, no @mentions."""

    def value(self, text: str) -> str:
        return _markdown_value(text)

    def title(self) -> str:
        return "## Zmiany w treści"

    def revisions(self, diff: ContentDiff) -> str:
        return f"`{diff.base[:7]}` → `{diff.head[:7]}`"

    def section(self, title: str) -> list[str]:
        return [f"### {title}", ""]

    def file_heading(self, heading: str) -> list[str]:
        return [f"#### {heading}", ""]

    def line(self, indent: str, text: str, heading: bool) -> str:
        return f"{indent}- **{text}**" if heading else f"{indent}- {text}"

    def more(self, hidden: int) -> str:
        return f"- {_more(hidden)}"


def render_markdown(diff: ContentDiff) -> str:
    """Markdown for a GitHub job summary; user text is escaped, the size bounded."""
    return MarkdownRenderer().render(diff)


def render_text(diff: ContentDiff) -> str:
    """Plain text for a terminal."""
    return TextRenderer().render(diff)
