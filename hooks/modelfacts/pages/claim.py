"""The claim block: statement, rating, evidence and citations, on model pages and the disputed page."""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .. import openness, rubric
from ..html import Html, join, tag
from ..model import Citation, Claim, FactBase
from ..urls import cite_anchor, disputed_anchor, href, model_url, passage_url, reference_anchor, source_url
from .parts import meter, plural, status_label


@dataclass(frozen=True, slots=True)
class CitedSource:
    """What a claim block (and its JSON-LD) shows of a cited source. A model page's view holds
    these rather than the sources, so a change to anything else about a source leaves it be."""

    id: str
    title: str
    publisher: str | None
    """The publisher's name, from the registry."""
    published: str | None
    url: str | None
    reliability: str
    ai_generated: bool
    counted: bool
    """Whether the rubric counts its support (rubric.counts_as_support)."""
    copied: bool = False
    """A document copied from its publisher's repository: its date is the evidence date (the commit's day)."""


def cited_sources(base: FactBase, claims: Iterable[Claim]) -> tuple[CitedSource, ...]:
    """The known sources these claims cite, by id (an unknown one only reaches a page under
    `mkdocs serve`, beside the checker's banner)."""
    ids = {c.source for claim in claims for c in claim.citations if c.source in base.sources}
    return tuple(
        CitedSource(
            s.id,
            s.title,
            base.publisher_name(s),
            s.as_of,
            s.url,
            s.reliability,
            s.kind == "ai-generated",
            rubric.counts_as_support(base.facts(s)),
            s.provenance is not None,
        )
        for s in (base.sources[i] for i in sorted(ids))
    )


def weak(source: CitedSource) -> bool:
    """A source whose support the rubric does not count: pages set it apart."""
    return not source.counted


def source_qualifier(source: CitedSource) -> str:
    """'machine-generated' or 'grade E': why a source's support is not counted."""
    return "machine-generated" if source.ai_generated else f"grade {source.reliability}"


def _verb(n: int, one: str, many: str) -> str:
    return one if n == 1 else many


def evidence_line(a: rubric.Assessment, sources: Mapping[str, CitedSource]) -> str:
    """The rubric's reasoning in plain words: 'Supported by 1 source, machine-generated, not counted.
    Evidence limited, agreement medium → at most low.', with what the developer's own documents did in
    between (rubric.OWN_EFFECTS)."""
    parts = []
    if a.supporting_sources:
        parts.append(f"Supported by {plural(a.supporting, 'independent source')}")
    weak_support = [sources[s] for s in a.weak_supporting_sources if s in sources]
    if weak_support:
        why = ", ".join(sorted({source_qualifier(s) for s in weak_support}))
        lead = "also by" if parts else "Supported by"
        parts.append(f"{lead} {plural(len(weak_support), 'source')}, {why}, not counted")
    if a.contradicting_sources:
        lead = "contradicted by" if parts else "Contradicted by"
        parts.append(f"{lead} {plural(len(a.contradicting_sources), 'source')}")
    if a.predicting_sources:
        n = len(a.predicting_sources)
        parts.append(f"{plural(n, 'source')} {_verb(n, 'predicts', 'predict')} it, not counted")
    if not parts:
        parts.append("No source takes a position")
    own = f" {' → '.join(rubric.OWN_EFFECTS[a.own_effect])}." if a.own_effect else ""
    return f"{'; '.join(parts)}.{own} Evidence {a.evidence}, agreement {a.agreement} → at most {a.ceiling}."


OWN_DOCUMENT = "Developer's own document"
"""The facts-line label of a claim that a document of the model's developer supports (one that merely mentions
or contradicts it does not earn the label: its citation line says whose it is)."""
CURATOR_DATE = "date supplied by curators"
"""What pages say beside a date that no cited passage gives (`date_basis: curator`)."""
UNCHECKED = "Unchecked context"
UNCHECKED_NOTE = "what the curators know but no stored document says; not evidence, not counted in the rating"


def date_basis_mark(basis: str) -> Html:
    """' (date supplied by curators)' beside a date the curators supplied; nothing beside a source's."""
    if basis != "curator":
        return Html("")
    return join([" ", tag("span", f"({CURATOR_DATE})", class_="mf-date-basis", title=rubric.DATE_BASES[basis])])


def unchecked_html(text: str) -> Html:
    """Curators' context, set apart under its own label so that no reader takes it for evidence."""
    label = tag("strong", UNCHECKED, class_="mf-unchecked-label")
    return tag("aside", tag("p", label, f" ({UNCHECKED_NOTE}): ", text), class_="mf-unchecked")


@cache  # a few labels on every citation of every page
def _grade(reliability: str) -> Html:
    return tag("span", "grade " + reliability, class_="mf-grade", title=rubric.RELIABILITY_GRADES[reliability])


@cache
def _stance(stance: str) -> Html:
    return tag("span", stance.capitalize(), class_=f"mf-stance mf-stance--{stance}")


def source_line(source: CitedSource, from_url: str, anchor: str, own: bool) -> Html:
    """Title (linked to the quote on the source page) · publisher · date · grade, and whose document it is.
    A copied document's date is its evidence date, "as of" the commit that last changed it."""
    return join(
        [
            tag("a", source.title, href=href(from_url, source_url(source.id), anchor)),
            f" · {source.publisher or 'publisher unknown'} · ",
            f"as of {source.published}" if source.copied and source.published else source.published or "undated",
            " · ",
            _grade(source.reliability),
            " · AI-generated" if source.ai_generated else "",
            " · the developer's own document" if own else "",
        ]
    )


def reference_line(source: CitedSource, number: int, quote: str, from_url: str, anchor: str, own: bool) -> Html:
    """'[2] · machine-generated · the passage in the stored copy · in the original': the source named by its number
    in the page's reference list, what sets it apart, and where to read the passage."""
    parts: list[str] = [
        tag("a", f"[{number}]", href=f"#{reference_anchor(number)}", class_="mf-ref", title=source.title),
    ]
    if weak(source):
        parts.append(tag("span", source_qualifier(source), class_="mf-weak-label"))
    if own:
        parts.append("the developer's own document")
    parts.append(tag("a", "passage in the stored copy", href=href(from_url, source_url(source.id), anchor)))
    if source.copied and source.url:
        parts.append(tag("a", "in the original", href=passage_url(source.url, quote), class_="mf-original"))
    return join(parts, " · ")


def citation_html(
    model_id: str,
    claim: Claim,
    index: int,
    cit: Citation,
    sources: Mapping[str, CitedSource],
    from_url: str,
    own: Container[str],
    refs: Mapping[str, int] | None = None,
) -> Html:
    """One citation: stance, quote, and its source: by number in the page's reference list (`refs`: source id →
    number) or, without one, by its source line. `own` holds the ids of the developer's own documents."""
    source = sources.get(cit.source)
    anchor = cite_anchor(model_id, claim.id, index)
    if source is None:
        line = join(["unknown source ", tag("code", cit.source)])
    elif refs is not None and cit.source in refs:
        line = reference_line(source, refs[cit.source], cit.quote, from_url, anchor, cit.source in own)
    else:
        line = source_line(source, from_url, anchor, cit.source in own)
    return tag(
        "li",
        _stance(cit.stance),
        tag("blockquote", cit.quote, class_="mf-quote"),
        tag("p", "— ", line, class_="mf-source"),
        class_=f"mf-cite mf-cite--{cit.stance}" + (" mf-cite--weak" if source and weak(source) else ""),
    )


def references_html(sources: Iterable[CitedSource], from_url: str) -> Html:
    """The page's numbered reference list, in the order `sources` are given (numbered from 1): each source once,
    with its title (linked to its page), publisher, grade, date and original address; sources whose support is
    not counted are set apart by a label and a dashed border. Out of the search index, as source lines are."""
    items = []
    for number, source in enumerate(sources, 1):
        parts: list[str] = [
            tag("a", source.title, href=href(from_url, source_url(source.id))),
            source.publisher or "publisher unknown",
            _grade(source.reliability),
            f"as of {source.published}" if source.copied and source.published else source.published or "undated",
        ]
        if source.ai_generated:
            parts.append(tag("span", "machine-generated", class_="mf-weak-label"))
        if source.url:
            parts.append(tag("a", "original", href=source.url, class_="mf-original"))
        items.append(
            tag(
                "li",
                join(parts, " · "),
                id=reference_anchor(number),
                class_="mf-reference" + (" mf-reference--weak" if weak(source) else ""),
            )
        )
    return tag("ol", *items, class_="mf-references")


NOT_REVIEWED = "Not reviewed yet"


def reviewed_html(reviewed: str | None) -> Html:
    """When curators last checked the claim against its documents (Claim.reviewed), or that they have not."""
    return tag("span", f"Last reviewed {reviewed}" if reviewed else NOT_REVIEWED, class_="mf-reviewed")


def asserts_html(claim: Claim) -> Html:
    """'Asserts: weights open · licence Apache-2.0': what the claim tells the openness verdicts."""
    said = " · ".join(f"{openness.BY_ID[d].name.lower()} {v}" for d, v in claim.openness)
    return tag("span", "Asserts: " + said, class_="mf-asserts", title="What this claim tells the openness verdicts")


def claim_html(
    model_id: str,
    claim: Claim,
    assessment: rubric.Assessment,
    sources: Mapping[str, CitedSource],
    from_url: str,
    *,
    link_model: bool = False,
    refs: Mapping[str, int] | None = None,
    report: str | None = None,
) -> Html:
    """One claim: statement, rating, status, evidence, citations (both sides when disputed), why.
    With `refs` (source id → number) the citations name their sources by the page's reference list.
    With `link_model` (a page of many models' claims) its anchor names the model too, and its
    permalink leads to the claim on its model page. With `report` (the wrong-claim form's address) it ends with a
    link to it."""
    if link_model:
        anchor, link, link_title = (
            disputed_anchor(model_id, claim.id),
            href(from_url, model_url(model_id), claim.id),
            "This claim on its model page",
        )
    else:
        anchor, link, link_title = claim.id, f"#{claim.id}", "Permanent link to this claim"
    facts = [
        meter(claim.confidence),
        status_label(claim.status),
        tag("span", "Topic: " + claim.topic, class_="mf-topic"),
    ]
    if claim.date:
        facts.append(tag("span", "Date: " + claim.date, date_basis_mark(claim.date_basis), class_="mf-date"))
    if claim.openness:
        facts.append(asserts_html(claim))
    if any(c.stance == "supports" and c.source in assessment.own_sources for c in claim.citations):
        facts.append(tag("span", OWN_DOCUMENT, class_="mf-own", title=rubric.OWN_DEFINITION))
    facts.append(reviewed_html(claim.reviewed))
    parts = [
        tag("h3", claim.statement, " ", tag("a", "¶", class_="headerlink", href=link, title=link_title), id=anchor),
        tag("p", join((f for f in facts if f), " "), class_="mf-facts"),
        tag("p", evidence_line(assessment, sources), class_="mf-evidence"),
    ]
    indexed = list(enumerate(claim.citations))

    def citations(stances: Container[str]) -> Html:
        items = (
            citation_html(model_id, claim, i, c, sources, from_url, assessment.own_sources, refs)
            for i, c in indexed
            if c.stance in stances
        )
        return tag("ul", *items, class_="mf-citations")

    if any(c.stance == "contradicts" for c in claim.citations):
        sides = (
            tag("div", tag("h4", label), citations(stances), class_="mf-side")
            for label, stances in (("For", ("supports", "predicts", "mentions")), ("Against", ("contradicts",)))
        )
        parts.append(tag("div", *sides, class_="mf-sides"))
    else:
        parts.append(citations(rubric.STANCES))  # every stance: the schema allows no other
    for label, text, cls in (
        ("Status note:", claim.status_note, "mf-status-note"),
        ("Why this rating:", claim.rationale, "mf-rationale"),
        ("Notes:", claim.notes, "mf-notes"),
    ):
        if text:
            parts.append(tag("p", tag("strong", label), " ", text, class_=cls))
    if claim.unchecked_context:
        parts.append(unchecked_html(claim.unchecked_context))
    if report:
        parts.append(
            tag(
                "p",
                tag("a", "Report a problem with this claim", href=report, rel="nofollow noopener"),
                class_="mf-report",
            )
        )
    return tag("section", *parts, class_=f"mf-claim mf-claim--{claim.status}")
