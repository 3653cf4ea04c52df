"""A small project whose claims assert openness: several developers, every verdict (a disputed one
and an unknown model among them) and every licence class, for the matrix's unit and browser tests.

The real fact base gets its `openness` fields from curation; these tests must not wait for it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import Project, dump, new_project, publishers_record, source_record

from modelfacts.check import check_root

LICENCES_HEADER = "# yaml-language-server: $schema=../schemas/licences.schema.json\n"

ARTICLES = {
    "acme-open-news": (
        "Acme Labs published the Acme Open weights for anyone to download.\n"
        "Acme Open is released under the Apache 2.0 licence.\n"
        "Its training and inference code is on GitHub under the MIT licence.\n"
        "The training data sources are listed by name, but the data itself is not published.\n"
        "A technical report describes the model.\n"
    ),
    "bolt-chat-news": (
        "Bolt Chat is only available through Bolt AI's paid API.\n"
        "Bolt AI has not published the weights of Bolt Chat.\n"
        "Use of Bolt Chat is governed by Bolt AI's terms of service.\n"
        "Bolt AI documents Bolt Chat only in its API reference.\n"
    ),
    "bolt-mini-news": (
        "Bolt Mini's weights can be downloaded by anyone from Bolt's site.\n"
        "Bolt Mini ships under the Bolt Community Licence, which bars services with more than 1,000 users.\n"
    ),
    "bolt-mini-review": "A review says Bolt Mini's weights are only given to approved researchers on request.\n",
}
"""Each article's text; each is published by an outlet independent of the developers."""


def claim(ident: str, statement: str, topic: str, source: str, quote: str, **openness: str) -> dict:
    """A current claim with one supporting citation, rated as the rubric rates one such article."""
    return {
        "id": ident,
        "statement": statement,
        "topic": topic,
        "confidence": "medium",
        "status": "current",
        "citations": [{"source": source, "stance": "supports", "quote": quote}],
        "openness": {k.replace("_", "-"): v for k, v in openness.items()},
    }


def model(ident: str, name: str, developers: list[str], claims: list[dict], family: str | None = None) -> dict:
    return {
        "id": ident,
        "name": name,
        "developers": developers,
        **({"family": family} if family else {}),
        "modality": ["text"],
        "aliases": [],
        "claims": claims,
    }


MODELS = [
    model(
        "acme-open",
        "Acme Open",
        ["acme-labs"],
        [
            claim(
                "weights",
                "Acme Open's weights can be downloaded by anyone.",
                "weights",
                "acme-open-news",
                "Acme Labs published the Acme Open weights for anyone to download.",
                weights="open",
                access="open",
            ),
            claim(
                "licence",
                "Acme Open is released under Apache 2.0.",
                "license",
                "acme-open-news",
                "Acme Open is released under the Apache 2.0 licence.",
                licence="Apache-2.0",
            ),
            claim(
                "code",
                "Acme Open's training and inference code is published under MIT.",
                "training",
                "acme-open-news",
                "Its training and inference code is on GitHub under the MIT licence.",
                code="open",
            ),
            claim(
                "data",
                "Acme Open's training data sources are named but the data is not published.",
                "training",
                "acme-open-news",
                "The training data sources are listed by name, but the data itself is not published.",
                data="partial",
            ),
            claim(
                "report",
                "A technical report describes Acme Open.",
                "release",
                "acme-open-news",
                "A technical report describes the model.",
                documentation="open",
            ),
        ],
    ),
    model(
        "bolt-chat",
        "Bolt Chat",
        ["bolt-ai"],
        [
            claim(
                "api-only",
                "Bolt Chat is used only through Bolt AI's paid API.",
                "availability",
                "bolt-chat-news",
                "Bolt Chat is only available through Bolt AI's paid API.",
                access="partial",
            ),
            claim(
                "no-weights",
                "Bolt AI has not published Bolt Chat's weights.",
                "weights",
                "bolt-chat-news",
                "Bolt AI has not published the weights of Bolt Chat.",
                weights="closed",
                code="closed",
            ),
            claim(
                "terms",
                "Bolt Chat is governed by Bolt AI's terms of service.",
                "license",
                "bolt-chat-news",
                "Use of Bolt Chat is governed by Bolt AI's terms of service.",
                licence="LicenseRef-Bolt-Terms",
            ),
            claim(
                "api-docs",
                "Bolt Chat is documented only in Bolt AI's API reference.",
                "release",
                "bolt-chat-news",
                "Bolt AI documents Bolt Chat only in its API reference.",
                documentation="partial",
            ),
        ],
        family="Bolt",
    ),
    model(
        "bolt-mini",
        "Bolt Mini",
        ["bolt-ai", "acme-labs"],
        [
            claim(
                "download",
                "Anyone can download Bolt Mini's weights.",
                "weights",
                "bolt-mini-news",
                "Bolt Mini's weights can be downloaded by anyone from Bolt's site.",
                weights="open",
            ),
            claim(
                "on-request",
                "Bolt Mini's weights are given only to approved researchers.",
                "weights",
                "bolt-mini-review",
                "Bolt Mini's weights are only given to approved researchers on request.",
                weights="partial",
            ),
            claim(
                "licence",
                "Bolt Mini's licence bars services with more than 1,000 users.",
                "license",
                "bolt-mini-news",
                "Bolt Mini ships under the Bolt Community Licence, which bars services with more than 1,000 users.",
                licence="LicenseRef-Bolt-Community",
            ),
        ],
        family="Bolt",
    ),
]
"""Acme Open: open nearly everywhere; Bolt Chat: closed, a proprietary licence; Bolt Mini (two developers):
weights disputed, a restricted licence. The conftest's Widget-1 asserts nothing: every verdict unknown."""

LICENCES = {
    "licences": [
        {
            "id": "Apache-2.0",
            "name": "Apache License 2.0",
            "class": "open",
            "reason": "OSI-approved.",
            "not_stored": "Published at apache.org; the text is not stored here.",
            "terms": [],
        },
        {
            "id": "LicenseRef-Bolt-Community",
            "name": "Bolt Community Licence",
            "class": "restricted",
            "reason": "Services with more than 1,000 users are barred.",
            "not_stored": "Bolt AI publishes it on its site; the text is not stored here.",
            "terms": ["bolt-mini#licence"],
        },
        {
            "id": "LicenseRef-Bolt-Terms",
            "name": "Bolt AI Terms of Service",
            "class": "proprietary",
            "reason": "Terms of a service: no licence to the weights.",
            "not_stored": "Bolt AI publishes them on its site; the text is not stored here.",
            "terms": [],
        },
    ]
}

REGISTRY = publishers_record(
    ("acme-labs", "Acme Labs"),
    ("acme-wire", "Acme Wire"),
    ("bolt-ai", "Bolt AI"),
    ("rival-times", "Rival Times"),
)


def openness_project(root: Path, *, with_site: bool = True) -> Project:
    """The conftest project (Widget-1, asserting nothing) and the three models above."""
    project = new_project(root, with_site=with_site)
    project.write_publishers(REGISTRY)
    for ident, text in ARTICLES.items():
        publisher = "rival-times" if ident == "bolt-mini-review" else "acme-wire"
        project.write_source(source_record(ident, f"{ident}.txt", text, publisher=publisher), text)
    for data in MODELS:
        project.write_model(data)
    project.write("seeds/licences.yaml", dump(LICENCES, LICENCES_HEADER))
    return project


@pytest.fixture(scope="module", name="fact_base")
def checked_openness_base(tmp_path_factory):
    """The openness project, checked once per test module: its fact base (it must check clean)."""
    root = tmp_path_factory.mktemp("openness-project")
    openness_project(root, with_site=False)
    result = check_root(root)
    assert not result.problems, [p.text() for p in result.problems]
    return result.base


def tree(html: str) -> ET.Element:
    """The page as a tree: its HTML is well-formed (every element closed, references numeric or XML's)."""
    return ET.fromstring(html)
