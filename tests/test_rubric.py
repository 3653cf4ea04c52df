"""The confidence rubric, table-tested from the methodology readers see, not from the code.

Every expectation below was written from the Methodology page and CONTRIBUTING.md §5 before the
implementation was read: S counts independent groups with a `supports` citation from a source
graded A–C that is not AI-generated; C counts groups with a `contradicts` citation; evidence and
agreement follow from S, C and primary sources; the ceiling is read off the IPCC-style grid.

Groups (rubric.S_DEFINITION): sources are grouped by their publisher's id in the publishers
registry, never by how a name is spelt; a syndicated copy is in its original's group; a source with
no known publisher that is not a copy is a group of its own. So the publishers below are ids.
"""

from __future__ import annotations

import pytest

from modelfacts import rubric
from modelfacts.rubric import CEILING, SourceFacts, assess

SUP, CON, PRED, MEN = "supports", "contradicts", "predicts", "mentions"


def source(ident: str, publisher: str | None, kind: str, grade: str, copy_of: SourceFacts | None = None) -> SourceFacts:
    return SourceFacts(ident, publisher, kind, grade, copy_of)


def cite(
    stance: str, ident: str, publisher: str | None, kind: str, grade: str, copy_of=None
) -> tuple[str, SourceFacts]:
    return stance, source(ident, publisher, kind, grade, copy_of)


REUTERS_STORY = source("reuters-story", "reuters", "news", "A")
"""An original that other outlets republish (syndicate)."""
UNSIGNED_STORY = source("unsigned-story", None, "news", "B")
"""An original whose publisher is not known."""


def row(ident: str, citations: list, s: int, c: int, evidence: str, agreement: str, ceiling: str, marks=()):
    return pytest.param(citations, (s, c, evidence, agreement, ceiling), id=ident, marks=marks)


MIXED = [
    cite(SUP, "a1", "reuters", "news", "A"),
    cite(SUP, "weak-d", "wired", "news", "D"),
    cite(SUP, "a2", "reuters", "analysis", "B"),
    cite(SUP, "bot", "pub-g", "ai-generated", "A"),
    cite(CON, "x1", "pub-x", "news", "F"),
    cite(CON, "x2", None, "opinion", "C"),
    cite(PRED, "pred", "acme-labs", "primary", "A"),
    cite(MEN, "men", "the-verge", "news", "A"),
]

ROWS = [
    # Nothing cited: no support, no doubt.
    row("empty", [], 0, 0, "limited", "medium", "low"),
    # Grades: A, B and C count; D, E and F do not.
    row("grade-A-counts", [cite(SUP, "a", "pub-a", "news", "A")], 1, 0, "limited", "high", "medium"),
    row("grade-B-counts", [cite(SUP, "a", "pub-a", "news", "B")], 1, 0, "limited", "high", "medium"),
    row("grade-C-counts", [cite(SUP, "a", "pub-a", "news", "C")], 1, 0, "limited", "high", "medium"),
    row("grade-D-not-counted", [cite(SUP, "a", "pub-a", "news", "D")], 0, 0, "limited", "medium", "low"),
    row("grade-E-not-counted", [cite(SUP, "a", "pub-a", "news", "E")], 0, 0, "limited", "medium", "low"),
    row("grade-F-not-counted", [cite(SUP, "a", "pub-a", "news", "F")], 0, 0, "limited", "medium", "low"),
    row(
        "grades-D-E-F-from-three-publishers-still-zero",
        [
            cite(SUP, "d", "pub-d", "news", "D"),
            cite(SUP, "e", "pub-e", "news", "E"),
            cite(SUP, "f", "pub-f", "news", "F"),
        ],
        0,
        0,
        "limited",
        "medium",
        "low",
    ),
    # Kinds: every kind but ai-generated counts when graded A–C; only primary raises evidence.
    row("kind-analysis-counts", [cite(SUP, "a", "pub-a", "analysis", "A")], 1, 0, "limited", "high", "medium"),
    row("kind-opinion-counts", [cite(SUP, "a", "pub-a", "opinion", "B")], 1, 0, "limited", "high", "medium"),
    row("kind-aggregator-counts", [cite(SUP, "a", "pub-a", "aggregator", "C")], 1, 0, "limited", "high", "medium"),
    row("kind-social-counts", [cite(SUP, "a", "pub-a", "social", "A")], 1, 0, "limited", "high", "medium"),
    row("kind-unknown-counts", [cite(SUP, "a", "pub-a", "unknown", "B")], 1, 0, "limited", "high", "medium"),
    # AI-generated sources never count, whatever their grade.
    row("ai-generated-A-not-counted", [cite(SUP, "g", "pub-g", "ai-generated", "A")], 0, 0, "limited", "medium", "low"),
    row("ai-generated-B-not-counted", [cite(SUP, "g", "pub-g", "ai-generated", "B")], 0, 0, "limited", "medium", "low"),
    row("ai-generated-C-not-counted", [cite(SUP, "g", "pub-g", "ai-generated", "C")], 0, 0, "limited", "medium", "low"),
    row(
        "ai-generated-A-from-three-publishers-still-zero",
        [
            cite(SUP, "g1", "pub-1", "ai-generated", "A"),
            cite(SUP, "g2", "pub-2", "ai-generated", "A"),
            cite(SUP, "g3", None, "ai-generated", "A"),
        ],
        0,
        0,
        "limited",
        "medium",
        "low",
    ),
    row(
        "ai-generated-beside-one-real-source",
        [cite(SUP, "a", "pub-a", "news", "A"), cite(SUP, "g", "pub-g", "ai-generated", "A")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    # Publisher groups: one publisher is one group however many of its sources agree.
    row(
        "same-publisher-two-sources-count-once",
        [cite(SUP, "a1", "reuters", "news", "A"), cite(SUP, "a2", "reuters", "analysis", "B")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "same-publisher-three-sources-count-once",
        [cite(SUP, f"a{i}", "reuters", "news", "A") for i in range(3)],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "same-source-cited-twice-counts-once",
        [cite(SUP, "a", "reuters", "news", "A"), cite(SUP, "a", "reuters", "news", "A")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "two-publishers",
        [cite(SUP, "a", "reuters", "news", "A"), cite(SUP, "b", "the-verge", "news", "B")],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    row(
        "three-publishers",
        [
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "the-verge", "news", "B"),
            cite(SUP, "c", "wired", "analysis", "C"),
        ],
        3,
        0,
        "robust",
        "high",
        "very high",
    ),
    row(
        "group-counts-if-one-member-is-graded-A-C",
        [cite(SUP, "weak", "reuters", "news", "E"), cite(SUP, "strong", "reuters", "news", "B")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    # Publisher identity: a group is a publisher id, however the publisher's name is spelt in its
    # articles; the registry maps every spelling to one id (the checker's publisher-name-unique).
    row(
        "one-publisher-id-is-one-group",
        [
            cite(SUP, "dnd-1", "daily-neural-digest", "news", "A"),
            cite(SUP, "dnd-2", "daily-neural-digest", "analysis", "B"),
            cite(SUP, "dnd-3", "daily-neural-digest", "opinion", "C"),
        ],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "publisher-ids-are-compared-not-spellings",
        [cite(SUP, "a", "acme-labs", "news", "A"), cite(SUP, "b", "acme-labs-eu", "news", "A")],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    # Syndication: a copy another outlet republished is in its original's group.
    row(
        "syndicated-copy-joins-its-original",
        [
            cite(SUP, "reuters-story", "reuters", "news", "A"),
            cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "B", REUTERS_STORY),
            cite(SUP, "msn-copy", "msn", "aggregator", "B", REUTERS_STORY),
        ],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "syndicated-copies-count-once-without-the-original",
        [
            cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "B", REUTERS_STORY),
            cite(SUP, "msn-copy", "msn", "aggregator", "B", REUTERS_STORY),
        ],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "syndicated-copy-joins-the-group-of-its-originals-publisher",
        [
            cite(SUP, "reuters-analysis", "reuters", "analysis", "A"),
            cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "B", REUTERS_STORY),
        ],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "copy-of-an-unsigned-original-joins-it",
        [
            cite(SUP, "unsigned-story", None, "news", "B"),
            cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "B", UNSIGNED_STORY),
        ],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "copy-and-an-independent-source",
        [
            cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "B", REUTERS_STORY),
            cite(SUP, "yahoo-own", "yahoo-news", "news", "B"),
        ],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    row(
        "contradicting-copy-joins-its-original",
        [
            cite(CON, "reuters-story", "reuters", "news", "A"),
            cite(CON, "yahoo-copy", "yahoo-news", "aggregator", "B", REUTERS_STORY),
        ],
        0,
        1,
        "limited",
        "low",
        "very low",
    ),
    # A source with no known publisher is a group of its own.
    row(
        "no-publisher-two-sources-are-two-groups",
        [cite(SUP, "n1", None, "opinion", "C"), cite(SUP, "n2", None, "opinion", "C")],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    row(
        "no-publisher-three-sources-are-three-groups",
        [cite(SUP, f"n{i}", None, "news", "B") for i in range(3)],
        3,
        0,
        "robust",
        "high",
        "very high",
    ),
    row(
        "no-publisher-same-source-twice-is-one-group",
        [cite(SUP, "n", None, "news", "B"), cite(SUP, "n", None, "news", "B")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "no-publisher-source-id-equal-to-a-publisher-name",
        [cite(SUP, "reuters", None, "news", "A"), cite(SUP, "r1", "reuters", "news", "A")],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    # Contradicting groups: any grade, any kind, one per publisher.
    row("one-contradiction", [cite(CON, "x", "pub-x", "news", "A")], 0, 1, "limited", "low", "very low"),
    row("contradiction-graded-F-counts", [cite(CON, "x", "pub-x", "social", "F")], 0, 1, "limited", "low", "very low"),
    row(
        "contradiction-ai-generated-counts",
        [cite(CON, "x", "pub-x", "ai-generated", "E")],
        0,
        1,
        "limited",
        "low",
        "very low",
    ),
    row(
        "contradictions-same-publisher-count-once",
        [cite(CON, "x1", "pub-x", "news", "A"), cite(CON, "x2", "pub-x", "news", "D")],
        0,
        1,
        "limited",
        "low",
        "very low",
    ),
    row(
        "contradictions-no-publisher-are-two-groups",
        [cite(CON, "x1", None, "news", "A"), cite(CON, "x2", None, "news", "A")],
        0,
        2,
        "limited",
        "low",
        "very low",
    ),
    row(
        "one-publisher-supports-and-contradicts",
        [cite(SUP, "a", "reuters", "news", "A"), cite(CON, "b", "reuters", "news", "A")],
        1,
        1,
        "limited",
        "low",
        "very low",
    ),
    row(
        "robust-but-contradicted",
        [
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "the-verge", "news", "B"),
            cite(SUP, "c", "wired", "news", "C"),
            cite(CON, "x", "pub-x", "news", "D"),
        ],
        3,
        1,
        "robust",
        "low",
        "medium",
    ),
    row(
        "medium-but-contradicted",
        [
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "the-verge", "news", "B"),
            cite(CON, "x", None, "opinion", "C"),
        ],
        2,
        1,
        "medium",
        "low",
        "low",
    ),
    # Primary sources raise the evidence: S = 1 primary → medium; S ≥ 2 with a primary → robust.
    row("primary-alone-is-medium", [cite(SUP, "p", "acme-labs", "primary", "A")], 1, 0, "medium", "high", "high"),
    row("primary-no-publisher-is-medium", [cite(SUP, "p", None, "primary", "B")], 1, 0, "medium", "high", "high"),
    row(
        "primary-plus-one-is-robust",
        [cite(SUP, "p", "acme-labs", "primary", "A"), cite(SUP, "a", "reuters", "news", "B")],
        2,
        0,
        "robust",
        "high",
        "very high",
    ),
    row(
        "primary-and-news-of-one-publisher-are-one-primary-group",
        [cite(SUP, "p", "acme-labs", "primary", "A"), cite(SUP, "a", "acme-labs", "news", "A")],
        1,
        0,
        "medium",
        "high",
        "high",
    ),
    row(
        "primary-graded-D-does-not-raise",
        [cite(SUP, "p", "acme-labs", "primary", "D"), cite(SUP, "a", "reuters", "news", "A")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "primary-graded-D-beside-two-is-not-robust",
        [
            cite(SUP, "p", "acme-labs", "primary", "D"),
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "the-verge", "news", "A"),
        ],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    row(
        "primary-that-contradicts-does-not-raise",
        [
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "the-verge", "news", "A"),
            cite(CON, "p", "acme-labs", "primary", "A"),
        ],
        2,
        1,
        "medium",
        "low",
        "low",
    ),
    row(
        "primary-alone-contradicted",
        [cite(SUP, "p", "acme-labs", "primary", "A"), cite(CON, "x", "pub-x", "news", "C")],
        1,
        1,
        "medium",
        "low",
        "low",
    ),
    row(
        "primary-plus-one-contradicted",
        [
            cite(SUP, "p", "acme-labs", "primary", "A"),
            cite(SUP, "a", "reuters", "news", "B"),
            cite(CON, "x", "pub-x", "news", "C"),
        ],
        2,
        1,
        "robust",
        "low",
        "medium",
    ),
    # predicts and mentions never count, not even from an A-graded primary source.
    row("predicts-never-counts", [cite(PRED, "p", "acme-labs", "primary", "A")], 0, 0, "limited", "medium", "low"),
    row("mentions-never-counts", [cite(MEN, "p", "acme-labs", "primary", "A")], 0, 0, "limited", "medium", "low"),
    row(
        "predicts-from-three-publishers-still-zero",
        [
            cite(PRED, "a", "reuters", "news", "A"),
            cite(PRED, "b", "wired", "news", "A"),
            cite(PRED, "c", None, "news", "A"),
        ],
        0,
        0,
        "limited",
        "medium",
        "low",
    ),
    row(
        "mentions-from-three-publishers-still-zero",
        [
            cite(MEN, "a", "reuters", "news", "A"),
            cite(MEN, "b", "wired", "news", "A"),
            cite(MEN, "c", None, "news", "A"),
        ],
        0,
        0,
        "limited",
        "medium",
        "low",
    ),
    row(
        "primary-that-predicts-does-not-raise",
        [cite(SUP, "a", "reuters", "news", "A"), cite(PRED, "p", "acme-labs", "primary", "A")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "primary-that-mentions-does-not-raise",
        [
            cite(SUP, "a", "reuters", "news", "A"),
            cite(SUP, "b", "wired", "news", "A"),
            cite(MEN, "p", "acme-labs", "primary", "A"),
        ],
        2,
        0,
        "medium",
        "high",
        "high",
    ),
    # The three worked examples in CONTRIBUTING.md §5.
    row(
        "contributing-gemini-1-0-pro",
        [cite(SUP, "murphy", None, "opinion", "C"), cite(SUP, "gemma", "pub-g", "news", "D")],
        1,
        0,
        "limited",
        "high",
        "medium",
    ),
    row(
        "contributing-gemini-flash",
        [cite(SUP, "gemma", "pub-g", "news", "D"), cite(CON, "murphy", None, "opinion", "C")],
        0,
        1,
        "limited",
        "low",
        "very low",
    ),
    row("every-stance-mixed", MIXED, 1, 2, "limited", "low", "very low"),
    row("contributing-gemini-3-0", [cite(PRED, "murphy", None, "opinion", "C")], 0, 0, "limited", "medium", "low"),
]


@pytest.mark.parametrize("citations, expected", ROWS)
def test_assess(citations, expected):
    a = assess(iter(citations))
    assert (a.supporting, a.contradicting, a.evidence, a.agreement, a.ceiling) == expected


def test_table_reaches_every_reachable_ceiling_cell():
    """Agreement is medium only when S = 0, so evidence is then limited: seven cells are reachable."""
    reached = {(p.values[1][2], p.values[1][3]) for p in ROWS}
    assert reached == set(CEILING) - {("robust", "medium"), ("medium", "medium")}


def test_ceiling_grid_is_the_methodology_grid():
    """All nine cells as the methodology prints them, the two assess cannot reach included."""
    assert CEILING == {
        ("robust", "high"): "very high",
        ("robust", "medium"): "high",
        ("robust", "low"): "medium",
        ("medium", "high"): "high",
        ("medium", "medium"): "medium",
        ("medium", "low"): "low",
        ("limited", "high"): "medium",
        ("limited", "medium"): "low",
        ("limited", "low"): "very low",
    }


@pytest.mark.parametrize(
    "citations, supporting, weak, contradicting, predicting",
    [
        pytest.param([], (), (), (), (), id="empty"),
        pytest.param(MIXED, ("a1", "a2"), ("weak-d", "bot"), ("x1", "x2"), ("pred",), id="every-stance"),
        pytest.param(
            [cite(SUP, "a", "reuters", "news", "A"), cite(SUP, "a", "reuters", "news", "A")] * 2
            + [cite(CON, "x", None, "news", "A")] * 2
            + [cite(PRED, "p", None, "news", "A")] * 2,
            ("a",),
            (),
            ("x",),
            ("p",),
            id="repeated-citations-listed-once",
        ),
        pytest.param(
            [cite(SUP, "a1", "reuters", "news", "A"), cite(SUP, "a2", "reuters", "news", "A")],
            ("a1", "a2"),
            (),
            (),
            (),
            id="one-group-lists-every-counted-source",
        ),
    ],
)
def test_sources_by_role(citations, supporting, weak, contradicting, predicting):
    a = assess(citations)
    assert a.supporting_sources == supporting
    assert a.weak_supporting_sources == weak
    assert a.contradicting_sources == contradicting
    assert a.predicting_sources == predicting


# The developer's own documents (rubric.OWN_DEFINITION, AUTHORITATIVE_TOPICS, NOT_AUTHORITATIVE, OWN_EFFECTS),
# written from the methodology's words: an own document is a primary source whose publisher is one of the
# claim's model's developers (any of several); on release, availability, license, weights, architecture, size,
# context-window, lineage and training one graded A makes the evidence robust by itself, one graded B or C
# counts as any primary source, and one graded A–C that contradicts caps the ceiling at very low whatever else
# supports, unless another own document supports (then the ordinary rules apply). Not on capability, usage,
# strategy or hardware; not a competitor's primary document; not a copy another outlet republished.

AUTHORITATIVE = [
    "release",
    "availability",
    "license",
    "weights",
    "architecture",
    "size",
    "context-window",
    "lineage",
    "training",
]
NOT_AUTHORITATIVE = ["capability", "usage", "strategy", "hardware"]
ACME = ("acme-labs",)
JOINT = ("meta", "microsoft")
"""A model with several developers."""
ACME_CARD = source("acme-card", "acme-labs", "primary", "A")
"""The developer's model card, which another outlet republishes."""
SECONDARY = [
    cite(SUP, "a", "reuters", "news", "A"),
    cite(SUP, "b", "the-verge", "news", "B"),
    cite(SUP, "c", "wired", "analysis", "C"),
]
"""Three independent secondary sources that support: very high on their own."""


def own_row(ident, topic, developers, citations, s, c, evidence, agreement, ceiling, effect):
    return pytest.param(topic, developers, citations, (s, c, evidence, agreement, ceiling, effect), id=ident)


OWN_ROWS = [
    # Support: graded A, robust by itself, on every authoritative topic.
    *(
        own_row(
            f"own-A-supports-{t}",
            t,
            ACME,
            [cite(SUP, "card", "acme-labs", "primary", "A")],
            1,
            0,
            "robust",
            "high",
            "very high",
            "robust",
        )
        for t in AUTHORITATIVE
    ),
    # Graded B or C: as any primary source (evidence at least medium); D–F: as any source, not counted.
    own_row(
        "own-B-supports",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "B")],
        1,
        0,
        "medium",
        "high",
        "high",
        "primary",
    ),
    own_row(
        "own-C-supports",
        "weights",
        ACME,
        [cite(SUP, "rd", "acme-labs", "primary", "C")],
        1,
        0,
        "medium",
        "high",
        "high",
        "primary",
    ),
    own_row(
        "own-B-beside-one-secondary-is-robust-as-any-primary",
        "size",
        ACME,
        [cite(SUP, "card", "acme-labs", "primary", "B"), cite(SUP, "a", "reuters", "news", "A")],
        2,
        0,
        "robust",
        "high",
        "very high",
        "primary",
    ),
    own_row(
        "own-D-not-counted",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "D")],
        0,
        0,
        "limited",
        "medium",
        "low",
        None,
    ),
    own_row(
        "own-F-not-counted",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "F")],
        0,
        0,
        "limited",
        "medium",
        "low",
        None,
    ),
    own_row(
        "own-A-and-three-secondaries",
        "release",
        ACME,
        [cite(SUP, "card", "acme-labs", "primary", "A"), *SECONDARY],
        4,
        0,
        "robust",
        "high",
        "very high",
        "robust",
    ),
    # Not on self-praise and the other topics: an own document counts as any primary source.
    *(
        own_row(
            f"own-A-on-{t}-is-any-primary",
            t,
            ACME,
            [cite(SUP, "card", "acme-labs", "primary", "A")],
            1,
            0,
            "medium",
            "high",
            "high",
            None,
        )
        for t in NOT_AUTHORITATIVE
    ),
    # Whose document: a developer's, any of several; not a competitor's, nobody's, nor a republished copy.
    own_row(
        "another-publishers-primary",
        "license",
        ACME,
        [cite(SUP, "x", "rival-labs", "primary", "A")],
        1,
        0,
        "medium",
        "high",
        "high",
        None,
    ),
    own_row(
        "unknown-publishers-primary",
        "license",
        ACME,
        [cite(SUP, "x", None, "primary", "A")],
        1,
        0,
        "medium",
        "high",
        "high",
        None,
    ),
    own_row(
        "model-with-no-known-developer",
        "license",
        (),
        [cite(SUP, "card", "acme-labs", "primary", "A")],
        1,
        0,
        "medium",
        "high",
        "high",
        None,
    ),
    own_row(
        "own-news-is-not-a-primary-document",
        "license",
        ACME,
        [cite(SUP, "blog", "acme-labs", "news", "A")],
        1,
        0,
        "limited",
        "high",
        "medium",
        None,
    ),
    own_row(
        "several-developers-the-first",
        "weights",
        JOINT,
        [cite(SUP, "card", "meta", "primary", "A")],
        1,
        0,
        "robust",
        "high",
        "very high",
        "robust",
    ),
    own_row(
        "several-developers-the-second",
        "weights",
        JOINT,
        [cite(SUP, "card", "microsoft", "primary", "A")],
        1,
        0,
        "robust",
        "high",
        "very high",
        "robust",
    ),
    own_row(
        "republished-copy-of-own-document",
        "license",
        ACME,
        [cite(SUP, "yahoo-copy", "yahoo-news", "aggregator", "A", ACME_CARD)],
        1,
        0,
        "limited",
        "high",
        "medium",
        None,
    ),
    # predicts and mentions never count, from the developer or anyone.
    own_row(
        "own-predicts",
        "release",
        ACME,
        [cite(PRED, "card", "acme-labs", "primary", "A")],
        0,
        0,
        "limited",
        "medium",
        "low",
        None,
    ),
    own_row(
        "own-mentions",
        "release",
        ACME,
        [cite(MEN, "card", "acme-labs", "primary", "A")],
        0,
        0,
        "limited",
        "medium",
        "low",
        None,
    ),
    # Contradiction by an own document graded A–C: very low, whatever other sources support.
    own_row(
        "own-A-contradicts-three-secondaries",
        "license",
        ACME,
        [*SECONDARY, cite(CON, "lic", "acme-labs", "primary", "A")],
        3,
        1,
        "robust",
        "low",
        "very low",
        "contradicted",
    ),
    own_row(
        "own-C-contradicts-three-secondaries",
        "context-window",
        ACME,
        [*SECONDARY, cite(CON, "card", "acme-labs", "primary", "C")],
        3,
        1,
        "robust",
        "low",
        "very low",
        "contradicted",
    ),
    own_row(
        "one-of-several-developers-contradicts",
        "weights",
        JOINT,
        [*SECONDARY, cite(CON, "card", "microsoft", "primary", "B")],
        3,
        1,
        "robust",
        "low",
        "very low",
        "contradicted",
    ),
    own_row(
        "own-contradicts-alone",
        "release",
        ACME,
        [cite(CON, "card", "acme-labs", "primary", "A")],
        0,
        1,
        "limited",
        "low",
        "very low",
        "contradicted",
    ),
    own_row(
        "own-D-contradiction-is-any-contradiction",
        "license",
        ACME,
        [*SECONDARY, cite(CON, "lic", "acme-labs", "primary", "D")],
        3,
        1,
        "robust",
        "low",
        "medium",
        None,
    ),
    own_row(
        "own-contradiction-on-capability-is-any-contradiction",
        "capability",
        ACME,
        [*SECONDARY, cite(CON, "card", "acme-labs", "primary", "A")],
        3,
        1,
        "robust",
        "low",
        "medium",
        None,
    ),
    own_row(
        "competitors-primary-contradiction-is-any-contradiction",
        "license",
        ACME,
        [*SECONDARY, cite(CON, "x", "rival-labs", "primary", "A")],
        3,
        1,
        "robust",
        "low",
        "medium",
        None,
    ),
    own_row(
        "own-A-supports-secondary-contradicts",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "A"), cite(CON, "x", "pub-x", "news", "B")],
        1,
        1,
        "robust",
        "low",
        "medium",
        "robust",
    ),
    # The developer's own documents disagree: neither settles it, the ordinary rules apply.
    own_row(
        "own-documents-disagree",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "A"), cite(CON, "card", "acme-labs", "primary", "A")],
        1,
        1,
        "medium",
        "low",
        "low",
        "split",
    ),
    own_row(
        "own-documents-disagree-beside-three-secondaries",
        "license",
        ACME,
        [cite(SUP, "lic", "acme-labs", "primary", "B"), *SECONDARY, cite(CON, "card", "acme-labs", "primary", "A")],
        4,
        1,
        "robust",
        "low",
        "medium",
        "split",
    ),
    own_row(
        "several-developers-disagree",
        "weights",
        JOINT,
        [cite(SUP, "card", "meta", "primary", "A"), cite(CON, "readme", "microsoft", "primary", "B")],
        1,
        1,
        "medium",
        "low",
        "low",
        "split",
    ),
    own_row(
        "own-D-support-does-not-soften-own-contradiction",
        "release",
        ACME,
        [cite(SUP, "old", "acme-labs", "primary", "D"), cite(CON, "card", "acme-labs", "primary", "A")],
        0,
        1,
        "limited",
        "low",
        "very low",
        "contradicted",
    ),
    own_row(
        "own-D-contradiction-does-not-split-own-A-support",
        "release",
        ACME,
        [cite(SUP, "card", "acme-labs", "primary", "A"), cite(CON, "old", "acme-labs", "primary", "D")],
        1,
        1,
        "robust",
        "low",
        "medium",
        "robust",
    ),
]


@pytest.mark.parametrize("topic, developers, citations, expected", OWN_ROWS)
def test_assess_own_documents(topic, developers, citations, expected):
    a = assess(iter(citations), topic, developers)
    assert (a.supporting, a.contradicting, a.evidence, a.agreement, a.ceiling, a.own_effect) == expected


def test_the_methodologys_topics_are_the_rubrics():
    """Every topic is decided: authoritative for the developer's own documents, or not (with a reason)."""
    assert tuple(AUTHORITATIVE) == rubric.AUTHORITATIVE_TOPICS
    assert list(rubric.NOT_AUTHORITATIVE) == NOT_AUTHORITATIVE
    assert sorted(AUTHORITATIVE + NOT_AUTHORITATIVE) == sorted(rubric.TOPICS)


def test_own_documents_are_listed_whatever_their_stance_grade_or_topic():
    citations = [
        cite(MEN, "card", "acme-labs", "primary", "A"),
        cite(SUP, "old", "acme-labs", "primary", "E"),
        cite(SUP, "x", "rival-labs", "primary", "A"),
        cite(SUP, "blog", "acme-labs", "news", "A"),
    ]
    assert assess(citations, "capability", ACME).own_sources == ("card", "old")
    assert assess(citations, "capability", ()).own_sources == ()
