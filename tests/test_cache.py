"""The serve cache: one object, one clear(), and nothing kept without it."""

from __future__ import annotations

import dataclasses

from modelfacts.cache import Cache


def test_clear_empties_every_part():
    cache = Cache()
    parts = [f.name for f in dataclasses.fields(cache)]
    assert parts == ["checked", "pages", "written", "commits", "search"]
    for name in parts:
        getattr(cache, name)["x"] = 1
    cache.clear()
    assert all(getattr(cache, name) == {} for name in parts)


def test_each_cache_has_its_own_parts():
    one, two = Cache(), Cache()
    one.pages["x"] = 1
    assert two.pages == {}


def test_the_hooks_keep_one_cache_and_build_passes_none():
    from conftest import REPO

    hooks = (REPO / "hooks" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    assert hooks.count("Cache()") == 1
    assert 'cache = _CACHE if _state["serve"] else None' in hooks


def test_without_a_cache_render_site_keeps_no_view_and_the_hooks_hand_each_page_on(monkeypatch):
    """`mkdocs build` keeps nothing: the site's pages are let go of as MkDocs takes them."""
    import importlib.util
    import types

    from conftest import REPO
    from inmemory import base

    from modelfacts.site import render_site

    cache = Cache()
    render_site(base(), cache=cache)
    assert cache.pages, "under serve, every page is kept by its view"
    spec = importlib.util.spec_from_file_location("_hooks_under_test", REPO / "hooks" / "mkdocs_hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    site = render_site(base())
    page = site.pages[0]
    monkeypatch.setattr(hooks, "_state", {"serve": False, "site": site, "banner": "", "pages": {}})
    hooks._state["pages"] = {p.src_uri: p for p in site.pages}  # what on_files leaves
    stub = types.SimpleNamespace(file=types.SimpleNamespace(src_uri=page.src_uri), present_anchor_ids=None, meta={})
    assert hooks.on_page_content("", stub, None, None) == page.html
    assert page.src_uri not in hooks._state["pages"]
