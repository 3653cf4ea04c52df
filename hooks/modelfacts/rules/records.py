"""Rules on records as a whole: ids, file names, duplicates, moved claims, unused sources, one source per
document."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from .. import quotes
from .rule import Finding, did_you_mean

if TYPE_CHECKING:
    from ..model import Claim, FactBase, Model, Source


def file_name(record: Model | Source, base: FactBase) -> Iterator[Finding]:
    stem = PurePosixPath(record.origin.doc.path).stem
    if stem != record.id:
        yield Finding(
            record.origin,
            f"id `{record.id}` does not match the file name `{stem}.yaml`",
            f"rename the file to `{record.id}.yaml`, or change the id",
            ("id",),
        )


def duplicate_id(base: FactBase, _: FactBase) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for model in base.models:
        if model.id in seen:
            yield Finding(
                model.origin,
                f"model id `{model.id}` is also declared in {seen[model.id]}",
                "each model has exactly one fact file; merge the two",
                ("id",),
            )
        else:
            seen[model.id] = model.origin.doc.path
    for source in base.shadowed:
        yield Finding(
            source.origin,
            f"source id `{source.id}` is also declared in {base.sources[source.id].origin.doc.path}",
            "give each source its own id",
            ("id",),
        )


def family_name(base: FactBase, _: FactBase) -> Iterator[Finding]:
    """The matrix filters a family by its exact name: a second spelling would split it in two, and a name of
    only dashes would read as its 'no family' choice."""
    first: dict[str, Model] = {}
    for model in base.models:
        if model.family is None:
            continue
        if not any(ch.isalnum() for ch in model.family):
            yield Finding(
                model.origin,
                f"family `{model.family}` has no letter or digit",
                "name the family as its developer does (such as `Gemini`), or leave `family` out",
                ("family",),
            )
            continue
        other = first.setdefault(" ".join(model.family.casefold().split()), model)
        if other.family != model.family:
            yield Finding(
                model.origin,
                f"family `{model.family}` is spelled `{other.family}` in {other.origin.doc.path}",
                f"spell it `{other.family}`, as the family's other models do, or change theirs",
                ("family",),
            )


def claim_id_unique(model: Model, base: FactBase) -> Iterator[Finding]:
    seen: dict[str, Claim] = {}
    for claim in model.claims:
        if claim.id in seen:
            line = claim.origin.doc.where(seen[claim.id].origin.path)[0]
            yield Finding(
                claim.origin,
                f"claim id `{claim.id}` is used twice in this model (also line {line})",
                "claim ids are URL anchors: give this claim its own id",
                ("id",),
            )
        else:
            seen[claim.id] = claim


def moved_target(model: Model, base: FactBase) -> Iterator[Finding]:
    """A moved claim's new place exists, so its old anchor leads somewhere."""
    if not model.moved:
        return
    models = {m.id: m for m in base.models}
    for moved in model.moved:
        target = models.get(moved.model)
        if target is None:
            if moved.model in base.unchecked_ids:
                continue  # that fact file failed a check: its claims cannot be judged until it is fixed
            close = difflib.get_close_matches(moved.model, models, n=3)
            message = f"no model `{moved.model}` for moved claim `{moved.id}` to lead to"
        elif all(c.id != moved.claim for c in target.claims):
            close = difflib.get_close_matches(moved.claim, [c.id for c in target.claims], n=3)
            close = [f"{moved.model}#{c}" for c in close]
            message = f"model `{moved.model}` has no claim `{moved.claim}` for moved claim `{moved.id}` to lead to"
        else:
            continue
        hint = did_you_mean(close, "name an existing claim as `to: <model-id>#<claim-id>`")
        yield Finding(moved.origin, message, hint, ("to",))


def moved_id_live(model: Model, base: FactBase) -> Iterator[Finding]:
    """An old id is an anchor of the moved list: a live claim with that id would take it."""
    live = {c.id for c in model.claims}
    for moved in model.moved:
        if moved.id in live:
            yield Finding(
                moved.origin,
                f"moved claim `{moved.id}` is also the id of a claim of this model",
                "an anchor leads to one place: remove the moved entry if the claim is back, or give the live "
                "claim another id",
                ("id",),
            )


def claim_duplicate(model: Model, base: FactBase) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in model.claims:
        key = " ".join(quotes.fold_quote(claim.statement).casefold().rstrip(".").split())
        if key in seen:
            yield Finding(
                claim.origin,
                "another claim of this model makes the same statement",
                "merge the two claims: put all citations on one",
                ("statement",),
            )
        seen.add(key)


def source_unused(source: Source, base: FactBase) -> Iterator[Finding]:
    if source.id not in base.citations_by_source and source.unused is None:
        yield Finding(
            source.origin,
            f"source `{source.id}` is not cited by any claim",
            "curate its claims into facts/, say in one line why no claim cites it yet (`unused: ...`), "
            "or remove the source",
            ("id",),
        )


def unused_cited(source: Source, base: FactBase) -> Iterator[Finding]:
    """`unused` says why no claim cites a source: on a cited source it is out of date."""
    citing = base.citations_by_source.get(source.id)
    if citing and source.unused is not None:
        claims = list(dict.fromkeys(f"{model.id}#{claim.id}" for model, claim, _, _ in citing))
        cite = "1 claim cites it" if len(claims) == 1 else f"{len(claims)} claims cite it"
        yield Finding(
            source.origin,
            f"source `{source.id}` is marked unused, but {cite} ({', '.join(claims[:3])})",
            "remove the `unused:` line: the sources index would list a cited source as unused",
            ("unused",),
        )


def source_duplicate(base: FactBase, _: FactBase) -> Iterator[Finding]:
    """One document, one source: each later record that repeats an earlier one is reported.

    Byte-identical documents (one SHA-256) count as one document when their publisher is the same,
    or unnamed in both; of different publishers they are separate sources (a licence text in two
    developers' repositories), and the publishers decide their independence."""
    by_file: dict[str, Source] = {}
    by_copy: dict[tuple[str, str | None], Source] = {}
    for source in base.sources.values():
        same_file = by_file.setdefault(source.file, source)
        same_bytes = by_copy.setdefault((source.sha256, source.publisher), source)
        if same_file is not source:
            yield Finding(
                source.origin,
                f"source `{same_file.id}` already names the document {source.file}",
                f"one document is one source: merge this record into `{same_file.id}` and cite that",
                ("file",),
            )
        elif same_bytes is not source:
            who = f"publisher `{source.publisher}`" if source.publisher else "no named publisher"
            yield Finding(
                source.origin,
                f"{source.file} is byte-identical to {same_bytes.file} of source `{same_bytes.id}`, with {who} as well",
                f"one document is one source: remove this copy and cite `{same_bytes.id}`; if another outlet "
                f"republished it, name that outlet as `publisher:` and add `syndicated_from: {same_bytes.id}`",
                ("sha256",),
            )
