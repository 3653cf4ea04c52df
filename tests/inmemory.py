"""A small fact base built in memory (no files, no checker), for fast tests of what is rendered.

Mirrors conftest's project: two sources, and Widget-1 with a dated claim and a disputed one."""

from __future__ import annotations

from conftest import ARTICLE, OTHER_ARTICLE

from modelfacts.model import (
    Citation,
    Claim,
    FactBase,
    Licence,
    LicenceTable,
    Model,
    Moved,
    Origin,
    Provenance,
    Publisher,
    Registry,
    Source,
)

NOWHERE = Origin(None)  # type: ignore[arg-type]  # rendering never reads where a record came from


def source(ident: str, text: str | None = ARTICLE, **over) -> Source:
    fields = {
        "id": ident,
        "file": f"{ident}.txt",
        "sha256": "0" * 64,
        "title": f"Article {ident}",
        "publisher": f"publisher-of-{ident}",
        "authors": ("A. Writer",),
        "published": "2025-03-04",
        "url": None,
        "kind": "news",
        "document": "article",
        "reliability": "C",
        "reliability_note": "A named outlet with a byline.",
        "origin": NOWHERE,
        "text": text,
    }
    return Source(**{**fields, **over})


def primary_document(ident: str, commit_date: str = "2025-03-04T10:00:00+01:00", **over) -> Source:
    """A model card copied from the developer's repository, with its provenance; its text is ARTICLE's."""
    origin = Provenance("acme/widget", "docs/MODEL_CARD.md", "main", "a" * 40, commit_date, "b" * 40)
    fields = {
        "title": "[Widget-1 model card]",
        "publisher": "acme-labs",
        "authors": (),
        "published": commit_date[:10],
        "url": f"https://github.com/acme/widget/blob/{'a' * 40}/docs/MODEL_CARD.md",
        "kind": "primary",
        "document": "model-card",
        "reliability": "A",
        "provenance": origin,
        "file": f"primary/{ident}.md",
    }
    return source(ident, **{**fields, **over})


def cite(source: str, stance: str, quote: str) -> Citation:
    return Citation(source, stance, quote, NOWHERE)


def moved(id: str, to: str) -> Moved:
    """A moved claim as a fact file writes it: its old id, `to: <model-id>#<claim-id>`."""
    model_id, _, claim_id = to.partition("#")
    return Moved(id, model_id, claim_id, NOWHERE)


def claim(ident: str, statement: str, *citations: Citation, **over) -> Claim:
    fields = {
        "id": ident,
        "statement": statement,
        "topic": "release",
        "confidence": "medium",
        "status": "current",
        "citations": citations,
        "origin": NOWHERE,
    }
    return Claim(**{**fields, **over})


RELEASED = claim(
    "released",
    "Widget-1 was released on 3 March 2025.",
    cite("acme-news", "supports", "Acme Labs released Widget-1 on March 3, 2025."),
    date="2025-03-03",
)
OPEN_WEIGHTS = claim(
    "open-weights",
    "Widget-1's weights are openly available.",
    cite("acme-news", "supports", "The weights of Widget-1 are available under the Apache 2.0 licence"),
    cite("rival-news", "contradicts", "Widget-1 weights remain closed and API-only"),
    topic="weights",
    confidence="very low",
    status="disputed",
    rationale="One outlet says open, another says closed.",
)


def model(ident: str = "widget-1", claims: tuple[Claim, ...] = (RELEASED, OPEN_WEIGHTS), **over) -> Model:
    fields = {
        "id": ident,
        "name": "Widget-1",
        "developers": ("acme-labs",),
        "family": "Widget",
        "modality": ("text",),
        "aliases": ("W1",),
        "claims": claims,
        "origin": NOWHERE,
    }
    return Model(**{**fields, **over})


def two_sources() -> list[Source]:
    return [source("acme-news"), source("rival-news", OTHER_ARTICLE, publisher="rival-times")]


def registry(*entries: tuple[str, str]) -> Registry:
    return Registry(tuple(Publisher(ident, name, (), NOWHERE) for ident, name in entries), NOWHERE)


REGISTRY = registry(
    ("acme-labs", "Acme Labs"),
    ("publisher-of-acme-news", "Publisher of acme-news"),
    ("publisher-of-rival-news", "Publisher of rival-news"),
    ("rival-times", "Rival Times"),
)
"""The publishers the in-memory records name, by the names pages show."""


def licence(ident: str, name: str, licence_class: str, **over) -> Licence:
    """An entry of the licence table; its reason says its class."""
    fields = {"reason": f"Classed {licence_class}.", "terms": (), "origin": NOWHERE}
    return Licence(ident, name, licence_class, **{**fields, **over})


def base(
    *models: Model,
    sources: list[Source] | None = None,
    publishers: Registry = REGISTRY,
    licences: tuple[Licence, ...] = (),
) -> FactBase:
    found = two_sources() if sources is None else sources
    table = LicenceTable(licences, NOWHERE)
    return FactBase(
        list(models) if models else [model()], {s.id: s for s in found}, registry=publishers, licences=table
    )
