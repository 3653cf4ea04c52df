"""Openness as readers see it: the card at the top of a model page, and the parts the matrix, licence and
framework pages share with it (a verdict, a licence by name).

Every verdict is `base.verdicts`' (verdicts.py applies the rules) and every framework result
`frameworks.assess`'s: these pages only show them. Each page (and the card, inside its model
page's view) is rendered from a frozen view of what it shows, which is also its cache key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .. import frameworks, licences, openness
from ..frameworks import Framework, Result
from ..html import Html, join, tag
from ..model import FactBase, Licence, Model
from ..urls import (
    METHODOLOGY,
    OPENNESS_ANCHOR,
    framework_url,
    href,
    licence_url,
    model_url,
)
from ..verdicts import Assertion, Verdict
from .parts import table


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
