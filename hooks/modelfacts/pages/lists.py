"""Pages that list claims across models (disputed claims, the timeline) and the data files."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from ..datapackage import licence_paragraph
from ..html import Html, tag
from ..model import Claim, FactBase, Model, by_name
from ..urls import DISPUTED, DOWNLOADS, TIMELINE, href, model_url
from .claim import CURATOR_DATE, cited_sources, claim_html, date_basis_mark
from .matrix import NONE, developer_options, select
from .page import Page
from .parts import badge, plural, status_label, table


def contested(base: FactBase) -> list[tuple[Model, Claim]]:
    """The claims the disputed page shows (and the home page ranks): those a cited source contradicts."""
    return [(m, c) for m, c in base.claims if any(x.stance == "contradicts" for x in c.citations)]


def disputed_page(base: FactBase) -> Page:
    """Each model with a disputed claim is a section (h2) of its claims (h3): headings never skip a level."""
    disputed = contested(base)
    sources = {s.id: s for s in cited_sources(base, (c for _, c in disputed))}
    body = [
        tag("h1", "Disputed claims", id="_top"),
        tag(
            "p",
            f"{plural(len(disputed), 'claim')} where at least one source contradicts another; both sides are shown.",
        ),
    ]
    for _, group in groupby(disputed, key=lambda pair: pair[0].id):
        claims = list(group)
        model = claims[0][0]
        link = tag("a", model.name, href=href(DISPUTED, model_url(model.id)))
        body.append(tag("h2", link, id=f"_{model.id}", class_="mf-model-name"))
        body.extend(
            claim_html(model.id, claim, base.assess(claim), sources, DISPUTED, link_model=True) for _, claim in claims
        )
    description = f"{len(disputed)} claims the sources disagree on."
    return Page.build(DISPUTED, "Disputed claims", description, body, "disputed")


TIMELINE_TABLE = "mf-timeline"
TIMELINE_FORM = "mf-timeline-filters"
TIMELINE_COUNT = "mf-timeline-count"
TIMELINE_NOTE = "mf-timeline-noscript"
"""The ids docs/assets/tables.js looks for: a select `mf-filter-<name>` keeps the rows whose `data-<name>`
words include its value."""


def _timeline_row(m: Model, c: Claim) -> Html:
    return tag(
        "tr",
        tag("td", c.date or "", date_basis_mark(c.date_basis), class_="mf-date-cell"),
        tag("td", tag("a", m.name, href=href(TIMELINE, model_url(m.id)))),
        tag("td", tag("a", c.statement, href=href(TIMELINE, model_url(m.id), c.id))),
        tag("td", badge(c.confidence), " ", status_label(c.status)),
        data_model=m.id,
        data_developers=" ".join(m.developers) or NONE,
    )


def _timeline_filters(base: FactBase, models: Iterable[Model]) -> Html:
    """Filter by developer or by model; only those with dated claims are offered."""
    shown = sorted(set(models), key=by_name)
    return tag(
        "form",
        select("developers", "Developer", [("", "All developers"), *developer_options(base, shown)]),
        select("model", "Model", [("", "All models"), *((m.id, m.name) for m in shown)]),
        tag("button", "Show all", type="reset"),
        id=TIMELINE_FORM,
        class_="mf-filters",
        hidden="",
        aria_label="Filter the timeline",
    )


def attested(claim: Claim) -> bool:
    """A cited passage gives the claim's date and a citation supports it: an event, not a forecast (a claim
    only predicted, or dated by the curators, may lie in a year where nothing else has happened yet)."""
    return claim.date_basis == "source" and any(c.stance == "supports" for c in claim.citations)


def open_year(claims: Iterable[Claim]) -> str | None:
    """The year the timeline opens: the newest with an attested claim, or None when none is."""
    return max(((c.date or "")[:4] for c in claims if c.date and attested(c)), default=None)


def timeline_page(base: FactBase) -> Page:
    """Dated claims newest first, a collapsible section per year with one open (open_year), so that a phone shows
    a short page; a filter by developer or model (tables.js) opens every year that has a match."""
    dated = sorted(((m, c) for m, c in base.claims if c.date), key=lambda pair: by_name(pair[0]))
    dated.sort(key=lambda pair: pair[1].date or "", reverse=True)
    opened = open_year(c for _, c in dated)
    body = [
        tag("h1", "Timeline", id="_top"),
        tag(
            "p",
            f"{plural(len(dated), 'dated claim')}, newest first, by year. A date is when the claimed fact holds or "
            f"happened, as a cited passage says; one marked ({CURATOR_DATE}) is not given by any cited passage.",
            f" {opened} is open: the newest year in which a cited passage dates a claim that it supports."
            if opened
            else "",
        ),
        _timeline_filters(base, (m for m, _ in dated)),
        tag("p", "Filtering needs JavaScript; every dated claim is listed below without it.", id=TIMELINE_NOTE),
        tag("p", f"Showing {len(dated)} of {plural(len(dated), 'dated claim')}", id=TIMELINE_COUNT, role="status"),
    ]
    years = []
    for year, group in groupby(dated, key=lambda pair: (pair[1].date or "")[:4]):
        rows = [_timeline_row(m, c) for m, c in group]
        section = tag(
            "details",
            tag("summary", tag("h2", year, id=f"_y{year}")),
            table(("Date", "Model", "Claim", "Rating"), rows, f"Dated claims, {year}", "mf-dated mf-stack"),
            class_="mf-year",
            open="" if year == opened else None,
        )
        years.append(section)
    body.append(tag("div", *years, id=TIMELINE_TABLE))
    description = f"{len(dated)} dated claims about AI models in date order."
    return Page.build(TIMELINE, "Timeline", description, body, "timeline")


def downloads_page(base: FactBase, data_files: Iterable[tuple[str, str]]) -> Page:
    """The data files (path, what it holds) as a table of links."""
    rows = (
        tag("tr", tag("td", tag("a", path, href=href(DOWNLOADS, path)), class_="mf-file"), tag("td", what))
        for path, what in data_files
    )
    body = [
        tag("h1", "Downloads", id="_top"),
        tag(
            "p",
            f"The whole fact base, {plural(len(base.claims), 'claim')} from {plural(len(base.models), 'model')}, "
            "as data. Rebuilt with every change; free to reuse with attribution.",
        ),
        table(("File", "What it holds"), rows, "Data files", "mf-stack"),
        licence_paragraph(),
    ]
    return Page.build(DOWNLOADS, "Downloads", "Model Facts as JSON, CSV and JSON Schema.", body, "downloads")
