"""What one process keeps from build to build, so that `mkdocs serve` redoes only what an edit changed.

One object, `Cache`, with one `clear()`. The MkDocs hooks hand the same instance to every step under
`mkdocs serve`, and none under `mkdocs build` (a one-off build keeps nothing, so its peak memory is
the fact base and the pages, once). Each part is keyed by everything its value depends on, so a
stale entry is never found: a file by its path and bytes, a page by its view (everything it shows),
a commit by its id (a commit never changes).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Cache:
    checked: dict[tuple[str, str], tuple[bytes, Any]] = field(default_factory=dict)
    """check: (path, kind) → (blake2b of the bytes, what loading and checking them gave)."""
    pages: dict[Hashable, Any] = field(default_factory=dict)
    """site: a model or source page's view → its Page, from the previous render."""
    written: dict[str, str] = field(default_factory=dict)
    """hooks: a generated page's source path → the HTML the previous build wrote for it."""
    commits: dict[tuple[str, str], Any] = field(default_factory=dict)
    """feed: (repository, commit id) → the fact base at that commit."""
    search: dict[str, Any] = field(default_factory=dict)
    """searchindex: the folder a search index was written to → the records written there."""

    def clear(self) -> None:
        for part in fields(self):
            getattr(self, part.name).clear()
