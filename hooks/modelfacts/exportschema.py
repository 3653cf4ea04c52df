"""The JSON Schema of data/openness.json, built from the openness vocabulary, the rubric's levels and the
frameworks, so that the published schema names exactly the dimensions, verdicts and classes the code uses.

Published beside the record schemas (data/schemas/); a test validates the real export against it.
"""

from __future__ import annotations

import json

from . import frameworks, openness, rubric
from .schemaparts import BASE, DRAFT, FULL_DATE_PATTERN, ID_PATTERN, enum, ident, nullable

OPENNESS = "openness.schema.json"
CLAIM_URL_PATTERN = "#" + ID_PATTERN.lstrip("^")
"""A claim's URL ends in its anchor: `…/models/<model-id>/#<claim-id>` (absolute when the site's address is known)."""


def _claims(description: str) -> dict:
    return {
        "type": "array",
        "items": {"type": "string", "pattern": CLAIM_URL_PATTERN},
        "description": description,
        "examples": [["https://modelfacts.example/models/llama-2/#weights-on-request"], []],
    }


def verdict_schema() -> dict:
    """One dimension's verdict; the licence's (`$defs.licence`) adds its expression and class."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["verdict", "confidence", "as_of", "claims", "against", "outweighed", "history"],
        "properties": {
            "verdict": enum(
                openness.VERDICTS,
                "The computed verdict. " + " ".join(f"`{v}`: {m}" for v, m in openness.VERDICT_MEANING.items()),
            ),
            "confidence": {
                "enum": [*rubric.CONFIDENCE_LEVELS, None],
                "description": "The winning claim's rating; null when the verdict is `unknown` for want of a claim.",
                "examples": ["high", None],
            },
            "as_of": {
                "type": ["string", "null"],
                "pattern": FULL_DATE_PATTERN,
                "description": "The evidence date: the latest as-of day of the sources the winning claim cites.",
                "examples": ["2023-07-18", None],
            },
            "claims": _claims(
                "The claims the verdict rests on: those asserting its value and, when disputed, the other side."
            ),
            "against": _claims(
                "When disputed: the claims within one rating level of the winner that assert otherwise."
            ),
            "outweighed": _claims("Claims that assert otherwise but are rated two or more levels below the winner."),
            "history": {
                "type": "array",
                "description": "When dated claims assert different things at different dates: each change, oldest first.",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["since", "asserts", "value", "claim"],
                    "properties": {
                        "since": {"type": "string", "description": "The claim's date (YYYY, YYYY-MM or YYYY-MM-DD)."},
                        "asserts": {
                            "type": "string",
                            "description": "What the claim asserts: a value, or for the licence an SPDX expression.",
                        },
                        "value": enum(openness.VALUES, "The value it gives the dimension."),
                        "claim": {"type": "string", "pattern": CLAIM_URL_PATTERN},
                    },
                },
            },
        },
    }


def licence_verdict_schema() -> dict:
    base = verdict_schema()
    properties = {
        **base["properties"],
        "spdx": nullable(
            {
                "type": "string",
                "description": "The winning claim's licence, as an SPDX expression (`LicenseRef-…` for a licence "
                "not on the SPDX list); null when no claim states one.",
                "examples": ["Apache-2.0", "LicenseRef-Llama-2-Community", None],
            }
        ),
        "class": {
            "enum": [*openness.LICENCE_CLASSES, None],
            "description": "Its class in the licence table ("
            + "; ".join(f"`{c}`: {m}" for c, m in openness.LICENCE_CLASSES.items())
            + "); null when not classified.",
            "examples": ["restricted", None],
        },
    }
    return {**base, "required": [*base["required"], "spdx", "class"], "properties": properties}


def result_schema(framework: frameworks.Framework) -> dict:
    levels = [level.name for level in framework.levels]
    return {
        "type": "object",
        "description": f"{framework.name}, {framework.version} ({framework.url}).",
        "additionalProperties": False,
        "required": ["status", "reached", "next", "gaps"],
        "properties": {
            "status": {
                "enum": list(frameworks.STATUSES),
                "description": " ".join(f"`{k}`: {v}" for k, v in frameworks.STATUSES.items()),
                "examples": ["meets", "fails"],
            },
            "reached": {"enum": [*levels, None], "description": "The highest class it reaches; null for none."},
            "next": {"enum": [*levels, None], "description": "The class above it; null when it reaches the top."},
            "gaps": {
                "type": "array",
                "items": {"type": "string"},
                "description": "What keeps it from `next`, one criterion each: `unknown: no claim about training "
                "data`, `weights is partial`.",
            },
        },
    }


def model_schema() -> dict:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "name", "url", "developers", "family", "dimensions", "frameworks"],
        "properties": {
            "id": ident("The model's id: its page is models/<id>/.", ["llama-2"]),
            "name": {"type": "string", "description": "The model's name.", "examples": ["Llama 2"]},
            "url": {
                "type": "string",
                "description": "Its page.",
                "examples": ["https://modelfacts.example/models/llama-2/"],
            },
            "developers": {
                "type": "array",
                "items": ident("A publisher id.", ["meta"]),
                "description": "Its developers' publisher ids; [] when not known.",
            },
            "family": nullable({"type": "string", "description": "Its family, if any.", "examples": ["Llama"]}),
            "dimensions": {
                "type": "object",
                "description": "A verdict for every openness dimension.",
                "additionalProperties": False,
                "required": [d.id for d in openness.DIMENSIONS],
                "properties": {
                    d.id: {
                        "$ref": "#/$defs/licence" if d.id == openness.LICENCE else "#/$defs/verdict",
                        "description": f"{d.name}: {d.question}",
                    }
                    for d in openness.DIMENSIONS
                },
            },
            "frameworks": {
                "type": "object",
                "description": "Where the verdicts put the model in each framework.",
                "additionalProperties": False,
                "required": [f.id for f in frameworks.FRAMEWORKS],
                "properties": {f.id: result_schema(f) for f in frameworks.FRAMEWORKS},
            },
        },
    }


def openness_schema() -> dict:
    return {
        "$schema": DRAFT,
        "$id": BASE + OPENNESS,
        "title": "Model Facts: openness verdicts",
        "description": "data/openness.json: for each model, its openness verdict on every dimension, computed from "
        "the claims (see the methodology page), and its result on each framework.",
        "type": "array",
        "items": {"$ref": "#/$defs/model"},
        "$defs": {"model": model_schema(), "verdict": verdict_schema(), "licence": licence_verdict_schema()},
    }


def render() -> str:
    return json.dumps(openness_schema(), indent=2, ensure_ascii=False) + "\n"
