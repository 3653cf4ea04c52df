"""An Atom feed of changes to the fact base: claims added, re-rated or removed, from git history.

Each entry is one commit that touched facts/; its content lists the claims it changed, with
links to them. Outside a git checkout (or without git) the feed is valid and empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import rubric
from .diff import DiffError, _git, models_at
from .urls import claim_url

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 20


@dataclass(frozen=True)
class Change:
    kind: str  # added | re-rated | removed
    model: str
    model_name: str
    claim: str
    statement: str
    confidence: str
    before: str | None = None


@dataclass(frozen=True)
class Entry:
    sha: str
    date: str
    subject: str
    changes: tuple[Change, ...]


def _changes(old: dict, new: dict) -> tuple[Change, ...]:
    out = []
    for model_id in sorted(old.keys() | new.keys()):
        before = {c.id: c for c in old[model_id].claims} if model_id in old else {}
        after = {c.id: c for c in new[model_id].claims} if model_id in new else {}
        name = (new.get(model_id) or old[model_id]).name
        for cid, claim in after.items():
            if cid not in before:
                out.append(Change("added", model_id, name, cid, claim.statement, claim.confidence))
            elif before[cid].confidence != claim.confidence:
                verb = "raised" if rubric.rank(claim.confidence) > rubric.rank(before[cid].confidence) else "lowered"
                out.append(
                    Change(
                        f"re-rated ({verb})",
                        model_id,
                        name,
                        cid,
                        claim.statement,
                        claim.confidence,
                        before[cid].confidence,
                    )
                )
        for cid, claim in before.items():
            if cid not in after:
                out.append(Change("removed", model_id, name, cid, claim.statement, claim.confidence))
    return tuple(out)


_states: dict[tuple[Path, str], dict] = {}
"""A commit never changes: under `mkdocs serve` each is read once."""


def _models_at_commit(root: Path, sha: str) -> dict:
    key = (root.resolve(), sha)
    if key not in _states:
        _states[key] = models_at(root, sha)
    return _states[key]


def history(root: Path, limit: int = MAX_ENTRIES) -> list[Entry]:
    """The newest commits that changed facts/, newest first, with what each did to the claims."""
    try:
        log = _git(Path(root), "log", "-n", str(limit + 1), "--format=%H%x1f%cI%x1f%s", "--", "facts")
    except DiffError:
        return []
    commits = [line.split("\x1f", 2) for line in log.decode("utf-8", "replace").splitlines() if line]
    states = [_models_at_commit(Path(root), sha) for sha, _, _ in commits]
    entries = []
    for i, (sha, date, subject) in enumerate(commits[:limit]):
        # The path-filtered log lists the previous facts/ state next: no commit between touched it.
        changes = _changes(states[i + 1] if i + 1 < len(states) else {}, states[i])
        if changes:
            entries.append(Entry(sha, date, subject, changes))
    return entries


def _summary(changes: tuple[Change, ...]) -> str:
    counts: dict[str, int] = {}
    for c in changes:
        key = c.kind.split(" ")[0]
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{n} claim{'s' if n != 1 else ''} {kind}" for kind, n in counts.items())


def render_feed(entries: list[Entry], site_url: str = "", site_name: str = "Model Facts") -> str:
    """Atom XML; ElementTree does the escaping. Links are absolute when the site URL is known."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{site_name}: changes to the fact base"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = (site_url or "urn:modelfacts:") + "feed.xml"
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = entries[0].date if entries else "1970-01-01T00:00:00Z"
    ET.SubElement(feed, f"{{{ATOM}}}link", href=f"{site_url}feed.xml", rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=site_url or "./")
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = site_name
    for entry in entries:
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}title").text = _summary(entry.changes)
        ET.SubElement(e, f"{{{ATOM}}}id").text = f"urn:modelfacts:commit:{entry.sha}"
        ET.SubElement(e, f"{{{ATOM}}}updated").text = entry.date
        ET.SubElement(e, f"{{{ATOM}}}link", href=claim_url(entry.changes[0].model, entry.changes[0].claim, site_url))
        lines = [entry.subject, ""]
        for c in entry.changes:
            rating = f"{c.before} → {c.confidence}" if c.before else c.confidence
            lines.append(
                f"{c.kind}: {c.model_name} — {c.statement} [{rating}] " + claim_url(c.model, c.claim, site_url)
            )
        ET.SubElement(e, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
