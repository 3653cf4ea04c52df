"""The vocabularies and the confidence rubric: the one place they are defined.

The checker enforces them, the schemas are generated from them, and the methodology page
prints them, so a change here changes all three at once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

CONFIDENCE_LEVELS: tuple[str, ...] = ("very low", "low", "medium", "high", "very high")
"""Lowest first, so the index is the rank."""

RATING_MEANING = (
    "A rating measures how well the stored evidence supports a claim, not how likely the claim is to be true: "
    "a true fact that only weak sources state is rated low. Where the developer's own documents state a fact they "
    "are authoritative on, such as the model's licence or release, the rating tracks the truth of that fact, "
    "because those documents settle it."
)
"""What a confidence rating means, said plainly on the home page and the methodology page."""

CONFIDENCE_MEANING = {
    "very high": "Several independent, reliable sources agree, or the developer's own document settles it, and "
    "nothing contradicts them.",
    "high": "Reliable, independent support with no credible contradiction.",
    "medium": "Supported by one reasonably reliable source, or by more with some doubt left.",
    "low": "Thin support: a weak or machine-generated source, or a reason to doubt it.",
    "very low": "Contradicted, implausible, or resting on a source that looks fabricated.",
}

STATUSES = {
    "current": "The claim stands as rated.",
    "disputed": "At least one cited source contradicts it; both sides are shown.",
    "superseded": "A later fact replaced it (say which in the status note).",
    "retracted": "The claim was withdrawn (say why in the status note).",
}

DATE_BASES = {
    "source": "A cited passage gives the date, or the claim is about the time of writing (now, as of) and the date is "
    "the cited source's publication date.",
    "curator": 'The curators computed or inferred the date (a year for an undated source, "within a year" counted '
    "from a dateline); no cited passage gives it.",
}
"""Where a claim's `date` comes from (`date_basis`); `source` when the field is absent."""

STANCES = {
    "supports": "The passage states the claim.",
    "contradicts": "The passage states, or clearly implies, the opposite.",
    "predicts": "The passage expects or announces it; never counts as support.",
    "mentions": "The passage refers to it without taking a position.",
}

TOPICS = {
    "release": "When and how a model was released or announced.",
    "availability": "How people can get it: API only, open weights, leaked, internal.",
    "license": "The terms it is offered under.",
    "weights": "Whether and where its weights are published.",
    "architecture": "How it is built (for example mixture of experts).",
    "size": "Parameter counts and model sizes.",
    "context-window": "How much input it takes at once.",
    "hardware": "What it needs to run.",
    "usage": "Adoption: downloads, users, deployments.",
    "lineage": "What it was built from or derived from.",
    "strategy": "The developer's stated or reported plans and posture.",
    "capability": "What it can do, as claimed by the sources.",
    "training": "How and on what it was trained.",
}

MODALITIES = ("text", "image", "audio", "video", "code", "speech")

SOURCE_KINDS = {
    "primary": "Published by the developer itself (paper, model card, announcement).",
    "news": "Reporting by a news outlet.",
    "analysis": "Commentary that reasons from reported facts.",
    "opinion": "An argument or column; facts in it are incidental.",
    "aggregator": "Repackages other outlets' reporting.",
    "ai-generated": "Says it was written by a machine; never counts as support.",
    "social": "A social-media post or forum thread.",
    "unknown": "Its nature cannot be told.",
}

RELIABILITY_GRADES = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
SUPPORTING_GRADES = frozenset("ABC")
"""Only sources graded A–C add to the evidence."""

EVIDENCE_LEVELS = ("limited", "medium", "robust")
AGREEMENT_LEVELS = ("low", "medium", "high")

CEILING: dict[tuple[str, str], str] = {
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
"""Evidence × agreement → the highest confidence allowed (after the IPCC's grid)."""

EVIDENCE_RULES = (
    "robust: S ≥ 3, or S ≥ 2 with a primary source",
    "medium: S = 2, or S = 1 and that source is primary",
    "limited: anything less",
)
AGREEMENT_RULES = (
    "high: C = 0 and S ≥ 1",
    "medium: C = 0 and S = 0",
    "low: C ≥ 1",
)
S_DEFINITION = (
    "S is the number of independent groups with a supports citation from a source graded A–C that is not "
    "AI-generated. Sources are grouped by who published them, as an identity, not a spelling: each source "
    "names its publisher by its id in the publishers registry, so all sources with one publisher id are one "
    "group; a syndicated copy (syndicated_from) is in the group of its original; and a source with no "
    "known publisher that is not a copy is a group of its own."
)
C_DEFINITION = "C is the number of independent groups, formed the same way, with a contradicts citation."
INDEPENDENCE_RULES = (
    "One document is one source: two records may not name the same file, nor byte-identical documents "
    "(the same SHA-256) of the same publisher or of no named publisher. Byte-identical documents of different "
    "publishers are allowed (a licence text in several developers' repositories); the publishers decide.",
    "The publishers registry (seeds/publishers.yaml) lists every publisher and developer once, with an id, "
    "a name and the other names it goes by. No two entries may share a name once case, white space, invisible "
    "characters, trailing punctuation and Cyrillic or Greek letters that look Latin are set aside, so a "
    "publisher cannot be counted twice under a name that only looks different.",
    "A copy that another outlet republished counts with its original (syndicated_from), and the original "
    "must be a source record that is not itself a copy.",
)
"""How the checker keeps the groups honest: printed on the methodology page with the definitions."""

OWN_DEFINITION = (
    "A claim's own documents are the primary sources (kind primary) whose publisher is one of its model's "
    "developers: the developer's licence, model card, README, paper or announcement. For a model with several "
    "developers, a primary document of any of them is its own. A primary document of another publisher (a "
    "competitor's, say) is not, nor is a copy another outlet republished: they count as any other source does."
)
OWN_AUTHORITY = (
    "On the topics marked below, an own document graded A–C is authoritative for what it states about its own "
    "release; on the others it counts as any primary source does. One graded D–F counts as any other source."
)
AUTHORITATIVE_TOPICS = (
    "release",
    "availability",
    "license",
    "weights",
    "architecture",
    "size",
    "context-window",
    "lineage",
    "training",
)
"""The topics on which an own document graded A–C has the last word about its own release."""
NOT_AUTHORITATIVE = {
    "capability": "self-praise: benchmarks, “state of the art”",
    "usage": "self-praise: its own adoption figures",
    "strategy": "intentions, not facts about the release",
    "hardware": "performance on equipment, which others measure",
}
"""The other topics, and why an own document is no authority on them (it counts as any primary source)."""
OWN_EFFECTS = {
    "robust": ("Supported by the developer's own document, graded A", "evidence robust by itself"),
    "primary": (
        "Supported by the developer's own document, graded B or C",
        "it counts as any primary source: evidence at least medium",
    ),
    "contradicted": (
        "Contradicted by the developer's own document, graded A–C",
        "ceiling very low, whatever other sources support",
    ),
    "split": (
        "The developer's own documents disagree: one supports, another contradicts",
        "neither settles it: the ordinary rules apply",
    ),
}
"""On an authoritative topic, what own documents graded A–C do (condition, effect); D–F ones count as any source."""
RULES_TEXT = (
    "The confidence may not exceed the ceiling.",
    "A claim with a contradicting citation needs status disputed (or superseded or retracted) and a rationale.",
    "A rating of low or very low needs a rationale.",
    "predicts citations never count as support.",
    "A claim dated after an article's publication may cite that article only with stance predicts.",
)


@dataclass(frozen=True)
class SourceFacts:
    """What the rubric needs to know about a cited source."""

    id: str
    publisher: str | None
    """The publisher's id in the registry, or None when unknown."""
    kind: str
    reliability: str
    original: SourceFacts | None = None
    """For a syndicated copy, the source it copies."""


@dataclass(frozen=True)
class Assessment:
    """The rubric's verdict on one claim's citations."""

    supporting: int  # S
    contradicting: int  # C
    evidence: str
    agreement: str
    ceiling: str
    supporting_sources: tuple[str, ...]
    weak_supporting_sources: tuple[str, ...]
    contradicting_sources: tuple[str, ...]
    predicting_sources: tuple[str, ...]
    own_sources: tuple[str, ...]
    """The cited documents that are the developer's own (OWN_DEFINITION), whatever their stance, grade or topic."""
    own_effect: str | None
    """The key in OWN_EFFECTS of what the developer's own documents did to the rating, if anything."""


def group(source: SourceFacts) -> str:
    """The independent group of a source (S_DEFINITION): its original's for a syndicated copy, else its
    publisher's id, else the source alone."""
    if source.original is not None:
        return group(source.original)
    return f"publisher:{source.publisher}" if source.publisher is not None else f"source:{source.id}"


def counts_as_support(source: SourceFacts) -> bool:
    return source.reliability in SUPPORTING_GRADES and source.kind != "ai-generated"


def is_own(source: SourceFacts, developers: Collection[str]) -> bool:
    """A document of the model's developer, or of one of them (OWN_DEFINITION)."""
    return source.kind == "primary" and source.publisher is not None and source.publisher in developers


def assess(
    citations: Iterable[tuple[str, SourceFacts]], topic: str | None = None, developers: Iterable[str] = ()
) -> Assessment:
    """Apply the rubric to (stance, source) pairs: those of a claim on `topic` about a model of `developers`
    (publisher ids; none, when its developer is not known)."""
    return _assess(tuple(citations), topic, tuple(developers))


@lru_cache(maxsize=65536)
def _assess(
    citations: tuple[tuple[str, SourceFacts], ...], topic: str | None, developers: tuple[str, ...]
) -> Assessment:
    """Most claims share a few citation patterns: each is worked out once."""
    support_groups: set[str] = set()
    contra_groups: set[str] = set()
    primary_support = False
    own_support: set[str] = set()  # the grades of authoritative own documents that support
    own_contradicts = False
    strong, weak, contra, predicts, own = [], [], [], [], []
    for stance, source in citations:
        if is_own(source, developers):
            own.append(source.id)
            if topic in AUTHORITATIVE_TOPICS and source.reliability in SUPPORTING_GRADES:
                if stance == "supports":
                    own_support.add(source.reliability)
                own_contradicts |= stance == "contradicts"
        if stance == "supports":
            if counts_as_support(source):
                support_groups.add(group(source))
                primary_support |= source.kind == "primary"
                strong.append(source.id)
            else:
                weak.append(source.id)
        elif stance == "contradicts":
            contra_groups.add(group(source))
            contra.append(source.id)
        elif stance == "predicts":
            predicts.append(source.id)
    s, c = len(support_groups), len(contra_groups)
    if own_contradicts:  # what the authoritative own documents do: a key of OWN_EFFECTS, or None
        effect: str | None = "split" if own_support else "contradicted"
    else:
        effect = ("robust" if "A" in own_support else "primary") if own_support else None
    if s >= 3 or (s >= 2 and primary_support) or effect == "robust":
        evidence = "robust"
    elif s == 2 or (s == 1 and primary_support):
        evidence = "medium"
    else:
        evidence = "limited"
    agreement = "low" if c else ("high" if s else "medium")
    return Assessment(
        supporting=s,
        contradicting=c,
        evidence=evidence,
        agreement=agreement,
        ceiling="very low" if effect == "contradicted" else CEILING[(evidence, agreement)],
        supporting_sources=_unique(strong),
        weak_supporting_sources=_unique(weak),
        contradicting_sources=_unique(contra),
        predicting_sources=_unique(predicts),
        own_sources=_unique(own),
        own_effect=effect,
    )


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def rank(level: str) -> int:
    return CONFIDENCE_LEVELS.index(level)


def exceeds(confidence: str, ceiling: str) -> bool:
    return rank(confidence) > rank(ceiling)
