"""urls: where pages live, their anchors, and the links between them."""

from __future__ import annotations

import pytest

from modelfacts.urls import (
    cite_anchor,
    claim_url,
    disputed_anchor,
    href,
    model_url,
    source_url,
    topic_anchor,
    url_file,
)


def test_page_urls_and_anchors():
    assert model_url("gemma") == "models/gemma/"
    assert source_url("acme-news") == "sources/acme-news/"
    assert cite_anchor("gemma", "released", 2) == "cite--gemma--released--2"
    assert disputed_anchor("gemma", "open-weights") == "gemma--open-weights"
    assert topic_anchor("context-window") == "topic_context-window"


def test_claim_url_is_the_model_folder_and_anchor_absolute_with_a_site_url():
    assert claim_url("gemma", "released") == "models/gemma/#released"
    assert claim_url("gemma", "released", "https://facts.example/") == "https://facts.example/models/gemma/#released"


@pytest.mark.parametrize(
    "url, file",
    [
        ("", "index.html"),
        ("models/", "models/index.html"),
        ("models/x/", "models/x/index.html"),
        ("feed.xml", "feed.xml"),
    ],
)
def test_url_file(url, file):
    assert url_file(url) == file


@pytest.mark.parametrize(
    "here, there, anchor, link",
    [
        ("", "models/", "", "models/index.html"),
        ("", "feed.xml", "", "feed.xml"),
        ("models/a/", "models/b/", "", "../b/index.html"),
        ("models/a/", "", "", "../../index.html"),
        ("sources/s/", "models/m/", "claim", "../../models/m/index.html#claim"),
        ("models/", "models/a/", "", "a/index.html"),
        ("models/a/", "models/a/", "claim", "#claim"),
        ("downloads/", "data/claims.json", "", "../data/claims.json"),
        ("disputed/", "models/m/", "c", "../models/m/index.html#c"),
    ],
)
def test_links_name_the_page_file(here, there, anchor, link):
    assert href(here, there, anchor) == link
