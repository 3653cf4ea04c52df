"""The JSON Schemas, built from the rubric's vocabularies so the two cannot drift.

`schemas/*.schema.json` are written from here (`python -m modelfacts.schemas DIR`); a test
fails when the committed files differ from what this module builds. The fact file's schema is
here; the source record's and the registry's are in `seedschemas`; the forms and field helpers
all of them share in `schemaparts`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import openness, rubric
from .kinds import LICENCES, MODEL, PUBLISHERS, SOURCE
from .schemaparts import (
    CLAIM_REF_PATTERN,
    DATE_PATTERN,
    FULL_DATE_PATTERN,
    ID_PATTERN,
    TEXT_PATTERN,
    enum,
    ident,
    record,
    text,
)
from .seedschemas import licences_schema, publishers_schema, source_schema


def citation_schema() -> dict:
    return {
        "type": "object",
        "description": "One passage of one source that bears on the claim.",
        "additionalProperties": False,
        "required": ["source", "stance", "quote"],
        "properties": {
            "source": {
                "type": "string",
                "pattern": ID_PATTERN,
                "description": "The id of a source record in seeds/.",
                "examples": ["murphy-2026-google-legacy-models"],
            },
            "stance": enum(rubric.STANCES, "How the passage bears on the claim."),
            "quote": text(
                "The passage, copied verbatim from the source text.",
                ["Gemini 1.0 Nano and Pro came later, in December 2023"],
            ),
        },
        "examples": [
            {
                "source": "murphy-2026-google-legacy-models",
                "stance": "supports",
                "quote": "Gemini 1.0 Nano and Pro came later, in December 2023",
            }
        ],
    }


def openness_schema() -> dict:
    """A claim's `openness`: the value it asserts per dimension; for the licence, an SPDX expression."""
    properties = {
        d.id: {
            "type": "string",
            "pattern": TEXT_PATTERN,
            "description": f"{d.question} The SPDX expression of the terms the claim states (`Apache-2.0`, "
            "`LicenseRef-Llama-2-Community`, `MIT AND LicenseRef-Llama-3.1-Community`); every licence in it is in "
            "seeds/licences.yaml, whose class gives the value.",
            "examples": ["Apache-2.0", "LicenseRef-Llama-2-Community"],
        }
        if d.id == openness.LICENCE
        else enum(
            openness.VALUES,
            f"{d.question} " + " ".join(f"`{v}`: {m}" for v, m in d.meaning.items()),
        )
        for d in openness.DIMENSIONS
    }
    return {
        "type": "object",
        "description": "What the claim asserts about the model's openness, by dimension; verdicts are computed "
        "from these. Assert only what the claim's quotes state.",
        "additionalProperties": False,
        "minProperties": 1,
        "properties": properties,
        "examples": [{"weights": "open", "licence": "Apache-2.0"}],
    }


def claim_schema() -> dict:
    return {
        "type": "object",
        "description": "One checkable statement about the model, with its evidence and rating.",
        "additionalProperties": False,
        "required": ["id", "statement", "topic", "confidence", "status", "citations"],
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "maxLength": 80,
                "description": "Unique within the model and stable: it is the claim's URL anchor.",
                "examples": ["released-2023-12"],
            },
            "statement": text(
                "One plain-text sentence: the claim in our words.", ["Gemini 1.0 Pro was released in December 2023."]
            ),
            "topic": enum(rubric.TOPICS, "What the claim is about."),
            "date": {
                "type": "string",
                "pattern": DATE_PATTERN,
                "description": "When the claimed fact holds or happened (not when a source reported it): YYYY, "
                "YYYY-MM or YYYY-MM-DD (quoted). After today only for a prediction: every citation `predicts`.",
                "examples": ["2023-12", "2024-02-21"],
            },
            "date_basis": enum(
                rubric.DATE_BASES,
                "Where the date comes from: `source` (a cited passage gives it, or the claim is about the time of "
                "writing and the date is the source's own; the default when absent) or `curator` (the curators "
                "computed or inferred it, and pages say so).",
            ),
            "confidence": enum(
                reversed(rubric.CONFIDENCE_LEVELS), "The curator's rating, capped by the rubric's ceiling."
            ),
            "status": enum(rubric.STATUSES, "Whether the claim stands."),
            "status_note": text("Why a claim was superseded or retracted.", ["Replaced by the 2024 licence change."]),
            "reviewed": {
                "type": "string",
                "pattern": FULL_DATE_PATTERN,
                "description": "The day a curator last checked the claim against its cited documents (YYYY-MM-DD, "
                "quoted): its statement, quotes, stances, rating and openness. Set it only after such a check (a "
                "commit is not a review); a new claim has none. Not after today, nor before a cited document was "
                "stored.",
                "examples": ["2026-12-01"],
            },
            "rationale": text(
                "Why this rating; required for low and very low and for contradicted claims.",
                ["Only one machine-generated article says so."],
            ),
            "unchecked_context": text(
                "What the curators know but no stored document says. Pages mark it as unchecked context, not "
                "evidence; it never counts toward the rating.",
                ["The developer announced the change at a conference; no stored document records it."],
            ),
            "openness": openness_schema(),
            "citations": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/citation"},
                "description": "The passages that bear on the claim; at least one.",
                "examples": [[citation_schema()["examples"][0]]],
            },
            "notes": text("Optional curator context for readers.", ["Google calls it Gemini Pro."]),
        },
    }


def moved_schema() -> dict:
    return {
        "type": "object",
        "description": "A claim that moved: its old id stays an anchor on this model's page, linking to the new place.",
        "additionalProperties": False,
        "required": ["id", "to"],
        "properties": {
            "id": ident("The claim's old id in this model; no live claim of the model may have it.", ["released"]),
            "to": {
                "type": "string",
                "pattern": CLAIM_REF_PATTERN,
                "description": "Where the claim is now: `<model-id>#<claim-id>`; both must exist.",
                "examples": ["gemini-1-0-pro#released-2023-12"],
            },
        },
        "examples": [{"id": "released", "to": "gemini-1-0-pro#released-2023-12"}],
    }


def model_schema() -> dict:
    return {
        **record(
            MODEL.schema_file,
            "Model Facts: one model",
            "A fact file: one AI model and every claim the sources make about it.",
        ),
        "required": ["id", "name", "developers", "modality", "aliases", "claims"],
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "maxLength": 80,
                "description": "Same as the file name without .yaml; lowercase words joined by hyphens.",
                "examples": ["gemini-1-0-pro"],
            },
            "name": text("The model's name as its developer writes it.", ["Gemini 1.0 Pro"]),
            "developers": {
                "type": "array",
                "uniqueItems": True,
                "items": ident("A developer: an id of seeds/publishers.yaml.", ["google"]),
                "description": "Who makes the model: ids of seeds/publishers.yaml; [] when it is not known.",
                "examples": [["google"], ["meta", "microsoft"], []],
            },
            "family": text("The model family, if any.", ["Gemini"]),
            "modality": {
                "type": "array",
                "uniqueItems": True,
                "items": {"enum": list(rubric.MODALITIES)},
                "description": "What the model takes or produces.",
                "examples": [["text", "image"]],
            },
            "aliases": {
                "type": "array",
                "uniqueItems": True,
                "items": text("Another name.", ["Gemini Pro"]),
                "description": "Other names readers may search for.",
                "examples": [["Gemini Pro"]],
            },
            "claims": {
                "type": "array",
                "items": {"$ref": "#/$defs/claim"},
                "description": "Every checkable claim about the model.",
                "examples": [[]],
            },
            "moved": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/moved"},
                "description": "Claims that moved to another place: their old anchors keep leading there.",
                "examples": [[moved_schema()["examples"][0]]],
            },
        },
        "$defs": {"claim": claim_schema(), "citation": citation_schema(), "moved": moved_schema()},
    }


SCHEMAS = {
    k.schema_file: f
    for k, f in (
        (MODEL, model_schema),
        (SOURCE, source_schema),
        (PUBLISHERS, publishers_schema),
        (LICENCES, licences_schema),
    )
}


def render(name: str) -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (folder / name).write_text(render(name), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
