"""Every rule: a fixture that breaks it (named after it) and the valid base that passes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTICLE, source_record

from modelfacts import rules
from modelfacts.check import check_root
from modelfacts.problems import ERROR

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
EXPECT = re.compile(r"# expect: (?P<rule>[\w-]+) (?P<line>\d+):(?P<col>\d+)\s*$")


def fixture_cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        m = EXPECT.search(path.read_text(encoding="utf-8"))
        assert m, f"{path.name} lacks an '# expect: rule line:col' line"
        assert path.stem.split("--")[0] == m["rule"], f"{path.name} is not named after the rule it breaks"
        yield pytest.param(path, m["rule"], int(m["line"]), int(m["col"]), id=path.stem)


def errors(root: Path):
    return [p for p in check_root(root).problems if p.severity == ERROR]


def test_valid_fixture_is_the_model_record():
    import yaml
    from conftest import VALID_WIDGET, model_record

    assert yaml.safe_load(VALID_WIDGET.read_text()) == model_record()


def test_valid_project_passes_every_rule(project):
    result = check_root(project.root)
    assert result.problems == []
    assert [m.id for m in result.base.models] == ["widget-1"]


@pytest.mark.parametrize("path, rule, line, col", list(fixture_cases()))
def test_fixture_breaks_exactly_its_rule(project, path, rule, line, col):
    project.write("facts/widget-1.yaml", path.read_bytes())
    found = errors(project.root)
    assert found, "the fixture should fail the check"
    assert {p.rule for p in found} == {rule}, [p.text() for p in found]
    assert ("facts/widget-1.yaml", line, col) in {(p.file, p.line, p.col) for p in found}, [p.text() for p in found]
    assert all(p.hint for p in found), "every problem says how to fix it"


def test_tag_is_refused_not_run(project, tmp_path):
    project.write("facts/widget-1.yaml", (FIXTURES / "yaml-tag--python-object.yaml").read_bytes())
    errors(project.root)
    assert not Path("/tmp/modelfacts-pwned").exists()


def test_every_rule_has_a_failing_case():
    named = {p.stem.split("--")[0] for p in FIXTURES.glob("*.yaml")}
    in_code = {
        "encoding",
        "file-size",
        "duplicate-id",
        "seed-path",
        "seed-missing",
        "seed-unlisted",
        "seed-hash",
        "seed-encoding",
        "source-unused",
    }
    assert {r.id for r in rules.RULES} == named | in_code
    assert all(r.description and r.id == r.id.lower() for r in rules.RULES)


# Rules that need more than one fact file, or bytes no text fixture can hold.


@pytest.mark.parametrize(
    "name, raw, line, col",
    [
        ("encoding--byte-order-mark", b"\xef\xbb\xbfid: widget-1\n", 1, 1),
        ("encoding--latin-1", b"# c\nname: Caf\xe9\n", 2, 10),
        ("encoding--nul-byte", b"# c\nid: wid\x00get\n", 2, 8),
    ],
)
def test_encoding(project, name, raw, line, col):
    project.write("facts/widget-1.yaml", raw)
    assert [(p.rule, p.line, p.col) for p in errors(project.root)] == [("encoding", line, col)]


def test_crlf_line_endings_are_accepted(project):
    path = project.root / "facts/widget-1.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert errors(project.root) == []


def test_file_size(project):
    project.write("facts/widget-1.yaml", b"# " + b"x" * (1024 * 1024) + b"\n")
    assert [p.rule for p in errors(project.root)] == ["file-size"]


def test_duplicate_id(project):
    project.write("facts/widget-copy.yaml", (project.root / "facts/widget-1.yaml").read_bytes())
    assert sorted(p.rule for p in errors(project.root)) == ["duplicate-id", "file-name"]


def test_seed_hash(project):
    project.write("seeds/acme.txt", ARTICLE + "edited\n")
    found = errors(project.root)
    assert [p.rule for p in found] == ["seed-hash"] and found[0].file == "seeds/acme-news.yaml"


def test_seed_missing(project):
    (project.root / "seeds/rival.txt").unlink()
    assert [p.rule for p in errors(project.root)] == ["seed-missing"]


def test_seed_unlisted(project):
    project.write("seeds/stray.txt", "an article nobody recorded\n")
    found = errors(project.root)
    assert [(p.rule, p.file) for p in found] == [("seed-unlisted", "seeds/stray.txt")]


def test_seed_encoding(project):
    raw = b"caf\xe9\n"
    import hashlib

    project.write("seeds/latin.txt", raw)
    project.write_source(source_record("latin-news", "latin.txt", "", sha256=hashlib.sha256(raw).hexdigest()))
    assert "seed-encoding" in {p.rule for p in errors(project.root)}


@pytest.mark.parametrize("file", ["../facts/widget-1.yaml", "/etc/passwd", "sub/dir.txt", "..txt/../x.txt"])
def test_source_file_cannot_name_a_path(project, file):
    project.write_source(source_record("acme-news", file, ARTICLE))
    found = errors(project.root)
    assert [p.rule for p in found if p.file == "seeds/acme-news.yaml"] == ["schema"]


def test_seed_path_symlink_leaving_seeds(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text(ARTICLE)
    (project.root / "seeds/acme.txt").unlink()
    (project.root / "seeds/acme.txt").symlink_to(outside)
    assert [p.rule for p in errors(project.root)] == ["seed-path"]


def test_source_unused_is_a_warning(project):
    project.write_source(source_record("idle-news", "idle.txt", "Nothing cited here.\n"), "Nothing cited here.\n")
    result = check_root(project.root)
    assert [(p.rule, p.severity) for p in result.problems] == [("source-unused", "warning")]


# Near misses that must pass.


def test_quotes_fold_whitespace_and_typography(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace(
        "quote: Acme Labs released Widget-1 on March 3, 2025.",
        "quote: 'Critics say Widget-1 is \"not open at all\" - its training data stays secret...'",
    )
    project.write("facts/widget-1.yaml", text)
    assert errors(project.root) == []


def test_future_date_with_predicts_passes(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace('date: "2025-03-03"', 'date: "2025-06"').replace("stance: supports", "stance: predicts", 1)
    text = text.replace("status: current\n", "status: current\n    rationale: Only announced.\n", 1)
    text = text.replace("confidence: medium", "confidence: low")
    project.write("facts/widget-1.yaml", text)
    assert errors(project.root) == []


def test_quote_error_shows_the_closest_passage(project):
    project.write("facts/widget-1.yaml", (FIXTURES / "quote-verbatim--reworded.yaml").read_bytes())
    (problem,) = errors(project.root)
    assert "Acme Labs released Widget-1 on March 3, 2025." in problem.hint


def test_problems_are_all_reported_in_one_run(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace("source: acme-news", "source: nowhere", 1).replace("confidence: very low", "confidence: high")
    project.write("facts/widget-1.yaml", text)
    found = errors(project.root)
    assert {p.rule for p in found} == {"source-exists", "confidence-ceiling"} and len(found) == 3


def test_fast_and_reference_validators_agree_on_every_fixture():
    import fastjsonschema

    from modelfacts import validate
    from modelfacts.load import load_bytes

    for path in [*FIXTURES.glob("*.yaml"), FIXTURES.parent / "valid-widget.yaml"]:
        doc, problems = load_bytes(path.read_bytes(), path.name)
        if doc is None or problems or not isinstance(doc.data, dict):
            continue
        reference = validate.validator("model.schema.json").is_valid(doc.data)
        try:
            validate.fast_validator("model.schema.json")(doc.data)
            fast = True
        except fastjsonschema.JsonSchemaException:
            fast = False
        assert fast == reference, path.name
