"""The licence pages: one per licence of the table (its class, its stored text or a note that none is stored,
the claims quoting its key terms, the models under it), and their index. Rendered from a frozen view
(LicenceView), which is also its cache key."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .. import openness, rubric, verdicts
from ..html import Html, join, tag
from ..model import Claim, FactBase, Licence, by_name
from ..urls import LICENCES, OPENNESS_ANCHOR, href, licence_url, model_url, source_url
from .claim import CitedSource, cited_sources, claim_html
from .openness import licence_entries, verdict_html
from .page import Page
from .parts import meta_list, plural, table

NOT_STORED = (
    "This page shows only what stored documents say about this licence: the claims below quote them, "
    "not the licence itself."
)
"""What a licence page says when the licence's own text is not stored."""


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
