"""Pages that list claims across models (disputed claims, the timeline) and the data files."""

from __future__ import annotations

from collections.abc import Iterable

from ..html import tag
from ..model import FactBase
from ..urls import DISPUTED, DOWNLOADS, TIMELINE, href, model_url
from .claim import CURATOR_DATE, cited_sources, claim_html, date_basis_mark
from .page import Page
from .parts import badge, plural, status_label, table


def disputed_page(base: FactBase) -> Page:
    disputed = [(m, c) for m, c in base.claims if any(x.stance == "contradicts" for x in c.citations)]
    sources = {s.id: s for s in cited_sources(base, (c for _, c in disputed))}
    body = [
        tag("h1", "Disputed claims", id="_top"),
        tag(
            "p",
            f"{plural(len(disputed), 'claim')} where at least one source contradicts another; both sides are shown.",
        ),
    ]
    for model, claim in disputed:
        body.append(tag("p", tag("a", model.name, href=href(DISPUTED, model_url(model.id))), class_="mf-model-name"))
        body.append(claim_html(model.id, claim, base.assess(claim), sources, DISPUTED, link_model=True))
    description = f"{len(disputed)} claims the sources disagree on."
    return Page.build(DISPUTED, "Disputed claims", description, body, "disputed")


def timeline_page(base: FactBase) -> Page:
    dated = sorted(((c.date, m.name.casefold(), m, c) for m, c in base.claims if c.date), key=lambda x: x[:2])
    rows = (
        tag(
            "tr",
            tag("td", date, date_basis_mark(c.date_basis)),
            tag("td", tag("a", m.name, href=href(TIMELINE, model_url(m.id)))),
            tag("td", tag("a", c.statement, href=href(TIMELINE, model_url(m.id), c.id))),
            tag("td", badge(c.confidence), " ", status_label(c.status)),
        )
        for date, _, m, c in dated
    )
    body = [
        tag("h1", "Timeline", id="_top"),
        tag(
            "p",
            f"{plural(len(dated), 'dated claim')}, oldest first. A date is when the claimed fact holds or happened, "
            f"as a cited passage says; one marked ({CURATOR_DATE}) is not given by any cited passage.",
        ),
        table(("Date", "Model", "Claim", "Rating"), rows, "Dated claims"),
    ]
    description = f"{len(dated)} dated claims about AI models in date order."
    return Page.build(TIMELINE, "Timeline", description, body, "timeline")


def downloads_page(base: FactBase, data_files: Iterable[tuple[str, str]]) -> Page:
    """The data files (path, what it holds) as links."""
    items = (tag("li", tag("a", path, href=href(DOWNLOADS, path)), f" — {what}") for path, what in data_files)
    body = [
        tag("h1", "Downloads", id="_top"),
        tag(
            "p",
            f"The whole fact base, {plural(len(base.claims), 'claim')} from {plural(len(base.models), 'model')}, "
            "as data. Rebuilt with every change; free to reuse with attribution.",
        ),
        tag("ul", *items),
    ]
    return Page.build(DOWNLOADS, "Downloads", "Model Facts as JSON, CSV and JSON Schema.", body, "downloads")
