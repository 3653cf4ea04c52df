"""Fixtures and helpers for the browser tests: built sites served over HTTP or opened from disk,
one Chromium per session.

Debian's chromium (or the one $CHROMIUM names) is driven by Playwright; no browser is ever downloaded. Without chromium or
Playwright the browser tests skip on a workstation and fail when CI=true.
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

import pytest
from conftest import REPO, build_env

CHROMIUM = Path(os.environ.get("CHROMIUM") or "/usr/bin/chromium")
"""Debian's chromium by default; set CHROMIUM to another Chromium build on other systems."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 10_000

# Catches every attempt to run script from page content: alert/confirm/prompt/print are replaced by a
# trap that sets window.__pwned and reports to the test through an exposed binding, which survives
# navigation (the window flag does not).
TRAP_JS = """
(() => {
  const trap = (name) => function (...args) {
    window.__pwned = true;
    try { window.__mfPwned(name + '(' + args.map(String).join(', ') + ')'); } catch (e) {}
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    Object.defineProperty(window, name, {value: trap(name), writable: false, configurable: false});
  }
})();
"""

# Relative luminance contrast of an element's text against the background actually behind it,
# compositing semi-transparent backgrounds up the ancestor chain over white.
CONTRAST_JS = """
(el) => {
  const parse = (s) => {
    let m = s.match(/^rgba?\\(([^)]+)\\)$/);
    if (m) {
      const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = s.match(/^color\\(srgb ([^)]+)\\)$/);
    if (m) {
      const p = m[1].split(/[\\s\\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    throw new Error('cannot parse colour ' + s);
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const chain = [];
  for (let n = el; n; n = n.parentElement) chain.push(getComputedStyle(n).backgroundColor);
  let bg = [255, 255, 255, 1];
  for (const c of chain.reverse()) bg = over(parse(c), bg);
  const style = getComputedStyle(el);
  const fg = over(parse(style.color), bg);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
  return {ratio: (hi + 0.05) / (lo + 0.05), color: style.color, background: chain[chain.length - 1],
          text: el.textContent, visibility: style.visibility, opacity: style.opacity};
}
"""


def unavailable(reason: str) -> None:
    """No browser here: a failure in CI, where the browser tests must run; a skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(f"browser tests need Playwright and {CHROMIUM}: {reason}")


def missing_from_pages_branch(what: str) -> NoReturn:
    """The openness card and the licence and framework pages come from the `pages` branch of issue #15:
    without them a test fails when CI=true, where every branch is merged, and skips elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} is missing from the built site", pytrace=False)
    pytest.skip(f"{what} is not built on this branch (it comes from the `pages` branch)")


def needs_page(site: Path, path: str) -> str:
    """`path` if the built site has it (see missing_from_pages_branch)."""
    if not (site / path).is_file():
        missing_from_pages_branch(path)
    return path


def build_site(config: Path, dest: Path) -> Path:
    out = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(dest)],
        capture_output=True,
        text=True,
        env=build_env(),
    )
    assert out.returncode == 0, out.stderr
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 from a background thread; yields its base URL (ends in '/')."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory))
    )
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {directory.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


@dataclass
class Tab:
    """A page in its own browser context, with everything it reported."""

    page: object
    base: str
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    pwned: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)

    def open(self, path: str):
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return response


def open_tab(browser, base: str, **context_options) -> Tab:
    """A fresh context: external requests answered empty (the tests never touch the network and
    the site must work offline), console errors, uncaught exceptions and dialogs recorded."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    tab = Tab(page, base)
    local = re.compile(r"^https?://(?!127\.0\.0\.1[:/])")

    def block(route):
        tab.external.append(route.request.url)
        route.fulfill(status=200, body="", content_type="text/plain")

    context.route(local, block)
    context.expose_binding("__mfPwned", lambda _source, what: tab.pwned.append(what))
    context.add_init_script(TRAP_JS)
    page.on(
        "console",
        lambda msg: (
            tab.errors.append(f"console: {msg.text} ({msg.location.get('url')})") if msg.type == "error" else None
        ),
    )
    page.on("pageerror", lambda exc: tab.errors.append(f"pageerror: {exc}"))

    def on_dialog(dialog):
        tab.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return tab


def axe_path() -> Path:
    import axe_playwright_python

    return Path(axe_playwright_python.__file__).parent / "axe.min.js"


def axe_violations(page) -> list[dict]:
    """axe's serious and critical violations on the open page, nothing excepted: each with its rule `id`,
    `impact`, `help` and `where`, a (selector, failure summary) pair per offending node.
    test_browser.py and `make audit` (.ci/audit.py) both judge pages by this."""
    page.add_script_tag(path=str(axe_path()))
    results = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [
                (" ".join(map(str, n["target"])), " ".join(n.get("failureSummary", "").split())) for n in v["nodes"]
            ],
        }
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        unavailable(f"Playwright is not installed ({exc})")
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} does not exist")
    pw = sync_playwright().start()
    try:
        try:
            chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Exception as exc:  # a chromium that cannot start is as good as none
            unavailable(f"{CHROMIUM} did not start: {exc}")
        yield chromium
        chromium.close()
    finally:
        pw.stop()


@pytest.fixture(scope="session")
def built_site(browser, tmp_path_factory) -> Path:
    """The real site, built once for the browser tests."""
    return build_site(REPO / "mkdocs.yml", tmp_path_factory.mktemp("browser-site"))


@pytest.fixture(scope="session")
def openness_site(browser, tmp_path_factory) -> Path:
    """A small project whose claims assert openness (tests/opennessbase.py: several developers, every
    verdict, every licence class), built once: the matrix is tested without waiting for curation."""
    from opennessbase import openness_project

    project = openness_project(tmp_path_factory.mktemp("openness-project"))
    return build_site(project.root / "mkdocs.yml", tmp_path_factory.mktemp("openness-site"))


@pytest.fixture(params=["http", "disk"])
def openness_at(request, openness_site) -> Iterator[str]:
    """The openness site's base URL, served over HTTP and opened from disk."""
    if request.param == "disk":
        yield openness_site.as_uri() + "/"
    else:
        with serve(openness_site) as base:
            yield base


@pytest.fixture(scope="session")
def live_site(built_site):
    """The real site served over HTTP: (base URL, checked fact base)."""
    from modelfacts.check import check_root

    with serve(built_site) as base:
        yield base, check_root(REPO).base


@pytest.fixture(scope="session")
def disk_site(built_site):
    """The same site opened from disk, as a reader who unzipped it would: (file:// base URL, fact base)."""
    from modelfacts.check import check_root

    return built_site.as_uri() + "/", check_root(REPO).base


@pytest.fixture
def new_tab(browser):
    """Factory: new_tab(base, **context_options) -> Tab; its context is closed after the test."""
    tabs: list[Tab] = []

    def make(base: str, **options) -> Tab:
        tabs.append(open_tab(browser, base, **options))
        return tabs[-1]

    yield make
    for tab in tabs:
        tab.page.context.close()


@pytest.fixture
def tab(live_site, new_tab) -> Tab:
    """A desktop-sized page on the real site."""
    return new_tab(live_site[0])
