"""The pipeline from a project root to a checked fact base: walk → load → schema → layout → model → rules.

Everything found on the way is collected as Problems; nothing is raised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from . import kinds, layout, rules, validate
from .cache import Cache
from .kinds import LICENCES, MODEL, PUBLISHERS, DocumentFile, RecordFile
from .load import Document, load_bytes
from .model import (
    FactBase,
    LicenceTable,
    Model,
    Registry,
    SeedFile,
    Source,
    build_licences,
    build_model,
    build_registry,
    build_source,
)
from .problems import Problem


@dataclass
class CheckResult:
    base: FactBase
    problems: list[Problem]
    files: int
    fact_files: int
    """Fact files the walk found, valid or not: none at all is no project to pass."""


@dataclass(frozen=True)
class _Loaded:
    doc: Document | None
    problems: tuple[Problem, ...]
    valid: bool
    model: Model | None = None
    """A valid fact file's model, built once; its document then keeps only its text, not its data."""


def _load_checked(entry: RecordFile, kept: dict[tuple[str, str], tuple[bytes, Any]]) -> _Loaded:
    """A record loaded, schema-checked and laid out; `kept` (the serve cache's) skips unchanged files."""
    raw, problems = kinds.read(entry)
    if raw is None:
        return _Loaded(None, tuple(problems), False)
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    kind = entry.kind
    key = (str(entry.path), kind.name)
    hit = kept.get(key)
    if hit and hit[0] == digest:
        return hit[1]
    doc, problems = load_bytes(raw, entry.display)
    if doc is not None and not problems:
        problems = validate.check_document(doc, kind.schema_file) or layout.layout_problems(doc, kind.name)
        problems += layout.header_problems(doc, kind)
    if doc is not None:
        doc.forget_positions()
    # A file with any problem so far stays out of the model (its data may be incomplete), unless
    # the problems are only of style.
    valid = doc is not None and all(rules.RULES_BY_ID[p.rule].style for p in problems)
    model = None
    if doc is not None and valid and kind is MODEL:
        model = build_model(doc)
        doc.data = None  # the model holds the same values; a large fact base need not keep both
    result = _Loaded(doc, tuple(problems), valid, model)
    kept[key] = (digest, result)
    return result


def _seed_file(entry: DocumentFile) -> tuple[SeedFile, list[Problem]]:
    """A document as the rules see it; one that leads out of seeds/ or cannot be read is not read."""
    raw, problems = (None, []) if entry.escapes else kinds.read(entry)
    if raw is None:
        return SeedFile(entry.name, entry.display, None, None, entry.escapes), problems
    try:
        text: str | None = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    return SeedFile(entry.name, entry.display, hashlib.sha256(raw).hexdigest(), text), problems


def _unchecked(entry: RecordFile, doc: Document | None) -> set[str]:
    """What a record that failed may declare: its id (by its file name, or as written) and `file`."""
    names = {PurePosixPath(entry.name).stem}
    data = doc.data if doc is not None else None
    if isinstance(data, dict):
        names |= {str(data.get("file"))} | ({data["id"]} if isinstance(data.get("id"), str) else set())
    return names


def check_root(root: Path, cache: Cache | None = None) -> CheckResult:
    """Check the project at `root`: every problem, plus the fact base built from the valid files.
    With a cache (under `mkdocs serve`), files whose bytes have not changed are not read again."""
    kept = cache.checked if cache is not None else {}
    tree = kinds.scan(Path(root))
    problems = list(tree.problems)
    seeds = {}
    for document in tree.documents:
        seed, read_problems = _seed_file(document)
        seeds[seed.name] = seed
        problems += read_problems
    sources: dict[str, Source] = {}
    shadowed: list[Source] = []
    models: list[Model] = []
    registry: Registry | None = Registry()
    licences: LicenceTable | None = LicenceTable()
    # A record the walk refused (unreadable, a link out) may declare any id its name suggests.
    unchecked = {PurePosixPath(p.file).stem for p in tree.problems if kinds.classify(p.file)}
    for entry in tree.records:
        loaded = _load_checked(entry, kept)
        problems.extend(loaded.problems)
        if entry.kind is PUBLISHERS:
            registry = build_registry(loaded.doc) if loaded.valid and loaded.doc is not None else None
        elif entry.kind is LICENCES:
            licences = build_licences(loaded.doc) if loaded.valid and loaded.doc is not None else None
        elif not loaded.valid or loaded.doc is None:
            unchecked |= _unchecked(entry, loaded.doc)
        elif loaded.model is not None:
            models.append(loaded.model)
        else:
            named = seeds.get(loaded.doc.data["file"])
            source = build_source(loaded.doc, named.text if named else None)
            if source.id in sources:
                shadowed.append(source)
            else:
                sources[source.id] = source
    base = FactBase(models, sources, seeds, frozenset(unchecked), shadowed, registry, licences)
    problems.extend(rules.run(base))
    problems.sort()
    fact_files = sum(r.kind is MODEL for r in tree.records)
    return CheckResult(base, problems, len(tree.records) + len(tree.documents), fact_files)
