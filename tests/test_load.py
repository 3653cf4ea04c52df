"""load.py: bytes → data with positions, and located problems in plain words instead of exceptions."""

from __future__ import annotations

import math
import os

import pytest
from conftest import VALID_WIDGET
from hypothesis import given, settings
from hypothesis import strategies as st

from modelfacts import load, scalars
from modelfacts.load import load_bytes, parse
from modelfacts.rules import RULES_BY_ID


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


# Numbers YAML cannot hold sensibly: refused where they stand, never constructed.


@pytest.mark.parametrize(
    "plain, message",
    [
        ("9" * 5000, "a number of 5,000 characters"),
        ("-0x" + "f" * 5000, "a number of 5,003 characters"),
        ("1" * 41, "a number of 41 characters"),
        ("1.0e+999", "`1.0e+999` is too large for a number"),
        ("-1.5e+400", "`-1.5e+400` is too large for a number"),
        (".inf", "`.inf` is YAML for infinity"),
        ("-.Inf", "`-.Inf` is YAML for infinity"),
        (".NaN", "`.NaN` is YAML for not a number"),
        ("1:20", "YAML 1.1 reads `1:20` as a base-60 number"),
        ("2025:03", "YAML 1.1 reads `2025:03` as a base-60 number"),
        ("-190:20:30.15", "YAML 1.1 reads `-190:20:30.15` as a base-60 number"),
    ],
)
def test_a_number_no_one_means_is_refused_where_it_stands(plain, message):
    doc, (found,) = load_bytes(f"a: 1\nb: [x, {plain}]\n".encode(), "t.yaml")
    assert doc is not None and doc.data["b"][1] == plain
    assert (found.rule, found.line, found.col) == ("yaml-number", 2, 8)
    assert found.message.startswith(message) and found.hint.startswith("quote it if it is text")


@pytest.mark.parametrize(
    "plain, value", [("12", 12), ("-1_000", -1000), ("0x1f", 31), ("1.5", 1.5), ("1" * 40, int("1" * 40))]
)
def test_an_ordinary_number_is_read(plain, value):
    doc, found = load_bytes(f"a: {plain}\n".encode(), "t.yaml")
    assert found == [] and doc.data == {"a": value}


def test_a_key_that_is_a_number_no_one_means_is_reported_once():
    assert problems("1:20: x\n") == [(1, 1, "yaml-number")]


NUMBERS = st.one_of(
    st.integers(1, 6000).map(lambda n: "9" * n),
    st.from_regex(r"[-+]?[0-9]{1,4}(:[0-5]?[0-9]){1,3}(\.[0-9]{0,3})?", fullmatch=True),
    st.from_regex(r"[-+]?\.(inf|Inf|INF|nan|NaN|NAN)", fullmatch=True),
    st.from_regex(r"[-+]?[0-9]{1,3}\.[0-9]{0,3}[eE][-+][0-9]{1,5}", fullmatch=True),
    st.from_regex(r"[-+]?0x[0-9a-fA-F_]{1,60}|[-+]?0b[01_]{1,80}|[-+]?0[0-7_]{1,60}", fullmatch=True),
    st.floats().map(repr),
    st.integers().map(str),
)
PLACES = ["name: {}\n", "aliases: [a, {}]\n", "{}: x\n", "claims:\n  - id: {}\n    quote: q\n"]


def _scalars(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _scalars(value)
    elif isinstance(data, list):
        for item in data:
            yield from _scalars(item)
    else:
        yield data


@settings(max_examples=int(os.environ.get("MODELFACTS_EXAMPLES", "120")) * 2, deadline=None)
@given(plain=NUMBERS, place=st.sampled_from(PLACES))
def test_any_number_is_read_sensibly_or_refused_where_it_stands(plain, place):
    text = "id: x\n" + place.format(plain)
    doc, found = load_bytes(text.encode(), "t.yaml")  # must not raise
    for p in found:
        assert p.rule in RULES_BY_ID and p.hint and 2 <= p.line <= 3, p
        assert len(p.message) < 200, "a message quotes a long value whole"
    if doc is None:  # a key longer than YAML's 1024 characters
        assert found
        return
    if [p for p in found if p.rule == "yaml-number"]:
        assert plain in _scalars(doc.data)  # kept as the text, never constructed
        return
    for value in _scalars(doc.data):
        if isinstance(value, float):
            assert math.isfinite(value), plain
        elif isinstance(value, int) and not isinstance(value, bool):
            assert len(plain) <= scalars.MAX_NUMBER_LENGTH and ":" not in plain, plain


# Characters no text may hold: each class, written out and escaped, in a value, a key and an id.

CLASSES = {
    "C0 control": ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f"],
    "DEL": ["\x7f"],
    "C1 control": ["\x80", "\x92", "\x9f"],
    "noncharacter": ["\ufdd0", "\ufdef", "\ufffe", "\uffff", "\U0001fffe", "\U0010ffff"],
    "lone surrogate": ["\ud800", "\udfff"],
    "line separator": ["\x85", "\u2028", "\u2029"],
}
ALL_FORBIDDEN = [(kind, char) for kind, chars in CLASSES.items() for char in chars]


def _escaped(char: str) -> str:
    point = ord(char)
    return f"\\x{point:02X}" if point < 0x100 else f"\\u{point:04X}" if point < 0x10000 else f"\\U{point:08X}"


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


@pytest.mark.parametrize("kind, char", ALL_FORBIDDEN, ids=[f"{k}-{_code(c)}" for k, c in ALL_FORBIDDEN])
@pytest.mark.parametrize("where", ["value", "key", "id"])
def test_a_forbidden_character_escaped_is_refused_on_its_value(kind, char, where):
    escaped = f'"x{_escaped(char)}"'
    text = {
        "value": f"id: w\nclaims:\n  - quote: {escaped}\n",
        "key": f"id: w\nclaims:\n  - {escaped}: q\n",
        "id": f"id: w\nclaims:\n  - id: {escaped}\n",
    }[where]
    doc, found = load_bytes(text.encode(), "t.yaml")
    assert [(p.rule, p.line) for p in found] == [("text-characters", 3)], [p.text() for p in found]
    (problem,) = found
    start = {"value": 12, "key": 5, "id": 9}[where]
    assert problem.col == start + (2 if kind == "lone surrogate" else 0)  # the value, or the escape itself
    assert _code(char) in problem.message and problem.hint
    if kind == "lone surrogate":  # libyaml refuses the escape itself: no text can hold it
        assert doc is None and problem.message.startswith(f"the escape {_escaped(char)} stands for")
    else:
        field = {"value": "`claims.0.quote`", "key": "the key", "id": "`claims.0.id`"}[where]
        assert doc is not None and problem.message.startswith(field) and "character 2 of 2" in problem.message


@pytest.mark.parametrize("kind, char", ALL_FORBIDDEN, ids=[f"{k}-{_code(c)}" for k, c in ALL_FORBIDDEN])
def test_a_forbidden_character_written_out_is_refused_where_it_stands(kind, char):
    raw = "id: w\nname: é".encode() + char.encode("utf-8", "surrogatepass") + b"x\n"
    (problem,) = load_bytes(raw, "t.yaml")[1]
    # libyaml refuses most of them as it reads, at the character; the rest are found in the value
    in_value = kind == "noncharacter" and char not in "\ufffe\uffff"
    assert (problem.rule, problem.line, problem.col) == ("text-characters", 2, 7 if in_value else 8), problem.text()
    assert _code(char) in problem.message and problem.hint


@pytest.mark.parametrize(
    "text", ['a: "tab\\there"\n', 'a: "two\\nlines\\r\\n"\n', 'a: "\\u00a0\\uFEFF\\uFFFD\\U0001F600"\n']
)
def test_white_space_and_printable_characters_are_text(text):
    assert problems(text) == []


def test_a_reader_error_is_placed_in_characters_not_bytes():
    (found,) = load_bytes("a: ééé\nb: «\x07»\n".encode(), "t.yaml")[1]
    assert (found.line, found.col, found.rule) == (2, 5, "text-characters")
    assert found.message == "U+0007 (a control character) cannot stand in a fact file"


def test_bytes_that_are_not_utf8_are_placed_in_characters():
    (found,) = load_bytes("a: é\nb: ü".encode() + b"\xff\n", "t.yaml")[1]
    assert (found.line, found.col, found.rule) == (2, 5, "encoding")


def test_an_unknown_escape_says_how_to_write_a_backslash():
    (found,) = parse('a: "C:\\qux"\n', "t.yaml")[1]
    assert found.rule == "yaml-syntax" and "`\\\\` for a backslash" in found.hint
