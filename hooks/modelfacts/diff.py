"""`modelfacts diff BASE [HEAD]`: what a change does to the fact base, as Markdown: first the openness
verdicts it moves, with the assertions that moved them, then claim by claim.

A review aid for pull requests: a changed verdict, a lowered rating or a dropped citation is easy to
miss in a YAML diff and plain in this summary. A claim checked again with nothing else changed (only its
`reviewed` day moved) is listed as reviewed, not as changed. Text from fact files is escaped, since the summary is posted as
a comment: it must render as the text it is, never as links, mentions or HTML.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from . import changes, git
from .changes import Change, VerdictChange
from .model import Citation, LicenceTable, Model

DiffError = git.GitError
"""A revision or folder that cannot be read; the message says which."""

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~@&:$])")
_LABELS = {
    "statement": "statement reworded",
    "status": "status changed",
    "status_note": "status note changed",
    "rationale": "rationale changed",
    "topic": "topic changed",
    "date": "date changed",
    "notes": "notes changed",
}
_CODE = {"status", "topic", "date", "developers", "reviewed"}
"""Fields whose values are shown as code (ids and words of a vocabulary), not as quoted text."""


def _md(text: object) -> str:
    """Text from a fact file, on one line, with every character Markdown could act on escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _show(value: object, code: bool = False) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, tuple):
        value = ", ".join(value)
    return f"`{value}`" if code else f"“{_md(value)}”"


def _line(label: str, field: str, old: object, new: object) -> str:
    code = field in _CODE
    return f"{label}: {_show(getattr(old, field), code)} → {_show(getattr(new, field), code)}"


def _citation(verb: str, cit: Citation) -> str:
    return f"citation {verb}: `{cit.source}` ({cit.stance}): “{_md(cit.quote)}”"


def _claim_lines(change: Change) -> list[str]:
    old, new = change.old, change.new
    assert old is not None and new is not None
    lines = []
    for field in change.fields:
        if field == "confidence":
            arrow = "↑" if change.rating == "raised" else "↓"
            lines.append(f"rating {change.rating} {arrow}: `{old.confidence}` → `{new.confidence}`")
        elif field == "openness":
            lines.append(f"openness changed: {_asserted(old.openness)} → {_asserted(new.openness)}")
        elif field == "citations":
            lines += [_citation("added", c) for c in changes.beyond(new.citations, old.citations)]
            lines += [_citation("removed", c) for c in changes.beyond(old.citations, new.citations)]
        else:
            lines.append(_line(_LABELS[field], field, old, new))
    if old.reviewed != new.reviewed:
        lines.append(_line("review day", "reviewed", old, new))
    return lines


def _asserted(pairs: tuple[tuple[str, str], ...]) -> str:
    return _show(", ".join(f"{dimension} {value}" for dimension, value in pairs) if pairs else None)


def _verdict_section(found: tuple[VerdictChange, ...]) -> list[str]:
    """Each verdict the change moves, old → new, with the claims whose assertions moved it."""
    bullets = []
    for change in found:
        model = change.model
        bullets.append(f"- `{model.id}` · {_md(model.name)} · `{change.dimension}`: {change.describe(_show)}")
        bullets += [f"  - `{cause.claim}`: {cause.describe(_show)}" for cause in change.causes]
    return ["### Verdict changes", "", *bullets, ""] if bullets else []


def _licence_lines(old: LicenceTable, new: LicenceTable) -> list[str]:
    """The licence table's entries added, removed or changed (a class change moves verdicts)."""
    before, after = old.by_id, new.by_id
    lines = [f"- licence **added** `{i}` (`{after[i].licence_class}`)" for i in sorted(after.keys() - before.keys())]
    lines += [f"- licence **removed** `{i}`" for i in sorted(before.keys() - after.keys())]
    for ident in sorted(before.keys() & after.keys()):
        was, now = before[ident], after[ident]
        fields = changes.changed_fields(was, now, changes.LICENCE_FIELDS)
        shown = [
            f"class `{was.licence_class}` → `{now.licence_class}`" if f == "licence_class" else f"{f} changed"
            for f in fields
        ]
        if shown:
            lines.append(f"- licence `{ident}`: " + ", ".join(shown))
    return lines


def _model_section(model: Model, old: Model | None, new: Model | None, claims: list[Change]) -> list[str]:
    """Bullets for one model (`model` is `new`, or `old` if it was removed): its own fields, then its claims."""
    state = " (new model)" if old is None else " (removed)" if new is None else ""
    bullets = []
    if old and new:
        fields = changes.changed_fields(old, new, changes.MODEL_FIELDS)
        bullets += [f"- {_line(f'{field} changed', field, old, new)}" for field in fields]
    for change in claims:
        claim = change.claim
        if change.review_only:  # checked again: not a change of what the claim says
            was, now = (_show(c.reviewed, code=True) for c in (change.old, change.new) if c)
            bullets.append(f"- **reviewed** `{claim.id}`: {was} → {now}")
        elif change.kind == "changed":
            bullets.append(f"- **changed** `{claim.id}`:")
            bullets += [f"  - {line}" for line in _claim_lines(change)]
        else:
            bullets.append(
                f"- **{change.kind}** `{claim.id}` ({claim.confidence}, {claim.status}): {_md(claim.statement)}"
            )
    return [f"### `{model.id}` · {_md(model.name)}{state}", "", *bullets, ""] if bullets or state else []


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def diff(root: Path, base: str, head: str | None = None) -> str:
    """The Markdown summary of the change from `base` to `head` (None: the working tree)."""
    root = Path(root)
    old_read = changes.snapshot(git.records_at(root, base))
    new_read = changes.snapshot(git.records_at(root, head))
    old, new = changes.comparable(old_read, new_read)
    old_models, new_models = old.by_id, new.by_id
    found = changes.claim_changes(old_models, new_models)
    moved = changes.verdict_changes(old, new)
    by_model: dict[str, list[Change]] = {}
    for change in found:
        by_model.setdefault(change.model.id, []).append(change)
    head_label = "the working tree" if head is None else _md(head)
    notes = [
        f"{_md(path)} at {label} {why}; its changes are left out"
        for read, label in ((old_read, _md(base)), (new_read, head_label))
        for path, why in sorted(read.unread.items())
    ]
    sections = []
    for ident in sorted(old_models.keys() | new_models.keys()):
        old_model, new_model = old_models.get(ident), new_models.get(ident)
        model = new_model or old_models[ident]
        sections += _model_section(model, old_model, new_model, by_model.get(ident, []))
    counts = Counter("reviewed" if change.review_only else change.kind for change in found)
    added, removed = new_models.keys() - old_models.keys(), old_models.keys() - new_models.keys()
    old_sources, new_sources = old.source_ids, new.source_ids
    sources = [f"- source **added** `{s}`" for s in sorted(new_sources - old_sources)] + [
        f"- source **removed** `{s}`" for s in sorted(old_sources - new_sources)
    ]
    licences = _licence_lines(old.table, new.table)
    reviewed = f", {counts['reviewed']} reviewed" if counts["reviewed"] else ""
    lines = ["## Fact base changes", ""]
    if sections or sources or licences or moved:
        lines += [
            f"{_plural(counts['added'], 'claim')} added, {counts['removed']} removed, "
            f"{counts['changed']} changed{reviewed}; "
            f"{_plural(len(added), 'model')} added, {len(removed)} removed.",
            "",
        ]
    else:
        lines += ["No change to the fact base.", ""]
    for note in notes:
        lines += [f"> Note: {note}", ""]
    lines += _verdict_section(moved)
    lines += sections
    if sources:
        lines += ["### Sources", "", *sources, ""]
    if licences:
        lines += ["### Licence table", "", *licences]
    return "\n".join(lines).rstrip("\n") + "\n"
