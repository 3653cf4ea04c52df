"""Everything the site shows, from one checked fact base: the pages and the data files."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from . import datapackage, exports, feed
from .cache import Cache
from .frameworks import FRAMEWORKS
from .model import FactBase
from .pages import frameworks, guide, licences, lists, matrix, models, sources
from .pages.page import Page
from .urls import FEED

View = TypeVar("View", bound=Hashable)
"""A page's view: everything the page shows, so also the key it is kept under."""


@dataclass(frozen=True)
class Site:
    pages: list[Page]
    data: dict[str, bytes]


def render_site(
    base: FactBase,
    site_url: str = "",
    history: Sequence[feed.Entry] = (),
    cache: Cache | None = None,
    repo_url: str = "",
) -> Site:
    """Pages and data for a fact base; one that failed the check (seen only under `mkdocs serve`)
    may hold a model id twice, and then the first file wins the page.

    With a cache (under `mkdocs serve`), a model, source, licence or framework page whose view is the same as in the
    previous render is reused, so an edit re-renders only the pages it changes.

    With the repository's address, every claim on a model page links to the wrong-claim form, filled in with it."""
    previous: dict[Hashable, Page] = cache.pages if cache is not None else {}
    unique = {m.id: m for m in reversed(base.models)}
    base = replace(base, models=[m for m in base.models if unique[m.id] is m])
    current: dict[Hashable, Page] = {}
    # The data first: its records are built and let go of before the pages exist, so the two never share the peak.
    data = exports.render_exports(base, site_url)
    data[FEED] = feed.render_feed(history, site_url).encode("utf-8")
    data[datapackage.PATH] = datapackage.render(site_url).encode("utf-8")
    recent = feed.items(history)

    def reuse(view: View, render: Callable[[View], Page]) -> Page:
        page = previous.get(view) or render(view)
        if cache is not None:  # `mkdocs build` keeps no views: each is let go of once its page is rendered
            current[view] = page
        return page

    generated = [
        guide.home_page(base, recent),
        guide.changes_page(recent, guide.anchors(base)),
        models.models_index(base),
        matrix.matrix_page(base),
        sources.sources_index(base),
        lists.disputed_page(base),
        lists.timeline_page(base),
        guide.methodology_page(),
        lists.downloads_page(base, exports.DATA_FILES),
        licences.licences_index(base),
        frameworks.frameworks_index(),
        *(reuse(models.model_view(base, m, site_url, repo_url), models.model_page) for m in base.models),
        *(reuse(sources.source_view(base, s), sources.source_page) for s in base.sources.values()),
        *(reuse(view, licences.licence_page) for view in licences.licence_views(base)),
        *(reuse(frameworks.framework_view(base, f), frameworks.framework_page) for f in FRAMEWORKS),
    ]
    if cache is not None:
        cache.pages = current
    return Site(generated, data)
