"""The text rules and limits of the format, in Polish, for the /format/ page (issue 8).

Every figure is read from the module that enforces it, so the page cannot drift
from the validator: file and nesting limits (validation/loader.py), Markdown
(format/commonmark.py), problems per file (validation/limits.py), annotations and
the job summary (validation/reporting.py), the amount limit of the diff (polish.py).
"""

from __future__ import annotations

from wiazki.format import commonmark
from wiazki.format.field import EMAIL_MAX, ID_MAX, NAME_MAX, PHONE_MAX, SUMMARY_MAX, TEXT_MAX, TITLE_MAX, URL_MAX
from wiazki.polish import number
from wiazki.validation import limits, loader, reporting


def text_rules() -> list[str]:
    """Markdown lines of the section "Tekst, telefony i granice"."""
    errors, warnings = reporting.MAX_ANNOTATIONS["error"], reporting.MAX_ANNOTATIONS["warning"]
    return [
        "## Tekst, telefony i granice",
        "",
        "### Długość pól",
        "",
        f"Każde pole tekstowe ma najwyższą długość w znakach (także w schemacie JSON, jako `maxLength`): "
        f"identyfikatory {ID_MAX}, tytuł {TITLE_MAX}, podsumowanie {SUMMARY_MAX}, nazwy i słowa kluczowe "
        f"{NAME_MAX}, inne opisy {number(TEXT_MAX)}, opis wiązki w Markdownie "
        f"{number(commonmark.MAX_MARKDOWN_CHARS)}, adresy URL {number(URL_MAX)}, e-mail {EMAIL_MAX}, "
        f"telefon {PHONE_MAX}. Plik ma najwyżej 1 MiB, {loader.MAX_DEPTH} poziomów zagnieżdżenia i "
        f"{number(loader.MAX_NODES)} elementów.",
        "",
        "### Tekst",
        "",
        "Tekst nie może być pusty ani składać się z samych spacji i znaków niewidocznych (spacje "
        "o zerowej szerokości, znaki kierunku pisma, BOM, wypełniacze): taki tekst to błąd `empty`, "
        "a niewidoczny znak wewnątrz tekstu – błąd `invisible-character` z nazwą znaku i jego miejscem. "
        "Litery zapisane w postaci rozłożonej (np. „o” i osobny akcent, jak z macOS lub PDF) walidator "
        "i strona czytają jako zwykłe litery (normalizacja Unicode NFC). Twarda spacja (U+00A0) we "
        "wcięciu, po `pole:` albo po `-` listy to błąd `false-space` w jej dokładnym miejscu: YAML nie "
        "uznaje jej za odstęp. Półpauza lub punktor zamiast `-` listy (edytor tekstu często tak zamienia) "
        "to `false-dash`, a niewidoczny znak końca wiersza U+2028, U+2029 lub U+0085 poza cudzysłowem "
        "(YAML kończy tam wiersz, edytor go nie pokazuje) – błąd `line-separator`.",
        "",
        "Wzorce pól (daty, adresy, telefony, kody) są wyrażeniami ECMAScript, jak każe JSON Schema: "
        "walidator, edytor i `check-jsonschema` dają ten sam werdykt.",
        "",
        "### Opis w Markdownie",
        "",
        "Opis wiązki (`description`) jest czytany tak jak na GitHubie: CommonMark z tabelami i "
        "przekreśleniem (`~~tekst~~`). Lista może zaczynać się zaraz pod zdaniem, listy zagnieżdża się "
        "wcięciem o 2 spacje. Surowy HTML jest pokazywany jako tekst. Odnośniki tylko `http`, `https` "
        "i `mailto` (także w odnośnikach z etykietą `[tekst][x]` i w `<…>`). Listy i cytaty można "
        f"zagnieździć najwyżej na {commonmark.MAX_DEPTH} poziomach (`markdown-too-deep`), tabele w opisie "
        f"mają razem najwyżej {number(commonmark.MAX_TABLE_CELLS)} komórek (`markdown-table-too-big`).",
        "",
        "### Telefon {#telefon}",
        "",
        "Polski numer: dziewięć cyfr (stacjonarny z numerem kierunkowym, komórkowy, infolinie 800 i 801), "
        'opcjonalnie z `+48` albo `0048` (także w nawiasie: `"(+48) 601 234 567"`), ze spacjami, '
        "łącznikami lub nawiasami między cyframi, np. "
        '`"601 234 567"`, `"(22) 123-45-67"`, `"+48 63 241 22 10"`; numer wewnętrzny po `wew.`, `wewn.` '
        'lub `w.` (do 5 cyfr), także w nawiasie, np. `"+48 59 821 40 10 wew. 25"`, '
        '`"22 123 45 67 (wew. 25)"`. Także krótkie numery publiczne: '
        '`112`, 984–987 i 991–999, 116 xxx (np. `"116 123"`, `"116 111"`), 118 xxx oraz 19 xxx '
        '(np. `"19 115"`). Numer wpisuje się w cudzysłowie.',
        "",
        "### Granice komunikatów",
        "",
        f"Walidator podaje najwyżej {limits.MAX_PROBLEMS_PER_FILE} różnych problemów na plik: najpierw "
        "błędy, po jednym z każdego rodzaju, a resztę podsumowuje jeden wiersz `too-many-problems` "
        f"(ile pominięto i jakich rodzajów). Komunikat ma najwyżej {number(limits.MAX_MESSAGE_CHARS)} "
        f"znaków, cytowana wartość – {limits.MAX_QUOTED_CHARS}. W GitHub Actions adnotacje przy plikach "
        f"to najwyżej {errors} błędów i {warnings} ostrzeżeń (tyle pokazuje GitHub), najpierw dla plików "
        "zmienionych w pull requeście; pozostałe są w logu i w podsumowaniu zadania, które ma najwyżej "
        f"{reporting.MAX_SUMMARY_ROWS} wierszy tabeli i {reporting.MAX_SUMMARY_BYTES // 1024} KiB.",
        "",
    ]
