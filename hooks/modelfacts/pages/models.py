"""Model pages (with their schema.org ClaimReview data) and the index of models."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from .. import repository, rubric
from ..html import Html, esc, join, tag
from ..model import Claim, FactBase, Model, by_name
from ..urls import MODELS, OPENNESS, SECTION_ANCHORS, claim_url, filter_query, href, model_url
from .claim import CitedSource, cited_sources, claim_html, references_html
from .openness import Card, card_html, openness_card
from .page import Page
from .parts import meta_list, mix_text, plural, table

SITE_NAME = "Model Facts"


@dataclass(frozen=True, slots=True)
class ModelView:
    """Everything a model page shows, so also the key under which it is kept between renders."""

    model: Model
    developers: tuple[str, ...]
    """The developers' names (from the publishers registry), in the model's order."""
    assessments: tuple[rubric.Assessment, ...]
    """The rubric's verdict on each claim, in order."""
    sources: tuple[CitedSource, ...]
    site_url: str
    """The site's address, for absolute URLs in the JSON-LD ('' when unknown)."""
    openness: Card
    """The openness card: the model's verdicts (with the licence table's names) and framework results."""
    moved_to: tuple[str, ...] = ()
    """What each moved claim's new place is called ('Model name: statement'), in the order of `model.moved`."""
    repo_url: str = ""
    """The repository's address, for each claim's link to the wrong-claim form ('' shows none)."""
    family_size: int = 0
    """How many models its family has, itself included: the family links to the matrix only when it has others."""


def model_view(base: FactBase, model: Model, site_url: str = "", repo_url: str = "") -> ModelView:
    return ModelView(
        model,
        base.names(model.developers),
        tuple(base.assess(c) for c in model.claims),
        cited_sources(base, model.claims),
        site_url,
        openness_card(base, model),
        moved_places(base, model),
        repo_url,
        base.family_sizes[model.family] if model.family else 0,
    )


def moved_places(base: FactBase, model: Model) -> tuple[str, ...]:
    """The names of the places this model's claims moved to; the new anchor itself when it is missing."""
    if not model.moved:
        return ()
    models = {m.id: m for m in base.models}
    places = []
    for moved in model.moved:
        target = models.get(moved.model)
        claim = next((c for c in target.claims if c.id == moved.claim), None) if target else None
        places.append(f"{target.name}: {claim.statement}" if target and claim else f"{moved.model}#{moved.claim}")
    return tuple(places)


def moved_section(view: ModelView) -> list[Html]:
    """The old anchors of claims that moved: each keeps its id and links to the claim's new place."""
    if not view.model.moved:
        return []
    url = model_url(view.model.id)
    items = (
        tag(
            "li",
            tag("code", moved.id),
            " moved to ",
            tag("a", place, href=href(url, model_url(moved.model), moved.claim)),
            id=moved.id,
        )
        for moved, place in zip(view.model.moved, view.moved_to, strict=True)
    )
    return [
        tag("h2", "Moved claims", id="_moved"),
        tag("p", "These claims now live elsewhere; links to their old addresses lead here."),
        tag("ul", *items, class_="mf-moved"),
    ]


UNKNOWN_DEVELOPER = "Not known"
"""What pages say for a model whose developer is not known (`developers: []`)."""


def developers_text(names: tuple[str, ...]) -> str:
    """'Google', 'Meta, Microsoft', or UNKNOWN_DEVELOPER."""
    return ", ".join(names) or UNKNOWN_DEVELOPER


def glance(claims: list[Claim]) -> str:
    """'3 claims: 2 high · 1 low · 1 disputed'."""
    disputed = sum(c.status == "disputed" for c in claims)
    text = plural(len(claims), "claim")
    if claims:
        text += ": " + mix_text(claims)
    if disputed:
        text += f" · {disputed} disputed"
    return text


RELIABLE_LEVELS = ("high", "very high")


def section_of(claim: Claim) -> str:
    """Which section of its model page a claim stands in (urls.SECTION_ANCHORS): a disputed or very-low claim is
    doubtful whatever else it is; a current high or very-high one is to be relied on; the rest are in between."""
    if claim.status == "disputed" or claim.confidence == rubric.CONFIDENCE_LEVELS[0]:
        return "doubtful"
    return "reliable" if claim.confidence in RELIABLE_LEVELS and claim.status == "current" else "other"


SECTIONS = {
    "reliable": ("Claims you can rely on", f"Rated {' or '.join(RELIABLE_LEVELS)}."),
    "other": ("Other claims", "Rated medium or low, or no longer current: read the evidence before relying on them."),
}
"""The title and lead of the open sections, in page order."""
DOUBTFUL_TITLE = "Doubtful claims"


def doubtful_lead(n: int) -> Html:
    """Why the doubtful claims are on the page at all, and what puts a claim there (rubric's own words)."""
    very_low = rubric.CONFIDENCE_LEVELS[0]
    return join(
        [
            tag(
                "p",
                f"{plural(n, 'claim')} rated {very_low} or disputed, kept so that you can see what is said "
                "and why it is doubted; do not take them as facts.",
            ),
            tag(
                "ul",
                tag("li", tag("strong", very_low.capitalize() + ":"), " ", rubric.CONFIDENCE_MEANING[very_low]),
                tag("li", tag("strong", "Disputed:"), " ", rubric.STATUSES["disputed"]),
            ),
        ]
    )


def reviewed_text(claims: list[Claim]) -> str:
    """'2 of 15 claims reviewed, latest 2026-12-01', or that none is."""
    dates = [c.reviewed for c in claims if c.reviewed]
    if not dates:
        return "No claim reviewed yet"
    return f"{len(dates)} of {plural(len(claims), 'claim')} reviewed, latest {max(dates)}"


def aliases_html(model: Model) -> Html:
    """The aliases; one that only doubtful claims name is marked so, linked to the first of them."""
    parts: list[str] = []
    for alias in model.aliases:
        naming = [c for c in model.claims if alias_named(alias, c.statement)]
        if naming and all(section_of(c) == "doubtful" for c in naming):
            link = tag("a", "see claim", href=f"#{naming[0].id}")
            parts.append(join([alias, " ", tag("span", "(doubtful: ", link, ")", class_="mf-doubtful-mark")]))
        else:
            parts.append(alias)
    return join(parts, ", ")


def alias_named(alias: str, text: str) -> bool:
    """Whether `text` names `alias` as a whole word ('Gemini 3' is named in 'Gemini 3.0', not in 'Gemini 30')."""
    return re.search(rf"(?<!\w){re.escape(alias)}(?!\w)", text, re.IGNORECASE) is not None


def family_html(family: str, size: int, from_url: str) -> Html:
    """The family's name; with others in it, a link to the matrix filtered to the family."""
    if size < 2:
        return esc(family)
    compare = tag(
        "a", f"compare all {size} {family} models", href=href(from_url, OPENNESS) + filter_query(family=family)
    )
    return join([family, " (", compare, ")"])


def model_page(view: ModelView) -> Page:
    model = view.model
    url = model_url(model.id)
    sources = {s.id: s for s in view.sources}
    meta: list[tuple[str, str]] = [
        ("Developers" if len(view.developers) > 1 else "Developer", developers_text(view.developers))
    ]
    if model.family:
        meta.append(("Family", family_html(model.family, view.family_size, url)))
    meta.append(("Modality", ", ".join(model.modality) or "not stated"))
    if model.aliases:  # no row at all rather than "Also known as —"
        meta.append(("Also known as", aliases_html(model)))
    claims = list(model.claims)
    body = [
        tag("h1", model.name, id="_top"),
        meta_list(meta),
        tag("p", glance(claims), class_="mf-glance"),
        tag("p", reviewed_text(claims), class_="mf-reviewed-count"),
        card_html(view.openness, model.id),
    ]
    topics = list(rubric.TOPICS)
    ordered: dict[str, list[tuple[Claim, rubric.Assessment]]] = defaultdict(list)
    for claim, assessment in sorted(
        zip(model.claims, view.assessments, strict=True), key=lambda pair: topics.index(pair[0].topic)
    ):
        ordered[section_of(claim)].append((claim, assessment))
    # Sources are numbered in the order a reader meets them.
    refs: dict[str, int] = {}
    for section in (*SECTIONS, "doubtful"):
        for claim, _ in ordered[section]:
            for cit in claim.citations:
                if cit.source in sources:
                    refs.setdefault(cit.source, len(refs) + 1)

    def blocks(section: str) -> list[Html]:
        return [
            claim_html(model.id, c, a, sources, url, refs=refs, report=report(view, c)) for c, a in ordered[section]
        ]

    for section, (title, lead) in SECTIONS.items():
        if ordered[section]:
            body += [
                tag("h2", title, id=SECTION_ANCHORS[section]),
                tag("p", lead, class_="mf-lead"),
                *blocks(section),
            ]
    if ordered["doubtful"]:
        n = len(ordered["doubtful"])
        body += [
            tag("h2", DOUBTFUL_TITLE, id=SECTION_ANCHORS["doubtful"]),
            tag(
                "details",
                tag("summary", f"Show the {plural(n, 'doubtful claim')}"),
                tag("div", doubtful_lead(n), class_="mf-lead"),
                *blocks("doubtful"),
                class_="mf-doubtful",
            ),
        ]
    body.extend(moved_section(view))
    if refs:
        body += [
            tag("h2", "References", id=SECTION_ANCHORS["references"]),
            references_html((sources[i] for i in refs), url),
        ]
    by = f"by {developers_text(view.developers)}" if view.developers else "(developer not known)"
    description = f"What the sources say about {model.name} {by}: {glance(claims)}."
    return Page.build(url, model.name, description, body, "model", claim_reviews(view))


def report(view: ModelView, claim: Claim) -> str | None:
    """The wrong-claim form filled in with the claim's address, when the repository is known."""
    if not view.repo_url:
        return None
    return repository.report_url(view.repo_url, claim_url(view.model.id, claim.id, view.site_url))


def claim_reviews(view: ModelView) -> dict:
    """One schema.org ClaimReview per claim: the rating with its words, the articles as appearances, and as
    `datePublished` the day curators last reviewed the claim against its documents (left out when never).
    Its url is absolute when the site's address is known (search engines want one)."""
    sources = {s.id: s for s in view.sources}
    reviews = []
    for claim in view.model.claims:
        appearances = []
        for source in dict.fromkeys(sources[c.source] for c in claim.citations if c.source in sources):
            work: dict = {"@type": "CreativeWork", "headline": source.title}
            if source.url:
                work["url"] = source.url
            if source.published:
                work["datePublished"] = source.published
            if source.publisher:
                work["publisher"] = {"@type": "Organization", "name": source.publisher}
            appearances.append(work)
        reviews.append(
            {
                "@type": "ClaimReview",
                "url": claim_url(view.model.id, claim.id, view.site_url) if view.site_url else f"#{claim.id}",
                "claimReviewed": claim.statement,
                "author": {"@type": "Organization", "name": SITE_NAME},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": rubric.rank(claim.confidence) + 1,
                    "worstRating": 1,
                    "bestRating": len(rubric.CONFIDENCE_LEVELS),
                    "alternateName": f"Confidence: {claim.confidence}"
                    + ("" if claim.status == "current" else f" ({claim.status})"),
                },
                "itemReviewed": {"@type": "Claim", "appearance": appearances},
                **({"datePublished": claim.reviewed} if claim.reviewed else {}),
            }
        )
    return {"@context": "https://schema.org", "@graph": reviews}


def models_index(base: FactBase) -> Page:
    """Models grouped by developer name, groups in alphabetical order and the not-known last; a model
    with several developers is listed under each. A developer of several models links to the matrix
    filtered to them: how open are this developer's models?"""
    groups: dict[str, list[Model]] = defaultdict(list)
    ids: dict[str, str] = {}
    for model in base.models:
        named = dict(zip(base.names(model.developers), model.developers, strict=True))  # name → publisher id
        ids.update(named)
        for name in named or ("",):  # "": not known
            groups[name].append(model)
    body = [
        tag("h1", "Models", id="_top"),
        tag("p", f"{plural(len(base.models), 'model')} from {plural(len(groups), 'developer')}, grouped by developer."),
    ]
    order = sorted(groups, key=lambda name: (not name, name.casefold()))
    for i, developer in enumerate(order):
        rows = (
            tag(
                "tr",
                tag("td", tag("a", m.name, href=href(MODELS, model_url(m.id)))),
                tag("td", str(len(m.claims))),
                tag("td", mix_text(m.claims)),
                tag("td", str(sum(c.status == "disputed" for c in m.claims))),
            )
            for m in sorted(groups[developer], key=by_name)
        )
        title = developer or "Developer not known"
        body.append(tag("h2", title, id=f"_dev{i}"))
        if developer and len(groups[developer]) > 1:
            compare = href(MODELS, OPENNESS) + filter_query(developer=ids[developer])
            text = f"Compare the {len(groups[developer])} models by {developer} in the openness matrix"
            body.append(tag("p", tag("a", text, href=compare), class_="mf-compare"))
        body.append(table(("Model", "Claims", "Confidence mix", "Disputed"), rows, f"Models by {title}"))
    return Page.build(MODELS, "Models", f"All {len(base.models)} models in Model Facts.", body, "index")
