"""The home page's answers (openness at a glance, recent changes, claims in dispute, search), the recent-changes
page, the repository links and the Data Package, rendered in memory."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from conftest import REPO
from opennessbase import checked_openness_base, tree  # noqa: F401 (the fact_base fixture)

from modelfacts import datapackage, exports, feed, openness, repository
from modelfacts.pages import guide, lists, matrix
from modelfacts.urls import CHANGES, HOME, OPENNESS_ANCHOR, href, model_url


def text(element: ET.Element) -> str:
    return "".join(element.itertext())


def test_openness_counts_are_the_matrix_columns(fact_base):
    home = tree(guide.home_page(fact_base).html)
    rows = [tr for tr in tree(matrix.matrix_page(fact_base).html).iter("tr") if tr.get("data-model")]
    assert len(rows) == len(fact_base.models)
    seen = set()
    for d in openness.DIMENSIONS:
        item = home.find(f".//li[@id='_openness-{d.id}']")
        shown = {}
        for li in item.find("ul").findall("li"):
            count = li.find("a")  # the count opens those models in the matrix
            verdict = count.find("span").get("class").split("mf-verdict-")[1]
            shown[verdict] = int(count.find("strong").text)
            assert openness.VERDICT_SYMBOL[verdict] in text(li)  # the shape, never colour alone
            assert count.get("href") == f"openness/index.html?verdict={verdict}&dimension={d.id}"
            assert count.get("aria-label").startswith(f"{shown[verdict]} {verdict}")  # holds what it shows
        column = [tr.get(f"data-verdict-{d.id}") for tr in rows]
        assert shown == {v: column.count(v) for v in openness.VERDICTS if column.count(v)}, d.id
        seen |= set(shown)
    assert {"open", "partial", "closed", "unknown", "disputed"} <= seen  # the project has every verdict


def test_each_count_names_its_best_documented_model_and_links_to_its_card(fact_base):
    html = guide.home_page(fact_base).html
    home = tree(html)
    examples = 0
    for d in openness.DIMENSIONS:
        for li in home.find(f".//li[@id='_openness-{d.id}']").find("ul").findall("li"):
            verdict = li.find("a/span").get("class").split("mf-verdict-")[1]
            link = li.find("span/a")
            if verdict not in ("open", "partial", "closed"):  # an unknown or disputed verdict has no example
                assert link is None and "e.g." not in text(li), (d.id, verdict)
                continue
            assert link is not None, (d.id, verdict)  # an open, partial or closed verdict rests on a claim
            examples += 1
            chosen = next(m for m in fact_base.models if link.get("href") == href(HOME, model_url(m.id), "openness"))
            assert link.text == chosen.name
            mine = fact_base.verdicts[chosen.id][d.id]
            assert mine.verdict == verdict and mine.rests_on
            for other in fact_base.models:
                theirs = fact_base.verdicts[other.id][d.id]
                if theirs.verdict == verdict:
                    assert guide.documented(mine) >= guide.documented(theirs)
    assert examples >= len(openness.DIMENSIONS)


def test_best_documented_prefers_higher_ratings_then_more_claims(fact_base):
    ranks = {m.id: guide.documented(fact_base.verdicts[m.id]["weights"]) for m in fact_base.models}
    assert all(r == tuple(sorted(r, reverse=True)) for r in ranks.values())
    assert (4, 3) > (3, 3, 3) > (3, 3) > ()  # a higher rating first, then more claims


def test_the_answers_come_before_any_link_and_search_opens_materials_search(fact_base):
    html = guide.home_page(fact_base).html
    first_link = html.index("<a ")
    assert html.index('<h2 id="_openness">') < first_link  # the question is answered first
    assert html.index("</p>") < first_link  # after the intro, which names no link
    label = tree(html).find(".//label")
    assert label.get("for") == guide.SEARCH_TOGGLE == "__search"
    assert "Search" in text(label)
    assert html.index("<label") < html.index('<h2 id="_openness">')


def item(n: int, model: str | None = "acme-open") -> feed.Item:
    link = feed.Line(f"change {n}", model, OPENNESS_ANCHOR) if model else None
    lines = (feed.Line(f"claim {n}", "acme-open", "weights"), feed.Line("Note: left out"))
    return feed.Item(f"urn:x:{n}", f"2026-11-{n:02d}T10:00:00Z", f"Change <{n}>", "A commit", link, lines, True)


def test_home_shows_the_newest_changes_and_links_to_the_changes_page(fact_base):
    items = [item(n) for n in (9, 8, 7, 6, 5)] + [item(4, None)]
    html = guide.home_page(fact_base, items).html
    section = html[html.index('<h2 id="_changes">') : html.index('<h2 id="_disputed">')]
    assert section.count("<li>") == guide.RECENT == 4
    assert '<time datetime="2026-11-09T10:00:00Z">2026-11-09</time>' in section
    assert '<a href="models/acme-open/index.html#openness">Change &lt;9&gt;</a>' in section
    assert "Change &lt;5&gt;" not in section
    assert '<span class="mf-home-subject">A commit</span>' in section
    assert guide._shorten("word " * 40) == ("word " * 17).strip() + "…"
    assert f'<a href="{href(HOME, CHANGES)}">All recent changes</a>' in section
    assert '<a href="feed.xml" type="application/atom+xml">Atom feed</a>' in section
    assert "No change is recorded" in guide.home_page(fact_base).html


def test_the_changes_page_shows_every_item_with_its_links(fact_base):
    items = [item(n) for n in (9, 8)] + [item(4, None)]
    page = guide.changes_page(items, guide.anchors(fact_base))
    assert page.url == CHANGES
    entries = tree(page.html).find(".//ol").findall("li")
    assert [e.find("strong").text for e in entries] == ["Change <9>", "Change <8>", "Change <4>"]
    assert entries[0].find(".//ul/li/a").get("href") == "../models/acme-open/index.html#weights"
    assert [text(li) for li in entries[2].find("ul").findall("li")] == ["claim 4", "Note: left out"]
    assert entries[2].find("ul/li/a") is not None  # the claim is there: its line links to it
    assert '<a href="../feed.xml" type="application/atom+xml">Atom feed</a>' in page.html


def test_a_change_pointing_at_what_is_gone_is_not_a_link(fact_base):
    gone = feed.Item(
        "urn:x",
        "2026-11-01T00:00:00Z",
        "1 claim removed",
        "Drop",
        None,
        (
            feed.Line("removed: a claim", "acme-open", "no-such-claim"),
            feed.Line("removed: a model", "no-such-model", "weights"),
        ),
        False,
    )
    page = tree(guide.changes_page([gone], guide.anchors(fact_base)).html)
    assert page.find(".//ol/li/ul//a") is None
    assert [text(li) for li in page.find(".//ol/li/ul").findall("li")] == ["removed: a claim", "removed: a model"]
    assert ("acme-open", "openness") in guide.anchors(fact_base)


def test_the_changes_page_and_the_feed_are_written_from_the_same_items(project):
    """One home for the entries: the feed's entry titles are the page's, in order."""
    import subprocess

    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@e.org", "GIT_COMMITTER_NAME": "t"}
    env |= {"GIT_COMMITTER_EMAIL": "t@e.org", "PATH": "/usr/bin:/bin"}
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "First")):
        subprocess.run(["git", "-C", str(project.root), *args], check=True, capture_output=True, env=env)
    entries = feed.history(project.root)
    atom = ET.fromstring(feed.render_feed(entries))
    titles = [e.find(f"{{{feed.ATOM}}}title").text for e in atom.iter(f"{{{feed.ATOM}}}entry")]
    page = tree(guide.changes_page(feed.items(entries)).html)
    assert titles and [e.find("strong").text for e in page.find(".//ol").findall("li")] == titles


def test_the_claims_most_in_dispute_link_to_their_anchors_and_the_disputed_page(fact_base):
    home = guide.home_page(fact_base).html
    section = home[home.index('<h2 id="_disputed">') : home.index('<h2 id="_sections">')]
    disputed = guide.in_dispute(fact_base)
    on_page = lists.disputed_page(fact_base).html
    assert disputed
    for model, claim in disputed[: guide.IN_DISPUTE]:
        assert f'<a href="models/{model.id}/index.html#{claim.id}">' in section
        assert f'id="{claim.id}"' in on_page or claim.id in on_page
    assert all(any(c.stance == "contradicts" for c in claim.citations) for _, claim in disputed)
    statuses = [claim.status == "disputed" for _, claim in disputed]
    assert statuses == sorted(statuses, reverse=True)  # a claim whose status is disputed comes first
    assert f'<a href="disputed/index.html">All {len(disputed)} disputed claim' in section


def test_the_report_link_prefills_the_wrong_claim_forms_claim_field():
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE" / repository.WRONG_CLAIM_FORM).read_text(encoding="utf-8"))
    assert repository.CLAIM_FIELD in [item.get("id") for item in form["body"]]
    claim = "https://example.org/facts/models/llama-2/#weights-on-request"
    url = repository.report_url("https://github.com/o/r/", claim)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://github.com/o/r/issues/new"
    assert parse_qs(parts.query) == {"template": [repository.WRONG_CLAIM_FORM], "claim": [claim]}
    assert "%23weights-on-request" in url  # the anchor is the field's value, not the form URL's fragment
    assert repository.report_url("https://github.com/o/r") == (
        "https://github.com/o/r/issues/new?template=claim-is-wrong.yml"
    )


# ---------------------------------------------------------------------------------------------
# The Data Package and the licences


@pytest.fixture(scope="module")
def files(fact_base):
    return exports.render_exports(fact_base, "https://example.org/")


def test_the_data_package_describes_every_download(files):
    package = json.loads(datapackage.render())
    paths = {"data/" + r["path"] for r in package["resources"]}
    assert paths == set(files) == {path for path, _ in exports.DATA_FILES}
    assert package["licenses"] == [datapackage.DATA_LICENCE] and package["licenses"][0]["name"] == "CC-BY-4.0"
    assert "homepage" not in package
    assert json.loads(datapackage.render("https://example.org/"))["homepage"] == "https://example.org/"
    names = [r["name"] for r in package["resources"]]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[a-z0-9._-]+", n) for n in names)
    for r in package["resources"]:
        if r["format"] == "json":
            assert "jsonSchema" in r, r["path"]
    assert next(r for r in package["resources"] if r["path"] == "openness.json")["jsonSchema"] == (
        "schemas/openness.schema.json"
    )


def test_each_csv_header_is_its_table_schema_and_its_cells_fit_the_types(files):
    package = json.loads(datapackage.render())
    tables = [r for r in package["resources"] if r.get("type") == "table"]
    assert {r["path"] for r in tables} == {"claims.csv", "openness.csv"}
    for r in tables:
        rows = list(csv.reader(io.StringIO(files["data/" + r["path"]].decode("utf-8"))))
        fields = r["schema"]["fields"]
        assert rows[0] == [f["name"] for f in fields]
        assert len(rows) > 1
        for row in rows[1:]:
            for f, cell in zip(fields, row, strict=True):
                if cell == "":
                    continue
                if "constraints" in f:
                    assert cell in f["constraints"]["enum"], (f["name"], cell)
                if f["type"] in ("array", "object"):
                    assert isinstance(json.loads(cell), list if f["type"] == "array" else dict)
                if f["type"] == "date":
                    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell)
        keys = [tuple(row[[f["name"] for f in fields].index(k)] for k in r["schema"]["primaryKey"]) for row in rows[1:]]
        assert len(keys) == len(set(keys))


def test_json_exports_hold_the_keys_their_schema_requires(files):
    package = json.loads(datapackage.render())
    for r in package["resources"]:
        schema = r.get("jsonSchema")
        if isinstance(schema, dict):
            records = json.loads(files["data/" + r["path"]])
            assert records and all(set(schema["items"]["required"]) <= set(rec) for rec in records), r["path"]
        elif isinstance(schema, str) and schema.startswith("schemas/"):
            assert "data/" + schema in files


def test_the_downloads_page_names_the_data_licence_and_the_data_package(fact_base):
    html = lists.downloads_page(fact_base, exports.DATA_FILES).html
    assert 'rel="license"' in html and "CC-BY-4.0" in html and "creativecommons.org/licenses/by/4.0/" in html
    assert '<a href="../data/datapackage.json">data/datapackage.json</a>' in html


def test_the_repository_states_its_licences():
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    data = (REPO / "LICENSE-DATA.md").read_text(encoding="utf-8")
    assert datapackage.DATA_LICENCE["title"] in data and datapackage.DATA_LICENCE["path"] in data
    for covered in ("facts/", "seeds/", "data/", "datapackage.json"):
        assert covered in data
    for text_ in (data, (REPO / "README.md").read_text(encoding="utf-8"), (REPO / "docs/about/index.md").read_text()):
        assert "remain their owners'" in text_ and "seeds/" in text_
