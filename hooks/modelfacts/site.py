"""Everything the site shows, from one checked fact base: the pages and the data files."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace

from . import exports, feed, pages
from .model import FactBase, Model, Source


@dataclass(frozen=True)
class Site:
    pages: list[pages.Page]
    data: dict[str, bytes]


_previous: dict[Hashable, pages.Page] = {}
"""Model and source pages of the previous render in this process, by everything they show:
under `mkdocs serve` an edit re-renders only the pages it changes."""


def forget() -> None:
    """Drop the pages kept for the next render (and the fact base their keys hold)."""
    global _previous
    _previous = {}


def _model_key(base: FactBase, model: Model, site_url: str) -> Hashable:
    cited = {base.sources[c.source] for cl in model.claims for c in cl.citations if c.source in base.sources}
    return "model", site_url, model, tuple(sorted(cited, key=lambda s: s.id))


def _source_key(base: FactBase, source: Source) -> Hashable:
    cites = tuple(
        (m.id, m.name, c.id, c.statement, c.confidence, c.status, i, x.quote)
        for m, c, i, x in base.citations_by_source.get(source.id, ())
    )
    return "source", source, source.text, cites


def render_site(base: FactBase, site_url: str = "", history: Sequence[feed.Entry] = ()) -> Site:
    """Pages and data for a fact base; one that failed the check (seen only under `mkdocs serve`)
    may hold a model id twice, and then the first file wins the page."""
    global _previous
    unique = {m.id: m for m in reversed(base.models)}
    base = replace(base, models=[m for m in base.models if unique[m.id] is m])
    current: dict[Hashable, pages.Page] = {}

    def reuse(key: Hashable, make: Callable[[], pages.Page]) -> pages.Page:
        current[key] = _previous.get(key) or make()
        return current[key]

    generated = [
        pages.home_page(base),
        pages.models_index(base),
        pages.sources_index(base),
        pages.disputed_page(base),
        pages.timeline_page(base),
        pages.methodology_page(),
        pages.downloads_page(base, exports.DATA_FILES),
        *(reuse(_model_key(base, m, site_url), lambda m=m: pages.model_page(base, m, site_url)) for m in base.models),
        *(reuse(_source_key(base, s), lambda s=s: pages.source_page(base, s)) for s in base.sources.values()),
    ]
    _previous = current
    data = exports.render_exports(base, site_url)
    data["feed.xml"] = feed.render_feed(list(history), site_url).encode("utf-8")
    return Site(generated, data)
