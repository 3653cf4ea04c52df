"""What a change did to the fact base, claim by claim: the one computation `diff` and the feed share.

A Snapshot is the fact base at one revision as far as it could be read; a file that could not be read
(invalid, or not a file at all) is set aside with the reason, so that a broken revision never stops
the comparison. `claim_changes` then lists what happened to each claim, in a fixed order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from . import kinds, rubric, validate
from .git import Records
from .load import load_bytes
from .model import Citation, Claim, Model, build_model

INVALID = "is not a valid record (run `modelfacts check`)"
CLAIM_FIELDS = ("statement", "confidence", "status", "status_note", "citations", "rationale", "topic", "date", "notes")
"""A claim's fields other than its id, in the order a change to them is told."""
MODEL_FIELDS = ("name", "developers", "family", "modality", "aliases")
"""A model's fields other than its id and claims."""


@dataclass(frozen=True)
class Snapshot:
    """The fact base at one revision: what could be read, by path, and why the rest could not."""

    models: Mapping[str, Model]
    sources: Mapping[str, str]
    """Source ids."""
    unread: Mapping[str, str]

    @property
    def by_id(self) -> dict[str, Model]:
        """The models by id; of two files with one id, the later path wins."""
        return {m.id: m for _, m in sorted(self.models.items())}


EMPTY = Snapshot({}, {}, {})


def snapshot(records: Records) -> Snapshot:
    """Records → Snapshot: the schema-valid files as models and source ids, the others set aside."""
    models, sources, unread = {}, {}, dict(records.skipped)
    for path, raw in sorted(records.files.items()):
        kind = kinds.classify(path)
        if kind is None or kind is kinds.PUBLISHERS or kind is kinds.LICENCES:
            continue
        doc, problems = load_bytes(raw, path)
        if doc is not None and not problems:
            problems = validate.check_document(doc, kind.schema_file)
        if doc is None or problems:
            unread[path] = INVALID
        elif kind is kinds.SOURCE:
            sources[path] = doc.data["id"]
        else:
            models[path] = build_model(doc)
    return Snapshot(models, sources, unread)


def comparable(old: Snapshot, new: Snapshot) -> tuple[Snapshot, Snapshot]:
    """Both sides without the files either side could not read: such a file was neither added nor removed."""
    out = old.unread.keys() | new.unread.keys()

    def without(s: Snapshot) -> Snapshot:
        models = {p: m for p, m in s.models.items() if p not in out}
        return Snapshot(models, {p: i for p, i in s.sources.items() if p not in out}, s.unread)

    return without(old), without(new)


def carry(before: Snapshot, after: Snapshot) -> Snapshot:
    """`after`, with each file it could not read taken as it was in `before`.

    In a run of commits, a file broken by one and fixed by a later one then shows, at the fix, what
    changed since it was last read. A file `before` did not have counts as absent; one `before` could
    not read either stays unread.
    """
    return Snapshot(
        {**{p: m for p, m in before.models.items() if p in after.unread}, **after.models},
        {**{p: i for p, i in before.sources.items() if p in after.unread}, **after.sources},
        {p: why for p, why in after.unread.items() if p in before.unread},
    )


def changed_fields(old: object, new: object, fields: tuple[str, ...]) -> tuple[str, ...]:
    """The names among `fields` whose values differ between `old` and `new`."""
    return tuple(f for f in fields if getattr(old, f) != getattr(new, f))


def beyond(these: tuple[Citation, ...], those: tuple[Citation, ...]) -> list[Citation]:
    """Citations in `these` that `those` lacks (counting repeats), in their order."""
    left, out = Counter(those), []
    for cit in these:
        if left[cit]:
            left[cit] -= 1
        else:
            out.append(cit)
    return out


@dataclass(frozen=True)
class Change:
    """What happened to one claim: `added` (no old claim), `removed` (no new one) or `changed`."""

    kind: str
    model: Model
    """The model as it is after the change, or as it was if the change removed it."""
    old: Claim | None
    new: Claim | None

    @property
    def claim(self) -> Claim:
        """The claim as it is after the change, or as it was if the change removed it."""
        claim = self.new or self.old
        assert claim is not None
        return claim

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields a `changed` claim changed, in CLAIM_FIELDS order."""
        return changed_fields(self.old, self.new, CLAIM_FIELDS) if self.old and self.new else ()

    @property
    def rating(self) -> str | None:
        """`raised` or `lowered` when the change moved the confidence; else None."""
        if not (self.old and self.new) or self.old.confidence == self.new.confidence:
            return None
        return "raised" if rubric.rank(self.new.confidence) > rubric.rank(self.old.confidence) else "lowered"


def claim_changes(old: Mapping[str, Model], new: Mapping[str, Model]) -> tuple[Change, ...]:
    """The changes from `old` to `new` (models by id): by model id; within a model, the claims added or
    changed in their new order, then those removed in their old order."""
    out = []
    for model_id in sorted(old.keys() | new.keys()):
        model = new.get(model_id) or old[model_id]
        before = {c.id: c for c in old[model_id].claims} if model_id in old else {}
        after = {c.id: c for c in new[model_id].claims} if model_id in new else {}
        for cid, claim in after.items():
            if cid not in before:
                out.append(Change("added", model, None, claim))
            elif claim != before[cid]:
                out.append(Change("changed", model, before[cid], claim))
        out += [Change("removed", model, claim, None) for cid, claim in before.items() if cid not in after]
    return tuple(out)
