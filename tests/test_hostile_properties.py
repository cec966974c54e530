"""Property tests on random input (Hypothesis): the loader, the validator, the renderer and
the diff never raise, never exit 2 on content, keep every position inside the file and
finish in bounded time. Examples are few and derandomised, so the run is reproducible
and takes seconds."""

from __future__ import annotations

import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import contentkit as kit
from wiazki.cli import main
from wiazki.format.teryt import load_register
from wiazki.revisions.changes import BUNDLES, FilePair, Side
from wiazki.revisions.compare import compare
from wiazki.revisions.render import render_markdown as render_diff
from wiazki.revisions.render import render_text
from wiazki.validation.limits import MAX_PROBLEMS_PER_FILE
from wiazki.validation.loader import load_text
from wiazki.validation.validator import validate_content
from wiazki.views.text import markdown_to_html

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
#: Per example: generous for a shared machine; the real figures are in bench_hostile.py.
SECONDS = 5.0

# Characters that matter to YAML, Markdown and our rules, and some that only look harmless.
YAML_ALPHABET = st.sampled_from(
    list("ab:- \n\t[]{}&*!|>'\"#%@`,?\\0123456789.") + ["ą", "ż", "\u00a0", "\u200b", "\ufeff", "\u2028", "\x85", "\r"]
)
MARKDOWN_TOKENS = st.sampled_from(
    list("[]()!<>*_`~|#-+=: \n\\&;ab12.") + ["javascript:", "http://", "](", "![", "- ", "> ", "ż", "\u00a0"]
)


def markdown(max_size: int) -> st.SearchStrategy[str]:
    return st.lists(MARKDOWN_TOKENS, max_size=max_size).map("".join)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
)
KEYS = st.one_of(
    st.sampled_from(["id", "title", "summary", "description", "stage", "territory", "canvas", "design", "services"]),
    st.text(min_size=1, max_size=12),
)
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5))


def _inside(text: str, problems) -> None:
    lines = text.split("\n")
    for problem in problems:
        assert 1 <= problem.line <= len(lines), (problem, len(lines))
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, (problem, lines[problem.line - 1])
        assert problem.message and problem.code


@SETTINGS
@given(st.text(YAML_ALPHABET, max_size=300))
def test_the_loader_never_raises_and_positions_are_inside_the_file(text):
    start = time.perf_counter()
    doc, problems = load_text("x.yml", text)
    assert time.perf_counter() - start < SECONDS
    assert doc is not None or problems
    _inside(text.removeprefix("\ufeff"), problems)


@SETTINGS
@given(markdown(300))
def test_the_renderer_never_raises_nor_links_unsafe_schemes(text):
    start = time.perf_counter()
    html = str(markdown_to_html(text))
    assert time.perf_counter() - start < SECONDS
    assert 'href="javascript' not in html.lower() and "<script" not in html


def _bundle_text(data) -> str:
    return kit.dump(data) if isinstance(data, dict) else kit.dump({"format": 1, "x": data})


@SETTINGS
@given(st.dictionaries(KEYS, DATA, max_size=8), markdown(150))
def test_the_validator_never_raises_and_keeps_every_limit(tmp_path_factory, data, description):
    root = tmp_path_factory.mktemp("content")
    bundle = kit.valid_bundle()
    bundle.update(data)
    bundle["description"] = description
    text = kit.dump(bundle)
    kit.write_content(root, {"senior-u-siebie": text, "losowa": _bundle_text(data)})
    start = time.perf_counter()
    problems = validate_content(root, today=kit.TODAY).problems
    assert time.perf_counter() - start < SECONDS
    for name, source in (("senior-u-siebie", text), ("losowa", _bundle_text(data))):
        own = [p for p in problems if p.path.endswith(f"/{name}.yml")]
        assert len(own) <= MAX_PROBLEMS_PER_FILE + 1
        _inside(source, own)


@SETTINGS
@given(st.text(YAML_ALPHABET, max_size=200))
def test_the_cli_never_exits_2_on_content(tmp_path_factory, text):
    root = kit.write_content(tmp_path_factory.mktemp("content"), {"losowa": text})
    assert main(["validate", "--format", "json", str(root)]) in (0, 1)


@SETTINGS
@given(st.dictionaries(KEYS, DATA, max_size=6), st.dictionaries(KEYS, DATA, max_size=6))
def test_the_diff_never_raises_and_stays_bounded(before, after):
    old, new = kit.valid_bundle(), kit.valid_bundle()
    old.update(before)
    new.update(after)
    pairs = [
        FilePair(BUNDLES, "senior-u-siebie", Side(old), Side(new)),
        FilePair(BUNDLES, "losowa", None, Side(after)),
        FilePair(BUNDLES, "usunieta", Side(before), None),
        FilePair(BUNDLES, "zepsuta", Side(old), Side(None, "błąd składni YAML")),
    ]
    start = time.perf_counter()
    diff = compare(pairs, {}, load_register(), "a" * 40, "b" * 40)
    for text in (render_diff(diff), render_text(diff)):
        text.encode("utf-8")
        assert len(text.encode("utf-8")) < 70 * 1024
    assert time.perf_counter() - start < SECONDS


def test_today_is_not_needed():
    assert date(2100, 1, 1) > kit.TODAY
