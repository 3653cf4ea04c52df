#!/usr/bin/env python3
"""Benchmark the checker and the site build on synthetic fact bases (what `make bench` runs).

    python benchmarks/run.py                 # N = 100, 1000, 3000 models; 20 claims; 200 sources; 3 runs
    python benchmarks/run.py --quick         # N = 250, 1000; 2 runs (`make bench-quick`)
    python benchmarks/run.py --sizes 100,1000 --runs 5

For every N it measures, as the median wall time of the runs and the peak resident memory of the
measured process (launch.py reports its child's own rusage, so per command, not per benchmark):

  check             modelfacts check --root DIR
  check-jsonschema  check-jsonschema on facts/*.yaml, seeds/*.yaml and the publishers registry: schema
                    only, what a project would reach for instead (three commands; times add up, peak is
                    the largest)
  yaml-load         a bare yaml.CSafeLoader load of the same files, in a subprocess (the floor)
  build             mkdocs build --strict, with the hooks
  bare-build        mkdocs build --strict of the very same pages written out as Markdown, no hooks
                    (the floor for MkDocs + Material; see bare.py)
  live-edit         under mkdocs serve --livereload: from saving one edited fact file to the model
                    page being served with the new text (peak = the server's VmHWM); its row
                    `live-edit-index`: from the same save to the served Pagefind index finding the
                    edit's new word on that page (searched in headless Chromium as the site's search does)
  search            in headless Chromium, the site's Pagefind search beside Material's built-in search
                    on the same pages (search_bench.py): time from typing to the first result and bytes
                    transferred, median of --search-runs; plus the Material variant's build time
                    (`material-build`) and the indexer alone (`search-index`, with Pagefind's own peak)
  lighthouse        `make audit`'s Lighthouse (mobile, .ci/audit.py) on home, the largest model and source
                    page and the matrix: performance score, LCP and TBT, median of --lighthouse-runs;
                    reported, never asserted; also once on the real site (the repository, built)

and once, not per N, `check-hostile`: modelfacts check on hostile.py's root, whose --hostile quotes
are long scrambled passages of a 100 KiB source (every one fails, and its closest passage is searched).

Synthetic bases are generated into benchmarks/work/ (see synth.py) and reused when their parameters
match. The site code (mkdocs.yml, docs/, overrides/, schemas/, hooks/) is copied once at the start and
every size uses that copy, `modelfacts check` included (PYTHONPATH points at the copy's hooks/). Results go to benchmarks/results/<timestamp>.json and benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import contextlib

import hostile
import search_bench
import synth


def _load_audit():
    """`make audit`'s module (.ci/audit.py): the benchmark runs its Lighthouse on its pages, no twin of it."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("audit", REPO / ".ci" / "audit.py")
    assert spec and spec.loader
    module = sys.modules["audit"] = importlib.util.module_from_spec(spec)  # its dataclasses look themselves up
    spec.loader.exec_module(module)
    return module


FULL_SIZES, FULL_RUNS = (100, 1000, 3000), 3
QUICK_SIZES, QUICK_RUNS = (250, 1000), 2
"""The day-to-day protocol (`make bench-quick`): the size of the real fact base's near future and the
size the README quotes, two runs each (see benchmarks/README.md); the full one adds 3,000 for memory."""
TOOLS = ("check", "check-jsonschema", "yaml-load", "build", "bare-build", "live-edit", "search", "lighthouse")
HOSTILE_WORDS, HOSTILE_KIB = 300, 100
BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600", "PYTHONUNBUFFERED": "1"}
# The server is polled on 127.0.0.1 only, never through a proxy.
_HTTP = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class BenchError(RuntimeError):
    pass


def log(msg: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def script(name: str, module: str) -> list[str]:
    path = BIN / name
    return [str(path)] if path.exists() else [sys.executable, "-m", module]


# --- measuring one command ----------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    peak_kib: int


def run_measured(
    cmd: list[str], *, cwd: Path | None = None, timeout: float, env: dict | None = None
) -> tuple[Measured, int, str]:
    """Run cmd through launch.py: wall time, the command's own peak RSS, exit code and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        proc = subprocess.Popen(
            [sys.executable, "-S", str(HERE / "launch.py"), str(report), str(timeout), "--", *cmd],
            cwd=cwd,
            env=env or ENV,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            proc.wait(timeout=timeout + 60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        try:
            got = json.loads(report.read_text())
        except (OSError, ValueError):
            raise BenchError(f"launch.py gave no report for: {' '.join(cmd[:6])}\n{text[-3000:]}") from None
    if got["timed_out"]:
        raise BenchError(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
    return Measured(got["seconds"], got["maxrss_kib"]), got["rc"], text


def measure(cmds: list[list[str]], *, cwd: Path | None = None, timeout: float, env: dict | None = None) -> Measured:
    """Several commands run one after the other count as one: times add up, the peak is the largest."""
    total, peak = 0.0, 0
    for cmd in cmds:
        m, rc, text = run_measured(cmd, cwd=cwd, timeout=timeout, env=env)
        if rc != 0:
            raise BenchError(f"exit {rc}: {' '.join(cmd[:6])}{' ...' if len(cmd) > 6 else ''}\n{text[-3000:]}")
        total += m.seconds
        peak = max(peak, m.peak_kib)
    return Measured(total, peak)


# --- live edit under mkdocs serve ---------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float) -> tuple[int, bytes]:
    try:
        with _HTTP.open(url, timeout=max(0.1, timeout)) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return 0, b""


def vm_hwm_kib(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(r"^VmHWM:\s+(\d+)\s+kB", text, re.M)
    return int(found.group(1)) if found else 0


def edit_statement(text: str, token: str) -> str:
    """The fact file with its first claim's statement changed to carry `token`."""

    def repl(match: re.Match) -> str:
        statement = json.loads(match.group(2)).rstrip(".")
        return match.group(1) + synth.q(f"{statement} (edited {token}).")

    new, count = re.subn(r'^((?:  - |    )statement: )(".*")$', repl, text, count=1, flags=re.M)
    if count != 1:
        raise BenchError("no double-quoted statement found in the fact file to edit")
    return new


def edit_token(run: int) -> str:
    """A word no page holds, letters only, so Pagefind indexes and stems it as one word."""
    n, letters = time.time_ns() % 26**8, ""
    for _ in range(8):
        n, d = divmod(n, 26)
        letters += chr(ord("a") + d)
    return f"bench{chr(ord('a') + run % 26)}{letters}"


PAGEFIND_FINDS = """async ([token, path]) => {
  const pf = await import(new URL("/pagefind/pagefind.js", location.href).href);
  await pf.init();
  const found = await pf.search(token);
  const pages = await Promise.all(found.results.map((r) => r.data()));
  return pages.some((p) => p.url.includes(path));
}"""
"""What the header's search does (docs/assets/search.js): import the served Pagefind bundle and search."""


def index_finds(browser, base: str, token: str, path: str) -> bool:
    """Whether the Pagefind index served at base finds token on the page at path: in a fresh browser
    context (an empty cache, a fresh module), as a reader opening the search after the edit would."""
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "pagefind/pagefind-entry.json")  # an origin for the import; the index's own file
        return bool(page.evaluate(PAGEFIND_FINDS, [token, path]))
    except PlaywrightError:  # the bundle is being rewritten (a file gone mid-fetch): not found yet
        return False
    finally:
        context.close()


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)  # mkdocs serve shuts down and removes its temp dir on Ctrl-C
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=30)


def live_edit(
    root: Path,
    model_id: str,
    runs: int,
    *,
    startup_timeout: float,
    edit_timeout: float,
    logfile: Path,
    env: dict | None = None,
    extra: tuple[str, ...] = (),
) -> tuple[list[float], list[float], int]:
    """Seconds from saving an edited fact file to the new text being served, and to the served Pagefind
    index finding it, per run; server peak KiB."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    url = f"http://127.0.0.1:{port}/models/{model_id}/"
    fact = root / "facts" / f"{model_id}.yaml"
    original = fact.read_bytes()
    times: list[float] = []
    indexed: list[float] = []
    with open(logfile, "wb") as logf, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=search_bench.CHROMIUM)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                "-f",
                str(root / "mkdocs.yml"),
                "-a",
                f"127.0.0.1:{port}",
                "--livereload",
                *extra,
            ],
            cwd=root,
            env=env or ENV,
            stdin=subprocess.DEVNULL,
            stdout=logf,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + startup_timeout
            while True:
                if proc.poll() is not None:
                    raise BenchError(f"mkdocs serve exited with {proc.returncode}; see {logfile}")
                status, _ = fetch(url, deadline - time.monotonic())
                if status == 200:
                    break
                if time.monotonic() > deadline:
                    raise BenchError(f"mkdocs serve did not serve {url} within {startup_timeout:.0f} s; see {logfile}")
                time.sleep(0.2)
            time.sleep(1.0)  # let the file watcher settle
            for r in range(runs):
                token = edit_token(r)
                new = edit_statement(original.decode("utf-8"), token).encode("utf-8")
                with open(fact, "wb") as f:  # saved in place, as an editor does
                    f.write(new)
                start = time.perf_counter()
                deadline = time.monotonic() + edit_timeout
                while True:
                    status, body = fetch(url, deadline - time.monotonic())
                    if status == 200 and token.encode() in body:
                        times.append(time.perf_counter() - start)
                        break
                    if proc.poll() is not None:
                        raise BenchError(f"mkdocs serve exited with {proc.returncode}; see {logfile}")
                    if time.monotonic() > deadline:
                        raise BenchError(f"edit not served within {edit_timeout:.0f} s; see {logfile}")
                    time.sleep(0.02)
                while not index_finds(browser, f"http://127.0.0.1:{port}/", token, f"/models/{model_id}/"):
                    if proc.poll() is not None:
                        raise BenchError(f"mkdocs serve exited with {proc.returncode}; see {logfile}")
                    if time.monotonic() > deadline:
                        raise BenchError(f"the search index did not find the edit within {edit_timeout:.0f} s")
                    time.sleep(0.05)
                indexed.append(time.perf_counter() - start)
                log(f"    live edit {r + 1}/{runs}: page {times[-1]:.2f} s, search index {indexed[-1]:.2f} s")
                time.sleep(1.0)
                fetch(url, edit_timeout)  # returns once any further rebuild has finished
            peak = vm_hwm_kib(proc.pid)
        finally:
            browser.close()
            stop(proc)
            fact.write_bytes(original)
    return times, indexed, peak


# --- one size -----------------------------------------------------------------------------------


@dataclass
class Row:
    n: int
    tool: str
    seconds: list[float] = field(default_factory=list)
    peak_kib: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def peak_mib(self) -> float:
        return self.peak_kib / 1024

    def as_json(self) -> dict:
        return {
            "n": self.n,
            "tool": self.tool,
            "runs_s": [round(s, 4) for s in self.seconds],
            "median_s": round(self.median, 4),
            "peak_mib": round(self.peak_mib, 1),
        }


def snapshot_site(work: Path) -> tuple[Path, str]:
    """Copy the site code once, so every size is measured with the same code even while the repo
    changes; returns the copy and a hash of its files."""
    snap = work / "site-snapshot"
    synth.copy_site(snap)
    digest = hashlib.sha256()
    for path in sorted(p for p in snap.rglob("*") if p.is_file()):
        digest.update(path.relative_to(snap).as_posix().encode() + b"\0" + path.read_bytes())
    return snap, digest.hexdigest()[:16]


def ensure_base(work: Path, n: int, m: int, k: int, seed: int, snapshot: Path) -> Path:
    root = work / f"base-n{n}-m{m}-k{k}-s{seed}"
    wanted = synth.params(n, m, k, seed)
    if synth.is_current(root, wanted):
        log(f"N={n}: reusing {root}")
    else:
        log(f"N={n}: generating {root}")
        synth.generate(root, n, m, k, seed, force=True)
    synth.copy_site(root, snapshot)  # the site code of this benchmark run
    shutil.rmtree(root / "site", ignore_errors=True)
    return root


def root_env(root: Path) -> dict:
    """Environment in which `modelfacts` imports the root's copy of the package, as its hooks do."""
    path = [str(root / "hooks")] + ([ENV["PYTHONPATH"]] if ENV.get("PYTHONPATH") else [])
    return {**ENV, "PYTHONPATH": os.pathsep.join(path)}


def records_by_schema(root: Path) -> dict[str, list[str]]:
    """Each schema file and the records it validates, as the checker's walk finds and sorts them."""
    sys.path.insert(0, str(REPO / "hooks"))
    from modelfacts import kinds

    found: dict[str, list[str]] = {}
    for record in kinds.record_files(root):
        found.setdefault(record.kind.schema_file, []).append(record.display)
    return found


def bench_size(args: argparse.Namespace, n: int, tools: list[str]) -> tuple[list[Row], dict]:
    root = ensure_base(args.work, n, args.claims, args.sources, args.seed, args.snapshot)
    bare = args.work / f"bare-n{n}-m{args.claims}-k{args.sources}-s{args.seed}"
    model_id = synth.model_id(args.seed, 0)
    env = root_env(root)
    # The base must be clean: no error and no warning.
    _m, rc, out = run_measured(
        [*script("modelfacts", "modelfacts"), "check", "--root", str(root)], timeout=args.timeout, env=env
    )
    if rc != 0 or not re.search(r"0 error\(s\), 0 warning\(s\)", out):
        raise BenchError(f"the synthetic base at {root} does not check clean:\n{out[-3000:]}")
    if "bare-build" in tools:
        log(f"N={n}: writing the bare twin {bare}")
        _, rc, out = run_measured(
            [sys.executable, str(HERE / "bare.py"), str(root), str(bare)], timeout=args.timeout, env=env
        )
        if rc != 0:
            raise BenchError(f"bare.py failed:\n{out[-3000:]}")
    commands = {
        "check": ([[*script("modelfacts", "modelfacts"), "check", "--root", str(root)]], None),
        "check-jsonschema": (
            [
                [*script("check-jsonschema", "check_jsonschema"), "--schemafile", f"schemas/{schema}", *paths]
                for schema, paths in records_by_schema(root).items()
            ],
            root,
        ),
        "yaml-load": ([[sys.executable, str(HERE / "yaml_floor.py"), str(root)]], None),
        "build": ([[sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]], None),
        "bare-build": ([[sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(bare / "mkdocs.yml")]], None),
    }
    rows = {t: Row(n, t) for t in tools if t not in ("search", "lighthouse")}
    if "live-edit" in tools:
        rows["live-edit-index"] = Row(n, "live-edit-index")
    for r in range(args.runs):  # round robin, so a busy spell on a shared machine hits every tool alike
        for tool in tools:
            if tool in ("live-edit", "search", "lighthouse"):
                continue
            cmds, cwd = commands[tool]
            got = measure(cmds, cwd=cwd, timeout=args.timeout, env=env)
            rows[tool].seconds.append(got.seconds)
            rows[tool].peak_kib = max(rows[tool].peak_kib, got.peak_kib)
            log(f"N={n} run {r + 1}/{args.runs} {tool}: {got.seconds:.2f} s, {got.peak_kib / 1024:.0f} MiB")
    extra: dict = {"root": str(root), "model": model_id}
    if "search" in tools:
        extra["search"] = bench_search(args, n, root, model_id, env, rows)
    if "lighthouse" in tools:
        if not (root / "site" / "index.html").is_file():
            measure(
                [[sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml")]],
                timeout=args.timeout,
                env=env,
            )
        extra["lighthouse"] = bench_lighthouse(args, f"N={n}", root / "site")
    page = root / "site" / "models" / model_id / "index.html"
    if page.exists():
        extra["model_page_bytes"] = page.stat().st_size
    bare_page = bare / "site" / "models" / model_id / "index.html"
    if bare_page.exists():
        extra["bare_model_page_bytes"] = bare_page.stat().st_size
    if "live-edit" in tools:
        build = rows["build"].median if "build" in rows else float("nan")
        startup = max(120.0, 4 * build + 60) if build == build else args.timeout
        runs = args.serve_runs or args.runs
        log(f"N={n}: live edit under mkdocs serve ({runs} edits)")
        times, indexed, peak = live_edit(
            root,
            model_id,
            runs,
            startup_timeout=min(startup, args.timeout),
            edit_timeout=min(startup, args.timeout),
            logfile=args.work / f"serve-n{n}.log",
            env=env,
            extra=("--dirty",) if args.serve_dirty else (),
        )
        rows["live-edit"].seconds, rows["live-edit"].peak_kib = times, peak
        rows["live-edit-index"].seconds, rows["live-edit-index"].peak_kib = indexed, peak
    return list(rows.values()), extra


def bench_search(args: argparse.Namespace, n: int, root: Path, model_id: str, env: dict, rows: dict) -> dict:
    """The search tool (see search_bench.py): the Material variant's build, the indexer alone, then both
    searches in the browser. Its rows (material-build, search-index) join the table."""
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f"]
    if not (root / "site" / "pagefind" / "pagefind.js").is_file():
        measure([[*build, str(root / "mkdocs.yml")]], timeout=args.timeout, env=env)
    variant = search_bench.material_variant(root)
    got = measure([[*build, str(variant)]], timeout=args.timeout, env=env)
    rows["material-build"] = Row(n, "material-build", [got.seconds], got.peak_kib)
    log(f"N={n} material-build: {got.seconds:.2f} s, {got.peak_kib / 1024:.0f} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        got, rc, out = run_measured(
            [sys.executable, str(HERE / "search_bench.py"), str(root), tmp], timeout=args.timeout, env=env
        )
    if rc != 0:
        raise BenchError(f"search_bench.py failed:\n{out[-3000:]}")
    indexer = json.loads(out.strip().splitlines()[-1])
    rows["search-index"] = Row(n, "search-index", [indexer["seconds"]], int(indexer["pagefind_peak_mib"] * 1024))
    log(f"N={n} search-index: {indexer}")
    word = search_bench.query_word(root, model_id)
    result = {"indexer": indexer}
    for name, site in (("pagefind", root / "site"), ("material", root / "site-material")):
        result[name] = search_bench.measure(site, model_id, word, args.search_runs)
        log(f"N={n} search {name}: {result[name]}")
    return result


LIGHTHOUSE_METRICS = {"lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time"}
"""Lighthouse audits reported beside the performance score (their numericValue, in milliseconds)."""


def bench_lighthouse(args: argparse.Namespace, label: str, site: Path) -> dict:
    """`make audit`'s Lighthouse (mobile) on the same page kinds, --lighthouse-runs times over HTTP: per page
    kind, the performance score (0..100), LCP and TBT of every run and their medians. Reported, never
    asserted (issue #16); the other categories are `make audit`'s to assert. A page Lighthouse fails on
    (on a loaded machine, a DevTools call times out on the large matrix) counts as None in that run."""
    audit = _load_audit()
    chosen, missing = audit.representatives(audit.site_pages(site), audit.LIGHTHOUSE_KINDS)
    if missing:
        raise BenchError(f"{label}: no page to run Lighthouse on for {', '.join(f.page for f in missing)}")
    runs: dict[str, dict[str, list[float | None]]] = {
        k: {"performance": [], **{m: [] for m in LIGHTHOUSE_METRICS}} for k in chosen
    }
    with tempfile.TemporaryDirectory() as tmp, audit.serve(site) as base:
        for r in range(args.lighthouse_runs):
            for kind, path in chosen.items():
                got = runs[kind]
                try:
                    _findings, scores = audit.run_lighthouse(base, {kind: path}, Path(tmp))
                except subprocess.CalledProcessError as exc:
                    log(f"{label} Lighthouse failed on {kind} ({path}): exit {exc.returncode}")
                    for values in got.values():
                        values.append(None)
                    continue
                report = json.loads((Path(tmp) / f"lighthouse-{kind}.json").read_text(encoding="utf-8"))
                score = scores[kind]["performance"]
                got["performance"].append(None if score is None else round(score * 100))
                for name, audit_id in LIGHTHOUSE_METRICS.items():
                    value = report["audits"][audit_id].get("numericValue")
                    got[name].append(None if value is None else round(value))
            shown = ", ".join(f"{kind} {runs[kind]['performance'][-1]}" for kind in chosen)
            log(f"{label} Lighthouse run {r + 1}/{args.lighthouse_runs}, performance: {shown}")
    return {
        kind: {"page": chosen[kind], **{f"median_{m}": median_of(v) for m, v in got.items()}, "runs": got}
        for kind, got in runs.items()
    }


def median_of(values: list[float | None]) -> float | None:
    """The median of the values measured (None for a failed run), None if none was."""
    measured = [v for v in values if v is not None]
    return statistics.median(measured) if measured else None


def bench_real_lighthouse(args: argparse.Namespace) -> dict:
    """Lighthouse on the real site: the repository built as `make audit` builds it."""
    with tempfile.TemporaryDirectory() as tmp:
        log("the real site: building")
        site = Path(tmp) / "site"
        build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(REPO / "mkdocs.yml"), "-d", str(site)]
        measure([build], timeout=args.timeout, env=root_env(REPO))
        return bench_lighthouse(args, "real site", site)


def bench_hostile(args: argparse.Namespace) -> Row:
    """`modelfacts check` on the hostile case; N is its number of quotes, each a failing one."""
    root = args.work / f"hostile-q{args.hostile}-w{HOSTILE_WORDS}-k{HOSTILE_KIB}-s{args.seed}"
    log(f"hostile case: {args.hostile} scrambled quotes of {HOSTILE_WORDS} words, a {HOSTILE_KIB} KiB source")
    hostile.generate(root, args.hostile, HOSTILE_WORDS, HOSTILE_KIB, args.seed, site=args.snapshot)
    row = Row(args.hostile, "check-hostile")
    for r in range(args.runs):
        got, rc, out = run_measured(
            [*script("modelfacts", "modelfacts"), "check", "--root", str(root)],
            timeout=args.timeout,
            env=root_env(root),
        )
        expected = f": {args.hostile} error(s), 0 warning(s)"
        if rc != 1 or expected not in out or out.count("error[quote-verbatim]") != args.hostile:
            raise BenchError(
                f"the hostile case did not give exactly {expected[2:]}, all quote-verbatim:\n{out[-3000:]}"
            )
        row.seconds.append(got.seconds)
        row.peak_kib = max(row.peak_kib, got.peak_kib)
        log(f"hostile run {r + 1}/{args.runs}: {got.seconds:.2f} s, {got.peak_kib / 1024:.0f} MiB")
    return row


# --- report -------------------------------------------------------------------------------------


def machine() -> dict:
    info = {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "cpu_count": os.cpu_count(),
    }
    with contextlib.suppress(AttributeError):
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    try:
        cpu = re.search(r"^model name\s*:\s*(.+)$", Path("/proc/cpuinfo").read_text(), re.M)
        info["cpu"] = cpu.group(1).strip() if cpu else platform.processor()
        mem = re.search(r"^MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        info["memory_gib"] = round(int(mem.group(1)) / 1024 / 1024, 1) if mem else None
    except OSError:
        info["cpu"] = platform.processor()
    with contextlib.suppress(OSError):
        info["loadavg_at_start"] = [round(x, 2) for x in os.getloadavg()]
    info["packages"] = {}
    for name in ("mkdocs", "mkdocs-material", "PyYAML", "jsonschema", "check-jsonschema", "Markdown"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            info["packages"][name] = metadata.version(name)
    try:
        head = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            [
                "git",
                "-C",
                str(REPO),
                "status",
                "--porcelain",
                "--",
                "hooks",
                "mkdocs.yml",
                "docs",
                "overrides",
                "schemas",
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        info["git"] = {"commit": head, "site_code_modified": bool(dirty)}
    except OSError:
        pass
    return info


def ratios(rows: list[Row], extras: dict[int, dict], hostile_row: Row | None = None) -> list[dict]:
    by = {(r.n, r.tool): r for r in rows}
    sizes = sorted({r.n for r in rows})
    out: list[dict] = []
    if not sizes:  # only lighthouse: no timed rows, no ratio
        return out

    def add(name: str, n, value: float | None, target: float, detail: str) -> None:
        if value is None or value != value:
            return
        out.append(
            {
                "ratio": name,
                "n": n,
                "value": round(value, 3),
                "target": round(target, 3),
                "met": value <= target,
                "detail": detail,
            }
        )

    def med(n: int, tool: str) -> float | None:
        row = by.get((n, tool))
        return row.median if row and row.seconds else None

    for n in sizes:
        c, j, y, b, bb = (med(n, t) for t in ("check", "check-jsonschema", "yaml-load", "build", "bare-build"))
        if c and j:
            add("check / check-jsonschema", n, c / j, 1.0, f"{c:.2f} s / {j:.2f} s")
        if c and y:
            add("check / bare YAML load", n, c / y, 3.0, f"{c:.2f} s / {y:.2f} s")
        if b and bb:
            add("full build / bare build", n, b / bb, 1.25, f"{b:.2f} s / {bb:.2f} s")
    if len(sizes) >= 2:
        big, mid = sizes[-1], sizes[-2]
        b1, b0 = med(big, "build"), med(mid, "build")
        if b1 and b0:
            # The target (3.5 for 3x the models) scales with the step between the sizes.
            add(f"build({big}) / build({mid})", big, b1 / b0, 3.5 * (big / mid) / 3, f"{b1:.2f} s / {b0:.2f} s")
        small = sizes[0]
        s1, s0 = extras.get(big, {}).get("model_page_bytes"), extras.get(small, {}).get("model_page_bytes")
        if s1 and s0:
            add(f"model page HTML at {big} / at {small}", big, s1 / s0, 1.5, f"{s1:,} B / {s0:,} B")
    searched = [n for n in sizes if "search" in extras.get(n, {})]
    if searched:
        big = searched[-1]
        got = extras[big]["search"]["pagefind"]
        add(f"search bytes at {big} (MB / 1.5)", big, got["median_bytes"] / 1.5e6, 1.0, f"{got['median_bytes']:,} B")
        if len(searched) >= 2:
            t1, t0 = got["median_s"], extras[searched[0]]["search"]["pagefind"]["median_s"]
            add(f"search time at {big} / at {searched[0]}", big, t1 / t0, 1.5, f"{t1:.2f} s / {t0:.2f} s")
    middle = sizes[len(sizes) // 2] if len(sizes) >= 3 else sizes[-1]
    le, b = med(middle, "live-edit"), med(middle, "build")
    if le and b:
        add(f"live edit / full build at {middle}", middle, le / b, 0.25, f"{le:.2f} s / {b:.2f} s")
    row = by.get((sizes[-1], "build"))
    if row and row.peak_kib:
        add(
            f"full build peak memory at {sizes[-1]} (MiB / 1024)",
            sizes[-1],
            row.peak_mib / 1024,
            1.0,
            f"{row.peak_mib:.0f} MiB",
        )
    if hostile_row and hostile_row.seconds:
        per = hostile_row.median / hostile_row.n
        add("check-hostile, seconds per scrambled quote", hostile_row.n, per, 0.05, f"{hostile_row.median:.2f} s")
    return out


def table(rows: list[Row], found: list[dict]) -> str:
    lines = [
        f"{'N':>6}  {'tool':<18} {'median s':>10} {'peak MiB':>9}  runs",
        f"{'-' * 6}  {'-' * 18} {'-' * 10} {'-' * 9}  {'-' * 4}",
    ]
    for r in rows:
        lines.append(f"{r.n:>6}  {r.tool:<18} {r.median:>10.3f} {r.peak_mib:>9.1f}  {len(r.seconds)}")
    lines += ["", f"{'ratio':<46} {'value':>8} {'target':>8}  ", "-" * 70]
    for x in found:
        verdict = "ok" if x["met"] else f"MISSED x{x['value'] / x['target']:.2f}"
        label = x["ratio"] if str(x["n"]) in x["ratio"] else f"{x['ratio']} (N={x['n']})"
        lines.append(
            f"{label:<46} {x['value']:>8.3f} {'<= ' + format(x['target'], 'g'):>8}  {verdict}   [{x['detail']}]"
        )
    return "\n".join(lines)


def lighthouse_table(found: dict[str, dict]) -> str:
    """Lighthouse mobile per site (N, or `real`) and page kind: medians of the performance score, LCP, TBT."""
    lines = [
        "",
        "Lighthouse, mobile (reported, not asserted): medians",
        f"{'site':>6}  {'page':<10} {'performance':>11} {'LCP ms':>8} {'TBT ms':>8}  runs",
    ]
    for site, kinds in found.items():
        for kind, got in kinds.items():
            shown = [
                "-" if got[f"median_{m}"] is None else f"{got[f'median_{m}']:g}"
                for m in ("performance", *LIGHTHOUSE_METRICS)
            ]
            lines.append(
                f"{site:>6}  {kind:<10} {shown[0]:>11} {shown[1]:>8} {shown[2]:>8}  {got['runs']['performance']}"
            )
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    return sorted({int(x.replace("_", "")) for x in re.split(r"[,\s]+", text.strip()) if x})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The settings of a run: --quick (or the full protocol) filled in where --sizes and --runs are not given."""
    p = argparse.ArgumentParser(description="Benchmark modelfacts check and the site build.")
    p.add_argument(
        "--quick", action="store_true", help=f"sizes {QUICK_SIZES} and {QUICK_RUNS} runs unless told otherwise"
    )
    p.add_argument("--sizes", type=parse_sizes, help="comma-separated numbers of models")
    p.add_argument("--runs", type=int, help=f"runs per measurement (default {FULL_RUNS}, or {QUICK_RUNS} with --quick)")
    p.add_argument("--serve-runs", type=int, help="edits measured under mkdocs serve (default: --runs)")
    p.add_argument("--serve-dirty", action="store_true", help="run mkdocs serve with --dirty as well")
    p.add_argument("--search-runs", type=int, default=3, help="browser runs of each search (default 3)")
    p.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs of each page (default 3)")
    p.add_argument("--claims", type=int, default=20, help="claims per model (default 20)")
    p.add_argument("--sources", type=int, default=200, help="source articles (default 200)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--hostile", type=int, default=50, help="quotes in the hostile case (default 50; 0 skips it)")
    p.add_argument("--only", help=f"comma-separated subset of: {', '.join(TOOLS)}")
    p.add_argument("--timeout", type=float, default=3600, help="seconds any one command may take")
    p.add_argument("--work", type=Path, default=HERE / "work", help="where synthetic bases go")
    p.add_argument("--results", type=Path, default=HERE / "results", help="where the JSON results go")
    args = p.parse_args(argv)
    args.sizes = args.sizes or list(QUICK_SIZES if args.quick else FULL_SIZES)
    args.runs = args.runs or (QUICK_RUNS if args.quick else FULL_RUNS)
    args.tools = [t for t in TOOLS if not args.only or t in args.only.split(",")]
    if args.only and (bad := set(args.only.split(",")) - set(TOOLS)):
        p.error(f"unknown tool(s): {', '.join(sorted(bad))}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes, tools = args.sizes, args.tools
    if "live-edit" in tools and "build" not in tools:
        log("note: live edit is compared with the full build; add `build` to --only for that ratio")
    args.work = args.work.resolve()  # the server runs in the base's folder
    args.work.mkdir(parents=True, exist_ok=True)
    lock = open(args.work / ".lock", "w")  # noqa: SIM115 - held open (and locked) until the process exits
    try:  # two runs sharing a work folder would overwrite each other's bases and site copies
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        raise BenchError(f"another benchmark is running in {args.work}; wait for it or pass --work") from None
    started = datetime.now(UTC)
    info = machine()
    args.snapshot, info["site_code_sha256"] = snapshot_site(args.work)
    rows: list[Row] = []
    extras: dict[int, dict] = {}
    for n in sizes:
        got, extra = bench_size(args, n, tools)
        rows += got
        extras[n] = extra
    real = bench_real_lighthouse(args) if "lighthouse" in tools else None
    hostile_row = bench_hostile(args) if args.hostile > 0 else None
    found = ratios(rows, extras, hostile_row)
    print(table(rows + ([hostile_row] if hostile_row else []), found))
    for n, extra in extras.items():
        for name in ("pagefind", "material"):
            if name in extra.get("search", {}):
                got = extra["search"][name]
                print(f"search N={n} {name:<9} first result {got['median_s']:.3f} s, {got['median_bytes']:,} B  {got}")
    lighthouse = {str(n): e["lighthouse"] for n, e in extras.items() if "lighthouse" in e}
    if real is not None:
        lighthouse["real"] = real
    if lighthouse:
        print(lighthouse_table(lighthouse))
    result = {
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "params": {
            "sizes": sizes,
            "claims": args.claims,
            "sources": args.sources,
            "seed": args.seed,
            "runs": args.runs,
            "serve_runs": args.serve_runs or args.runs,
            "serve_dirty": args.serve_dirty,
            "lighthouse_runs": args.lighthouse_runs,
            "tools": tools,
            "hostile": {"quotes": args.hostile, "words": HOSTILE_WORDS, "kib": HOSTILE_KIB},
        },
        "machine": info,
        "results": [r.as_json() for r in rows],
        "hostile": hostile_row.as_json() if hostile_row else None,
        "pages": {str(n): e for n, e in extras.items()},
        "lighthouse": lighthouse,
        "ratios": found,
    }
    args.results.mkdir(parents=True, exist_ok=True)
    out = args.results / f"{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    text = json.dumps(result, indent=1) + "\n"
    out.write_text(text)
    (args.results / "latest.json").write_text(text)
    log(f"results written to {out} and latest.json")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        sys.exit(2)
