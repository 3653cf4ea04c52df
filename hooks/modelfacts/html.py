"""Small helpers for writing HTML safely: every piece of fact-file text goes through `esc`."""

from __future__ import annotations

import json

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\r": "", "\n": "&#10;"}
)


def esc(text: object) -> str:
    """Escape for HTML text and attributes (as html.escape does); newlines become entities so that
    text can never end a raw-HTML block in the Markdown that carries it."""
    return str(text).translate(_ESCAPES)


def ascii_html(html: str) -> str:
    """The same HTML in pure ASCII (other characters as references): Python then stores one byte
    per character, which halves the memory a build of thousands of pages holds."""
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")


def url_file(url: str) -> str:
    """The file a page URL is written to ('' is home, other page URLs end in '/'): models/x/ →
    models/x/index.html. A data file's path is its own file."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def href(from_url: str, to_url: str, anchor: str = "") -> str:
    """Relative link from one page URL to another page URL or a data file. It names the file
    (…/index.html), never a folder: a browser opening site/ from disk shows a folder listing for
    a folder link, while a server serves the same file either way."""
    if anchor and from_url == to_url:
        return esc(f"#{anchor}")
    here = [p for p in from_url.split("/") if p]
    there = url_file(to_url).split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return esc(rel + (f"#{anchor}" if anchor else ""))


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def tag(name: str, body: str, **attrs: object) -> str:
    """<name attrs>body</name>; attribute values are escaped, `body` must already be HTML."""
    parts = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{parts}>{body}</{name}>"
