"""`modelfacts fmt`: one canonical layout for fact files, so diffs show content, not style.

The layout is the one of tests/fixtures/valid-widget.yaml: keys in the order the schemas list
them, `  - id:` claims, `      - source:` citations, short lists in flow style. Rewriting uses a
ruamel.yaml round trip, which keeps comments: end-of-line comments stay on their line, comment
lines above a key move with it (above the first key of a claim they follow it instead).

Our loader reads YAML 1.1 (PyYAML), ruamel reads YAML 1.2: where they disagree (`1e3`, an
unquoted date), the value our loader saw is written back, quoted when it is text. A rewrite
whose data would read back differently is refused, so fmt never changes what a file says.

`layout_problems` is the checker's fast counterpart: it sees the same layout rules from the
positions the loader recorded, without emitting anything.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from . import schemas
from .load import Document, load_bytes
from .problems import Problem

BOM = b"\xef\xbb\xbf"
FLOW_LISTS = {"model": ("modality", "aliases"), "source": ("authors",)}
"""Short lists written on one line, `modality: [text, image]`."""
BLOCK_LISTS = {"model": ("claims", "claim"), "claim": ("citations", "citation")}
"""The list of records each record holds, and the kind of those records."""
ORDER = {
    kind: {key: rank for rank, key in enumerate(schema["properties"])}
    for kind, schema in (
        ("model", schemas.model_schema()),
        ("claim", schemas.claim_schema()),
        ("citation", schemas.citation_schema()),
        ("source", schemas.source_schema()),
    )
}
"""Canonical key order: the order of `properties` in the schemas."""


def header(kind: str) -> str:
    return f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"


def kind_of(path: Path) -> str:
    """Records in a `seeds` folder are sources; everything else is a model's fact file."""
    return "source" if path.parent.name == "seeds" else "model"


def _records(data: Any, kind: str, path: tuple = ()) -> Iterator[tuple[tuple, str, dict]]:
    """(path, kind, mapping) of every record in the file: the top level, claims, citations."""
    if not isinstance(data, dict):
        return
    yield path, kind, data
    key, item_kind = BLOCK_LISTS.get(kind, (None, None))
    items = data.get(key)
    for i, item in enumerate(items if isinstance(items, list) else []):
        yield from _records(item, item_kind, path + (key, i))


# --- the checker's view -------------------------------------------------------------------


def layout_problems(doc: Document, kind: str) -> list[Problem]:
    """Key order and layout that `fmt` would change, found from positions alone (kind: model|source).

    Runs on every file the checker reads, so it only looks up positions the loader recorded.
    """
    if not isinstance(doc.data, dict):
        return []
    found: list[tuple[tuple, str, bool]] = []  # (path, message, at the key rather than the value)
    if doc.positions[()][1] != 1:
        found.append(((), "top-level keys should start at column 1", False))
    for path, rec, mapping in _records(doc.data, kind):
        _record_layout(doc, path, rec, mapping, found)
    hint = f"run `modelfacts fmt` (or `modelfacts fmt {doc.path}`)"
    return [doc.problem(path, "format", message, hint, key=key) for path, message, key in found]


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
    key, item_kind = BLOCK_LISTS.get(rec, (None, None))
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


# --- rewriting ------------------------------------------------------------------------------


@cache
def _yaml() -> Any:
    """The ruamel.yaml instance, imported on first use: the checker never needs it."""
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        """Writes `null` where ruamel would leave the value empty, as the fact files do."""

    Representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    yaml = YAML()
    yaml.Representer = Representer
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 1 << 30  # never wrap: one quote, one line
    return yaml


def _keep_reading(node: Any, value: Any) -> Any:
    """Give `node` (ruamel's reading) the value our loader read, so PyYAML reads the output the same."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    if isinstance(node, dict) and isinstance(value, dict):
        for key, item in zip(list(node), value.values(), strict=False):
            node[key] = _keep_reading(node[key], item)
        return node
    if isinstance(node, list) and isinstance(value, list):
        for i, item in enumerate(value):
            node[i] = _keep_reading(node[i], item)
        return node
    if isinstance(value, str):
        return node if isinstance(node, str) and node == value else DoubleQuotedScalarString(value)
    return value  # bool, number or null: written in its plain YAML form


def canonical(tree: Any, kind: str) -> None:
    """Put every record's keys in schema order (unknown keys last) and set list styles.

    Comment lines keep their place: those above a key move with it, those closing a record stay last.
    """
    for path, rec, mapping in _records(tree, kind):
        mapping.fa.set_block_style()
        for key in FLOW_LISTS.get(rec, ()):
            if hasattr(mapping.get(key), "fa") and not mapping[key].fa.flow_style():
                _to_flow(mapping, key)
        key = BLOCK_LISTS.get(rec, (None,))[0]
        if hasattr(mapping.get(key), "fa"):
            mapping[key].fa.set_block_style()
        keys = list(mapping)
        order = sorted(keys, key=lambda k: ORDER[rec].get(k, len(ORDER[rec])))
        if order != keys:
            gaps = [_take_lines(mapping, k) for k in keys]  # gaps[i] follows keys[i]
            for key in order:
                mapping.move_to_end(key)
            for key, lines in zip(keys[1:], gaps, strict=False):
                add_comment_lines(mapping, order[max(order.index(key) - 1, 0)], lines)
            add_comment_lines(mapping, order[-1], gaps[-1])
        above = mapping.ca.items.get(order[0], [None, None])[1] if path and order else None
        if above:  # a comment line between `-` and the first key would break `  - id:`
            mapping.ca.items[order[0]][1] = None
            add_comment_lines(mapping, order[0], "".join(t.value for t in above))


def _to_flow(mapping: Any, key: str) -> None:
    """Write a block list on one line; comments on its items follow the line."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    seq = mapping[key]
    values = [t.value for entry in seq.ca.items.values() for t in entry if t is not None]
    text = "".join(values[:1] + [v.removeprefix("\n") for v in values[1:]])
    seq.ca.items.clear()
    seq.fa.set_flow_style()
    if text:
        mapping.ca.items.setdefault(key, [None] * 4)[2] = CommentToken(text, CommentMark(0))


def _tail(node: Any, key: Any) -> tuple[list, int, bool]:
    """Where ruamel keeps the comment after entry `key`: the slot of its deepest last entry.

    Also says whether a block scalar ends there: its comment token has no end-of-line part.
    """
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    value = node[key]
    if isinstance(value, (dict, list)) and value and not value.fa.flow_style():
        return _tail(value, next(reversed(value)) if isinstance(value, dict) else len(value) - 1)
    entry = node.ca.items.setdefault(key, [None] * 4)
    return entry, 0 if isinstance(node, list) else 2, isinstance(value, (FoldedScalarString, LiteralScalarString))


def _take_lines(node: Any, key: Any) -> str:
    """Detach the full comment lines after entry `key`, leaving its end-of-line comment."""
    entry, slot, block = _tail(node, key)
    token = entry[slot]
    if token is None:
        return ""
    eol, _, lines = ("", "", token.value) if block else token.value.partition("\n")
    token.value = eol + "\n" if eol else ""
    if not eol:
        entry[slot] = None
    return lines


def add_comment_lines(node: Any, key: Any, lines: str) -> None:
    """Attach full comment lines after entry `key`."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    if not lines:
        return
    entry, slot, block = _tail(node, key)
    if entry[slot] is None:
        entry[slot] = CommentToken(("" if block else "\n") + lines, CommentMark(0))
    else:
        entry[slot].value += lines


def dump(tree: Any, kind: str) -> str:
    """The text of `tree` with the schema line first and one final newline."""
    out = io.StringIO()
    _yaml().dump(tree, out)
    first, _, rest = out.getvalue().partition("\n")
    text = rest if first.startswith("# yaml-language-server:") else first + "\n" + rest
    return header(kind) + "\n" + text.rstrip("\n") + "\n"


def rewrite(
    raw: bytes, kind: str, display: str, edit: Callable[[Any], None] | None = None
) -> tuple[str | None, list[Problem]]:
    """Canonical text of a file (after `edit` changes its tree), or None and why it was left alone."""
    raw = raw.removeprefix(BOM).replace(b"\r\n", b"\n")
    doc, problems = load_bytes(raw, display)
    if doc is None or problems:
        return None, problems
    if not isinstance(doc.data, dict):
        return raw.decode("utf-8"), []  # not a record (the schema says so): nothing to lay out
    from ruamel.yaml.error import MarkedYAMLError

    try:
        tree = _keep_reading(_yaml().load(raw.decode("utf-8")), doc.data)
    except MarkedYAMLError as exc:  # ruamel is stricter in places, e.g. a tab inside plain text
        mark = exc.problem_mark
        return None, [
            Problem(
                display,
                mark.line + 1,
                mark.column + 1,
                "format",
                f"fmt cannot read this: {exc.problem}",
                "quote the text at this position; fmt left the file unchanged",
            )
        ]
    if tree != doc.data:
        return None, [
            Problem(
                display,
                1,
                1,
                "format",
                "ruamel.yaml reads this file differently from the checker",
                "write keys as plain lowercase words; fmt left the file unchanged",
            )
        ]
    if edit is not None:
        edit(tree)
    canonical(tree, kind)
    text = dump(tree, kind)
    again, problems = load_bytes(text.encode("utf-8"), display)
    if again is None or problems or again.data != tree:
        return None, problems or [
            Problem(
                display,
                1,
                1,
                "format",
                "rewriting would change the data",
                "please report this file; fmt left it unchanged",
            )
        ]
    return text, []


def yaml_files(root: Path) -> list[Path]:
    return sorted(p for folder in ("facts", "seeds") for p in (root / folder).glob("*.y*ml") if p.is_file())


def run(root: Path, files: list[Path], check: bool, out: Callable[[str], None], err: Callable[[str], None]) -> int:
    """Format `files` (default: every fact and source file); 1 when one would change (--check) or failed."""
    missing = [p for p in files if not p.is_file()]
    if missing:
        err("no such file: " + ", ".join(str(p) for p in missing))
        return 2
    status = 0
    for path in files or yaml_files(root):
        display = _display(path, root)
        raw = path.read_bytes()
        text, problems = rewrite(raw, kind_of(path), display)
        if text is None:
            err("\n".join(p.text() for p in problems) + f"\n{display}: not formatted, left unchanged")
            status = 1
        elif text.encode("utf-8") != raw:
            if check:
                status = 1
            else:
                path.write_text(text, encoding="utf-8", newline="\n")
            out(display)
    return status


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
