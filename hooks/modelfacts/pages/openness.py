"""Openness as readers see it: the card at the top of a model page, the licence pages, the framework pages.

Every verdict is `base.verdicts`' (verdicts.py applies the rules) and every framework result
`frameworks.assess`'s: these pages only show them. Each page (and the card, inside its model
page's view) is rendered from a frozen view of what it shows, which is also its cache key.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cache

from .. import frameworks, licences, openness, rubric, verdicts
from ..frameworks import Framework, Result
from ..html import Html, join, tag
from ..model import Claim, FactBase, Licence, Model, by_name
from ..urls import (
    FRAMEWORKS,
    LICENCES,
    METHODOLOGY,
    OPENNESS_ANCHOR,
    framework_url,
    href,
    licence_url,
    model_url,
    source_url,
)
from ..verdicts import Assertion, Verdict
from .claim import CitedSource, cited_sources, claim_html
from .page import Page
from .parts import meta_list, plural, table

NOT_STORED = (
    "This page shows only what stored documents say about this licence: the claims below quote them, "
    "not the licence itself."
)
"""What a licence page says when the licence's own text is not stored."""


@cache  # a handful of verdicts, on every row of every card
def verdict_html(verdict: str, explain: bool = True) -> Html:
    """A verdict as text, shape and colour (openness.VERDICT_SYMBOL): never colour alone. Its meaning is the
    tooltip unless `explain` is off: inside a link with its own title, the inner one would hide it."""
    return tag(
        "span",
        tag("span", openness.VERDICT_SYMBOL[verdict], class_="mf-verdict-symbol", aria_hidden="true"),
        " ",
        verdict,
        class_=f"mf-verdict mf-verdict-{verdict}",
        title=openness.VERDICT_MEANING[verdict] if explain else None,
    )


@cache
def level_badge(confidence: str) -> Html:
    """A confidence badge under a column that says 'Confidence': the level alone."""
    return tag("span", confidence, class_=f"mf-badge mf-badge--{confidence.replace(' ', '-')}")


@dataclass(frozen=True, slots=True)
class LicenceName:
    id: str
    name: str | None
    """Its name in the licence table; None when the table does not have it (then it has no page)."""


def licence_names(written: str, table: Mapping[str, Licence]) -> tuple[LicenceName, ...]:
    """The licences of an SPDX expression, each with its name from the table."""
    return tuple(LicenceName(i, table[i].name if i in table else None) for i in licences.parse(written).ids)


def licence_table(base: FactBase) -> dict[str, Licence]:
    """The licence table by id; empty when there is none or it failed its check."""
    return base.licences.by_id if base.licences is not None else {}


def licence_entries(base: FactBase) -> list[Licence]:
    """The licences that get a page, in the table's order: one per page URL, the first (two ids that differ
    only in case reach a page only under `mkdocs serve`, beside the checker's banner)."""
    pages: dict[str, Licence] = {}
    for entry in licence_table(base).values():
        pages.setdefault(licence_url(entry.id), entry)
    return list(pages.values())


def licence_html(written: str, names: tuple[LicenceName, ...], from_url: str) -> Html:
    """A licence by its name, linked to its page; an expression of several as written, then each by name.
    A licence the table lacks has no page: it is shown by its id."""
    links = [
        tag("a", n.name, href=href(from_url, licence_url(n.id))) if n.name is not None else tag("code", n.id)
        for n in names
    ]
    if not names:
        return tag("code", written)
    if len(names) == 1:
        return links[0]
    return join([tag("code", written), " (", join(links, ", "), ")"])


def licence_code(written: str, table: Mapping[str, Licence], from_url: str) -> Html:
    """An SPDX expression as written, each licence in it that has a page linked to it: licence_html's compact
    form, for a table cell."""
    paged = set(licences.parse(written).ids) & table.keys()
    return tag(
        "code",
        *(
            tag("a", part, href=href(from_url, licence_url(part))) if part in paged else part
            for part in re.split(r"(\s+|[()])", written)
            if part
        ),
    )


# The card


@dataclass(frozen=True, slots=True)
class Said:
    """One claim's assertion about a dimension, as the card shows it."""

    claim_id: str
    statement: str
    written: str
    value: str
    licences: tuple[LicenceName, ...] = ()
    """For the licence dimension: the licences of the expression (none when it does not parse)."""


def said(a: Assertion, table: Mapping[str, Licence], dimension: str) -> Said:
    names = licence_names(a.written, table) if dimension == openness.LICENCE else ()
    return Said(a.claim.id, a.claim.statement, a.written, a.value, names)


@dataclass(frozen=True, slots=True)
class Row:
    """One dimension's verdict, as the card shows it."""

    dimension: str
    verdict: str
    confidence: str | None
    as_of: str | None
    licence_class: str | None
    winner: Said | None
    support: tuple[Said, ...]
    against: tuple[Said, ...]
    outweighed: tuple[Said, ...]
    history: tuple[tuple[str, Said], ...]
    """(since, assertion) for each change."""


def row(v: Verdict, table: Mapping[str, Licence]) -> Row:
    def one(a: Assertion) -> Said:
        return said(a, table, v.dimension)

    def many(assertions: Iterable[Assertion]) -> tuple[Said, ...]:
        return tuple(one(a) for a in assertions)

    return Row(
        v.dimension,
        v.verdict,
        v.confidence,
        v.as_of,
        v.licence_class,
        one(v.winner) if v.winner else None,
        many(v.support),
        many(v.against),
        many(v.outweighed),
        tuple((step.since, one(step.assertion)) for step in v.history),
    )


@dataclass(frozen=True, slots=True)
class Standing:
    """A model's result on one framework, as pages show it."""

    framework: str
    status: str
    """One of frameworks.STATUSES."""
    reached: str | None
    next: str | None
    gaps: tuple[str, ...]
    """Gap.describe() of each criterion of `next` not met."""


def standing(result: Result) -> Standing:
    return Standing(
        result.framework.id,
        result.status,
        result.reached.name if result.reached else None,
        result.next.name if result.next else None,
        tuple(g.describe() for g in result.gaps),
    )


@dataclass(frozen=True, slots=True)
class Card:
    """What a model page's openness card shows: part of its view."""

    rows: tuple[Row, ...]
    """In openness.DIMENSIONS order."""
    frameworks: tuple[Standing, ...]


def openness_card(base: FactBase, model: Model) -> Card:
    verdicts = base.verdicts.get(model.id) or {}
    table = licence_table(base)
    return Card(
        tuple(row(v, table) for v in verdicts.values()),
        tuple(standing(r) for r in frameworks.assess_all(verdicts).values()) if verdicts else (),
    )


def _claim_link(s: Said, model_id: str, from_url: str) -> Html:
    return tag("a", s.statement, href=href(from_url, model_url(model_id), s.claim_id))


def _value_html(s: Said, dimension: str, from_url: str) -> Html:
    """What a claim asserts: a licence by name (with the value its class gives), else the value."""
    if dimension == openness.LICENCE:
        return join([licence_html(s.written, s.licences, from_url), " (", verdict_html(s.value), ")"])
    return verdict_html(s.value)


def _claims_cell(r: Row, model_id: str, url: str) -> Html:
    """The claims a verdict rests on; when disputed, both sides with what each asserts; then the outweighed."""
    if r.winner is None:
        return Html("No claim asserts it.")
    if r.verdict == openness.DISPUTED:
        groups = [("For", r.support, True), ("Against", r.against, True)]
    else:
        groups = [("Rests on", r.support, False)]
    if r.outweighed:
        groups.append(("Outweighed", r.outweighed, True))

    def one(s: Said, valued: bool) -> Html:
        link = _claim_link(s, model_id, url)
        return join([_value_html(s, r.dimension, url), " ", link]) if valued else link

    items = (
        tag(
            "li",
            tag("strong", label + ":"),
            " ",
            join((one(s, valued) for s in group), "; "),
            class_=f"mf-side-{label.split()[0].lower()}",
        )
        for label, group, valued in groups
    )
    return tag("ul", *items, class_="mf-rests-on")


def _verdict_cell(r: Row, url: str) -> Html:
    """The verdict; for the licence, the winning licence by name and its class."""
    if r.dimension != openness.LICENCE or r.winner is None or r.verdict == openness.DISPUTED:
        return verdict_html(r.verdict)
    licence = licence_html(r.winner.written, r.winner.licences, url)
    kind = f" ({r.licence_class})" if r.licence_class else " (not in the licence table)"
    return join([verdict_html(r.verdict), Html("<br>"), tag("span", licence, kind, class_="mf-licence-name")])


def _history(card: Card, model_id: str, url: str) -> list[Html]:
    changed = [r for r in card.rows if r.history]
    if not changed:
        return []
    items = (
        tag(
            "li",
            tag("strong", openness.BY_ID[r.dimension].name),
            tag(
                "ol",
                *(
                    tag("li", _value_html(s, r.dimension, url), f" from {since} — ", _claim_link(s, model_id, url))
                    for since, s in r.history
                ),
            ),
            data_dimension=r.dimension,
        )
        for r in changed
    )
    return [tag("h3", "How it changed", id="_openness-history"), tag("ul", *items, class_="mf-history")]


def standing_text(s: Standing) -> str:
    """'reaches Class III: Open Model; not Class II: Open Tooling', or the like."""
    if s.status == "meets":
        return f"meets it ({s.reached})" if s.reached and len(frameworks.BY_ID[s.framework].levels) > 1 else "meets it"
    if s.status == "partly":
        return f"reaches {s.reached}; not {s.next}"
    if s.status == "unknown":
        return f"not known: evidence missing for {s.next}"
    return f"does not meet {s.next}"


def standing_html(s: Standing) -> Html:
    gaps = f" — {'; '.join(s.gaps)}" if s.gaps else ""
    return join([tag("span", standing_text(s), class_=f"mf-result mf-result-{s.status}"), gaps])


def _frameworks(card: Card, url: str) -> list[Html]:
    if not card.frameworks:
        return []
    items = (
        tag(
            "li",
            tag("a", _framework_title(frameworks.BY_ID[s.framework]), href=href(url, framework_url(s.framework))),
            ": ",
            standing_html(s),
        )
        for s in card.frameworks
    )
    return [
        tag("h3", "On published frameworks", id="_openness-frameworks"),
        tag("ul", *items, class_="mf-framework-results"),
    ]


def _framework_title(f: Framework) -> str:
    return f"{f.name} {f.version.split(' ')[0]}"


def _maybe_cell(content: Html | str | None) -> Html:
    """A cell, or a dash marked mf-empty: the stacked (phone) card hides it rather than print "Confidence —"."""
    return tag("td", content) if content else tag("td", "—", class_="mf-empty")


def card_html(card: Card, model_id: str) -> Html:
    """The openness card: a row per dimension (verdict, confidence, evidence date, the claims behind it),
    each dimension's history, and the model's results on the frameworks."""
    url = model_url(model_id)
    rows = (
        tag(
            "tr",
            tag("th", openness.BY_ID[r.dimension].name, scope="row", title=openness.BY_ID[r.dimension].question),
            tag("td", _verdict_cell(r, url)),
            _maybe_cell(level_badge(r.confidence) if r.confidence else None),
            _maybe_cell(r.as_of),
            tag("td", _claims_cell(r, model_id, url)),
            data_dimension=r.dimension,
        )
        for r in card.rows
    )
    how = tag("a", "how verdicts are computed", href=href(url, METHODOLOGY, "_verdicts"))
    return tag(
        "section",
        tag("h2", "Openness", id="_openness"),
        tag("p", "Computed from the claims below (", how, "): each verdict links to the claims it rests on."),
        table(("Dimension", "Verdict", "Confidence", "Evidence date", "Claims"), rows, "Openness", "mf-card"),
        *_history(card, model_id, url),
        *_frameworks(card, url),
        class_="mf-openness",
        id=OPENNESS_ANCHOR,
    )


# Licence pages


@dataclass(frozen=True, slots=True)
class Under:
    """A model under a licence: its licence verdict."""

    model_id: str
    model_name: str
    verdict: str
    written: str
    """The SPDX expression that names the licence (the winner's, or on a dispute either side's)."""


def models_by_licence(base: FactBase) -> dict[str, tuple[Under, ...]]:
    """For each licence id, the models under it (verdicts.under_licences), as its page shows them."""
    return {
        ident: tuple(Under(m.id, m.name, v.verdict, a.written) for m, v, a in found)
        for ident, found in verdicts.under_licences(base).items()
    }


@dataclass(frozen=True, slots=True)
class Term:
    """A claim in the licence's `terms`; `claim` None when the reference names none (the checker says so)."""

    ref: str
    model_id: str
    model_name: str
    claim: Claim | None
    assessment: rubric.Assessment | None


@dataclass(frozen=True, slots=True)
class LicenceView:
    """Everything a licence page shows, so also the key it is kept under."""

    licence: Licence
    text_title: str | None
    """The title of the source that stores its text."""
    terms: tuple[Term, ...]
    sources: tuple[CitedSource, ...]
    models: tuple[Under, ...]


def licence_views(base: FactBase) -> list[LicenceView]:
    """A view for each licence that gets a page (licence_entries), its claims and models found in one pass."""
    under = models_by_licence(base)
    wanted = {ref for entry in licence_entries(base) for ref in entry.terms}
    claims = {ref: (m, c) for m, c in base.claims if (ref := f"{m.id}#{c.id}") in wanted}
    views = []
    for licence in licence_entries(base):
        terms = []
        for ref in licence.terms:
            model_id = ref.partition("#")[0]
            if ref in claims:
                model, claim = claims[ref]
                terms.append(Term(ref, model_id, model.name, claim, base.assess(claim)))
            else:
                terms.append(Term(ref, model_id, model_id, None, None))
        text = base.sources.get(licence.text) if licence.text else None
        quoted = cited_sources(base, (t.claim for t in terms if t.claim is not None))
        views.append(
            LicenceView(
                licence,
                text.title if text else None,
                tuple(terms),
                # A claim block shows no source's URL (a model page has it for its JSON-LD only): left out, so a
                # new URL re-renders no licence page.
                tuple(replace(s, url=None) for s in quoted),
                under.get(licence.id, ()),
            )
        )
    return views


def _text_part(view: LicenceView, url: str) -> list[Html]:
    """A link to its stored text; or a box that says it is not stored (both only for an entry that has both, which
    the checker refuses)."""
    licence = view.licence
    parts = []
    if licence.text is not None:
        link = tag("a", view.text_title or licence.text, href=href(url, source_url(licence.text)))
        parts.append(
            tag("p", "Its text is stored: ", link, ", with every quoted passage highlighted.", class_="mf-stored")
        )
    if licence.text is None or licence.not_stored is not None:
        why = tag("p", tag("strong", "Text not stored."), " ", licence.not_stored or "", " ", NOT_STORED)
        parts.append(tag("aside", why, class_="mf-not-stored"))
    return parts


def licence_page(view: LicenceView) -> Page:
    licence = view.licence
    url = licence_url(licence.id)
    sources = {s.id: s for s in view.sources}
    meta: list[tuple[str, str]] = [
        ("Id", tag("code", licence.id)),
        ("Class", join([tag("strong", licence.licence_class), " — ", openness.LICENCE_CLASSES[licence.licence_class]])),
        ("Why", licence.reason),
    ]
    if licence.equivalent:
        meta.append(("Same conditions as", join([tag("code", licence.equivalent), " (OSI-approved)"])))
    if licence.url:
        meta.append(("Published at", tag("a", licence.url, href=licence.url, rel="nofollow noopener")))
    body = [tag("h1", licence.name, id="_top"), meta_list(meta), *_text_part(view, url)]
    body.append(tag("h2", f"Key terms ({len(view.terms)})", id="_terms"))
    if not view.terms:
        body.append(Html("<p>No claim quotes its terms yet.</p>"))
    for term in view.terms:
        if term.claim is None or term.assessment is None:
            body.append(tag("p", tag("code", term.ref), " names no claim."))
            continue
        body.append(
            tag("p", tag("a", term.model_name, href=href(url, model_url(term.model_id))), class_="mf-model-name")
        )
        body.append(claim_html(term.model_id, term.claim, term.assessment, sources, url, link_model=True))
    body.append(tag("h2", f"Models under it ({len(view.models)})", id="_models"))
    if view.models:
        rows = (
            tag(
                "tr",
                tag("td", tag("a", u.model_name, href=href(url, model_url(u.model_id), OPENNESS_ANCHOR))),
                tag("td", verdict_html(u.verdict)),
                tag("td", tag("code", u.written)),
            )
            for u in view.models
        )
        body.append(table(("Model", "Licence verdict", "Expression"), rows, f"Models under {licence.name}"))
    else:
        body.append(Html("<p>No model's licence verdict names it.</p>"))
    description = f"{licence.name} ({licence.id}): class {licence.licence_class}; {plural(len(view.models), 'model')}."
    return Page.build(url, licence.name, description, body, "licence")


def licences_index(base: FactBase) -> Page:
    """Every licence of the table, with its class, whether its text is stored and the models under it."""
    under = models_by_licence(base)
    entries = licence_entries(base)
    classes = (
        tag(
            "tr",
            tag("td", tag("code", c)),
            tag("td", meaning),
            tag("td", verdict_html(openness.CLASS_VALUE[c])),
        )
        for c, meaning in openness.LICENCE_CLASSES.items()
    )
    body = [
        tag("h1", "Licences", id="_top"),
        tag(
            "p",
            f"{plural(len(entries), 'licence')} named by the claims, each with its class, which gives the licence "
            "verdict of the models under it.",
        ),
        table(("Class", "Meaning", "Licence verdict"), classes, "Licence classes"),
    ]
    if entries:
        rows = (
            tag(
                "tr",
                tag("td", tag("a", e.name, href=href(LICENCES, licence_url(e.id)))),
                tag("td", tag("code", e.id)),
                tag("td", e.licence_class),
                tag("td", "stored" if e.text else "not stored"),
                tag(
                    "td",
                    join(
                        (
                            tag("a", u.model_name, href=href(LICENCES, model_url(u.model_id)))
                            for u in under.get(e.id, ())
                        ),
                        ", ",
                    ),
                ),
            )
            for e in sorted(entries, key=by_name)
        )
        body.append(table(("Licence", "Id", "Class", "Text", "Models"), rows, "Licences"))
    else:
        body.append(Html("<p>The licence table is empty.</p>"))
    return Page.build(LICENCES, "Licences", f"The {len(entries)} licences of Model Facts' models.", body, "index")


# Framework pages


def criteria_html(framework: Framework) -> Html:
    """Each class of a framework, lowest first, with the criteria it adds as the verdicts they need."""
    levels = (
        tag(
            "li",
            tag("strong", level.name),
            tag(
                "ul",
                *(
                    tag(
                        "li",
                        openness.BY_ID[c.dimension].name,
                        " must be ",
                        " or ".join(c.accepts),
                        ": ",
                        c.text,
                    )
                    for c in level.criteria
                ),
            ),
        )
        for level in framework.levels
    )
    lead = "Its classes, lowest first; each adds its criteria to those below it:" if len(framework.levels) > 1 else ""
    return join([tag("p", lead) if lead else "", tag("ol", *levels, class_="mf-levels")])


@dataclass(frozen=True, slots=True)
class FrameworkView:
    """Everything a framework page shows, so also the key it is kept under."""

    framework: Framework
    results: tuple[tuple[str, str, Standing], ...]
    """(model id, model name, result), in the fact base's order."""


def framework_view(base: FactBase, framework: Framework) -> FrameworkView:
    return FrameworkView(
        framework,
        tuple(
            (m.id, m.name, standing(frameworks.assess(framework, base.verdicts[m.id])))
            for m in base.models
            if m.id in base.verdicts
        ),
    )


def framework_page(view: FrameworkView) -> Page:
    f = view.framework
    url = framework_url(f.id)
    rows = (
        tag(
            "tr",
            tag("td", tag("a", name, href=href(url, model_url(model_id), OPENNESS_ANCHOR))),
            tag("td", tag("span", standing_text(s), class_=f"mf-result mf-result-{s.status}")),
            tag("td", "; ".join(s.gaps) or "—"),
        )
        for model_id, name, s in view.results
    )
    body = [
        tag("h1", f.name, id="_top"),
        meta_list(
            [
                ("Version", f.version),
                ("Published at", tag("a", f.url, href=f.url, rel="nofollow noopener")),
                ("Text", "not stored: the criteria below are this site's encoding of it"),
            ]
        ),
        tag("p", f.summary),
        tag("h2", "The criteria, as encoded", id="_criteria"),
        criteria_html(f),
        tag("h2", "Not encoded", id="_not-encoded"),
        tag(
            "p",
            "What the framework asks that no dimension here measures, so no result here speaks for it: ",
            f.not_encoded,
        ),
        tag("h2", f"Every model's result ({len(view.results)})", id="_results"),
        table(("Model", "Result", "What keeps it from the next class"), rows, f"Results on the {f.name}")
        if view.results
        else Html("<p>No models yet.</p>"),
    ]
    counts = Counter(s.status for _, _, s in view.results)
    description = f"{f.name} {f.version}: " + ", ".join(f"{n} {status}" for status, n in counts.items()) + "."
    return Page.build(url, f.name, description, body, "framework")


def frameworks_index() -> Page:
    rows = (
        tag(
            "tr",
            tag("td", tag("a", f.name, href=href(FRAMEWORKS, framework_url(f.id)))),
            tag("td", f.version),
            tag("td", f.summary),
        )
        for f in frameworks.FRAMEWORKS
    )
    body = [
        tag("h1", "Frameworks", id="_top"),
        tag(
            "p",
            "Published openness frameworks, applied to the same verdicts: where each model stands, and which "
            "evidence is missing for a higher class.",
        ),
        table(("Framework", "Version", "What it asks"), rows, "Frameworks"),
    ]
    return Page.build(FRAMEWORKS, "Frameworks", "Published openness frameworks applied to every model.", body, "index")
