"""The serve cache: one object, one clear(), and nothing kept without it."""

from __future__ import annotations

import dataclasses

from modelfacts.cache import Cache


def test_clear_empties_every_part():
    cache = Cache()
    parts = [f.name for f in dataclasses.fields(cache)]
    assert parts == ["checked", "pages", "written", "commits"]
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
