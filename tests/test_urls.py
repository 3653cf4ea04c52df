"""urls: where pages live, their anchors, and the links between them."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from modelfacts.urls import (
    FRAGMENT_WORDS,
    SECTION_ANCHORS,
    cite_anchor,
    claim_url,
    disputed_anchor,
    href,
    model_url,
    passage_url,
    reference_anchor,
    source_url,
    text_fragment,
    url_file,
)


def test_page_urls_and_anchors():
    assert model_url("gemma") == "models/gemma/"
    assert source_url("acme-news") == "sources/acme-news/"
    assert cite_anchor("gemma", "released", 2) == "cite--gemma--released--2"
    assert disputed_anchor("gemma", "open-weights") == "gemma--open-weights"
    assert reference_anchor(3) == "_ref3"


def test_section_anchors_cannot_be_claim_ids():
    from modelfacts.schemaparts import ID_PATTERN

    for anchor in (*SECTION_ANCHORS.values(), reference_anchor(1)):
        assert not re.match(ID_PATTERN, anchor), anchor


def test_claim_url_is_the_model_folder_and_anchor_absolute_with_a_site_url():
    assert claim_url("gemma", "released") == "models/gemma/#released"
    assert claim_url("gemma", "released", "https://facts.example/") == "https://facts.example/models/gemma/#released"


@pytest.mark.parametrize(
    "url, file",
    [
        ("", "index.html"),
        ("models/", "models/index.html"),
        ("models/x/", "models/x/index.html"),
        ("feed.xml", "feed.xml"),
    ],
)
def test_url_file(url, file):
    assert url_file(url) == file


@pytest.mark.parametrize(
    "here, there, anchor, link",
    [
        ("", "models/", "", "models/index.html"),
        ("", "feed.xml", "", "feed.xml"),
        ("models/a/", "models/b/", "", "../b/index.html"),
        ("models/a/", "", "", "../../index.html"),
        ("sources/s/", "models/m/", "claim", "../../models/m/index.html#claim"),
        ("models/", "models/a/", "", "a/index.html"),
        ("models/a/", "models/a/", "claim", "#claim"),
        ("downloads/", "data/claims.json", "", "../data/claims.json"),
        ("disputed/", "models/m/", "c", "../models/m/index.html#c"),
    ],
)
def test_links_name_the_page_file(here, there, anchor, link):
    assert href(here, there, anchor) == link


# ------------------------------------------------------------ text fragments (WICG Scroll to Text Fragment)

UNRESERVED = re.compile(r"[A-Za-z0-9_.~%]*")
"""What an encoded part may hold: no '-', '&' or ',' (the directive's syntax), no space, '#' or non-ASCII."""


@pytest.mark.parametrize(
    "quote, fragment",
    [
        ("Acme Labs released Widget-1", "#:~:text=Acme%20Labs%20released%20Widget%2D1"),
        ("a, b & c-d", "#:~:text=a%2C%20b%20%26%20c%2Dd"),
        ('He said "<b>#1</b>" at 100%', "#:~:text=He%20said%20%22%3Cb%3E%231%3C%2Fb%3E%22%20at%20100%25"),
        ("caf\u00e9 na\u00efve", "#:~:text=caf%C3%A9%20na%C3%AFve"),
        ("\U0001f680 launch", "#:~:text=%F0%9F%9A%80%20launch"),
        ("128,000 tokens \u2014 open-weight", "#:~:text=128%2C000%20tokens%20%E2%80%94%20open%2Dweight"),
        ("  spans\n  two\tlines  ", "#:~:text=spans%20two%20lines"),
        ("-start and end-", "#:~:text=%2Dstart%20and%20end%2D"),
        ("a:~:text=b", "#:~:text=a%3A~%3Atext%3Db"),
    ],
)
def test_text_fragment_encodes_the_quote(quote, fragment):
    assert text_fragment(quote) == fragment


def test_a_long_quote_is_found_by_its_first_and_last_words():
    quote = "one two three four five six seven eight nine-ten, eleven & twelve"
    assert text_fragment(quote) == "#:~:text=one%20two%20three%20four,nine%2Dten%2C%20eleven%20%26%20twelve"
    eight = " ".join(["w"] * 2 * FRAGMENT_WORDS)
    assert "," not in text_fragment(eight)  # up to twice FRAGMENT_WORDS words: the whole quote


def test_a_quote_without_text_has_no_fragment():
    assert text_fragment("") == text_fragment(" \n\t ") == ""
    assert passage_url("https://example.org/doc", "  ") == "https://example.org/doc"


@pytest.mark.parametrize(
    "quote",
    [
        'Say "yes" <script>alert(1)</script> # 50% off, -now- & later',
        "Models like `gemini-2.0-*`, `gemini-1.5-*` are **legacy and deprecated**. Never use them.",
        "| `gemini-1.5-pro` | Deprecated | `gemini-3.7-flash` |",
        "\u201cquoted\u201d \u2018text\u2019 \u2026 \u00a0non-breaking\u00a0space \U0001f916\U0001f3f3\ufe0f\u200d\U0001f308",
        "%20 is not a space and %2C is not a comma",
        "line one\r\nline two\n\nline three four five six seven eight nine",
    ],
)
def test_hostile_quotes_decode_to_their_words(quote):
    """Each part holds only unreserved characters and escapes, and decodes to the quote's own words: a browser
    reads back exactly what the quote says (its white space as single spaces)."""
    fragment = text_fragment(quote)
    assert fragment.startswith("#:~:text=")
    parts = fragment.removeprefix("#:~:text=").split(",")
    assert all(UNRESERVED.fullmatch(p) for p in parts), parts
    decoded = [unquote(p) for p in parts]
    words = quote.split()
    if len(parts) == 1:
        assert decoded == [" ".join(words)]
    else:
        assert decoded == [" ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])]


def test_passage_url_replaces_a_fragment_the_address_already_has():
    pinned = "https://github.com/acme/widget/blob/" + "a" * 40 + "/README.md"
    assert passage_url(pinned, "Widget-1") == pinned + "#:~:text=Widget%2D1"
    assert passage_url(pinned + "#L10", "Widget-1") == pinned + "#:~:text=Widget%2D1"
