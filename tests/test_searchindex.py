"""The search index: what it holds (from the fact base, not the pages) and when it is rewritten."""

from __future__ import annotations

from modelfacts import searchindex
from modelfacts.cache import Cache
from modelfacts.check import check_root


def test_entries_hold_every_model_claim_licence_and_source_and_no_boilerplate(project):
    base = check_root(project.root).base
    found = {e.url: e for e in searchindex.entries(base)}
    for model in base.models:
        entry = found[f"models/{model.id}/"]
        assert (entry.kind, entry.title) == ("Model", model.name)
        assert all(alias in entry.names for alias in model.aliases)
        assert [(c.id, c.statement, c.rating) for c in entry.claims] == [
            (c.id, c.statement, c.confidence) for c in model.claims
        ]
    for source in base.sources.values():
        assert found[f"sources/{source.id}/"].title == source.title
    assert {e.kind for e in found.values()} <= {"Model", "Licence", "Source"}
    html = "".join(searchindex.entry_html(e) for e in found.values())
    assert "Evidence" not in html and "Confidence:" not in html


def test_a_claim_is_a_section_at_its_anchor_and_text_is_escaped():
    claim = searchindex.ClaimEntry("weights-open", "Weights <b>open</b> & free", "very high", "current")
    entry = searchindex.Entry("models/x/", "Model", "X <i>", "X. Acme", (claim,), "X Ex")
    html = searchindex.entry_html(entry)
    assert '<h2 id="weights-open">Weights &lt;b&gt;open&lt;/b&gt; &amp; free</h2><p>X Ex</p>' in html
    assert '<span data-pagefind-meta="claims">weights-open=very high=current</span>' in html
    assert "<h1>X &lt;i&gt;</h1>" in html and "<b>" not in html
    assert '<div data-pagefind-ignore="">' in html


def test_write_makes_the_bundle_and_skips_it_when_nothing_changed(project, tmp_path):
    base = check_root(project.root).base
    found, cache = searchindex.entries(base), Cache()
    assert searchindex.write(found, tmp_path, cache)
    bundle = tmp_path / searchindex.FOLDER
    assert (bundle / "pagefind.js").is_file() and list((bundle / "fragment").iterdir())
    assert not searchindex.write(found, tmp_path, cache)  # unchanged: left as it is
    changed = (searchindex.Entry(found[0].url, "Model", "Renamed", found[0].text), *found[1:])
    assert searchindex.write(changed, tmp_path, cache)
    assert searchindex.write(found, tmp_path)  # no cache (`mkdocs build`): always written
