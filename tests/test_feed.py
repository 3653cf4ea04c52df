"""The Atom feed of changes, built from git history."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET

from modelfacts.feed import ATOM, history, render_feed

A = f"{{{ATOM}}}"


def git(root, *args):
    subprocess.run(
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
    )


def test_feed_lists_claims_added_and_re_rated(project):
    root = project.root
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First <facts> & more")
    path = root / "facts/widget-1.yaml"
    text = path.read_text().replace("confidence: medium", "confidence: low")
    path.write_text(
        text.replace(
            "    status: current\n", "    status: current\n    rationale: Only one outlet, and it is vague.\n", 1
        )
    )
    git(root, "commit", "-q", "-am", "Lower the release rating")
    entries = history(root)
    assert [e.subject for e in entries] == ["Lower the release rating", "First <facts> & more"]
    assert [(c.kind, c.claim, c.before, c.confidence) for c in entries[0].changes] == [
        ("re-rated (lowered)", "released", "medium", "low")
    ]
    assert {c.claim for c in entries[1].changes} == {"released", "open-weights"}

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
