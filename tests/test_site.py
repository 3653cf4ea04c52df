"""The built site, read from its HTML and exports: nothing lost, quotes highlighted, links whole."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, build_env
from sitecheck import broken_links, element_text, highlighted_quote, page_file, plain, scan

from modelfacts import frameworks, repository
from modelfacts.check import check_root
from modelfacts.html import esc
from modelfacts.urls import cite_anchor


def build(config: Path, dest: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        capture_output=True,
        text=True,
        env={**build_env(), **env},
    )


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site")
    out = build(REPO / "mkdocs.yml", dest)
    assert out.returncode == 0, out.stderr
    return dest, check_root(REPO).base


def assert_nothing_lost(site: Path, base) -> None:
    """Every claim: on its model page under its anchor, and in claims.json and claims.csv."""
    records = json.loads((site / "data/claims.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site / "data/claims.csv").read_text(encoding="utf-8"))))
    claims = base.claims
    assert len(records) == len(rows) == len(claims)
    for (model, claim), rec, row in zip(claims, records, rows, strict=False):
        page = page_file(site, f"models/{model.id}/").read_text(encoding="utf-8")
        assert claim.id in scan(page_file(site, f"models/{model.id}/")).ids
        text = element_text(page, claim.id)
        assert " ".join(claim.statement.split()) in text
        assert f"Confidence: {claim.confidence}" in text
        for cit in claim.citations:
            assert " ".join(cit.quote.split()) in text
        expected = {
            "model": model.id,
            "id": claim.id,
            "statement": claim.statement,
            "confidence": claim.confidence,
            "status": claim.status,
            "topic": claim.topic,
        }
        assert {k: rec[k] for k in expected} == expected
        assert {k: row[k] for k in expected} == expected
        cites = [
            {"source": c.source, "stance": c.stance, "quote": c.quote, "as_of": base.sources[c.source].as_of}
            for c in claim.citations
        ]
        assert rec["citations"] == cites == json.loads(row["citations"])
        assert rec["url"].endswith(f"models/{model.id}/#{claim.id}")


def test_real_site_loses_no_claim(real_site):
    assert_nothing_lost(*real_site)


def test_every_quote_is_highlighted_on_its_source_page(real_site):
    site, base = real_site
    from modelfacts.quotes import fold_quote

    for model, claim in base.claims:
        for i, cit in enumerate(claim.citations):
            page = page_file(site, f"sources/{cit.source}/").read_text(encoding="utf-8")
            marked = highlighted_quote(page, cite_anchor(model.id, claim.id, i), f"{model.id}/index.html#{claim.id}")
            assert marked == fold_quote(cit.quote), (model.id, claim.id, i)


def test_every_link_and_anchor_resolves(real_site):
    assert broken_links(real_site[0]) == []


def test_a_link_to_a_folder_or_a_missing_file_counts_as_broken(tmp_path):
    """From disk a folder link opens a listing, so the check above must refuse it, as it refuses a
    stylesheet or script that is not there."""
    (tmp_path / "models/x").mkdir(parents=True)
    (tmp_path / "models/x/index.html").write_text('<h1 id="a">X</h1>', encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<a href="models/x/index.html#a">ok</a> <a href="models/x/">folder</a>'
        ' <a href="models/x/index.html#b">no anchor</a>'
        ' <link rel="stylesheet" href="gone.css"><script src="gone.js"></script>'
        ' <a href="https://example.org/">elsewhere</a>',
        encoding="utf-8",
    )
    assert broken_links(tmp_path) == [
        "index.html: models/x/ (a folder: from disk it opens a listing, not the page)",
        "index.html: models/x/index.html#b (no anchor)",
        "index.html: gone.css (no file)",
        "index.html: gone.js (no file)",
    ]


PUBLIC = "https://example.org/facts/"
REPOSITORY = "https://github.com/example/model-facts"


@pytest.fixture(scope="module")
def public_site(tmp_path_factory):
    """The site built as the deploy workflow builds it: with the site's and the repository's addresses."""
    dest = tmp_path_factory.mktemp("public-site")
    out = build(REPO / "mkdocs.yml", dest, SITE_URL=PUBLIC, REPO_URL=REPOSITORY)
    assert out.returncode == 0, out.stderr
    return dest


def test_page_urls_stay_folders_and_canonical(real_site, public_site):
    """The contract models/<id>/ holds on a server (each page is that folder's index.html), and the
    canonical URL, og:url, sitemap, feed, JSON-LD and claims.json name the folder, not index.html."""
    site, base = real_site
    for model in base.models:
        assert (site / "models" / model.id / "index.html").is_file()
    for source in base.sources:
        assert (site / "sources" / source / "index.html").is_file()
    root, dest = PUBLIC, public_site
    pages = sorted(p for p in dest.rglob("index.html"))
    openness_pages = 2 + len(frameworks.FRAMEWORKS) + len(base.licences.licences)  # indexes, frameworks, licences
    # home, models, sources, openness, disputed, timeline, methodology, downloads, about, changes, and those
    assert len(pages) == len(base.models) + len(base.sources) + 10 + openness_pages
    for path in pages:
        rel = path.parent.relative_to(dest).as_posix()
        folder = root if rel == "." else f"{root}{rel}/"
        text = path.read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{folder}">' in text, path
        assert f'<meta property="og:url" content="{folder}">' in text, path
    locs = re.findall(r"<loc>([^<]+)</loc>", (dest / "sitemap.xml").read_text(encoding="utf-8"))
    assert len(locs) == len(pages) and all(loc.startswith(root) and loc.endswith("/") for loc in locs)
    feed_links = re.findall(r'href="([^"]+)"', (dest / "feed.xml").read_text(encoding="utf-8"))
    assert feed_links and all(link.startswith(root) and "index.html" not in link for link in feed_links)
    for model in base.models:
        text = (dest / f"models/{model.id}/index.html").read_text(encoding="utf-8")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S).group(1))
        assert [r["url"] for r in data["@graph"]] == [f"{root}models/{model.id}/#{c.id}" for c in model.claims]
    records = json.loads((dest / "data/claims.json").read_text(encoding="utf-8"))
    assert [r["url"] for r in records] == [f"{root}models/{m.id}/#{c.id}" for m, c in base.claims]


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_without_addresses_no_repository_links_and_no_empty_sitemap(real_site):
    """Without SITE_URL no sitemap is written (it would list nothing); without REPO_URL no page links to a
    repository; every page still links to the recent changes and the feed."""
    site = real_site[0]
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    for path in site_pages(site):
        html = path.read_text(encoding="utf-8")
        # Material fetches sitemap.xml beside every <link rel=alternate>: without a sitemap, no such link.
        assert 'rel="alternate"' not in html, path
        assert "Report a wrong claim" not in html and 'rel="noopener">Repository</a>' not in html, path
        # Each resolves (test_every_link_and_anchor_resolves); on the changes page the first is "index.html".
        assert re.search(r'<a href="[./]*(changes/)?index\.html">Recent changes</a>', html), path
        assert re.search(r'<a href="[./]*feed\.xml" type="application/atom\+xml">Atom feed</a>', html), path


def test_every_page_links_to_the_repository_and_the_wrong_claim_form(public_site):
    report = repository.report_url(REPOSITORY)
    assert report.startswith(REPOSITORY + "/issues/new?template=")
    for path in site_pages(public_site):
        html = path.read_text(encoding="utf-8")
        assert f'<a href="{REPOSITORY}" rel="noopener">Repository</a>' in html, path
        assert f'<a href="{esc(report)}" rel="noopener">Report a wrong claim</a>' in html, path
        assert '<link rel="alternate" type="application/atom+xml"' in html, path  # a site with an address: its sitemap
    assert (public_site / "sitemap.xml").exists()


def test_the_404_page_links_relative_to_the_root_and_sets_its_base_over_http(real_site, public_site):
    """From disk (file://) its links resolve beside it; over HTTP a script sets <base> to the site's path (the
    server's root without SITE_URL) before any link, so a 404 shown for a deep address still finds them."""
    for site, base_path in ((real_site[0], "/"), (public_site, "/facts/")):
        html = (site / "404.html").read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        script = f'b.href="{base_path}"'
        assert script in head and head.index(script) < head.index("<link")
        links = re.findall(r'\s(?:href|src)="([^"]+)"', html)
        assert links and not [u for u in links if u.startswith("/")], site
        assert "./assets/modelfacts.css" in links and "./index.html" in links
        # Its body says what happened and leads back in: every link a page beside it, and the header's search.
        body = html[html.index('<h1 id="_top">This page does not exist</h1>') : html.index("</article>")]
        back = re.findall(r'<a href="([^"]+)">([^<]+)</a>', body)
        assert [label for _, label in back] == ["Home", "All models", "The openness matrix"], site
        assert all((site / url).is_file() for url, _ in back), back
        assert '<label for="__search" class="mf-search-entry">' in body and 'id="__search"' in html


def test_every_page_has_title_and_description(real_site):
    site, base = real_site
    pages = (
        [f"models/{m.id}/" for m in base.models]
        + [f"sources/{s}/" for s in base.sources]
        + ["", "models/", "sources/", "disputed/", "timeline/", "methodology/", "downloads/"]
    )
    for url in pages:
        text = page_file(site, url).read_text(encoding="utf-8")
        assert '<meta name="description" content="' in text, url
        assert "<title>" in text, url


def test_the_site_has_the_pagefind_index_and_no_other(real_site):
    """The hooks write the Pagefind bundle; Material's own search index is no longer built."""
    site, _ = real_site
    assert (site / "pagefind" / "pagefind.js").is_file() and list((site / "pagefind" / "fragment").iterdir())
    assert not (site / "search").exists()


def test_disputed_page_shows_both_sides(real_site):
    site, base = real_site
    page = page_file(site, "disputed/").read_text(encoding="utf-8")
    for model, claim in base.claims:
        if any(c.stance == "contradicts" for c in claim.citations):
            text = element_text(page, f"{model.id}--{claim.id}")
            assert "For" in text and "Against" in text
            for cit in claim.citations:
                assert " ".join(cit.quote.split()) in text


def test_methodology_page_prints_the_rubric(real_site):
    from modelfacts import rubric, rules

    text = plain(page_file(real_site[0], "methodology/").read_text(encoding="utf-8"))
    for (evidence, agreement), ceiling in rubric.CEILING.items():
        assert evidence in text and agreement in text and f"Confidence: {ceiling}" in text
    for rule in rules.RULES:
        assert rule.id in text
    assert rubric.S_DEFINITION in text


def test_broken_fact_base_aborts_the_build_with_the_checkers_message(project, tmp_path):
    path = project.root / "facts/widget-1.yaml"
    path.write_text(path.read_text().replace("source: rival-news", "source: rival-newz"))
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode != 0
    assert "facts/widget-1.yaml:29:17: error[source-exists]: no source with id `rival-newz`" in out.stderr
    assert "Traceback" not in out.stderr


def test_a_hand_written_page_outside_a_folder_stops_the_build(project, tmp_path):
    (project.root / "docs/notes.md").write_text("# Notes\n", encoding="utf-8")
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode != 0
    assert "docs/notes.md: a page must be a folder's index.md (move it to docs/notes/index.md)" in out.stderr
    assert "Traceback" not in out.stderr


INJECTION = {
    "name": "Widget <script>alert('name')</script>",
    "aliases": ["[click](javascript:alert(1))", "![img](data:text/html,<script>alert(2)</script>)"],
    "statement": 'Widget is open {: onclick="alert(3)" } and *bold* `code` {{ config.site_name }} {% raw %}',
    "rationale": "<img src=x onerror=alert(4)> </script><script>alert(5)</script>",
    "notes": '<a href="javascript:alert(6)">x</a> [y](javascript:alert(7)) <https://evil.example>',
}


def test_text_from_fact_files_renders_as_literal_text(project, tmp_path):
    path = project.root / "facts/widget-1.yaml"
    import yaml

    data = yaml.safe_load(path.read_text())
    data["name"], data["aliases"] = INJECTION["name"], INJECTION["aliases"]
    claim = data["claims"][1]
    claim.update(statement=INJECTION["statement"], rationale=INJECTION["rationale"], notes=INJECTION["notes"])
    project.write_model(data)
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    page = page_file(tmp_path / "out", "models/widget-1/")
    html_text = page.read_text(encoding="utf-8")
    s = scan(page)
    assert not s.event_attrs, s.event_attrs
    assert not [link for link in s.links if link.lower().startswith(("javascript:", "data:"))]
    assert not any("alert" in script for script in s.scripts)
    text = plain(html_text)
    for value in [
        INJECTION["name"],
        *INJECTION["aliases"],
        INJECTION["statement"],
        INJECTION["rationale"],
        INJECTION["notes"],
    ]:
        assert " ".join(value.split()) in text, value
    assert "<strong>bold" not in html_text and "<code>code" not in html_text


def test_a_strict_build_keeps_moved_anchors_and_passes_checker_warnings(project, tmp_path):
    """A moved claim's old anchor is on the built page and its link resolves; a checker warning
    (which `modelfacts check` passes) is shown but does not stop `mkdocs build --strict`."""
    import yaml

    data = yaml.safe_load((project.root / "facts/widget-1.yaml").read_text())
    data["claims"][1]["notes"] = "Acme said so on stage (outside these sources)."
    data["claims"][1]["unchecked_context"] = INJECTION["rationale"]
    data["moved"] = [{"id": "weights-open", "to": "widget-1#open-weights"}]
    project.write_model(data)
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    assert "warning[aside-unmarked]" in out.stderr
    page = page_file(tmp_path / "out", "models/widget-1/")
    html_text = page.read_text(encoding="utf-8")
    assert '<li id="weights-open"><code>weights-open</code> moved to <a href="#open-weights">' in html_text
    assert " ".join(INJECTION["rationale"].split()) in plain(html_text)
    assert not scan(page).event_attrs
    assert broken_links(tmp_path / "out") == []


def jsonld(page: Path) -> dict:
    import re

    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    return json.loads(block)


def test_claim_review_json_ld_on_every_model_page(real_site):
    site, base = real_site
    for model in base.models:
        graph = jsonld(page_file(site, f"models/{model.id}/"))["@graph"]
        assert [g["claimReviewed"] for g in graph] == [c.statement for c in model.claims]
        for g, claim in zip(graph, model.claims, strict=False):
            assert g["@type"] == "ClaimReview" and g["url"] == f"#{claim.id}"
            assert g["reviewRating"]["alternateName"].startswith(f"Confidence: {claim.confidence}")
            titles = {base.sources[c.source].title for c in claim.citations}
            assert {a["headline"] for a in g["itemReviewed"]["appearance"]} == titles


def test_pages_have_open_graph_metadata(real_site):
    site, base = real_site
    text = page_file(site, f"models/{base.models[0].id}/").read_text(encoding="utf-8")
    assert f'<meta property="og:title" content="{base.models[0].name}">' in text
    assert '<meta property="og:description" content="What the sources say about' in text


def test_script_closing_tag_in_text_cannot_leave_the_json_ld(project, tmp_path):
    import yaml

    path = project.root / "facts/widget-1.yaml"
    data = yaml.safe_load(path.read_text())
    data["claims"][0]["statement"] = "Ends </script><script>alert(1)</script> & more"
    project.write_model(data)
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode == 0, out.stderr
    page = page_file(tmp_path / "out", "models/widget-1/")
    assert jsonld(page)["@graph"][0]["claimReviewed"] == data["claims"][0]["statement"]
    assert "<script>alert(1)" not in page.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "fixture",
    ["yaml-alias--billion-laughs", "yaml-tag--python-object", "schema--top-level-list", "yaml-syntax--tab-indent"],
)
def test_any_broken_file_stops_the_build_with_a_located_error(project, tmp_path, fixture):
    src = REPO / "tests/fixtures/facts" / f"{fixture}.yaml"
    (project.root / "facts/widget-1.yaml").write_bytes(src.read_bytes())
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    rule = fixture.split("--")[0]
    assert out.returncode != 0
    assert "facts/widget-1.yaml:" in out.stderr and f": error[{rule}]: " in out.stderr
    assert "Traceback" not in out.stderr


def test_binary_garbage_stops_the_build_with_a_located_error(project, tmp_path):
    (project.root / "facts/widget-1.yaml").write_bytes(b"id: w\x00\xff\xfe\n" * 50)
    out = build(project.root / "mkdocs.yml", tmp_path / "out")
    assert out.returncode != 0 and "facts/widget-1.yaml:1:6: error[encoding]" in out.stderr
    assert "Traceback" not in out.stderr


def test_rendering_again_reuses_unchanged_pages_and_redoes_changed_ones(project):
    """The serve cache across check and render, as the hooks use it under `mkdocs serve`."""
    from modelfacts.cache import Cache
    from modelfacts.site import render_site

    cache = Cache()
    first = {p.url: p for p in render_site(check_root(project.root, cache).base, cache=cache).pages}
    path = project.root / "facts/widget-1.yaml"
    path.write_text(path.read_text().replace("Widget-1 was released on", "Widget-1 came out on"))
    second = {p.url: p for p in render_site(check_root(project.root, cache).base, cache=cache).pages}
    assert second["sources/rival-news/"] is first["sources/rival-news/"]
    assert second["models/widget-1/"] is not first["models/widget-1/"]
    assert "Widget-1 came out on" in second["models/widget-1/"].html
    assert "Widget-1 came out on" in second["sources/acme-news/"].html  # its back-link titles
