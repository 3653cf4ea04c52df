"""The table of contents of a generated page: its <h2 id> sections, read from its own HTML."""

from __future__ import annotations

from modelfacts.html import tag
from modelfacts.pages.page import Page, Section, sections


def page(*parts, wide: bool = False) -> Page:
    return Page.build("x/", "X", "An example.", list(parts), "x", wide=wide)


def test_each_h2_with_an_id_is_a_section_in_order():
    html = page(
        tag("h1", "Title", id="_top"),
        tag("h2", "Openness", id="_openness"),
        tag("h3", "A claim", id="released"),  # claims are h3: not in the contents
        tag("h2", "Release", id="release"),
    ).html
    assert sections(html) == (Section("_openness", "Openness"), Section("release", "Release"))


def test_a_heading_without_an_id_is_left_out():
    html = '<h2>No anchor</h2>\n<h2 class=\'x\' id="kept">Kept</h2>\n<h2 data-id="no">Not an id</h2>'
    assert [s.id for s in sections(html)] == ["kept"]


def test_heading_text_is_plain_text_escaped_once():
    html = page(
        tag("h2", "Key terms <b>&</b> “quotes” (3)", id="_terms"),  # tag() escapes; ascii_html makes references
        tag("h2", tag("span", "Nested", class_="x"), " and\n  folded", id="a&b"),
    ).html
    assert "&#8220;" in html  # the page holds the quotes as references...
    assert sections(html) == (
        Section("_terms", "Key terms &lt;b&gt;&amp;&lt;/b&gt; “quotes” (3)"),  # ...the contents, once escaped
        Section("a&b", "Nested and folded"),
    )


def test_the_toc_lists_two_sections_or_more_and_none_on_a_wide_page():
    one = page(tag("h2", "Only", id="only"))
    two = page(tag("h2", "One", id="one"), tag("h2", "Two", id="two"))
    assert one.toc == () and [s.id for s in two.toc] == ["one", "two"]
    wide = page(tag("h2", "One", id="one"), tag("h2", "Two", id="two"), wide=True)
    assert wide.toc == ()


def test_the_hooks_give_mkdocs_the_sections_or_hide_the_toc(monkeypatch):
    import importlib.util
    import types

    from conftest import REPO

    spec = importlib.util.spec_from_file_location("_hooks_under_test", REPO / "hooks" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    two = Page.build("two/", "Two", "d", [tag("h2", "A & B", id="a"), tag("h2", "C", id="c")], "x")
    one = Page.build("one/", "One", "d", [tag("h2", "A", id="a")], "x")
    monkeypatch.setattr(hooks, "_state", {"banner": "", "pages": {p.src_uri: p for p in (two, one)}})
    shown = {}
    for generated in (two, one):
        stub = types.SimpleNamespace(
            file=types.SimpleNamespace(src_uri=generated.src_uri), present_anchor_ids=None, meta={}
        )
        hooks.on_page_content("", stub, None, None)
        shown[generated.url] = ([(i.title, i.url, i.level) for i in stub.toc.items], stub.meta.get("hide"))
    assert shown == {"two/": ([("A &amp; B", "#a", 2), ("C", "#c", 2)], None), "one/": ([], ["toc"])}
