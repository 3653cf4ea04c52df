"""What a change did to the fact base, claim by claim and verdict by verdict: the one computation `diff`
and the feed share.

A Snapshot is the fact base at one revision as far as it could be read; a file that could not be read
(invalid, or not a file at all) is set aside with the reason, so that a broken revision never stops
the comparison. `claim_changes` then lists what happened to each claim, in a fixed order, and
`verdict_changes` what that did to the openness verdicts, with the assertions that caused it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from . import kinds, openness, rubric, validate, verdicts
from .git import Records
from .load import load_bytes
from .model import (
    Citation,
    Claim,
    FactBase,
    LicenceTable,
    Model,
    Source,
    build_licences,
    build_model,
    build_source,
)
from .verdicts import Assertion, Verdict

INVALID = "is not a valid record (run `modelfacts check`)"
CLAIM_FIELDS = (
    "statement",
    "confidence",
    "status",
    "status_note",
    "citations",
    "rationale",
    "topic",
    "date",
    "notes",
    "openness",
)
"""A claim's fields other than its id, in the order a change to them is told. Its review day (`reviewed`)
is not among them: a claim checked again says what it said (`Change.review_only`)."""
MODEL_FIELDS = ("name", "developers", "family", "modality", "aliases")
"""A model's fields other than its id and claims."""
LICENCE_FIELDS = ("name", "licence_class", "reason", "terms", "text", "not_stored", "url")
"""A licence table entry's fields other than its id."""


@dataclass(frozen=True)
class Snapshot:
    """The fact base at one revision: what could be read, by path, and why the rest could not."""

    models: Mapping[str, Model]
    sources: Mapping[str, Source]
    unread: Mapping[str, str]
    licences: Mapping[str, LicenceTable] = field(default_factory=dict)
    """The licence table by its path (seeds/licences.yaml), when it could be read."""

    @property
    def by_id(self) -> dict[str, Model]:
        """The models by id; of two files with one id, the later path wins."""
        return {m.id: m for _, m in sorted(self.models.items())}

    @property
    def source_ids(self) -> set[str]:
        return {s.id for s in self.sources.values()}

    @property
    def table(self) -> LicenceTable:
        """The licence table; an absent or unread one is empty, and classes nothing."""
        return next(iter(self.licences.values()), LicenceTable())

    def factbase(self) -> FactBase:
        """As much of a fact base as verdicts need: the models, the sources (their evidence dates) and the
        licence table (its classes)."""
        sources = {s.id: s for _, s in sorted(self.sources.items(), reverse=True)}  # of one id, the first path
        return FactBase(list(self.by_id.values()), sources, licences=self.table)


EMPTY = Snapshot({}, {}, {})
_PARTS = ("models", "sources", "licences")
"""A snapshot's mappings from path to what was read there."""


def snapshot(records: Records) -> Snapshot:
    """Records → Snapshot: the schema-valid files as models, sources and the licence table, the others set
    aside. The publishers registry changes no claim and no verdict, so it is not read."""
    parts: dict[str, dict] = {p: {} for p in _PARTS}
    unread = dict(records.skipped)
    for path, raw in sorted(records.files.items()):
        kind = kinds.classify(path)
        if kind is None or kind is kinds.PUBLISHERS:
            continue
        doc, problems = load_bytes(raw, path)
        if doc is not None and not problems:
            problems = validate.check_document(doc, kind.schema_file)
        if doc is None or problems:
            unread[path] = INVALID
        elif kind is kinds.SOURCE:
            parts["sources"][path] = build_source(doc, None)
        elif kind is kinds.LICENCES:
            parts["licences"][path] = build_licences(doc)
        else:
            parts["models"][path] = build_model(doc)
    return Snapshot(**parts, unread=unread)


def comparable(old: Snapshot, new: Snapshot) -> tuple[Snapshot, Snapshot]:
    """Both sides without the files either side could not read: such a file was neither added nor removed."""
    out = old.unread.keys() | new.unread.keys()

    def without(s: Snapshot) -> Snapshot:
        parts = {part: {p: v for p, v in getattr(s, part).items() if p not in out} for part in _PARTS}
        return Snapshot(**parts, unread=s.unread)

    return without(old), without(new)


def carry(before: Snapshot, after: Snapshot) -> Snapshot:
    """`after`, with each file it could not read taken as it was in `before`.

    In a run of commits, a file broken by one and fixed by a later one then shows, at the fix, what
    changed since it was last read. A file `before` did not have counts as absent; one `before` could
    not read either stays unread.
    """
    parts = {
        part: {**{p: v for p, v in getattr(before, part).items() if p in after.unread}, **getattr(after, part)}
        for part in _PARTS
    }
    return Snapshot(**parts, unread={p: why for p, why in after.unread.items() if p in before.unread})


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
    def review_only(self) -> bool:
        """A `changed` claim whose review day alone changed: checked again, and nothing else changed."""
        if not (self.old and self.new) or self.old.reviewed == self.new.reviewed:
            return False
        return replace(self.old, reviewed=None) == replace(self.new, reviewed=None)

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


def face(verdict: Verdict) -> tuple[str, str | None, str | None]:
    """What a reader sees change: the verdict, and for the licence its expression and class."""
    return verdict.verdict, verdict.spdx, verdict.licence_class


Show = Callable[[str | None, bool], str]
"""How a reader shows a value: text from a fact file, or (flag set) a word of a vocabulary, an id or a date.
`diff` writes Markdown, the feed plain text; the sentences around the values are the same."""


def describe_verdict(verdict: Verdict, show: Show) -> str:
    """`partial (LicenseRef-Llama-2-Community, restricted)`: the value, and for the licence its expression and class."""
    if verdict.spdx is None:
        return show(verdict.verdict, True)
    return f"{show(verdict.verdict, True)} ({show(verdict.spdx, False)}, {show(verdict.licence_class or 'unclassified', True)})"


ASSERTION_FIELDS = ("written", "licence_class", "confidence", "status", "as_of")
"""What of an assertion can move a verdict: what it asserts, its licence's class in the table, its claim's
rating and status, and its evidence date (which breaks ties)."""
ASSERTION_LABELS = {
    "written": "asserts",
    "licence_class": "licence class",
    "confidence": "rating",
    "status": "status",
    "as_of": "evidence date",
}


def assertion_facts(a: Assertion) -> dict[str, str | None]:
    """An assertion's ASSERTION_FIELDS, by name."""
    return {
        "written": a.written,
        "licence_class": a.licence_class,
        "confidence": a.claim.confidence,
        "status": a.claim.status,
        "as_of": a.as_of,
    }


@dataclass(frozen=True)
class Cause:
    """A claim a changed verdict rests on (before or after) whose assertion of the dimension changed."""

    claim: str
    old: Assertion | None
    """None: the claim did not assert the dimension (or did not exist)."""
    new: Assertion | None
    """None: the claim no longer asserts it (or was removed)."""

    @property
    def fields(self) -> tuple[str, ...]:
        """For an assertion on both sides, the ASSERTION_FIELDS that changed."""
        if self.old is None or self.new is None:
            return ()
        old, new = assertion_facts(self.old), assertion_facts(self.new)
        return tuple(f for f in ASSERTION_FIELDS if old[f] != new[f])

    def describe(self, show: Show) -> str:
        """What changed: `now asserts closed (low, current)`, `no longer asserts open`, or each field old → new."""
        if self.old is None:
            assert self.new is not None
            claim = self.new.claim
            return f"now asserts {show(self.new.written, False)} ({show(claim.confidence, True)}, {show(claim.status, True)})"
        if self.new is None:
            return f"no longer asserts {show(self.old.written, False)}"
        old, new = assertion_facts(self.old), assertion_facts(self.new)
        return "; ".join(
            f"{ASSERTION_LABELS[f]} {show(old[f], f != 'written')} → {show(new[f], f != 'written')}"
            for f in self.fields
        )


@dataclass(frozen=True)
class VerdictChange:
    """One model's verdict on one dimension, before and after; a model absent on a side has `unknown` there."""

    model: Model
    """The model as it is after the change, or as it was if the change removed it."""
    dimension: str
    old: Verdict
    new: Verdict
    causes: tuple[Cause, ...]
    """In the model's claim order (the new order, then claims removed)."""

    def describe(self, show: Show) -> str:
        """`open → closed`."""
        return f"{describe_verdict(self.old, show)} → {describe_verdict(self.new, show)}"


def _verdicts(model: Model | None, ident: str, base: FactBase) -> dict[str, Verdict]:
    if model is None:
        return {d.id: verdicts.decide(ident, d.id, ()) for d in openness.DIMENSIONS}
    return verdicts.of_model(model, base)


def _assertions(model: Model | None, dimension: str, base: FactBase) -> dict[str, Assertion]:
    return {a.claim.id: a for a in verdicts.assertions(model, dimension, base)} if model else {}


def _causes(
    dimension: str, old: tuple[Model | None, FactBase, Verdict], new: tuple[Model | None, FactBase, Verdict]
) -> tuple[Cause, ...]:
    """The claims either verdict rests on whose assertion (or absence of one) differs between the sides."""
    before, after = (_assertions(model, dimension, base) for model, base, _ in (old, new))
    involved = {a.claim.id for _, _, verdict in (old, new) for a in verdict.rests_on}
    order = dict.fromkeys(c.id for model, _, _ in (new, old) if model is not None for c in model.claims)

    def facts(a: Assertion | None) -> dict[str, str | None] | None:
        return assertion_facts(a) if a is not None else None

    return tuple(
        Cause(cid, before.get(cid), after.get(cid))
        for cid in order
        if cid in involved and facts(before.get(cid)) != facts(after.get(cid))
    )


def verdict_changes(old: Snapshot, new: Snapshot) -> tuple[VerdictChange, ...]:
    """The verdicts the change from `old` to `new` moved (face: value, licence expression, class), by model id,
    then dimension, with the assertions that caused each. Verdicts are computed only for the models whose
    claims changed, unless the licence table or an evidence date changed, which can move any of them."""
    old_base, new_base = old.factbase(), new.factbase()
    old_models, new_models = old.by_id, new.by_id
    ids = sorted(old_models.keys() | new_models.keys())
    old_dates, new_dates = ({i: s.as_of for i, s in b.sources.items()} for b in (old_base, new_base))
    if old_base.licences == new_base.licences and old_dates == new_dates:
        ids = [i for i in ids if old_models.get(i) != new_models.get(i)]
    out = []
    for ident in ids:
        old_model, new_model = old_models.get(ident), new_models.get(ident)
        before, after = _verdicts(old_model, ident, old_base), _verdicts(new_model, ident, new_base)
        shown = new_model or old_models[ident]
        for d in openness.DIMENSIONS:
            was, now = before[d.id], after[d.id]
            if face(was) != face(now):
                causes = _causes(d.id, (old_model, old_base, was), (new_model, new_base, now))
                out.append(VerdictChange(shown, d.id, was, now, causes))
    return tuple(out)
