"""Step 4b, render exports: the fact base as JSON and CSV under data/ in the built site: the claims and
sources as recorded, and the openness verdicts computed from them (with the frameworks' results and the
licence table)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict

from . import exportschema, frameworks, openness, schemas, verdicts
from .frameworks import Result
from .model import FactBase
from .urls import claim_url, model_url
from .verdicts import Assertion, Verdict

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
but no stored document says (not evidence). Later columns come last, so earlier ones keep their place.
After them, claims.csv has `citations` and `openness` (JSON columns) and then `reviewed`; claims.json has
`citations`, `openness` for a claim that asserts some dimension (so the record of one that asserts none is
unchanged), and `reviewed`: the day curators last checked the claim against its documents (YYYY-MM-DD), or
null (empty in the CSV) when it has not been reviewed."""


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
                **({"openness": dict(claim.openness)} if claim.openness else {}),
                "reviewed": claim.reviewed,
            }
        )
    return records


def json_lines(records: list[dict]) -> str:
    """A JSON array with one record per line: readable in a diff, and encoded by json's C encoder
    (`indent` would force its pure-Python one, several times slower)."""
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP, CSV injection)."""


def csv_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one that could start a formula gets a ' in front."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_text(fields: Iterable[str], rows: Iterable[dict]) -> str:
    """CSV with these columns: a list is joined with ", ", a dict written as JSON, and every cell neutralised
    by `csv_cell`, as the downloads page says (the JSON files keep the exact text)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(_cell(v)) for k, v in row.items()})
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, list):
        return ", ".join(value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False) if value else ""
    return value


CLAIM_CSV_FIELDS = (*CLAIM_FIELDS, "citations", "openness", "reviewed")
"""claims.csv's columns, in order."""


def claims_csv(records: list[dict]) -> str:
    """One row per claim; the citations column holds the citations as a JSON list, the openness column the
    claim's assertions as a JSON object (empty when it asserts none); `reviewed` comes after them."""
    return csv_text(
        CLAIM_CSV_FIELDS,
        (
            {
                **{k: rec[k] for k in CLAIM_FIELDS},
                "citations": json.dumps(rec["citations"], ensure_ascii=False),
                "openness": rec.get("openness", {}),
                "reviewed": rec["reviewed"],
            }
            for rec in records
        ),
    )


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
        values = {**vars(s), "publisher": base.publisher_name(s)}
        values.update(publisher_id=s.publisher, as_of=s.as_of, provenance=s.provenance and asdict(s.provenance))
        data.append({f: list(v) if isinstance(v := values[f], tuple) else v for f in SOURCE_FIELDS})
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _urls(site_url: str, found: Iterable[Assertion]) -> list[str]:
    return [claim_url(a.model.id, a.claim.id, site_url) for a in found]


def dimension_record(verdict: Verdict, site_url: str = "") -> dict:
    """One verdict as data: what the openness card shows, and the claims on each side."""
    record: dict[str, object] = {
        "verdict": verdict.verdict,
        "confidence": verdict.confidence,
        "as_of": verdict.as_of,
        "claims": _urls(site_url, verdict.rests_on),
    }
    if verdict.dimension == openness.LICENCE:
        record["spdx"], record["class"] = verdict.spdx, verdict.licence_class
    record["against"] = _urls(site_url, verdict.against)
    record["outweighed"] = _urls(site_url, verdict.outweighed)
    record["history"] = [
        {
            "since": step.since,
            "asserts": step.assertion.written,
            "value": step.assertion.value,
            "claim": _urls(site_url, (step.assertion,))[0],
        }
        for step in verdict.history
    ]
    return record


def framework_record(result: Result) -> dict:
    return {
        "status": result.status,
        "reached": result.reached.name if result.reached else None,
        "next": result.next.name if result.next else None,
        "gaps": [gap.describe() for gap in result.gaps],
    }


def openness_records(base: FactBase, site_url: str = "") -> list[dict]:
    """One record per model, in the fact base's order: its verdict on every dimension (openness.DIMENSIONS
    order) and its result on every framework. The results sit in the model's record, not a file of their
    own: they are computed from these verdicts alone, and a reader who filters models by them needs both."""
    records = []
    for model in base.models:
        verdicts = base.verdicts[model.id]
        records.append(
            {
                "id": model.id,
                "name": model.name,
                "url": site_url + model_url(model.id),
                "developers": list(model.developers),
                "family": model.family,
                "dimensions": {d: dimension_record(v, site_url) for d, v in verdicts.items()},
                "frameworks": {f: framework_record(r) for f, r in frameworks.assess_all(verdicts).items()},
            }
        )
    return records


OPENNESS_FIELDS = (
    "model",
    "model_name",
    "dimension",
    "verdict",
    "confidence",
    "as_of",
    "spdx",
    "class",
    "claims",
    "against",
)
"""openness.csv's columns: one row per model and dimension; `spdx` and `class` only on the licence's row,
`claims` and `against` the claim URLs joined with ", "."""


def openness_csv(records: list[dict]) -> str:
    return csv_text(
        OPENNESS_FIELDS,
        (
            {
                "model": rec["id"],
                "model_name": rec["name"],
                "dimension": dimension,
                **{k: v.get(k) for k in OPENNESS_FIELDS[3:]},
            }
            for rec in records
            for dimension, v in rec["dimensions"].items()
        ),
    )


LICENCE_FIELDS = ("id", "name", "class", "reason", "text", "not_stored", "url", "terms", "models")
"""The keys of each record in licences.json, in order (the Data Package lists them as its schema)."""


def licence_records(base: FactBase, site_url: str = "") -> list[dict]:
    """The licence table as data, in its order: each licence with the claims that state its terms and the
    models whose licence verdict names it. Empty when the table failed its check."""
    if base.licences is None:
        return []
    under = verdicts.under_licences(base)
    return [
        dict(
            zip(
                LICENCE_FIELDS,
                (
                    entry.id,
                    entry.name,
                    entry.licence_class,
                    entry.reason,
                    entry.text,
                    entry.not_stored,
                    entry.url,
                    [claim_url(*term.partition("#")[::2], site_url) for term in entry.terms],
                    [model.id for model, _, _ in under.get(entry.id, ())],
                ),
                strict=True,
            )
        )
        for entry in base.licences.licences
    ]


DATA_FILES = (
    (
        "data/claims.json",
        "every claim with its citations, rating, openness assertions and the day it was last reviewed against its "
        "documents (JSON array)",
    ),
    (
        "data/claims.csv",
        "the same, one row per claim; citations and openness assertions as JSON columns. A cell that begins with =, +, -, @, a tab "
        "or a carriage return gets a ' in front, so that a spreadsheet shows it as text and never runs it "
        "as a formula (claims.json keeps the exact text)",
    ),
    (
        "data/sources.json",
        "the sources' metadata and grades: articles, and primary documents with where they were copied from",
    ),
    (
        "data/openness.json",
        "every model's openness verdict on each dimension (with its confidence, evidence date and the claims it "
        "rests on) and its result on each framework (JSON array; schema below)",
    ),
    (
        "data/openness.csv",
        "the verdicts, one row per model and dimension; cells neutralised as in claims.csv",
    ),
    ("data/licences.json", "the licence table: each licence's class, the claims stating its terms, its models"),
    ("data/schemas/openness.schema.json", "JSON Schema of data/openness.json"),
    ("data/schemas/model.schema.json", "JSON Schema of a fact file"),
    ("data/schemas/source.schema.json", "JSON Schema of a source record"),
    ("data/schemas/publishers.schema.json", "JSON Schema of the publishers registry"),
    ("data/schemas/licences.schema.json", "JSON Schema of the licence table"),
)


def render_exports(base: FactBase, site_url: str = "") -> dict[str, bytes]:
    """The data files as UTF-8 bytes: held until MkDocs writes them, bytes take the least memory."""
    records = claim_records(base, site_url)
    files = {"data/claims.json": json_lines(records).encode("utf-8")}
    files["data/claims.csv"] = claims_csv(records).encode("utf-8")
    del records
    files["data/sources.json"] = sources_json(base).encode("utf-8")
    verdicts = openness_records(base, site_url)
    files["data/openness.json"] = json_lines(verdicts).encode("utf-8")
    files["data/openness.csv"] = openness_csv(verdicts).encode("utf-8")
    del verdicts
    files["data/licences.json"] = json_lines(licence_records(base, site_url)).encode("utf-8")
    files[f"data/schemas/{exportschema.OPENNESS}"] = exportschema.render().encode("utf-8")
    files.update({f"data/schemas/{name}": schemas.render(name).encode("utf-8") for name in schemas.SCHEMAS})
    return files
