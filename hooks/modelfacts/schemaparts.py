"""What every JSON Schema here is built from: the forms of ids, dates, hashes, paths and URLs, and
one helper per sort of field, so that each form is written once."""

from __future__ import annotations

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://modelfacts.example/schemas/"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
CLAIM_REF_PATTERN = "^" + ID_PATTERN.strip("^$") + "#" + ID_PATTERN.strip("^$") + "$"
"""A claim named from another record (a moved claim's new place, a licence's terms): `<model-id>#<claim-id>`."""
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


def text(description: str, examples: list, **extra) -> dict:
    return {"type": "string", "pattern": TEXT_PATTERN, "description": description, "examples": examples, **extra}


def enum(values, description: str) -> dict:
    values = list(values)
    return {"enum": values, "description": description, "examples": values[:2]}


def nullable(schema: dict) -> dict:
    return {**schema, "type": [schema["type"], "null"]} if "type" in schema else schema


def ident(description: str, examples: list) -> dict:
    """An id: lowercase words joined by hyphens, as file names and URL anchors take them."""
    return {"type": "string", "pattern": ID_PATTERN, "maxLength": 80, "description": description, "examples": examples}


def form(pattern: str, description: str, examples: list) -> dict:
    """Text of one form (a hash, a date, a path), described with examples for the checker's hint."""
    return {"type": "string", "pattern": pattern, "description": description, "examples": examples}


def record(schema_file: str, title: str, description: str) -> dict:
    """The head every record's schema starts with: draft, its own address, and no field beyond its own."""
    return {
        "$schema": DRAFT,
        "$id": BASE + schema_file,
        "title": title,
        "description": description,
        "type": "object",
        "additionalProperties": False,
    }
