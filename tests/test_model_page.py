"""Model pages as a reader meets them: sections by how far to trust a claim, the doubtful ones collapsed,
a header that does not pass doubtful names off as facts, the confidence scale, one numbered reference list,
links to the passage in the original, and when each claim was last reviewed."""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import quote

import pytest
from conftest import REPO
from inmemory import OPEN_WEIGHTS, RELEASED, base, cite, claim, model, primary_document, source, two_sources

from modelfacts import rubric
from modelfacts.check import check_root
from modelfacts.pages import models
from modelfacts.pages.parts import meter
from modelfacts.urls import SECTION_ANCHORS, text_fragment


def page_html(fact_base, index: int = 0) -> str:
    return models.model_page(models.model_view(fact_base, fact_base.models[index])).html


def h2_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def news(ident: str, statement: str, **over):
    return claim(ident, statement, cite("acme-news", "supports", f"{ident} quote"), **over)


LADDER = (
    news("guess", "A very low guess.", topic="release", confidence="very low"),
    news("fine", "A medium fact.", topic="size", confidence="medium"),
    news("solid", "A very high fact.", topic="size", confidence="very high"),
    news("early", "A high fact on release.", topic="release", confidence="high"),
    news("fought", "A high but disputed fact.", confidence="high", status="disputed"),
    news("withdrawn", "A high, retracted fact.", confidence="high", status="retracted"),
    news("thin", "A low fact.", confidence="low"),
)
"""One claim per level and status, in no useful order."""


def test_sections_come_in_order_of_trust_and_each_is_a_real_section():
    html = page_html(base(model(claims=LADDER)))
    assert h2_ids(html) == ["_openness", *SECTION_ANCHORS.values()]
    order = [html.index(f'id="{c}"') for c in ("openness", "_reliable", "_other", "_doubtful", "_references")]
    assert order == sorted(order)
    sections = {
        name: html[html.index(f'<h2 id="{anchor}"') :].split("<h2 ", 2)[1] for name, anchor in SECTION_ANCHORS.items()
    }
    ids = {name: re.findall(r'<h3 id="([^"]+)"', text) for name, text in sections.items()}
    # by topic (rubric.TOPICS order) within a section, then in the fact file's order
    assert ids == {"reliable": ["early", "solid"], "other": ["withdrawn", "thin", "fine"],
                   "doubtful": ["guess", "fought"], "references": []}  # fmt: skip


def test_doubtful_claims_are_collapsed_and_say_how_many_and_why():
    html = page_html(base(model(claims=LADDER)))
    doubtful = html[html.index('<h2 id="_doubtful">') :]
    assert doubtful.startswith(
        '<h2 id="_doubtful">Doubtful claims</h2>\n<details class="mf-doubtful"><summary>Show the 2 doubtful claims'
        '</summary><div class="mf-lead"><p>2 claims rated very low or disputed, kept so '
    )
    lead = doubtful[: doubtful.index("</div>")]
    assert rubric.CONFIDENCE_MEANING["very low"] in lead and rubric.STATUSES["disputed"] in lead
    assert "<details" not in html[: html.index('<h2 id="_doubtful">')]  # nothing else is hidden
    assert doubtful.index("</details>") > doubtful.index('id="fought"')


def test_without_doubtful_or_reliable_claims_those_sections_are_left_out():
    html = page_html(base(model(claims=(RELEASED,))))
    assert h2_ids(html) == ["_openness", "_other", "_references"]
    assert "<details" not in html


@cache
def real_pages() -> dict[str, tuple[object, str]]:
    fact_base = check_root(REPO).base
    return {m.id: (m, page_html(fact_base, i)) for i, m in enumerate(fact_base.models)}


def test_no_real_page_shows_a_doubtful_claim_outside_the_collapsed_section():
    for model_id, (mod, html) in real_pages().items():
        open_part, _, hidden = html.partition('<details class="mf-doubtful">')
        for c in mod.claims:  # type: ignore[attr-defined]
            doubtful = c.status == "disputed" or c.confidence == "very low"
            assert (f'<h3 id="{c.id}">' in hidden) == doubtful, f"{model_id}#{c.id}"
            assert (f'<h3 id="{c.id}">' in open_part) != doubtful, f"{model_id}#{c.id}"
        first = re.search(r'<h3 id="[^"]+">.*?</p>', open_part)
        assert first is None or "Confidence: very low" not in first.group(0), model_id


# ------------------------------------------------------------------ the header


def header(html: str) -> str:
    return html[: html.index("<section")]


def test_an_alias_only_doubtful_claims_name_is_marked_and_linked():
    claims = (
        news("w2-rumour", "W2 is coming.", confidence="very low"),
        news("w1-release", "W1 shipped.", confidence="high"),
        news("w1-doubt", "W1 is dead.", confidence="very low"),
    )
    html = header(page_html(base(model(claims=claims, aliases=("W1", "W2", "Widget One")))))
    assert (
        '<dt>Also known as</dt><dd>W1, W2 <span class="mf-doubtful-mark">(doubtful: '
        '<a href="#w2-rumour">see claim</a>)</span>, Widget One</dd>'
    ) in html  # W1 rests on a high claim too; no claim names Widget One


def test_a_model_without_aliases_has_no_also_known_as_row():
    html = header(page_html(base(model(aliases=()))))
    assert "<dt>Modality</dt>" in html and "Also known as" not in html


def test_a_family_of_several_links_to_the_matrix_filtered_to_it_and_stays_text():
    family = 'Bolt & "Co" <b>/?#'
    pair = base(model(family=family), model("widget-2", name="Widget-2", family=family))
    escaped = "Bolt &amp; &quot;Co&quot; &lt;b&gt;/?#"
    query = "?family=Bolt%20%26%20%22Co%22%20%3Cb%3E%2F%3F%23"
    link = f'<a href="../../openness/index.html{query}">compare all 2 {escaped} models</a>'
    assert f"<dt>Family</dt><dd>{escaped} ({link})</dd>" in header(page_html(pair))
    assert "<b>" not in page_html(pair)
    alone = header(page_html(base(model(family=family))))  # a family of one: nothing to compare
    assert f"<dt>Family</dt><dd>{escaped}</dd>" in alone
    assert "<dt>Family</dt>" not in header(page_html(base(model(family=None))))


@pytest.mark.parametrize(
    "alias, text, named",
    [
        ("Gemini 3", "Gemini 3.0 ships", True),
        ("Gemini 3", "Gemini 30 ships", False),
        ("W1", "the w1 model", True),
        ("W1", "W10", False),
        ("C++ Model", "the C++ Model.", True),
        ("a.b", "axb", False),
    ],
)
def test_alias_named_whole_words_only(alias, text, named):
    assert models.alias_named(alias, text) is named


def test_the_header_says_how_many_claims_were_reviewed():
    claims = (
        claim("a", "A.", reviewed="2026-11-02"),
        claim("b", "B.", reviewed="2026-12-01"),
        claim("c", "C."),
    )
    html = page_html(base(model(claims=claims)))
    assert '<p class="mf-reviewed-count">2 of 3 claims reviewed, latest 2026-12-01</p>' in header(html)
    assert '<span class="mf-reviewed">Last reviewed 2026-12-01</span></p>' in html
    assert '<span class="mf-reviewed">Last reviewed 2026-11-02</span></p>' in html
    assert html.count('<span class="mf-reviewed">Not reviewed yet</span>') == 1
    one = page_html(base(model(claims=(claim("a", "A.", reviewed="2026-11-02"),))))
    assert "1 of 1 claim reviewed, latest 2026-11-02" in one
    assert "No claim reviewed yet" in header(page_html(base()))


# ------------------------------------------------------------------ the scale and the evidence


@pytest.mark.parametrize("level", rubric.CONFIDENCE_LEVELS)
def test_the_meter_fills_the_steps_up_to_the_level_and_names_it(level):
    html = meter(level)
    steps = re.findall(r'<span class="(mf-step[^"]*)"></span>', html)
    assert len(steps) == len(rubric.CONFIDENCE_LEVELS)
    rank = rubric.CONFIDENCE_LEVELS.index(level)
    assert steps == ["mf-step mf-step--on"] * (rank + 1) + ["mf-step"] * (len(steps) - rank - 1)
    assert '<span class="mf-steps" aria-hidden="true">' in html  # the badge's text says it to everyone
    assert f">Confidence: {level}</span></span>" in html and f'title="Level {rank + 1} of 5: very low &lt; ' in html


def test_the_evidence_line_names_predictions_and_contradictions_in_plain_words():
    c = claim(
        "c",
        "S.",
        cite("acme-news", "predicts", "It will ship."),
        cite("rival-news", "contradicts", "It will not."),
        confidence="very low",
        status="disputed",
    )
    html = page_html(base(model(claims=(c,))))
    assert (
        '<p class="mf-evidence">Contradicted by 1 source; 1 source predicts it, not counted.'
        " Evidence limited, agreement low &#8594; at most very low.</p>"
    ) in html


# ------------------------------------------------------------------ references and original passages

CARD = primary_document("acme-card")
BOT = source("bot", kind="ai-generated", reliability="E", url="https://bot.example/post")


def test_each_source_is_named_once_by_number_in_order_of_reading():
    claims = (
        claim("low-one", "L.", cite("bot", "supports", "Bot text here."), confidence="low"),
        claim("high-one", "H.", cite("acme-card", "supports", "Card text."), cite("bot", "mentions", "Bot aside."),
              confidence="high"),
        claim("again", "M.", cite("acme-card", "supports", "Card again."), cite("rival-news", "supports", "R.")),
    )  # fmt: skip
    html = page_html(base(model(claims=claims), sources=[*two_sources(), CARD, BOT]))
    refs = html[html.index('<h2 id="_references">') :]
    assert re.findall(r'<li id="(_ref\d)" class="[^"]*"><a href="../../sources/([^/]+)/', refs) == [
        ("_ref1", "acme-card"),  # the reliable section comes first
        ("_ref2", "bot"),
        ("_ref3", "rival-news"),
    ]
    body = html[: html.index('<h2 id="_references">')]
    assert re.findall(r'href="#(_ref\d)"', body) == ["_ref1", "_ref2", "_ref2", "_ref1", "_ref3"]
    assert "Article bot</a> &#183;" not in body and "[Widget-1 model card]</a>" not in body  # no titles repeated
    # grade E, machine-generated: set apart by a dashed frame and a label; the grade A card is not
    assert '<li id="_ref2" class="mf-reference mf-reference--weak">' in refs
    assert '<li id="_ref1" class="mf-reference">' in refs
    assert body.count('class="mf-cite mf-cite--supports mf-cite--weak"') == 1
    assert body.count('class="mf-cite mf-cite--mentions mf-cite--weak"') == 1
    assert (
        '&#183; <span class="mf-weak-label">machine-generated</span> &#183; <a href="https://bot.example/post" '
        'class="mf-original">original</a></li>'
    ) in refs


def test_a_pinned_documents_citation_links_to_the_passage_in_the_original():
    quote = 'Widget-1\'s weights: "open" <b>#1</b>, 100% free & fair-ish \U0001f680'
    claims = (
        claim("card", "C.", cite("acme-card", "supports", quote)),
        claim("news", "N.", cite("bot", "supports", "An article with an address.")),
    )
    html = page_html(base(model(claims=claims), sources=[*two_sources(), CARD, BOT]))
    pinned = CARD.url + text_fragment(quote)
    assert "%F0%9F%9A%80" in pinned and "%2D" in pinned and "%26" in pinned
    assert f'<a href="{pinned}" class="mf-original">in the original</a></p>' in html
    assert html.count("in the original") == 1  # an article's address may change: no passage link
    assert "<b>" not in html


def test_an_unknown_source_gets_no_number():
    html = page_html(base(model(claims=(claim("c", "S.", cite("gone", "supports", "q")),))))
    assert "mf-ref" not in html and "_references" not in html


def test_claim_anchors_stay_the_contract():
    html = page_html(base(model(claims=(RELEASED, OPEN_WEIGHTS))))
    assert '<h3 id="released">' in html and '<h3 id="open-weights">' in html
    assert '<a class="headerlink" href="#open-weights" title="Permanent link to this claim">' in html


def test_each_claim_links_to_the_wrong_claim_form_filled_in_with_its_address_when_the_repository_is_known():
    fact_base = base(model(claims=LADDER))
    plain = models.model_page(models.model_view(fact_base, fact_base.models[0], "https://f.example/")).html
    assert "mf-report" not in plain
    html = models.model_page(
        models.model_view(fact_base, fact_base.models[0], "https://f.example/", "https://github.com/o/r")
    ).html
    links = re.findall(r'<p class="mf-report"[^>]*><a href="([^"]+)"', html)
    assert len(links) == len(LADDER)
    claim_id = fact_base.models[0].claims[0].id
    model_id = fact_base.models[0].id
    expected = "https://github.com/o/r/issues/new?template=claim-is-wrong.yml&amp;claim=" + quote(
        f"https://f.example/models/{model_id}/#{claim_id}", safe=""
    )
    assert expected in links
