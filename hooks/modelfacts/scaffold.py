"""`modelfacts new model|claim|source`: a skeleton built from the schema, for a contributor to fill in.

Every required field is present with a placeholder the checker rejects (an empty text), so a
half-filled file cannot pass by accident; each field carries its description and vocabulary as
an end-of-line comment, and optional fields are commented-out lines in their canonical place (but for
an optional list of records, which would sit after the last claim).
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from . import fmt, kinds, schemas
from .kinds import MODEL, SOURCE
from .load import load_bytes
from .schemaparts import SEED_FILE_PATTERN

UNSCAFFOLDED = frozenset({"reviewed"})
"""Optional fields a skeleton does not offer: a claim is reviewed after it is written, not as it is drafted."""


class ScaffoldError(Exception):
    """A request that cannot be carried out; the message says why."""


def _guide(schema: dict) -> str:
    """One line of guidance: the field's description and, for a vocabulary, its words."""
    words = schema.get("enum") or schema.get("items", {}).get("enum")
    vocabulary = f" {'One' if 'enum' in schema else 'Any'} of: {', '.join(words)}." if words else ""
    return schema.get("description", "") + vocabulary


def _text(value: str) -> Any:
    """User text as YAML that PyYAML reads back as that text: quoted when plain would read otherwise."""
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))
    return value if value and tag == "tag:yaml.org,2002:str" else DoubleQuotedScalarString(value)


def _comment(text: str) -> Any:
    return CommentToken(text, CommentMark(0))


def skeleton(schema: dict, values: dict, indent: int) -> Any:
    """A mapping with every required field of `schema` (from `values`, else an empty text) and guidance."""
    record = CommentedMap()
    previous = None
    for name, field in schema["properties"].items():
        if name in schema["required"]:
            record[name] = values.get(name, _text(""))
            # ruamel puts one space before an end-of-line comment; the token's own space makes two
            record.ca.items[name] = [None, None, _comment(f" # {_guide(field)}\n"), None]
            previous = name
        elif name in UNSCAFFOLDED:
            continue
        elif field.get("type") != "array":  # every optional field follows a required one in our schemas
            # (an optional list of records, such as `moved`, is left out: it would follow the last claim)
            fmt.add_comment_lines(record, previous, f'{" " * indent}# {name}: ""  # optional: {_guide(field)}\n')
    return record


def _claim(claim_id: str | None) -> Any:
    citation = skeleton(schemas.citation_schema(), {}, 8)
    values = {"status": "current", "citations": CommentedSeq([citation])}
    if claim_id:
        values["id"] = _text(claim_id)
    return skeleton(schemas.claim_schema(), values, 4)


def _blanks(node: Any, path: str = "") -> list[str]:
    """Where the placeholders are, as `claims[0].statement`."""
    if isinstance(node, dict):
        return [b for k, v in node.items() for b in _blanks(v, f"{path}.{k}" if path else k)]
    if isinstance(node, list):
        return [b for i, v in enumerate(node) for b in _blanks(v, f"{path}[{i}]")]
    return [path] if node == "" else []


def _check_id(ident: str, what: str) -> None:
    if not re.fullmatch(schemas.ID_PATTERN, ident) or len(ident) > 80:
        raise ScaffoldError(
            f"`{ident}` is not a valid {what} id: use lowercase letters and digits in words "
            "joined by single hyphens, at most 80 characters (e.g. `gemini-1-0-pro`)"
        )


def new_model(root: Path, ident: str, name: str | None = None, developers: Sequence[str] = ()) -> str:
    """Create facts/ID.yaml with one claim skeleton; returns what to tell the contributor.
    `developers` are publisher ids (of seeds/publishers.yaml, which `modelfacts check` consults)."""
    _check_id(ident, "model")
    for developer in developers:
        _check_id(developer, "developer (publisher)")
    display = MODEL.path_of(ident)
    path = root / display
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{display} already exists; add a claim with `modelfacts new claim {ident}`")
    values = {
        "id": _text(ident),
        "developers": CommentedSeq(_text(d) for d in dict.fromkeys(developers)),
        "modality": CommentedSeq(),
        "aliases": CommentedSeq(),
        "claims": CommentedSeq([_claim(None)]),
    }
    if name:
        values["name"] = _text(name)
    tree = skeleton(schemas.model_schema(), values, 0)
    fmt.canonical(tree, MODEL.name)
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(root, path, fmt.dump(tree, MODEL.name))
    return _told(f"created {display}", _blanks(tree))


def new_claim(root: Path, model: str, claim_id: str | None = None) -> str:
    """Append a claim skeleton to facts/MODEL.yaml, keeping its comments; returns what to fill in."""
    _check_id(model, "model")
    if claim_id is not None:
        _check_id(claim_id, "claim")
    display = MODEL.path_of(model)
    path = root / display
    if path.is_symlink():
        raise ScaffoldError(f"{display} is a link; `modelfacts new` does not write through links")
    if not path.is_file():
        raise ScaffoldError(f"{display} does not exist; create it with `modelfacts new model {model}`")
    added: list[int] = []

    def append(tree: Any) -> None:
        claims = tree.setdefault("claims", CommentedSeq())
        if not isinstance(claims, list):
            raise ScaffoldError(f"{display}: `claims` is not a list; fix it first (`modelfacts check`)")
        if claim_id is not None and any(isinstance(c, dict) and c.get("id") == claim_id for c in claims):
            raise ScaffoldError(f"{display} already has a claim `{claim_id}`; choose another --id")
        claims.append(_claim(claim_id))
        added.append(len(claims) - 1)

    text, problems = fmt.rewrite(path.read_bytes(), MODEL.name, display, append)
    if text is None:
        raise ScaffoldError("\n".join(p.text() for p in problems) + f"\n{display}: fix the file first")
    _write(root, path, text)
    index = added[0]
    return _told(f"added claim {index + 1} to {display}", _blanks(_claim(claim_id), f"claims[{index}]"))


def suggested_id(name: str) -> str:
    """An id from a document's file name: its last part without an extension, in lowercase words
    (`primary/meta-llama__llama3__MODEL_CARD.md` → `meta-llama-llama3-model-card`); '' if none."""
    base = re.sub(r"\.[A-Za-z][A-Za-z0-9]{0,4}$", "", PurePosixPath(name).name)
    return "-".join(re.findall(r"[a-z0-9]+", base.lower()))[:80].strip("-")


def _document(root: Path, file: Path) -> tuple[Path, str]:
    """The document `file` names (relative to the current folder) and its name inside seeds/, or why not."""
    seeds = os.path.realpath(root / SOURCE.folder)
    link = file.is_symlink()
    where = os.path.join(os.path.realpath(file.parent), file.name) if link else os.path.realpath(file)
    if not where.startswith(seeds + os.sep):
        raise ScaffoldError(
            f"{file} is not inside {seeds}: copy the document into {SOURCE.folder}/ first, byte for byte "
            f"(a developer's own document into {SOURCE.folder}/primary/)"
        )
    name = os.path.relpath(where, seeds).replace(os.sep, "/")
    if link or not os.path.isfile(where):
        what = "a link" if link else "not a regular file" if os.path.lexists(where) else "not there"
        raise ScaffoldError(f"{SOURCE.folder}/{name} is {what}: a record names a document that is a plain file")
    if kinds.classify(f"{SOURCE.folder}/{name}") is not None:
        raise ScaffoldError(f"{SOURCE.folder}/{name} is a record, not a document")
    if not re.fullmatch(SEED_FILE_PATTERN, name):
        raise ScaffoldError(
            f"{SOURCE.folder}/{name} has a name no record can give (a part starting with `.`, a `\\` or a "
            "control character): rename it"
        )
    return Path(where), name


def _source_records(root: Path) -> list[tuple[str, dict]]:
    """(path, data) of every source record that can be read, to see which documents and ids are taken."""
    found = []
    for entry in (e for e in kinds.scan(root).records if e.kind is SOURCE):
        raw = kinds.read(entry)[0]
        doc = load_bytes(raw, entry.display)[0] if raw is not None else None
        found.append((entry.display, doc.data if doc is not None and isinstance(doc.data, dict) else {}))
    return found


def new_source(root: Path, file: Path, ident: str | None = None) -> str:
    """Create seeds/ID.yaml for a document in seeds/, its `file` and SHA-256 filled in; returns what to fill in.
    The id is `ident`, or one suggested from the file name."""
    path, name = _document(root, file)
    records = _source_records(root)
    for display, data in records:
        if data.get("file") == name:
            raise ScaffoldError(f"{display} already names {SOURCE.folder}/{name}: one document, one source")
    ident = ident or suggested_id(name)
    if not ident:
        raise ScaffoldError(f"no id can be made from the name {name}: give one with --id")
    _check_id(ident, "source")
    display = SOURCE.path_of(ident)
    taken = [shown for shown, data in records if shown == display or data.get("id") == ident]
    if taken or (root / display).exists() or (root / display).is_symlink():
        raise ScaffoldError(f"the id `{ident}` is taken ({', '.join(taken) or display}); choose another with --id")
    values = {
        "id": _text(ident),
        "file": _text(name),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "authors": CommentedSeq(),
    }
    tree = skeleton(schemas.source_schema(), values, 0)
    fmt.canonical(tree, SOURCE.name)
    _write(root, root / display, fmt.dump(tree, SOURCE.name))
    return _told(f"created {display} for {SOURCE.folder}/{name}", _blanks(tree))


def _write(root: Path, path: Path, text: str) -> None:
    refused = fmt.write(root, path, text)
    if refused:
        raise ScaffoldError(refused)


def _told(head: str, blanks: list[str]) -> str:
    return f"{head}\nfill in: {', '.join(blanks)}\nthen run `modelfacts check`"
