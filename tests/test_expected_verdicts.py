"""The computed verdicts against an independent reviewer's, written from the documents alone before any
verdict code existed (reviews/2026-12-01-expected-verdicts.yaml).

The reviewer described code, data, documentation and access in words; TRANSLATE turns those words into
this project's values by the definitions of openness.py (written before this test, and printed on the
methodology page). Where the computed verdict differs, DIFFERENCES must say why, and a difference that
no longer occurs fails the test, so the list cannot go stale.
"""

from __future__ import annotations

from functools import cache

import pytest
import yaml
from conftest import REPO

from modelfacts import openness
from modelfacts.check import check_root

FIXTURE = REPO / "reviews" / "2026-12-01-expected-verdicts.yaml"

MODELS = {
    "LLaMA (v1)": ("llama-1",),
    "Llama 2:": ("llama-2",),
    "Meta Llama 3:": ("llama-3-8b", "llama-3-70b"),
    "Llama 3.1:": ("llama-3-1-8b-instruct", "llama-3-1-70b", "llama-3-1-405b"),
    "Llama 3.2 text models": ("llama-3-2-1b-instruct", "llama-3-2-3b-instruct"),
    "Llama 3.3:": ("llama-3-3-70b",),
    "Llama 4 Scout": ("llama-4-scout",),
    "Llama 4 Maverick": ("llama-4-maverick",),
    "Gemma (first generation)": ("gemma",),
    "CodeGemma": ("codegemma",),
    "Gemma 2:": ("gemma-2",),
    "Gemma 3:": ("gemma-3",),
    "Gemma 4:": ("gemma-4",),
    "Gemini API models": (
        "gemini-3-7-flash",
        "gemini-3-6-flash",
        "gemini-3-5-flash",
        "gemini-3-5-flash-lite",
        "gemini-3-1-pro-preview",
        "gemini-3-flash-preview",
        "gemini-3-1-flash-lite",
        "gemini-2-5-pro",
        "gemini-2-5-flash",
        "gemini-2-5-flash-lite",
        "gemini-2-0-flash",
        "gemini-2-0-flash-lite",
        "gemini-1-5-pro",
        "gemini-1-5-flash",
    ),
    "Grok-1": ("grok-1",),
    "gpt-oss-120b": ("gpt-oss-120b",),
    "gpt-oss-20b": ("gpt-oss-20b",),
    "GPT-2:": ("gpt-2",),
    "Mistral 7B": ("mistral-7b",),
    "Mixtral 8x7B": ("mixtral-8x7b",),
    "Mixtral 8x22B": ("mixtral-8x22b",),
    "Codestral 22B": ("codestral-22b",),
    "Codestral Mamba": ("codestral-mamba-7b",),
    "Mathstral": ("mathstral-7b",),
    "Mistral Nemo": ("mistral-nemo",),
    "Mistral Large 2": ("mistral-large-2",),
    "Pixtral 12B": ("pixtral-12b", "pixtral-large"),
    "Mistral Small 3.1": ("mistral-small-3-1",),
    "Stable Diffusion v1": ("stable-diffusion-v1",),
    "Stable Diffusion 2.x": ("stable-diffusion-2",),
    "DeepSeek-V3": ("deepseek-v3",),
    "DeepSeek-R1 and": ("deepseek-r1", "deepseek-r1-zero"),
    "DeepSeek-R1-Distill-Qwen": ("deepseek-r1-distill-qwen",),
    "DeepSeek-R1-Distill-Llama": ("deepseek-r1-distill-llama-8b", "deepseek-r1-distill-llama-70b"),
    "Qwen3 (2504)": ("qwen3",),
    "Qwen3-2507": ("qwen3-2507",),
}
"""The fixture's rows (by the start of their `model`) and the fact files they are about."""

NO_FACT_FILE = {
    "Llama 3.2 multimodal models": "no stored document names them, so no fact file holds them",
    "Gemma 3n": "named only as a target of the gemma JAX library; no document gives its own facts",
    "Diffusion Gemma": "named only in a list of Google's models; no document gives its own facts",
}

SPDX = {
    "deepseek-r1-distill-llama-8b": "MIT AND LicenseRef-Llama-3.1-Community",
    "deepseek-r1-distill-llama-70b": "MIT AND LicenseRef-Llama-3.3-Community",
}
"""Where one fixture row gives a licence per size."""


def translate(dimension: str, words: str) -> str:
    """The reviewer's words for a dimension, as this project's value (openness.DIMENSIONS' definitions)."""
    words = words.strip()
    if words.startswith("unknown"):
        return "unknown"
    if dimension == "weights":
        return words
    if dimension == "code":
        # `open` needs training and inference code under OSI terms; every row describes inference or
        # example code only, or a non-OSI or unstated licence
        return "partial"
    if dimension == "data":
        return {"published": "open", "described": "partial", "summary": "closed"}[words]
    if dimension == "documentation":
        return "open" if words.startswith(("model card", "technical report")) else "partial"
    if dimension == "access":
        if words.startswith("download"):
            return "partial" if "approv" in words else "open"
        return "partial" if words.startswith(("API only", "API")) else "closed"
    raise AssertionError(dimension)


DIFFERENCES: dict[tuple[str, str], str] = {
    # ---------------------------------------------------------------- Meta, Google, xAI
    ("gemma-4", "licence"): "No stored Google document names the Gemma 4 weights' licence; only Daily Neural Digest "
    "(machine-generated, rated low) does, as Apache 2.0, so the verdict is open at low confidence.",
    # ---------------------------------------------------------------- OpenAI, Mistral AI, Stable Diffusion, DeepSeek, Qwen
}
"""(model id, dimension) → why the computed verdict differs from the reviewer's."""


@cache
def verdicts() -> dict:
    return check_root(REPO).base.verdicts


def rows() -> list[dict]:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    by_name = {row["model"]: row for row in data}
    for row in data:
        if "same_as" in row:
            row.update({k: v for k, v in by_name[row["same_as"]].items() if k not in row})
    return data


def expectations():
    for row in rows():
        name = row["model"]
        if any(name.startswith(k) for k in NO_FACT_FILE):
            continue
        ids = next(ids for prefix, ids in MODELS.items() if name.startswith(prefix))
        for model in ids:
            for dimension in (d.id for d in openness.DIMENSIONS):
                cell = row[dimension]
                if dimension == openness.LICENCE:
                    spdx = None if cell["id"] == "unknown" else SPDX.get(model, cell["id"])
                    value = openness.CLASS_VALUE.get(cell["class"], "unknown")
                    yield pytest.param(model, dimension, value, spdx, id=f"{model}-{dimension}")
                else:
                    yield pytest.param(
                        model, dimension, translate(dimension, str(cell["value"])), None, id=f"{model}-{dimension}"
                    )


def test_every_fixture_row_is_mapped():
    for row in rows():
        name = row["model"]
        assert sum(name.startswith(p) for p in [*MODELS, *NO_FACT_FILE]) == 1, name
    known = set(verdicts())
    assert {m for ids in MODELS.values() for m in ids} <= known


@pytest.mark.parametrize("model, dimension, value, spdx", list(expectations()))
def test_computed_verdict_agrees_with_the_reviewer(model, dimension, value, spdx):
    verdict = verdicts()[model][dimension]
    computed = (verdict.verdict, verdict.spdx if dimension == openness.LICENCE else None)
    expected = (value, spdx)
    if (model, dimension) in DIFFERENCES:
        assert computed != expected, f"{model} {dimension} now agrees: remove it from DIFFERENCES"
    else:
        assert computed == expected, f"{model} {dimension}: computed {computed}, the reviewer expected {expected}"


def test_every_difference_is_explained():
    assert all(reason.strip() for reason in DIFFERENCES.values())


def test_every_model_has_a_verdict_on_every_dimension_and_each_decided_one_names_its_claims():
    base = check_root(REPO).base
    claims = {(m.id, c.id) for m, c in base.claims}
    assert set(verdicts()) == {m.id for m in base.models}
    for model, by_dimension in verdicts().items():
        assert list(by_dimension) == [d.id for d in openness.DIMENSIONS], model
        for dimension, verdict in by_dimension.items():
            assert verdict.verdict in openness.VERDICTS
            if verdict.winner is None:
                assert verdict.verdict == "unknown" and not verdict.rests_on, (model, dimension)
            else:
                assert verdict.rests_on and all((a.model.id, a.claim.id) in claims for a in verdict.rests_on)
