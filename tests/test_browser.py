"""The built site in a real browser: badges, citations, search, both sides, phones, dark mode,
console, accessibility and hostile fact-file text.

Run with `CI=true python -m pytest tests/test_browser.py`; see tests/browser.py for the fixtures.
"""

from __future__ import annotations

import re

import pytest
import yaml
from browser import (  # the fixtures are requested by name
    CONTRAST_JS,
    axe_path,
    browser,  # noqa: F401
    build_site,
    built_site,  # noqa: F401
    disk_site,  # noqa: F401
    live_site,  # noqa: F401
    new_tab,  # noqa: F401
    serve,
    tab,  # noqa: F401
)
from conftest import ARTICLE, new_project, source_record

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
    for claim in model.claims:
        section = tab.page.locator(f".mf-claim:has(> h3[id='{claim.id}'])")
        assert section.count() == 1, claim.id
        assert section.locator("h3").is_visible()
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


# ------------------------------------------------------------------ 3. search by alias


@pytest.mark.parametrize("where", ["live_site", "disk_site"])
def test_search_finds_every_model_by_its_alias(request, new_tab, where):
    """Over HTTP, and from disk, where the offline plugin's search_index.js and the vendored
    iframe-worker shim stand in for fetch() and the Web Worker that file:// forbids."""
    base_url, base = request.getfixturevalue(where)
    aliased = [(m, a) for m in base.models for a in m.aliases]
    assert aliased, "no model has an alias"
    tab = new_tab(base_url)
    tab.open("index.html")
    page = tab.page
    page.keyboard.press("/")
    box = page.locator(".md-search__input")
    box.wait_for(state="visible")
    missing = []
    for model, alias in aliased:
        box.fill("")
        box.press("End")  # Material reads the query on keyup
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0")
        box.fill(alias)
        box.press("End")
        want = f"{base_url}models/{model.id}/index.html"
        try:
            page.locator(".md-search-result__item").first.wait_for(timeout=5000)
            page.wait_for_function(
                """want => [...document.querySelectorAll('.md-search-result__item a')]
                          .some(a => a.href.split('#')[0].split('?')[0] === want)""",
                arg=want,
                timeout=3000,
            )
        except Exception:
            shown = page.locator(".md-search-result__item a").evaluate_all(
                "els => [...new Set(els.map(a => a.href.split('?')[0]))]"
            )
            missing.append(f"{alias!r} -> {want} not among {shown}")
    assert not missing, "\n".join(missing)


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
    "path", [f"models/{MODEL}/", "disputed/", PAGES["source"], "timeline/", "models/", "methodology/"]
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


# ------------------------------------------------------------------ 6. console


# Material fetches sitemap.xml next to every <link rel=alternate> (for its language switcher); ours
# is the Atom feed. From file:// Chromium refuses any fetch, Material ignores the failure and the page
# is whole. Only this one request may fail, and only from disk.
FROM_DISK_ONLY = re.compile(
    r"console: (Access to XMLHttpRequest at 'file://[^']*/sitemap\.xml' from origin 'null' "
    r"has been blocked by CORS policy: .*|Failed to load resource: net::ERR_FAILED "
    r"\(file://[^)]*/sitemap\.xml\))"
)


@pytest.mark.parametrize("where", ["live_site", "disk_site"])
def test_no_console_errors_and_no_requests_off_the_site(request, new_tab, where):
    base_url, _ = request.getfixturevalue(where)
    tab = new_tab(base_url)
    problems = []
    for name, path in PAGES.items():
        tab.errors.clear()
        tab.open(url_file(path))
        tab.page.wait_for_load_state("networkidle")
        problems += [
            f"{name} ({path or '/'}): {e}"
            for e in tab.errors
            if not (where == "disk_site" and FROM_DISK_ONLY.fullmatch(e))
        ]
    assert not problems, "\n".join(problems)
    assert tab.external == [], "the site asked the network for something (it must work offline)"


# ------------------------------------------------------------------ 7. accessibility

# (rule id, CSS target) pairs that come from mkdocs-material's own markup, not from our pages or CSS.
THEME_EXCEPTIONS = {
    # Material's search overlay is `<div class="md-search" role="dialog">` with no accessible name
    # (partials/search.html in mkdocs-material 9.8.1). Only overriding the whole theme partial could
    # name it; it is hidden until the reader opens search, whose input is labelled.
    ("aria-dialog-name", ".md-search"),
}


@pytest.mark.parametrize("name", ["home", "model", "source", "methodology"])
def test_axe_finds_no_serious_violation(tab, name):
    tab.open(PAGES[name])
    tab.page.add_script_tag(path=str(axe_path()))
    results = tab.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = []
    for v in results["violations"]:
        if v["impact"] not in ("serious", "critical"):
            continue
        nodes = [n for n in v["nodes"] if (v["id"], " ".join(map(str, n["target"]))) not in THEME_EXCEPTIONS]
        if nodes:
            bad.append(
                f"{v['id']} ({v['impact']}): {v['help']}\n"
                + "\n".join(
                    f"    {' '.join(map(str, n['target']))}: {n.get('failureSummary', '').splitlines()[-1:]}"
                    for n in nodes[:15]
                )
                + (f"\n    … {len(nodes) - 15} more" if len(nodes) > 15 else "")
            )
    assert not bad, f"{PAGES[name] or '/'}:\n" + "\n".join(bad)


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
    for i in local:
        if page.url.split("#")[0] != home:  # the last click left the page: come back
            tab.open(path)
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
    for name in ("Disputed", "Timeline", "Methodology", "Downloads", "About"):
        page.locator(".md-nav--primary").get_by_role("link", name=name, exact=True).first.click()
        at(f"{name.lower()}/index.html")
