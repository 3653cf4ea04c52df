"""Small helpers for writing HTML safely: every piece of fact-file text goes through `esc`."""
from __future__ import annotations

import json


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;",
                          "\r": "", "\n": "&#10;"})


def esc(text: object) -> str:
    """Escape for HTML text and attributes (as html.escape does); newlines become entities so that
    text can never end a raw-HTML block in the Markdown that carries it."""
    return str(text).translate(_ESCAPES)


def ascii_html(html: str) -> str:
    """The same HTML in pure ASCII (other characters as references): Python then stores one byte
    per character, which halves the memory a build of thousands of pages holds."""
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")


def href(from_url: str, to_url: str, anchor: str = "") -> str:
    """Relative link between two page URLs ('' is the home page, others end in '/'); a data file
    path (no trailing '/') may be the target too."""
    here = [p for p in from_url.split("/") if p]
    there = [p for p in to_url.split("/") if p]
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    if there[common:] and to_url.endswith("/"):
        rel += "/"
    return esc((rel or "./") + (f"#{anchor}" if anchor else ""))


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def tag(name: str, body: str, **attrs: object) -> str:
    """<name attrs>body</name>; attribute values are escaped, `body` must already be HTML."""
    parts = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{parts}>{body}</{name}>"
