#!/usr/bin/env python3
"""`make audit`: axe, the Nu HTML checker and Lighthouse on a fresh build of the site (issue #16's targets).

    python .ci/audit.py                          build the site, run all three, exit 1 on any finding
    python .ci/audit.py --site DIR               audit a site already built in DIR (no build)
    python .ci/audit.py --pages model,source     only these page kinds (see PAGE_KINDS)
    python .ci/audit.py --only axe,vnu           only these tools (axe, vnu, lighthouse)

The targets: axe finds no serious or critical violation on any page kind, light and dark, with no
exclusions; vnu finds no error but the theme's, each listed with its reason in .ci/audit/vnu-allowlist.yaml
(an entry that matches nothing is a finding too, so the list cannot go stale); Lighthouse (mobile) scores
accessibility, best practices and SEO at least 95 on home, a model page, a source page and the matrix, and
reports performance without asserting it. Every finding is printed grouped by page, tool, rule and message
with a count, and written with its element to the JSON report (--report).

Needs the dev tools (Playwright, axe-playwright-python), java (Debian's default-jre-headless), Debian's
chromium and `npm ci` in .ci/audit/ (Lighthouse and vnu.jar, pinned by its package-lock.json).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass
from fnmatch import fnmatch
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
AUDIT = REPO / ".ci" / "audit"
VNU_JAR = AUDIT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = AUDIT / "node_modules" / ".bin" / "lighthouse"
ALLOWLIST = AUDIT / "vnu-allowlist.yaml"
REPORT = AUDIT / "report.json"

sys.path.insert(0, str(REPO / "tests"))  # the browser tests' helpers: one way to serve a site and open a tab
from browser import CHROMIUM, CHROMIUM_ARGS, axe_violations, build_site, open_tab, serve  # noqa: E402

from modelfacts import urls  # noqa: E402

PAGE_KINDS = {
    kind: urls.url_file(url)
    for kind, url in {
        "home": urls.HOME,
        "models": urls.MODELS,
        "model": urls.model_url("*"),
        "openness": urls.OPENNESS,
        "sources": urls.SOURCES,
        "source": urls.source_url("*"),
        "disputed": urls.DISPUTED,
        "timeline": urls.TIMELINE,
        "changes": urls.CHANGES,
        "licences": urls.LICENCES,
        "licence": urls.licence_url("*"),
        "frameworks": urls.FRAMEWORKS,
        "framework": urls.framework_url("*"),
        "methodology": urls.METHODOLOGY,
        "downloads": urls.DOWNLOADS,
        "about": "about/",  # a hand-written page (docs/about/index.md)
        "404": "404.html",
    }.items()
}
"""Every page kind and the built files of that kind (first pattern that matches wins), from urls.py."""
OPTIONAL_KINDS = {"changes"}
"""Kinds a site may lack (the recent-changes page is new in issue #16); a missing other kind is a finding."""
SCHEMES = {"light": "default", "dark": "slate"}
"""prefers-color-scheme → the data-md-color-scheme Material must then set (mkdocs.yml's palette)."""
LIGHTHOUSE_KINDS = ("home", "model", "source", "openness")
LIGHTHOUSE_ASSERTED = ("accessibility", "best-practices", "seo")
LIGHTHOUSE_REPORTED = ("performance",)
LIGHTHOUSE_MIN = 0.95
TOOLS = ("axe", "vnu", "lighthouse")


@dataclass(frozen=True)
class Finding:
    """One thing the audit fails on: `where` is the element (axe selector, vnu line:col, Lighthouse audit)."""

    tool: str
    page: str
    path: str
    rule: str
    message: str
    where: str = ""
    detail: str = ""


# ------------------------------------------------------------------ pages


def kind_of(path: str) -> str | None:
    """The page kind of a built file (posix path relative to the site), None for other files."""
    return next((kind for kind, pattern in PAGE_KINDS.items() if fnmatch(path, pattern)), None)


def site_pages(site: Path) -> dict[str, list[str]]:
    """Every built HTML page of each kind, largest first (the most markup to check)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for file in site.rglob("*.html"):
        path = file.relative_to(site).as_posix()
        kind = kind_of(path)
        if kind is not None:
            found.setdefault(kind, []).append((-file.stat().st_size, path))
    return {kind: [path for _size, path in sorted(found[kind])] for kind in PAGE_KINDS if kind in found}


def representatives(pages: Mapping[str, list[str]], kinds: Iterable[str]) -> tuple[dict[str, str], list[Finding]]:
    """One page per kind (the largest) for the browser tools, and a finding for each required kind not built."""
    chosen, missing = {}, []
    for kind in kinds:
        if pages.get(kind):
            chosen[kind] = pages[kind][0]
        elif kind not in OPTIONAL_KINDS:
            missing.append(Finding("audit", kind, PAGE_KINDS[kind], "missing-page", "no page of this kind was built"))
    return chosen, missing


# ------------------------------------------------------------------ axe


def run_axe(base: str, chosen: Mapping[str, str]) -> list[Finding]:
    """axe on each chosen page in light and dark: every serious or critical violation, node by node.
    One browser context per scheme, so Material's stored palette choice is always that scheme's."""
    from playwright.sync_api import sync_playwright

    findings = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for scheme, material in SCHEMES.items():
            tab = open_tab(browser, base, color_scheme=scheme)
            for kind, path in chosen.items():
                tab.open(path)
                page = f"{kind} ({scheme})"
                applied = tab.page.locator("body").get_attribute("data-md-color-scheme")
                if applied != material:
                    findings.append(
                        Finding("axe", page, path, "color-scheme", f"body has data-md-color-scheme={applied!r}")
                    )
                findings += [
                    Finding("axe", page, path, f"{v['id']} ({v['impact']})", v["help"], where, summary)
                    for v in axe_violations(tab.page)
                    for where, summary in v["where"]
                ]
            tab.page.context.close()
        browser.close()
    return findings


# ------------------------------------------------------------------ the Nu HTML checker


@dataclass(frozen=True)
class Allowed:
    """A message of the theme's that vnu may report: exactly `message`, on markup containing `element`, and
    only on the page `kinds` named (every kind when none are)."""

    message: str
    element: str
    reason: str
    kinds: tuple[str, ...] = ()

    def covers(self, msg: Mapping) -> bool:
        return (
            msg.get("message") == self.message
            and self.element in msg.get("extract", "")
            and (not self.kinds or kind_of(msg.get("path", "")) in self.kinds)
        )

    def expected(self, audited: Collection[str]) -> bool:
        """Whether the audited page kinds include one where the message should appear."""
        return not self.kinds or bool(set(self.kinds) & set(audited))


def load_allowlist(path: Path) -> list[Allowed]:
    """The committed allowlist; every entry must say which message, on which element, and why."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    allowed = [Allowed(**{**entry, "kinds": tuple(entry.get("kinds", ()))}) for entry in entries]
    for entry in allowed:
        if not (entry.message.strip() and entry.element.strip() and entry.reason.strip()):
            raise ValueError(f"{path}: an entry lacks its message, element or reason: {entry}")
    return allowed


def vnu_messages(site: Path, paths: list[str]) -> list[dict]:
    """vnu's JSON messages for these pages (one java run; paths in its messages made relative to the site)."""
    out = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always", *(str(site / p) for p in paths)],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(out.stderr)["messages"]
    prefix = site.resolve().as_uri().replace("file:///", "file:/") + "/"
    for msg in messages:
        msg["path"] = msg.get("url", "").replace(prefix, "")
    return messages


def vnu_findings(messages: list[dict], allowlist: list[Allowed], audited: Collection[str]) -> list[Finding]:
    """Every error not covered by the allowlist, and every allowlist entry that covered nothing on the audited
    page kinds where it should have."""
    used: set[Allowed] = set()
    findings = []
    for msg in messages:
        if msg.get("type") not in ("error", "non-document-error") and msg.get("subType") != "fatal":
            continue
        entry = next((a for a in allowlist if a.covers(msg)), None)
        if entry is not None:
            used.add(entry)
            continue
        path = msg.get("path", "")
        where = f"line {msg['lastLine']}:{msg.get('firstColumn', msg.get('lastColumn'))}" if "lastLine" in msg else ""
        findings.append(
            Finding("vnu", kind_of(path) or "other", path, "error", msg["message"], where, msg.get("extract", ""))
        )
    findings += [
        Finding("vnu", "allowlist", str(ALLOWLIST.relative_to(REPO)), "unused-entry", a.message, a.element, a.reason)
        for a in allowlist
        if a not in used and a.expected(audited)
    ]
    return findings


# ------------------------------------------------------------------ Lighthouse


def lighthouse_scores(report: Mapping) -> dict[str, float | None]:
    """Category → score (0..1; None when Lighthouse could not score it) from a Lighthouse JSON report."""
    return {cat: report["categories"][cat]["score"] for cat in (*LIGHTHOUSE_ASSERTED, *LIGHTHOUSE_REPORTED)}


def lighthouse_findings(kind: str, path: str, report: Mapping) -> list[Finding]:
    """A finding per asserted category under LIGHTHOUSE_MIN, naming the weighted audits that lost it points."""
    findings = []
    for cat, score in lighthouse_scores(report).items():
        if cat not in LIGHTHOUSE_ASSERTED or (score is not None and score >= LIGHTHOUSE_MIN):
            continue
        failing = [
            f"{ref['id']} ({report['audits'][ref['id']]['score']})"
            for ref in report["categories"][cat]["auditRefs"]
            if ref.get("weight", 0) > 0 and (report["audits"][ref["id"]].get("score") or 0) < 1
        ]
        shown = "unscored" if score is None else f"{round(score * 100)}"
        findings.append(
            Finding("lighthouse", kind, path, cat, f"score {shown} < {round(LIGHTHOUSE_MIN * 100)}", ", ".join(failing))
        )
    return findings


def run_lighthouse(base: str, chosen: Mapping[str, str], out: Path) -> tuple[list[Finding], dict[str, dict]]:
    """Lighthouse (mobile, its default) on each page over HTTP: findings and every page's scores."""
    findings, scores = [], {}
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    for kind, path in chosen.items():
        json_path = out / f"lighthouse-{kind}.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                base + path,
                "--quiet",
                "--output=json",
                f"--output-path={json_path}",
                f"--only-categories={','.join((*LIGHTHOUSE_ASSERTED, *LIGHTHOUSE_REPORTED))}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env=env,
        )
        report = json.loads(json_path.read_text(encoding="utf-8"))
        scores[kind] = lighthouse_scores(report)
        findings += lighthouse_findings(kind, path, report)
    return findings, scores


# ------------------------------------------------------------------ the run


def summary(findings: list[Finding]) -> Iterator[str]:
    """One line per page, tool, rule and message with its count, then up to three of its elements."""
    groups = Counter((f.page, f.tool, f.rule, f.message) for f in findings)
    for (page, tool, rule, message), count in sorted(groups.items()):
        yield f"  {page:22} {tool:10} {rule:32} ×{count}  {message}"
        wheres = [f for f in findings if (f.page, f.tool, f.rule, f.message) == (page, tool, rule, message)]
        for f in wheres[:3]:
            detail = f.detail.removeprefix("Fix any of the following: ").removeprefix("Fix all of the following: ")
            yield f"      {f.path} {f.where}".rstrip() + (f"  — {detail.strip()[:240]}" if detail.strip() else "")
        if len(wheres) > 3:
            yield f"      … {len(wheres) - 3} more in the report"


def missing_tools(tools: Iterable[str]) -> list[str]:
    """What this machine lacks for the chosen tools, in words that say how to get it."""
    needs = {
        "axe": [(CHROMIUM.exists(), f"{CHROMIUM} (apt-get install chromium)")],
        "vnu": [
            (shutil.which("java") is not None, "java (apt-get install default-jre-headless)"),
            (VNU_JAR.exists(), f"{VNU_JAR.relative_to(REPO)} (npm ci in .ci/audit)"),
        ],
        "lighthouse": [
            (CHROMIUM.exists(), f"{CHROMIUM} (apt-get install chromium)"),
            (LIGHTHOUSE.exists(), f"{LIGHTHOUSE.relative_to(REPO)} (npm ci in .ci/audit)"),
        ],
    }
    return sorted({what for tool in tools for ok, what in needs[tool] if not ok})


def split(value: str, known: Iterable[str], what: str) -> list[str]:
    """A comma-separated command-line list, each name checked against the known ones."""
    names = [v for v in value.split(",") if v]
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise SystemExit(f"audit: unknown {what}: {', '.join(unknown)} (known: {', '.join(known)})")
    return names


def audit(site: Path, kinds: list[str], tools: list[str], allowlist: list[Allowed], out: Path) -> dict:
    """Run the chosen tools on the chosen page kinds of a built site; the report (findings, scores, times)."""
    pages = site_pages(site)
    chosen, findings = representatives(pages, kinds)
    report: dict = {"site": str(site), "pages": chosen, "seconds": {}, "lighthouse": {}}
    with serve(site) as base:
        for tool in tools:
            start = time.monotonic()
            if tool == "axe":
                findings += run_axe(base, chosen)
            elif tool == "vnu":
                paths = [path for kind in kinds for path in pages.get(kind, [])]
                findings += vnu_findings(vnu_messages(site, paths), allowlist, kinds)
            else:
                found, report["lighthouse"] = run_lighthouse(
                    base, {k: p for k, p in chosen.items() if k in LIGHTHOUSE_KINDS}, out
                )
                findings += found
            report["seconds"][tool] = round(time.monotonic() - start, 1)
    report["findings"] = [asdict(f) for f in findings]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to audit (default: build one afresh)")
    parser.add_argument("--pages", default=",".join(PAGE_KINDS), help="comma-separated page kinds")
    parser.add_argument("--only", default=",".join(TOOLS), help="comma-separated tools: axe, vnu, lighthouse")
    parser.add_argument("--allowlist", type=Path, default=ALLOWLIST, help="the vnu allowlist (YAML)")
    parser.add_argument("--report", type=Path, default=REPORT, help="where to write the JSON report")
    args = parser.parse_args(argv)
    kinds = split(args.pages, PAGE_KINDS, "page kinds")
    tools = split(args.only, TOOLS, "tools")
    lacking = missing_tools(tools)
    if lacking:
        print("audit: this machine lacks " + "; ".join(lacking), file=sys.stderr)
        return 2
    allowlist = load_allowlist(args.allowlist)
    with tempfile.TemporaryDirectory(prefix="modelfacts-audit-") as tmp:
        if args.site is None:
            print("audit: building the site (mkdocs build --strict)")
            site = build_site(REPO / "mkdocs.yml", Path(tmp) / "site")
        else:
            site = args.site.resolve()
        report = audit(site, kinds, tools, allowlist, Path(tmp))
    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for kind, scores in report["lighthouse"].items():
        shown = ", ".join(f"{cat} {'-' if s is None else round(s * 100)}" for cat, s in scores.items())
        print(f"audit: Lighthouse mobile, {kind}: {shown}")
    timing = ", ".join(f"{tool} {s} s" for tool, s in report["seconds"].items())
    findings = [Finding(**f) for f in report["findings"]]
    if not findings:
        print(f"audit: no findings on {len(report['pages'])} page kinds ({timing}); report in {args.report}")
        return 0
    print(f"audit: {len(findings)} findings ({timing}); every one in {args.report}:")
    print("\n".join(summary(findings)))
    return 1


if __name__ == "__main__":
    sys.exit(main())
