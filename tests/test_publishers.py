"""Independence counted honestly, end to end: one document is one source, publishers are identities,
a syndicated copy counts with its original. Each test is a way to raise a ceiling without new evidence."""

from __future__ import annotations

import pytest
from conftest import ARTICLE, REGISTRY, source_record

from modelfacts.check import check_root

RELEASED = "quote: Acme Labs released Widget-1 on March 3, 2025.\n"


def cite_three_times(project, *ids: str) -> None:
    """Rate `released` very high, citing acme-news and the records `ids` for the same passage."""
    text = (project.root / "facts/widget-1.yaml").read_text()
    extra = "".join(f"      - source: {i}\n        stance: supports\n        {RELEASED}" for i in ids)
    text = text.replace(RELEASED, RELEASED + extra, 1).replace("confidence: medium", "confidence: very high", 1)
    project.write("facts/widget-1.yaml", text)


def found(project) -> list[tuple[str, str]]:
    return [(p.file, p.rule) for p in check_root(project.root).problems if p.severity == "error"]


def test_the_same_document_recorded_three_times_is_refused(project):
    """Before: three records of acme.txt under three publishers made S = 3 and allowed very high."""
    for ident, publisher in (("acme-news-2", "rival-times"), ("acme-news-3", "acme-labs")):
        project.write_source(source_record(ident, "acme.txt", ARTICLE, publisher=publisher))
    cite_three_times(project, "acme-news-2", "acme-news-3")
    # Of the three records of one file, the first by path stands; the others are reported.
    assert found(project) == [
        ("seeds/acme-news-3.yaml", "source-duplicate"),
        ("seeds/acme-news.yaml", "source-duplicate"),
    ]


def test_byte_identical_copies_without_a_publisher_are_refused(project):
    """Before: copies of one article under new names, with no publisher, were three groups of their own."""
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE))  # no publisher named
    for ident in ("acme-copy-2", "acme-copy-3"):
        project.write_source(source_record(ident, f"{ident}.txt", ARTICLE), ARTICLE)
    cite_three_times(project, "acme-copy-2", "acme-copy-3")
    assert found(project) == [
        ("seeds/acme-copy-3.yaml", "source-duplicate"),
        ("seeds/acme-news.yaml", "source-duplicate"),
    ]


@pytest.mark.parametrize(
    "spelling", ["Acme  Wire", "Acme\u00a0Wire", "Acme Wire.", "Acme\u200b Wire", "\u0410cme Wire"]
)
def test_a_publisher_entered_again_under_a_look_alike_name_is_refused(project, spelling):
    """Before: 'Acme  Wire' was a second independent publisher. Now the registry refuses the entry,
    whatever the records say."""
    extra = [
        {"id": "acme-wire-2", "name": spelling, "aliases": []},
        {"id": "acme-wire-3", "name": "Wire", "aliases": []},
    ]
    project.write_publishers({"publishers": [*REGISTRY["publishers"], *extra]})
    text = "Acme Wire, second edition.\n" + ARTICLE
    project.write_source(source_record("acme-news-2", "acme-2.txt", text, publisher="acme-wire-2"), text)
    cite_three_times(project, "acme-news-2")
    assert ("seeds/publishers.yaml", "publisher-name-unique") in found(project)


def test_syndicated_copies_count_with_their_original(project):
    """Two outlets republishing acme-news add nothing: S stays 1 and `high` is above the ceiling."""
    for ident, publisher in (("copy-rival", "rival-times"), ("copy-labs", "acme-labs")):
        text = f"Republished by {publisher}.\n" + ARTICLE
        project.write_source(
            source_record(ident, f"{ident}.txt", text, publisher=publisher, syndicated_from="acme-news"), text
        )
    cite_three_times(project, "copy-rival", "copy-labs")
    problems = [p for p in check_root(project.root).problems if p.severity == "error"]
    assert [(p.rule, p.message) for p in problems] == [
        (
            "confidence-ceiling",
            "confidence `very high` is above the ceiling `medium` (evidence limited: S=1; agreement high: C=0)",
        )
    ]
    text = (project.root / "facts/widget-1.yaml").read_text()
    project.write("facts/widget-1.yaml", text.replace("confidence: very high", "confidence: medium", 1))
    assert found(project) == []


def test_the_same_copies_without_syndicated_from_would_count_three_times(project):
    """The control for the test above: the rubric counts separate publishers apart, so the field is what
    makes a copy count once (and a reviewer sees it on the source page)."""
    for ident, publisher in (("copy-rival", "rival-times"), ("copy-labs", "acme-labs")):
        text = f"Republished by {publisher}.\n" + ARTICLE
        project.write_source(source_record(ident, f"{ident}.txt", text, publisher=publisher), text)
    cite_three_times(project, "copy-rival", "copy-labs")
    assert found(project) == []


def test_a_registry_that_fails_its_schema_leaves_publisher_ids_unjudged(project):
    project.write(
        "seeds/publishers.yaml", "# yaml-language-server: $schema=../schemas/publishers.schema.json\npublishers: 3\n"
    )
    assert found(project) == [("seeds/publishers.yaml", "schema")]


def test_without_a_registry_every_publisher_id_is_reported(project):
    (project.root / "seeds/publishers.yaml").unlink()
    problems = [p for p in check_root(project.root).problems if p.severity == "error"]
    assert [(p.file, p.rule) for p in problems] == [
        ("facts/widget-1.yaml", "publisher-exists"),
        ("seeds/acme-news.yaml", "publisher-exists"),
        ("seeds/rival-news.yaml", "publisher-exists"),
    ]
    assert problems[0].hint == (
        "create seeds/publishers.yaml with an entry `- id: acme-labs` (its name and aliases), or correct the id"
    )
