"""The real fact base: it passes every rule, its schemas are current, and it is complete enough."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO

from modelfacts import kinds, schemas
from modelfacts.check import check_root


@pytest.fixture(scope="module")
def real():
    return check_root(REPO)


def test_real_fact_base_is_clean(real):
    # The old "(outside these sources)" asides warn until they move to unchecked_context (issue #14);
    # then nothing at all is reported again.
    assert [p.text() for p in real.problems if p.rule != "aside-unmarked"] == []
    assert {p.severity for p in real.problems} <= {"warning"}


def test_committed_schemas_match_the_rubric():
    for name in schemas.SCHEMAS:
        assert (REPO / "schemas" / name).read_text(encoding="utf-8") == schemas.render(name), (
            f"schemas/{name} is stale: run `make schemas`"
        )


def test_seeds_are_the_shared_articles_byte_for_byte(real):
    shared = REPO.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for article in shared.glob("*.txt"):
        assert (REPO / "seeds" / article.name).read_bytes() == article.read_bytes()
    assert {s.file for s in real.base.sources.values()} == {p.name for p in shared.glob("*.txt")}


@pytest.mark.parametrize("kind", kinds.KINDS, ids=lambda k: k.schema_file)
def test_check_jsonschema_accepts_the_real_files(kind):
    files = [str(r.path) for r in kinds.record_files(REPO) if r.kind is kind]
    schema = kind.schema_file
    assert files
    exe = Path(sys.executable).parent / "check-jsonschema"
    out = subprocess.run(
        [str(exe), "--schemafile", str(REPO / "schemas" / schema), *files], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_check_jsonschema_rejects_what_our_schema_rejects(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((REPO / "tests/fixtures/facts/schema--confidence-vocabulary.yaml").read_text())
    exe = Path(sys.executable).parent / "check-jsonschema"
    out = subprocess.run(
        [str(exe), "--schemafile", str(REPO / "schemas/model.schema.json"), str(bad)], capture_output=True, text=True
    )
    assert out.returncode == 1


def test_curated_minimums(real):
    """What the five articles support (issue 4); raise these as the curation grows, never pad."""
    base = real.base
    claims = [c for _, c in base.claims]
    assert len(base.models) >= 34
    assert len(claims) >= 95
    assert sum(c.status == "disputed" for c in claims) >= 7
    cited = Counter(s for c in claims for s in {x.source for x in c.citations})
    assert set(cited) == set(base.sources) and min(cited.values()) >= 6, cited


def test_low_ratings_explain_themselves(real):
    for model, claim in real.base.claims:
        if claim.confidence in ("low", "very low") or claim.status != "current":
            assert claim.rationale and len(claim.rationale.split()) >= 5, f"{model.id}#{claim.id}"


def test_every_claim_respects_the_ceiling(real):
    from modelfacts import rubric

    for _, claim in real.base.claims:
        assert not rubric.exceeds(claim.confidence, real.base.assess(claim).ceiling)


def _fields(schema: dict, path: str = ""):
    for name, sub in schema.get("properties", {}).items():
        yield f"{path}{name}", sub
    for name, sub in schema.get("$defs", {}).items():
        yield from _fields(sub, f"{name}.")


@pytest.mark.parametrize("name", list(schemas.SCHEMAS))
def test_every_schema_field_has_a_description_and_examples(name):
    """Editors show these as you type (issue 7: editor support)."""
    for field, sub in _fields(schemas.SCHEMAS[name]()):
        assert sub.get("description"), field
        assert sub.get("examples"), field
