"""Everything the site shows, from one checked fact base: the pages and the data files."""
from __future__ import annotations

from dataclasses import dataclass, replace

from typing import Sequence

from . import exports, feed, pages
from .model import FactBase


@dataclass(frozen=True)
class Site:
    pages: list[pages.Page]
    data: dict[str, bytes]


def render_site(base: FactBase, site_url: str = "", history: Sequence[feed.Entry] = ()) -> Site:
    """Pages and data for a fact base; one that failed the check (seen only under `mkdocs serve`)
    may hold a model id twice, and then the first file wins the page."""
    unique = {m.id: m for m in reversed(base.models)}
    base = replace(base, models=[m for m in base.models if unique[m.id] is m])
    generated = [
        pages.home_page(base),
        pages.models_index(base),
        pages.sources_index(base),
        pages.disputed_page(base),
        pages.timeline_page(base),
        pages.methodology_page(),
        pages.downloads_page(base, exports.DATA_FILES),
        *(pages.model_page(base, m) for m in base.models),
        *(pages.source_page(base, s) for s in base.sources.values()),
    ]
    data = exports.render_exports(base, site_url)
    data["feed.xml"] = feed.render_feed(list(history), site_url).encode("utf-8")
    return Site(generated, data)
