"""The pipeline from a project root to a checked fact base: load → schema → model → rules.

Everything found on the way is collected as Problems; nothing is raised.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from . import rules, validate
from .fmt import layout_problems
from .load import Document, load_bytes
from .model import FactBase, Model, SeedFile, build_model, build_source
from .problems import Problem

KIND = {"model.schema.json": "model", "source.schema.json": "source"}
STYLE_RULES = frozenset({"schema-comment", "format"})
SCHEMA_COMMENT = {
    "model.schema.json": "# yaml-language-server: $schema=../schemas/model.schema.json",
    "source.schema.json": "# yaml-language-server: $schema=../schemas/source.schema.json",
}


@dataclass
class CheckResult:
    base: FactBase
    problems: list[Problem]
    files: int


@dataclass(frozen=True)
class _Loaded:
    doc: Document | None
    problems: tuple[Problem, ...]
    valid: bool
    model: Model | None = None
    """A valid fact file's model, built once; its document then keeps only its text, not its data."""


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


_cache: dict[tuple[str, str], tuple[bytes, _Loaded]] = {}
"""(path, schema) → (content digest, result): under `mkdocs serve` only edited files are re-checked."""


def forget() -> None:
    """Drop the cache: a one-off build need not hold the fact base once its pages are rendered."""
    _cache.clear()


def _load_checked(path: Path, root: Path, schema: str) -> _Loaded:
    raw = path.read_bytes()
    digest = hashlib.blake2b(raw, digest_size=16).digest()
    key = (str(path), schema)
    hit = _cache.get(key)
    if hit and hit[0] == digest:
        return hit[1]
    display = _display(path, root)
    doc, problems = load_bytes(raw, display)
    if doc is not None and not problems:
        problems = validate.check_document(doc, schema) or layout_problems(doc, KIND[schema])
        first = raw.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", "replace")
        if doc.data is not None and first != SCHEMA_COMMENT[schema]:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "schema-comment",
                    "the first line must name the schema for editors",
                    f"make the first line `{SCHEMA_COMMENT[schema]}`",
                )
            )
    if doc is not None:
        doc.forget_positions()
    # A file with any problem so far stays out of the model (its data may be incomplete), unless
    # the problems are only of style.
    valid = doc is not None and all(p.rule in STYLE_RULES for p in problems)
    model = None
    if valid and schema == "model.schema.json":
        model = build_model(doc)
        doc.data = None  # the model holds the same values; a large fact base need not keep both
    result = _Loaded(doc, tuple(problems), valid, model)
    _cache[key] = (digest, result)
    return result


def _seed_files(seeds: Path, root: Path) -> dict[str, SeedFile]:
    found = {}
    inside = seeds.resolve()
    for path in sorted(seeds.glob("*.txt")):
        escapes = path.is_symlink() and not path.resolve().is_relative_to(inside)
        raw = b"" if escapes else path.read_bytes()
        try:
            text: str | None = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
        found[path.name] = SeedFile(path.name, _display(path, root), hashlib.sha256(raw).hexdigest(), text, escapes)
    return found


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.is_file()) if folder.is_dir() else []


def _id_of(doc: Document | None) -> str | None:
    data = doc.data if doc else None
    return data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None


def check_root(root: Path) -> CheckResult:
    """Check the project at `root`: every problem, plus the fact base built from the valid files."""
    root = Path(root)
    problems: list[Problem] = []
    seeds = _seed_files(root / "seeds", root) if (root / "seeds").is_dir() else {}
    sources, models, unchecked = {}, [], set()
    source_paths, model_paths = _yaml_files(root / "seeds"), _yaml_files(root / "facts")
    for path, schema in [(p, "source.schema.json") for p in source_paths] + [
        (p, "model.schema.json") for p in model_paths
    ]:
        if path.suffix != ".yaml":
            problems.append(
                Problem(
                    _display(path, root), 1, 1, "file-name", "fact files end in .yaml", f"rename it to {path.stem}.yaml"
                )
            )
        loaded = _load_checked(path, root, schema)
        problems.extend(loaded.problems)
        if not loaded.valid:
            if (ident := _id_of(loaded.doc)) is not None:
                unchecked.add(ident)
            if loaded.doc is not None and isinstance(loaded.doc.data, dict):
                unchecked.add(str(loaded.doc.data.get("file")))
            continue
        if schema == "source.schema.json":
            seed = seeds.get(loaded.doc.data["file"])
            source = build_source(loaded.doc, seed.text if seed and not seed.escapes else None)
            if source.id in sources:
                problems.append(
                    source.origin.problem(
                        "duplicate-id",
                        f"source id `{source.id}` is declared twice",
                        "give each source its own id",
                        sub=("id",),
                    )
                )
                continue
            sources[source.id] = source
        else:
            models.append(loaded.model)
    base = FactBase(models, sources, seeds, frozenset(unchecked))
    problems.extend(rules.run(base))
    problems.sort()
    return CheckResult(base, problems, len(source_paths) + len(model_paths) + len(seeds))
