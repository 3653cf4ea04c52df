"""Source pages (the article with every cited quote highlighted) and the index of sources."""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from .. import rubric
from ..html import Html, join, tag
from ..model import FactBase, Source
from ..quotes import locate
from ..urls import SOURCES, cite_anchor, href, model_url, source_url
from .claim import publisher_name
from .page import Page
from .parts import badge, meta_list, plural, status_label, table


@dataclass(frozen=True, slots=True)
class Citing:
    """One citation of the source, with what its source page shows of the claim."""

    model_id: str
    model_name: str
    claim_id: str
    statement: str
    confidence: str
    status: str
    index: int
    """The citation's place in its claim (part of its anchor)."""
    quote: str


@dataclass(frozen=True, slots=True)
class SourceView:
    """Everything a source page shows, so also the key under which it is kept between renders."""

    source: Source
    """The record without its text: Source leaves the text out of comparisons, so the view holds it apart."""
    text: str | None
    citations: tuple[Citing, ...]
    publisher: str | None
    """The publisher's name, from the registry."""


def source_view(base: FactBase, source: Source) -> SourceView:
    citations = tuple(
        Citing(m.id, m.name, c.id, c.statement, c.confidence, c.status, i, cit.quote)
        for m, c, i, cit in base.citations_by_source.get(source.id, ())
    )
    return SourceView(replace(source, text=None), source.text, citations, publisher_name(base, source))


def highlighted_text(view: SourceView, from_url: str) -> Html:
    """The article with every cited quote marked, anchored and linked back to its claims."""
    text = view.text or ""
    starts: dict[int, list[Html]] = defaultdict(list)  # offset → anchors opening there
    ends: dict[int, list[Html]] = defaultdict(list)  # offset → back-links closing there
    depth: Counter[int] = Counter()  # +1 where a quote opens, -1 where it closes
    for c in view.citations:
        if at := locate(c.quote, text):
            starts[at[0]].append(tag("span", class_="mf-anchor", id=cite_anchor(c.model_id, c.claim_id, c.index)))
            ends[at[1]].append(
                tag(
                    "a",
                    f"[{c.model_id} › {c.claim_id}]",
                    class_="mf-backlink",
                    href=href(from_url, model_url(c.model_id), c.claim_id),
                    title=f"{c.model_name}: {c.statement}",
                )
            )
            depth[at[0]] += 1
            depth[at[1]] -= 1
    cuts = sorted({0, len(text)} | set(starts) | set(ends))
    out: list[str] = []
    open_quotes = 0
    for a, b in itertools.pairwise(cuts):
        out.extend(starts.get(a, ()))
        open_quotes += depth[a]
        chunk = text[a:b]
        out.append(tag("mark", chunk, class_="mf-hl") if open_quotes else chunk)
        out.extend(ends.get(b, ()))
    return tag("div", join(out), class_="mf-article")


def source_page(view: SourceView) -> Page:
    source = view.source
    url = source_url(source.id)
    grade = f"Grade {source.reliability} ({rubric.RELIABILITY_GRADES[source.reliability]})"
    meta: list[tuple[str, str]] = [
        ("Publisher", view.publisher or "Not stated"),
        ("Authors", ", ".join(source.authors) or "None named"),
        ("Published", source.published or f"Unknown — {source.date_note or ''}"),
        ("Kind", f"{source.kind} — {rubric.SOURCE_KINDS[source.kind]}"),
        ("Reliability", join([tag("span", grade, class_="mf-grade"), " — ", source.reliability_note])),
        ("URL", tag("a", source.url, href=source.url, rel="nofollow noopener") if source.url else "Not known"),
        ("File", join([tag("code", source.file), " · SHA-256 ", tag("code", source.sha256)])),
    ]
    if source.syndicated_from:
        original = tag("a", source.syndicated_from, href=href(url, source_url(source.syndicated_from)))
        meta.append(("Syndicated from", join([original, " (counted with it, as one source)"])))
    if source.notes:
        meta.append(("Notes", source.notes))
    citing = list({(c.model_id, c.claim_id): c for c in view.citations}.values())
    items = (
        tag(
            "li",
            tag("a", f"{c.model_name}: {c.statement}", href=href(url, model_url(c.model_id), c.claim_id)),
            " ",
            badge(c.confidence),
            " ",
            status_label(c.status),
        )
        for c in citing
    )
    body = [
        tag("h1", source.title, id="_top"),
        meta_list(meta),
        tag("h2", f"Claims citing this source ({len(citing)})", id="_claims"),
        tag("ul", *items, class_="mf-claim-list", data_search_exclude="true")
        if citing
        else Html("<p>No claim cites this source yet.</p>"),
        tag("h2", "Full text, with cited passages highlighted", id="_text"),
        highlighted_text(view, url) if view.text is not None else Html("<p>The text could not be read.</p>"),
    ]
    description = (
        f"Source: {source.title} ({view.publisher or 'publisher unknown'}, "
        f"{source.published or 'undated'}), grade {source.reliability}; cited by {len(citing)} claims."
    )
    return Page.build(url, source.title, description, body, "source")


def sources_index(base: FactBase) -> Page:
    cited = Counter(c.source for _, claim in base.claims for c in claim.citations)
    rows = (
        tag(
            "tr",
            tag("td", tag("a", s.title, href=href(SOURCES, source_url(s.id)))),
            tag("td", publisher_name(base, s) or "not stated"),
            tag("td", s.published or "undated"),
            tag("td", s.kind),
            tag("td", s.reliability),
            tag("td", str(cited[s.id])),
        )
        for s in sorted(base.sources.values(), key=lambda s: s.id)
    )
    body = [
        tag("h1", "Sources", id="_top"),
        tag(
            "p",
            f"{plural(len(base.sources), 'source article')}. Each page shows the full text with every cited passage highlighted.",
        ),
        table(("Source", "Publisher", "Published", "Kind", "Grade", "Citations"), rows, "Sources"),
    ]
    return Page.build(SOURCES, "Sources", f"The {len(base.sources)} source articles behind Model Facts.", body, "index")
