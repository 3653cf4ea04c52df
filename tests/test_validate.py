"""validate.py: schema errors as located problems with a hint that says what to write."""

from __future__ import annotations

import hashlib

import pytest
from conftest import VALID_WIDGET, dump, source_record

from modelfacts import kinds, validate
from modelfacts.load import load_bytes

WIDGET = VALID_WIDGET.read_text(encoding="utf-8")


def schema_problems(text: str, kind: kinds.Kind = kinds.MODEL) -> list[tuple[int, int, str, str]]:
    doc, found = load_bytes(text.encode("utf-8"), "t.yaml")
    assert doc is not None and found == []
    problems = validate.check_document(doc, kind.schema_file)
    assert all(p.rule == "schema" and p.file == "t.yaml" for p in problems)
    return [(p.line, p.col, p.message, p.hint) for p in problems]


def test_the_valid_fixture_passes():
    assert schema_problems(WIDGET) == []


def test_an_unknown_field_is_placed_on_its_key_with_a_guess():
    unknown, missing = schema_problems(WIDGET.replace("    topic: release\n", "    topik: release\n"))
    assert unknown[:3] == (11, 5, "claims.0: unknown field `topik`")
    assert unknown[3].startswith("did you mean `topic`? allowed fields: ")
    assert missing[:3] == (9, 5, "claims.0: missing required field `topic`")


def test_a_missing_field_says_what_it_is_for():
    ((line, col, message, hint),) = schema_problems(WIDGET.replace("developers: [acme-labs]\n", ""))
    assert (line, col, message) == (2, 1, "the file: missing required field `developers`")
    assert hint == "add `developers:` (Who makes the model: ids of seeds/publishers.yaml; [] when it is not known.)"


def test_a_word_outside_the_vocabulary_lists_the_words():
    ((line, col, message, hint),) = schema_problems(WIDGET.replace("stance: supports", "stance: agrees", 1))
    assert (line, col, message) == (17, 17, "claims.0.citations.0.stance: 'agrees' is not allowed")
    assert hint.startswith("use one of: supports, ")


def test_a_wrong_type_says_what_was_expected():
    ((line, col, message, _),) = schema_problems(WIDGET.replace("name: Widget-1", "name: 12"))
    assert (line, col, message) == (3, 7, "name: expected text, got 12")


def test_an_empty_file_has_no_data():
    doc, _ = load_bytes(b"# nothing\n", "t.yaml")
    (problem,) = validate.check_document(doc, kinds.MODEL.schema_file)
    assert (problem.line, problem.col, problem.rule) == (1, 1, "schema")
    assert problem.message == "the file holds no data (empty, or only comments)"


@pytest.mark.parametrize(
    "file",
    [
        "000_04d8fc4c021dbac8.txt",
        "primary/meta-llama__llama@llama_v1__LICENSE",
        "primary/README.md",
        "primary/sub folder/model card.md",
        "LICENSE",
    ],
)
def test_a_document_may_have_any_name_inside_seeds(file):
    text = dump(source_record("a-source", file, "text\n"), kinds.SOURCE.header + "\n")
    assert schema_problems(text, kinds.SOURCE) == []


@pytest.mark.parametrize(
    "file", ["../facts/x.yaml", "/etc/passwd", "primary/../x.txt", "./x.txt", ".x", "a//b", "a\\b", "a/", ""]
)
def test_a_document_path_cannot_leave_seeds(file):
    text = dump(source_record("a-source", file, "text\n", sha256=hashlib.sha256(b"").hexdigest()))
    doc, _ = load_bytes((kinds.SOURCE.header + "\n" + text).encode(), "t.yaml")
    (problem,) = validate.check_document(doc, kinds.SOURCE.schema_file)
    assert problem.rule == "schema" and problem.message.startswith("file: ")
