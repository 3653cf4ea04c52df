"""validate.py: schema errors as located problems with a hint that says what to write."""

from __future__ import annotations

import hashlib

import pytest
from conftest import VALID_WIDGET, dump, source_record

from modelfacts import kinds, schemas, validate
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


# White space at either end of an id, a date, a URL or a word of a vocabulary: placed on the value,
# with a hint that says which character to remove. Python's `$` matches before a final line break,
# the schema's does not: the two validators must agree, or the error lands at the top of the file.


@pytest.mark.parametrize(
    "old, new, line, col, message, hint",
    [
        (
            "id: widget-1\n",
            'id: "widget-1 "\n',
            2,
            5,
            "id: 'widget-1 ' ends with a space",
            "remove the space at the end",
        ),
        ("id: widget-1\n", 'id: "widget-1\\n"\n', 2, 5, "id: 'widget-1\\n' ends with a line break", None),
        ("- id: released", '- id: "\\treleased"', 9, 9, "claims.0.id: '\\treleased' starts with a tab", None),
        (
            'date: "2025-03-03"',
            'date: "2025-03\\n"',
            12,
            11,
            "claims.0.date: '2025-03\\n' ends with a line break",
            None,
        ),
        ('date: "2025-03-03"', "date: |\n      2025-03-03", 12, 11, "claims.0.date: '2025-03-03\\n' ends with", None),
        ("source: acme-news", 'source: "acme-news\\u00a0"', 16, 17, "claims.0.citations.0.source: ", None),
        ("stance: supports", "stance: 'supports '", 17, 17, "claims.0.citations.0.stance: 'supports ' ends", None),
    ],
)
def test_white_space_around_a_value_is_named_on_the_value(old, new, line, col, message, hint):
    assert old in WIDGET
    ((at_line, at_col, said, told),) = schema_problems(WIDGET.replace(old, new, 1))
    assert (at_line, at_col) == (line, col) and said.startswith(message)
    assert told == (hint or told) and told.startswith("remove the ") and told.endswith((" at the end", " at the start"))


@pytest.mark.parametrize("field", ["id", "published", "url", "sha256"])
def test_a_line_break_after_a_source_value_is_named_on_it(field):
    record = source_record("a-source", "a.txt", "text\n", url="https://example.org/a")
    record[field] += "\n"
    text = dump(record, kinds.SOURCE.header + "\n")
    ((line, _, message, hint),) = schema_problems(text, kinds.SOURCE)
    assert message.startswith(f"{field}: '") and message.endswith(" ends with a line break")
    assert hint == "remove the line break at the end" and line > 1


def test_a_url_with_a_space_at_the_end_or_inside_is_refused():
    for url, expected in [("https://example.org/a ", "ends with a space"), ("https://example.org/a b", "wrong form")]:
        text = dump(source_record("a-source", "a.txt", "text\n", url=url), kinds.SOURCE.header + "\n")
        ((_, _, message, _),) = schema_problems(text, kinds.SOURCE)
        assert message.startswith("url: ") and message.endswith(expected)


def _patterned(schema):
    """Every sub-schema with a pattern anchored at the end and a text example, anywhere in `schema`."""
    if isinstance(schema, dict):
        if schema.get("pattern", "").endswith("$") and any(isinstance(e, str) for e in schema.get("examples", [])):
            yield schema
        for value in schema.values():
            yield from _patterned(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _patterned(value)


@pytest.mark.parametrize("name", list(schemas.SCHEMAS))
def test_both_validators_read_every_pattern_alike(name):
    """Each pattern's example passes both, and fails both with a line break added."""
    import fastjsonschema

    reference = type(validate.validator(name))
    found = list(_patterned(schemas.SCHEMAS[name]()))
    # ids and dates; a source's file, hash, date and URL; the registry has only its ids; the licence table its
    # ids, its text's source id and its claims
    assert len(found) >= {"publishers.schema.json": 1, "licences.schema.json": 3}.get(name, 4)
    for sub in found:
        example = next(e for e in sub["examples"] if isinstance(e, str))
        schema = {"type": "string", "pattern": sub["pattern"]}
        for value, valid in ((example, True), (example + "\n", False)):
            assert reference(schema).is_valid(value) is valid, (sub["pattern"], value)
            try:
                fastjsonschema.compile(schema)(value)
                fast = True
            except fastjsonschema.JsonSchemaException:
                fast = False
            assert fast is valid, (sub["pattern"], value)
