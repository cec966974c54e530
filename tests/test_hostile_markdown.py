"""Descriptions: GitHub's Markdown, parsed once, in bounded time, with one verdict on links.

The cases come from the hardening review (issue 8): bracket bombs and nested lists
that made Python-Markdown run for minutes or overflow the stack, a quadratic
link-scheme regex, reference links inside `<div>` that the validator did not see,
and GitHub-style lists and tables rendered as one paragraph.
"""

from __future__ import annotations

import time

import pytest

import contentkit as kit
from wiazki.format import commonmark
from wiazki.validation.validator import validate_content
from wiazki.views.text import markdown_to_html

#: Generous for a shared 2-core machine; each case takes well under 1 s alone
#: (benchmarks/bench_hostile.py measures it).
SECONDS = 5.0


def validate_description(tmp_path, description: str):
    bundle = kit.valid_bundle()
    bundle["description"] = description
    kit.write_content(tmp_path, {"senior-u-siebie": bundle})
    start = time.perf_counter()
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    return problems, time.perf_counter() - start


def codes(problems) -> set[str]:
    return {p.code for p in problems}


HOSTILE = {
    "brackets": "[" * commonmark.MAX_MARKDOWN_CHARS,
    "image-brackets": "![" * (commonmark.MAX_MARKDOWN_CHARS // 2),
    "open-links": "[a](" * (commonmark.MAX_MARKDOWN_CHARS // 4),
    "cdata": "<![CDATA[" * (commonmark.MAX_MARKDOWN_CHARS // 9),
    "link-then-spaces": "](" + " " * (commonmark.MAX_MARKDOWN_CHARS - 2),
    "autolinks": "<http://" * (commonmark.MAX_MARKDOWN_CHARS // 8),
    "emphasis": "*_" * (commonmark.MAX_MARKDOWN_CHARS // 4) + "_*" * (commonmark.MAX_MARKDOWN_CHARS // 4),
    "backticks": "`" * commonmark.MAX_MARKDOWN_CHARS,
    "entities": "&#" * (commonmark.MAX_MARKDOWN_CHARS // 2),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_description_at_the_length_limit_is_checked_and_rendered_in_bounded_time(tmp_path, name):
    text = HOSTILE[name]
    problems, seconds = validate_description(tmp_path, text)
    assert seconds < SECONDS, (name, seconds)
    assert not [p for p in problems if p.is_error], problems
    start = time.perf_counter()
    markdown_to_html(text)
    assert time.perf_counter() - start < SECONDS


@pytest.mark.parametrize("unit", ["[", "![", "[a](", "<![CDATA[", "<http://"])
def test_over_long_description_is_refused_without_being_parsed(tmp_path, unit):
    # security/01 and 03: 16,000 "[" took 143 s and passed; 200 KB of "<http://" did not finish.
    text = unit * (200_000 // len(unit))
    problems, seconds = validate_description(tmp_path, text)
    assert seconds < SECONDS
    assert "too-long" in codes(problems) and "url-scheme" not in codes(problems)


@pytest.mark.parametrize(
    "text",
    [
        "- " * 500 + "x",  # security/02: 1 KB, RecursionError in Python-Markdown
        "1. " * 500 + "x",
        "> " * 2000 + "x",
        "".join("  " * level + "- poziom\n" for level in range(80)),
        "* " * 20 + "x",
    ],
)
def test_deeply_nested_description_is_refused_with_its_own_code(tmp_path, text):
    problems, seconds = validate_description(tmp_path, text)
    assert seconds < SECONDS
    (problem,) = [p for p in problems if p.code == "markdown-too-deep"]
    assert problem.is_error and "najwyżej 8" in problem.message
    # The site renders it anyway (the validator leaves the file out; nothing crashes).
    assert "<li>" in markdown_to_html(text) or "<blockquote>" in markdown_to_html(text)


def test_nesting_within_the_limit_passes(tmp_path):
    text = "".join("  " * level + "- poziom\n" for level in range(commonmark.MAX_DEPTH))
    problems, _ = validate_description(tmp_path, text)
    assert "markdown-too-deep" not in codes(problems)


def test_neighbour_files_are_still_checked_when_one_description_is_hostile(tmp_path):
    # security/02: a RecursionError made the whole folder "błąd wewnętrzny".
    hostile = kit.valid_bundle("lista")
    hostile["description"] = "- " * 500 + "x"
    neighbour = kit.valid_bundle("sasiad")
    neighbour["title"] = "x"
    kit.write_content(tmp_path, {"lista": hostile, "sasiad": neighbour})
    problems = validate_content(tmp_path, today=kit.TODAY).problems
    assert {("lista.yml", "markdown-too-deep"), ("sasiad.yml", "too-short")} <= {
        (p.path.rsplit("/", 1)[-1], p.code) for p in problems
    }


def test_a_table_with_too_many_cells_is_refused(tmp_path):
    header = "|" + "a|" * 400 + "\n|" + "-|" * 400 + "\n"
    text = header + "|\n" * 500
    problems, seconds = validate_description(tmp_path, text)
    assert seconds < SECONDS
    assert "markdown-table-too-big" in codes(problems)


@pytest.mark.parametrize(
    "description, scheme",
    [
        # security/09: reference links inside HTML blocks were invisible to rule 8.
        ("<div>\n[Regulamin][r]\n</div>\n\n[r]: javascript:alert(document.domain)\n", "javascript"),
        ("<div>\n[Regulamin][r]\n</div>\n\n[r]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\n", "data"),
        ("<p>[Regulamin][r]</p>\n\n[r]: vbscript:msgbox(1)\n", "vbscript"),
        ("<details>\n\n[x](javascript:alert(1))\n\n</details>", "javascript"),
        ("![obraz](javascript:alert(1))", "javascript"),
        ("[x](<java\tscript:alert(1)>)", None),  # percent-encoded: a relative link, not a scheme
        ("[x][R]\n\n[r]: JAVASCRIPT:alert(1)", "javascript"),
        ("<file:///etc/passwd>", "file"),
    ],
)
def test_rule8_sees_every_link_the_renderer_makes(tmp_path, description, scheme):
    problems, _ = validate_description(tmp_path, description)
    found = [p for p in problems if p.code == "url-scheme"]
    html = str(markdown_to_html(description))
    if scheme is None:
        assert not found and 'href="javascript' not in html
    else:
        assert len(found) == 1 and f"„{scheme}:”" in found[0].message, problems
        # What the validator refuses, the renderer never links either.
        assert f'href="{scheme}' not in html.lower()


def test_safe_links_pass_and_render(tmp_path):
    text = "[regulamin](https://example.org/r.pdf), <mailto:a@example.org>, [względny](regulamin.pdf)"
    problems, _ = validate_description(tmp_path, text)
    assert problems == []
    html = str(markdown_to_html(text))
    assert html.count("<a href=") == 3


def test_description_is_rendered_as_github_renders_it():
    # found/12: a list right after a sentence, 2-space nesting, pipe tables, strikethrough.
    html = str(
        markdown_to_html(
            "Potrzeby seniorów:\n- pomoc w domu,\n- ciepły posiłek,\n  - pięć dni w tygodniu\n- spotkania.\n"
            "Chcemy jednej ścieżki.\n\n| usługa | dni |\n|:--|--:|\n| obiady | 5 |\n\n~~stare~~ nowe"
        )
    )
    assert html.startswith("<p>Potrzeby seniorów:</p>\n<ul>")
    assert html.count("<li>") == 4 and html.count("<ul>") == 2
    assert "<table>" in html and '<td style="text-align:right">5</td>' in html
    assert "<s>stare</s> nowe" in html


def test_issue_form_list_after_a_sentence_becomes_a_list(tmp_path):
    from wiazki.format.teryt import load_register
    from wiazki.new_bundle.issue_form import convert

    need = (
        "Samotnie mieszkający seniorzy z małych wsi gminy Kramsk zostają bez pomocy, gdy rodzina wyjeżdża do pracy. "
        "W rozmowach z sołtysami i pracownikami GOPS powtarzały się te same potrzeby:\r\n"
        "- pomoc w codziennych czynnościach w domu,\r\n- ciepły posiłek przynajmniej pięć dni w tygodniu,\r\n"
        "- ktoś, kto zareaguje, gdy senior upadnie,\r\n- spotkania z innymi ludźmi zamiast samotnych popołudni.\r\n"
        "Chcemy połączyć te usługi w jedną ścieżkę z jednym koordynatorem."
    )
    body = (
        f"### Potrzeba\r\n\r\n{need}\r\n\r\n### Grupa docelowa\r\n\r\nOsoby starsze\r\n\r\n"
        "### Obszar\r\n\r\n3010052\r\n\r\n### OWES\r\n\r\nowes-konin\r\n"
    )
    kit.write_content(tmp_path, {})
    conversion = convert("[Nowa wiązka]: Bezpieczny senior", body, tmp_path, load_register(), kit.TODAY)
    assert conversion.new is not None, conversion.problems
    html = str(markdown_to_html(conversion.new.description))
    assert html.count("<li>") == 4 and "<ul>" in html


def test_style_attributes_other_than_alignment_never_pass():
    html = str(markdown_to_html('| a |\n|:-:|\n| <span style="color:red">x</span> |'))
    assert "<span" not in html and '<td style="text-align:center">&lt;span' in html


def _issue_event(tmp_path, need: str):
    import json

    labels = [
        "Potrzeba",
        "Grupa docelowa",
        "Kim są odbiorcy",
        "Czego się dowiedzieliście",
        "Jak badaliście potrzeby",
        "Obszar",
        "OWES",
        "E-mail kontaktowy",
    ]
    values = {"Potrzeba": need, "Grupa docelowa": "Osoby starsze", "Obszar": "3010052", "OWES": "owes-konin"}
    body = "\n\n".join(f"### {label}\n\n{values.get(label) or '_No response_'}" for label in labels) + "\n"
    event = {
        "action": "labeled",
        "issue": {
            "number": 7,
            "title": "[Nowa wiązka]: Senior u siebie",
            "body": body,
            "labels": [{"name": "Nowa wiązka"}],
        },
        "repository": {"full_name": "owes-katalog/wiazki", "default_branch": "main"},
    }
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "need, expected",
    [
        ("Seniorzy potrzebują pomocy w domu. " + "[" * 20_000, "za długi"),  # security/01: 108 s, then created
        ("Seniorzy potrzebują pomocy w domu.\n\n" + "- " * 500 + "x", "zagnieżdżone"),  # security/02: exit 2
    ],
)
def test_issue_form_refuses_hostile_descriptions_quickly_and_leaves_no_file(
    tmp_path, capsys, monkeypatch, need, expected
):
    from wiazki.cli import main

    monkeypatch.setenv("WIAZKI_TODAY", kit.TODAY.isoformat())
    content = kit.write_content(tmp_path / "content", {})
    start = time.perf_counter()
    code = main(["issue-to-bundle", "--event", str(_issue_event(tmp_path, need)), "--content-dir", str(content)])
    assert time.perf_counter() - start < SECONDS
    assert code == 1
    assert expected in capsys.readouterr().out
    assert list((content / "bundles").iterdir()) == []


@pytest.mark.parametrize("unit", ["](", "(", "[a](", "**"])
def test_search_text_of_a_description_is_linear(unit):
    from wiazki.search.records import _markdown_text

    text = unit * (commonmark.MAX_MARKDOWN_CHARS // len(unit))
    start = time.perf_counter()
    _markdown_text(text)
    assert time.perf_counter() - start < 0.2  # "[^)]*" took 0.5 s here, 2.2 s at twice the length
    assert _markdown_text("Zobacz [regulamin](https://example.org/r.pdf) i **to**") == "Zobacz regulamin i to"
