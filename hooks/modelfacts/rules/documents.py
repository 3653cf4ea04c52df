"""Rules on the documents in seeds/: present, listed, unchanged, readable, and where a copy came from."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import provenance
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


def provenance_pinned(source: Source, base: FactBase) -> Iterator[Finding]:
    """A copy's `url` is the file at the commit read, and its `published` the commit date's day: the
    record cannot name one version of the document and date another."""
    origin = source.provenance
    if origin is None:
        return
    pinned = provenance.pinned_url(origin.repository, origin.commit, origin.path)
    if source.url != pinned:
        yield Finding(
            source.origin,
            f"url {source.url or 'null'} is not the file at the recorded commit",
            f"a copied document's url names its repository, commit and path: `url: {pinned}`",
            ("url",),
        )
    day = provenance.commit_day(origin.commit_date)
    if source.published != day:
        yield Finding(
            source.origin,
            f"published {source.published}, but the document is as of its commit date {origin.commit_date}",
            f'a copied document is published on the day of its commit date: `published: "{day}"`',
            ("published",),
        )
