"""load.py: bytes → data with positions, and located problems in plain words instead of exceptions."""

from __future__ import annotations

import pytest
from conftest import VALID_WIDGET

from modelfacts import load
from modelfacts.load import load_bytes, parse


def problems(text: str | bytes) -> list[tuple[int, int, str]]:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    found = load_bytes(raw, "t.yaml")[1]
    assert all(p.file == "t.yaml" and p.hint for p in found)
    return [(p.line, p.col, p.rule) for p in found]


def test_data_and_positions_of_the_valid_fixture():
    doc, found = load_bytes(VALID_WIDGET.read_bytes(), "w.yaml")
    assert found == []
    assert doc.data["claims"][1]["citations"][1]["source"] == "rival-news"
    assert doc.where(("claims", 1, "citations", 1, "source")) == (29, 17)
    assert doc.where(("claims", 1, "citations", 1, "source"), key=True) == (29, 9)
    assert doc.where(("claims", 1, "nonexistent", 7)) == doc.where(("claims", 1)) == (19, 5)


def test_forgotten_positions_are_read_again_the_same():
    doc, _ = load_bytes(VALID_WIDGET.read_bytes(), "w.yaml")
    before, keys = dict(doc.positions), dict(doc.key_positions)
    doc.forget_positions()
    assert doc.positions == before and doc.key_positions == keys


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"\xef\xbb\xbfid: x\n", [(1, 1, "encoding")]),
        (b"id: x\nname: \x00\n", [(2, 7, "encoding")]),
        (b"id: x\nname: Caf\xe9\n", [(2, 10, "encoding")]),
        (b"# " + b"x" * load.MAX_BYTES + b"\n", [(1, 1, "file-size")]),
        (b"id: x\nid: y\n", [(2, 1, "yaml-duplicate-key")]),
        (b"a: &x 1\nb: *x\n", [(1, 4, "yaml-alias"), (2, 4, "yaml-alias")]),
        (b"a: !!python/object:os.system x\n", [(1, 4, "yaml-tag")]),
        (b"1: a\n", [(1, 1, "yaml-syntax")]),
        (b"? [a]\n: 1\n", [(1, 3, "yaml-syntax")]),
        (b"a: 1\n---\nb: 2\n", [(2, 1, "yaml-syntax")]),
        (b"a: " + b"[" * 20 + b"]" * 20 + b"\n", [(1, 19, "yaml-depth")]),
        (b"a: \x07\n", [(1, 4, "text-characters")]),
    ],
)
def test_what_no_fact_file_may_hold(raw, expected):
    found = problems(raw)
    assert found[: len(expected)] == expected


@pytest.mark.parametrize("text", ["a: &x 1\n*x : 2\n", "? *x\n: 1\n"])
def test_an_alias_used_as_a_key_is_refused_not_a_crash(text):
    assert {rule for _, _, rule in problems(text)} == {"yaml-alias"}


def test_a_duplicate_key_names_the_first():
    doc, (found,) = load_bytes(b"id: x\nname: a\nid: y\n", "t.yaml")
    assert found.message == "duplicate key 'id' (first defined at line 1, column 1)"
    assert doc.data["id"] == "x"


def test_values_keep_the_text_the_author_wrote():
    doc, _ = load_bytes(b"date: 2024-02-01\nn: 12\nf: 1.5\nb: true\nz: null\nq: '12'\n", "t.yaml")
    assert doc.data == {"date": "2024-02-01", "n": 12, "f": 1.5, "b": True, "z": None, "q": "12"}


# Indentation mistakes: which line, and how keys and list items line up, in plain words.

KEY_HINT = (
    "line {line} starts in column {col}, but the keys around it start in column {expected}; the keys of one "
    "mapping start in the same column, and the keys of a list item line up with the first key after its `- `"
)
ITEM_HINT = (
    "line {line}: this list item's `-` is in column {col}, but the items above it have theirs in column "
    "{expected}; the `- ` items of one list start in the same column"
)


@pytest.mark.parametrize(
    "text, hint, line, col, expected",
    [
        ("a:\n  b: 1\n c: 2\n", KEY_HINT, 3, 2, 3),
        ("a:\n  b: 1\n    c: 2\n", KEY_HINT, 3, 5, 3),
        ("a: 1\n b: 2\n", KEY_HINT, 2, 2, 1),
        ("claims:\n  - id: x\n   s: 1\n", KEY_HINT, 3, 4, 5),
        ("claims:\n  - id: x\n  s: 1\n", KEY_HINT, 3, 3, 5),
        ("claims:\n  - id: x\n      s: 1\n", KEY_HINT, 3, 7, 5),
        ("claims:\n  - id: x\n    s: 1\n - id: y\n", ITEM_HINT, 4, 2, 3),
        ("claims:\n  - id: x\n    s: 1\n   - id: y\n", ITEM_HINT, 4, 4, 3),
        ("a: 1\nb: >-\n  text\n  more: x\n c: 2\n", KEY_HINT, 5, 2, 1),
        ("a: 1\nb: text\n  more\n c: 2\n", KEY_HINT, 4, 2, 1),
        ("# comment\n\na:\n  b: 1\n   # note\n c: 2\n", KEY_HINT, 6, 2, 3),
    ],
)
def test_an_indentation_mistake_is_explained_in_plain_words(text, hint, line, col, expected):
    doc, (found,) = parse(text, "t.yaml")
    assert doc is None and found.rule == "yaml-syntax" and found.line == line
    assert found.hint == hint.format(line=line, col=col, expected=expected)


@pytest.mark.parametrize(
    "text", ["a: b: c\n", "a:\n  b: x: y\n", 'a: "b\n', "a:\n  - x\n  - y\n  b\n: 1\n", "claims:\n- id: x\n  s: [\n"]
)
def test_other_syntax_errors_keep_the_general_hint(text):
    doc, found = parse(text, "t.yaml")
    assert doc is None and [p.rule for p in found] == ["yaml-syntax"]
    assert not found[0].hint.startswith("line ")


def test_a_tab_gets_its_own_hint():
    (found,) = parse("a:\n\tb: 1\n", "t.yaml")[1]
    assert found.hint == "indent with spaces: YAML does not allow tabs"


def test_the_bad_indent_fixture_names_its_line():
    from conftest import REPO

    raw = (REPO / "tests/fixtures/facts/yaml-syntax--bad-indent.yaml").read_bytes()
    (found,) = load_bytes(raw, "t.yaml")[1]
    assert (found.line, found.col) == (11, 4)
    assert found.hint.startswith("line 11 starts in column 4, but the keys around it start in column 5;")
