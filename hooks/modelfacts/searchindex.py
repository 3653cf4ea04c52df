"""The site's search index: what readers search for, drawn from the fact base and written as a
Pagefind bundle (docs/assets/search.js runs the queries in the browser).

One entry per model page (its name, aliases and developers, then each claim as a section that opens
the claim's anchor; the claims' ratings ride along as the page's metadata), one per licence (name and
SPDX id) and one per source (title and publisher). Built from the fact base, not from the built pages,
so badges, evidence lines and other repeated boilerplate never reach the index and no HTML is read
again. Pagefind splits the index into chunks the browser fetches as a query needs them.

Each entry becomes a small HTML file at its page's path in a scratch folder, which the Pagefind binary
indexes in one run (its Python API answers one record per 0.1 s: minutes for a large fact base).
Under `mkdocs serve` the entries of the last build are kept: an edit that changes none of them (most
edits to citations or notes) leaves the index alone; any other rewrites it.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import urls
from .cache import Cache
from .html import join, tag
from .model import FactBase

FOLDER = "pagefind"
"""Where the bundle goes in the built site (pagefind.js and its chunks)."""


@dataclass(frozen=True)
class ClaimEntry:
    id: str
    statement: str
    rating: str
    status: str


@dataclass(frozen=True)
class Entry:
    """One page in the index: `url` its page URL (urls.py), `text` what it is found by besides its
    title; a model's claims are sections of it, each found by its statement and the model's names."""

    url: str
    kind: str
    title: str
    text: str
    claims: tuple[ClaimEntry, ...] = ()
    names: str = ""
    """A model's name and aliases, which find each of its claims too."""


def entries(base: FactBase) -> tuple[Entry, ...]:
    """Everything readers search for, one entry per page a result opens."""
    out: list[Entry] = []
    for model in base.models:
        names = " ".join((model.name, *model.aliases))
        developers = ", ".join(base.names(model.developers))
        claims = tuple(ClaimEntry(c.id, c.statement, c.confidence, c.status) for c in model.claims)
        out.append(Entry(urls.model_url(model.id), "Model", model.name, f"{names}. {developers}", claims, names))
    for licence in base.licences.licences if base.licences else ():
        out.append(Entry(urls.licence_url(licence.id), "Licence", licence.name, licence.id))
    for source in base.sources.values():
        out.append(Entry(urls.source_url(source.id), "Source", source.title, base.publisher_name(source) or ""))
    return tuple(out)


def entry_html(entry: Entry) -> str:
    """The entry as the page Pagefind indexes. Each claim is a heading whose id is the claim's anchor
    (Pagefind's sub-results), followed by the model's names, so that an alias finds the claims too.
    The metadata (kind, and `claims`: `id=rating=status` joined by `|`; ids and ratings hold neither)
    is read by Pagefind but kept out of the words."""
    sections = join(join((tag("h2", c.statement, id=c.id), tag("p", entry.names))) for c in entry.claims)
    meta = {"kind": entry.kind, "title": entry.title}
    if entry.claims:
        meta["claims"] = "|".join(f"{c.id}={c.rating}={c.status}" for c in entry.claims)
    hidden = join(tag("span", value, data_pagefind_meta=key) for key, value in meta.items())
    body = join((tag("h1", entry.title), tag("p", entry.text), sections, tag("div", hidden, data_pagefind_ignore="")))
    return "<!doctype html>" + tag("html", tag("body", body), lang="en")


def write(found: tuple[Entry, ...], site_dir: Path, cache: Cache | None = None) -> bool:
    """Write the bundle to site_dir/pagefind/ (replacing any old one); False when `cache` shows the
    same entries already written there, so nothing was done."""
    out = Path(site_dir) / FOLDER
    if cache is not None and cache.search.get(str(out)) == found and (out / "pagefind.js").is_file():
        return False
    from pagefind_bin import get_executable

    with tempfile.TemporaryDirectory(prefix="modelfacts-search-") as tmp:
        for entry in found:
            path = Path(tmp) / urls.url_file(entry.url)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(entry_html(entry), encoding="utf-8")
        shutil.rmtree(out, ignore_errors=True)
        command = [str(get_executable()), "--site", tmp, "--output-path", str(out), "--keep-index-url"]
        done = subprocess.run([*command, "--force-language", "en", "--silent"], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(
            f"pagefind could not write the search index ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    if cache is not None:
        cache.search[str(out)] = found
    return True
