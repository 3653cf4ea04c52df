"""Reading a built site the way a reader's browser would: ids, links, text."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from modelfacts.quotes import fold_quote
from modelfacts.urls import url_file


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []
        """href of <a> and <link>, src of <script> and <img>."""
        self.scripts: list[str] = []
        self._in_script = False
        self.event_attrs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name.startswith("on"):
                self.event_attrs.append((tag, name))
        # Links a reader follows and files the page loads: both must resolve, from disk too.
        target = dict(attrs).get({"a": "href", "link": "href", "script": "src", "img": "src"}.get(tag, ""))
        if target is not None:
            self.links.append(target)
        # JSON-LD is data, not code: its text is checked separately.
        self._in_script = tag == "script" and dict(attrs).get("type") != "application/ld+json"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def scan(path: Path) -> _Scan:
    s = _Scan()
    s.feed(path.read_text(encoding="utf-8"))
    return s


def page_file(site: Path, url: str) -> Path:
    return site / url_file(url)


def broken_links(site: Path) -> list[str]:
    """Every relative link and #anchor in every page, checked against the files and ids. A link must
    name a file, as a browser reading site/ from disk needs (a server would also accept a folder).
    404.html too: its links are relative to the site's root, where it is (the hooks' on_template_context)."""
    scans = {p: scan(p) for p in site.rglob("*.html")}
    bad = []
    for page, s in scans.items():
        for link in s.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("mailto:"):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                bad.append(f"{page.relative_to(site)}: {link} (a folder: from disk it opens a listing, not the page)")
                continue
            if not target.exists():
                bad.append(f"{page.relative_to(site)}: {link} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = scans[target].ids if target in scans else scan(target).ids
                if unquote(parts.fragment) not in ids:
                    bad.append(f"{page.relative_to(site)}: {link} (no anchor)")
    return bad


def element_text(page_html: str, element_id: str) -> str:
    """Plain text of the <section> holding the element with this id (a claim)."""
    start = page_html.index(f'id="{element_id}"')
    section_start = page_html.rfind("<section", 0, start)
    end = page_html.index("</section>", start)
    return plain(page_html[section_start:end])


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def highlighted_quote(page_html: str, anchor: str, backlink_fragment: str) -> str:
    """The highlighted text from a citation's anchor to its back-link, folded."""
    start = page_html.index(f'id="{anchor}"')
    end = page_html.index(f'/{backlink_fragment}"', start)
    chunk = page_html[start:end]
    chunk = re.sub(r'<a class="mf-backlink[^"]*".*?</a>', "", chunk[chunk.index(">") + 1 : chunk.rfind("<a ")])
    marked = "".join(re.findall(r'<mark class="mf-hl[^"]*">(.*?)</mark>', chunk, flags=re.S))
    return fold_quote(html.unescape(marked))
