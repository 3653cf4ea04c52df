"""The framework pages: where each model's verdicts put it on a published openness framework (OSI's Open Source
AI Definition, the Model Openness Framework), the criteria as encoded here, and their index. Rendered from a
frozen view (FrameworkView), which is also its cache key."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .. import frameworks, openness
from ..frameworks import Framework
from ..html import Html, join, tag
from ..model import FactBase
from ..urls import FRAMEWORKS, OPENNESS_ANCHOR, framework_url, href, model_url
from .openness import Standing, standing, standing_text
from .page import Page
from .parts import meta_list, table


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
