"""The JSON Schemas of what lives in seeds/: a source record, the publishers registry and the licence table."""

from __future__ import annotations

from . import licences, openness, provenance, rubric
from .kinds import LICENCES, PUBLISHERS, SOURCE
from .schemaparts import (
    CLAIM_REF_PATTERN,
    FULL_DATE_PATTERN,
    SEED_FILE_PATTERN,
    SHA256_PATTERN,
    URL_PATTERN,
    enum,
    form,
    ident,
    nullable,
    record,
    text,
)


def source_schema() -> dict:
    return {
        **record(SOURCE.schema_file, "Model Facts: one source", "The metadata of one source document in seeds/."),
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
            "document",
            "reliability",
            "reliability_note",
        ],
        "properties": {
            "id": ident("A readable slug, same as the file name without .yaml.", ["murphy-2026-google-legacy-models"]),
            "file": form(
                SEED_FILE_PATTERN,
                "The document, by its path relative to this record (so inside seeds/): an article beside it, or a "
                "primary document under primary/ with its exact name. It cannot leave seeds/.",
                ["000_04d8fc4c021dbac8.txt", "primary/meta-llama__llama@llama_v1__LICENSE"],
            ),
            "sha256": form(
                SHA256_PATTERN,
                "SHA-256 of the document's bytes, lowercase hex.",
                ["5150ea5e4d5828a2a674eee1218dd34b3c95d6e4dd96451632555ecfdb27f78d"],
            ),
            "title": text(
                "The headline or title, verbatim; for a document without one, a description in [square brackets].",
                ["Meta to open source versions of its next AI models", "[Llama 2 model card]"],
            ),
            "publisher": nullable(
                ident(
                    "Who published it: an id of seeds/publishers.yaml, or null when the text does not say.",
                    ["daily-neural-digest", None],
                )
            ),
            "syndicated_from": ident(
                "For a copy another outlet republished (syndicated): the id of the original's source record. "
                "The copy then counts with its original, as one source.",
                ["reuters-2025-widget-release"],
            ),
            "authors": {
                "type": "array",
                "items": text("An author's name.", ["Judith Murphy"]),
                "description": "Named authors; empty when none is named.",
                "examples": [["Judith Murphy"], []],
            },
            "published": {
                "type": ["string", "null"],
                "pattern": FULL_DATE_PATTERN,
                "description": "When the source was published (YYYY-MM-DD, quoted), not after today; or null with "
                "a date_note. For a copied document (provenance), the day of its commit date: its evidence date.",
                "examples": ["2026-04-07", None],
            },
            "date_note": text(
                "Why the date is unknown, and what the text implies.", ["Undated; mentions events of March 2023."]
            ),
            "url": {
                "type": ["string", "null"],
                "pattern": URL_PATTERN,
                "description": "Where it was published (http or https, no spaces), or null when unknown. For a "
                "copied document (provenance), the file at the commit read: https://github.com/<repository>/blob/"
                "<commit>/<path>.",
                "examples": [None, "https://example.org/article"],
            },
            "kind": enum(
                rubric.SOURCE_KINDS, "What sort of source it is: the developer's own (primary), reporting, commentary."
            ),
            "document": enum(
                provenance.DOCUMENT_TYPES,
                "What the document is (an article, a licence, a model card), whoever published it.",
            ),
            "reliability": enum(
                rubric.RELIABILITY_GRADES, "Admiralty source grade: A (completely reliable) to F (cannot be judged)."
            ),
            "reliability_note": text(
                "One line: why this grade.", ["Machine-generated; cites an arXiv id that does not resolve."]
            ),
            "provenance": provenance_schema(),
            "about": {
                "type": "array",
                "uniqueItems": True,
                "items": text("A model, as the document names it.", ["Llama-2-Chat"]),
                "description": "The models the document speaks about, as it names them.",
                "examples": [["Llama 2 7B/13B/70B", "Llama-2-Chat"]],
            },
            "notes": text("What the document says about itself.", ["Says it was machine-generated."]),
            "unused": text(
                "Why no claim cites this source yet, in one line (shown on the sources index); only for an uncited "
                "source.",
                ["Not yet curated: its licence terms await review."],
            ),
        },
        "if": {"properties": {"published": {"type": "null"}}},
        "then": {"required": ["date_note"]},
    }


def provenance_schema() -> dict:
    """Where a copy of a file in a developer's repository came from."""
    commit = "689c7f261b9c5514636ecc3c5fefefcbb3e6eed7"
    return {
        "type": "object",
        "description": "For a document copied from a repository: where it came from. The record's `url` is then "
        "the file at `commit`, and its `published` the day of `commit_date`.",
        "additionalProperties": False,
        "required": ["repository", "path", "branch", "commit", "commit_date", "last_change_commit"],
        "properties": {
            "repository": form(
                provenance.REPOSITORY_PATTERN, "The repository on GitHub, as owner/name.", ["meta-llama/llama"]
            ),
            "path": form(SEED_FILE_PATTERN, "The file's path in the repository.", ["MODEL_CARD.md"]),
            "branch": text("The branch that was read.", ["main", "llama_v1"]),
            "commit": form(
                provenance.COMMIT_PATTERN, "The commit that was read: its full id (40 hex digits).", [commit]
            ),
            "commit_date": form(
                provenance.COMMIT_DATE_PATTERN,
                "When the commit that last changed the file (at or before `commit`) was made, ISO 8601 with its "
                "offset, quoted: what the document says is evidence as of this date.",
                ["2024-03-23T19:03:21+11:00"],
            ),
            "last_change_commit": form(
                provenance.COMMIT_PATTERN,
                "The commit that last changed the file, at or before `commit`: its full id.",
                ["1f9a8d774a10fbe41321e530428e91f7eb7eb822"],
            ),
            "note": text(
                "A caveat about this copy, as recorded when it was made.",
                ["Repository marked deprecated by Meta."],
            ),
        },
        "examples": [
            {
                "repository": "meta-llama/llama",
                "path": "MODEL_CARD.md",
                "branch": "main",
                "commit": commit,
                "commit_date": "2024-03-23T19:03:21+11:00",
                "last_change_commit": "1f9a8d774a10fbe41321e530428e91f7eb7eb822",
            }
        ],
    }


def publishers_schema() -> dict:
    """The registry; its entries are `$defs.publisher`."""
    publisher = {
        "type": "object",
        "description": "One publisher or developer: the id records name it by, and the names it goes by.",
        "additionalProperties": False,
        "required": ["id", "name", "aliases"],
        "properties": {
            "id": ident("How records name it: lowercase words joined by hyphens.", ["google"]),
            "name": text("Its name, as pages show it.", ["Google"]),
            "aliases": {
                "type": "array",
                "uniqueItems": True,
                "items": text("Another name it goes by.", ["Google DeepMind"]),
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
        **record(
            PUBLISHERS.schema_file,
            "Model Facts: the publishers registry",
            "Every publisher and developer once; sources count as independent only when their publishers' ids differ.",
        ),
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


def licences_schema() -> dict:
    """The licence table; its entries are `$defs.licence`. Which claims state a licence's terms is data too."""
    licence = {
        "type": "object",
        "description": "One licence: its SPDX id (or LicenseRef), its class, its stored text, and the claims that "
        "state its key terms.",
        "additionalProperties": False,
        "required": ["id", "name", "class", "reason", "terms"],
        "properties": {
            "id": form(
                licences.ID_PATTERN,
                "An SPDX licence id as the SPDX License List spells it, or `LicenseRef-<name>` for a licence not on "
                "that list.",
                ["Apache-2.0", "LicenseRef-Llama-2-Community"],
            ),
            "name": text("Its name, as its text or its publisher gives it.", ["Llama 2 Community License Agreement"]),
            "class": enum(
                openness.LICENCE_CLASSES,
                "; ".join(f"`{c}`: {m}" for c, m in openness.LICENCE_CLASSES.items()),
            ),
            "reason": text(
                "Why it has this class, in one sentence; name the terms (the claims in `terms` quote them).",
                ["Licensees with more than 700 million monthly active users must ask Meta for a licence."],
            ),
            "equivalent": form(
                licences.ID_PATTERN,
                "For a `LicenseRef-…` whose conditions are exactly those of an OSI-approved licence (it only adds "
                "permissions or non-binding requests): that licence's SPDX id. Only then may a LicenseRef be `open`.",
                ["MIT"],
            ),
            "text": ident(
                "The id of the source record whose document is the licence's text, when it is stored.",
                ["meta-llama-llama-license-as-released"],
            ),
            "not_stored": text(
                "When its text is not stored: say so, and where it is published. Pages then show only what stored "
                "documents say of it.",
                ["Google publishes the Gemma terms at ai.google.dev/gemma/terms; the text is not stored here."],
            ),
            "url": {
                "type": "string",
                "pattern": "^https?://",
                "description": "Where its publisher publishes it.",
                "examples": ["https://www.apache.org/licenses/LICENSE-2.0"],
            },
            "terms": {
                "type": "array",
                "uniqueItems": True,
                "items": form(
                    CLAIM_REF_PATTERN,
                    "A claim, as `<model-id>#<claim-id>`.",
                    ["llama-2#licence-700m-monthly-users"],
                ),
                "description": "The claims that state its key terms, quoting it; [] when none does yet.",
                "examples": [["llama-2#licence-700m-monthly-users"], []],
            },
        },
    }
    return {
        **record(
            LICENCES.schema_file,
            "Model Facts: the licence table",
            "Every licence a claim names, once, with its class: verdicts on the licence dimension come from here.",
        ),
        "required": ["licences"],
        "properties": {
            "licences": {
                "type": "array",
                "items": {"$ref": "#/$defs/licence"},
                "description": "One entry per licence.",
                "examples": [
                    [
                        {
                            "id": "Apache-2.0",
                            "name": "Apache License 2.0",
                            "class": "open",
                            "reason": "OSI-approved.",
                            "terms": [],
                        }
                    ]
                ],
            }
        },
        "$defs": {"licence": licence},
    }
