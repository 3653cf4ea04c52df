"""`make audit` (.ci/audit.py): page kinds, the vnu allowlist, the Lighthouse threshold, and whole runs on a
tiny built site with a planted fault. The runs need java, vnu.jar and chromium: they fail when CI=true and
skip elsewhere when those are missing."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from browser import build_site
from conftest import REPO, build_env, new_project

AUDIT_PY = REPO / ".ci" / "audit.py"
_spec = importlib.util.spec_from_file_location("modelfacts_audit", AUDIT_PY)
audit = importlib.util.module_from_spec(_spec)
sys.modules["modelfacts_audit"] = audit
_spec.loader.exec_module(audit)

THEME_MESSAGE = audit.load_allowlist(audit.ALLOWLIST)[0]


def vnu_error(message: str, extract: str, path: str = "models/widget-1/index.html") -> dict:
    return {"type": "error", "message": message, "extract": extract, "path": path, "lastLine": 7, "firstColumn": 3}


# ------------------------------------------------------------------ page kinds


@pytest.mark.parametrize(
    "path, kind",
    [
        ("index.html", "home"),
        ("models/index.html", "models"),
        ("models/widget-1/index.html", "model"),
        ("sources/acme-news/index.html", "source"),
        ("licences/apache-2.0/index.html", "licence"),
        ("frameworks/osaid/index.html", "framework"),
        ("404.html", "404"),
        ("changes/index.html", "changes"),
        ("assets/vendor/iframe-worker/x.html", None),
    ],
)
def test_every_built_page_has_its_kind(path, kind):
    assert audit.kind_of(path) == kind


def test_a_missing_page_kind_is_a_finding_unless_optional():
    pages = {"home": ["index.html"], "model": ["models/big/index.html", "models/small/index.html"]}
    chosen, missing = audit.representatives(pages, ["home", "model", "disputed", "changes"])
    assert chosen == {"home": "index.html", "model": "models/big/index.html"}
    assert [(f.page, f.rule) for f in missing] == [("disputed", "missing-page")]


# ------------------------------------------------------------------ vnu and its allowlist


def test_the_committed_allowlist_gives_each_message_an_element_and_a_reason():
    entries = audit.load_allowlist(audit.ALLOWLIST)
    assert entries and all(e.message and e.element and len(e.reason) > 40 for e in entries)


def test_an_allowlist_entry_without_a_reason_is_refused(tmp_path):
    bad = tmp_path / "allow.yaml"
    bad.write_text(yaml.safe_dump([{"message": "m", "element": "e", "reason": " "}]))
    with pytest.raises(ValueError, match="lacks its message, element or reason"):
        audit.load_allowlist(bad)


def test_the_theme_message_is_allowed_only_on_the_theme_element():
    theme = vnu_error(THEME_MESSAGE.message, f'<input {THEME_MESSAGE.element}"drawer" type="checkbox">')
    ours = vnu_error(THEME_MESSAGE.message, '<input class="mf-filter" type="checkbox" autocomplete="off">')
    findings = audit.vnu_findings([theme, ours], [THEME_MESSAGE], ["model"])
    assert [(f.tool, f.page, f.rule, f.message, f.where) for f in findings] == [
        ("vnu", "model", "error", THEME_MESSAGE.message, "line 7:3")
    ]


def test_an_unlisted_error_fails_and_warnings_do_not():
    error = vnu_error("Duplicate ID “x”.", '<p id="x">')
    warning = {**vnu_error("Consider adding a “lang” attribute.", "<html>"), "type": "info", "subType": "warning"}
    findings = audit.vnu_findings([error, warning], [], ["model"])
    assert [f.message for f in findings] == ["Duplicate ID “x”."]


def test_an_allowlist_entry_that_matches_nothing_fails():
    stale = audit.Allowed("Never reported.", "<nowhere", "Kept after the theme fixed it.")
    findings = audit.vnu_findings([], [stale], ["about"])
    assert [(f.page, f.rule, f.message) for f in findings] == [("allowlist", "unused-entry", "Never reported.")]


def test_an_entry_for_some_page_kinds_covers_only_them_and_is_unused_only_where_they_were_audited():
    toc = audit.Allowed("Bad label.", '<label for="__toc">', "The theme's, on pages outside the nav.", ("model",))
    on_model = vnu_error(toc.message, '<label for="__toc">')
    on_about = {**on_model, "path": "about/index.html"}
    findings = audit.vnu_findings([on_model, on_about], [toc], ["model", "about"])
    assert [(f.page, f.rule) for f in findings] == [("about", "error")]
    assert audit.vnu_findings([], [toc], ["about"]) == []
    assert [f.rule for f in audit.vnu_findings([], [toc], ["model"])] == ["unused-entry"]


# ------------------------------------------------------------------ Lighthouse


def lighthouse_report(**scores) -> dict:
    """A Lighthouse JSON report cut down to what the audit reads: every audit fails in its category."""
    categories = {
        cat: {"score": score, "auditRefs": [{"id": f"{cat}-audit", "weight": 3}, {"id": "unweighted", "weight": 0}]}
        for cat, score in scores.items()
    }
    audits = {f"{cat}-audit": {"score": 0} for cat in scores} | {"unweighted": {"score": 0}}
    return {"categories": categories, "audits": audits}


def test_lighthouse_flags_an_asserted_score_under_95_and_only_reports_performance():
    report = lighthouse_report(**{"accessibility": 0.94, "best-practices": 1, "seo": 0.95, "performance": 0.2})
    findings = audit.lighthouse_findings("model", "models/x/index.html", report)
    assert [(f.page, f.rule, f.message, f.where) for f in findings] == [
        ("model", "accessibility", "score 94 < 95", "accessibility-audit (0)")
    ]
    assert audit.lighthouse_scores(report)["performance"] == 0.2


def test_lighthouse_flags_a_category_it_could_not_score():
    report = lighthouse_report(**{"accessibility": 1, "best-practices": None, "seo": 1, "performance": None})
    findings = audit.lighthouse_findings("home", "index.html", report)
    assert [(f.rule, f.message) for f in findings] == [("best-practices", "score unscored < 95")]


# ------------------------------------------------------------------ whole runs on a tiny site


def needs(*tools: str) -> None:
    lacking = audit.missing_tools(tools)
    if lacking:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the audit cannot run: this machine lacks {'; '.join(lacking)}", pytrace=False)
        pytest.skip(f"the audit needs {'; '.join(lacking)}")


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory) -> Path:
    project = new_project(tmp_path_factory.mktemp("audit-project"))
    return build_site(project.root / "mkdocs.yml", tmp_path_factory.mktemp("audit-site"))


def run_audit(site: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(AUDIT_PY), "--site", str(site), "--report", str(tmp_path / "report.json"), *args],
        capture_output=True,
        text=True,
        env=build_env(),
    )


def planted(site: Path, tmp_path: Path, markup: str) -> Path:
    """A copy of the site whose about page carries `markup` at the start of its article."""
    copy = tmp_path / "site"
    subprocess.run(["cp", "-r", str(site), str(copy)], check=True)
    about = copy / "about" / "index.html"
    html = about.read_text(encoding="utf-8")
    assert '<article class="md-content__inner md-typeset">' in html
    about.write_text(html.replace('md-typeset">', 'md-typeset">' + markup, 1), encoding="utf-8")
    return copy


@pytest.mark.slow
def test_vnu_passes_a_clean_page_and_names_a_planted_error(tiny_site, tmp_path):
    needs("vnu")
    clean = run_audit(tiny_site, tmp_path, "--only", "vnu", "--pages", "about,404")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    site = planted(tiny_site, tmp_path, '<span id="twice"></span><span id="twice"></span>')
    out = run_audit(site, tmp_path, "--only", "vnu", "--pages", "about")
    assert out.returncode == 1, out.stdout + out.stderr
    assert "about                  vnu        error" in out.stdout
    assert "×1  Duplicate ID “twice”." in out.stdout
    assert "about/index.html line " in out.stdout


@pytest.mark.slow
def test_an_allowlist_entry_matching_nothing_fails_the_run(tiny_site, tmp_path):
    needs("vnu")
    allowlist = tmp_path / "allow.yaml"
    entries = yaml.safe_load(audit.ALLOWLIST.read_text(encoding="utf-8"))
    entries.append({"message": "Never reported.", "element": "<nowhere", "reason": "Kept after the theme fixed it."})
    allowlist.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    out = run_audit(tiny_site, tmp_path, "--only", "vnu", "--pages", "about", "--allowlist", str(allowlist))
    assert out.returncode == 1, out.stdout + out.stderr
    assert "unused-entry" in out.stdout and "Never reported." in out.stdout
    assert out.stdout.count("×") == 1, "the theme's own entry matched"


@pytest.mark.slow
def test_axe_names_a_planted_violation_in_light_and_dark(tiny_site, tmp_path):
    needs("axe")
    site = planted(tiny_site, tmp_path, '<img src="nothing.png">')
    out = run_audit(site, tmp_path, "--only", "axe", "--pages", "about")
    assert out.returncode == 1, out.stdout + out.stderr
    for scheme in ("light", "dark"):  # the page's other findings, if any, are listed beside it
        assert re.search(rf"about \({scheme}\) +axe +image-alt \(critical\) +×1  Images must have alt", out.stdout)
    assert out.stdout.count("about/index.html img  — Element does not have an alt attribute") == 2, out.stdout


# ------------------------------------------------------------------ how CI gets and runs it


def test_the_node_tools_are_pinned_and_run_on_debian_bookworms_node():
    """Exact versions, and no package in the lock file asks for a Node newer than bookworm's 18.20."""
    package = json.loads((audit.AUDIT / "package.json").read_text(encoding="utf-8"))
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", v) for v in package["dependencies"].values()), package
    lock = json.loads((audit.AUDIT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/lighthouse"]["version"] == package["dependencies"]["lighthouse"]
    for name, entry in lock["packages"].items():
        wanted = entry.get("engines", {}).get("node", "*")
        assert any(admits_node_18_20(alternative.strip()) for alternative in wanted.split("||")), (name, wanted)


def admits_node_18_20(wanted: str) -> bool:
    """Whether one alternative of an `engines.node` range (`*` or `>= X[.Y[.Z]]`) lets Node 18.20 in."""
    bound = re.fullmatch(r">= ?(\d+)(?:\.(\d+|\*))?(?:\.(?:\d+|\*))?", wanted)
    if bound is None:
        return wanted == "*"
    return (int(bound[1]), int(bound[2]) if bound[2] and bound[2] != "*" else 0) <= (18, 20)


@pytest.mark.parametrize(
    "wanted, ok",
    [("*", True), (">=18.16", True), (">= 10.*", True), (">=18.21", False), (">=22.19", False), ("6.*", False)],
)
def test_node_ranges_are_read_as_npm_means_them(wanted, ok):
    assert admits_node_18_20(wanted) is ok


def test_ci_installs_what_the_audit_needs_and_audits_after_the_tests():
    run = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    for package in ("chromium", "nodejs", "npm", "default-jre-headless"):
        assert f"missing+=({package})" in run, package
    steps = [line.split("#")[0].strip() for line in run.splitlines() if line.startswith("make ")]
    assert steps == ["make .ci/audit/node_modules/.installed", "make lint", "make test", "make audit"]
    recipe = re.search(r"^audit:.*\n\t(.+)", (REPO / "Makefile").read_text(), re.M)
    assert (
        recipe
        and recipe[1] == "$(BIN)/python .ci/audit.py $(if $(PAGES),--pages $(PAGES)) $(if $(TOOLS),--only $(TOOLS))"
    )
