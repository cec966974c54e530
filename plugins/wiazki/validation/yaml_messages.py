"""libyaml's syntax errors in Polish, for a person who edits a YAML file by hand."""

from __future__ import annotations

import yaml

from wiazki.validation.limits import MAX_DEPTH

# libyaml's and PyYAML's messages, in Polish. Matched as substrings, first match wins.
SYNTAX_MESSAGES: tuple[tuple[str, str], ...] = (
    ("exceeded maximum nesting depth", f"zbyt głębokie zagnieżdżenie (ponad {MAX_DEPTH} poziomów)"),
    (
        "mapping values are not allowed",
        "dwukropek w niedozwolonym miejscu; jeśli to część tekstu, ujmij cały tekst w cudzysłów",
    ),
    ("could not find expected ':'", "brakuje dwukropka po nazwie pola"),
    ("did not find expected key", "nieoczekiwany tekst: sprawdź wcięcia i dwukropki"),
    (
        "did not find expected '-' indicator",
        "nieoczekiwany tekst w liście: każdy element zaczyna się od „- ”, sprawdź wcięcia",
    ),
    ("did not find expected node content", "brakuje wartości"),
    ("did not find expected ',' or ']'", "lista w nawiasach kwadratowych nie jest zamknięta („]”)"),
    ("did not find expected ',' or '}'", "słownik w nawiasach klamrowych nie jest zamknięty („}”)"),
    ("found unexpected end of stream", "plik kończy się w połowie wartości (np. niezamknięty cudzysłów)"),
    ("found unexpected document indicator", "napis „---” lub „...” w środku wartości; ujmij tekst w cudzysłów"),
    (
        "found character that cannot start any token",
        "znak, od którego nie może zaczynać się wartość (np. @, ` lub tabulator); ujmij tekst w cudzysłów",
    ),
    ("found a tab character", "tabulator w miejscu wcięcia; używaj spacji"),
    ("control characters are not allowed", "niedozwolony znak sterujący"),
    ("found unacceptable character", "niedozwolony znak sterujący"),
    ("found unknown escape character", "nieznana sekwencja ucieczki po „\\” w tekście w cudzysłowie"),
    ("found undefined tag handle", "nieznany znacznik (tag); znaczniki nie są dozwolone"),
    ("found undefined alias", "odwołanie (alias) do nieistniejącej kotwicy; aliasy nie są dozwolone"),
    ("expected a single document", "plik zawiera więcej niż jeden dokument YAML"),
    ("but found another document", "plik zawiera więcej niż jeden dokument YAML"),
    ("expected <document start>", "plik zawiera więcej niż jeden dokument YAML lub nadmiarowy tekst na końcu"),
    ("expected <block end>", "nieoczekiwany element: sprawdź wcięcia"),
    ("while scanning a simple key", "brakuje dwukropka po nazwie pola"),
    ("while scanning a quoted scalar", "niezamknięty cudzysłów"),
    ("while scanning a block scalar", "nieprawidłowy blok tekstu (| lub >)"),
    ("while scanning an anchor", "nieprawidłowa kotwica (&); kotwice nie są dozwolone"),
    ("while scanning an alias", "nieprawidłowy alias (*); aliasy nie są dozwolone"),
    ("while scanning a tag", "nieprawidłowy znacznik (!); znaczniki nie są dozwolone"),
    ("while scanning a directive", "nieprawidłowa dyrektywa (%)"),
)


#: libyaml's errors that a wrongly indented line typically causes (matched as substrings).
INDENTATION_ERRORS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "could not find expected ':'",
)


def syntax_message(error: yaml.YAMLError) -> str:
    problem = getattr(error, "problem", None) or ""
    context = getattr(error, "context", None) or ""
    for text in (problem, context, str(error)):
        for needle, polish in SYNTAX_MESSAGES:
            if needle in text:
                return f"błąd składni YAML: {polish}"
    return "błąd składni YAML: sprawdź wcięcia, dwukropki i cudzysłowy w tym miejscu"
