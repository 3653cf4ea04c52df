"""Shared fixtures: a throw-away project root built from small, valid fact files."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SITE_FILES = ("mkdocs.yml", "docs", "overrides", "schemas", "hooks")
VALID_WIDGET = Path(__file__).parent / "fixtures" / "valid-widget.yaml"
"""The valid fact file every rule fixture is a one-change mutation of; equals model_record()."""
MODEL_HEADER = "# yaml-language-server: $schema=../schemas/model.schema.json\n"
SOURCE_HEADER = "# yaml-language-server: $schema=../schemas/source.schema.json\n"
PUBLISHERS_HEADER = "# yaml-language-server: $schema=../schemas/publishers.schema.json\n"

ARTICLE = (
    "Acme Labs released Widget-1 on March 3, 2025.\n\n"
    "The weights of Widget-1 are available under the Apache 2.0 licence, the company said.\n"
    "Critics say Widget-1 is “not open at all” — its training data stays secret…\n"
)
OTHER_ARTICLE = "A rival outlet reports that Widget-1 weights remain closed and API-only.\n"


def source_record(ident: str, file: str, text: str, **over) -> dict:
    rec = {
        "id": ident,
        "file": file,
        "sha256": hashlib.sha256(text.encode()).hexdigest(),
        "title": f"Article {ident}",
        "publisher": None,
        "authors": ["A. Writer"],
        "published": "2025-03-04",
        "url": None,
        "kind": "news",
        "document": "article",
        "reliability": "C",
        "reliability_note": "A named outlet with a byline.",
    }
    rec.update(over)
    return rec


def model_record(**over) -> dict:
    rec = {
        "id": "widget-1",
        "name": "Widget-1",
        "developers": ["acme-labs"],
        "family": "Widget",
        "modality": ["text"],
        "aliases": ["W1"],
        "claims": [
            {
                "id": "released",
                "statement": "Widget-1 was released on 3 March 2025.",
                "topic": "release",
                "date": "2025-03-03",
                "confidence": "medium",
                "status": "current",
                "citations": [
                    {
                        "source": "acme-news",
                        "stance": "supports",
                        "quote": "Acme Labs released Widget-1 on March 3, 2025.",
                    }
                ],
            },
            {
                "id": "open-weights",
                "statement": "Widget-1's weights are openly available.",
                "topic": "weights",
                "confidence": "very low",
                "status": "disputed",
                "rationale": "One outlet says open, another says closed.",
                "citations": [
                    {
                        "source": "acme-news",
                        "stance": "supports",
                        "quote": "The weights of Widget-1 are available under the Apache 2.0 licence",
                    },
                    {
                        "source": "rival-news",
                        "stance": "contradicts",
                        "quote": "Widget-1 weights remain closed and API-only",
                    },
                ],
            },
        ],
    }
    rec.update(over)
    return rec


def publishers_record(*entries: tuple[str, str], **aliases: list[str]) -> dict:
    """A publishers registry of (id, name) entries; `aliases` by id (with _ for -)."""
    return {
        "publishers": [
            {"id": ident, "name": name, "aliases": aliases.get(ident.replace("-", "_"), [])} for ident, name in entries
        ]
    }


REGISTRY = publishers_record(("acme-labs", "Acme Labs"), ("acme-wire", "Acme Wire"), ("rival-times", "Rival Times"))
"""The project's publishers: the developer of Widget-1 and the publishers of its two sources."""


def licence_entry(ident: str, licence_class: str = "restricted", **over) -> dict:
    """An entry of the licence table, its text not stored unless `over` names one."""
    rec = {"id": ident, "name": f"The {ident} licence", "class": licence_class, "reason": "Its terms say so."}
    if "text" not in over:
        rec["not_stored"] = "Not stored here."
    return {**rec, "terms": [], **over}


def dump(data: object, header: str = "") -> str:
    """YAML text in the canonical layout (the checker's `format` rule wants it)."""
    from modelfacts import fmt, kinds

    text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    if not header:
        return text
    kind = next(k.name for k in kinds.KINDS if k.header == header.strip())
    canonical, problems = fmt.rewrite(text.encode("utf-8"), kind, "generated.yaml")
    assert canonical is not None, problems
    return canonical


class Project:
    """A project root in a temporary folder, with helpers to write its files."""

    def __init__(self, root: Path):
        self.root = root

    def write(self, rel: str, content: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.write_bytes if isinstance(content, bytes) else lambda c: path.write_text(c, encoding="utf-8"))(content)
        return path

    def write_model(self, data: dict, name: str | None = None) -> Path:
        return self.write(f"facts/{name or data['id']}.yaml", dump(data, MODEL_HEADER))

    def write_publishers(self, data: dict) -> Path:
        return self.write("seeds/publishers.yaml", dump(data, PUBLISHERS_HEADER))

    def write_licences(self, *entries: dict) -> Path:
        from modelfacts.kinds import LICENCES

        return self.write(LICENCES.path_of(""), dump({"licences": list(entries)}, LICENCES.header + "\n"))

    def write_source(self, data: dict, text: str | None = None) -> Path:
        if text is not None:
            self.write(f"seeds/{data['file']}", text)
        return self.write(f"seeds/{data['id']}.yaml", dump(data, SOURCE_HEADER))

    def check(self, *args: str) -> subprocess.CompletedProcess:
        return run_cli("check", "--root", str(self.root), *args)

    def build(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(self.root / "mkdocs.yml"), *args],
            capture_output=True,
            text=True,
            env=build_env(),
        )


def build_env() -> dict:
    import os

    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1767225600"}


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "modelfacts", *args], capture_output=True, text=True)


def new_project(root: Path, *, with_site: bool = True) -> Project:
    project = Project(root)
    if with_site:
        for name in SITE_FILES:
            src = REPO / name
            if src.is_dir():
                shutil.copytree(src, root / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(src, root / name)
    project.write_publishers(REGISTRY)
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE, publisher="acme-wire"), ARTICLE)
    project.write_source(
        source_record("rival-news", "rival.txt", OTHER_ARTICLE, publisher="rival-times"), OTHER_ARTICLE
    )
    project.write("facts/widget-1.yaml", VALID_WIDGET.read_text(encoding="utf-8"))
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A small valid project: two sources, one model with a disputed claim."""
    return new_project(tmp_path)


SLOW_MODULES = {"test_browser.py", "test_benchmark.py"}
SLOW_FIXTURES = {"real_site", "built_site", "live_site", "disk_site", "hostile_site"}
"""Fixtures that build a whole site: any test that asks for one is slow."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """`slow` by what a test does (see SLOW_*), or by an explicit @pytest.mark.slow: `make test-fast`
    runs the rest, `make test` runs everything."""
    for item in items:
        if item.path.name in SLOW_MODULES or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
