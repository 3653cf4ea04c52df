"""Rules on the documents in seeds/: present, listed, unchanged, readable."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .rule import Finding

if TYPE_CHECKING:
    from ..model import FactBase, SeedFile, Source


def seed_path(source: Source, base: FactBase) -> Iterator[Finding]:
    seed = base.seed_files.get(source.file)
    if seed is not None and seed.escapes:
        yield Finding(
            source.origin,
            f"{source.file} is a link that leads outside seeds/",
            "put the document itself in seeds/",
            ("file",),
        )


def seed_missing(source: Source, base: FactBase) -> Iterator[Finding]:
    if source.file not in base.seed_files:
        yield Finding(
            source.origin,
            f"seeds/{source.file} does not exist",
            "add the document to seeds/ or correct `file`",
            ("file",),
        )


def seed_unlisted(seed: SeedFile, base: FactBase) -> Iterator[Finding]:
    if seed.name not in base.named_files:
        yield Finding(
            seed,
            f"{seed.display} has no metadata record",
            "add seeds/<source-id>.yaml with `file: " + seed.name + "`",
        )


def seed_hash(source: Source, base: FactBase) -> Iterator[Finding]:
    seed = base.seed_files.get(source.file)
    if seed is not None and seed.sha256 is not None and seed.sha256 != source.sha256:
        yield Finding(
            source.origin,
            f"sha256 of {source.file} is {seed.sha256}, not the recorded value",
            "the seeds are byte-identical copies: restore the file, or record the new hash "
            "if the source really changed",
            ("sha256",),
        )


def seed_encoding(seed: SeedFile, base: FactBase) -> Iterator[Finding]:
    if seed.sha256 is not None and seed.text is None:
        yield Finding(seed, f"{seed.display} is not UTF-8 text", "store the document as UTF-8")
