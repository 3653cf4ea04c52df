#!/usr/bin/env python3
"""Write the "bare" twin of a project root: the very pages the hooks generate, as plain Markdown files.

    python benchmarks/bare.py ROOT DEST

DEST gets the same mkdocs.yml without `hooks:` and `watch:` (generated model and source pages are
listed under `not_in_nav`, as the hooks mark them), the same docs/ and overrides/, and in docs/
every generated page (with YAML front matter holding exactly what the hooks' on_page_markdown puts
into page.meta: title, description, JSON-LD) and every data file. `mkdocs build` of DEST is the floor for MkDocs + Material.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

REPO = Path(__file__).resolve().parent.parent
try:
    from modelfacts.check import check_root
except ImportError:  # without the editable install
    sys.path.insert(0, str(REPO / "hooks"))
    from modelfacts.check import check_root
from modelfacts.html import esc
from modelfacts.problems import ERROR
from modelfacts.site import render_site

NOT_IN_NAV = """not_in_nav: |
  /models/*/index.md
  /sources/*/index.md
  /licences/*/index.md
  /frameworks/*/index.md
  /changes/index.md
"""
_DROP = ("hooks", "watch")


def bare_config(text: str) -> str:
    """mkdocs.yml without its top-level hooks: and watch: blocks, plus not_in_nav."""
    out, skipping = [], False
    for line in text.splitlines(keepends=True):
        top = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if top:
            skipping = top.group(1) in _DROP
        elif skipping and line.strip() and not line[0].isspace() and not line.startswith("-"):
            skipping = False
        if not skipping:
            out.append(line)
    return "".join(out).rstrip("\n") + "\n" + NOT_IN_NAV


def page_meta(root: Path, pages: list) -> dict[str, dict]:
    """page.meta as the hooks set it, per page: their own on_page_markdown run on stand-in pages."""
    try:
        spec = importlib.util.spec_from_file_location("_bench_hooks", root / "hooks" / "mkdocs_hooks.py")
        hooks = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(hooks)
        hooks._state.update(pages={p.src_uri: p for p in pages}, errors=[])
        metas = {}
        for p in pages:
            stand_in = SimpleNamespace(file=SimpleNamespace(src_uri=p.src_uri), meta={})
            hooks.on_page_markdown(p.html, stand_in, None, None)
            metas[p.src_uri] = stand_in.meta
        return metas
    except Exception as exc:  # the hooks changed shape: fall back to what they set today
        print(
            f"bare.py: could not run the hooks' on_page_markdown ({exc!r}); using title and description",
            file=sys.stderr,
        )
        return {p.src_uri: {"title": esc(p.title), "description": esc(p.description)} for p in pages}


def front_matter(meta: dict) -> str:
    """YAML front matter giving page.meta the same values (JSON is valid YAML)."""
    if not meta:
        return ""
    lines = "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in meta.items())
    return f"---\n{lines}---\n\n"


def write_bare(root: Path, dest: Path) -> dict:
    root, dest = Path(root), Path(dest)
    result = check_root(root)
    errors = [p for p in result.problems if p.severity == ERROR]
    if errors:
        raise SystemExit(f"{root} has {len(errors)} error(s); run `modelfacts check --root {root}`")
    site = render_site(result.base, "")
    metas = page_meta(root, site.pages)
    for name in ("docs", "overrides", "site"):
        shutil.rmtree(dest / name, ignore_errors=True)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(root / "docs", dest / "docs")
    if (root / "overrides").is_dir():
        shutil.copytree(root / "overrides", dest / "overrides")
    (dest / "mkdocs.yml").write_text(bare_config((root / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    for page in site.pages:
        path = dest / "docs" / page.src_uri
        if path.exists():
            raise SystemExit(f"docs/{page.src_uri} exists in {root}: it would hide a generated page")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front_matter(metas[page.src_uri]) + page.html, encoding="utf-8")
    for rel, content in site.data.items():
        path = dest / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return {"pages": len(site.pages), "data_files": len(site.data)}


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    print(json.dumps(write_bare(Path(sys.argv[1]), Path(sys.argv[2]))))
