"""The openness matrix: every model against every openness dimension and its licence class.

The table is complete HTML, so it reads the same with JavaScript off and from disk. What sorting and
filtering need travels in `data-*` attributes (a cell's sort key, a row's developers, family, verdicts
and licence class); docs/assets/tables.js reads them, so the script knows nothing of the vocabulary. The
filter form is `hidden` until that script shows it, and a note says why until it hides the note:
without script no control pretends to work. The filters set are kept in the address (urls.filter_query),
so a filtered view can be linked to and shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import openness
from ..html import Html, tag
from ..model import FactBase, Licence, Model, by_name
from ..urls import METHODOLOGY, OPENNESS, OPENNESS_ANCHOR, href, model_url
from ..verdicts import Verdict
from .models import UNKNOWN_DEVELOPER, developers_text
from .openness import licence_code, licence_table, verdict_html
from .page import Page
from .parts import plural

NONE = "-"
"""A row's value for 'no developer known', 'no family' or 'no licence class': never an id (ids are [a-z0-9-]
words that do not start with '-') nor a family (rule family-name: it has a letter or digit), so it cannot be
mistaken for one."""
TABLE_ID = "mf-matrix"
COUNT_ID = "mf-matrix-count"
FORM_ID = "mf-matrix-filters"
NOTE_ID = "mf-matrix-noscript"
"""A note that the script hides (a <noscript> would not show where only script execution is off)."""


def rests_on_title(verdict: Verdict) -> str:
    """Every claim a verdict rests on, for the cell's tooltip; the link goes to the first."""
    lines = [f"{a.claim.statement} ({a.claim.id}, {a.claim.confidence}: {a.written})" for a in verdict.rests_on]
    return f"Rests on {plural(len(lines), 'claim')}: " + "; ".join(lines)


def verdict_cell(model: Model, verdict: Verdict) -> Html:
    if verdict.rests_on:
        first = verdict.rests_on[0].claim.id
        label = tag(
            "a",
            verdict_html(verdict.verdict, explain=False),  # the key above the table says what it means
            href=href(OPENNESS, model_url(model.id), first),
            title=rests_on_title(verdict),
        )
    else:
        label = verdict_html(verdict.verdict)
    return tag(
        "td",
        label,
        class_=f"mf-verdict mf-verdict-{verdict.verdict}",
        data_key=str(openness.VERDICTS.index(verdict.verdict)),
    )


def licence_cell(verdicts: dict[str, Verdict], table: Mapping[str, Licence]) -> Html:
    verdict = verdicts[openness.LICENCE]
    cls = verdict.licence_class
    if cls is None:
        return tag("td", "none known", class_="mf-licence-class", data_key=str(len(openness.CLASS_ORDER)))
    return tag(
        "td",
        cls,
        " ",
        licence_code(verdict.spdx or "", table, OPENNESS),
        class_="mf-licence-class",
        data_key=str(openness.CLASS_ORDER.index(cls)),
    )


def row(model: Model, developers: tuple[str, ...], verdicts: dict[str, Verdict], table: Mapping[str, Licence]) -> Html:
    attrs = {f"data_verdict_{d.id}": verdicts[d.id].verdict for d in openness.DIMENSIONS}
    return tag(
        "tr",
        tag(
            "th",
            tag("a", model.name, href=href(OPENNESS, model_url(model.id), OPENNESS_ANCHOR)),
            scope="row",
            data_key=model.name.casefold(),
        ),
        tag("td", developers_text(developers), data_key=developers_text(developers).casefold()),
        *(verdict_cell(model, verdicts[d.id]) for d in openness.DIMENSIONS),
        licence_cell(verdicts, table),
        data_model=model.id,
        data_developers=" ".join(model.developers) or NONE,
        data_licence_class=verdicts[openness.LICENCE].licence_class or NONE,
        data_family=model.family or NONE,
        **attrs,
    )


def select(name: str, label: str, options: Iterable[tuple[str, str]]) -> Html:
    """A labelled <select> whose first option, value '', means 'no filter'. It has an id, not a name
    (`tag` takes no attribute called name): the script finds it by id and the form is never sent."""
    ident = f"mf-filter-{name}"
    return tag(
        "div",
        tag("label", label, for_=ident),
        " ",
        tag("select", *(tag("option", text, value=value) for value, text in options), id=ident),
        class_="mf-filter",
    )


def developer_options(base: FactBase, models: Iterable[Model]) -> list[tuple[str, str]]:
    """(id, name) of the developers of these models, by name then id, and 'not known' last when one has none:
    the choices of a developer filter (here and on the timeline)."""
    developers: dict[str, str] = {}
    unknown = False
    for model in models:
        developers.update(zip(model.developers, base.names(model.developers), strict=True))
        unknown = unknown or not model.developers
    options = sorted(developers.items(), key=lambda item: (item[1].casefold(), item[0]))
    return options + [(NONE, UNKNOWN_DEVELOPER)] if unknown else options


def filters(base: FactBase) -> Html:
    """The filter form; every option is a value the table holds, in the vocabulary's order."""
    options = developer_options(base, base.models)
    seen = {v.verdict for verdicts in base.verdicts.values() for v in verdicts.values()}
    classes = {verdicts[openness.LICENCE].licence_class for verdicts in base.verdicts.values()}
    families = [(f, f) for f in sorted({m.family for m in base.models if m.family}, key=lambda f: (f.casefold(), f))]
    if any(not m.family for m in base.models):
        families.append((NONE, "No family"))
    class_options = [(c, c) for c in openness.CLASS_ORDER if c in classes]
    if None in classes:
        class_options.append((NONE, "none known"))
    return tag(
        "form",
        select("developer", "Developer", [("", "All developers"), *options]),
        select("family", "Family", [("", "All families"), *families]),
        select("verdict", "Verdict", [("", "Any verdict"), *((v, v) for v in openness.VERDICTS if v in seen)]),
        select("dimension", "on", [("", "any dimension"), *((d.id, d.name) for d in openness.DIMENSIONS)]),
        select("class", "Licence class", [("", "Any licence class"), *class_options]),
        tag("button", "Show all", type="reset"),
        id=FORM_ID,
        class_="mf-filters",
        hidden="",
        aria_label="Filter the models",
    )


def legend() -> Html:
    """What each verdict and dimension means, collapsed: the verdicts are words, so the table needs no key to be
    read, and on a phone an open key pushed the table below the first screen and a half."""
    items = (tag("li", verdict_html(v), ": ", openness.VERDICT_MEANING[v]) for v in openness.VERDICTS)
    questions = (tag("li", tag("strong", d.name), ": ", d.question) for d in openness.DIMENSIONS)
    return tag(
        "details",
        tag("summary", "What the verdicts and the dimensions mean"),
        tag("ul", *items, class_="mf-legend"),
        tag("ul", *questions),
        class_="mf-key",
    )


def matrix_table(base: FactBase) -> Html:
    models = sorted(base.models, key=by_name)
    licences = licence_table(base)
    head = [
        tag("th", "Model", scope="col", aria_sort="ascending"),
        tag("th", "Developers", scope="col"),
        *(tag("th", d.name, scope="col", title=d.question) for d in openness.DIMENSIONS),
        tag("th", "Licence class", scope="col"),
    ]
    table = tag(
        "table",
        # The span, not the caption (as wide as the table), is what CSS keeps in view while the table scrolls.
        tag(
            "caption",
            tag("span", f"Openness of {plural(len(models), 'model')} on {len(openness.DIMENSIONS)} dimensions"),
        ),
        tag("thead", tag("tr", *head)),
        tag("tbody", *(row(m, base.names(m.developers), base.verdicts[m.id], licences) for m in models)),
        id=TABLE_ID,
        class_="mf-table mf-matrix",
    )
    return tag("div", table, class_="mf-scroll", tabindex="0", role="region", aria_label="Openness matrix")


def matrix_page(base: FactBase) -> Page:
    total = len(base.models)
    body = [
        tag("h1", "Openness", id="_top"),
        tag(
            "p",
            "How open each model is on each dimension, computed from its claims: a cell links to the claim its "
            "verdict rests on (hover it for all of them), a model's name to its openness card. ",
            tag("a", "How verdicts are computed", href=href(OPENNESS, METHODOLOGY)),
            ".",
        ),
        legend(),
        filters(base),
        tag("p", "Sorting and filtering need JavaScript; the table below is complete without it.", id=NOTE_ID),
        tag("p", f"Showing {total} of {plural(total, 'model')}", id=COUNT_ID, class_="mf-count", role="status"),
        matrix_table(base),
    ]
    description = f"{plural(total, 'model')} against {len(openness.DIMENSIONS)} openness dimensions."
    return Page.build(OPENNESS, "Openness", description, body, "openness", wide=True)
