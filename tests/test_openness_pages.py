"""Openness as readers see it: the card on a model page, licence pages, framework pages, the methodology's
openness sections; rendered in memory, exact escaped HTML and link targets."""

from __future__ import annotations

import re

from inmemory import RELEASED, base, cite, claim, licence, model
from test_pages import HOSTILE, HOSTILE_HTML

from modelfacts import frameworks, openness, verdicts
from modelfacts.html import esc
from modelfacts.pages import guide, licences, models
from modelfacts.pages import openness as pages
from modelfacts.site import render_site
from modelfacts.urls import framework_url, licence_url

APACHE = licence(
    "Apache-2.0",
    "Apache License 2.0",
    "open",
    terms=("widget-1#licence-apache",),
    text="acme-news",
    url="https://www.apache.org/licenses/LICENSE-2.0",
)
ACME_TERMS = licence("LicenseRef-Acme-Terms", "Acme Terms", "restricted", not_stored="Acme publishes them online.")
QUOTE = cite("acme-news", "supports", "The weights of Widget-1 are available under the Apache 2.0 licence")


def asserting(ident: str, confidence: str, status: str = "current", date: str | None = None, **asserts: str):
    """A claim quoting acme-news (as of 2025-03-04) that asserts `asserts` of Widget-1's openness."""
    return claim(
        ident,
        f"Widget-1: {ident}.",
        QUOTE,
        topic="license",
        confidence=confidence,
        status=status,
        date=date,
        openness=tuple((d.id, asserts[d.id]) for d in openness.DIMENSIONS if d.id in asserts),
    )


CLAIMS = (
    RELEASED,
    asserting("weights-open", "high", weights="open", access="open"),
    asserting("licence-apache", "medium", licence="Apache-2.0"),
    asserting("licence-custom", "low", licence="LicenseRef-Acme-Terms"),
    asserting("card-published", "high", documentation="open"),
    asserting("no-card", "very low", documentation="closed"),
    asserting("data-secret", "medium", "superseded", "2024-01-01", data="closed"),
    asserting("data-named", "medium", "current", "2025-01-01", data="partial"),
)


def filled(*licences):
    """Widget-1 with CLAIMS, and a licence table (APACHE and ACME_TERMS unless given)."""
    return base(model(claims=CLAIMS), licences=licences or (APACHE, ACME_TERMS))


def card(fact_base) -> str:
    html = models.model_page(models.model_view(fact_base, fact_base.models[0])).html
    start = html.index('<section class="mf-openness"')
    return html[start : html.index("</section>", start) + len("</section>")]


def row(html: str, dimension: str) -> str:
    return re.search(f'<tr data-dimension="{dimension}">.*?</tr>', html).group(0)


# The card


def test_the_card_has_a_row_per_dimension_in_order_with_verdict_confidence_date_and_claims():
    html = card(filled())
    assert html.startswith('<section class="mf-openness" id="openness">')
    assert re.findall(r'<tr data-dimension="([a-z]+)">', html) == [d.id for d in openness.DIMENSIONS]
    assert row(html, "weights") == (
        '<tr data-dimension="weights"><th scope="row" title="Can anyone download the trained weights?">Weights</th>'
        '<td><span class="mf-verdict mf-verdict-open" title="Open, as this dimension defines it.">'
        '<span class="mf-verdict-symbol" aria-hidden="true">&#9679;</span> open</span></td>'
        '<td><span class="mf-badge mf-badge--high">high</span></td><td>2025-03-04</td>'
        '<td><ul class="mf-rests-on"><li class="mf-side-rests"><strong>Rests on:</strong> '
        '<a href="#weights-open">Widget-1: weights-open.</a></li></ul></td></tr>'
    )
    assert 'href="../../methodology/index.html#_verdicts"' in html


def test_every_verdict_has_its_symbol_and_class():
    for verdict in openness.VERDICTS:
        html = pages.verdict_html(verdict)
        assert f'class="mf-verdict mf-verdict-{verdict}"' in html
        assert f'aria-hidden="true">{esc(openness.VERDICT_SYMBOL[verdict])}</span> {verdict}</span>' in html


def test_a_model_whose_claims_assert_nothing_shows_every_dimension_unknown():
    html = card(base())
    for d in openness.DIMENSIONS:
        assert row(html, d.id) == (
            f'<tr data-dimension="{d.id}"><th scope="row" title="{esc(d.question)}">{esc(d.name)}</th>'
            '<td><span class="mf-verdict mf-verdict-unknown" title="No claim asserts a value, or a claim says it is '
            'not known."><span class="mf-verdict-symbol" aria-hidden="true">?</span> unknown</span></td>'
            '<td class="mf-empty">&#8212;</td><td class="mf-empty">&#8212;</td><td>No claim asserts it.</td></tr>'
        )
    assert "How it changed" not in html
    assert (
        '<a href="../../frameworks/osaid/index.html">OSI Open Source AI Definition 1.0</a>: '
        '<span class="mf-result mf-result-unknown">not known: evidence missing for Open Source AI</span> &#8212; '
        "unknown: no claim about weights; unknown: no claim about licence; unknown: no claim about code; "
        "unknown: no claim about training data</li>"
    ) in html


def test_only_a_rows_missing_confidence_and_date_are_marked_empty_for_the_stacked_card():
    html = card(filled())
    rated = [d.id for d in openness.DIMENSIONS if "mf-empty" not in row(html, d.id)]
    assert rated and all("mf-badge" in row(html, d) for d in rated)
    assert all(row(html, d.id).count('class="mf-empty"') == 2 for d in openness.DIMENSIONS if d.id not in rated)


def test_a_disputed_licence_shows_both_sides_each_linked_to_its_licence_page_and_claims():
    html = row(card(filled()), "licence")
    assert '<span class="mf-verdict mf-verdict-disputed"' in html
    assert (
        '<li class="mf-side-for"><strong>For:</strong> <a href="../../licences/apache-2.0/index.html">Apache License '
        '2.0</a> (<span class="mf-verdict mf-verdict-open"'
    ) in html
    assert '</span> open</span>) <a href="#licence-apache">Widget-1: licence-apache.</a></li>' in html
    assert (
        '<li class="mf-side-against"><strong>Against:</strong> <a href="../../licences/licenseref-acme-terms/index.html">'
        "Acme Terms</a> ("
    ) in html
    assert '</span> partial</span>) <a href="#licence-custom">Widget-1: licence-custom.</a></li>' in html
    assert '<td><span class="mf-badge mf-badge--medium">medium</span></td>' in html  # the winner's rating


def test_a_licence_verdict_names_the_licence_and_its_class_and_an_expression_its_parts():
    one = model(claims=(asserting("licence-apache", "medium", licence="Apache-2.0"),))
    html = row(card(base(one, licences=(APACHE,))), "licence")
    assert (
        '</span> open</span><br><span class="mf-licence-name"><a href="../../licences/apache-2.0/index.html">'
        "Apache License 2.0</a> (open)</span></td>"
    ) in html
    both = model(claims=(asserting("both", "medium", licence="MIT AND LicenseRef-Acme-Terms"),))
    html = row(card(base(both, licences=(ACME_TERMS,))), "licence")
    assert (
        '<span class="mf-licence-name"><code>MIT AND LicenseRef-Acme-Terms</code> (<code>MIT</code>, '
        '<a href="../../licences/licenseref-acme-terms/index.html">Acme Terms</a>) (not in the licence table)</span>'
    ) in html


def test_an_outweighed_assertion_is_listed_with_its_value():
    html = row(card(filled()), "documentation")
    assert '<span class="mf-verdict mf-verdict-open"' in html
    assert '<li class="mf-side-rests"><strong>Rests on:</strong> <a href="#card-published">' in html
    assert '<li class="mf-side-outweighed"><strong>Outweighed:</strong> <span class="mf-verdict mf-verdict-closed"' in (
        html
    )
    assert '</span> closed</span> <a href="#no-card">Widget-1: no-card.</a></li>' in html


def test_a_dimension_that_changed_shows_its_history():
    html = card(filled())
    assert '<h3 id="_openness-history">How it changed</h3>' in html
    history = re.search('<li data-dimension="data">.*?</ol></li>', html).group(0)
    assert history.startswith('<li data-dimension="data"><strong>Training data</strong><ol><li><span')
    assert '</span> closed</span> from 2024-01-01 &#8212; <a href="#data-secret">Widget-1: data-secret.</a></li>' in (
        history
    )
    assert '</span> partial</span> from 2025-01-01 &#8212; <a href="#data-named">Widget-1: data-named.</a></li>' in (
        history
    )
    assert 'data-dimension="weights"' not in html.split("How it changed")[1]


def test_the_card_shows_each_frameworks_result_with_its_gaps_and_page():
    fact_base = filled()
    html = card(fact_base)
    results = frameworks.assess_all(fact_base.verdicts["widget-1"])
    for f in frameworks.FRAMEWORKS:
        assert f'<a href="../../{framework_url(f.id)}index.html">' in html
        for gap in results[f.id].gaps:
            assert esc(gap.describe()) in html
    assert "disputed: the claims about licence disagree" in html


def test_the_card_shows_what_base_verdicts_holds():
    """The card never decides: a verdict put in base.verdicts is the one shown."""
    fact_base = filled()
    fact_base.verdicts["widget-1"]["code"] = verdicts.Verdict("widget-1", "code", "closed")
    assert '<span class="mf-verdict mf-verdict-closed"' in row(card(fact_base), "code")


def test_a_claim_block_says_what_it_asserts():
    html = models.model_page(models.model_view(filled(), filled().models[0])).html
    assert '<span class="mf-asserts" title="What this claim tells the openness verdicts">Asserts: weights open ' in html
    assert "Asserts: licence MIT" not in html
    assert "Asserts: licence Apache-2.0</span>" in html


# Licence pages


def pages_of(fact_base):
    return {p.url: p for p in render_site(fact_base).pages}


def test_licence_urls_lowercase_the_id_and_keep_dots_and_plus():
    assert licence_url("LicenseRef-Llama-3.1-Community") == "licences/licenseref-llama-3.1-community/"
    assert licence_url("GPL-2.0+") == "licences/gpl-2.0+/"
    assert framework_url("mof") == "frameworks/mof/"


def test_a_licence_with_stored_text_links_it_and_shows_its_terms_and_models():
    html = pages_of(filled())["licences/apache-2.0/"].html
    assert '<h1 id="_top">Apache License 2.0</h1>' in html
    assert (
        "<dt>Id</dt><dd><code>Apache-2.0</code></dd><dt>Class</dt><dd><strong>open</strong> &#8212; "
        f"{esc(openness.LICENCE_CLASSES['open'])}</dd><dt>Why</dt><dd>Classed open.</dd>"
    ) in html
    assert '<a href="https://www.apache.org/licenses/LICENSE-2.0" rel="nofollow noopener">' in html
    assert (
        '<p class="mf-stored">Its text is stored: <a href="../../sources/acme-news/index.html">Article acme-news</a>'
    ) in html
    assert "mf-not-stored" not in html
    # its key terms: the claim rendered as on the disputed page, its permalink to the model page
    assert '<h2 id="_terms">Key terms (1)</h2>' in html
    assert '<h3 id="widget-1--licence-apache">Widget-1: licence-apache. <a class="headerlink" ' in html
    assert 'href="../../models/widget-1/index.html#licence-apache" title="This claim on its model page"' in html
    assert '<blockquote class="mf-quote">The weights of Widget-1 are available under the Apache 2.0 licence' in html
    # the models whose licence verdict's winning expression names it
    assert '<h2 id="_models">Models under it (1)</h2>' in html
    assert (
        '<tr><td><a href="../../models/widget-1/index.html#openness">Widget-1</a></td><td><span class="mf-verdict '
        'mf-verdict-disputed"'
    ) in html
    assert "<td><code>Apache-2.0</code></td></tr>" in html


def test_a_licence_whose_text_is_not_stored_says_so_and_shows_only_what_documents_say():
    html = pages_of(filled())["licences/licenseref-acme-terms/"].html
    assert (
        '<aside class="mf-not-stored"><p><strong>Text not stored.</strong> Acme publishes them online. '
        f"{esc(licences.NOT_STORED)}</p></aside>"
    ) in html
    assert "mf-stored" not in html
    assert "<p>No claim quotes its terms yet.</p>" in html
    # the other side of a dispute still rests on it: the model is under it too
    assert '<h2 id="_models">Models under it (1)</h2>' in html
    assert "<td><code>LicenseRef-Acme-Terms</code></td></tr>" in html


def test_the_licences_index_lists_every_licence_with_class_text_and_models():
    html = pages_of(filled())["licences/"].html
    assert "2 licences named by the claims" in html
    for c, meaning in openness.LICENCE_CLASSES.items():
        assert f"<tr><td><code>{c}</code></td><td>{esc(meaning)}</td>" in html
    assert (
        '<tr><td><a href="../licences/acme-terms/index.html">' not in html
        and '<tr><td><a href="licenseref-acme-terms/index.html">Acme Terms</a></td><td><code>LicenseRef-Acme-Terms'
        '</code></td><td>restricted</td><td>not stored</td><td><a href="../models/widget-1/index.html">Widget-1</a>'
        "</td></tr>"
    ) in html
    assert (
        '<tr><td><a href="apache-2.0/index.html">Apache License 2.0</a></td><td><code>Apache-2.0</code></td>'
        '<td>open</td><td>stored</td><td><a href="../models/widget-1/index.html">Widget-1</a></td></tr>'
    ) in html


def test_the_site_renders_with_an_empty_licence_table_or_none():
    for fact_base in (base(model(claims=CLAIMS)), filled()):
        fact_base.licences = None if fact_base.licences.licences else fact_base.licences
        rendered = pages_of(fact_base)
        assert not [u for u in rendered if u.startswith("licences/") and u != "licences/"]
        assert "<p>The licence table is empty.</p>" in rendered["licences/"].html
        assert "<code>Apache-2.0</code> (not in the licence table)" not in rendered["models/widget-1/"].html


def test_licence_table_text_is_escaped_on_every_page_that_shows_it():
    hostile = licence("Apache-2.0", HOSTILE, "open", reason=HOSTILE, terms=(), not_stored=HOSTILE)
    rendered = pages_of(filled(hostile))
    for url in ("licences/apache-2.0/", "licences/", "models/widget-1/"):
        assert "<script>" not in rendered[url].html, url
        assert HOSTILE_HTML in rendered[url].html, url
    assert rendered["licences/apache-2.0/"].title == HOSTILE  # escaped once, by the hooks


# Framework pages


def test_a_framework_page_names_its_version_criteria_what_is_not_encoded_and_every_models_result():
    rendered = pages_of(base(model(claims=CLAIMS), model("gadget", claims=(RELEASED,), name="Gadget")))
    html = rendered["frameworks/mof/"].html
    assert '<h1 id="_top">Model Openness Framework</h1>' in html
    assert esc(frameworks.MOF.version) in html and esc(frameworks.MOF.not_encoded) in html
    assert (
        '<ol class="mf-levels"><li><strong>Class III: Open Model</strong><ul><li>Weights must be open: The trained '
        "weights can be downloaded by anyone.</li>"
    ) in html
    assert (
        '<tr><td><a href="../../models/widget-1/index.html#openness">Widget-1</a></td><td><span class="mf-result '
        'mf-result-unknown">not known: evidence missing for Class III: Open Model</span></td><td>disputed: the claims '
        "about licence disagree</td></tr>"
    ) in html
    assert (
        '<tr><td><a href="../../models/gadget/index.html#openness">Gadget</a></td><td><span class="mf-result '
        'mf-result-unknown">not known: evidence missing for Class III: Open Model</span></td><td>unknown: no claim '
        "about weights; unknown: no claim about licence; unknown: no claim about documentation</td></tr>"
    ) in html
    index = rendered["frameworks/"].html
    for f in frameworks.FRAMEWORKS:
        assert f'<a href="{f.id}/index.html">{esc(f.name)}</a>' in index


def test_framework_results_say_what_was_reached():
    for status, reached, nxt, text in (
        ("meets", "Class I: Open Science", None, "meets it (Class I: Open Science)"),
        ("partly", "Class III: Open Model", "Class II: Open Tooling", "reaches Class III: Open Model; not Class II"),
        ("fails", None, "Class III: Open Model", "does not meet Class III: Open Model"),
    ):
        assert pages.standing_text(pages.Standing("mof", status, reached, nxt, ())).startswith(text)
    assert pages.standing_text(pages.Standing("osaid", "meets", "Open Source AI", None, ())) == "meets it"


# Methodology


def test_the_methodology_prints_the_openness_vocabulary_rules_classes_and_frameworks_as_the_code_has_them():
    html = guide.methodology_page().html
    for d in openness.DIMENSIONS:
        assert f'<h3 id="_dimension-{d.id}">{esc(d.name)}</h3>\n<p>{esc(d.question)}</p>' in html.replace(
            "</h3><p>", "</h3>\n<p>"
        )
        for value, meaning in d.meaning.items():
            assert f"<tr><td><code>{value}</code></td><td>{esc(meaning)}</td></tr>" in html
    for verdict, meaning in openness.VERDICT_MEANING.items():
        assert f"</span> {verdict}</span></td><td>{esc(meaning)}</td></tr>" in html
    rules = re.search('<h2 id="_verdicts">How a verdict is computed</h2>\n?<ul>(.*?)</ul>', html).group(1)
    assert rules == "".join(f"<li>{esc(rule)}</li>" for rule in verdicts.RULES)
    for c, meaning in openness.LICENCE_CLASSES.items():
        value = openness.CLASS_VALUE[c]
        assert (
            f'<tr><td><code>{c}</code></td><td>{esc(meaning)}</td><td><span class="mf-verdict mf-verdict-{value}"'
            in html
        )
    assert '<a href="../licences/index.html">The licences</a>' in html
    for f in frameworks.FRAMEWORKS:
        assert f'<h3 id="_framework-{f.id}"><a href="../frameworks/{f.id}/index.html">{esc(f.name)}</a></h3>' in html
        assert esc(f.version) in html and esc(f.summary) in html and esc(f.not_encoded) in html
        for level in f.levels:
            assert f"<strong>{esc(level.name)}</strong>" in html
            for c in level.criteria:
                assert (
                    f"{esc(openness.BY_ID[c.dimension].name)} must be {' or '.join(c.accepts)}: {esc(c.text)}" in html
                )


def test_a_licence_with_an_osi_licences_conditions_names_it():
    entry = licence("LicenseRef-Acme-MIT", "Acme MIT", "open", equivalent="MIT", not_stored="Not stored.")
    (view,) = licences.licence_views(base(licences=(entry,)))
    assert "<dt>Same conditions as</dt><dd><code>MIT</code> (OSI-approved)</dd>" in licences.licence_page(view).html
