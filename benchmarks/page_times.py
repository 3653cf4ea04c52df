#!/usr/bin/env python3
"""Where a `mkdocs build` spends its time, page by page: a profiling aid, not part of `make bench`.

    python benchmarks/page_times.py ROOT [--top 15]

Runs `mkdocs build` of ROOT/mkdocs.yml in this process with MkDocs' per-page steps timed
(_populate_page: Markdown → HTML; _build_page: template, search index entry, write) and the
hooks' on_config timed, then prints the totals, the slowest pages and the time per kind of page.
"""

from __future__ import annotations

import argparse
import os
import time
from collections import defaultdict
from pathlib import Path


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", type=Path)
    p.add_argument("--top", type=int, default=15)
    args = p.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

    from mkdocs import plugins
    from mkdocs.commands import build as mk_build
    from mkdocs.config import load_config

    times: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    events: dict[str, float] = defaultdict(float)

    def timed(step, fn):
        def wrapper(page, *a, **k):
            start = time.perf_counter()
            try:
                return fn(page, *a, **k)
            finally:
                times[page.file.src_uri][step] += time.perf_counter() - start

        return wrapper

    mk_build._populate_page = timed("markdown", mk_build._populate_page)
    mk_build._build_page = timed("template+search+write", mk_build._build_page)
    run_event = plugins.PluginCollection.run_event

    def timed_event(self, name, *a, **k):
        start = time.perf_counter()
        try:
            return run_event(self, name, *a, **k)
        finally:
            if name not in (
                "page_markdown",
                "page_content",
                "page_context",
                "post_page",
                "pre_page",
                "page_read_source",
            ):
                events[name] += time.perf_counter() - start

    plugins.PluginCollection.run_event = timed_event

    start = time.perf_counter()
    config = load_config(str(args.root / "mkdocs.yml"), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    mk_build.build(config)
    total = time.perf_counter() - start

    per_page = {uri: sum(steps.values()) for uri, steps in times.items()}
    print(f"total {total:.1f} s; pages {len(per_page)}: {sum(per_page.values()):.1f} s")
    for name, secs in sorted(events.items(), key=lambda x: -x[1]):
        if secs >= 0.05:
            print(f"  event {name:<22} {secs:7.2f} s")
    print(f"\nslowest {args.top} pages:")
    for uri, secs in sorted(per_page.items(), key=lambda x: -x[1])[: args.top]:
        steps = ", ".join(f"{k} {v:.2f}" for k, v in times[uri].items())
        print(f"  {secs:7.2f} s  {uri}  ({steps})")
    kinds: dict[str, list[float]] = defaultdict(list)
    for uri, secs in per_page.items():
        kind = uri.split("/")[0] if uri.count("/") >= 2 else uri  # models/<id>/index.md → models
        kinds[kind].append(secs)
    print("\nby kind of page:")
    for kind, secs in sorted(kinds.items(), key=lambda x: -sum(x[1])):
        print(f"  {sum(secs):7.2f} s  {kind:<22} {len(secs):5d} pages, {sum(secs) / len(secs):.3f} s each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
