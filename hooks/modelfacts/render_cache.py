"""What the previous build in this process generated, so `mkdocs serve --dirty` rebuilds only the
pages an edit changed. MkDocs reloads the hooks module on every rebuild; this module stays."""

from __future__ import annotations

_last: dict[str, str] = {}


def swap(current: dict[str, str]) -> dict[str, str]:
    """Remember this build's page sources; return the previous build's."""
    global _last
    previous, _last = _last, dict(current)
    return previous
