"""An Atom feed of changes to the fact base, from git history: openness verdicts changed, and claims
added, re-rated or removed.

Each commit that touched facts/ or the licence table gives an entry for each verdict it changed (linking
to the model's openness card, with the claims that caused it) and one entry listing the claims it
changed, with links to them. The recent-changes page (pages/guide.py) shows the same items (`items`), so the
two never differ. Outside a git checkout (or without git) the feed is valid and empty. History may
hold broken commits: what a commit could not read is noted in its entry and never stops the feed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import changes, git, kinds, openness
from .cache import Cache
from .changes import Change, Snapshot, VerdictChange
from .urls import OPENNESS_ANCHOR, claim_url

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


def _plain(value: str | None, code: bool) -> str:
    """changes.Show for plain text."""
    return "(none)" if value is None else value


@dataclass(frozen=True)
class Line:
    """A line of an item: text, and the place on a model page it points to (its anchor: a claim or the card)."""

    text: str
    model: str | None = None
    anchor: str = ""


@dataclass(frozen=True)
class Item:
    """One entry of the feed, and the same change on the recent-changes page: both are written from these."""

    id: str
    updated: str
    title: str
    subject: str
    """The commit's subject."""
    link: Line | None
    """Where the item points: the model's openness card, or the first claim changed."""
    lines: tuple[Line, ...]
    """What changed, one line each: the claims that moved a verdict, or the claims changed and the notes."""
    verdict: bool
    """A verdict change (its title is repeated as the first line of the feed's text)."""


def items(entries: Sequence[Entry]) -> list[Item]:
    """The entries as feed items, newest first: per commit, an item for each verdict it moved, then one for the
    claims it changed (if any, or if something was left out)."""
    found = []
    for entry in entries:
        for change in entry.verdicts:
            model, title = change.model.id, _verdict_title(change)
            found.append(
                Item(
                    f"urn:modelfacts:commit:{entry.sha}:verdict:{model}:{change.dimension}",
                    entry.date,
                    title,
                    entry.subject,
                    Line(title, model, OPENNESS_ANCHOR),
                    tuple(Line(f"{c.claim}: {c.describe(_plain)}", model, c.claim) for c in change.causes),
                    True,
                )
            )
        if not (entry.changes or entry.notes):
            continue
        lines = tuple(_line(c) for c in entry.changes) + tuple(Line(f"Note: {n}") for n in entry.notes)
        link = lines[0] if entry.changes else None
        found.append(
            Item(f"urn:modelfacts:commit:{entry.sha}", entry.date, _summary(entry), entry.subject, link, lines, False)
        )
    return found


def _line(change: Change) -> Line:
    claim = change.claim
    rating = f"{change.old.confidence} → {claim.confidence}" if change.old and change.new else claim.confidence
    return Line(f"{_label(change)}: {change.model.name} — {claim.statement} [{rating}]", change.model.id, claim.id)


def _verdict_title(change: VerdictChange) -> str:
    return f"{change.model.name} · {openness.BY_ID[change.dimension].name}: {change.describe(_plain)}"


def _address(line: Line, site_url: str) -> str:
    """Where a line points, as the feed writes it: a model page's anchor (a claim's, or the card's), absolute
    when the site URL is known."""
    return claim_url(line.model or "", line.anchor, site_url)


def _text(line: Line, site_url: str) -> str:
    """A line as the feed's plain text writes it: the address after the words."""
    return line.text if line.model is None else f"{line.text} {_address(line, site_url)}"


def render_feed(entries: Sequence[Entry], site_url: str = "", site_name: str = "Model Facts") -> str:
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
    for item in items(entries):
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}title").text = item.title
        ET.SubElement(e, f"{{{ATOM}}}id").text = item.id
        ET.SubElement(e, f"{{{ATOM}}}updated").text = item.updated
        if item.link is not None and item.link.model is not None:
            ET.SubElement(e, f"{{{ATOM}}}link", href=_address(item.link, site_url))
        lines = [item.subject, "", *([item.title] if item.verdict else []), *(_text(x, site_url) for x in item.lines)]
        ET.SubElement(e, f"{{{ATOM}}}content", type="text").text = "\n".join(lines)
    ET.indent(feed)
    xml = '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
    return _NOT_XML.sub("\ufffd", xml)
