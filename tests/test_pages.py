"""Pages rendered in memory, by kind: exact escaped HTML, exact link targets; and views as cache keys."""

from __future__ import annotations

import dataclasses
import re

import markdown
import pytest
from inmemory import (
    OPEN_WEIGHTS,
    RELEASED,
    base,
    cite,
    claim,
    licence,
    model,
    moved,
    primary_document,
    registry,
    source,
    two_sources,
)

from modelfacts import exports, openness, rules, schemas, seedschemas
from modelfacts.cache import Cache
from modelfacts.html import tag
from modelfacts.model import Claim, Provenance
from modelfacts.pages import guide, lists, models, sources
from modelfacts.pages.page import Page
from modelfacts.site import render_site

HOSTILE = "<script>alert('x')</script> & \"quoted\""
HOSTILE_HTML = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quoted&quot;"


def model_page(fact_base, **view):
    return models.model_page(models.model_view(fact_base, fact_base.models[0], **view))


def source_page(fact_base, ident):
    return sources.source_page(sources.source_view(fact_base, fact_base.sources[ident]))


# Page


def test_a_page_is_one_ascii_div_of_its_kind_at_a_folder_index():
    page = Page.build("models/x/", "X", "About X", [tag("h1", "X — é"), tag("p", "<b>")], "model")
    assert page.html == '<div class="mf-page mf-model">\n<h1>X &#8212; &#233;</h1>\n<p>&lt;b&gt;</p>\n</div>\n'
    assert page.src_uri == "models/x/index.md"


def test_a_page_passes_through_markdown_unchanged():
    """benchmarks/bare.py builds the same pages as Markdown files: blank lines and Markdown syntax in
    the text must leave the raw-HTML block whole."""
    text = "one\n\n    *two* [x](javascript:y)\n\n# three"
    fact_base = base(model(claims=(dataclasses.replace(RELEASED, statement=text, notes=text),)))
    html = model_page(fact_base).html
    assert markdown.markdown(html, extensions=["toc", "tables", "admonition"]) == html.rstrip("\n")


# Model pages


def test_model_page_claim_block():
    html = model_page(base()).html
    assert (
        '<section class="mf-claim mf-claim--current"><h3 id="released">Widget-1 was released on 3 March 2025. '
        '<a class="headerlink" href="#released" title="Permanent link to this claim">&#182;</a></h3>'
        '<p class="mf-facts"><span class="mf-meter" title="Level 3 of 5: very low &lt; low '
        '&lt; medium &lt; high &lt; very high"><span class="mf-steps" aria-hidden="true">'
        + '<span class="mf-step mf-step--on"></span>' * 3
        + '<span class="mf-step"></span>' * 2
        + '</span> <span class="mf-badge mf-badge--medium">Confidence: medium</span></span> '
        '<span class="mf-topic">Topic: release</span> <span class="mf-date">Date: 2025-03-03</span> '
        '<span class="mf-reviewed">Not reviewed yet</span></p>'
        '<p class="mf-evidence">Supported by 1 independent source. '
        "Evidence limited, agreement high &#8594; at most medium.</p>"
        '<ul class="mf-citations"><li class="mf-cite mf-cite--supports">'
        '<span class="mf-stance mf-stance--supports">Supports</span>'
        '<blockquote class="mf-quote">Acme Labs released Widget-1 on March 3, 2025.</blockquote>'
        '<p class="mf-source">&#8212; '
        '<a href="#_ref1" class="mf-ref" title="Article acme-news">[1]</a> &#183; '
        '<a href="../../sources/acme-news/index.html#cite--widget-1--released--0">passage in the stored copy</a>'
        "</p></li></ul></section>"
    ) in html


def test_model_page_head_and_sections():
    html = model_page(base()).html
    assert html.startswith(
        '<div class="mf-page mf-model">\n<h1 id="_top">Widget-1</h1>\n<dl class="mf-meta">'
        "<dt>Developer</dt><dd>Acme Labs</dd><dt>Family</dt><dd>Widget</dd><dt>Modality</dt><dd>text</dd>"
        "<dt>Also known as</dt><dd>W1</dd></dl>\n"
        '<p class="mf-glance">2 claims: 1 medium &#183; 1 very low &#183; 1 disputed</p>\n'
        '<p class="mf-reviewed-count">No claim reviewed yet</p>\n'
        '<section class="mf-openness" id="openness"><h2 id="_openness">Openness</h2>'
    )
    # the card comes before the claims; the medium claim is among the others, the disputed one collapsed
    assert '</section>\n<h2 id="_other">Other claims</h2>\n<p class="mf-lead"' in html
    assert '\n<h2 id="_doubtful">Doubtful claims</h2>\n<details class="mf-doubtful"><summary>' in html
    assert "_reliable" not in html  # no claim rated high: no empty section


def test_disputed_claim_shows_both_sides_and_its_rationale():
    html = model_page(base()).html
    assert (
        '<div class="mf-side"><h4>Against</h4><ul class="mf-citations"><li class="mf-cite mf-cite--contradicts">'
        '<span class="mf-stance mf-stance--contradicts">Contradicts</span>'
        '<blockquote class="mf-quote">Widget-1 weights remain closed and API-only</blockquote>'
        '<p class="mf-source">&#8212; '
        '<a href="#_ref2" class="mf-ref" title="Article rival-news">[2]</a> &#183; '
        '<a href="../../sources/rival-news/index.html#cite--widget-1--open-weights--1">passage in the stored copy</a>'
    ) in html
    assert (
        '<li id="_ref2" class="mf-reference"><a href="../../sources/rival-news/index.html">Article rival-news</a>'
        in (html)
    )
    assert (
        '<p class="mf-rationale"><strong>Why this rating:</strong> One outlet says open, another says closed.</p>'
        "</section>"
    ) in html


def test_model_page_escapes_fact_file_text_everywhere():
    hostile = claim(
        "c",
        HOSTILE,
        cite("acme-news", "supports", HOSTILE),
        status="superseded",
        status_note=HOSTILE,
        rationale=HOSTILE,
        notes=HOSTILE,
    )
    hostile_model = model(claims=(hostile,), name=HOSTILE, developers=("evil",), family=HOSTILE, aliases=(HOSTILE,))
    fact_base = base(hostile_model, publishers=registry(("evil", HOSTILE)))
    page = model_page(fact_base)
    assert f'<h1 id="_top">{HOSTILE_HTML}</h1>' in page.html
    assert f"<dt>Developer</dt><dd>{HOSTILE_HTML}</dd><dt>Family</dt><dd>{HOSTILE_HTML}</dd>" in page.html
    assert f'<h3 id="c">{HOSTILE_HTML} <a class="headerlink"' in page.html
    assert f'<blockquote class="mf-quote">{HOSTILE_HTML}</blockquote>' in page.html
    for label in ("Status note:", "Why this rating:", "Notes:"):
        assert f"<strong>{label}</strong> {HOSTILE_HTML}</p>" in page.html
    assert "<script" not in page.html
    assert page.title == HOSTILE and page.description.startswith(f"What the sources say about {HOSTILE} by")


def test_a_citation_of_an_unknown_source_names_it_without_a_link():
    """Only under `mkdocs serve`, beside the checker's banner."""
    fact_base = base(model(claims=(claim("c", "S.", cite("gone", "supports", "q")),)))
    html = model_page(fact_base).html
    assert '<p class="mf-source">&#8212; unknown source <code>gone</code></p>' in html
    # the assessment leaves it out, as the checker's rules do
    assert "No source takes a position. Evidence limited, agreement medium &#8594; at most low." in html
    assert "mf-references" not in html  # no known source: no reference list


def test_weak_support_is_named_and_not_counted():
    ai = source("bot", kind="ai-generated", reliability="E")
    fact_base = base(model(claims=(claim("c", "S.", cite("bot", "supports", "q")),)), sources=[ai])
    html = model_page(fact_base).html
    assert "Supported by 1 source, machine-generated, not counted. Evidence limited, agreement medium &#8594; " in html
    assert (
        '<li class="mf-cite mf-cite--supports mf-cite--weak">'
        '<span class="mf-stance mf-stance--supports">Supports</span><blockquote class="mf-quote">q</blockquote>'
        '<p class="mf-source">&#8212; <a href="#_ref1" class="mf-ref" title="Article bot">'
        '[1]</a> &#183; <span class="mf-weak-label">machine-generated</span> &#183; '
    ) in html
    assert (
        '<li id="_ref1" class="mf-reference mf-reference--weak"><a href="../../sources/bot/index.html">Article bot</a>'
        ' &#183; publisher-of-bot &#183; <span class="mf-grade" title="Unreliable">grade E</span> &#183; 2025-03-04'
        ' &#183; <span class="mf-weak-label">machine-generated</span></li>'
    ) in html


ACME_CARD = source("acme-card", publisher="acme-labs", kind="primary", reliability="A")
"""The developer's own model card: Widget-1's developer is acme-labs."""
AI_POST = source("ai-post", kind="ai-generated", reliability="E")


def own_card_claim(stance: str, *others) -> Claim:
    return claim(
        "licence",
        "Widget-1 is released under the Apache 2.0 licence.",
        *others,
        cite("acme-card", stance, "Widget-1 is released under the Widget Community Licence."),
        topic="license",
        confidence="very low",
        status="disputed" if stance == "contradicts" else "current",
    )


def test_a_claim_the_developers_own_document_contradicts_shows_both_quotes_side_by_side():
    secondary = [cite(s, "supports", f"{s} says Apache 2.0.") for s in ("acme-news", "rival-news")]
    disputed = own_card_claim("contradicts", *secondary)
    fact_base = base(model(claims=(disputed,)), sources=[*two_sources(), ACME_CARD])
    for html in (model_page(fact_base).html, lists.disputed_page(fact_base).html):
        assert (
            '<p class="mf-evidence">Supported by 2 independent sources; contradicted by '
            "1 source. Contradicted by the developer&#x27;s own document, graded A&#8211;C &#8594; ceiling very low, "
            "whatever other sources support. Evidence medium, agreement low &#8594; at most very low.</p>"
        ) in html
        sides = html[html.index('<div class="mf-sides">') :]
        assert sides.index("<h4>For</h4>") < sides.index("acme-news says Apache 2.0.") < sides.index("rival-news says")
        assert sides.index("rival-news says") < sides.index("<h4>Against</h4>")
        assert sides.index("<h4>Against</h4>") < sides.index(
            '<blockquote class="mf-quote">Widget-1 is released under the Widget Community Licence.</blockquote>'
            '<p class="mf-source">&#8212; <a href='
        )
    # The model page names the card by its number in the reference list, the disputed page by its source line;
    # either says it is the developer's own, and the outlets' lines say nothing of the kind.
    page, disputed_page = model_page(fact_base).html, lists.disputed_page(fact_base).html
    assert (
        '<a href="#_ref3" class="mf-ref" title="Article acme-card">[3]</a> &#183; the developer&#x27;s own document '
        '&#183; <a href="../../sources/acme-card/index.html#cite--widget-1--licence--2">passage in the stored copy</a>'
        "</p></li></ul></div></div>"
    ) in page
    assert page.count("the developer&#x27;s own document &#183;") == 1
    assert (
        '<span class="mf-grade" title="Completely reliable">grade A</span>'
        " &#183; the developer&#x27;s own document</p></li></ul></div></div>"
    ) in disputed_page
    assert disputed_page.count("the developer&#x27;s own document</p>") == 1


def test_a_claim_the_developers_own_document_supports_says_so():
    html = model_page(base(model(claims=(own_card_claim("supports"),)), sources=[ACME_CARD])).html
    assert (
        "Supported by 1 independent source. Supported by the developer&#x27;s own document, graded A &#8594; "
        "evidence robust by itself. Evidence robust, agreement high &#8594; at most very high.</p>"
    ) in html
    assert "[1]</a> &#183; the developer&#x27;s own document &#183; " in html
    assert (
        '<span class="mf-topic">Topic: license</span> <span class="mf-own" title="A claim&#x27;s own documents are '
        "the primary sources"
    ) in html
    assert html.count("Developer&#x27;s own document</span>") == 1
    # The same card on a model of another developer is any primary source, and not its own.
    html = model_page(
        base(model(claims=(own_card_claim("supports"),), developers=("rival-times",)), sources=[ACME_CARD])
    ).html
    assert "Supported by 1 independent source. Evidence medium, agreement high &#8594; at most high.</p>" in html
    assert "own document" not in html and "mf-own" not in html


def test_the_own_document_label_needs_an_own_document_that_supports_the_claim():
    # A machine-generated article supports; the developer's card only mentions or contradicts the topic.
    for stance in ("mentions", "contradicts"):
        fact_base = base(
            model(
                claims=(
                    own_card_claim(
                        stance,
                        cite("ai-post", "supports", "It is Apache 2.0."),
                    ),
                )
            ),
            sources=[ACME_CARD, AI_POST],
        )
        for html in (model_page(fact_base).html, lists.disputed_page(fact_base).html):
            assert "mf-own" not in html and "Developer&#x27;s own document" not in html
        # Its citation line still says whose the card is.
        assert "the developer&#x27;s own document" in model_page(fact_base).html


def test_the_facts_line_has_no_own_document_label_without_one():
    assert "mf-own" not in model_page(base()).html


def test_unchecked_context_is_marked_apart_from_the_evidence_and_escaped():
    context = dataclasses.replace(OPEN_WEIGHTS, unchecked_context=HOSTILE)
    html = model_page(base(model(claims=(RELEASED, context)))).html
    assert (
        '<p class="mf-rationale"><strong>Why this rating:</strong> One outlet says open, another says closed.</p>'
        '<aside class="mf-unchecked"><p><strong class="mf-unchecked-label">Unchecked context</strong> (what the '
        "curators know but no stored document says; not evidence, not counted in the rating): "
        f"{HOSTILE_HTML}</p></aside></section>"
    ) in html
    assert html.count("mf-unchecked-label") == 1 and "<script" not in html


def test_a_date_the_curators_supplied_says_so_on_the_claim_and_the_timeline():
    supplied = dataclasses.replace(RELEASED, date_basis="curator")
    fact_base = base(model(claims=(supplied, OPEN_WEIGHTS)))
    marker = (
        '<span class="mf-date-basis" title="The curators computed or inferred the date (a year for an undated source, '
        '&quot;within a year&quot; counted from a dateline); no cited passage gives it.">(date supplied by curators)</span>'
    )
    assert f'<span class="mf-date">Date: 2025-03-03 {marker}</span>' in model_page(fact_base).html
    assert f'<td class="mf-date-cell">2025-03-03 {marker}</td>' in lists.timeline_page(fact_base).html
    # a date a cited passage gives carries no mark
    assert "mf-date-basis" not in model_page(base()).html + lists.timeline_page(base()).html


def test_moved_claims_keep_their_anchor_and_link_to_the_new_place():
    gadget = model("gadget", claims=(RELEASED,), name="Gadget")
    widget = model(moved=(moved("first-release", "gadget#released"), moved("weights", "widget-1#open-weights")))
    fact_base = base(widget, gadget)
    html = model_page(fact_base).html
    assert (
        '<h2 id="_moved">Moved claims</h2>\n'
        "<p>These claims now live elsewhere; links to their old addresses lead here.</p>\n"
        '<ul class="mf-moved"><li id="first-release"><code>first-release</code> moved to '
        '<a href="../gadget/index.html#released">Gadget: Widget-1 was released on 3 March 2025.</a></li>'
        '<li id="weights"><code>weights</code> moved to '
        '<a href="#open-weights">Widget-1: Widget-1&#x27;s weights are openly available.</a></li></ul>\n'
        '<h2 id="_references">References</h2>'
    ) in html  # after the claims, before the reference list
    # the links resolve: the target pages carry the claims' anchors
    assert '<h3 id="released">' in models.model_page(models.model_view(fact_base, gadget)).html
    assert '<h3 id="open-weights">' in html
    assert "_moved" not in model_page(base()).html


def test_json_ld_claim_reviews_relative_or_absolute():
    fact_base = base(sources=[source("acme-news", url="https://acme.example/a"), *two_sources()[1:]])
    graph = model_page(fact_base).jsonld["@graph"]
    assert [r["url"] for r in graph] == ["#released", "#open-weights"]
    assert graph[1]["itemReviewed"]["appearance"] == [
        {
            "@type": "CreativeWork",
            "headline": "Article acme-news",
            "url": "https://acme.example/a",
            "datePublished": "2025-03-04",
            "publisher": {"@type": "Organization", "name": "Publisher of acme-news"},
        },
        {
            "@type": "CreativeWork",
            "headline": "Article rival-news",
            "datePublished": "2025-03-04",
            "publisher": {"@type": "Organization", "name": "Rival Times"},
        },
    ]
    assert graph[1]["reviewRating"]["alternateName"] == "Confidence: very low (disputed)"
    absolute = model_page(fact_base, site_url="https://facts.example/").jsonld["@graph"]
    assert [r["url"] for r in absolute] == [
        "https://facts.example/models/widget-1/#released",
        "https://facts.example/models/widget-1/#open-weights",
    ]


# Source pages


def test_source_page_highlights_each_quote_by_stance_with_anchor_and_numbered_back_reference():
    html = source_page(base(), "acme-news").html
    assert html.endswith(
        '<div class="mf-article"><span class="mf-anchor" id="cite--widget-1--released--0"></span>'
        '<mark class="mf-hl mf-hl--supports">Acme Labs released Widget-1 on March 3, 2025.</mark>'
        '<sup class="mf-refs"><a class="mf-backlink mf-backlink--supports" href="../../models/widget-1/index.html#released" '
        'title="Claim 1, supports: Widget-1: Widget-1 was released on 3 March 2025." '
        'aria-label="Claim 1, supports: Widget-1: Widget-1 was released on 3 March 2025.">&#10003;1</a></sup>&#10;&#10;'
        '<span class="mf-anchor" id="cite--widget-1--open-weights--0"></span>'
        '<mark class="mf-hl mf-hl--supports">The weights of Widget-1 are available under the Apache 2.0 licence</mark>'
        '<sup class="mf-refs"><a class="mf-backlink mf-backlink--supports" '
        'href="../../models/widget-1/index.html#open-weights" '
        'title="Claim 2, supports: Widget-1: Widget-1&#x27;s weights are openly available." '
        'aria-label="Claim 2, supports: Widget-1: Widget-1&#x27;s weights are openly available.">&#10003;2</a></sup>'
        ", the company said.&#10;Critics say Widget-1 is &#8220;not open at all&#8221; &#8212; its training data"
        " stays secret&#8230;&#10;</div>\n</div>\n"
    )
    rival = source_page(base(), "rival-news").html
    assert '<mark class="mf-hl mf-hl--contradicts">Widget-1 weights remain closed and API-only</mark>' in rival
    assert ">&#10007;1</a></sup>" in rival  # the sign of a contradiction, and the one claim's number


def test_overlapping_quotes_share_a_number_per_claim_and_a_mixed_highlight_where_stances_differ():
    """Numbers follow the claim list (one per claim, however often it quotes the source); text quoted with
    two stances is striped ('mixed'), and the legend names only the stances the page shows."""
    mentions = claim(
        "widely-covered",
        "Widget-1's release was widely covered.",
        cite("acme-news", "mentions", "released Widget-1"),
        cite("acme-news", "mentions", "the company said"),
    )
    page = source_page(base(model(claims=(RELEASED, mentions, OPEN_WEIGHTS))), "acme-news").html
    assert re.findall(r'<li id="(_ref\d)">', page) == ["_ref1", "_ref2", "_ref3"]
    text = page.split('<div class="mf-article">', 1)[1]
    assert re.findall(r'<mark class="mf-hl mf-hl--(\w+)">([^<]*)</mark>', text) == [
        ("supports", "Acme Labs "),
        ("mixed", "released Widget-1"),
        ("supports", " on March 3, 2025."),
        ("supports", "The weights of Widget-1 are available under the Apache 2.0 licence"),
        ("mentions", "the company said"),
    ]
    assert re.findall(r'class="mf-backlink mf-backlink--(\w+)"[^>]*>([^<]*)</a>', text) == [
        ("mentions", "~2"),
        ("supports", "&#10003;1"),
        ("supports", "&#10003;3"),
        ("mentions", "~2"),
    ]
    assert '<li id="_ref2"><span class="mf-stance-tag mf-stance-tag--mentions">~ mentions</span> ' in page
    assert (
        '<a href="#cite--widget-1--widely-covered--0">&#8595; passage 1</a> '
        '<a href="#cite--widget-1--widely-covered--1">&#8595; passage 2</a></span></li>'
    ) in page
    legend = re.findall(r'<li><mark class="mf-hl mf-hl--(\w+)">', page)
    assert legend == ["supports", "mentions", "mixed"]
    assert "mf-hl--mixed" not in source_page(base(), "acme-news").html  # one stance: no striped entry


def test_source_page_lists_citing_claims_once_each_numbered():
    html = source_page(base(), "acme-news").html
    assert (
        '<h2 id="_claims">Claims citing this source (2)</h2>\n<ol class="mf-claim-list">'
        '<li id="_ref1"><span class="mf-stance-tag mf-stance-tag--supports">&#10003; supports</span> '
        '<a href="../../models/widget-1/index.html#released">Widget-1: Widget-1 was released on 3 March 2025.</a> '
        '<span class="mf-badge mf-badge--medium">Confidence: medium</span> '
        '<span class="mf-jumps"><a href="#cite--widget-1--released--0">&#8595; passage</a></span></li>'
        '<li id="_ref2"><span class="mf-stance-tag mf-stance-tag--supports">&#10003; supports</span> '
        '<a href="../../models/widget-1/index.html#open-weights">Widget-1: Widget-1&#x27;s weights are openly '
        'available.</a> <span class="mf-badge mf-badge--very-low">Confidence: very low</span> '
        '<span class="mf-status mf-status--disputed">Disputed</span> '
        '<span class="mf-jumps"><a href="#cite--widget-1--open-weights--0">&#8595; passage</a></span></li></ol>'
    ) in html


def test_a_source_page_says_whose_it_is_links_the_original_and_why_a_copy_is_kept():
    keep = "Model Facts keeps the copy below only to verify the quotations cited from it; the text remains its owner&#x27;s."
    card = primary_document("acme-news")
    page = source_page(base(sources=[card, two_sources()[1]]), "acme-news").html
    pinned = f"https://github.com/acme/widget/blob/{'a' * 40}/docs/MODEL_CARD.md"
    assert (
        '<h1 id="_top">[Widget-1 model card]</h1>\n<p class="mf-ownership">This document belongs to Acme Labs; '
        f'the original is at <a href="{pinned}" rel="nofollow noopener">{pinned}</a>. {keep}</p>\n'
    ) in page
    anonymous = source("acme-news", publisher=None, authors=())
    page = source_page(base(sources=[anonymous, two_sources()[1]]), "acme-news").html
    assert (
        '<p class="mf-ownership">This article belongs to its publisher, who is not named; '
        f"the address of the original is not known. {keep}</p>"
    ) in page
    by_author = source("acme-news", publisher=None, authors=("A", "B"))
    assert "This article belongs to A, B;" in source_page(base(sources=[by_author, two_sources()[1]]), "acme-news").html


def test_source_page_meta():
    undated = source(
        "acme-news",
        published=None,
        date_note="Says <March>.",
        url="https://acme.example/a?b=1&c=2",
        notes=HOSTILE,
        authors=("A", "B"),
        title=HOSTILE,
    )
    page = source_page(base(sources=[undated, two_sources()[1]]), "acme-news")
    assert page.title == HOSTILE
    assert f'<h1 id="_top">{HOSTILE_HTML}</h1>\n<p class="mf-ownership">' in page.html
    assert (
        '<dl class="mf-meta"><dt>Publisher</dt><dd>Publisher of acme-news</dd>'
        "<dt>Authors</dt><dd>A, B</dd><dt>Published</dt><dd>Unknown &#8212; Says &lt;March&gt;.</dd>"
        "<dt>Kind</dt><dd>news &#8212; Reporting by a news outlet.</dd>"
        "<dt>Document</dt><dd>article &#8212; A news story, column, post or other article.</dd>"
        '<dt>Reliability</dt><dd><span class="mf-grade">Grade C (Fairly reliable)</span> &#8212; '
        "A named outlet with a byline.</dd>"
        '<dt>URL</dt><dd><a href="https://acme.example/a?b=1&amp;c=2" rel="nofollow noopener">'
        "https://acme.example/a?b=1&amp;c=2</a></dd>"
        f"<dt>File</dt><dd><code>acme-news.txt</code> &#183; SHA-256 <code>{'0' * 64}</code></dd>"
        f"<dt>Notes</dt><dd>{HOSTILE_HTML}</dd></dl>\n"
    ) in page.html


def test_source_page_without_text_or_citations():
    fact_base = base(sources=[source("acme-news", text=None), source("lonely")])
    assert "<p>The text could not be read.</p>" in source_page(fact_base, "acme-news").html
    lonely = source_page(fact_base, "lonely").html
    assert '<h2 id="_claims">Claims citing this source (0)</h2>\n<p>No claim cites this source yet.</p>' in lonely
    assert "<mark" not in lonely and "Acme Labs released Widget-1 on March 3, 2025." in lonely


MARKDOWN_CARD = (
    "# Widget-1 <b>model card</b>\r\n\r\n| Size | Context |\r\n|---|---|\r\n| 8B | 8k |\r\n\r\n"
    "**License** Acme Labs released Widget-1 on March 3, 2025. [terms](javascript:alert(1))\r\n"
)


def test_a_primary_documents_page_names_its_type_evidence_date_and_pinned_origin():
    note = "Repository marked deprecated."
    card = primary_document("acme-news", text=MARKDOWN_CARD, about=("Widget-1", "W1 <chat>"))
    card = dataclasses.replace(card, provenance=dataclasses.replace(card.provenance, note=note))
    page = source_page(base(sources=[card, two_sources()[1]]), "acme-news")
    pinned = f"https://github.com/acme/widget/blob/{'a' * 40}/docs/MODEL_CARD.md"
    assert (
        "<dt>Publisher</dt><dd>Acme Labs</dd><dt>Authors</dt><dd>None named</dd>"
        "<dt>Evidence date</dt><dd>2025-03-04 &#8212; what it says is evidence as of the commit that last changed "
        f'the file, <a href="https://github.com/acme/widget/commit/{"b" * 40}" rel="nofollow noopener">bbbbbbb</a>, '
        "made 2025-03-04T10:00:00+01:00</dd>"
        "<dt>Kind</dt><dd>primary &#8212; Published by the developer itself (paper, model card, announcement).</dd>"
        "<dt>Document</dt><dd>model-card &#8212; The developer&#x27;s description of a model: what it is, how it was "
        "made, its limits.</dd><dt>About</dt><dd>Widget-1, W1 &lt;chat&gt;</dd>"
    ) in page.html
    assert (
        f'<dt>Origin</dt><dd><a href="{pinned}" rel="nofollow noopener">{pinned}</a> &#8212; docs/MODEL_CARD.md in '
        "acme/widget, branch main, at commit aaaaaaa</dd><dt>About this copy</dt><dd>Repository marked deprecated.</dd>"
    ) in page.html
    assert "<dt>Published</dt>" not in page.html and "<dt>URL</dt>" not in page.html


def test_a_documents_markdown_is_shown_as_stored_never_rendered():
    card = primary_document("acme-news", text=MARKDOWN_CARD)
    html = source_page(base(sources=[card, two_sources()[1]]), "acme-news").html
    text = html.split('<div class="mf-article mf-document">', 1)[1]
    assert text.startswith("# Widget-1 &lt;b&gt;model card&lt;/b&gt;&#10;&#10;| Size | Context |&#10;|---|---|&#10;")
    assert "[terms](javascript:alert(1))" in text and "<b>" not in html and "<table" not in text
    assert '<mark class="mf-hl mf-hl--supports">Acme Labs released Widget-1 on March 3, 2025.</mark>' in text
    assert '<h2 id="_text">Full text as stored, not rendered, with cited passages highlighted</h2>' in html
    article = source_page(base(), "acme-news").html
    assert '<div class="mf-article">' in article and "mf-document" not in article


def test_a_claim_names_a_copied_documents_date_as_of_its_commit():
    card = primary_document("acme-news", commit_date="2025-03-04T10:00:00+01:00")
    fact_base = base(sources=[card, two_sources()[1]])
    page = models.model_page(models.model_view(fact_base, fact_base.models[0]))
    assert '[Widget-1 model card]</a> &#183; Acme Labs &#183; <span class="mf-grade" title="Completely reliable">' in (
        page.html
    )
    assert "grade A</span> &#183; as of 2025-03-04 &#183; " in page.html
    article = models.model_page(models.model_view(base(), base().models[0]))
    assert "as of" not in article.html and "grade C</span> &#183; 2025-03-04</li>" in article.html


# Index and list pages


def test_models_index_groups_by_developer():
    page = models.models_index(base())
    assert (page.url, page.title, page.description) == ("models/", "Models", "All 1 models in Model Facts.")
    assert (
        '<h2 id="_dev0">Acme Labs</h2>\n<div class="mf-scroll" tabindex="0" role="region" '
        'aria-label="Models by Acme Labs"><table class="mf-table"><thead><tr><th>Model</th><th>Claims</th>'
        "<th>Confidence mix</th><th>Disputed</th></tr></thead><tbody><tr>"
        '<td><a href="widget-1/index.html">Widget-1</a></td><td>2</td><td>1 medium &#183; 1 very low</td><td>1</td>'
        "</tr></tbody></table></div>"
    ) in page.html


def test_models_index_lists_a_model_under_each_developer_and_the_unknown_last():
    fact_base = base(
        model("widget-1", developers=("rival-times", "acme-labs")),
        model("widget-2", name="Widget-2", developers=("rival-times",)),
        model("widget-3", name="Widget-3", developers=()),
    )
    html = models.models_index(fact_base).html
    assert "3 models from 3 developers, grouped by developer." in html
    headings = re.findall(r'<h2 id="(_dev\d)">([^<]*)</h2>', html)
    assert headings == [("_dev0", "Acme Labs"), ("_dev1", "Rival Times"), ("_dev2", "Developer not known")]
    groups = [re.findall(r">(Widget-\d)</a>", part) for part in html.split("<h2")[1:]]
    assert groups == [["Widget-1"], ["Widget-1", "Widget-2"], ["Widget-3"]]
    # A developer of several models links to the matrix filtered to them; one of a single model or none, not.
    compare = re.findall(r'<p class="mf-compare"><a href="([^"]+)">([^<]+)</a></p>', html)
    assert compare == [
        ("../openness/index.html?developer=rival-times", "Compare the 2 models by Rival Times in the openness matrix")
    ]
    assert html.index("Rival Times</h2>") < html.index('class="mf-compare"') < html.index('id="_dev2"')


@pytest.mark.parametrize(
    "developers, meta, by",
    [
        (("acme-labs",), "<dt>Developer</dt><dd>Acme Labs</dd>", "by Acme Labs"),
        (
            ("acme-labs", "rival-times"),
            "<dt>Developers</dt><dd>Acme Labs, Rival Times</dd>",
            "by Acme Labs, Rival Times",
        ),
        ((), "<dt>Developer</dt><dd>Not known</dd>", "(developer not known)"),
    ],
)
def test_model_page_names_its_developers_from_the_registry(developers, meta, by):
    page = model_page(base(model(developers=developers)))
    assert meta in page.html
    assert page.description.startswith(f"What the sources say about Widget-1 {by}: ")


def test_a_renamed_publisher_re_renders_the_pages_that_show_its_name():
    """The registry's names are part of the views, so a page kept between renders never shows an old name."""
    before, after = base(), base(publishers=registry(("acme-labs", "Acme Labs Inc"), ("rival-times", "Rival Times")))
    model_of = lambda b: models.model_view(b, b.models[0])  # noqa: E731
    source_of = lambda b: sources.source_view(b, b.sources["rival-news"])  # noqa: E731
    assert model_of(before) != model_of(after) and source_of(before) == source_of(after)
    assert "Acme Labs Inc" in models.model_page(model_of(after)).html


def test_a_syndicated_copy_links_its_original():
    copy = source("copy", publisher="rival-times", syndicated_from="acme-news")
    html = source_page(base(sources=[*two_sources(), copy]), "copy").html
    assert (
        '<dt>Syndicated from</dt><dd><a href="../acme-news/index.html">acme-news</a> '
        "(counted with it, as one source)</dd>"
    ) in html


def test_sources_index_counts_citations():
    html = sources.sources_index(base()).html
    assert (
        '<tbody><tr><td><a href="acme-news/index.html">Article acme-news</a></td><td>Publisher of acme-news</td>'
        '<td class="mf-date-cell">2025-03-04</td><td>news</td><td>C</td><td>2</td></tr>'
        '<tr><td><a href="rival-news/index.html">Article rival-news</a></td><td>Rival Times</td>'
        '<td class="mf-date-cell">2025-03-04</td><td>news</td><td>C</td><td>1</td></tr></tbody>'
    ) in html


def test_sources_index_groups_articles_and_primary_documents_and_says_why_some_are_unused():
    card = primary_document("acme-news", commit_date="2024-12-31T23:00:00-05:00")
    licence = primary_document("acme-licence", document="licence", unused="Not yet curated: <terms> await review.")
    page = sources.sources_index(base(sources=[card, licence, two_sources()[1]]))
    assert "<p>1 source article and 2 primary documents. Each page shows the full text" in page.html
    headings = re.findall(r'<h2 id="(_\w+)">([^<]*)</h2>', page.html)
    assert headings == [
        ("_articles", "Articles (1)"),
        ("_primary", "Primary documents (2)"),
        ("_unused", "Not cited yet (1)"),
    ]
    assert (
        "<th>Document</th><th>Publisher</th><th>As of</th><th>Type</th><th>Grade</th><th>Citations</th>"
        '</tr></thead><tbody><tr><td><a href="acme-licence/index.html">[Widget-1 model card]</a></td>'
        '<td>Acme Labs</td><td class="mf-date-cell">2025-03-04</td><td>licence</td><td>A</td><td>0</td></tr>'
        '<tr><td><a href="acme-news/index.html">[Widget-1 model card]</a></td>'
        '<td>Acme Labs</td><td class="mf-date-cell">2024-12-31</td><td>model-card</td><td>A</td><td>2</td></tr></tbody>'
    ) in page.html
    assert (
        '<ul class="mf-unused"><li><a href="acme-licence/index.html">[Widget-1 model card]</a> &#8212; '
        "Not yet curated: &lt;terms&gt; await review.</li></ul>"
    ) in page.html
    only_articles = sources.sources_index(base()).html
    assert "_primary" not in only_articles and "_unused" not in only_articles


def test_disputed_page_links_each_claim_to_its_model_page():
    page = lists.disputed_page(base())
    assert (
        '<h2 id="_widget-1" class="mf-model-name"><a href="../models/widget-1/index.html">Widget-1</a></h2>\n'
        '<section class="mf-claim mf-claim--disputed"><h3 id="widget-1--open-weights">Widget-1&#x27;s weights are '
        'openly available. <a class="headerlink" href="../models/widget-1/index.html#open-weights" '
        'title="This claim on its model page">&#182;</a></h3>'
    ) in page.html
    assert '<a href="../sources/rival-news/index.html#cite--widget-1--open-weights--1">' in page.html
    assert "released" not in page.html


def test_disputed_page_headings_never_skip_a_level_and_name_each_model_once():
    """h1, then per model an h2 (its name), its claims h3 and their sides h4: a screen reader's outline."""
    disputed = dataclasses.replace(RELEASED, citations=(*RELEASED.citations, OPEN_WEIGHTS.citations[1]))
    gadget = model("gadget", claims=(OPEN_WEIGHTS,), name="Gadget")
    page = lists.disputed_page(base(model(claims=(disputed, OPEN_WEIGHTS)), gadget)).html
    levels = [int(n) for n in re.findall(r"<h(\d)[ >]", page)]
    assert levels == [1, 2, 3, 4, 4, 3, 4, 4, 2, 3, 4, 4]
    assert re.findall(r'<h2 id="(_[\w-]+)" class="mf-model-name"><a [^>]*>([^<]*)</a></h2>', page) == [
        ("_widget-1", "Widget-1"),
        ("_gadget", "Gadget"),
    ]


def test_timeline_groups_dated_claims_by_year_newest_first_with_the_newest_attested_open():
    """A forecast (only predicted) or a date the curators supplied does not open its year: the newest year in
    which a cited passage dates a claim it supports does, and the intro says so."""
    later = dataclasses.replace(RELEASED, id="later", statement="Later.", date="2026")
    forecast = dataclasses.replace(
        RELEASED,
        id="forecast",
        statement="Forecast.",
        date="2028",
        citations=tuple(dataclasses.replace(c, stance="predicts") for c in RELEASED.citations),
    )
    guessed = dataclasses.replace(RELEASED, id="guessed", statement="Guessed.", date="2027", date_basis="curator")
    page = lists.timeline_page(base(model(claims=(later, RELEASED, OPEN_WEIGHTS, forecast, guessed))))
    assert re.findall(
        r'<details class="mf-year"( open="")?><summary><h2 id="_y(\d+)">\2</h2></summary>', page.html
    ) == [
        ("", "2028"),
        ("", "2027"),
        (' open=""', "2026"),
        ("", "2025"),
    ]
    assert (
        "is not given by any cited passage. 2026 is open: the newest year in which a cited passage dates" in page.html
    )
    assert lists.open_year((forecast, guessed)) is None
    assert lists.open_year((RELEASED, forecast)) == "2025"
    page = lists.timeline_page(base(model(claims=(later, RELEASED, OPEN_WEIGHTS))))
    assert (
        '<tbody><tr data-model="widget-1" data-developers="acme-labs"><td class="mf-date-cell">2025-03-03</td>'
        '<td><a href="../models/widget-1/index.html">Widget-1</a></td>'
        '<td><a href="../models/widget-1/index.html#released">Widget-1 was released on 3 March 2025.</a></td>'
        '<td><span class="mf-badge mf-badge--medium">Confidence: medium</span> </td></tr></tbody>'
    ) in page.html
    assert page.html.index("Later.") < page.html.index("Widget-1 was released")
    assert "2 dated claims, newest first, by year." in page.html
    assert '<details class="mf-year" open=""><summary><h2 id="_y2026">' in page.html


def test_timeline_filter_offers_the_developers_and_models_its_rows_carry():
    """The script (tables.js) keeps a row when its data-<name> words hold the value of select mf-filter-<name>:
    every option must be a value some row carries, and the form stays hidden until the script shows it."""
    gadget = model("gadget", claims=(dataclasses.replace(RELEASED, date="2024"),), name="Gadget", developers=())
    undated = model("undated", claims=(OPEN_WEIGHTS,), name="Undated", developers=("rival-times",))
    html = lists.timeline_page(base(model(), gadget, undated)).html
    form = html[html.index(f'<form id="{lists.TIMELINE_FORM}"') : html.index("</form>")]
    assert 'hidden=""' in form and f'<p id="{lists.TIMELINE_NOTE}">' in html
    options = dict(re.findall(r'<select id="mf-filter-(\w+)">(.*?)</select>', form))
    assert re.findall(r'<option value="([^"]*)">([^<]*)</option>', options["developers"]) == [
        ("", "All developers"),
        ("acme-labs", "Acme Labs"),
        ("-", "Not known"),
    ]
    assert re.findall(r'value="([^"]*)"', options["model"]) == ["", "gadget", "widget-1"]  # no undated model
    rows = re.findall(r'<tr data-model="([^"]*)" data-developers="([^"]*)">', html)
    assert rows == [("widget-1", "acme-labs"), ("gadget", "-")]
    assert f'<p id="{lists.TIMELINE_COUNT}" role="status">Showing 2 of 2 dated claims</p>' in html


def test_downloads_page_links_the_data_files_and_explains_the_csv_cells():
    html = lists.downloads_page(base(), exports.DATA_FILES).html
    assert (
        '<thead><tr><th>File</th><th>What it holds</th></tr></thead><tbody><tr><td class="mf-file">'
        '<a href="../data/claims.json">data/claims.json</a></td><td>every claim'
    ) in html
    assert (
        '<tr><td class="mf-file"><a href="../data/claims.csv">data/claims.csv</a></td><td>the same, one row per claim; '
        "citations and openness assertions as JSON columns. A cell that begins with =, +, -, @, a tab or a carriage "
        "return gets a &#x27; in front, so that a spreadsheet shows it as text and never runs it as a formula "
        "(claims.json keeps the exact text)</td></tr>"
    ) in html
    assert html.count('<td class="mf-file">') == len(exports.DATA_FILES) == 11
    assert '<a href="../data/openness.json">data/openness.json</a>' in html


def test_home_and_methodology_say_what_a_rating_measures():
    said = "A rating measures how well the stored evidence supports a claim, not how likely the claim is to be true"
    assert said in guide.home_page(base()).html
    assert f'<h2 id="_meaning">What a rating means</h2>\n<p class="mf-rating-meaning">{said}' in (
        guide.methodology_page().html
    )
    assert "the rating tracks the truth of that fact" in guide.methodology_page().html


def test_home_page_links_every_section_and_the_feed():
    html = guide.home_page(base()).html
    assert '<p class="mf-counts">1 model &#183; 2 claims &#183; 2 sources &#183; 1 disputed</p>' in html
    sections = html[html.index('<h2 id="_sections">') :]
    assert '<li><a href="models/index.html">Models</a> &#8212; every model, grouped by developer</li>' in sections
    assert (
        '<li><a href="changes/index.html">Recent changes</a> &#8212; claims added and re-rated, and verdicts that '
        "changed (also as an Atom feed)</li>"
    ) in sections
    assert '<a href="feed.xml" type="application/atom+xml">Atom feed</a>' in html
    assert '<ul><li><a href="openness/index.html">Openness</a> &#8212; how open each model is' in sections  # first
    assert '<li><a href="licences/index.html">Licences</a> &#8212; every licence the claims name' in sections
    assert '<li><a href="frameworks/index.html">Frameworks</a> &#8212; where each model stands' in sections
    assert sections.count("<li><a href=") == 10


def test_methodology_prints_the_ceiling_grid_and_the_rules():
    html = guide.methodology_page().html
    assert (
        "<thead><tr><th>Evidence \\ agreement</th><th>high</th><th>medium</th><th>low</th></tr></thead><tbody>"
        '<tr><th>robust</th><td><span class="mf-badge mf-badge--very-high">Confidence: very high</span></td>'
        '<td><span class="mf-badge mf-badge--high">Confidence: high</span></td>'
        '<td><span class="mf-badge mf-badge--medium">Confidence: medium</span></td></tr>'
    ) in html
    for rule in rules.RULES:
        assert f"<tr><td><code>{rule.id}</code></td><td>" in html
    assert "the curator's judgement" in html  # literal prose, as written


def test_methodology_says_how_independence_is_decided():
    html = guide.methodology_page().html
    assert '<p id="_independence"><strong>How independence is decided</strong></p>' in html
    for text in ("publisher id", "syndicated copy", "One document is one source", "look Latin"):
        assert text in html, text
    assert "at least two words of two or more letters or digits" in html
    assert "a model-card table row such as <code>" not in html  # rule descriptions are text, escaped
    assert "`| 8B | 8k |`" in html


def test_methodology_says_what_the_developers_own_documents_settle():
    html = guide.methodology_page().html
    assert '<h2 id="_own">The developer&#x27;s own documents</h2>' in html
    assert "For a model with several developers, a primary document of any of them is its own." in html
    for topic in ("release", "availability", "license", "weights", "architecture", "size", "context-window"):
        assert f"<tr><td><code>{topic}</code></td><td>authoritative</td></tr>" in html
    assert (
        "<tr><td><code>capability</code></td><td>not authoritative &#8212; self-praise: benchmarks, "
        "&#8220;state of the art&#8221;</td></tr>"
    ) in html
    assert (
        "<tr><td>Contradicted by the developer&#x27;s own document, graded A&#8211;C</td>"
        "<td>ceiling very low, whatever other sources support</td></tr>"
    ) in html


# Views: a model or source page is kept between renders under everything it shows.


def _pages(fact_base, cache=None):
    return {p.url: p for p in render_site(fact_base, cache=cache).pages}


def _shown(page: Page):
    return page.title, page.description, page.html, page.jsonld, page.wide


def _kept(url: str) -> bool:
    """Model, source, licence and framework pages; the other pages are rendered anew every time."""
    return url.count("/") == 2


def _record_value(example):
    """A schema example as the model's dataclasses hold it: a mapping is a citation, a provenance or a
    claim's openness (its (dimension, value) pairs)."""
    if isinstance(example, list):
        return tuple(_record_value(e) for e in example)
    if isinstance(example, dict):
        if "commit" in example:
            return Provenance(**example)
        if set(example) <= set(openness.BY_ID):
            return tuple((d.id, example[d.id]) for d in openness.DIMENSIONS if d.id in example)
        return moved(**example) if "to" in example else cite(**example)
    return example


FIELD_NAMES = {("licence", "class"): "licence_class"}
"""A schema property that the model's dataclass names otherwise."""


def _schema_fields():
    """Every property of every record schema, with a value from its examples that differs from the
    fixture's, and the record of the fixture that it changes."""
    for kind, schema in (
        ("model", schemas.model_schema()),
        ("claim", schemas.claim_schema()),
        ("citation", schemas.citation_schema()),
        ("source", schemas.source_schema()),
        ("licence", seedschemas.licences_schema()["$defs"]["licence"]),
    ):
        for name, prop in schema["properties"].items():
            yield pytest.param(kind, name, prop, id=f"{kind}.{name}")


APACHE = licence("Apache-2.0", "Apache License 2.0", "open", terms=("widget-1#open-weights",), text="rival-news")
ACME_TERMS = licence("LicenseRef-Acme-Terms", "Acme Terms", "restricted", not_stored="Acme publishes them online.")


def _fixture():
    """Widget-1 and a second model that cites only acme-news; rival-news undated, so its date note shows;
    the disputed claim dated, so its date's basis shows; Widget-1 under Apache-2.0, whose text is
    rival-news and whose terms the disputed claim states, and a licence whose text is not stored."""
    gadget = model("gadget", claims=(RELEASED,), name="Gadget")
    rival = source("rival-news", two_sources()[1].text, publisher="rival-times", published=None, date_note="Undated.")
    under = dataclasses.replace(RELEASED, openness=(("licence", "Apache-2.0"),))
    widget = model(claims=(under, dataclasses.replace(OPEN_WEIGHTS, date="2025-03")))
    return base(widget, gadget, sources=[two_sources()[0], rival], licences=(APACHE, ACME_TERMS))


def _change(fact_base, kind: str, name: str, prop: dict):
    """The fixture with one field changed: Widget-1, its disputed claim, that claim's contradicting
    citation, rival-news, or the Apache-2.0 licence."""
    widget, gadget = fact_base.models
    record = {
        "model": widget,
        "claim": widget.claims[1],
        "citation": widget.claims[1].citations[1],
        "source": fact_base.sources["rival-news"],
        "licence": fact_base.licences.licences[0],
    }[kind]
    name = FIELD_NAMES.get((kind, name), name)
    assert name in {f.name for f in dataclasses.fields(record)}, f"{kind}.{name} is in the schema, not the model"
    current = getattr(record, name)
    options = [_record_value(e) for e in [*prop.get("examples", []), *prop.get("enum", [])]]
    value = next((v for v in options if v != current), None)
    assert value is not None, f"no example of {kind}.{name} differs from the fixture's {current!r}"
    changed = dataclasses.replace(record, **{name: value})
    if kind == "source":
        return dataclasses.replace(fact_base, sources={**fact_base.sources, "rival-news": changed})
    if kind == "licence":
        table = dataclasses.replace(fact_base.licences, licences=(changed, *fact_base.licences.licences[1:]))
        return dataclasses.replace(fact_base, licences=table)
    if kind == "citation":
        changed = dataclasses.replace(widget.claims[1], citations=(widget.claims[1].citations[0], changed))
        kind = "claim"
    if kind == "claim":
        changed = dataclasses.replace(widget, claims=(widget.claims[0], changed))
    return dataclasses.replace(fact_base, models=[changed, gadget])


@pytest.mark.parametrize("kind, name, prop", list(_schema_fields()))
def test_a_change_to_any_field_re_renders_exactly_the_pages_that_show_it(kind, name, prop):
    cache = Cache()
    original = _fixture()
    before = _pages(original, cache)
    changed = _change(original, kind, name, prop)
    after = _pages(changed, cache)  # reusing what the first render kept
    fresh = _pages(changed)
    assert {u: _shown(p) for u, p in after.items()} == {u: _shown(p) for u, p in fresh.items()}, "a stale page"
    shows = {u for u in fresh if _kept(u) and (u not in before or _shown(before[u]) != _shown(fresh[u]))}
    assert shows, f"no model or source page shows {kind}.{name}: the test would prove nothing"
    reused = {u for u in after if _kept(u) and u in before and after[u] is before[u]}
    assert reused == {u for u in fresh if _kept(u)} - shows, "a page was rendered again though nothing it shows changed"


def test_a_changed_article_text_re_renders_its_source_page_only():
    cache = Cache()
    original = _fixture()
    before = _pages(original, cache)
    rival = dataclasses.replace(original.sources["rival-news"], text="Widget-1 weights remain closed and API-only.")
    after = _pages(dataclasses.replace(original, sources={**original.sources, "rival-news": rival}), cache)
    assert [u for u in after if _kept(u) and after[u] is not before[u]] == ["sources/rival-news/"]
    assert "<p>Widget-1 weights remain closed and API-only.</p>" not in after["sources/rival-news/"].html
    assert (
        '<mark class="mf-hl mf-hl--contradicts">Widget-1 weights remain closed and API-only</mark>'
        in after["sources/rival-news/"].html
    )
