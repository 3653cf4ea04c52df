"""Pages about the site rather than about one model or source: home, recent changes and methodology."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .. import feed, frameworks, openness, rubric, rules, verdicts
from ..html import Html, tag
from ..model import Claim, FactBase, Model, by_name
from ..urls import (
    CHANGES,
    DISPUTED,
    DOWNLOADS,
    FEED,
    FRAMEWORKS,
    HOME,
    LICENCES,
    METHODOLOGY,
    MODELS,
    OPENNESS,
    OPENNESS_ANCHOR,
    SOURCES,
    TIMELINE,
    filter_query,
    framework_url,
    href,
    model_url,
)
from ..verdicts import Verdict
from .frameworks import criteria_html
from .lists import contested
from .openness import verdict_html
from .page import Page
from .parts import badge, mix_text, plural, table

RECENT = 4
"""How many of the newest feed items the home page shows (the changes page has them all)."""
IN_DISPUTE = 3
"""How many of the claims most in dispute the home page shows (the disputed page has them all)."""


def documented(verdict: Verdict) -> tuple[int, ...]:
    """How well a verdict is documented, to compare verdicts by: the ratings of the claims it rests on, highest
    first, so a higher-rated claim counts first, then more claims."""
    return tuple(sorted((a.rank for a in verdict.rests_on), reverse=True))


def best_documented(base: FactBase, dimension: str, verdict: str) -> Model | None:
    """The model whose verdict on a dimension is `verdict` and rests on the most, highest-rated claims (on a tie,
    the first by name); None when no such verdict rests on any claim."""
    found = sorted(
        (m for m in base.models if (v := base.verdicts[m.id][dimension]).verdict == verdict and v.rests_on),
        key=by_name,
    )
    return max(found, key=lambda m: documented(base.verdicts[m.id][dimension]), default=None)  # the first of equals


def verdict_counts(base: FactBase, dimension: str) -> dict[str, int]:
    """How many models have each verdict on a dimension (what the openness matrix's column holds)."""
    counts = dict.fromkeys(openness.VERDICTS, 0)
    for m in base.models:
        counts[base.verdicts[m.id][dimension].verdict] += 1
    return counts


EXAMPLED = ("open", "partial", "closed")
"""The verdicts a home-page count gives an example of: an unknown or disputed verdict has no best-documented case."""


def _openness_summary(base: FactBase) -> list[Html]:
    """Per dimension, how many models are open, partial, closed, disputed or unknown, each of the first three
    with its best-documented example: the openness matrix in a few lines."""
    items = []
    for d in openness.DIMENSIONS:
        counts = []
        for verdict, n in verdict_counts(base, d.id).items():
            if not n:
                continue
            example = best_documented(base, d.id, verdict) if verdict in EXAMPLED else None
            link = (
                Html("")
                if example is None
                else tag(
                    "span", " e.g. ", tag("a", example.name, href=href(HOME, model_url(example.id), OPENNESS_ANCHOR))
                )
            )
            models = href(HOME, OPENNESS) + filter_query(verdict=verdict, dimension=d.id)
            count = tag(
                "a",
                tag("strong", str(n)),
                " ",
                verdict_html(verdict),
                href=models,
                aria_label=f"{n} {verdict}: {d.name}, in the openness matrix",
                class_="mf-home-count",
            )
            counts.append(tag("li", count, link))
        items.append(
            tag(
                "li",
                tag("span", d.name, class_="mf-home-dim"),
                " ",
                tag("span", d.question, class_="mf-home-question"),
                tag("ul", *counts, class_="mf-home-counts"),
                id=f"_openness-{d.id}",
            )
        )
    return [
        tag("h2", "How open are they?", id="_openness"),
        tag(
            "p",
            f"The verdicts of {plural(len(base.models), 'model')} on each dimension, computed from the claims; "
            "each count opens those models in the matrix and names the one whose verdict rests on the most, "
            "highest-rated claims. ",
            tag("a", "The openness matrix", href=href(HOME, OPENNESS)),
            " shows every model, ",
            tag("a", "the methodology", href=href(HOME, METHODOLOGY, "_verdicts")),
            " how a verdict is computed.",
        ),
        tag("ul", *items, class_="mf-home-openness"),
    ]


def anchors(base: FactBase) -> frozenset[tuple[str, str]]:
    """Every (model id, anchor) the model pages hold that a change can point to: each claim's, each moved claim's
    old one, and each openness card. A removed claim's (or model's) is not among them."""
    return frozenset(
        [(m.id, c.id) for m, c in base.claims]
        + [(m.id, moved.id) for m in base.models for moved in m.moved]
        + [(m.id, OPENNESS_ANCHOR) for m in base.models]
    )


def _change_link(line: feed.Line | None, text: str, here: str, present: frozenset[tuple[str, str]]) -> Html:
    """`text` linking where a feed line points, or plain when it points nowhere or to what is gone."""
    if line is None or line.model is None or (line.model, line.anchor) not in present:
        return tag("span", text)
    return tag("a", text, href=href(here, model_url(line.model), line.anchor))


SUBJECT = 90
"""How much of a commit's subject the home page shows beside a change (the changes page shows all of it)."""


def _shorten(text: str, limit: int = SUBJECT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _recent(recent: Sequence[feed.Item], present: frozenset[tuple[str, str]]) -> list[Html]:
    """The newest few items of the feed, each linking where it points (if that is still there)."""
    rows = [
        tag(
            "li",
            tag("time", item.updated[:10], datetime=item.updated),
            " ",
            _change_link(item.link, item.title, HOME, present),
            " ",
            tag("span", _shorten(item.subject), class_="mf-home-subject"),
        )
        for item in recent[:RECENT]
    ]
    return [
        tag("h2", "What changed recently", id="_changes"),
        tag("ul", *rows, class_="mf-home-changes") if rows else tag("p", "No change is recorded in this build."),
        tag(
            "p",
            tag("a", "All recent changes", href=href(HOME, CHANGES)),
            " · ",
            tag("a", "Atom feed", href=href(HOME, FEED), type="application/atom+xml"),
        ),
    ]


def _sources(claim: Claim, stance: str) -> int:
    return len({c.source for c in claim.citations if c.stance == stance})


def in_dispute(base: FactBase) -> list[tuple[Model, Claim]]:
    """Claims a source contradicts (the disputed page's), most in dispute first: those whose status says so, then
    those with the most sources on the weaker side (a claim five sources refute and one supports is settled more
    than one two sources support and two contradict), then the most sources in all."""

    def key(mc: tuple[Model, Claim]) -> tuple[bool, int, int]:
        claim = mc[1]
        against, support = _sources(claim, "contradicts"), _sources(claim, "supports")
        return (claim.status != "disputed", -min(against, support), -(against + support))

    return sorted(contested(base), key=key)


def _disputes(base: FactBase) -> list[Html]:
    disputed = in_dispute(base)
    rows = [
        tag(
            "li",
            tag("a", claim.statement, href=href(HOME, model_url(model.id), claim.id)),
            " ",
            tag(
                "span",
                f"{model.name} · {plural(_sources(claim, 'supports'), 'source')} for, "
                f"{_sources(claim, 'contradicts')} against · ",
                badge(claim.confidence),
                class_="mf-home-dispute",
            ),
        )
        for model, claim in disputed[:IN_DISPUTE]
    ]
    return [
        tag("h2", "Most in dispute", id="_disputed"),
        tag("ul", *rows, class_="mf-home-disputes") if rows else tag("p", "No source contradicts a claim."),
        tag("p", tag("a", f"All {plural(len(disputed), 'disputed claim')}", href=href(HOME, DISPUTED))),
        tag("p", tag("strong", "What a rating means."), " ", rubric.RATING_MEANING, class_="mf-rating-meaning"),
    ]


SEARCH_TOGGLE = "__search"
"""The id of the checkbox by which Material's header opens its search (the search integration keeps it)."""


def home_page(base: FactBase, recent: Sequence[feed.Item] = ()) -> Page:
    """The reader's questions first (how open the models are, what changed, what is in dispute, search), then the
    way to every section. `recent` is the feed's items, newest first."""
    claims = [c for _, c in base.claims]
    disputed = sum(c.status == "disputed" for c in claims)
    links = [
        (OPENNESS, "Openness", "how open each model is: weights, licence, code, data, documentation, access"),
        (MODELS, "Models", "every model, grouped by developer"),
        (SOURCES, "Sources", "the articles and the developers' own documents, with every cited passage highlighted"),
        (DISPUTED, "Disputed claims", "where the sources disagree, side by side"),
        (TIMELINE, "Timeline", "dated claims in order"),
        (LICENCES, "Licences", "every licence the claims name, its class and the models under it"),
        (FRAMEWORKS, "Frameworks", "where each model stands on published openness frameworks"),
        (METHODOLOGY, "Methodology", "how confidence is rated and openness verdicts are computed"),
        (DOWNLOADS, "Downloads", "the data as JSON and CSV"),
        (CHANGES, "Recent changes", "claims added and re-rated, and verdicts that changed (also as an Atom feed)"),
    ]
    body = [
        tag("h1", "Model Facts", id="_top"),
        Html(
            "<p>What is really known about AI models and how open they are. Every claim here names the documents "
            "that make it (the developers' own model cards and licences, and articles), quotes them word for word, and carries a confidence rating that a program checks "
            "against the evidence.</p>"
        ),
        tag(
            "p",
            f"{plural(len(base.models), 'model')} · {plural(len(claims), 'claim')} · "
            f"{plural(len(base.sources), 'source')} · {disputed} disputed",
            class_="mf-counts",
        ),
        tag("p", "Confidence mix: " + mix_text(claims) if claims else ""),
        tag(
            "label",
            tag("span", "Search models, claims and sources", class_="mf-search-entry-text"),
            " ",
            tag("kbd", "/", title="keyboard shortcut"),
            for_=SEARCH_TOGGLE,
            class_="mf-search-entry",
        ),
        *_openness_summary(base),
        *_recent(recent, anchors(base)),
        *_disputes(base),
        tag("h2", "Everything on the site", id="_sections"),
        tag("ul", *(tag("li", tag("a", title, href=href(HOME, url)), f" — {what}") for url, title, what in links)),
    ]
    description = (
        f"A checked fact base: {len(base.models)} AI models, {len(claims)} claims, {len(base.sources)} sources."
    )
    return Page.build(HOME, "Home", description, body, "home")


def changes_page(items: Sequence[feed.Item], present: frozenset[tuple[str, str]] = frozenset()) -> Page:
    """The feed's items as a page a browser shows (an Atom file is not one): newest first, each with its commit's
    subject and what changed, each line linking where it points when that is among `present` (anchors(base)):
    a removed claim's line is text."""

    def line(x: feed.Line) -> Html:
        return tag("li", _change_link(x, x.text, CHANGES, present))

    entries = [
        tag(
            "li",
            tag("time", item.updated[:10], datetime=item.updated),
            " ",
            tag("strong", item.title),
            tag("p", "Commit: ", item.subject, class_="mf-change-subject"),
            tag("ul", *(line(x) for x in item.lines)) if item.lines else Html(""),
            class_="mf-change",
        )
        for item in items
    ]
    body = [
        tag("h1", "Recent changes", id="_top"),
        tag(
            "p",
            "What the newest commits to the fact base changed: openness verdicts that moved (with the claims that "
            "moved them) and claims added, removed or re-rated, newest first. The same entries are in the ",
            tag("a", "Atom feed", href=href(CHANGES, FEED), type="application/atom+xml"),
            ", for a feed reader.",
        ),
        tag("ol", *entries, class_="mf-changes") if entries else tag("p", "No change is recorded in this build."),
    ]
    description = f"The {plural(len(items), 'latest change')} to the Model Facts fact base."
    return Page.build(CHANGES, "Recent changes", description, body, "changes")


def _definition_table(items: Mapping[str, str], head: tuple[str, str]) -> Html:
    rows = (tag("tr", tag("td", tag("code", k)), tag("td", v)) for k, v in items.items())
    return table(head, rows, head[0] + "s")


def _bullets(items: Iterable[str]) -> Html:
    return tag("ul", *(tag("li", item) for item in items))


def _openness_sections() -> list[Html]:
    """The openness vocabulary, the verdict rules, the licence classes and the framework mappings, each printed
    from its one home (openness.py, verdicts.RULES, frameworks.FRAMEWORKS)."""
    parts = [
        tag("h2", "Openness dimensions", id="_dimensions"),
        tag(
            "p",
            "Each model has a verdict on each dimension, computed from what its claims assert (their ",
            tag("code", "openness"),
            " field). What each value means, per dimension:",
        ),
    ]
    for d in openness.DIMENSIONS:
        parts.append(tag("h3", d.name, id=f"_dimension-{d.id}"))
        parts.append(tag("p", d.question))
        parts.append(_definition_table(d.meaning, ("Value", "Meaning")))
    verdict_rows = (
        tag("tr", tag("td", verdict_html(v)), tag("td", openness.VERDICT_MEANING[v])) for v in openness.VERDICTS
    )
    class_rows = (
        tag("tr", tag("td", tag("code", c)), tag("td", meaning), tag("td", verdict_html(openness.CLASS_VALUE[c])))
        for c, meaning in openness.LICENCE_CLASSES.items()
    )
    parts += [
        tag("h2", "Verdicts", id="_verdict-values"),
        table(("Verdict", "Meaning"), verdict_rows, "Verdicts"),
        tag("h2", "How a verdict is computed", id="_verdicts"),
        _bullets(verdicts.RULES),
        tag("h2", "Licence classes", id="_licence-classes"),
        tag(
            "p",
            "Every licence a claim names is in the licence table, with its class; the class gives the licence "
            "dimension its value. ",
            tag("a", "The licences", href=href(METHODOLOGY, LICENCES)),
            " lists them, each with the claims that quote its terms.",
        ),
        table(("Class", "Meaning", "Licence verdict"), class_rows, "Licence classes"),
        tag("h2", "Frameworks", id="_frameworks"),
        tag(
            "p",
            "Where the verdicts put each model on published frameworks. Their texts are not stored: each is named "
            "with its version, and its criteria are encoded as the verdicts they need.",
        ),
    ]
    for f in frameworks.FRAMEWORKS:
        parts += [
            tag("h3", tag("a", f.name, href=href(METHODOLOGY, framework_url(f.id))), id=f"_framework-{f.id}"),
            tag(
                "p", tag("strong", "Version: "), f.version, " · ", tag("a", f.url, href=f.url, rel="nofollow noopener")
            ),
            tag("p", f.summary),
            criteria_html(f),
            tag("p", tag("strong", "Not encoded: "), f.not_encoded),
        ]
    return parts


def methodology_page() -> Page:
    """The rubric as readers see it, printed from the very constants the checker enforces."""
    agreement = list(reversed(rubric.AGREEMENT_LEVELS))
    grid_rows = (
        tag("tr", tag("th", e), *(tag("td", badge(rubric.CEILING[(e, a)])) for a in agreement))
        for e in reversed(rubric.EVIDENCE_LEVELS)
    )
    levels = {lvl: rubric.CONFIDENCE_MEANING[lvl] for lvl in reversed(rubric.CONFIDENCE_LEVELS)}
    grades = {
        g: f"{name}{' — counts as support' if g in rubric.SUPPORTING_GRADES else ''}"
        for g, name in rubric.RELIABILITY_GRADES.items()
    }
    own_rows = (
        tag(
            "tr",
            tag("td", tag("code", t)),
            tag(
                "td",
                "authoritative"
                if t in rubric.AUTHORITATIVE_TOPICS
                else "not authoritative — " + rubric.NOT_AUTHORITATIVE[t],
            ),
        )
        for t in rubric.TOPICS
    )
    checks = {r.id: r.description + (" (warning)" if r.severity == "warning" else "") for r in rules.RULES}
    body = [
        tag("h1", "Methodology", id="_top"),
        Html(
            "<p>Every claim carries a confidence rating. The rating is the curator's judgement, but it may never "
            "exceed a ceiling that a program computes from the claim's citations, after the IPCC's evidence × "
            "agreement grid. The checker enforces the ceiling on every change; this page is generated from the "
            "same code.</p>"
        ),
        tag("h2", "What a rating means", id="_meaning"),
        tag("p", rubric.RATING_MEANING, class_="mf-rating-meaning"),
        tag("h2", "Confidence levels", id="_levels"),
        _definition_table(levels, ("Level", "Meaning")),
        tag("h2", "Counting the evidence", id="_counting"),
        _bullets([rubric.S_DEFINITION, rubric.C_DEFINITION]),
        tag("p", tag("strong", "How independence is decided"), id="_independence"),
        _bullets(rubric.INDEPENDENCE_RULES),
        tag("p", tag("strong", "Evidence")),
        _bullets(rubric.EVIDENCE_RULES),
        tag("p", tag("strong", "Agreement")),
        _bullets(rubric.AGREEMENT_RULES),
        tag("h2", "The ceiling", id="_grid"),
        table(
            ("Evidence \\ agreement", *agreement), grid_rows, "Confidence ceiling by evidence and agreement", "mf-grid"
        ),
        tag("h2", "The developer's own documents", id="_own"),
        tag("p", rubric.OWN_DEFINITION),
        tag("p", rubric.OWN_AUTHORITY),
        table(
            ("Topic", "The developer's own document"),
            own_rows,
            "Topics on which the developer's own document is authoritative",
        ),
        table(
            ("When", "Then"),
            (tag("tr", tag("td", when), tag("td", then)) for when, then in rubric.OWN_EFFECTS.values()),
            "What the developer's own documents do",
        ),
        tag("h2", "Rules", id="_rules"),
        _bullets(rubric.RULES_TEXT),
        tag("h2", "Source reliability grades", id="_grades"),
        Html("<p>Sources are graded on the Admiralty (NATO) scale for source reliability.</p>"),
        _definition_table(grades, ("Grade", "Meaning")),
        tag("h2", "Kinds of source", id="_kinds"),
        _definition_table(rubric.SOURCE_KINDS, ("Kind", "Meaning")),
        tag("h2", "Stances", id="_stances"),
        _definition_table(rubric.STANCES, ("Stance", "Meaning")),
        tag("h2", "Statuses", id="_statuses"),
        _definition_table(rubric.STATUSES, ("Status", "Meaning")),
        tag("h2", "Topics", id="_topics"),
        _definition_table(rubric.TOPICS, ("Topic", "Meaning")),
        *_openness_sections(),
        tag("h2", "What the checker enforces", id="_checker"),
        _definition_table(checks, ("Rule", "What it checks")),
    ]
    description = (
        "How Model Facts rates confidence (the evidence × agreement rubric, source grades and rules) and computes "
        "openness verdicts."
    )
    return Page.build(METHODOLOGY, "Methodology", description, body, "methodology")
