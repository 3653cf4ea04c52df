"""`modelfacts fmt`: rewrite records into the canonical layout, so diffs show content, not style.

The layout is layout.py's (which the checker reads, without this module). Rewriting uses a
ruamel.yaml round trip, which keeps comments: end-of-line comments stay on their line, comment
lines above a key move with it (above the first key of a claim they follow it instead).

Our loader reads YAML 1.1 (PyYAML), ruamel reads YAML 1.2: where they disagree (`1e3`, an
unquoted date), the value our loader saw is written back, quoted when it is text. A rewrite
whose data would read back differently is refused, so fmt never changes what a file says; nor
does it write through a link or outside the project root.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, MarkedYAMLError
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from . import kinds
from .kinds import BY_NAME
from .layout import BLOCK_LISTS, FLOW_LISTS, ORDER, records
from .load import load_bytes
from .problems import Problem
from .rules import FORMAT

BOM = b"\xef\xbb\xbf"


@cache
def _yaml() -> YAML:
    """The ruamel.yaml instance, made once."""

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
    for path, rec, mapping in records(tree, kind):
        mapping.fa.set_block_style()
        for key in FLOW_LISTS.get(rec, ()):
            if hasattr(mapping.get(key), "fa") and not mapping[key].fa.flow_style():
                _to_flow(mapping, key)
        held = mapping.get(BLOCK_LISTS[rec][0]) if rec in BLOCK_LISTS else None
        if isinstance(held, CommentedSeq):
            held.fa.set_block_style()
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
    value = node[key]
    if isinstance(value, (CommentedMap, CommentedSeq)) and value and not value.fa.flow_style():
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
    return BY_NAME[kind].header + "\n" + text.rstrip("\n") + "\n"


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
    try:
        tree = _keep_reading(_yaml().load(raw.decode("utf-8")), doc.data)
    except MarkedYAMLError as exc:  # ruamel is stricter in places, e.g. a tab inside plain text
        mark = exc.problem_mark
        return None, [
            FORMAT.at(
                display,
                mark.line + 1,
                mark.column + 1,
                f"fmt cannot read this: {exc.problem}",
                "quote the text at this position; fmt left the file unchanged",
            )
        ]
    if tree != doc.data:
        return None, [
            FORMAT.at(
                display,
                1,
                1,
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
            FORMAT.at(
                display,
                1,
                1,
                "rewriting would change the data",
                "please report this file; fmt left it unchanged",
            )
        ]
    return text, []


def write(root: Path, path: Path, text: str) -> str | None:
    """Write a record's text; or say why not: a link (its target could be anywhere), or outside `root`."""
    inside = os.path.realpath(root)
    where = os.path.realpath(path.parent)
    if not (where == inside or where.startswith(inside + os.sep)):
        return f"{path} is outside the project at {root}; fmt writes only inside it"
    if path.is_symlink():
        return f"{path} is a link; fmt does not write through links"
    path.write_text(text, encoding="utf-8", newline="\n")
    return None


def _named(root: Path, files: list[Path]) -> tuple[list[kinds.RecordFile], list[str]]:
    """The records among `files`, as the walk would find them, and why the others are refused."""
    entries, refused = [], []
    base = os.path.abspath(root)
    for path in files:
        rel = os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
        kind = None if rel.startswith("../") else kinds.classify(rel)
        if kind is None:
            refused.append(f"{path}: not a record (facts/<model-id>.yaml or seeds/<source-id>.yaml) of {root}")
        else:
            entries.append(kinds.RecordFile(path, rel, kind))
    return entries, refused


def run(root: Path, files: list[Path], check: bool, out: Callable[[str], None], err: Callable[[str], None]) -> int:
    """Format `files` (default: every record); 1 when one would change (--check) or failed."""
    missing = [p for p in files if not p.is_file()]
    if missing:
        err("no such file: " + ", ".join(str(p) for p in missing))
        return 2
    entries, refused = _named(root, files) if files else (kinds.record_files(root), [])
    if refused:
        err("\n".join(refused))
        return 2
    status = 0
    for entry in entries:
        raw, problems = kinds.read(entry)
        text, problems = (None, problems) if raw is None else rewrite(raw, entry.kind.name, entry.display)
        why = "\n".join(p.text() for p in problems)
        changed = text is not None and text.encode("utf-8") != raw
        if text is not None and changed and not check:
            why = write(root, entry.path, text) or ""
        if why:
            err(f"{why}\n{entry.display}: not formatted, left unchanged")
            status = 1
        elif changed:
            out(entry.display)
            status = 1 if check else status
    return status
