"""The built site in a real browser: badges, citations, search, both sides, phones, dark mode,
console, accessibility and hostile fact-file text.

Run with `CI=true python -m pytest tests/test_browser.py`; see tests/browser.py for the fixtures.
"""

from __future__ import annotations

import itertools
import re

import pytest
import yaml
from browser import (  # the fixtures are requested by name
    CONTRAST_JS,
    axe_violations,
    browser,  # noqa: F401
    build_site,
    built_site,  # noqa: F401
    disk_site,  # noqa: F401
    live_site,  # noqa: F401
    missing_from_pages_branch,
    needs_page,
    new_tab,  # noqa: F401
    openness_at,  # noqa: F401
    openness_site,  # noqa: F401
    serve,
    tab,  # noqa: F401
)
from conftest import ARTICLE, new_project, source_record

from modelfacts.pages import lists
from modelfacts.quotes import fold_quote
from modelfacts.urls import cite_anchor, url_file

pytestmark = pytest.mark.browser

MODEL = "gemini-1-5-pro"
LEVEL = re.compile(r"Confidence: (very high|high|medium|low|very low)")
PAGES = {
    "home": "",
    "model": f"models/{MODEL}/",
    "source": "sources/ai4all-2026-gemini-1-5-open-sourced/",
    "disputed": "disputed/",
    "timeline": "timeline/",
    "methodology": "methodology/",
    "models": "models/",
    "openness": "openness/",
    "downloads": "downloads/",
    "about": "about/",
}


def model_of(base, model_id):
    return next(m for m in base.models if m.id == model_id)


# ------------------------------------------------------------------ 1. badges


def test_model_page_shows_one_text_badge_per_claim(live_site, tab):
    _base_url, base = live_site
    model = model_of(base, MODEL)
    tab.open(f"models/{MODEL}/")
    claims = tab.page.locator(".md-content .mf-claim")
    assert claims.count() == len(model.claims)
    doubtful = {c.id for c in model.claims if c.status == "disputed" or c.confidence == "very low"}
    assert doubtful, f"{MODEL} no longer has doubtful claims to collapse"
    for opened in (False, True):
        if opened:  # the reader opens the collapsed section
            tab.page.locator("details.mf-doubtful > summary").click()
        for claim in model.claims:
            section = tab.page.locator(f".mf-claim:has(> h3[id='{claim.id}'])")
            assert section.count() == 1, claim.id
            assert section.locator("h3").is_visible() == (opened or claim.id not in doubtful), claim.id
            badges = section.locator(".mf-badge")
            assert badges.count() == 1, claim.id
        text = badges.first.inner_text().strip()  # what a reader (or a screen reader) gets, not a colour
        assert LEVEL.fullmatch(text), (claim.id, text)
        assert text == f"Confidence: {claim.confidence}", claim.id
        assert badges.first.is_visible(), claim.id


# ------------------------------------------------------------------ 2. citations land on the quote

# Where the reader lands: the element the URL's fragment names, and the first mark.mf-hl after it
# (other citations' anchors may sit between them). Fragment navigation scrolls synchronously and the
# theme sets no smooth scrolling, so positions can be read straight after setting location.hash.
LANDING_JS = """
(anchorIds) => (anchorIds || [null]).map(anchorId => {
  if (anchorId !== null) location.hash = anchorId;
  const id = decodeURIComponent(location.hash.slice(1));
  const anchor = document.getElementById(id);
  if (!anchor) return {id, missing: true};
  let mark = anchor.nextElementSibling;
  while (mark && mark.matches('span.mf-anchor')) mark = mark.nextElementSibling;
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const a = anchor.getBoundingClientRect();
  const out = {id, anchorTop: a.top, anchorBottom: a.bottom, headerBottom: header.bottom,
               viewport: innerHeight, mark: null};
  if (mark && mark.matches('mark.mf-hl')) {
    const r = mark.getClientRects()[0];
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 5), r.top + r.height / 2);
    const style = getComputedStyle(mark);
    out.mark = {text: mark.textContent, top: r.top, bottom: r.bottom, onTop: mark.contains(hit),
                hit: hit && hit.outerHTML.slice(0, 80), outline: style.outlineStyle,
                visible: style.visibility === 'visible' && r.width > 0 && r.height > 0};
  }
  return out;
})
"""


def landing_problems(info: dict, quote: str) -> list[str]:
    """Why a reader who followed a citation would not see its quote, if they would not."""
    where = info["id"]
    if info.get("missing"):
        return [f"{where}: no element with this id"]
    problems = []
    if not (info["headerBottom"] - 1 <= info["anchorTop"] and info["anchorBottom"] <= info["viewport"]):
        problems.append(
            f"{where}: anchor at {info['anchorTop']:.0f}px is not in the viewport below the header "
            f"({info['headerBottom']:.0f}..{info['viewport']}px)"
        )
    mark = info["mark"]
    if mark is None:
        return problems + [f"{where}: no mark.mf-hl follows the anchor"]
    if not (mark["visible"] and mark["onTop"] and mark["top"] >= 0 and mark["bottom"] <= info["viewport"]):
        problems.append(f"{where}: highlighted quote not visible (top {mark['top']:.0f}px, on top: {mark['hit']})")
    if not (mark["text"].strip() and fold_quote(quote).startswith(fold_quote(mark["text"]))):
        problems.append(f"{where}: highlight {mark['text'][:40]!r} is not the start of {quote[:40]!r}")
    if mark["outline"] in ("none", ""):
        problems.append(f"{where}: the targeted quote is not outlined (.mf-anchor:target … .mf-hl)")
    return problems


def test_citation_link_lands_on_the_highlighted_quote(live_site, tab):
    _base_url, base = live_site
    model = model_of(base, MODEL)
    quotes = {cite_anchor(model.id, c.id, i): cit.quote for c in model.claims for i, cit in enumerate(c.citations)}
    tab.open(f"models/{MODEL}/")
    links = tab.page.locator(".md-content a[href*='#cite--']")
    hrefs = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(hrefs) == sum(len(c.citations) for c in model.claims)
    problems = []
    for index in (0, len(hrefs) - 1):
        tab.open(f"models/{MODEL}/")
        link = tab.page.locator(".md-content a[href*='#cite--']").nth(index)
        if not link.is_visible():  # among the doubtful claims, which the reader opens first
            tab.page.locator("details.mf-doubtful > summary").click()
        fragment = hrefs[index].split("#", 1)[1]
        link.scroll_into_view_if_needed()
        link.click()
        tab.page.wait_for_url(re.compile(r"/sources/[^/]+/index\.html#cite--"))
        assert tab.page.url.endswith("#" + fragment)
        tab.page.wait_for_load_state("load")
        problems += landing_problems(tab.page.evaluate(LANDING_JS, None)[0], quotes[fragment])
    assert not problems, "\n".join(problems)


def test_every_citation_anchor_shows_its_quote(live_site, tab):
    """Every citation of the real fact base, landed on in place: in view, highlighted, outlined."""
    _base_url, base = live_site
    by_source: dict[str, dict[str, str]] = {}
    for model, claim in base.claims:
        for i, cit in enumerate(claim.citations):
            by_source.setdefault(cit.source, {})[cite_anchor(model.id, claim.id, i)] = cit.quote
    problems = []
    for source, quotes in sorted(by_source.items()):
        tab.open(f"sources/{source}/")
        landed = tab.page.evaluate(LANDING_JS, list(quotes))
        assert len(landed) == len(quotes)
        for info, quote in zip(landed, quotes.values(), strict=False):
            problems += landing_problems(info, quote)
    assert not problems, f"{len(problems)} problem(s):\n" + "\n".join(problems)


# ------------------------------------------------------------------ 3. search (Pagefind)


def search_for(page, query: str):
    """Open the header's search dialog with its key, type `query`, wait for the first result."""
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    box.fill(query)
    page.locator(".md-search-result__item").first.wait_for()
    return box


def claim_link(page, model_id: str, claim_id: str):
    return page.locator(f'.mf-search-claim[href$="models/{model_id}/index.html#{claim_id}"]')


@pytest.mark.parametrize("scheme, material", [("light", "default"), ("dark", "slate")])
def test_search_finds_a_claim_by_a_statement_word_and_by_an_alias_and_opens_its_anchor(
    live_site, new_tab, scheme, material
):
    """The result shows the claim's statement, model and rating badge, and opens the claim's anchor."""
    base_url, base = live_site
    model, alias = next((m, a) for m in base.models for a in m.aliases if len(m.claims) > 1)
    claim = model.claims[0]
    word = max(
        re.findall(r"[A-Za-z]{5,}", claim.statement), key=lambda w: (w.lower() not in model.name.lower(), len(w))
    )
    tab = new_tab(base_url, color_scheme=scheme)
    tab.open("index.html")
    page = tab.page
    assert page.locator("body").get_attribute("data-md-color-scheme") == material
    box = search_for(page, f"{alias} {word}")
    link = claim_link(page, model.id, claim.id)
    link.wait_for()
    assert link.locator(".mf-search-title").text_content() == claim.statement
    assert link.locator(".mf-badge").text_content() == f"Confidence: {claim.confidence}"
    assert model.name in link.locator(".mf-search-meta").text_content()
    colours = page.locator(".md-search__output").evaluate(
        "el => [getComputedStyle(el).backgroundColor, getComputedStyle(el.querySelector('.mf-search-title')).color]"
    )
    assert colours[0] != colours[1], colours
    box.fill(alias)  # the alias alone finds the model's claims too
    claim_link(page, model.id, claim.id).wait_for()
    box.press("ArrowDown")  # the keyboard walks from the box into the results and opens one
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    box.focus()
    box.fill(word)
    claim_link(page, model.id, claim.id).first.click()
    page.wait_for_url(f"**/models/{model.id}/index.html#{claim.id}")
    assert page.locator(f"[id='{claim.id}']").count() == 1
    assert not page.evaluate("document.getElementById('__search').checked")
    assert tab.errors == []


def test_search_escape_closes_the_dialog(tab):
    tab.open(f"models/{MODEL}/")
    search_for(tab.page, "weights")
    tab.page.keyboard.press("Escape")
    assert not tab.page.evaluate("document.getElementById('__search').checked")


def test_search_from_disk_says_it_needs_a_server(disk_site, new_tab):
    """file:// refuses Pagefind's fetches: the box says so, and search asks for nothing (no error logged)."""
    tab = new_tab(disk_site[0])
    tab.open("index.html")
    page = tab.page
    assert "served over HTTP" in page.locator(".md-search__input").get_attribute("placeholder")
    page.keyboard.press("/")
    assert "served over HTTP" in page.locator(".md-search-result__meta").text_content()
    assert tab.errors == []


# ------------------------------------------------------------------ 4. disputed: both sides


def test_disputed_page_shows_both_sides(tab):
    tab.open("disputed/")
    page = tab.page
    assert page.locator(".mf-claim--disputed").count() > 0
    sections = page.locator(".md-content .mf-claim").evaluate_all("""els => els.map(s => ({
        id: s.querySelector('h3').id,
        sides: [...s.querySelectorAll(':scope > .mf-sides > .mf-side')].map(d => ({
            label: d.querySelector('h4').innerText.trim(), cites: d.querySelectorAll('li.mf-cite').length,
            left: d.getBoundingClientRect().left, top: d.getBoundingClientRect().top,
            visible: d.checkVisibility()}))}))""")
    problems = []
    for s in sections:
        labels = [d["label"] for d in s["sides"]]
        if labels != ["For", "Against"]:
            problems.append(f"{s['id']}: sides {labels}")
            continue
        for d in s["sides"]:
            if d["cites"] < 1 or not d["visible"]:
                problems.append(f"{s['id']}: {d['label']} has {d['cites']} visible citation(s)")
        for_side, against = s["sides"]
        if not (for_side["left"] < against["left"] and abs(for_side["top"] - against["top"]) < 2):
            problems.append(f"{s['id']}: For and Against are not side by side on a desktop screen")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ 5. phones and dark mode

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize(
    "path",
    [
        f"models/{MODEL}/",
        "disputed/",
        PAGES["source"],
        "timeline/",
        "models/",
        "sources/",
        "downloads/",
        "methodology/",
        "openness/",
    ],
)
def test_phone_has_no_horizontal_scroll_and_readable_claims(live_site, new_tab, path):
    tab = new_tab(live_site[0], **PHONE)
    tab.open(path)
    page = tab.page
    width = page.evaluate(
        "({scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth})"
    )
    wide = page.evaluate("""() => {  // what sticks out, unless inside a box that scrolls by itself
        const boxed = (e) => { for (let p = e.parentElement; !p.matches('.md-content'); p = p.parentElement)
            if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true; return false; };
        return [...document.querySelectorAll('.md-content *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !boxed(e))
            .slice(0, 5).map(e => e.tagName.toLowerCase() + [...e.classList].map(c => '.' + c).join(''));
    }""")
    assert width["scroll"] <= width["client"] + 1, f"{path}: page scrolls sideways {width}; too wide: {wide}"
    claims = page.locator(".md-content .mf-claim").evaluate_all("""els => els.map(s => {
        const r = s.getBoundingClientRect(), h = s.querySelector('h3');
        const sides = [...s.querySelectorAll('.mf-side')].map(d => d.getBoundingClientRect());
        return {id: h.id, left: r.left, right: r.right, font: parseFloat(getComputedStyle(h).fontSize),
                quoteFont: Math.min(...[...s.querySelectorAll('.mf-quote, .mf-source, .mf-badge')]
                                         .map(q => parseFloat(getComputedStyle(q).fontSize))),
                stacked: sides.length < 2 || sides[1].top >= sides[0].bottom - 1};
    })""")
    for c in claims:
        assert c["left"] >= 0 and c["right"] <= 390 + 1, f"{path}#{c['id']} does not fit the screen: {c}"
        assert c["font"] >= 14 and c["quoteFont"] >= 11, f"{path}#{c['id']} text too small: {c}"
        assert c["stacked"], f"{path}#{c['id']}: For/Against columns are not stacked on a phone"


@pytest.mark.parametrize("scheme, material", [("dark", "slate"), ("light", "default")])
def test_badges_and_colours_keep_their_contrast(live_site, new_tab, scheme, material):
    tab = new_tab(live_site[0], color_scheme=scheme)
    low = []
    for path, selector in [
        (f"models/{MODEL}/", ".mf-badge, .mf-status, .mf-stance, .mf-evidence"),
        ("methodology/", ".mf-badge"),
        (PAGES["source"], "mark.mf-hl"),
    ]:
        tab.open(path)
        assert tab.page.locator("body").get_attribute("data-md-color-scheme") == material
        found = tab.page.locator(f".md-content :is({selector})").evaluate_all(f"els => els.map({CONTRAST_JS})")
        assert found, f"{path}: nothing matches {selector}"
        if ".mf-badge" in selector:
            assert any(LEVEL.fullmatch(f["text"].strip()) for f in found)
        seen = set()
        for f in found:
            key = (f["color"], f["background"])
            if key in seen:
                continue
            seen.add(key)
            if f["ratio"] < 4.5 or f["visibility"] != "visible" or float(f["opacity"]) < 1:
                low.append(f"{path}: {f['text'][:30]!r} {f['color']} on {f['background']}: {f['ratio']:.2f}:1")
    assert not low, f"{scheme} scheme, contrast below 4.5:1:\n" + "\n".join(low)


# ------------------------------------------------------------------ 5b. lists and source pages

TIMELINE_STATE_JS = """() => ({
    shown: [...document.querySelectorAll('#mf-timeline tbody tr')].filter(r => r.checkVisibility())
        .map(r => r.dataset.model + ' ' + r.dataset.developers),
    years: [...document.querySelectorAll('#mf-timeline details')]
        .map(d => [d.querySelector('h2').textContent, d.hidden ? 'hidden' : d.open ? 'open' : 'closed']),
    count: document.getElementById('mf-timeline-count').textContent})"""


@pytest.mark.parametrize("where", ["live_site", "disk_site"])
def test_timeline_filter_by_developer_hides_other_rows_and_opens_their_years(request, new_tab, where):
    base_url, base = request.getfixturevalue(where)
    dated = [(m, c) for m, c in base.claims if c.date]
    developer = "meta"
    wanted = sorted(f"{m.id} {' '.join(m.developers)}" for m, c in dated if developer in m.developers)
    assert 0 < len(wanted) < len(dated)
    tab = new_tab(base_url, **PHONE)
    tab.open("timeline/index.html")
    page = tab.page
    page.locator("#mf-timeline-filters").wait_for(state="visible")  # the script has run
    assert not page.get_by_text("Filtering needs JavaScript").is_visible()
    before = page.evaluate(TIMELINE_STATE_JS)
    opened = lists.open_year(c for _, c in dated)  # the newest year a cited passage dates an event in
    assert [state for _, state in before["years"]] == ["open" if y == opened else "closed" for y, _ in before["years"]]
    assert before["count"] == f"Showing {len(dated)} of {len(dated)} dated claims"
    page.get_by_label("Developer").select_option(developer)
    after = page.evaluate(TIMELINE_STATE_JS)
    assert sorted(after["shown"]) == wanted
    years = {c.date[:4] for m, c in dated if developer in m.developers}
    assert after["years"] == [[y, "open" if y in years else "hidden"] for y, _ in before["years"]]
    assert after["count"] == f"Showing {len(wanted)} of {len(dated)} dated claims"
    assert page.url.endswith("timeline/index.html?developers=meta")  # the filtered view can be shared
    page.reload()
    page.locator("#mf-timeline-filters").wait_for(state="visible")
    assert page.evaluate(TIMELINE_STATE_JS) == after
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function(
        f"document.getElementById('mf-timeline-count').textContent.startsWith('Showing {len(dated)} ')"
    )
    assert page.evaluate(TIMELINE_STATE_JS)["years"] == before["years"]
    assert page.url.endswith("timeline/index.html")
    assert tab.errors == []


STANCE_STYLE_JS = """els => els.map(e => { const s = getComputedStyle(e);
    return [e.className, s.backgroundColor, s.textDecorationStyle, s.color]; })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_source_page_colours_supports_and_contradicts_apart_with_a_shape_too(live_site, new_tab, scheme):
    tab = new_tab(live_site[0], color_scheme=scheme)
    tab.open("sources/murphy-2026-google-legacy-models/")
    marks = tab.page.locator(
        ".md-content .mf-article mark.mf-hl--supports, .md-content .mf-article mark.mf-hl--contradicts"
    )
    styles = {cls.split()[-1]: (bg, deco, fg) for cls, bg, deco, fg in marks.evaluate_all(STANCE_STYLE_JS)}
    supports, contradicts = styles["mf-hl--supports"], styles["mf-hl--contradicts"]
    assert supports[0] != contradicts[0], f"{scheme}: the same fill {supports[0]}"
    assert (supports[1], contradicts[1]) == ("solid", "wavy")  # a shape, for readers who cannot tell the fills apart
    legend = tab.page.locator(".mf-stance-legend mark").all_inner_texts()
    assert legend[:2] == ["✓ supports", "✗ contradicts"]
    signs = tab.page.locator(".mf-article .mf-backlink--contradicts").all_inner_texts()
    assert signs and all(re.fullmatch(r"✗\d+", s) for s in signs)


def test_disputed_page_headings_never_skip_a_level(live_site, tab):
    _base_url, base = live_site
    tab.open("disputed/")
    levels = tab.page.locator(".md-content :is(h1, h2, h3, h4, h5, h6)").evaluate_all(
        "hs => hs.map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1
    skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    assert not skips, f"heading levels jump: {skips}"
    names = tab.page.locator(".md-content h2.mf-model-name").all_inner_texts()
    disputed = {m.name for m, c in base.claims if any(x.stance == "contradicts" for x in c.citations)}
    assert sorted(names) == sorted(disputed)


# ------------------------------------------------------------------ 6. console


@pytest.mark.parametrize("where", ["live_site", "disk_site"])
def test_no_console_errors_and_no_requests_off_the_site(request, new_tab, where):
    base_url, _ = request.getfixturevalue(where)
    tab = new_tab(base_url)
    problems = []
    for name, path in PAGES.items():
        tab.errors.clear()
        tab.open(url_file(path))
        tab.page.wait_for_load_state("networkidle")
        problems += [f"{name} ({path or '/'}): {e}" for e in tab.errors]
    assert not problems, "\n".join(problems)
    assert tab.external == [], "the site asked the network for something (it must work offline)"


# ------------------------------------------------------------------ 7. accessibility


def serious_violations(tab) -> list[str]:
    """What axe finds serious or critical on the open page, every node of it: nothing is excepted (the
    search dialog is named in overrides/partials/search.html)."""
    return [
        f"{v['id']} ({v['impact']}): {v['help']}\n"
        + "\n".join(f"    {where}: {summary}" for where, summary in v["where"][:15])
        + (f"\n    … {len(v['where']) - 15} more" if len(v["where"]) > 15 else "")
        for v in axe_violations(tab.page)
    ]


@pytest.mark.parametrize("name", ["home", "model", "source", "methodology", "openness"])
def test_axe_finds_no_serious_violation(tab, name):
    tab.open(PAGES[name])
    bad = serious_violations(tab)
    assert not bad, f"{PAGES[name] or '/'}:\n" + "\n".join(bad)


def licence_page(site) -> str:
    """licences/<slug>/index.html of the first licence the built site has a page for."""
    found = sorted(site.glob("licences/*/index.html"))
    return found[0].relative_to(site).as_posix() if found else needs_page(site, "licences/<slug>/index.html")


@pytest.mark.parametrize("name", ["licence", "framework"])
def test_axe_finds_no_serious_violation_on_licence_and_framework_pages(built_site, tab, name):
    """Pages of the `pages` branch, by its contract: licences/<slug>/ and frameworks/osaid/."""
    path = licence_page(built_site) if name == "licence" else needs_page(built_site, "frameworks/osaid/index.html")
    tab.open(path)
    bad = serious_violations(tab)
    assert not bad, f"{path}:\n" + "\n".join(bad)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_in_the_open_search_dialog(live_site, new_tab, scheme):
    tab = new_tab(live_site[0], color_scheme=scheme)
    tab.open(f"models/{MODEL}/")
    search_for(tab.page, "weights")
    tab.page.locator(".mf-search-claim").first.wait_for()
    bad = serious_violations(tab)
    assert not bad, f"search dialog ({scheme}):\n" + "\n".join(bad)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_serious_violation_on_a_matrix_of_every_verdict(openness_site, new_tab, scheme):
    """The real base has no openness assertions yet: every verdict's colour is checked on the fixture's."""
    with serve(openness_site) as base:
        tab = new_tab(base, color_scheme=scheme)
        tab.open("openness/")
        for verdict in ("open", "partial", "closed", "unknown", "disputed"):
            assert tab.page.locator(f"#mf-matrix td.mf-verdict-{verdict}").count() > 0, verdict
        bad = serious_violations(tab)
    assert not bad, f"openness/ ({scheme}):\n" + "\n".join(bad)


# ------------------------------------------------------------------ 8. hostile text

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    '{: onclick="alert(4)" }',
    "{{ config }}",
]
HOSTILE = " ".join(PAYLOADS)
TITLE_PAYLOAD = "</title><script>alert(5)</script>"


@pytest.fixture(scope="session")
def hostile_site(browser, tmp_path_factory):
    """The conftest project with every payload in the model's text and the source's title."""
    project = new_project(tmp_path_factory.mktemp("hostile-project"))
    path = project.root / "facts/widget-1.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["name"] = "Widget " + HOSTILE
    data["aliases"] = ["W1", *PAYLOADS]
    for claim in data["claims"]:
        claim.update(statement=claim["statement"] + " " + HOSTILE, rationale="Why " + HOSTILE, notes="Note " + HOSTILE)
    project.write_model(data)
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE, title="Article " + TITLE_PAYLOAD), ARTICLE)
    site = build_site(project.root / "mkdocs.yml", tmp_path_factory.mktemp("hostile-site"))
    with serve(site) as base:
        yield base


@pytest.mark.parametrize("path", ["models/widget-1/", "sources/acme-news/"])
def test_hostile_text_stays_text_when_clicked_through(hostile_site, new_tab, path):
    tab = new_tab(hostile_site)
    page = tab.page
    tab.open(path)
    page.wait_for_load_state("networkidle")  # let any injected image fail and fire its onerror
    assert not tab.dialogs and not tab.pwned, f"script ran on {path}: {tab.dialogs + tab.pwned}"
    texts = PAYLOADS + [TITLE_PAYLOAD] if path.startswith("sources/") else PAYLOADS
    for text in texts:
        assert page.get_by_text(text).first.is_visible(), f"{text!r} is not shown as text on {path}"
    if path.startswith("sources/"):
        assert TITLE_PAYLOAD in page.title()
    handlers = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .flatMap(e => e.getAttributeNames().filter(n => n.startsWith('on')).map(n => e.tagName + '[' + n + ']'))""")
    assert not handlers, handlers
    hrefs = page.locator(".md-content a[href]").evaluate_all("els => els.map(a => a.href)")
    local = [i for i, h in enumerate(hrefs) if not re.match(r"https?://", h) or h.startswith(hostile_site)]
    assert local, f"no link to follow on {path}"
    home = page.url
    unfold = "document.querySelectorAll('.md-content details').forEach(d => d.open = true)"  # collapsed sections
    page.evaluate(unfold)
    for i in local:
        if page.url.split("#")[0] != home:  # the last click left the page: come back
            tab.open(path)
            page.evaluate(unfold)
        link = page.locator(".md-content a[href]").nth(i)
        link.click()
        page.wait_for_load_state("load")
        assert not tab.dialogs and not tab.pwned, f"link {hrefs[i]} on {path}: {tab.dialogs + tab.pwned}"
        assert not page.evaluate("window.__pwned === true")
    assert not tab.errors, tab.errors


# ------------------------------------------------------------------ 9. from disk


def test_site_opened_from_disk_clicks_through(disk_site, new_tab):
    """A reader who unzips site/ and opens index.html: every click lands on a page, never on a
    folder listing, and a citation still lands on its highlighted quote."""
    base_url, base = disk_site
    model = model_of(base, MODEL)
    tab = new_tab(base_url)
    page = tab.page

    def at(path: str) -> None:
        page.wait_for_load_state("load")
        assert page.url.split("#")[0] == base_url + path
        assert page.locator(".md-content h1").count() == 1, f"{page.url} is not a page of the site: {page.title()!r}"

    tab.open("index.html")
    at("index.html")
    page.locator(".md-nav--primary").get_by_role("link", name="Models", exact=True).first.click()
    at("models/index.html")
    page.locator(f".md-content a[href='{MODEL}/index.html']").click()
    at(f"models/{MODEL}/index.html")
    link = page.locator(".md-content a[href*='#cite--']").first
    fragment = link.get_attribute("href").split("#", 1)[1]
    claim, index = next(
        (c, i) for c in model.claims for i, _ in enumerate(c.citations) if cite_anchor(model.id, c.id, i) == fragment
    )
    link.click()
    at(f"sources/{claim.citations[index].source}/index.html")
    assert landing_problems(page.evaluate(LANDING_JS, None)[0], claim.citations[index].quote) == []
    page.locator(f".md-content a.mf-backlink[href$='{MODEL}/index.html#{claim.id}']").first.click()
    at(f"models/{MODEL}/index.html")
    assert page.url.endswith(f"#{claim.id}")
    page.locator(".md-header a.md-logo").click()
    at("index.html")
    for name in ("Openness", "Disputed", "Timeline", "Methodology", "Downloads", "About"):
        page.locator(".md-nav--primary").get_by_role("link", name=name, exact=True).first.click()
        at(f"{name.lower()}/index.html")


# ------------------------------------------------------------------ 10. openness: the matrix and the card

SHOWN_JS = "rows => rows.filter(r => r.checkVisibility()).map(r => r.dataset.model)"
BY_NAME = ["acme-open", "bolt-chat", "bolt-mini", "widget-1"]


def matrix_state(page) -> tuple[list[str], str]:
    """The models whose rows a reader sees, in order, and the count above the table."""
    return (
        page.locator("#mf-matrix tbody tr").evaluate_all(SHOWN_JS),
        page.locator("#mf-matrix-count").inner_text().strip(),
    )


def sort_state(page) -> dict[str, str]:
    return dict(
        page.locator("#mf-matrix thead th").evaluate_all(
            "ths => ths.filter(th => th.hasAttribute('aria-sort')).map(th => [th.innerText.trim(), "
            "th.getAttribute('aria-sort')])"
        )
    )


def test_matrix_sorts_by_a_clicked_header(openness_at, new_tab):
    """Over HTTP and from file://: a header's button sorts (again: the other way), aria-sort follows."""
    tab = new_tab(openness_at)
    tab.open("openness/index.html")
    page = tab.page
    page.locator("#mf-matrix-filters").wait_for(state="visible")  # the script has run
    assert matrix_state(page) == (BY_NAME, "Showing 4 of 4 models")
    assert sort_state(page) == {"Model": "ascending"}
    weights = page.locator("#mf-matrix thead th").filter(has_text="Weights").get_by_role("button", name="Weights")
    weights.click()
    # open, closed, unknown, disputed: openness.VERDICTS order
    assert matrix_state(page)[0] == ["acme-open", "bolt-chat", "widget-1", "bolt-mini"]
    assert sort_state(page) == {"Weights": "ascending"}
    weights.click()
    assert matrix_state(page)[0] == ["bolt-mini", "widget-1", "bolt-chat", "acme-open"]
    assert list(sort_state(page).values()) == ["descending"]
    licence_class = page.get_by_role("button", name="Licence class")
    licence_class.focus()  # a keyboard reader: the sort buttons take focus and Enter
    page.keyboard.press("Enter")
    assert matrix_state(page)[0] == ["acme-open", "bolt-mini", "bolt-chat", "widget-1"]  # open, restricted, …
    assert list(sort_state(page).values()) == ["ascending"]
    page.get_by_role("button", name="Model", exact=True).click()
    page.get_by_role("button", name="Model", exact=True).click()  # its name is still Model: the arrow is not
    assert matrix_state(page)[0] == list(reversed(BY_NAME))
    assert not page.get_by_text("Sorting and filtering need JavaScript").is_visible()
    assert tab.errors == []


def test_matrix_filters_by_developer_verdict_and_licence_class(openness_at, new_tab):
    tab = new_tab(openness_at)
    tab.open("openness/index.html")
    page = tab.page
    page.locator("#mf-matrix-filters").wait_for(state="visible")
    page.get_by_label("Developer").select_option("bolt-ai")
    assert matrix_state(page) == (["bolt-chat", "bolt-mini"], "Showing 2 of 4 models")
    page.get_by_label("Licence class").select_option("restricted")
    assert matrix_state(page) == (["bolt-mini"], "Showing 1 of 4 models")
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("document.getElementById('mf-matrix-count').innerText.startsWith('Showing 4 ')")
    assert matrix_state(page) == (BY_NAME, "Showing 4 of 4 models")
    page.get_by_label("Verdict").select_option("disputed")  # on any dimension
    assert matrix_state(page) == (["bolt-mini"], "Showing 1 of 4 models")
    page.get_by_label("Verdict").select_option("unknown")
    assert matrix_state(page) == (["bolt-chat", "bolt-mini", "widget-1"], "Showing 3 of 4 models")
    page.get_by_label("on", exact=True).select_option("code")
    assert matrix_state(page) == (["bolt-mini", "widget-1"], "Showing 2 of 4 models")
    page.get_by_label("Developer").select_option("acme-labs")  # Bolt Mini has two developers
    assert matrix_state(page) == (["bolt-mini", "widget-1"], "Showing 2 of 4 models")
    page.get_by_label("Licence class").select_option("-")
    assert matrix_state(page) == (["widget-1"], "Showing 1 of 4 models")
    page.get_by_label("Verdict").select_option("open")
    assert matrix_state(page) == ([], "Showing 0 of 4 models")
    assert tab.errors == []


def test_the_address_presets_the_matrix_filters_and_keeps_them(openness_at, new_tab):
    """A model page's family links to the matrix filtered to it; a value no select offers is ignored; every
    change is written back to the address, and Show all clears it."""
    tab = new_tab(openness_at)
    tab.open("models/bolt-chat/index.html")
    page = tab.page
    page.get_by_role("link", name="compare all 2 Bolt models").click()
    page.locator("#mf-matrix-filters").wait_for(state="visible")
    assert page.url.endswith("openness/index.html?family=Bolt")
    assert matrix_state(page) == (["bolt-chat", "bolt-mini"], "Showing 2 of 4 models")
    assert page.get_by_label("Family").input_value() == "Bolt"
    tab.open("openness/index.html?ref=x&family=Widget&verdict=nonsense&class=restricted")
    page.locator("#mf-matrix-filters").wait_for(state="visible")
    assert page.get_by_label("Verdict").input_value() == ""
    assert page.url.endswith("openness/index.html?ref=x&family=Widget&class=restricted")  # not what is ignored
    assert matrix_state(page) == ([], "Showing 0 of 4 models")  # Widget-1 has no licence class
    page.get_by_label("Licence class").select_option("")
    assert matrix_state(page) == (["widget-1"], "Showing 1 of 4 models")
    assert page.url.endswith("openness/index.html?ref=x&family=Widget")
    page.get_by_label("Developer").select_option("acme-labs")
    assert page.url.endswith("openness/index.html?ref=x&family=Widget&developer=acme-labs")
    page.get_by_label("Family").select_option("-")  # no family
    assert matrix_state(page) == (["acme-open"], "Showing 1 of 4 models")
    page.get_by_role("button", name="Show all").click()
    page.wait_for_function("document.getElementById('mf-matrix-count').innerText.startsWith('Showing 4 ')")
    assert page.url.endswith("openness/index.html?ref=x")  # other parameters stay
    assert tab.errors == []


def test_a_home_page_count_opens_those_models_in_the_matrix(openness_at, new_tab):
    tab = new_tab(openness_at)
    page = tab.page
    for dimension, nth in (("weights", 0), ("code", 1)):
        tab.open("index.html")
        link = page.locator(f"#_openness-{dimension} a.mf-home-count").nth(nth)
        n = int(link.locator("strong").inner_text())
        verdict = link.locator(".mf-verdict").inner_text().split()[-1]
        link.click()
        page.locator("#mf-matrix-filters").wait_for(state="visible")
        shown, count = matrix_state(page)
        assert (len(shown), count) == (n, f"Showing {n} of 4 models"), (dimension, verdict)
        assert page.get_by_label("Verdict").input_value() == verdict
        assert page.get_by_label("on", exact=True).input_value() == dimension
    assert tab.errors == []


def test_matrix_without_javascript_is_complete_and_offers_no_dead_controls(openness_site, new_tab):
    tab = new_tab(openness_site.as_uri() + "/", java_script_enabled=False)
    tab.open("openness/index.html")
    page = tab.page
    assert matrix_state(page) == (BY_NAME, "Showing 4 of 4 models")
    cells = page.locator("#mf-matrix tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.querySelectorAll('td.mf-verdict')].map(td => td.innerText.trim()))"
    )
    assert cells[BY_NAME.index("bolt-mini")] == ["⚠ disputed", "◐ partial", *["? unknown"] * 4]
    assert all(len(row) == 6 for row in cells)
    assert not page.locator("#mf-matrix-filters").is_visible()
    assert page.locator("#mf-matrix button").count() == 0
    assert page.get_by_text("Sorting and filtering need JavaScript").is_visible()
    link = page.locator("#mf-matrix tr[data-model='bolt-chat'] td.mf-verdict-closed a").first
    link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith("models/bolt-chat/index.html#no-weights")
    assert page.locator("h3#no-weights").is_visible()


def test_our_scripts_are_deferred_and_still_wire_the_page(openness_site, new_tab):
    """tables.js and search.js are deferred (they need the parsed page, never the first paint), and they still
    wire the page."""
    tab = new_tab(openness_site.as_uri() + "/")
    tab.open("openness/index.html")
    scripts = tab.page.locator("script[src*='assets/']").evaluate_all(
        "els => els.filter(e => !e.src.includes('/javascripts/')).map(e => [e.src.split('/').pop(), e.defer])"
    )
    assert sorted(scripts) == [["search.js", True], ["tables.js", True]]
    assert tab.page.locator("#mf-matrix-filters").is_visible()  # wired


def test_model_page_has_an_openness_card(openness_site, new_tab):
    """The card of the `pages` branch, by its contract: section#openness, one row per dimension."""
    if 'id="openness"' not in (openness_site / "models/bolt-mini/index.html").read_text(encoding="utf-8"):
        missing_from_pages_branch("the openness card (section#openness) of models/bolt-mini/")
    with serve(openness_site) as base:
        tab = new_tab(base)
        tab.open("models/bolt-mini/")
        card = tab.page.locator("section#openness")
        assert card.is_visible()
        dimensions = card.locator("tr[data-dimension]").evaluate_all("rows => rows.map(r => r.dataset.dimension)")
        assert dimensions == ["weights", "licence", "code", "data", "documentation", "access"]
        assert "disputed" in card.locator("tr[data-dimension='weights']").inner_text()


def test_licence_page_lists_its_models(openness_site, new_tab):
    path = next(
        (
            p.relative_to(openness_site).as_posix()
            for p in sorted(openness_site.glob("licences/*/index.html"))
            if "Bolt Community Licence" in p.read_text(encoding="utf-8")
        ),
        None,
    ) or needs_page(openness_site, "licences/<slug>/index.html")
    with serve(openness_site) as base:
        tab = new_tab(base)
        tab.open(path)
        page = tab.page
        assert "Bolt Community Licence" in page.locator(".md-content h1").inner_text()
        assert page.locator(".md-content a[href$='models/bolt-mini/index.html']").count() >= 1
        assert tab.errors == []


# ------------------------------------------------------------------ model pages: sections, scale, permalinks


def test_model_page_sections_come_in_order_of_trust_with_doubtful_claims_collapsed(tab):
    tab.open(f"models/{MODEL}/")
    page = tab.page
    ids = page.locator(".md-content h2[id]").evaluate_all("els => els.map(e => e.id)")
    assert ids == ["_openness", "_reliable", "_other", "_doubtful", "_references"]
    details = page.locator("details.mf-doubtful")
    assert not details.evaluate("d => d.open")
    summary = details.locator("> summary")
    assert re.fullmatch(r"Show the \d+ doubtful claims", summary.inner_text().strip())
    first_doubtful = details.locator(".mf-claim h3").first
    assert not first_doubtful.is_visible() and not details.locator(".mf-lead").is_visible()
    # the first claim a reader sees, in headline type, is not a very-low one
    first = page.locator(".md-content .mf-claim").first
    assert first.is_visible() and "very low" not in first.locator(".mf-badge").inner_text()
    summary.click()
    assert first_doubtful.is_visible() and "or disputed" in details.locator(".mf-lead").inner_text()


def test_a_link_to_a_doubtful_claim_opens_its_section(live_site, tab):
    _base_url, base = live_site
    claim = next(c for c in model_of(base, MODEL).claims if c.confidence == "very low")
    tab.open(f"models/{MODEL}/#{claim.id}")
    tab.page.wait_for_function(f"document.getElementById('{claim.id}').checkVisibility()")
    assert tab.page.locator(f"h3[id='{claim.id}']").is_visible()
    assert tab.page.locator("details.mf-doubtful").evaluate("d => d.open")


@pytest.mark.parametrize(
    "options, shown",
    [
        ({}, False),  # a desktop with a mouse: Material shows it on hover
        ({"has_touch": True, "is_mobile": True, "viewport": {"width": 1024, "height": 768}}, True),  # a tablet
        (PHONE, True),
    ],
)
def test_claim_permalinks_show_without_hover_on_touch_screens_and_phones(live_site, new_tab, options, shown):
    tab = new_tab(live_site[0], **options)
    tab.open(f"models/{MODEL}/")
    link = tab.page.locator(".md-content .mf-claim h3 > a.headerlink").first
    assert (link.evaluate("a => getComputedStyle(a).opacity") == "1") == shown
    if shown:  # and it is readable, not a faint mark
        found = link.evaluate(f"({CONTRAST_JS})")
        assert found["ratio"] >= 3, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_confidence_meter_reads_by_fill_in_both_schemes(new_tab, live_site, scheme):
    """Filled steps up to the level, empty after: told apart by fill and position, and each step's edge stands out
    from the page (3:1, as WCAG asks of graphics) in light and dark alike; the level's words are beside it."""
    tab = new_tab(live_site[0], color_scheme=scheme)
    tab.open(f"models/{MODEL}/")
    meters = tab.page.locator(".md-content .mf-claim .mf-meter").evaluate_all("""els => els.map(m => ({
        text: m.querySelector('.mf-badge').textContent,
        on: [...m.querySelectorAll('.mf-step')].map(s => s.classList.contains('mf-step--on')),
        fills: [...m.querySelectorAll('.mf-step')].map(s => getComputedStyle(s).backgroundColor),
        edge: getComputedStyle(m.querySelector('.mf-step')).borderTopColor,
        heights: [...m.querySelectorAll('.mf-step')].map(s => s.getBoundingClientRect().height),
    }))""")
    assert meters
    levels = ["very low", "low", "medium", "high", "very high"]
    for m in meters:
        level = LEVEL.fullmatch(m["text"]).group(1)
        assert m["on"] == [i <= levels.index(level) for i in range(5)], m
        assert len({f for f, on in zip(m["fills"], m["on"], strict=True) if on}) <= 1
        assert all(
            f in ("rgba(0, 0, 0, 0)", "transparent") for f, on in zip(m["fills"], m["on"], strict=True) if not on
        )
        assert m["fills"][0] == m["edge"]  # the lowest step is always filled, in the edge's colour
    steps = tab.page.locator(".md-content .mf-claim .mf-step").first
    found = steps.evaluate(f"s => ({CONTRAST_JS})(s.parentElement)")
    assert found["ratio"] >= 3, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_model_page_scrolls_sideways_on_a_phone(live_site, new_tab, scheme):
    """Every model page at 390 px (in the light scheme; the dark one, which changes colours only, on two pages),
    its doubtful claims opened: nothing wider than the screen."""
    base_url, base = live_site
    tab = new_tab(base_url, color_scheme=scheme, **{**PHONE, "device_scale_factor": 1})
    ids = [m.id for m in base.models] if scheme == "light" else [MODEL, "gemini-3-0"]
    wide = []
    for model_id in ids:
        tab.open(f"models/{model_id}/")
        tab.page.evaluate("document.querySelectorAll('details.mf-doubtful').forEach(d => d.open = true)")
        width = tab.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            wide.append(f"{model_id}: {width}")
    assert not wide, wide


# ------------------------------------------------------------------ 11. table of contents

DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def test_model_page_contents_list_its_sections_and_lead_to_them(live_site, new_tab):
    tab = new_tab(live_site[0], **DESKTOP)
    tab.open(f"models/{MODEL}/")
    page = tab.page
    headings = page.locator(".md-content h2[id]").evaluate_all(
        "hs => hs.map(h => ({href: '#' + h.id, text: h.textContent.trim().replace(/\\s+/g, ' ')}))"
    )
    links = page.locator(".md-sidebar--secondary a.md-nav__link")
    listed = links.evaluate_all(
        "as => as.map(a => ({href: a.getAttribute('href'), text: a.textContent.trim().replace(/\\s+/g, ' ')}))"
    )
    assert len(headings) >= 2 and listed == headings
    assert page.locator(".md-sidebar--secondary").is_visible()
    last = links.last
    last.click()
    target = headings[-1]["href"]
    page.wait_for_function("h => location.hash === h", arg=target)
    top = page.locator(f"h2[id='{target[1:]}']").evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= top < 900, f"{target} is at {top}px after its contents link was clicked"


def test_a_page_without_sections_has_no_contents_column(live_site, new_tab):
    tab = new_tab(live_site[0], **DESKTOP)
    tab.open("downloads/")
    page = tab.page
    assert page.locator(".md-content h2[id]").count() < 2
    assert not page.locator(".md-sidebar--secondary").is_visible()
    room = page.evaluate("""() => {
        const content = document.querySelector('.md-content').getBoundingClientRect();
        const grid = document.querySelector('.md-main__inner').getBoundingClientRect();
        return {content: content.right, grid: grid.right};
    }""")
    assert room["content"] >= room["grid"] - 1, f"an empty column beside the content: {room}"
