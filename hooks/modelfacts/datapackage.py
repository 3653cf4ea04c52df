"""data/datapackage.json: the downloads described as a Frictionless Data Package (v2), so that a tool can load
them with their types: a Table Schema for each CSV, the JSON Schema of each JSON file, and the data licence.

Built from what already defines the files: exports.DATA_FILES (every download and what it holds), the CSV
columns (exports.CLAIM_CSV_FIELDS, exports.OPENNESS_FIELDS), the vocabularies (rubric.py, openness.py) for the
columns' allowed values, and the published JSON Schemas (exportschema.py, schemas.py). The exports stay as they
are: this file only describes them.
"""

from __future__ import annotations

import json
from pathlib import PurePosixPath

from . import exports, exportschema, openness, rubric
from .html import Html, tag
from .schemaparts import DRAFT
from .urls import DOWNLOADS, href

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PATH = "data/datapackage.json"
DATA_LICENCE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
"""The licence of the fact base and its exports (LICENSE-DATA.md says what it covers)."""

_ENUMS = {
    "confidence": rubric.CONFIDENCE_LEVELS,
    "ceiling": rubric.CONFIDENCE_LEVELS,
    "evidence": rubric.EVIDENCE_LEVELS,
    "agreement": rubric.AGREEMENT_LEVELS,
    "status": tuple(rubric.STATUSES),
    "topic": tuple(rubric.TOPICS),
    "dimension": tuple(d.id for d in openness.DIMENSIONS),
    "verdict": openness.VERDICTS,
    "class": tuple(openness.LICENCE_CLASSES),
}
"""Columns whose values come from a vocabulary: their allowed values."""
_TYPES = {"citations": "array", "openness": "object", "as_of": "date"}
"""Columns that are not text: JSON in a cell (Table Schema's `array` and `object`), and a full date. Every other
column is a string; an empty cell is a missing value."""
_TABLES = {
    "data/claims.csv": exports.CLAIM_CSV_FIELDS,
    "data/openness.csv": exports.OPENNESS_FIELDS,
}
"""Each CSV's columns, in order."""
_KEYS = {"data/claims.csv": ["model", "id"], "data/openness.csv": ["model", "dimension"]}
_JSON_SCHEMAS = {"data/openness.json": f"schemas/{exportschema.OPENNESS}"}
"""The JSON exports with a published JSON Schema (relative to data/)."""
_RECORDS = {
    "data/claims.json": (*exports.CLAIM_FIELDS, "citations"),
    "data/sources.json": exports.SOURCE_FIELDS,
    "data/licences.json": exports.LICENCE_FIELDS,
}
"""The JSON exports without a published schema: an array of records, each with at least these keys."""


def field(name: str) -> dict:
    """A CSV column's Table Schema field."""
    described: dict = {"name": name, "type": _TYPES.get(name, "string")}
    if name in _ENUMS:
        described["constraints"] = {"enum": list(_ENUMS[name])}
    return described


def table_schema(path: str) -> dict:
    return {"fields": [field(name) for name in _TABLES[path]], "primaryKey": _KEYS[path], "missingValues": [""]}


def _json_schema(path: str) -> str | dict | None:
    if path in _JSON_SCHEMAS:
        return _JSON_SCHEMAS[path]
    if path in _RECORDS:
        return {
            "$schema": DRAFT,
            "type": "array",
            "items": {"type": "object", "required": list(_RECORDS[path])},
        }
    if path.startswith("data/schemas/"):
        return DRAFT  # a JSON Schema is described by the meta-schema of its draft
    return None


def resource(path: str, description: str) -> dict:
    """One download as a Data Resource: its path relative to data/, where this file is."""
    name = PurePosixPath(path)
    described: dict = dict(
        name=str(name.relative_to("data")).replace("/", "-").replace(".", "-").replace("_", "-").lower(),
        path=str(name.relative_to("data")),
        description=description,
        format=name.suffix.lstrip("."),
        mediatype="text/csv" if name.suffix == ".csv" else "application/json",
        encoding="utf-8",
    )
    if path in _TABLES:
        # `type` is v2's mark of a table; `profile`, v1's, is what v1 readers (R's frictionless, for one) look for.
        described.update(type="table", profile="tabular-data-resource", schema=table_schema(path))
        described["dialect"] = {"header": True, "delimiter": ",", "lineTerminator": "\n"}
    elif (schema := _json_schema(path)) is not None:
        described["jsonSchema"] = schema
    return described


def datapackage(site_url: str = "") -> dict:
    package = {
        "$schema": PROFILE,
        "name": "model-facts",
        "title": "Model Facts",
        "description": "A hand-curated, machine-checked fact base about AI models and how open they are: every "
        "claim with its quoted citations and rating, the sources, the openness verdicts computed from the claims, "
        "the licence table, and the JSON Schemas.",
        "licenses": [DATA_LICENCE],
        "resources": [resource(path, what) for path, what in exports.DATA_FILES],
    }
    if site_url:
        package["homepage"] = site_url
    return package


def render(site_url: str = "") -> str:
    return json.dumps(datapackage(site_url), indent=1, ensure_ascii=False) + "\n"


def licence_paragraph() -> Html:
    """What the downloads page says of the data's licence, and where the Data Package is."""
    return tag(
        "p",
        "The data is licensed under ",
        tag("a", DATA_LICENCE["title"], href=DATA_LICENCE["path"], rel="license"),
        f" ({DATA_LICENCE['name']}): reuse it with attribution to Model Facts. ",
        tag("a", PATH, href=href(DOWNLOADS, PATH)),
        " describes every file above as a Frictionless Data Package: each CSV's columns with their types, each "
        "JSON file with its JSON Schema. The stored documents the quotes come from remain their owners'.",
        class_="mf-data-licence",
    )
