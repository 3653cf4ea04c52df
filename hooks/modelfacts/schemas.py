"""The JSON Schemas, built from the rubric's vocabularies so the two cannot drift.

`schemas/*.schema.json` are written from here (`python -m modelfacts.schemas DIR`); a test
fails when the committed files differ from what this module builds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from . import rubric
from .kinds import MODEL, PUBLISHERS, SOURCE

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://modelfacts.example/schemas/"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
MOVED_TO_PATTERN = "^" + ID_PATTERN.strip("^$") + "#" + ID_PATTERN.strip("^$") + "$"
"""A moved claim's new place: `<model-id>#<claim-id>`."""
DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
FULL_DATE_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
SHA256_PATTERN = "^[0-9a-f]{64}$"
URL_PATTERN = r"^https?://\S+$"
"""A URL holds no white space: a space inside is written %20, one at the end is a slip."""
_SEGMENT = r"[^./\\\x00-\x1f\x7f][^/\\\x00-\x1f\x7f]*"
SEED_FILE_PATTERN = f"^{_SEGMENT}(/{_SEGMENT})*$"
"""A relative path inside seeds/: names of any form, but no `.`, `..` or hidden part, no `/` first."""
TEXT_PATTERN = r"\S"
"""Text fields must hold something besides white space."""


def _text(description: str, examples: list, **extra) -> dict:
    return {"type": "string", "pattern": TEXT_PATTERN, "description": description, "examples": examples, **extra}


def _enum(values, description: str) -> dict:
    values = list(values)
    return {"enum": values, "description": description, "examples": values[:2]}


def _nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]} if "type" in schema else schema


def _id(description: str, examples: list) -> dict:
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": 80, "description": description, "examples": examples}


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
            "stance": _enum(rubric.STANCES, "How the passage bears on the claim."),
            "quote": _text(
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
            "statement": _text(
                "One plain-text sentence: the claim in our words.", ["Gemini 1.0 Pro was released in December 2023."]
            ),
            "topic": _enum(rubric.TOPICS, "What the claim is about."),
            "date": {
                "type": "string",
                "pattern": DATE_PATTERN,
                "description": "When the claimed fact holds or happened (not when a source reported it): YYYY, "
                "YYYY-MM or YYYY-MM-DD (quoted). After today only for a prediction: every citation `predicts`.",
                "examples": ["2023-12", "2024-02-21"],
            },
            "date_basis": _enum(
                rubric.DATE_BASES,
                "Where the date comes from: `source` (a cited passage gives it; the default when absent) or "
                "`curator` (the curators supplied it, and pages say so).",
            ),
            "confidence": _enum(
                reversed(rubric.CONFIDENCE_LEVELS), "The curator's rating, capped by the rubric's ceiling."
            ),
            "status": _enum(rubric.STATUSES, "Whether the claim stands."),
            "status_note": _text("Why a claim was superseded or retracted.", ["Replaced by the 2024 licence change."]),
            "rationale": _text(
                "Why this rating; required for low and very low and for contradicted claims.",
                ["Only one machine-generated article says so."],
            ),
            "unchecked_context": _text(
                "What the curators know but no stored document says. Pages mark it as unchecked context, not "
                "evidence; it never counts toward the rating.",
                ["The developer announced the change at a conference; no stored document records it."],
            ),
            "citations": {
                "type": "array",
                "minItems": 1,
                "items": {"$ref": "#/$defs/citation"},
                "description": "The passages that bear on the claim; at least one.",
                "examples": [[citation_schema()["examples"][0]]],
            },
            "notes": _text("Optional curator context for readers.", ["Google calls it Gemini Pro."]),
        },
    }


def moved_schema() -> dict:
    return {
        "type": "object",
        "description": "A claim that moved: its old id stays an anchor on this model's page, linking to the new place.",
        "additionalProperties": False,
        "required": ["id", "to"],
        "properties": {
            "id": _id("The claim's old id in this model; no live claim of the model may have it.", ["released"]),
            "to": {
                "type": "string",
                "pattern": MOVED_TO_PATTERN,
                "description": "Where the claim is now: `<model-id>#<claim-id>`; both must exist.",
                "examples": ["gemini-1-0-pro#released-2023-12"],
            },
        },
        "examples": [{"id": "released", "to": "gemini-1-0-pro#released-2023-12"}],
    }


def model_schema() -> dict:
    return {
        "$schema": DRAFT,
        "$id": BASE + MODEL.schema_file,
        "title": "Model Facts: one model",
        "description": "A fact file: one AI model and every claim the sources make about it.",
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "name", "developers", "modality", "aliases", "claims"],
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "maxLength": 80,
                "description": "Same as the file name without .yaml; lowercase words joined by hyphens.",
                "examples": ["gemini-1-0-pro"],
            },
            "name": _text("The model's name as its developer writes it.", ["Gemini 1.0 Pro"]),
            "developers": {
                "type": "array",
                "uniqueItems": True,
                "items": _id("A developer: an id of seeds/publishers.yaml.", ["google"]),
                "description": "Who makes the model: ids of seeds/publishers.yaml; [] when it is not known.",
                "examples": [["google"], ["meta", "microsoft"], []],
            },
            "family": _text("The model family, if any.", ["Gemini"]),
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
                "items": _text("Another name.", ["Gemini Pro"]),
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


def source_schema() -> dict:
    return {
        "$schema": DRAFT,
        "$id": BASE + SOURCE.schema_file,
        "title": "Model Facts: one source",
        "description": "The metadata of one source document in seeds/.",
        "type": "object",
        "additionalProperties": False,
        "required": [
            "id",
            "file",
            "sha256",
            "title",
            "publisher",
            "authors",
            "published",
            "url",
            "kind",
            "reliability",
            "reliability_note",
        ],
        "properties": {
            "id": {
                "type": "string",
                "pattern": ID_PATTERN,
                "maxLength": 80,
                "description": "A readable slug, same as the file name without .yaml.",
                "examples": ["murphy-2026-google-legacy-models"],
            },
            "file": {
                "type": "string",
                "pattern": SEED_FILE_PATTERN,
                "description": "The document, by its path relative to this record (so inside seeds/): an article "
                "beside it, or a primary document under primary/ with its exact name. It cannot leave seeds/.",
                "examples": ["000_04d8fc4c021dbac8.txt", "primary/meta-llama__llama@llama_v1__LICENSE"],
            },
            "sha256": {
                "type": "string",
                "pattern": SHA256_PATTERN,
                "description": "SHA-256 of the document's bytes, lowercase hex.",
                "examples": ["5150ea5e4d5828a2a674eee1218dd34b3c95d6e4dd96451632555ecfdb27f78d"],
            },
            "title": _text("The article's headline, verbatim.", ["Meta to open source versions of its next AI models"]),
            "publisher": _nullable(
                _id(
                    "Who published it: an id of seeds/publishers.yaml, or null when the text does not say.",
                    ["daily-neural-digest", None],
                )
            ),
            "syndicated_from": _id(
                "For a copy another outlet republished (syndicated): the id of the original's source record. "
                "The copy then counts with its original, as one source.",
                ["reuters-2025-widget-release"],
            ),
            "authors": {
                "type": "array",
                "items": _text("An author's name.", ["Judith Murphy"]),
                "description": "Named authors; empty when none is named.",
                "examples": [["Judith Murphy"], []],
            },
            "published": {
                "type": ["string", "null"],
                "pattern": FULL_DATE_PATTERN,
                "description": "When the source was published (YYYY-MM-DD, quoted), not after today; or null with "
                "a date_note.",
                "examples": ["2026-04-07", None],
            },
            "date_note": _text(
                "Why the date is unknown, and what the text implies.", ["Undated; mentions events of March 2023."]
            ),
            "url": {
                "type": ["string", "null"],
                "pattern": URL_PATTERN,
                "description": "Where it was published (http or https, no spaces), or null when unknown.",
                "examples": [None, "https://example.org/article"],
            },
            "kind": _enum(rubric.SOURCE_KINDS, "What sort of text it is."),
            "reliability": _enum(
                rubric.RELIABILITY_GRADES, "Admiralty source grade: A (completely reliable) to F (cannot be judged)."
            ),
            "reliability_note": _text(
                "One line: why this grade.", ["Machine-generated; cites an arXiv id that does not resolve."]
            ),
            "notes": _text("What the article says about itself.", ["Says it was machine-generated."]),
        },
        "if": {"properties": {"published": {"type": "null"}}},
        "then": {"required": ["date_note"]},
    }


def publishers_schema() -> dict:
    """The registry; its entries are `$defs.publisher`."""
    publisher = {
        "type": "object",
        "description": "One publisher or developer: the id records name it by, and the names it goes by.",
        "additionalProperties": False,
        "required": ["id", "name", "aliases"],
        "properties": {
            "id": _id("How records name it: lowercase words joined by hyphens.", ["google"]),
            "name": _text("Its name, as pages show it.", ["Google"]),
            "aliases": {
                "type": "array",
                "uniqueItems": True,
                "items": _text("Another name it goes by.", ["Google DeepMind"]),
                "description": "Its other names; [] when none. No two publishers share a name.",
                "examples": [["Google DeepMind"], []],
            },
            "url": {
                "type": "string",
                "pattern": "^https?://",
                "description": "Its home page.",
                "examples": ["https://x.ai/"],
            },
        },
    }
    return {
        "$schema": DRAFT,
        "$id": BASE + PUBLISHERS.schema_file,
        "title": "Model Facts: the publishers registry",
        "description": "Every publisher and developer once; sources count as independent only when their "
        "publishers' ids differ.",
        "type": "object",
        "additionalProperties": False,
        "required": ["publishers"],
        "properties": {
            "publishers": {
                "type": "array",
                "items": {"$ref": "#/$defs/publisher"},
                "description": "One entry per publisher.",
                "examples": [[{"id": "xai", "name": "xAI", "aliases": []}]],
            }
        },
        "$defs": {"publisher": publisher},
    }


SCHEMAS = {
    k.schema_file: f for k, f in ((MODEL, model_schema), (SOURCE, source_schema), (PUBLISHERS, publishers_schema))
}


def render(name: str) -> str:
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def write(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in SCHEMAS:
        (folder / name).write_text(render(name), encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "schemas"))
