"""Writing HTML safely by default: text is escaped unless it is already `Html`.

`tag` and `join` return `Html` and keep `Html` parts as they are; every other str (fact-file text,
labels, URLs) is escaped on the way in. Forgetting a call therefore shows markup as text, never
runs it. `Html(...)` is written by hand only around literal markup in this package's code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable


class Html(str):
    """A str that is HTML already: `tag` and `join` pass it through. Adding two gives a plain str,
    which the next `tag` escapes: a slip shows markup as text instead of trusting it."""

    __slots__ = ()


def esc(text: object) -> Html:
    """Text as HTML, for element content and attribute values (as html.escape does). Newlines become
    entities, so a page is one raw-HTML block even to a Markdown reader that ends such a block at a
    blank line (CommonMark does; Python-Markdown, which benchmarks/bare.py feeds the pages to, does
    not, and the site's pages skip Markdown), and its bytes stay what they have always been."""
    return Html(_escape(str(text)))


def _escape(text: str) -> str:
    # A chain of str.replace: 3-7 times faster than str.translate with a table of multi-character
    # replacements (CPython 3.11), on a page's many short strings and on whole articles alike.
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
        .replace("\r", "")
        .replace("\n", "&#10;")
    )


def join(parts: Iterable[str], sep: str = "") -> Html:
    """The parts one after another; plain str parts (and `sep`) are escaped."""
    glue = sep if isinstance(sep, Html) else _escape(sep)
    return Html(glue.join([p if isinstance(p, Html) else _escape(p) for p in parts]))


def tag(name: str, *children: str, **attrs: object) -> Html:
    """<name attrs>children</name>. Plain str children are escaped, `Html` children kept; attribute
    values are always text, so always escaped (an `Html` value would be escaped twice, never trusted).
    A trailing '_' is dropped from a name and '_' becomes '-': class_ → class, aria_label → aria-label;
    a value None leaves the attribute out."""
    attributes = "".join(
        [f' {k.rstrip("_").replace("_", "-")}="{_escape(str(v))}"' for k, v in attrs.items() if v is not None]
    )
    body = "".join([c if isinstance(c, Html) else _escape(c) for c in children])
    return Html(f"<{name}{attributes}>{body}</{name}>")


def ascii_html(html: str) -> str:
    """The same HTML in pure ASCII (other characters as references): Python then stores one byte
    per character, which halves the memory a build of thousands of pages holds."""
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
