"""A generated page: what the hooks need to put it into the site, its table of contents included.

Generated pages skip Markdown, so MkDocs finds no headings in them: their sections are read here from
the page's own HTML, and the hooks hand them to MkDocs as the page's table of contents.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass
from typing import NamedTuple

from ..html import Html, ascii_html, esc, join

_H2 = re.compile(r"<h2\b([^>]*)>(.*?)</h2>", re.S)
_ID = re.compile(r'\sid="([^"]+)"')
_TAG = re.compile(r"<[^>]*>")
MIN_SECTIONS = 2
"""A table of contents of fewer sections would not help a reader move around the page."""


class Section(NamedTuple):
    """A section of a page: its heading's id and its text as HTML (escaped), for the table of contents."""

    id: str
    title: Html


def sections(html: str) -> tuple[Section, ...]:
    """Each <h2> of the HTML that has an id, in order, with its text (tags dropped, white space folded,
    escaped once more for the table of contents, which MkDocs writes as HTML). A heading without an id
    cannot be linked to, so it is left out; h3 and below are the claims, too many for a contents list."""
    found = []
    for attrs, inner in _H2.findall(html):
        if ident := _ID.search(attrs):
            text = " ".join(htmllib.unescape(_TAG.sub("", inner)).split())
            found.append(Section(htmllib.unescape(ident[1]), esc(text)))
    return tuple(found)


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
    as desktop readers have no other way to the other pages), however many sections it has."""

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
    def toc(self) -> tuple[Section, ...]:
        """The sections its table of contents lists: none on a wide page (its table needs the width) or on
        one with fewer than MIN_SECTIONS sections, where the hooks hide the table of contents."""
        found = () if self.wide else sections(self.html)
        return found if len(found) >= MIN_SECTIONS else ()

    @property
    def src_uri(self) -> str:
        """Every page is a folder's index.md, so it is served at its URL and written to
        <url>index.html, which links can name and a browser can open from disk."""
        return self.url + "index.md"
