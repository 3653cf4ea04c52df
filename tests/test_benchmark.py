"""The benchmark's synthetic fact base is valid, canonical and deterministic, and run.py works end to end."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, build_env, run_cli

from modelfacts import kinds, openness
from modelfacts.check import check_root

BENCH = REPO / "benchmarks"


def _module(name: str, file: str):
    spec = importlib.util.spec_from_file_location(name, BENCH / file)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


synth = _module("bench_synth", "synth.py")
bare = _module("bench_bare", "bare.py")
bench_run = _module("bench_run", "run.py")  # it imports synth.py itself, from benchmarks/


def synthesize(out: Path, models: int = 5, claims: int = 4, sources: int = 3, *extra: str) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "synth.py"),
            "--models",
            str(models),
            "--claims",
            str(claims),
            "--sources",
            str(sources),
            "--out",
            str(out),
            *extra,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def mkdocs_build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env=build_env(),
    )


def load_all(root: Path, folder: str) -> dict[str, dict]:
    """The records of one kind: models in facts/, sources in seeds/ (not the publishers registry nor the
    licence table)."""
    return {
        r.path.stem: yaml.safe_load(r.path.read_text(encoding="utf-8"))
        for r in kinds.record_files(root)
        if r.kind.folder == folder and r.kind in (kinds.MODEL, kinds.SOURCE)
    }


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("synth") / "root"
    synthesize(root)
    return root


def test_small_base_checks_clean_and_builds_strict(small: Path):
    checked = run_cli("check", "--root", str(small))
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == ""
    assert "0 error(s), 0 warning(s)" in checked.stderr
    built = mkdocs_build(small)
    assert built.returncode == 0, built.stderr
    assert (small / "site" / "models" / synth.model_id(1, 0) / "index.html").is_file()


def test_small_base_is_in_the_canonical_layout(small: Path):
    formatted = run_cli("fmt", "--check", "--root", str(small))
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_base_is_realistic(tmp_path: Path):
    """Larger than the smoke size, so every feature the brief asks for shows up."""
    root = tmp_path / "root"
    synthesize(root, 30, 6, 12)
    assert run_cli("check", "--root", str(root)).returncode == 0
    sources = load_all(root, "seeds")
    models = load_all(root, "facts")
    articles = {ident for ident, rec in sources.items() if rec["document"] == "article"}
    assert len(models) == 30 and len(articles) == 12
    assert {rec["document"] for ident, rec in sources.items() if ident not in articles} == {"licence"}
    for record in kinds.record_files(root):
        path = record.path
        text = path.read_text(encoding="utf-8")
        assert text.startswith(record.kind.header + "\n")
        for line in text.splitlines():
            if line.strip().startswith(("date:", "published:")) and not line.endswith("null"):
                assert line.split(": ", 1)[1].startswith('"'), f"unquoted date in {path.name}: {line}"
    texts = {}
    for ident, rec in sources.items():
        raw = (root / "seeds" / rec["file"]).read_bytes()
        assert ident not in articles or 2000 < len(raw) < 12000
        texts[ident] = raw.decode("utf-8")
    claims = [c for m in models.values() for c in m["claims"]]
    stances = {x["stance"] for c in claims for x in c["citations"]}
    assert stances == {"supports", "contradicts", "predicts", "mentions"}
    assert any(c["status"] == "disputed" for c in claims)
    assert len({c["confidence"] for c in claims}) >= 4
    for c in claims:
        for x in c["citations"]:
            assert x["quote"] in texts[x["source"]]  # exact substrings, not merely after folding
        if any(x["stance"] == "contradicts" for x in c["citations"]):
            assert c["status"] == "disputed" and c.get("rationale")
        if c["confidence"] in ("low", "very low"):
            assert c.get("rationale")


def test_base_asserts_openness_with_every_verdict_and_some_history(tmp_path: Path):
    """Claims assert every dimension, licences come from a checked table, and the verdicts computed on
    the base take every value, disputes and history included: the pages the benchmark builds show them all."""
    root = tmp_path / "root"
    synthesize(root, 40, 12, 12)
    result = check_root(root)
    assert [p for p in result.problems if p.severity == "error"] == []
    base = result.base
    asserted = {d for _, c in base.claims for d, _ in c.openness}
    assert asserted == {d.id for d in openness.DIMENSIONS}
    verdicts = [v for by_dimension in base.verdicts.values() for v in by_dimension.values()]
    assert {v.verdict for v in verdicts} == set(openness.VERDICTS)
    assert any(v.history for v in verdicts)
    assert any(step.assertion.claim.status == "superseded" for v in verdicts for step in v.history)
    assert any(v.verdict == "disputed" and v.against for v in verdicts)
    assert any(" AND " in (v.spdx or "") for v in verdicts)
    table = base.licences
    assert table is not None and 15 <= len(table.licences) <= 25
    assert {e.licence_class for e in table.licences} == set(openness.LICENCE_CLASSES)
    assert any(e.id.startswith("LicenseRef-") for e in table.licences)
    stored = [e for e in table.licences if e.text]
    assert stored and any(e.not_stored for e in table.licences)
    assert all(base.sources[e.text].document == "licence" for e in stored)
    claims = {f"{m.id}#{c.id}": c for m, c in base.claims}
    terms = [ref for e in table.licences for ref in e.terms]
    assert terms and all(claims[ref].topic == "license" for ref in terms)


def test_hostile_case_has_hostile_licences_and_only_the_scrambled_quotes_fail(tmp_path: Path):
    hostile = _module("bench_hostile", "hostile.py")
    hostile.generate(tmp_path, 3, 40, 4)
    checked = run_cli("check", "--root", str(tmp_path))
    assert "3 error(s), 0 warning(s)" in checked.stderr, checked.stdout[-3000:]
    assert checked.stdout.count("error[quote-verbatim]") == 3
    table = yaml.safe_load((tmp_path / "seeds" / "licences.yaml").read_text(encoding="utf-8"))["licences"]
    ids = {e["id"] for e in table}
    assert {"LicenseRef-..", "LicenseRef-.-+."} <= ids and max(map(len, ids)) > 200
    assert any("<script>" in e["name"] for e in table) and any("\u202e" in e["reason"] for e in table)
    base = check_root(tmp_path).base
    assert base.verdicts["hostile"]["licence"].spdx in hostile.EXPRESSIONS


def test_bench_quick_is_250_and_1000_models_and_make_runs_it():
    quick, full = bench_run.parse_args(["--quick"]), bench_run.parse_args([])
    assert (quick.sizes, quick.runs) == ([250, 1000], 2)
    assert (full.sizes, full.runs) == ([100, 1000, 3000], 3)
    assert bench_run.parse_args(["--quick", "--runs", "5"]).runs == 5
    makefile = (REPO / "Makefile").read_text()
    recipes = dict(re.findall(r"^([\w-]+):[^\n]*\n\t([^\n]+)", makefile, re.M))
    assert recipes["bench-quick"] == "$(BIN)/python benchmarks/run.py --quick"
    assert recipes["bench"] == "$(BIN)/python benchmarks/run.py"
    assert "bench-quick" in re.search(r"^\.PHONY:(.*)$", makefile, re.M).group(1).split()


def test_generation_is_deterministic_and_model_zero_does_not_depend_on_n(tmp_path: Path):
    synthesize(tmp_path / "a", 5, 4, 3)
    synthesize(tmp_path / "b", 5, 4, 3)
    synthesize(tmp_path / "c", 8, 4, 3)
    for folder in ("facts", "seeds"):
        a = {p.name: p.read_bytes() for p in (tmp_path / "a" / folder).rglob("*") if p.is_file()}
        b = {p.name: p.read_bytes() for p in (tmp_path / "b" / folder).rglob("*") if p.is_file()}
        assert a == b
    first = f"facts/{synth.model_id(1, 0)}.yaml"
    assert (tmp_path / "a" / first).read_bytes() == (tmp_path / "c" / first).read_bytes()


def test_refuses_to_overwrite_a_folder_it_did_not_write(tmp_path: Path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "mine.yaml").write_text("id: mine\n")
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "synth.py"),
            "--models",
            "1",
            "--claims",
            "1",
            "--sources",
            "1",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert (tmp_path / "facts" / "mine.yaml").exists()


def test_bare_twin_renders_the_same_pages(small: Path, tmp_path: Path):
    twin = tmp_path / "bare"
    bare.write_bare(small, twin)
    assert "hooks:" not in (twin / "mkdocs.yml").read_text()
    built = mkdocs_build(twin)
    assert built.returncode == 0, built.stderr
    if not (small / "site").is_dir():
        assert mkdocs_build(small).returncode == 0
    model = f"models/{synth.model_id(1, 0)}/index.html"
    hooked, plain = (small / "site" / model).read_text(), (twin / "site" / model).read_text()
    assert hooked.split("<title>")[1].split("</title>")[0] == plain.split("<title>")[1].split("</title>")[0]
    assert abs(len(hooked) - len(plain)) <= 0.05 * len(hooked)  # the same work, give or take


def test_bare_config_drops_hooks_and_watch_only():
    text = "site_name: X\nhooks:\n  - hooks/h.py\nwatch:\n- facts\n- seeds\nplugins:\n  - search\n"
    out = bare.bare_config(text)
    assert "hooks" not in out and "facts" not in out
    assert out.startswith("site_name: X\nplugins:\n  - search\n") and "not_in_nav:" in out


def test_edit_statement_changes_only_the_first_claim():
    text = 'claims:\n  - id: a\n    statement: "First."\n    topic: release\n  - id: b\n    statement: "Second."\n'
    out = bench_run.edit_statement(text, "tok1")
    assert out == text.replace('"First."', '"First (edited tok1)."')
    assert yaml.safe_load(out)["claims"][0]["statement"] == "First (edited tok1)."


def test_edit_token_is_one_new_word_per_run():
    tokens = {bench_run.edit_token(r) for r in range(3)}
    assert len(tokens) == 3
    assert all(re.fullmatch(r"bench[a-z]{9}", t) for t in tokens)  # letters only: one word to Pagefind


def test_lighthouse_table_reports_medians_per_site_and_page():
    got = {"page": "index.html", "median_performance": 87, "median_lcp_ms": 2400, "median_tbt_ms": 30}
    text = bench_run.lighthouse_table({"250": {"home": {**got, "runs": {"performance": [86, 87, 90]}}}})
    assert "not asserted" in text
    assert re.search(r"250\s+home\s+87\s+2400\s+30\s+\[86, 87, 90\]", text)


def test_lighthouse_failing_on_a_page_is_reported_as_none_and_the_others_still_run(tmp_path, monkeypatch):
    """On a loaded machine Lighthouse can time out on the large matrix: that page is None in that run."""
    audit = bench_run._load_audit()

    def run_lighthouse(base, chosen, out):
        (kind,) = chosen
        if kind == "openness":
            raise subprocess.CalledProcessError(1, ["lighthouse"])
        report = {"audits": {"largest-contentful-paint": {"numericValue": 2500.4}, "total-blocking-time": {}}}
        (out / f"lighthouse-{kind}.json").write_text(json.dumps(report))
        return [], {kind: {"performance": 0.91}}

    monkeypatch.setattr(audit, "run_lighthouse", run_lighthouse)
    monkeypatch.setattr(bench_run, "_load_audit", lambda: audit)
    for kind in ("index.html", "models/m/index.html", "sources/s/index.html", "openness/index.html"):
        (tmp_path / kind).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / kind).write_text("<html></html>")
    got = bench_run.bench_lighthouse(bench_run.parse_args(["--lighthouse-runs", "2"]), "test", tmp_path)
    assert got["model"]["runs"] == {"performance": [91, 91], "lcp_ms": [2500, 2500], "tbt_ms": [None, None]}
    assert (got["model"]["median_performance"], got["model"]["median_tbt_ms"]) == (91, None)
    assert got["openness"]["runs"]["performance"] == [None, None] and got["openness"]["median_lcp_ms"] is None
    assert re.search(r"test\s+openness\s+-\s+-\s+-", bench_run.lighthouse_table({"test": got}))


def test_run_end_to_end_at_tiny_size(tmp_path: Path):
    done = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--sizes",
            "3,6",
            "--runs",
            "1",
            "--claims",
            "3",
            "--sources",
            "3",
            "--work",
            str(tmp_path / "work"),
            "--results",
            str(tmp_path / "results"),
            "--timeout",
            "600",
            "--lighthouse-runs",
            "1",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads((tmp_path / "results" / "latest.json").read_text())
    measured = {(r["n"], r["tool"]) for r in result["results"] if r["runs_s"]}
    tools = set(bench_run.TOOLS) - {"search", "lighthouse"} | {"material-build", "search-index", "live-edit-index"}
    assert measured == {(n, t) for n in (3, 6) for t in tools}
    timed = {(r["n"], r["tool"]): r["median_s"] for r in result["results"]}
    for n in (3, 6):  # the edit reaches the search index after its page: on_post_build writes the index
        assert timed[(n, "live-edit-index")] >= timed[(n, "live-edit")]
    assert set(result["lighthouse"]) == {"3", "6", "real"}
    for site in result["lighthouse"].values():
        assert set(site) == {"home", "model", "source", "openness"}
        for got in site.values():
            assert 0 <= got["median_performance"] <= 100 and got["runs"]["performance"]
            assert got["median_lcp_ms"] > 0 and got["median_tbt_ms"] >= 0
    assert "Lighthouse, mobile" in done.stdout
    for n in ("3", "6"):
        searched = result["pages"][n]["search"]
        assert searched["pagefind"]["median_bytes"] > 0 and searched["material"]["median_bytes"] > 0
    assert all(r["peak_mib"] > 0 for r in result["results"])
    names = " ".join(x["ratio"] for x in result["ratios"])
    for part in (
        "check-jsonschema",
        "bare YAML",
        "bare build",
        "build(6) / build(3)",
        "model page HTML",
        "live edit",
        "peak memory",
        "search bytes at 6",
        "search time at 6 / at 3",
    ):
        assert part in names
    assert result["machine"]["cpu_count"] and result["machine"]["python"]
    for line in ("tool", "median s", "peak MiB"):
        assert line in done.stdout
