"""The canonical layout of records, as the checker sees it: the rules `schema-comment` and `format`.

The layout is the one of tests/fixtures/valid-widget.yaml: the schema line first, keys in the order
the schemas list them, `  - id:` claims (and registry entries), `      - source:` citations, short
lists in flow style.
The checker finds departures from the positions the loader recorded, without writing anything;
`fmt` (which imports ruamel.yaml, the checker never does) rewrites a file into this layout.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from . import schemas
from .kinds import Kind
from .load import Document
from .problems import Problem
from .rules import FORMAT, SCHEMA_COMMENT

FLOW_LISTS = {
    "model": ("developers", "modality", "aliases"),
    "source": ("authors", "about"),
    "publisher": ("aliases",),
    "licence": ("terms",),
}
"""Short lists written on one line, `modality: [text, image]`."""
BLOCK_LISTS = {
    "model": ("claims", "claim"),
    "claim": ("citations", "citation"),
    "publishers": ("publishers", "publisher"),
    "licences": ("licences", "licence"),
}
"""The list of records each record holds, and the kind of those records."""
MAPPINGS = {"source": "provenance", "claim": "openness"}
"""The mapping a record holds under a key, laid out as a record of that name."""
ORDER = {
    kind: {key: rank for rank, key in enumerate(schema["properties"])}
    for kind, schema in (
        ("model", schemas.model_schema()),
        ("claim", schemas.claim_schema()),
        ("citation", schemas.citation_schema()),
        ("source", schemas.source_schema()),
        ("provenance", schemas.source_schema()["properties"]["provenance"]),
        ("publishers", schemas.publishers_schema()),
        ("publisher", schemas.publishers_schema()["$defs"]["publisher"]),
        ("openness", schemas.openness_schema()),
        ("licences", schemas.licences_schema()),
        ("licence", schemas.licences_schema()["$defs"]["licence"]),
    )
}
"""Canonical key order: the order of `properties` in the schemas."""


def records(data: Any, kind: str, path: tuple = ()) -> Iterator[tuple[tuple, str, Any]]:
    """(path, kind, mapping) of every record in the file: the top level, claims, citations, provenance."""
    if not isinstance(data, dict):
        return
    yield path, kind, data
    if kind in MAPPINGS:
        yield from records(data.get(MAPPINGS[kind]), MAPPINGS[kind], path + (MAPPINGS[kind],))
    if kind in BLOCK_LISTS:
        key, item_kind = BLOCK_LISTS[kind]
        items = data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            yield from records(item, item_kind, path + (key, i))


def header_problems(doc: Document, kind: Kind) -> list[Problem]:
    """The first line must name the record's schema, for editors."""
    end = doc.text.find("\n")
    if doc.data is None or (doc.text if end < 0 else doc.text[:end]).rstrip("\r") == kind.header:
        return []
    return [
        SCHEMA_COMMENT.at(
            doc.path, 1, 1, "the first line must name the schema for editors", f"make the first line `{kind.header}`"
        )
    ]


def layout_problems(doc: Document, kind: str) -> list[Problem]:
    """Key order and layout that `fmt` would change, found from positions alone (a kind's name).

    Runs on every file the checker reads, so it only looks up positions the loader recorded.
    """
    if not isinstance(doc.data, dict):
        return []
    found: list[tuple[tuple, str, bool]] = []  # (path, message, at the key rather than the value)
    if doc.positions[()][1] != 1:
        found.append(((), "top-level keys should start at column 1", False))
    for path, rec, mapping in records(doc.data, kind):
        _record_layout(doc, path, rec, mapping, found)
    hint = f"run `modelfacts fmt` (or `modelfacts fmt {doc.path}`)"
    return [doc.problem(path, FORMAT, message, hint, key=key) for path, message, key in found]


def _record_layout(doc: Document, path: tuple, rec: str, mapping: dict, found: list) -> None:
    at, key_at, order = doc.positions, doc.key_positions, ORDER[rec]
    highest, highest_key, reported = -1, "", False
    for key, value in mapping.items():
        where = path + (key,)
        rank = order.get(key, -1)  # unknown keys are the schema's business; fmt moves them last
        if rank > highest:
            highest, highest_key = rank, key
        elif rank >= 0 and not reported:
            found.append((where, f"keys out of canonical order: `{key}` should come before `{highest_key}`", True))
            reported = True
        if not isinstance(value, (dict, list)) and at[where][0] != key_at[where][0]:
            found.append((where, f"the value of `{key}` should start on the key's line", False))
    for key in FLOW_LISTS.get(rec, ()):
        items = mapping.get(key)
        if isinstance(items, list):
            where = path + (key,)
            line = key_at[where][0]
            if at[where][0] != line or any(at[where + (i,)][0] != line for i in range(len(items))):
                found.append((where, f"`{key}` should be a list on one line, like `{key}: [a, b]`", False))
    if rec in BLOCK_LISTS:
        key, item_kind = BLOCK_LISTS[rec]
        items = mapping.get(key)
        if isinstance(items, list) and items:
            _block_list(doc, path + (key,), items, item_kind, found)


def _block_list(doc: Document, where: tuple, items: list, item_kind: str, found: list) -> None:
    """Claims and citations: one `- first_key:` per item, two columns deeper than their key."""
    at, key_at = doc.positions, doc.key_positions
    key_line, key_col = key_at[where]
    line, col = at[where]
    expected = " " * (key_col + 1) + f"- {next(iter(ORDER[item_kind]))}:"
    if line == key_line:
        found.append((where, f"`{where[-1]}` should be a block list, one `{expected.strip()}` item per line", False))
        return
    good = col == key_col + 2 and at[where + (0,)] == (line, col + 2)
    for i, item in enumerate(items):
        start = at[where + (i,)]
        if (
            not good
            or start[1] != col + 2
            or (isinstance(item, dict) and item and key_at[where + (i, next(iter(item)))] != start)
        ):
            found.append((where, f"`{where[-1]}` items should be indented as `{expected}`", False))
            return
