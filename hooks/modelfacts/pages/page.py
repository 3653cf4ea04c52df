"""A generated page: what the hooks need to put it into the site."""

from __future__ import annotations

from dataclasses import dataclass

from ..html import Html, ascii_html, join


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    description: str
    html: str
    """The page's content: one <div>, complete HTML that needs no Markdown processing."""
    jsonld: dict | None = None
    """schema.org data for search engines, embedded as JSON-LD."""
    wide: bool = False
    """A page whose table needs the width: the hooks hide Material's table of contents (the navigation stays,
    as desktop readers have no other way to the other pages)."""

    @classmethod
    def build(
        cls,
        url: str,
        title: str,
        description: str,
        parts: list[Html],
        kind: str,
        jsonld: dict | None = None,
        wide: bool = False,
    ) -> Page:
        html = f'<div class="mf-page mf-{kind}">\n' + join(parts, Html("\n")) + "\n</div>\n"
        return cls(url, title, description, ascii_html(html), jsonld, wide)

    @property
    def src_uri(self) -> str:
        """Every page is a folder's index.md, so it is served at its URL and written to
        <url>index.html, which links can name and a browser can open from disk."""
        return self.url + "index.md"
