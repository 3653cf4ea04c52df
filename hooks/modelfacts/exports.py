"""Step 4b, render exports: the fact base as JSON and CSV under data/ in the built site."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from . import schemas
from .model import FactBase
from .urls import claim_url

CLAIM_FIELDS = (
    "model",
    "model_name",
    "developer",
    "id",
    "statement",
    "topic",
    "date",
    "confidence",
    "status",
    "status_note",
    "rationale",
    "notes",
    "evidence",
    "agreement",
    "ceiling",
    "url",
    "developers",
    "date_basis",
    "unchecked_context",
)
"""The claims' columns: `developer` is the developers' names joined with ", " (empty when not known),
`developers` their publisher ids (in claims.csv joined the same way); `date_basis` says whether a cited
passage (`source`) or the curators (`curator`) give `date`; `unchecked_context` is what the curators know
but no stored document says (not evidence). Later columns come last, so earlier ones keep their place."""


def claim_records(base: FactBase, site_url: str = "") -> list[dict]:
    """One flat record per claim, in fact-file order; `url` is absolute when the site URL is known. Each
    citation's `as_of` is the day its source's evidence is as of (Source.as_of), or null when unknown."""
    as_of = {s.id: s.as_of for s in base.sources.values()}
    records = []
    for model, claim in base.claims:
        a = base.assess(claim)
        records.append(
            {
                "model": model.id,
                "model_name": model.name,
                "developer": ", ".join(base.names(model.developers)),
                "id": claim.id,
                "statement": claim.statement,
                "topic": claim.topic,
                "date": claim.date,
                "confidence": claim.confidence,
                "status": claim.status,
                "status_note": claim.status_note,
                "rationale": claim.rationale,
                "notes": claim.notes,
                "evidence": a.evidence,
                "agreement": a.agreement,
                "ceiling": a.ceiling,
                "url": claim_url(model.id, claim.id, site_url),
                "developers": list(model.developers),
                "date_basis": claim.date_basis,
                "unchecked_context": claim.unchecked_context,
                "citations": [
                    {"source": c.source, "stance": c.stance, "quote": c.quote, "as_of": as_of.get(c.source)}
                    for c in claim.citations
                ],
            }
        )
    return records


def claims_json(records: list[dict]) -> str:
    """A JSON array with one claim per line: readable in a diff, and encoded by json's C encoder
    (`indent` would force its pure-Python one, several times slower)."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP, CSV injection)."""


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a ' in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def claims_csv(records: list[dict]) -> str:
    """One row per claim; the citations column holds the citations as a JSON list. Cells are
    neutralised by `csv_cell`, as the downloads page says; claims.json keeps the exact text."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[*CLAIM_FIELDS, "citations"], lineterminator="\n")
    writer.writeheader()
    for rec in records:
        writer.writerow(
            {
                **{k: csv_cell(", ".join(v) if isinstance(v := rec[k], list) else v) for k in CLAIM_FIELDS},
                "citations": csv_cell(json.dumps(rec["citations"], ensure_ascii=False)),
            }
        )
    return out.getvalue()


SOURCE_FIELDS = (
    "id",
    "file",
    "sha256",
    "title",
    "publisher",
    "publisher_id",
    "syndicated_from",
    "authors",
    "published",
    "date_note",
    "url",
    "kind",
    "document",
    "reliability",
    "reliability_note",
    "provenance",
    "about",
    "as_of",
    "notes",
    "unused",
)
"""sources.json's fields: the record's, with `publisher` its name (as before ids), `publisher_id` the id,
`provenance` an object (or null) and `as_of` the day its evidence is as of."""


def sources_json(base: FactBase) -> str:
    """Each source's record, by id."""
    data = []
    for s in sorted(base.sources.values(), key=lambda s: s.id):
        values = {**vars(s), "publisher": base.names((s.publisher,))[0] if s.publisher else None}
        values.update(publisher_id=s.publisher, as_of=s.as_of, provenance=s.provenance and asdict(s.provenance))
        data.append({f: list(v) if isinstance(v := values[f], tuple) else v for f in SOURCE_FIELDS})
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


DATA_FILES = (
    ("data/claims.json", "every claim with its citations and rating (JSON array)"),
    (
        "data/claims.csv",
        "the same, one row per claim; citations as a JSON column. A cell that begins with =, +, -, @, a tab "
        "or a carriage return gets a ' in front, so that a spreadsheet shows it as text and never runs it "
        "as a formula (claims.json keeps the exact text)",
    ),
    (
        "data/sources.json",
        "the sources' metadata and grades: articles, and primary documents with where they were copied from",
    ),
    ("data/schemas/model.schema.json", "JSON Schema of a fact file"),
    ("data/schemas/source.schema.json", "JSON Schema of a source record"),
    ("data/schemas/publishers.schema.json", "JSON Schema of the publishers registry"),
    ("data/schemas/licences.schema.json", "JSON Schema of the licence table"),
)


def render_exports(base: FactBase, site_url: str = "") -> dict[str, bytes]:
    """The data files as UTF-8 bytes: held until MkDocs writes them, bytes take the least memory."""
    records = claim_records(base, site_url)
    files = {"data/claims.json": claims_json(records).encode("utf-8")}
    files["data/claims.csv"] = claims_csv(records).encode("utf-8")
    del records
    files["data/sources.json"] = sources_json(base).encode("utf-8")
    files.update({f"data/schemas/{name}": schemas.render(name).encode("utf-8") for name in schemas.SCHEMAS})
    return files
