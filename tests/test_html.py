"""html: text is escaped unless it is Html; exact bytes, since pages must not change."""

from __future__ import annotations

import html
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modelfacts.html import Html, ascii_html, esc, join, json_for_script, tag


def test_esc_escapes_markup_quotes_and_newlines():
    assert esc('<a href="x">Tom & Jerry\'s</a>\r\nnext') == (
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#x27;s&lt;/a&gt;&#10;next"
    )
    assert esc(42) == "42"
    assert type(esc("x")) is Html


@given(st.text())
def test_esc_is_html_escape_with_newlines_as_entities(text):
    assert esc(text) == html.escape(text.replace("\r", "")).replace("\n", "&#10;")


def test_tag_escapes_plain_children_and_keeps_html_ones():
    assert (
        tag("p", "<b>bold</b> & ", tag("b", "x"), Html("<br>")) == "<p>&lt;b&gt;bold&lt;/b&gt; &amp; <b>x</b><br></p>"
    )
    assert tag("span") == "<span></span>"
    assert type(tag("p", "x")) is Html


def test_attribute_names_and_values():
    assert tag("div", class_="a", aria_label="Models by <x>", data_search_exclude="true", title=None) == (
        '<div class="a" aria-label="Models by &lt;x&gt;" data-search-exclude="true"></div>'
    )
    assert tag("a", href='x" onclick="alert(1)') == '<a href="x&quot; onclick=&quot;alert(1)"></a>'


def test_an_html_attribute_value_is_escaped_too():
    """An attribute holds text: markup there would be escaped twice (visible), never trusted."""
    assert tag("a", title=tag("b", "x")) == '<a title="&lt;b&gt;x&lt;/b&gt;"></a>'


def test_adding_two_html_values_gives_plain_text_that_is_escaped():
    """A slip fails safe: the markup shows as text instead of being trusted."""
    both = tag("b", "x") + tag("i", "y")
    assert type(both) is str
    assert tag("p", both) == "<p>&lt;b&gt;x&lt;/b&gt;&lt;i&gt;y&lt;/i&gt;</p>"


def test_join_escapes_plain_parts_and_separator():
    assert join(["<x>", tag("b", "y"), "&"], " | ") == "&lt;x&gt; | <b>y</b> | &amp;"
    assert join([tag("i", "a"), tag("i", "b")], Html("<br>")) == "<i>a</i><br><i>b</i>"
    assert type(join([])) is Html and join([]) == ""


def test_ascii_html_writes_other_characters_as_references():
    assert ascii_html("café — ¶ <b>") == "caf&#233; &#8212; &#182; <b>"


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "a & b", "<!--"])
def test_json_for_script_cannot_close_the_element(text):
    out = json_for_script({"t": text})
    assert "<" not in out and ">" not in out and "&" not in out
    assert json.loads(out) == {"t": text}
