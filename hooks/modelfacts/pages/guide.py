"""Pages about the site rather than about one model or source: home and methodology."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import frameworks, openness, rubric, rules, verdicts
from ..html import Html, tag
from ..model import FactBase
from ..urls import (
    DISPUTED,
    DOWNLOADS,
    FEED,
    FRAMEWORKS,
    HOME,
    LICENCES,
    METHODOLOGY,
    MODELS,
    OPENNESS,
    SOURCES,
    TIMELINE,
    framework_url,
    href,
)
from .openness import criteria_html, verdict_html
from .page import Page
from .parts import badge, mix_text, plural, table


def home_page(base: FactBase) -> Page:
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
        (FEED, "Changes feed", "an Atom feed of claims added and re-rated, and of verdicts that changed"),
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
        tag("p", tag("strong", "What a rating means."), " ", rubric.RATING_MEANING, class_="mf-rating-meaning"),
        tag("ul", *(tag("li", tag("a", title, href=href(HOME, url)), f" — {what}") for url, title, what in links)),
    ]
    description = (
        f"A checked fact base: {len(base.models)} AI models, {len(claims)} claims, {len(base.sources)} sources."
    )
    return Page.build(HOME, "Home", description, body, "home")


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
