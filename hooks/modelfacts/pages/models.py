"""Model pages (with their schema.org ClaimReview data) and the index of models."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from .. import rubric
from ..html import Html, tag
from ..model import Claim, FactBase, Model
from ..urls import MODELS, claim_url, href, model_url, topic_anchor
from .claim import CitedSource, cited_sources, claim_html
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


def model_view(base: FactBase, model: Model, site_url: str = "") -> ModelView:
    return ModelView(
        model,
        base.names(model.developers),
        tuple(base.assess(c) for c in model.claims),
        cited_sources(base, model.claims),
        site_url,
        openness_card(base, model),
        moved_places(base, model),
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


def model_page(view: ModelView) -> Page:
    model = view.model
    url = model_url(model.id)
    sources = {s.id: s for s in view.sources}
    meta = [("Developers" if len(view.developers) > 1 else "Developer", developers_text(view.developers))]
    if model.family:
        meta.append(("Family", model.family))
    meta.append(("Modality", ", ".join(model.modality) or "not stated"))
    meta.append(("Also known as", ", ".join(model.aliases) or "—"))
    body = [
        tag("h1", model.name, id="_top"),
        meta_list(meta),
        tag("p", glance(list(model.claims)), class_="mf-glance"),
        card_html(view.openness, model.id),
    ]
    by_topic: dict[str, list[tuple[Claim, rubric.Assessment]]] = defaultdict(list)
    for claim, assessment in zip(model.claims, view.assessments, strict=True):
        by_topic[claim.topic].append((claim, assessment))
    for topic in rubric.TOPICS:
        if by_topic.get(topic):
            body.append(tag("h2", topic.replace("-", " ").capitalize(), id=topic_anchor(topic)))
            body.extend(claim_html(model.id, c, a, sources, url) for c, a in by_topic[topic])
    body.extend(moved_section(view))
    by = f"by {developers_text(view.developers)}" if view.developers else "(developer not known)"
    description = f"What the sources say about {model.name} {by}: {glance(list(model.claims))}."
    return Page.build(url, model.name, description, body, "model", claim_reviews(view))


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
    with several developers is listed under each."""
    groups: dict[str, list[Model]] = defaultdict(list)
    for model in base.models:
        for name in dict.fromkeys(base.names(model.developers)) or ("",):  # "": not known
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
            for m in sorted(groups[developer], key=lambda m: m.name.casefold())
        )
        title = developer or "Developer not known"
        body.append(tag("h2", title, id=f"_dev{i}"))
        body.append(table(("Model", "Claims", "Confidence mix", "Disputed"), rows, f"Models by {title}"))
    return Page.build(MODELS, "Models", f"All {len(base.models)} models in Model Facts.", body, "index")
