"""The Atom feed of changes, built from git history."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace
from xml.dom import minidom

from conftest import VALID_WIDGET, run_cli
from test_diff import LICENCE_TABLE, commit_broken_files, commit_fix

from modelfacts import git as plumbing
from modelfacts.changes import Change
from modelfacts.feed import ATOM, WATCHED, Entry, history, render_feed
from modelfacts.load import load_bytes
from modelfacts.model import build_model

A = f"{{{ATOM}}}"


def git(root, *args) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "GIT_AUTHOR_DATE": "2026-01-02T03:04:05Z",
            "GIT_COMMITTER_DATE": "2026-01-02T03:04:05Z",
            "PATH": "/usr/bin:/bin",
        },
    ).stdout.decode()


def lowered(text: str) -> str:
    """The widget with its release rating lowered (and the rationale a low rating needs)."""
    text = text.replace("confidence: medium", "confidence: low")
    return text.replace(
        "    status: current\n", "    status: current\n    rationale: Only one outlet, and it is vague.\n", 1
    )


def test_feed_lists_claims_added_and_re_rated(project):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First <facts> & more")
    path = root / "facts/widget-1.yaml"
    path.write_text(lowered(path.read_text()))
    git(root, "commit", "-q", "-am", "Lower the release rating")
    entries = history(root)
    assert [e.subject for e in entries] == ["Lower the release rating", "First <facts> & more"]
    assert [(c.kind, c.rating, c.claim.id, c.old.confidence, c.new.confidence) for c in entries[0].changes] == [
        ("changed", "lowered", "released", "medium", "low")
    ]
    assert {c.claim.id for c in entries[1].changes} == {"released", "open-weights"}

    xml = render_feed(entries, "https://facts.example/")
    feed = ET.fromstring(xml)
    items = feed.findall(f"{A}entry")
    assert [i.find(f"{A}title").text for i in items] == ["1 claim re-rated", "2 claims added"]
    assert items[0].find(f"{A}link").get("href") == "https://facts.example/models/widget-1/#released"
    assert "First <facts> & more" in items[1].find(f"{A}content").text  # escaped by ElementTree, read back
    assert feed.find(f"{A}updated").text == entries[0].date


def test_outside_git_the_feed_is_empty_and_valid(project):
    assert history(project.root) == []
    feed = ET.fromstring(render_feed([]))
    assert feed.findall(f"{A}entry") == [] and feed.find(f"{A}updated").text


def left_out(path: str, why: str) -> str:
    return f"{path} at this commit {why}; its changes are left out."


def test_a_broken_commit_and_its_fix_keep_build_feed_and_diff_green(project, tmp_path):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First")
    commit_broken_files(project, "Break \x01 things")
    commit_fix(project, lowered(VALID_WIDGET.read_text(encoding="utf-8")), "Fix, and lower a rating")
    entries = history(root)
    invalid = "is not a valid record (run `modelfacts check`)"
    assert [(e.subject, [(c.kind, c.rating, c.claim.id) for c in e.changes], e.notes) for e in entries] == [
        ("Fix, and lower a rating", [("changed", "lowered", "released")], ()),
        (
            "Break \x01 things",
            [],
            (
                left_out("facts/folder.yaml", "is a folder, not a file"),
                left_out("facts/latin.yaml", invalid),
                left_out("facts/link.yaml", "is a symbolic link, not a file"),
                left_out("facts/module.yaml", "is a submodule, not a file"),
                left_out("facts/widget-1.yaml", invalid),
            ),
        ),
        ("First", [("added", None, "released"), ("added", None, "open-weights")], ()),
    ]

    out = project.build("-d", str(tmp_path / "site"))
    assert out.returncode == 0, out.stderr
    dom = minidom.parseString((tmp_path / "site/feed.xml").read_bytes())
    items = dom.getElementsByTagName("entry")
    titles = [i.getElementsByTagName("title")[0].firstChild.data for i in items]
    assert titles == ["1 claim re-rated", "changes left out", "2 claims added"]
    content = items[1].getElementsByTagName("content")[0].firstChild.data
    assert content.startswith("Break \ufffd things\n\nNote: facts/folder.yaml at this commit is a folder")
    assert items[1].getElementsByTagName("link") == []

    diffed = run_cli("diff", "HEAD~2", "HEAD", "--root", str(root))
    assert (diffed.returncode, diffed.stderr) == (0, "")
    assert "- **changed** `released`:\n  - rating lowered ↓: `medium` → `low`\n" in diffed.stdout


def test_a_file_broken_in_one_commit_is_noted_once_and_counts_as_unchanged_until_fixed(project):
    root = project.root
    path = root / "facts/widget-1.yaml"
    good = path.read_text(encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First")
    path.write_text("id: [unclosed\n")
    git(root, "commit", "-q", "-am", "Break")
    project.write("facts/other.yaml", "id: [also broken\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Break another")
    path.write_text(good.replace("Widget-1 was released", "Acme released Widget-1"))
    git(root, "commit", "-q", "-am", "Reword, unrated")
    path.write_text(lowered(good))
    git(root, "commit", "-q", "-am", "Lower")
    summary = [(e.subject, [(c.kind, c.claim.id) for c in e.changes], len(e.notes)) for e in history(root)]
    assert summary == [
        ("Lower", [("changed", "released")], 0),
        ("Break another", [], 1),
        ("Break", [], 1),
        ("First", [("added", "released"), ("added", "open-weights")], 0),
    ]  # the rewording alone is no news; the fix of widget-1 shows only what changed since "First"
    assert [e.subject for e in history(root, limit=2)] == ["Lower"]  # the oldest commit in view is only a base


def test_a_commit_git_cannot_read_is_noted_and_skipped(project, monkeypatch):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First")
    path = root / "facts/widget-1.yaml"
    path.write_text(lowered(path.read_text()))
    git(root, "commit", "-q", "-am", "Lower")
    path.write_text(path.read_text().replace("Widget-1 was released", "Acme released Widget-1"))
    git(root, "commit", "-q", "-am", "Unreadable")
    unreadable = git(root, "rev-parse", "HEAD").strip()
    records_at = plumbing.records_at

    def failing(at, rev):
        if rev == unreadable:
            raise plumbing.GitError("fatal: bad object")
        return records_at(at, rev)

    monkeypatch.setattr(plumbing, "records_at", failing)
    entries = history(root)
    assert [(e.subject, len(e.changes), e.notes) for e in entries] == [
        ("Unreadable", 0, ("The commit could not be read (fatal: bad object); its changes are left out.",)),
        ("Lower", 1, ()),
        ("First", 2, ()),
    ]
    ET.fromstring(render_feed(entries))


def test_text_xml_cannot_hold_is_replaced_so_the_feed_stays_well_formed():
    doc, problems = load_bytes(VALID_WIDGET.read_bytes(), "facts/widget-1.yaml")
    assert doc is not None and problems == []
    widget = build_model(doc)
    claim = replace(
        widget.claims[0], statement="Odd \ufffe, \uffff, \ufdd0, \U0001fffe, \ud800 and \x07; kept: é 😀 \x85\t."
    )
    change = Change("added", replace(widget, name="Widget\x01"), None, claim)
    entry = Entry("abc", "2026-01-02T03:04:05+00:00", "Subject \x1b[1m \x00", (change,), ("A note \x0b",))
    xml = render_feed([entry], "https://facts.example/")
    dom = minidom.parseString(xml.encode("utf-8"))
    assert dom.getElementsByTagName("content")[0].firstChild.data == (
        "Subject \ufffd[1m \ufffd\n\n"
        "added: Widget\ufffd — Odd \ufffd, \ufffd, \ufffd, \ufffd, \ufffd and \ufffd; kept: é 😀 \x85\t. [medium] "
        "https://facts.example/models/widget-1/#released\n"
        "Note: A note \ufffd"
    )


def test_each_verdict_change_is_an_entry_of_its_own_linking_to_the_openness_card(project):
    """A flipped assertion and a licence class changed in the table (a commit that touches no fact file)."""
    root = project.root
    path = root / "facts/widget-1.yaml"
    path.write_text(
        path.read_text().replace(
            "    status: disputed\n",
            "    status: disputed\n    openness:\n      weights: open\n      licence: LicenseRef-Widget\n",
        )
    )
    table = root / "seeds/licences.yaml"
    table.write_text(LICENCE_TABLE.format(klass="restricted"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First")
    path.write_text(path.read_text().replace("      weights: open\n", "      weights: closed\n"))
    git(root, "commit", "-q", "-am", "Weights are closed")
    table.write_text(LICENCE_TABLE.format(klass="open"))
    git(root, "commit", "-q", "-am", "The Widget licence is OSI-approved")
    entries = history(root)
    assert [
        (e.subject, len(e.changes), [(v.dimension, v.old.verdict, v.new.verdict) for v in e.verdicts]) for e in entries
    ] == [
        ("The Widget licence is OSI-approved", 0, [("licence", "partial", "open")]),
        ("Weights are closed", 0, [("weights", "open", "closed")]),
        ("First", 2, [("weights", "unknown", "open"), ("licence", "unknown", "partial")]),
    ]

    feed = ET.fromstring(render_feed(entries, "https://facts.example/"))
    items = feed.findall(f"{A}entry")
    assert [i.find(f"{A}title").text for i in items] == [
        "Widget-1 · Licence: partial (LicenseRef-Widget, restricted) → open (LicenseRef-Widget, open)",
        "Widget-1 · Weights: open → closed",
        "Widget-1 · Weights: unknown → open",
        "Widget-1 · Licence: unknown → partial (LicenseRef-Widget, restricted)",
        "2 claims added",
    ]  # a commit whose claim changes are not news (an assertion, no rating) gives only its verdict entries
    sha = git(root, "rev-parse", "HEAD~1").strip()
    flipped = items[1]
    assert flipped.find(f"{A}id").text == f"urn:modelfacts:commit:{sha}:verdict:widget-1:weights"
    assert flipped.find(f"{A}link").get("href") == "https://facts.example/models/widget-1/#openness"
    assert flipped.find(f"{A}content").text == (
        "Weights are closed\n\n"
        "Widget-1 · Weights: open → closed\n"
        "open-weights: asserts open → closed https://facts.example/models/widget-1/#open-weights"
    )
    assert (
        items[0]
        .find(f"{A}content")
        .text.endswith(
            "open-weights: licence class restricted → open https://facts.example/models/widget-1/#open-weights"
        )
    )
    again = ET.fromstring(render_feed(history(root), "https://facts.example/"))
    assert [i.find(f"{A}id").text for i in again.findall(f"{A}entry")] == [i.find(f"{A}id").text for i in items]


def test_a_commit_to_a_source_record_alone_is_read_and_gives_no_entry_when_nothing_moved(project):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First")
    record = root / "seeds/acme-news.yaml"
    record.write_text(record.read_text().replace("title: Article acme-news", "title: Article acme-news, retitled"))
    git(root, "commit", "-q", "-am", "Retitle a source")
    assert "Retitle a source" in [c.subject for c in plumbing.log(root, WATCHED, 5)]
    assert [e.subject for e in history(root)] == ["First"]
