"""Everything the site shows, from one checked fact base: the pages and the data files."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from . import exports, feed
from .model import FactBase
from .pages import guide, lists, models, sources
from .pages.page import Page
from .urls import FEED

View = TypeVar("View", bound=Hashable)
"""A page's view: everything the page shows, so also the key it is kept under."""


@dataclass(frozen=True)
class Site:
    pages: list[Page]
    data: dict[str, bytes]


_previous: dict[Hashable, Page] = {}
"""Model and source pages of the previous render in this process, by their views (everything they
show): under `mkdocs serve` an edit re-renders only the pages it changes."""


def forget() -> None:
    """Drop the pages kept for the next render (and the fact base their views hold)."""
    global _previous
    _previous = {}


def render_site(base: FactBase, site_url: str = "", history: Sequence[feed.Entry] = ()) -> Site:
    """Pages and data for a fact base; one that failed the check (seen only under `mkdocs serve`)
    may hold a model id twice, and then the first file wins the page."""
    global _previous
    unique = {m.id: m for m in reversed(base.models)}
    base = replace(base, models=[m for m in base.models if unique[m.id] is m])
    current: dict[Hashable, Page] = {}

    def reuse(view: View, render: Callable[[View], Page]) -> Page:
        current[view] = _previous.get(view) or render(view)
        return current[view]

    generated = [
        guide.home_page(base),
        models.models_index(base),
        sources.sources_index(base),
        lists.disputed_page(base),
        lists.timeline_page(base),
        guide.methodology_page(),
        lists.downloads_page(base, exports.DATA_FILES),
        *(reuse(models.model_view(base, m, site_url), models.model_page) for m in base.models),
        *(reuse(sources.source_view(base, s), sources.source_page) for s in base.sources.values()),
    ]
    _previous = current
    data = exports.render_exports(base, site_url)
    data[FEED] = feed.render_feed(list(history), site_url).encode("utf-8")
    return Site(generated, data)
