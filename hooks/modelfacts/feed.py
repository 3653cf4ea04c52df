"""An Atom feed of changes to the fact base, from git history: openness verdicts changed, and claims
added, re-rated or removed.

Each commit that touched facts/ or the licence table gives an entry for each verdict it changed (linking
to the model's openness card, with the claims that caused it) and one entry listing the claims it
changed, with links to them. Outside a git checkout (or without git) the feed is valid and empty. History may
hold broken commits: what a commit could not read is noted in its entry and never stops the feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import changes, git, kinds, openness
from .cache import Cache
from .changes import Change, Snapshot, VerdictChange
from .urls import claim_url, openness_url

ATOM = "http://www.w3.org/2005/Atom"
MAX_ENTRIES = 20
"""How many commits the feed looks back over (a commit may give several entries: one per verdict it moved)."""
WATCHED = (kinds.MODEL.folder, kinds.SOURCE.glob)
"""What a commit must touch to be news: the fact files, or the records in seeds/ (the licence table's classes
and the sources' dates move verdicts)."""
_NOT_XML = re.compile(
    r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | low) for plane in range(1, 17) for low in (0xFFFE, 0xFFFF))
    + "]"
)
"""What XML 1.0 cannot hold (C0 controls but tab, newline and CR; U+FFFE, U+FFFF; lone surrogates), and the
other noncharacters."""


@dataclass(frozen=True)
class Entry:
    sha: str
    date: str
    subject: str
    changes: tuple[Change, ...]
    """Claims added, removed or re-rated: a change that leaves the rating alone is not news."""
    notes: tuple[str, ...] = ()
    """What the commit could not read, and so left out."""
    verdicts: tuple[VerdictChange, ...] = ()
    """The openness verdicts it changed: each is an entry of its own in the feed."""


def _snapshot_at(root: Path, sha: str, kept: dict[tuple[str, str], Any]) -> Snapshot:
    """The fact base at a commit. A commit never changes: with the serve cache's `kept`, each is read once."""
    key = (str(root), sha)
    if key not in kept:
        kept[key] = changes.snapshot(git.records_at(root, sha))
    snapshot: Snapshot = kept[key]
    return snapshot


def _notes(read: Snapshot, unread_before: Mapping[str, str]) -> tuple[str, ...]:
    """A note for each file this commit left unreadable; one that stays so in later commits is noted once."""
    return tuple(
        f"{path} at this commit {why}; its changes are left out."
        for path, why in sorted(read.unread.items())
        if unread_before.get(path) != why
    )


def history(root: Path, limit: int = MAX_ENTRIES, cache: Cache | None = None) -> list[Entry]:
    """The newest commits that changed facts/ or the records in seeds/, newest first, with what each did to the
    claims and the verdicts (a commit that changed neither gives no entry).

    A file a commit could not read counts as unchanged until a later commit fixes it; a commit git
    cannot read at all is noted and left out.
    """
    root = Path(root).resolve()
    kept = cache.commits if cache is not None else {}
    try:
        commits = git.log(root, WATCHED, limit + 1)
    except git.GitError:
        return []
    # Oldest first. The path-filtered log lists the previous state next: no commit between touched it.
    # The oldest commit starts from nothing when the log reaches it; otherwise it is only where the feed starts.
    state = changes.EMPTY if len(commits) <= limit else None
    unread: Mapping[str, str] = {}
    entries = []
    for commit in reversed(commits):
        try:
            read = _snapshot_at(root, commit.sha, kept)
        except git.GitError as exc:
            if state is not None:
                note = f"The commit could not be read ({exc}); its changes are left out."
                entries.append(Entry(commit.sha, commit.date, commit.subject, (), (note,)))
            continue
        notes, unread = _notes(read, unread), read.unread
        if state is None:
            state = read
            continue
        after = changes.carry(state, read)
        old, new = changes.comparable(state, after)
        found = tuple(c for c in changes.claim_changes(old.by_id, new.by_id) if c.kind != "changed" or c.rating)
        moved = changes.verdict_changes(old, new)
        if found or notes or moved:
            entries.append(Entry(commit.sha, commit.date, commit.subject, found, notes, moved))
        state = after
    return entries[::-1]


def _label(change: Change) -> str:
    return f"re-rated ({change.rating})" if change.kind == "changed" else change.kind


def _summary(entry: Entry) -> str:
    counts: dict[str, int] = {}
    for c in entry.changes:
        key = _label(c).split(" ")[0]
        counts[key] = counts.get(key, 0) + 1
    summary = ", ".join(f"{n} claim{'s' if n != 1 else ''} {kind}" for kind, n in counts.items())
    return summary or "changes left out"


def _line(change: Change, site_url: str) -> str:
    claim = change.claim
    rating = f"{change.old.confidence} → {claim.confidence}" if change.old and change.new else claim.confidence
    url = claim_url(change.model.id, claim.id, site_url)
    return f"{_label(change)}: {change.model.name} — {claim.statement} [{rating}] {url}"


def _plain(value: str | None, code: bool) -> str:
    """changes.Show for plain text."""
    return "(none)" if value is None else value


def _verdict_title(change: VerdictChange) -> str:
    return f"{change.model.name} · {openness.BY_ID[change.dimension].name}: {change.describe(_plain)}"


def _verdict_entry(feed: ET.Element, entry: Entry, change: VerdictChange, site_url: str) -> None:
    """One verdict change: its id stays the same for as long as the commit is in history."""
    model = change.model
    e = ET.SubElement(feed, f"{{{ATOM}}}entry")
    ET.SubElement(e, f"{{{ATOM}}}title").text = _verdict_title(change)
    ET.SubElement(e, f"{{{ATOM}}}id").text = f"urn:modelfacts:commit:{entry.sha}:verdict:{model.id}:{change.dimension}"
    ET.SubElement(e, f"{{{ATOM}}}updated").text = entry.date
    ET.SubElement(e, f"{{{ATOM}}}link", href=openness_url(model.id, site_url))
    causes = [f"{c.claim}: {c.describe(_plain)} {claim_url(model.id, c.claim, site_url)}" for c in change.causes]
    lines = [entry.subject, "", _verdict_title(change), *causes]
    ET.SubElement(e, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)


def render_feed(entries: list[Entry], site_url: str = "", site_name: str = "Model Facts") -> str:
    """Atom XML. ElementTree escapes markup; what XML cannot hold at all becomes U+FFFD, so the
    feed is well-formed whatever a commit subject or a fact file holds. Links are absolute when the
    site URL is known."""
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
        for change in entry.verdicts:
            _verdict_entry(feed, entry, change, site_url)
        if not (entry.changes or entry.notes):
            continue
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}title").text = _summary(entry)
        ET.SubElement(e, f"{{{ATOM}}}id").text = f"urn:modelfacts:commit:{entry.sha}"
        ET.SubElement(e, f"{{{ATOM}}}updated").text = entry.date
        if entry.changes:
            first = entry.changes[0]
            ET.SubElement(e, f"{{{ATOM}}}link", href=claim_url(first.model.id, first.claim.id, site_url))
        lines = [entry.subject, "", *(_line(c, site_url) for c in entry.changes), *(f"Note: {n}" for n in entry.notes)]
        ET.SubElement(e, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    ET.indent(feed)
    xml = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
    return _NOT_XML.sub("\ufffd", xml)
