"""Step 4a, render pages: the checked fact base → one HTML body per page.

Each body is a single raw-HTML block inside the page's Markdown, so no text from a fact file is
ever read as Markdown, and every piece of it goes through `esc`. Links are relative, computed
from the page URLs below ('' is home, every other URL ends in '/') by `html.href`, and name the
page's file, so the built site works from any server path and from disk.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from . import rubric, rules
from .html import ascii_html, esc, href, tag
from .model import Citation, Claim, FactBase, Model, Source
from .quotes import locate

SITE_NAME = "Model Facts"


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    description: str
    html: str
    """The page's content: one <div>, complete HTML that needs no Markdown processing."""
    jsonld: dict | None = None
    """schema.org data for search engines, embedded as JSON-LD."""
    searchable: bool = True
    """False for pages that only repeat claims found on model pages (the search would list them twice)."""

    @classmethod
    def build(
        cls,
        url: str,
        title: str,
        description: str,
        parts: list[str],
        kind: str,
        jsonld: dict | None = None,
        searchable: bool = True,
    ) -> Page:
        html = f'<div class="mf-page mf-{kind}">\n' + "\n".join(parts) + "\n</div>\n"
        return cls(url, title, description, ascii_html(html), jsonld, searchable)

    @property
    def src_uri(self) -> str:
        """Every page is a folder's index.md, so it is served at its URL and written to
        <url>index.html, which links can name and a browser can open from disk."""
        return self.url + "index.md"

    @property
    def markdown(self) -> str:
        """The same content as Markdown: a single raw-HTML block, which Markdown passes through."""
        return self.html


def model_url(model_id: str) -> str:
    return f"models/{model_id}/"


def claim_url(model_id: str, claim_id: str, site_url: str = "") -> str:
    """A claim's canonical address (exports, feed, JSON-LD): its model's folder and anchor."""
    return f"{site_url}{model_url(model_id)}#{claim_id}"


def source_url(source_id: str) -> str:
    return f"sources/{source_id}/"


def cite_anchor(model: Model, claim: Claim, index: int) -> str:
    """Ids never contain '--', so the parts cannot run together."""
    return f"cite--{model.id}--{claim.id}--{index}"


def topic_anchor(topic: str) -> str:
    return f"topic_{topic}"  # claim ids cannot contain '_', so no claim can take this anchor


def badge(confidence: str) -> str:
    cls = confidence.replace(" ", "-")
    return tag("span", f"Confidence: {esc(confidence)}", class_=f"mf-badge mf-badge--{cls}")


def status_label(status: str) -> str:
    return "" if status == "current" else tag("span", esc(status.capitalize()), class_=f"mf-status mf-status--{status}")


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def source_qualifier(source: Source) -> str:
    if source.kind == "ai-generated":
        return "AI-generated"
    return f"grade {source.reliability}"


def evidence_line(base: FactBase, claim: Claim) -> str:
    """'Evidence limited · agreement low — 1 source supports (AI-generated), 2 contradict'."""
    a = base.assess(claim)
    parts = []
    if a.supporting_sources:
        parts.append(f"{_plural(a.supporting, 'independent source')} support{'s' if a.supporting == 1 else ''}")
    weak = [base.sources[s] for s in a.weak_supporting_sources]
    if weak:
        why = ", ".join(sorted({source_qualifier(s) for s in weak}))
        verb = "supports" if len(weak) == 1 else "support"
        parts.append(f"{_plural(len(weak), 'source')} {verb} ({why}, not counted)")
    if a.contradicting_sources:
        n = len(a.contradicting_sources)
        parts.append(f"{n} contradict{'s' if n == 1 else ''}")
    if a.predicting_sources:
        n = len(a.predicting_sources)
        parts.append(f"{n} predict{'s' if n == 1 else ''} it (not counted)")
    if not parts:
        parts.append("no source takes a position")
    return f"Evidence {a.evidence} · agreement {a.agreement} — " + ", ".join(parts) + f". Ceiling: {a.ceiling}."


def confidence_mix(claims: Iterable[Claim]) -> Counter:
    return Counter(c.confidence for c in claims)


def mix_text(claims: Iterable[Claim]) -> str:
    mix = confidence_mix(claims)
    return " · ".join(f"{mix[level]} {level}" for level in reversed(rubric.CONFIDENCE_LEVELS) if mix[level])


def table(head: str, rows: str, label: str, extra_class: str = "") -> str:
    """A table that scrolls sideways inside its own region on narrow screens."""
    inner = tag("table", tag("thead", head) + tag("tbody", rows), class_=f"mf-table {extra_class}".strip())
    return tag("div", inner, class_="mf-scroll", tabindex="0", role="region", aria_label=label)


def _meta_list(items: list[tuple[str, str]]) -> str:
    return tag("dl", "".join(f"<dt>{esc(k)}</dt><dd>{v}</dd>" for k, v in items), class_="mf-meta")


def _source_line(source: Source, from_url: str, anchor: str) -> str:
    date = esc(source.published) if source.published else "undated"
    publisher = esc(source.publisher) if source.publisher else "publisher unknown"
    link = f'<a href="{href(from_url, source_url(source.id), anchor)}">{esc(source.title)}</a>'
    return (
        f"{link} · {publisher} · {date} · "
        f"{tag('span', 'grade ' + esc(source.reliability), class_='mf-grade', title=rubric.RELIABILITY_GRADES[source.reliability])}"
        f"{' · AI-generated' if source.kind == 'ai-generated' else ''}"
    )


def citation_html(base: FactBase, model: Model, claim: Claim, index: int, cit: Citation, from_url: str) -> str:
    source = base.sources.get(cit.source)
    stance = tag("span", esc(cit.stance.capitalize()), class_=f"mf-stance mf-stance--{cit.stance}")
    quote = tag("blockquote", esc(cit.quote), class_="mf-quote")
    # An unknown source only reaches a page under `mkdocs serve`, beside the checker's banner.
    line = (
        _source_line(source, from_url, cite_anchor(model, claim, index))
        if source
        else "unknown source " + tag("code", esc(cit.source))
    )
    where = tag("p", "— " + line, class_="mf-source", data_search_exclude="true")
    return tag("li", stance + quote + where, class_=f"mf-cite mf-cite--{cit.stance}")


def claim_html(
    base: FactBase, model: Model, claim: Claim, from_url: str, *, heading: str = "h3", link_model: bool = False
) -> str:
    """One claim: statement, badge, status, evidence, citations (both sides when disputed), why."""
    permalink = f'<a class="headerlink" href="#{esc(claim.id)}" title="Permanent link to this claim">¶</a>'
    if link_model:
        permalink = (
            f'<a class="headerlink" href="{href(from_url, model_url(model.id), claim.id)}" '
            f'title="This claim on its model page">¶</a>'
        )
    title = (
        f'<{heading} id="{esc(claim.id) if not link_model else esc(model.id + "--" + claim.id)}">'
        f"{esc(claim.statement)} {permalink}</{heading}>"
    )
    facts = [
        badge(claim.confidence),
        status_label(claim.status),
        tag("span", "Topic: " + esc(claim.topic), class_="mf-topic"),
    ]
    if claim.date:
        facts.append(tag("span", "Date: " + esc(claim.date), class_="mf-date"))
    # Badges, evidence and source lines repeat on every claim: left out of the search index, which
    # keeps it (and the build's memory) to what readers search for.
    parts = [
        title,
        tag("p", " ".join(f for f in facts if f), class_="mf-facts", data_search_exclude="true"),
        tag("p", esc(evidence_line(base, claim)), class_="mf-evidence", data_search_exclude="true"),
    ]
    indexed = list(enumerate(claim.citations))
    if any(c.stance == "contradicts" for c in claim.citations):
        sides = []
        for label, stances in (("For", ("supports", "predicts", "mentions")), ("Against", ("contradicts",))):
            items = "".join(
                citation_html(base, model, claim, i, c, from_url) for i, c in indexed if c.stance in stances
            )
            sides.append(tag("div", tag("h4", label) + tag("ul", items, class_="mf-citations"), class_="mf-side"))
        parts.append(tag("div", "".join(sides), class_="mf-sides"))
    else:
        parts.append(
            tag(
                "ul",
                "".join(citation_html(base, model, claim, i, c, from_url) for i, c in indexed),
                class_="mf-citations",
            )
        )
    if claim.status_note:
        parts.append(tag("p", "<strong>Status note:</strong> " + esc(claim.status_note), class_="mf-status-note"))
    if claim.rationale:
        parts.append(tag("p", "<strong>Why this rating:</strong> " + esc(claim.rationale), class_="mf-rationale"))
    if claim.notes:
        parts.append(tag("p", "<strong>Notes:</strong> " + esc(claim.notes), class_="mf-notes"))
    return tag("section", "".join(parts), class_=f"mf-claim mf-claim--{claim.status}")


def glance(claims: list[Claim]) -> str:
    disputed = sum(c.status == "disputed" for c in claims)
    text = f"{_plural(len(claims), 'claim')}"
    if claims:
        text += ": " + mix_text(claims)
    if disputed:
        text += f" · {disputed} disputed"
    return text


def model_page(base: FactBase, model: Model, site_url: str = "") -> Page:
    url = model_url(model.id)
    meta = [("Developer", esc(model.developer))]
    if model.family:
        meta.append(("Family", esc(model.family)))
    meta.append(("Modality", esc(", ".join(model.modality)) or "not stated"))
    meta.append(("Also known as", esc(", ".join(model.aliases)) if model.aliases else "—"))
    body = [
        tag("h1", esc(model.name), id="_top"),
        _meta_list(meta),
        tag("p", esc(glance(list(model.claims))), class_="mf-glance"),
    ]
    by_topic: dict[str, list[Claim]] = defaultdict(list)
    for claim in model.claims:
        by_topic[claim.topic].append(claim)
    for topic in rubric.TOPICS:
        if by_topic.get(topic):
            body.append(tag("h2", esc(topic.replace("-", " ").capitalize()), id=topic_anchor(topic)))
            body.extend(claim_html(base, model, c, url) for c in by_topic[topic])
    description = f"What the sources say about {model.name} by {model.developer}: {glance(list(model.claims))}."
    return Page.build(url, model.name, description, body, "model", claim_reviews(base, model, site_url))


def claim_reviews(base: FactBase, model: Model, site_url: str = "") -> dict:
    """One schema.org ClaimReview per claim: the rating with its words, the articles as appearances.
    Its url is absolute when the site's address is known (search engines want one)."""
    reviews = []
    for claim in model.claims:
        appearances = []
        for source in dict.fromkeys(base.sources[c.source] for c in claim.citations if c.source in base.sources):
            work = {"@type": "CreativeWork", "headline": source.title}
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
                "url": claim_url(model.id, claim.id, site_url) if site_url else f"#{claim.id}",
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
            }
        )
    return {"@context": "https://schema.org", "@graph": reviews}


def _highlighted_text(base: FactBase, source: Source, from_url: str) -> str:
    """The article with every cited quote marked, anchored and linked back to its claims."""
    text = source.text or ""
    starts: dict[int, list[str]] = defaultdict(list)  # offset → anchors opening there
    ends: dict[int, list[str]] = defaultdict(list)  # offset → back-links closing there
    depth = Counter()  # +1 where a quote opens, -1 where it closes
    for model, claim, i, cit in base.citations_by_source.get(source.id, ()):
        if at := locate(cit.quote, text):
            starts[at[0]].append(f'<span class="mf-anchor" id="{esc(cite_anchor(model, claim, i))}"></span>')
            ends[at[1]].append(
                f'<a class="mf-backlink" href="{href(from_url, model_url(model.id), claim.id)}" '
                f'title="{esc(model.name)}: {esc(claim.statement)}">'
                f"[{esc(model.id)} › {esc(claim.id)}]</a>"
            )
            depth[at[0]] += 1
            depth[at[1]] -= 1
    cuts = sorted({0, len(text)} | set(starts) | set(ends))
    out, open_quotes = [], 0
    for a, b in itertools.pairwise(cuts):
        out.extend(starts.get(a, ()))
        open_quotes += depth[a]
        chunk = esc(text[a:b])
        out.append(tag("mark", chunk, class_="mf-hl") if open_quotes else chunk)
        out.extend(ends.get(b, ()))
    return tag("div", "".join(out), class_="mf-article")


def source_page(base: FactBase, source: Source) -> Page:
    url = source_url(source.id)
    published = esc(source.published) if source.published else "Unknown — " + esc(source.date_note or "")
    meta = [
        ("Publisher", esc(source.publisher) if source.publisher else "Not stated"),
        ("Authors", esc(", ".join(source.authors)) if source.authors else "None named"),
        ("Published", published),
        ("Kind", esc(source.kind) + " — " + esc(rubric.SOURCE_KINDS[source.kind])),
        (
            "Reliability",
            tag(
                "span",
                "Grade " + esc(source.reliability) + " (" + esc(rubric.RELIABILITY_GRADES[source.reliability]) + ")",
                class_="mf-grade",
            )
            + " — "
            + esc(source.reliability_note),
        ),
        (
            "URL",
            f'<a href="{esc(source.url)}" rel="nofollow noopener">{esc(source.url)}</a>' if source.url else "Not known",
        ),
        ("File", tag("code", esc(source.file)) + " · SHA-256 " + tag("code", esc(source.sha256))),
    ]
    if source.notes:
        meta.append(("Notes", esc(source.notes)))
    citing = list({(m.id, c.id): (m, c) for m, c, _, _ in base.citations_by_source.get(source.id, ())}.values())
    items = "".join(
        tag(
            "li",
            f'<a href="{href(url, model_url(m.id), c.id)}">{esc(m.name)}: {esc(c.statement)}</a> '
            + badge(c.confidence)
            + " "
            + status_label(c.status),
        )
        for m, c in citing
    )
    body = [
        tag("h1", esc(source.title), id="_top"),
        _meta_list(meta),
        tag("h2", f"Claims citing this source ({len(citing)})", id="_claims"),
        tag("ul", items, class_="mf-claim-list", data_search_exclude="true")
        if citing
        else "<p>No claim cites this source yet.</p>",
        tag("h2", "Full text, with cited passages highlighted", id="_text"),
        _highlighted_text(base, source, url) if source.text is not None else "<p>The text could not be read.</p>",
    ]
    description = (
        f"Source: {source.title} ({source.publisher or 'publisher unknown'}, "
        f"{source.published or 'undated'}), grade {source.reliability}; cited by {len(citing)} claims."
    )
    return Page.build(url, source.title, description, body, "source")


def models_index(base: FactBase) -> Page:
    url = "models/"
    groups: dict[str, list[Model]] = defaultdict(list)
    for model in base.models:
        groups[model.developer].append(model)
    body = [
        tag("h1", "Models", id="_top"),
        tag(
            "p", f"{_plural(len(base.models), 'model')} from {_plural(len(groups), 'developer')}, grouped by developer."
        ),
    ]
    head = "<tr><th>Model</th><th>Claims</th><th>Confidence mix</th><th>Disputed</th></tr>"
    for i, developer in enumerate(sorted(groups, key=str.casefold)):
        rows = "".join(
            f'<tr><td><a href="{href(url, model_url(m.id))}">{esc(m.name)}</a></td>'
            f"<td>{len(m.claims)}</td><td>{esc(mix_text(m.claims))}</td>"
            f"<td>{sum(c.status == 'disputed' for c in m.claims)}</td></tr>"
            for m in sorted(groups[developer], key=lambda m: m.name.casefold())
        )
        body.append(tag("h2", esc(developer), id=f"_dev{i}"))
        body.append(table(head, rows, f"Models by {developer}"))
    return Page.build(url, "Models", f"All {len(base.models)} models in Model Facts.", body, "index")


def sources_index(base: FactBase) -> Page:
    url = "sources/"
    cited = Counter(c.source for _, claim in base.claims for c in claim.citations)
    rows = "".join(
        f'<tr><td><a href="{href(url, source_url(s.id))}">{esc(s.title)}</a></td>'
        f"<td>{esc(s.publisher or 'not stated')}</td><td>{esc(s.published or 'undated')}</td>"
        f"<td>{esc(s.kind)}</td><td>{esc(s.reliability)}</td><td>{cited[s.id]}</td></tr>"
        for s in sorted(base.sources.values(), key=lambda s: s.id)
    )
    head = "<tr><th>Source</th><th>Publisher</th><th>Published</th><th>Kind</th><th>Grade</th><th>Citations</th></tr>"
    body = [
        tag("h1", "Sources", id="_top"),
        tag(
            "p",
            f"{_plural(len(base.sources), 'source article')}. Each page shows the full text with every cited passage highlighted.",
        ),
        table(head, rows, "Sources"),
    ]
    return Page.build(url, "Sources", f"The {len(base.sources)} source articles behind Model Facts.", body, "index")


def disputed_page(base: FactBase) -> Page:
    url = "disputed/"
    disputed = [(m, c) for m, c in base.claims if any(x.stance == "contradicts" for x in c.citations)]
    body = [
        tag("h1", "Disputed claims", id="_top"),
        tag(
            "p",
            f"{_plural(len(disputed), 'claim')} where at least one source contradicts another; both sides are shown.",
        ),
    ]
    for model, claim in disputed:
        body.append(
            tag("p", f'<a href="{href(url, model_url(model.id))}">{esc(model.name)}</a>', class_="mf-model-name")
        )
        body.append(claim_html(base, model, claim, url, link_model=True))
    return Page.build(
        url, "Disputed claims", f"{len(disputed)} claims the sources disagree on.", body, "disputed", searchable=False
    )


def timeline_page(base: FactBase) -> Page:
    url = "timeline/"
    dated = sorted(((c.date, m.name.casefold(), m, c) for m, c in base.claims if c.date), key=lambda x: x[:2])
    rows = "".join(
        f'<tr><td>{esc(d)}</td><td><a href="{href(url, model_url(m.id))}">{esc(m.name)}</a></td>'
        f'<td><a href="{href(url, model_url(m.id), c.id)}">{esc(c.statement)}</a></td><td>{badge(c.confidence)} {status_label(c.status)}</td></tr>'
        for d, _, m, c in dated
    )
    head = "<tr><th>Date</th><th>Model</th><th>Claim</th><th>Rating</th></tr>"
    body = [
        tag("h1", "Timeline", id="_top"),
        tag(
            "p",
            f"{_plural(len(dated), 'dated claim')}, oldest first. A date is when the claimed fact holds or happened, as the sources say.",
        ),
        table(head, rows, "Dated claims"),
    ]
    return Page.build(
        url, "Timeline", f"{len(dated)} dated claims about AI models in date order.", body, "timeline", searchable=False
    )


def _definition_table(items: dict[str, str], head: tuple[str, str]) -> str:
    rows = "".join(f"<tr><td><code>{esc(k)}</code></td><td>{esc(v)}</td></tr>" for k, v in items.items())
    return table(f"<tr><th>{head[0]}</th><th>{head[1]}</th></tr>", rows, head[0] + "s")


def methodology_page() -> Page:
    """The rubric as readers see it, printed from the very constants the checker enforces."""
    grid_head = (
        "<tr><th>Evidence \\ agreement</th>"
        + "".join(f"<th>{esc(a)}</th>" for a in reversed(rubric.AGREEMENT_LEVELS))
        + "</tr>"
    )
    grid_rows = "".join(
        f"<tr><th>{esc(e)}</th>"
        + "".join(f"<td>{badge(rubric.CEILING[(e, a)])}</td>" for a in reversed(rubric.AGREEMENT_LEVELS))
        + "</tr>"
        for e in reversed(rubric.EVIDENCE_LEVELS)
    )
    levels = {lvl: rubric.CONFIDENCE_MEANING[lvl] for lvl in reversed(rubric.CONFIDENCE_LEVELS)}
    grades = {
        g: f"{name}{' — counts as support' if g in rubric.SUPPORTING_GRADES else ''}"
        for g, name in rubric.RELIABILITY_GRADES.items()
    }
    body = [
        tag("h1", "Methodology", id="_top"),
        "<p>Every claim carries a confidence rating. The rating is the curator's judgement, but it may never "
        "exceed a ceiling that a program computes from the claim's citations, after the IPCC's evidence × "
        "agreement grid. The checker enforces the ceiling on every change; this page is generated from the "
        "same code.</p>",
        tag("h2", "Confidence levels", id="_levels"),
        _definition_table(levels, ("Level", "Meaning")),
        tag("h2", "Counting the evidence", id="_counting"),
        tag("ul", tag("li", esc(rubric.S_DEFINITION)) + tag("li", esc(rubric.C_DEFINITION))),
        tag("p", "<strong>Evidence</strong>"),
        tag("ul", "".join(tag("li", esc(r)) for r in rubric.EVIDENCE_RULES)),
        tag("p", "<strong>Agreement</strong>"),
        tag("ul", "".join(tag("li", esc(r)) for r in rubric.AGREEMENT_RULES)),
        tag("h2", "The ceiling", id="_grid"),
        table(grid_head, grid_rows, "Confidence ceiling by evidence and agreement", "mf-grid"),
        tag("h2", "Rules", id="_rules"),
        tag("ul", "".join(tag("li", esc(r)) for r in rubric.RULES_TEXT)),
        tag("h2", "Source reliability grades", id="_grades"),
        "<p>Sources are graded on the Admiralty (NATO) scale for source reliability.</p>",
        _definition_table(grades, ("Grade", "Meaning")),
        tag("h2", "Kinds of source", id="_kinds"),
        _definition_table(rubric.SOURCE_KINDS, ("Kind", "Meaning")),
        tag("h2", "Stances", id="_stances"),
        _definition_table(rubric.STANCES, ("Stance", "Meaning")),
        tag("h2", "Statuses", id="_statuses"),
        _definition_table(rubric.STATUSES, ("Status", "Meaning")),
        tag("h2", "Topics", id="_topics"),
        _definition_table(rubric.TOPICS, ("Topic", "Meaning")),
        tag("h2", "What the checker enforces", id="_checker"),
        _definition_table(
            {r.id: r.description + (" (warning)" if r.severity == "warning" else "") for r in rules.RULES},
            ("Rule", "What it checks"),
        ),
    ]
    return Page.build(
        "methodology/",
        "Methodology",
        "How Model Facts rates confidence: the evidence × agreement rubric, source grades and rules.",
        body,
        "methodology",
    )


def downloads_page(base: FactBase, data_files: Iterable[tuple[str, str]]) -> Page:
    url = "downloads/"
    items = "".join(
        tag("li", f'<a href="{href(url, path)}">{esc(path)}</a> — {esc(what)}') for path, what in data_files
    )
    body = [
        tag("h1", "Downloads", id="_top"),
        tag(
            "p",
            f"The whole fact base, {_plural(len(base.claims), 'claim')} from {_plural(len(base.models), 'model')}, "
            "as data. Rebuilt with every change; free to reuse with attribution.",
        ),
        tag("ul", items),
    ]
    return Page.build(url, "Downloads", "Model Facts as JSON, CSV and JSON Schema.", body, "downloads")


def home_page(base: FactBase) -> Page:
    claims = [c for _, c in base.claims]
    disputed = sum(c.status == "disputed" for c in claims)
    links = [
        ("models/", "Models", "every model, grouped by developer"),
        ("sources/", "Sources", "the articles, with every cited passage highlighted"),
        ("disputed/", "Disputed claims", "where the sources disagree, side by side"),
        ("timeline/", "Timeline", "dated claims in order"),
        ("methodology/", "Methodology", "how confidence is rated"),
        ("downloads/", "Downloads", "the data as JSON and CSV"),
        ("feed.xml", "Changes feed", "an Atom feed of claims added and re-rated"),
    ]
    body = [
        tag("h1", "Model Facts", id="_top"),
        "<p>What is really known about AI models and how open they are. Every claim here names the articles "
        "that make it, quotes them word for word, and carries a confidence rating that a program checks "
        "against the evidence.</p>",
        tag(
            "p",
            f"{_plural(len(base.models), 'model')} · {_plural(len(claims), 'claim')} · "
            f"{_plural(len(base.sources), 'source')} · {disputed} disputed",
            class_="mf-counts",
        ),
        tag("p", esc("Confidence mix: " + mix_text(claims)) if claims else ""),
        tag("ul", "".join(tag("li", f'<a href="{href("", u)}">{esc(t)}</a> — {esc(w)}') for u, t, w in links)),
    ]
    return Page.build(
        "",
        "Home",
        f"A checked fact base: {len(base.models)} AI models, {len(claims)} claims, {len(base.sources)} sources.",
        body,
        "home",
    )
