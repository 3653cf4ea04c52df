"""Search in the browser: what the site's Pagefind search costs a reader, beside Material's built-in search
on the very same pages (run.py's `search` tool).

The Material variant is a second config in the same root (`material_variant`): the same pages through the
same hooks, with Material's search plugin on and Material's own search partials (no
overrides/partials/search.html, header.html or assets/search.js): the search the site had before Pagefind
(its index now also holds the disputed, timeline and openness pages, which the site used to leave out of it). Each site is served over HTTP from this process; for each run a fresh browser context
(an empty cache) opens the first model's page, opens the search box and types a word of that model's
first claim. Measured: the time from the first key to the first result on screen, and the bytes
transferred for search (every response under pagefind/ or search/, and Material's search worker, counted
by the server, uncompressed as Python's server sends them) from the page's navigation to that first
result; headless Chromium.

`index_only` is the indexer alone (the fact base's entries and the Pagefind run, as the hooks'
on_post_build does it), for its own time and the Pagefind binary's peak memory.
"""

from __future__ import annotations

import functools
import re
import shutil
import statistics
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

CHROMIUM = "/usr/bin/chromium"
_SEARCH_URL = re.compile(r"/pagefind/|/search/|workers/search")


class _Counting(SimpleHTTPRequestHandler):
    """Serves the site and adds up the bytes it sends for search (`served`, reset per run). Counted at the
    server, not in the browser: Pagefind fetches its chunks from a Web Worker, whose requests the page's
    DevTools session does not see."""

    served: ClassVar[list[int]] = [0]

    def copyfile(self, source, outputfile) -> None:
        start = source.tell()
        super().copyfile(source, outputfile)
        if _SEARCH_URL.search(self.path):
            self.served[0] += source.tell() - start

    def log_message(self, *args) -> None:
        pass


def material_variant(root: Path) -> Path:
    """A second config in the root: the same pages through the same hooks, but Material's search plugin on,
    its own search partials (no overrides/partials/search.html or header.html) and no search.js; the site
    goes to site-material/. Returns the config file."""
    overrides = root / "overrides-material"
    shutil.rmtree(overrides, ignore_errors=True)
    shutil.copytree(root / "overrides", overrides, ignore=shutil.ignore_patterns("search.html", "header.html"))
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    for old, new in (
        ("plugins: []", "plugins:\n  - search"),
        ("  - path: assets/search.js\n    defer: true\n", ""),
        ("custom_dir: overrides\n", "custom_dir: overrides-material\n"),
    ):
        if old not in config:
            raise RuntimeError(f"mkdocs.yml has no {old!r} to change for the Material variant")
        config = config.replace(old, new)
    (root / "mkdocs-material.yml").write_text(config + "site_dir: site-material\n", encoding="utf-8")
    return root / "mkdocs-material.yml"


def query_word(root: Path, model_id: str) -> str:
    """The longest word of the model's first claim statement: what a reader who remembers it types."""
    text = (root / "facts" / f"{model_id}.yaml").read_text(encoding="utf-8")
    statement = re.search(r"^\s*(?:- )?statement: (.+)$", text, re.M)
    if not statement:
        raise RuntimeError(f"no statement in facts/{model_id}.yaml")
    return max(re.findall(r"[A-Za-z]{4,}", statement.group(1)), key=len).lower()


def measure(site: Path, model_id: str, word: str, runs: int) -> dict:
    """Median (and every run's) seconds from the first key to the first result, and bytes for search."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Counting, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/models/{model_id}/index.html"
    seconds: list[float] = []
    sizes: list[int] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                _Counting.served[0] = 0
                page.goto(url, wait_until="load")
                page.locator(".md-search__input").click()
                start = time.perf_counter()
                page.keyboard.type(word)
                page.locator(".md-search-result__item").first.wait_for(timeout=120_000)
                seconds.append(time.perf_counter() - start)
                sizes.append(_Counting.served[0])
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {
        "query": word,
        "runs_s": [round(s, 3) for s in seconds],
        "median_s": round(statistics.median(seconds), 3),
        "bytes": sizes,
        "median_bytes": int(statistics.median(sizes)),
    }


def index_only(root: Path, out: Path) -> dict:
    """The indexer as on_post_build runs it, on an already checked base: its seconds and Pagefind's peak."""
    import resource

    from modelfacts import searchindex
    from modelfacts.check import check_root

    base = check_root(root).base
    start = time.perf_counter()
    found = searchindex.entries(base)
    searchindex.write(found, out)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    size = sum(f.stat().st_size for f in (out / searchindex.FOLDER).rglob("*") if f.is_file())
    return {
        "entries": len(found),
        "seconds": round(seconds, 3),
        "pagefind_peak_mib": round(peak / 1024, 1),
        "bytes": size,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(index_only(Path(sys.argv[1]), Path(sys.argv[2]))))
