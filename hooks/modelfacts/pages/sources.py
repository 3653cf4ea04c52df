"""Source pages (the document with every cited quote highlighted) and the index of sources.

A document's text is shown as it is stored, character for character: a Markdown README or a licence
is never rendered, so what a reader sees is exactly what the quotes were checked against.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from .. import provenance, rubric
from ..html import Html, join, tag
from ..model import FactBase, Source
from ..quotes import locate
from ..urls import SOURCES, cite_anchor, href, model_url, source_url
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
    stance: str


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
        Citing(m.id, m.name, c.id, c.statement, c.confidence, c.status, i, cit.quote, cit.stance)
        for m, c, i, cit in base.citations_by_source.get(source.id, ())
    )
    return SourceView(replace(source, text=None), source.text, citations, base.publisher_name(source))


STANCE_MARK = {"supports": "\u2713", "contradicts": "\u2717", "predicts": "\u2192", "mentions": "~"}
"""The sign before a back-reference's number: the stance as text and shape, so a reader needs no colour."""
MIXED = "mixed"
"""A stretch of text that quotes with different stances share: its highlight is striped."""


def claim_numbers(view: SourceView) -> dict[tuple[str, str], int]:
    """Each citing claim's number (from 1), in the order the page lists them; the markers in the text use it."""
    keys = dict.fromkeys((c.model_id, c.claim_id) for c in view.citations)
    return {key: n for n, key in enumerate(keys, start=1)}


def back_reference(c: Citing, number: int, from_url: str) -> Html:
    """A quote's compact back-reference: its stance's sign and its claim's number, linked to the claim."""
    said = f"Claim {number}, {c.stance}: {c.model_name}: {c.statement}"
    return tag(
        "a",
        STANCE_MARK[c.stance],
        str(number),
        class_=f"mf-backlink mf-backlink--{c.stance}",
        href=href(from_url, model_url(c.model_id), c.claim_id),
        title=said,
        aria_label=said,
    )


def placed(view: SourceView) -> list[tuple[Citing, int, int]]:
    """The citations whose quote the text holds, with where it starts and ends."""
    text = view.text or ""
    return [(c, *at) for c in view.citations if (at := locate(c.quote, text))]


def highlighted_text(view: SourceView, quotes: list[tuple[Citing, int, int]], from_url: str) -> Html:
    """The text with every placed quote marked in its stance's style and anchored, and a numbered
    back-reference to its claim where it ends; a document other than an article in a fixed-width font,
    as its author laid it out."""
    text = view.text or ""
    numbers = claim_numbers(view)
    starts: dict[int, list[Html]] = defaultdict(list)  # offset → anchors opening there
    ends: dict[int, list[Html]] = defaultdict(list)  # offset → back-references closing there
    change: dict[int, Counter[str]] = defaultdict(Counter)  # offset → +1 per stance opening, -1 closing
    for c, start, end in quotes:
        starts[start].append(tag("span", class_="mf-anchor", id=cite_anchor(c.model_id, c.claim_id, c.index)))
        ends[end].append(back_reference(c, numbers[(c.model_id, c.claim_id)], from_url))
        change[start][c.stance] += 1
        change[end][c.stance] -= 1
    cuts = sorted({0, len(text)} | set(starts) | set(ends))
    out: list[str] = []
    open_quotes: Counter[str] = Counter()
    for a, b in itertools.pairwise(cuts):
        out.extend(starts.get(a, ()))
        open_quotes.update(change[a])
        stances = {stance for stance, n in open_quotes.items() if n > 0}
        chunk = text[a:b]
        if stances:
            style = stances.pop() if len(stances) == 1 else MIXED
            out.append(tag("mark", chunk, class_=f"mf-hl mf-hl--{style}"))
        else:
            out.append(chunk)
        if ends.get(b):
            out.append(tag("sup", join(ends[b], ","), class_="mf-refs"))
    if view.source.document == "article":
        return tag("div", join(out), class_="mf-article")
    # A developer's document (licence, README) is long and full of URLs and code: its words would
    # swamp the search index, and lunr cannot query some of its tokens (a query for "llama" failed).
    return tag("div", join(out), class_="mf-article mf-document")


def stance_legend(view: SourceView) -> Html:
    """What each highlight style means, for the stances this text's quotes take."""
    taken = {c.stance for c in view.citations}
    items = [
        tag(
            "li",
            tag("mark", STANCE_MARK[stance], " ", stance, class_=f"mf-hl mf-hl--{stance}"),
            ": ",
            rubric.STANCES[stance][0].lower() + rubric.STANCES[stance][1:],
        )
        for stance in rubric.STANCES
        if stance in taken
    ]
    if len(taken) > 1:
        items.append(
            tag("li", tag("mark", "striped", class_=f"mf-hl mf-hl--{MIXED}"), ": quoted with different stances")
        )
    note = tag(
        "p",
        "A cited passage is highlighted by its stance; the sign and number after it name the claim that cites it "
        "(numbered as in the list above) and link to that claim.",
    )
    return tag("div", note, tag("ul", *items, class_="mf-legend mf-stance-legend"), class_="mf-stances")


def ownership(view: SourceView) -> Html:
    """Whose the document is, where the original is, and why a copy is stored here."""
    source = view.source
    noun = "article" if source.document == "article" else "document"
    owner = view.publisher or ", ".join(source.authors)
    whose = f"This {noun} belongs to {owner}" if owner else f"This {noun} belongs to its publisher, who is not named"
    original = (
        join(["; the original is at ", tag("a", source.url, href=source.url, rel="nofollow noopener"), ". "])
        if source.url
        else "; the address of the original is not known. "
    )
    keep = "Model Facts keeps the copy below only to verify the quotations cited from it; the text remains its owner's."
    return tag("p", whose, original, keep, class_="mf-ownership")


def _dated(source: Source) -> tuple[str, str]:
    """When the source speaks: a copied document as of its commit date, an article when published."""
    origin = source.provenance
    if origin is None:
        return "Published", source.published or f"Unknown — {source.date_note or ''}"
    change = provenance.commit_url(origin.repository, origin.last_change_commit)
    return "Evidence date", join(
        [
            f"{source.as_of} — what it says is evidence as of the commit that last changed the file, ",
            tag("a", origin.last_change_commit[:7], href=change, rel="nofollow noopener"),
            f", made {origin.commit_date}",
        ]
    )


def _where(source: Source) -> tuple[str, str]:
    """Where to read it: an article's address, or a copy's origin pinned at the commit read."""
    link = tag("a", source.url, href=source.url, rel="nofollow noopener") if source.url else "Not known"
    origin = source.provenance
    if origin is None:
        return "URL", link
    where = f" — {origin.path} in {origin.repository}, branch {origin.branch}, at commit {origin.commit[:7]}"
    return "Origin", join([link, where])


def source_meta(view: SourceView, url: str) -> list[tuple[str, str]]:
    """The facts about a source at the top of its page."""
    source = view.source
    grade = f"Grade {source.reliability} ({rubric.RELIABILITY_GRADES[source.reliability]})"
    meta: list[tuple[str, str]] = [
        ("Publisher", view.publisher or "Not stated"),
        ("Authors", ", ".join(source.authors) or "None named"),
        _dated(source),
        ("Kind", f"{source.kind} — {rubric.SOURCE_KINDS[source.kind]}"),
        ("Document", f"{source.document} — {provenance.DOCUMENT_TYPES[source.document]}"),
    ]
    if source.about:
        meta.append(("About", ", ".join(source.about)))
    meta.append(("Reliability", join([tag("span", grade, class_="mf-grade"), " — ", source.reliability_note])))
    meta.append(_where(source))
    if source.provenance is not None and source.provenance.note:
        meta.append(("About this copy", source.provenance.note))
    meta.append(("File", join([tag("code", source.file), " · SHA-256 ", tag("code", source.sha256)])))
    if source.syndicated_from:
        original = tag("a", source.syndicated_from, href=href(url, source_url(source.syndicated_from)))
        meta.append(("Syndicated from", join([original, " (counted with it, as one source)"])))
    if source.notes:
        meta.append(("Notes", source.notes))
    if source.unused:
        meta.append(("Not cited yet", source.unused))
    return meta


def claim_item(citations: list[Citing], number: int, passages: list[Citing], url: str) -> Html:
    """A citing claim in the numbered list: the stances its citations take, the claim, and links down to
    the passages the text holds."""
    c = citations[0]
    stances = dict.fromkeys(x.stance for x in citations)
    jumps = [
        tag("a", "\u2193 passage" + (f" {i}" if len(passages) > 1 else ""), href="#" + anchor)
        for i, anchor in enumerate((cite_anchor(p.model_id, p.claim_id, p.index) for p in passages), start=1)
    ]
    parts = [
        *(tag("span", STANCE_MARK[s], " ", s, class_=f"mf-stance-tag mf-stance-tag--{s}") for s in stances),
        tag("a", f"{c.model_name}: {c.statement}", href=href(url, model_url(c.model_id), c.claim_id)),
        badge(c.confidence),
        status_label(c.status),
        tag("span", join(jumps, " "), class_="mf-jumps") if jumps else Html(""),
    ]
    return tag("li", join((p for p in parts if p), " "), id=f"_ref{number}")


def source_page(view: SourceView) -> Page:
    source = view.source
    url = source_url(source.id)
    numbers = claim_numbers(view)
    quotes = placed(view)
    cited: dict[tuple[str, str], list[Citing]] = defaultdict(list)
    found: dict[tuple[str, str], list[Citing]] = defaultdict(list)
    for c in view.citations:
        cited[(c.model_id, c.claim_id)].append(c)
    for c, _, _ in quotes:
        found[(c.model_id, c.claim_id)].append(c)
    items = (claim_item(cited[key], n, found[key], url) for key, n in numbers.items())
    body = [
        tag("h1", source.title, id="_top"),
        ownership(view),
        meta_list(source_meta(view, url)),
        tag("h2", f"Claims citing this source ({len(numbers)})", id="_claims"),
        tag("ol", *items, class_="mf-claim-list") if numbers else Html("<p>No claim cites this source yet.</p>"),
        tag("h2", _text_heading(source), id="_text"),
    ]
    if view.text is None:
        body.append(Html("<p>The text could not be read.</p>"))
    else:
        body.extend([stance_legend(view)] if view.citations else [])
        body.append(highlighted_text(view, quotes, url))
    description = (
        f"Source: {source.title} ({view.publisher or 'publisher unknown'}, "
        f"{source.published or 'undated'}), grade {source.reliability}; cited by {len(numbers)} claims."
    )
    return Page.build(url, source.title, description, body, "source")


def _text_heading(source: Source) -> str:
    if source.document == "article":
        return "Full text, with cited passages highlighted"
    return "Full text as stored, not rendered, with cited passages highlighted"


def _link(s: Source) -> Html:
    return tag("a", s.title, href=href(SOURCES, source_url(s.id)))


def _row(base: FactBase, s: Source, cited: int) -> Html:
    """An article: its publication day and kind; a primary document: its type and evidence date."""
    article = s.kind != "primary"
    return tag(
        "tr",
        tag("td", _link(s)),
        tag("td", base.publisher_name(s) or "not stated"),
        tag("td", (s.published if article else s.as_of) or "undated", class_="mf-date-cell"),
        tag("td", s.kind if article else s.document),
        tag("td", s.reliability),
        tag("td", str(cited)),
    )


GROUPS = (
    ("_articles", "Articles", ("Source", "Publisher", "Published", "Kind", "Grade", "Citations"), ""),
    (
        "_primary",
        "Primary documents",
        ("Document", "Publisher", "As of", "Type", "Grade", "Citations"),
        "Licences, model cards, READMEs and documentation, published by the developers themselves and copied byte "
        "for byte from their repositories. What a document says is evidence as of the commit that last changed it.",
    ),
)
"""The sources index's sections: id, heading, columns, and what the section holds."""


def sources_index(base: FactBase) -> Page:
    """Articles, then primary documents (by publisher), then the sources no claim cites yet, and why."""
    cited = Counter(c.source for _, claim in base.claims for c in claim.citations)
    everything = sorted(base.sources.values(), key=lambda s: s.id)
    grouped = (
        [s for s in everything if s.kind != "primary"],
        sorted((s for s in everything if s.kind == "primary"), key=lambda s: (base.publisher_name(s) or "", s.id)),
    )
    body = [
        tag("h1", "Sources", id="_top"),
        tag(
            "p",
            f"{plural(len(grouped[0]), 'source article')} and {plural(len(grouped[1]), 'primary document')}. "
            "Each page shows the full text, as stored, with every cited passage highlighted.",
        ),
    ]
    for (anchor, heading, columns, about), sources in zip(GROUPS, grouped, strict=True):
        if sources:
            body.append(tag("h2", f"{heading} ({len(sources)})", id=anchor))
            body.extend([tag("p", about)] if about else [])
            body.append(table(columns, (_row(base, s, cited[s.id]) for s in sources), heading))
    unused = [(s, s.unused) for s in everything if s.unused]
    if unused:
        body.append(tag("h2", f"Not cited yet ({len(unused)})", id="_unused"))
        body.append(tag("ul", *(tag("li", _link(s), " — ", why) for s, why in unused), class_="mf-unused"))
    description = f"The {len(base.sources)} sources behind Model Facts: articles and the developers' own documents."
    return Page.build(SOURCES, "Sources", description, body, "index")
