"""A claim's review day (`reviewed`), end to end: the rules on it, the exports and JSON-LD that carry it,
the skeleton that leaves it out, and diff and feed, which do not tell a re-review as a change of content."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from inmemory import RELEASED, base, cite, claim, model, primary_document, source, two_sources
from test_diff import edit, repo  # noqa: F401  (the fixture)
from test_feed import git

from modelfacts import diff as differ
from modelfacts.exports import claim_records, claims_csv
from modelfacts.feed import history
from modelfacts.pages import models
from modelfacts.rules.dates import TODAY_VARIABLE, reviewed_before_document, reviewed_future

REVIEWED = dataclasses.replace(RELEASED, reviewed="2026-12-01")


def reviewed_base():
    return base(model(claims=(REVIEWED, dataclasses.replace(RELEASED, id="unreviewed"))))


# Rules


@pytest.mark.parametrize("day, found", [("2026-12-01", []), ("2026-12-02", ["reviewed 2026-12-02, after today"])])
def test_a_review_is_not_after_today(monkeypatch, day, found):
    monkeypatch.setenv(TODAY_VARIABLE, "2026-12-01")
    findings = list(reviewed_future(dataclasses.replace(RELEASED, reviewed=day), base()))
    assert [f.message.split(" (")[0] for f in findings] == found
    assert all(f.sub == ("reviewed",) and f.hint for f in findings)


def test_a_review_is_not_before_a_cited_document_was_stored():
    """A copied document is stored as of its commit day; an article as of its publication day."""
    card = primary_document("widget-card", commit_date="2025-06-01T23:30:00+00:00", published="2025-06-01")
    checked = claim(
        "card-and-article",
        "Widget-1 is documented.",
        cite("acme-news", "supports", "Acme Labs released Widget-1 on March 3, 2025."),
        cite("widget-card", "supports", "Acme Labs released Widget-1 on March 3, 2025."),
        cite("widget-card", "mentions", "The weights of Widget-1"),
    )
    fact_base = base(sources=[*two_sources(), card])
    messages = [
        f.message
        for day in ("2025-03-03", "2025-05-31", "2025-06-01")
        for f in reviewed_before_document(dataclasses.replace(checked, reviewed=day), fact_base)
    ]
    assert messages == [
        "reviewed 2025-03-03, before its source acme-news existed as stored (published 2025-03-04)",
        "reviewed 2025-03-03, before its source widget-card existed as stored (its commit day 2025-06-01)",
        "reviewed 2025-05-31, before its source widget-card existed as stored (its commit day 2025-06-01)",
    ]  # one finding per document, however often it is cited
    undated = base(sources=[source("acme-news", published=None), two_sources()[1]])
    assert list(reviewed_before_document(dataclasses.replace(REVIEWED, reviewed="2000-01-01"), undated)) == []


# Exports and JSON-LD


def test_exports_carry_the_review_day_or_null():
    records = claim_records(reviewed_base())
    assert [r["reviewed"] for r in records] == ["2026-12-01", None]
    rows = list(csv.DictReader(io.StringIO(claims_csv(records))))
    assert list(rows[0])[-3:] == ["citations", "openness", "reviewed"]  # the new column comes last
    assert [r["reviewed"] for r in rows] == ["2026-12-01", ""]


def test_claim_review_json_ld_is_published_on_the_review_day():
    fact_base = reviewed_base()
    graph = models.model_page(models.model_view(fact_base, fact_base.models[0])).jsonld["@graph"]
    assert graph[0]["datePublished"] == "2026-12-01"
    assert "datePublished" not in graph[1]  # never reviewed: no date is claimed


# Skeleton


def test_a_new_claim_is_not_reviewed(project):
    from conftest import run_cli

    run_cli("new", "claim", "widget-1", "--root", str(project.root))
    text = (project.root / "facts/widget-1.yaml").read_text(encoding="utf-8")
    assert "# status_note:" in text and "reviewed" not in text


# diff and feed: a re-review is not news


def review(project, day: str = "2026-01-01") -> None:
    edit(
        project,
        "    confidence: medium\n    status: current\n",
        f'    confidence: medium\n    status: current\n    reviewed: "{day}"\n',
    )


def test_diff_lists_a_re_review_apart_from_changes_of_content(repo):
    review(repo)
    out = differ.diff(repo.root, "HEAD")
    assert "0 claims added, 0 removed, 0 changed, 1 reviewed;" in out
    assert "- **reviewed** `released`: (none) → `2026-01-01`" in out
    assert "**changed**" not in out


def test_diff_names_the_review_day_among_changes_of_content(repo):
    review(repo)
    edit(repo, "statement: Widget-1 was released on 3 March 2025.", "statement: Widget-1 came out on 3 March 2025.")
    out = differ.diff(repo.root, "HEAD")
    assert "0 removed, 1 changed;" in out and "reviewed;" not in out
    assert "  - review day: (none) → `2026-01-01`" in out


def test_feed_has_no_entry_for_a_re_review(repo):
    git(repo.root, "commit", "--allow-empty", "-qm", "start")  # test_feed's git: fixed dates
    review(repo)
    git(repo.root, "commit", "-qam", "Reviewed the release claim")
    assert [e.subject for e in history(repo.root)] == ["base"]
