"""layout.py: the canonical layout as the checker sees it (`format`, `schema-comment`), from positions alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import VALID_WIDGET

from modelfacts import fmt, kinds, layout, load

WIDGET = VALID_WIDGET.read_text(encoding="utf-8")
FIXTURES = Path(__file__).parent / "fixtures" / "facts"


def found(text: str, kind: str = "model") -> list[tuple[int, int, str]]:
    doc, problems = load.load_bytes(text.encode("utf-8"), "t.yaml")
    assert not problems
    problems = layout.layout_problems(doc, kind)
    assert all(p.rule == "format" and p.hint == "run `modelfacts fmt` (or `modelfacts fmt t.yaml`)" for p in problems)
    return [(p.line, p.col, p.message) for p in problems]


def rewrite(text: str, kind: str = "model") -> str:
    out, problems = fmt.rewrite(text.encode("utf-8"), kind, "t.yaml")
    assert out is not None, [p.text() for p in problems]
    return out


def test_the_valid_fixture_has_the_canonical_layout():
    assert found(WIDGET) == []


HINT = "run `modelfacts fmt` (or `modelfacts fmt t.yaml`)"


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("family: Widget\n", "", []),
        (
            "name: Widget-1\ndevelopers: [acme-labs]\n",
            "developers: [acme-labs]\nname: Widget-1\n",
            [(4, 1, "keys out of canonical order: `name` should come before `developers`")],
        ),
        (
            '    topic: release\n    date: "2025-03-03"\n',
            '    date: "2025-03-03"\n    topic: release\n',
            [(12, 5, "keys out of canonical order: `topic` should come before `date`")],
        ),
        (
            "        stance: supports\n        quote: Acme Labs released Widget-1 on March 3, 2025.\n",
            "        quote: Acme Labs released Widget-1 on March 3, 2025.\n        stance: supports\n",
            [(18, 9, "keys out of canonical order: `stance` should come before `quote`")],
        ),
        (
            "  - id: released\n    statement: Widget-1 was released on 3 March 2025.\n",
            "  - statement: Widget-1 was released on 3 March 2025.\n    id: released\n",
            [(10, 5, "keys out of canonical order: `id` should come before `statement`")],
        ),
        ("name: Widget-1\n", "name:\n  Widget-1\n", [(4, 3, "the value of `name` should start on the key's line")]),
        (
            "modality: [text]\n",
            "modality:\n  - text\n",
            [(7, 3, "`modality` should be a list on one line, like `modality: [a, b]`")],
        ),
        (
            "aliases: [W1]\n",
            "aliases: [W1,\n  W2]\n",
            [(7, 10, "`aliases` should be a list on one line, like `aliases: [a, b]`")],
        ),
        (
            "      - source: rival-news\n        stance: contradicts\n"
            "        quote: Widget-1 weights remain closed and API-only\n",
            "      - {source: rival-news, stance: contradicts, quote: Widget-1 weights remain closed and API-only}\n",
            [(26, 7, "`citations` items should be indented as `      - source:`")],
        ),
        (
            "    citations:\n      - source: acme-news\n        stance: supports\n"
            "        quote: Acme Labs released Widget-1 on March 3, 2025.\n",
            '    citations: [{source: acme-news, stance: supports, quote: "Acme Labs released Widget-1 on March 3, 2025."}]\n',
            [(15, 16, "`citations` should be a block list, one `- source:` item per line")],
        ),
    ],
    ids=[
        "optional-key-missing",
        "top-level-order",
        "claim-order",
        "citation-order",
        "claim-id-order",
        "value-on-next-line",
        "block-modality",
        "multi-line-flow",
        "flow-citation",
        "flow-citations",
    ],
)
def test_layout_problems_name_the_first_misplaced_thing(old, new, expected):
    assert WIDGET.count(old) == 1
    text = WIDGET.replace(old, new)
    assert found(text) == expected
    assert found(rewrite(text)) == []


@pytest.mark.parametrize("indent", ["", "    "])
def test_claims_indented_other_than_two_spaces_are_reported(indent):
    lines = WIDGET.split("\n")
    start = lines.index("claims:") + 1
    text = "\n".join(lines[:start] + [indent + line[2:] for line in lines[start:]])
    assert found(text) == [(9, len(indent) + 1, "`claims` items should be indented as `  - id:`")]
    assert rewrite(text) == WIDGET


def test_an_indented_document_is_reported():
    text = "\n".join("  " + line if line and not line.startswith("#") else line for line in WIDGET.split("\n"))
    assert found(text)[0] == (2, 3, "top-level keys should start at column 1")
    assert rewrite(text) == WIDGET


def test_source_layout():
    good = "id: a\nfile: a.txt\nauthors: [A, B]\n"
    assert found(good, "source") == []
    assert found("file: a.txt\nid: a\nauthors:\n  - A\n", "source") == [
        (2, 1, "keys out of canonical order: `id` should come before `file`"),
        (4, 3, "`authors` should be a list on one line, like `authors: [a, b]`"),
    ]


def test_unknown_keys_are_left_to_the_schema():
    assert found(WIDGET.replace("family: Widget\n", "license: MIT\nfamily: Widget\n")) == []


def test_no_layout_problem_in_any_fixture_that_parses():
    """Each fixture breaks exactly one rule: the layout check must not add a second."""
    checked = 0
    for path in sorted(FIXTURES.glob("*.yaml")):
        doc, problems = load.load_bytes(path.read_bytes(), path.name)
        if doc is not None and not problems and not path.name.startswith("format--"):
            assert layout.layout_problems(doc, "model") == [], path.name
            checked += 1
    assert checked >= 20


def test_layout_problems_has_no_opinion_on_non_records():
    for text in ("", "# only a comment\n", "- a\n", "just text\n"):
        doc, _ = load.load_bytes(text.encode(), "t.yaml")
        assert layout.layout_problems(doc, "model") == []


def test_layout_problems_is_fast():
    """The checker runs it on every file: a large fact file must cost milliseconds, not seconds."""
    import time

    claim = WIDGET.split("claims:\n", 1)[1]
    text = WIDGET + "".join(
        claim.replace("id: released", f"id: c{i}").replace("id: open-weights", f"id: d{i}") for i in range(500)
    )
    doc, _ = load.load_bytes(text.encode(), "t.yaml")
    start = time.perf_counter()
    assert layout.layout_problems(doc, "model") == []
    assert time.perf_counter() - start < 0.5 * len(doc.positions) / 10_000  # under 50 µs per node


# --- the schema line ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.name)
def test_the_first_line_names_the_kinds_schema(kind):
    other = next(k for k in kinds.KINDS if k is not kind)
    for first, expected in (
        (kind.header, []),
        (other.header, [(1, 1)]),
        ("# a comment", [(1, 1)]),
        ("id: x", [(1, 1)]),
    ):
        doc, _ = load.load_bytes(f"{first}\nname: x\n".encode(), "t.yaml")
        problems = layout.header_problems(doc, kind)
        assert [(p.line, p.col) for p in problems] == expected, first
        assert all(p.rule == "schema-comment" and p.hint == f"make the first line `{kind.header}`" for p in problems)


def test_a_file_without_data_needs_no_schema_line():
    doc, _ = load.load_bytes(b"# only a comment\n", "t.yaml")
    assert layout.header_problems(doc, kinds.MODEL) == []


def test_crlf_after_the_schema_line_is_accepted():
    doc, _ = load.load_bytes(f"{kinds.MODEL.header}\r\nid: x\r\n".encode(), "t.yaml")
    assert layout.header_problems(doc, kinds.MODEL) == []
