"""Small helpers for writing HTML safely: every piece of fact-file text goes through `esc`."""
from __future__ import annotations

import html
import json
import posixpath


def esc(text: object) -> str:
    """Escape for HTML text and attributes; newlines become entities so that text can never
    end a raw-HTML block in the Markdown that carries it."""
    return html.escape(str(text), quote=True).replace("\r", "").replace("\n", "&#10;")


def href(from_url: str, to_url: str, anchor: str = "") -> str:
    """Relative link between two page URLs ('' is the home page, others end in '/')."""
    rel = posixpath.relpath(to_url or ".", from_url or ".")
    rel = "./" if rel == "." else rel + ("/" if to_url.endswith("/") or not to_url else "")
    return esc(rel + (f"#{anchor}" if anchor else ""))


def json_for_script(data: object) -> str:
    """JSON that is safe inside <script>: no '<', '>' or '&' can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def tag(name: str, body: str, **attrs: object) -> str:
    """<name attrs>body</name>; attribute values are escaped, `body` must already be HTML."""
    parts = "".join(f' {k.rstrip("_").replace("_", "-")}="{esc(v)}"' for k, v in attrs.items() if v is not None)
    return f"<{name}{parts}>{body}</{name}>"
