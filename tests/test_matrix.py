"""The openness matrix page, rendered in memory: every model × every dimension, cells linked to their
claims, filters built from the data, fact-file text escaped."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from inmemory import base, model, registry
from opennessbase import checked_openness_base, tree  # noqa: F401 (the fact_base fixture)

from modelfacts import openness
from modelfacts.pages import lists, matrix
from modelfacts.pages.openness import licence_code, licence_table
from modelfacts.site import render_site
from modelfacts.urls import OPENNESS

HOSTILE = "<script>alert('x')</script> & \"quoted\""


def rows(page) -> dict[str, ET.Element]:
    return {tr.get("data-model"): tr for tr in tree(page.html).iter("tr") if tr.get("data-model")}


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


def options(page, ident: str) -> list[tuple[str, str]]:
    select = next(e for e in tree(page.html).iter("select") if e.get("id") == ident)
    return [(o.get("value"), text(o)) for o in select.iter("option")]


def test_every_model_has_a_row_with_every_dimension_and_its_licence_class(fact_base):
    page = matrix.matrix_page(fact_base)
    assert page.url == OPENNESS == "openness/"
    found = rows(page)
    assert list(found) == ["acme-open", "bolt-chat", "bolt-mini", "widget-1"]  # by name
    head = [text(th) for th in tree(page.html).find(".//thead").iter("th")]
    assert head == ["Model", "Developers", *(d.name for d in openness.DIMENSIONS), "Licence class"]
    for model_id, tr in found.items():
        verdicts = fact_base.verdicts[model_id]
        cells = list(tr)
        assert cells[0].tag == "th" and cells[0].get("scope") == "row"
        dimension_cells = cells[2:-1]
        assert len(dimension_cells) == len(openness.DIMENSIONS) == 6
        for cell, dim in zip(dimension_cells, openness.DIMENSIONS, strict=True):
            verdict = verdicts[dim.id].verdict
            assert cell.get("class") == f"mf-verdict mf-verdict-{verdict}", (model_id, dim.id)
            assert text(cell) == f"{openness.VERDICT_SYMBOL[verdict]} {verdict}"
            assert tr.get(f"data-verdict-{dim.id}") == verdict
    bolt_mini = found["bolt-mini"]
    assert text(bolt_mini[1]) == "Bolt AI, Acme Labs"
    assert bolt_mini.get("data-developers") == "bolt-ai acme-labs"
    assert bolt_mini.get("data-verdict-weights") == "disputed"
    assert text(bolt_mini[-1]) == "restricted LicenseRef-Bolt-Community"
    assert bolt_mini.get("data-licence-class") == "restricted"
    assert text(found["widget-1"][-1]) == "none known" and found["widget-1"].get("data-licence-class") == "-"


def test_a_cell_links_to_the_first_claim_its_verdict_rests_on_and_names_them_all(fact_base):
    tr = rows(matrix.matrix_page(fact_base))["bolt-mini"]
    name = tr[0].find("a")
    assert name.get("href") == "../models/bolt-mini/index.html#openness" and name.text == "Bolt Mini"
    weights = tr[2].find("a")
    assert weights.get("href") == "../models/bolt-mini/index.html#download"
    assert weights.get("title") == (
        "Rests on 2 claims: Anyone can download Bolt Mini's weights. (download, medium: open); "
        "Bolt Mini's weights are given only to approved researchers. (on-request, medium: partial)"
    )
    assert [e.get("title") for e in weights.iter() if e is not weights and e.get("title")] == []  # none hides it
    licence = tr[3].find("a")
    assert licence.get("href") == "../models/bolt-mini/index.html#licence"
    assert "(licence, medium: LicenseRef-Bolt-Community)" in licence.get("title")
    acme = rows(matrix.matrix_page(fact_base))["acme-open"]
    links = [cell.find("a").get("href") for cell in acme[2:-1]]
    assert links == [
        f"../models/acme-open/index.html#{c}" for c in ("weights", "licence", "code", "data", "report")
    ] + [
        "../models/acme-open/index.html#weights"  # access rests on the same claim as the weights
    ]


def test_a_model_with_no_assertions_shows_unknown_cells_that_link_nowhere(fact_base):
    tr = rows(matrix.matrix_page(fact_base))["widget-1"]
    for cell in tr[2:-1]:
        assert cell.get("class") == "mf-verdict mf-verdict-unknown"
        assert cell.find("a") is None
        assert text(cell) == "? unknown"


def test_hostile_names_are_escaped():
    hostile = model(name=HOSTILE, developers=("evil",))
    page = matrix.matrix_page(base(hostile, publishers=registry(("evil", HOSTILE))))
    assert "<script>" not in page.html
    escaped = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;"
    # the name and the developer, each as text and as sort key (casefolded: no upper case here), and the filter
    assert page.html.count(escaped) == 5
    family = matrix.matrix_page(base(model(family=HOSTILE)))
    assert "<script>" not in family.html and family.html.count(escaped) == 3  # the row's data-family, the option
    tr = rows(page)["widget-1"]
    assert text(tr[0]) == HOSTILE and text(tr[1]) == HOSTILE
    assert [text(c) for c in tr[2:-1]] == ["? unknown"] * 6


def test_filter_options_come_from_the_data(fact_base):
    page = matrix.matrix_page(fact_base)
    assert options(page, "mf-filter-developer") == [
        ("", "All developers"),
        ("acme-labs", "Acme Labs"),
        ("bolt-ai", "Bolt AI"),
    ]
    assert options(page, "mf-filter-family") == [
        ("", "All families"),
        ("Bolt", "Bolt"),
        ("Widget", "Widget"),
        ("-", "No family"),
    ]
    assert {ident: tr.get("data-family") for ident, tr in rows(page).items()} == {
        "acme-open": "-",
        "bolt-chat": "Bolt",
        "bolt-mini": "Bolt",
        "widget-1": "Widget",
    }
    assert options(page, "mf-filter-verdict") == [("", "Any verdict"), *((v, v) for v in openness.VERDICTS)]
    assert options(page, "mf-filter-dimension") == [
        ("", "any dimension"),
        *((d.id, d.name) for d in openness.DIMENSIONS),
    ]
    assert options(page, "mf-filter-class") == [
        ("", "Any licence class"),
        ("open", "open"),
        ("restricted", "restricted"),
        ("proprietary", "proprietary"),
        ("-", "none known"),
    ]
    # Only what the data holds: one model, all unknown, with no developer and no licence.
    alone = matrix.matrix_page(base(model(developers=())))
    assert options(alone, "mf-filter-developer") == [("", "All developers"), ("-", "Not known")]
    assert options(alone, "mf-filter-verdict") == [("", "Any verdict"), ("unknown", "unknown")]
    assert options(alone, "mf-filter-class") == [("", "Any licence class"), ("-", "none known")]
    assert options(alone, "mf-filter-family") == [("", "All families"), ("Widget", "Widget")]
    assert options(matrix.matrix_page(base(model(family=None))), "mf-filter-family") == [
        ("", "All families"),
        ("-", "No family"),
    ]
    assert rows(alone)["widget-1"].get("data-developers") == "-"


def test_the_table_is_complete_and_accessible_without_script(fact_base):
    page = matrix.matrix_page(fact_base)
    root = tree(page.html)
    table = next(e for e in root.iter("table") if e.get("id") == matrix.TABLE_ID)
    assert text(table.find("caption")) == "Openness of 4 models on 6 dimensions"
    assert all(th.get("scope") == "col" for th in table.find("thead").iter("th"))
    assert [th.get("aria-sort") for th in table.find("thead").iter("th")][:2] == ["ascending", None]
    form = next(e for e in root.iter("form") if e.get("id") == matrix.FORM_ID)
    assert form.get("hidden") == ""  # shown by the script only: without it no control pretends to work
    labels = {label.get("for") for label in form.iter("label")}
    assert labels == {select.get("id") for select in form.iter("select")}
    note = next(e for e in root.iter("p") if e.get("id") == matrix.NOTE_ID)  # until the script hides it
    assert text(note) == "Sorting and filtering need JavaScript; the table below is complete without it."
    count = next(e for e in root.iter("p") if e.get("id") == matrix.COUNT_ID)
    assert text(count) == "Showing 4 of 4 models" and count.get("role") == "status"


def test_the_key_to_verdicts_and_dimensions_is_collapsed_before_the_table(fact_base):
    root = tree(matrix.matrix_page(fact_base).html)
    children = list(root)
    key = next(e for e in children if e.tag == "details")
    assert key.get("open") is None and text(key.find("summary")) == "What the verdicts and the dimensions mean"
    assert children.index(key) < children.index(next(e for e in children if e.get("class") == "mf-scroll"))
    verdicts, dimensions = key.findall("ul")
    assert [text(li).split(":")[0] for li in verdicts] == [
        f"{openness.VERDICT_SYMBOL[v]} {v}" for v in openness.VERDICTS
    ]
    assert [text(li) for li in dimensions] == [f"{d.name}: {d.question}" for d in openness.DIMENSIONS]


def test_sort_keys_follow_the_vocabulary(fact_base):
    tr = rows(matrix.matrix_page(fact_base))["bolt-chat"]
    cells = list(tr)
    assert cells[0].get("data-key") == "bolt chat"
    assert [c.get("data-key") for c in cells[2:-1]] == [
        str(openness.VERDICTS.index(v)) for v in ("closed", "closed", "closed", "unknown", "partial", "partial")
    ]
    assert cells[-1].get("data-key") == str(openness.CLASS_ORDER.index("proprietary"))


def test_the_licence_cell_links_to_the_licence_page(fact_base):
    cell = rows(matrix.matrix_page(fact_base))["bolt-mini"][-1]
    assert [(a.get("href"), a.text) for a in cell.iter("a")] == [
        ("../licences/licenseref-bolt-community/index.html", "LicenseRef-Bolt-Community")
    ]


def test_an_expression_keeps_its_words_and_links_only_the_licences_that_have_a_page(fact_base):
    written = "Apache-2.0 OR (LicenseRef-Unlisted AND LicenseRef-Bolt-Community)"
    code = tree(licence_code(written, licence_table(fact_base), OPENNESS))
    assert text(code) == written
    assert [a.text for a in code.iter("a")] == ["Apache-2.0", "LicenseRef-Bolt-Community"]


def test_models_named_alike_are_listed_by_id_whatever_the_order_they_come_in():
    """LLaMA and Llama tie on their folded name: the id decides (model.by_name), never the input or hash order."""
    first, second = model("llama-1", name="LLaMA"), model("llama", name="Llama")
    for models in ((first, second), (second, first)):
        fact_base = base(*models)
        assert list(rows(matrix.matrix_page(fact_base))) == ["llama", "llama-1"]
        timeline = lists.timeline_page(fact_base)
        assert options(timeline, "mf-filter-model") == [("", "All models"), ("llama", "Llama"), ("llama-1", "LLaMA")]
        assert [tr.get("data-model") for tr in tree(timeline.html).iter("tr") if tr.get("data-model")] == [
            "llama",
            "llama-1",
        ]


def test_the_site_has_the_matrix_page(fact_base):
    site = render_site(fact_base)
    page = next(p for p in site.pages if p.url == OPENNESS)
    assert page == matrix.matrix_page(fact_base) and page.wide


def test_a_page_of_no_models_is_still_a_table():
    page = matrix.matrix_page(dataclasses.replace(base(), models=[]))
    assert rows(page) == {} and "Showing 0 of 0 models" in page.html
