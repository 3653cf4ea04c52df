"""check.py: the pipeline from a project root to problems and a fact base, and what it imports."""

from __future__ import annotations

import subprocess
import sys

from conftest import ARTICLE, REPO, source_record

from modelfacts import check
from modelfacts.cache import Cache
from modelfacts.check import check_root


def test_importing_the_checker_does_not_import_the_rewriter():
    code = (
        "import sys, modelfacts.check, modelfacts.rules, modelfacts.layout\n"
        "print(sorted(m for m in sys.modules if m.startswith(('ruamel', 'modelfacts.fmt', 'modelfacts.scaffold'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env={"PYTHONPATH": str(REPO / "hooks")}
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_counts_every_record_and_document(project):
    assert check_root(project.root).files == 6  # one model, two sources, their two articles, the registry


def test_style_problems_alone_keep_a_file_in_the_fact_base(project):
    path = project.root / "facts/widget-1.yaml"
    text = path.read_text()
    path.write_text(
        text.split("\n", 1)[1].replace(
            "name: Widget-1\ndevelopers: [acme-labs]", "developers: [acme-labs]\nname: Widget-1"
        )
    )
    result = check_root(project.root)
    assert sorted(p.rule for p in result.problems) == ["format", "schema-comment"]
    assert [m.id for m in result.base.models] == ["widget-1"]


def test_a_schema_problem_keeps_a_file_out_and_its_ids_unreported(project):
    path = project.root / "seeds/acme-news.yaml"
    path.write_text(path.read_text().replace("kind: news", "kind: gossip"))
    result = check_root(project.root)
    assert [(p.file, p.rule) for p in result.problems] == [("seeds/acme-news.yaml", "schema")]
    assert "acme-news" not in result.base.sources and "acme-news" in result.base.unchecked_ids


def test_an_unreadable_record_is_known_by_its_file_name(project):
    (project.root / "seeds/acme-news.yaml").unlink()
    (project.root / "seeds/acme-news.yaml").symlink_to("nowhere.yaml")
    errors = [p for p in check_root(project.root).problems if p.severity == "error"]
    rules = {p.rule for p in errors}
    assert "file-unreadable" in rules and "source-exists" not in rules, [p.text() for p in errors]


def test_a_duplicate_source_id_is_reported_once_and_the_first_record_kept(project):
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE), None)
    twin = project.root / "seeds/acme-news-twin.yaml"
    (project.root / "seeds/acme-news.yaml").rename(twin)
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE))
    result = check_root(project.root)
    assert sorted((p.file, p.rule) for p in result.problems) == [
        ("seeds/acme-news-twin.yaml", "file-name"),
        ("seeds/acme-news.yaml", "duplicate-id"),
    ]
    assert result.base.sources["acme-news"].origin.doc.path == "seeds/acme-news-twin.yaml"
    assert result.problems[1].message == "source id `acme-news` is also declared in seeds/acme-news-twin.yaml"


def test_unchanged_files_are_not_checked_again(project):
    cache = Cache()
    first = check_root(project.root, cache)
    cached = dict(cache.checked)
    second = check_root(project.root, cache)
    assert cache.checked == cached and second.problems == first.problems
    path = project.root / "facts/widget-1.yaml"
    path.write_text(path.read_text().replace("source: rival-news", "source: rival-newz"))
    third = check_root(project.root, cache)
    assert [p.rule for p in third.problems] == ["source-exists", "source-unused"]
    changed = [key for key in cache.checked if cache.checked[key] is not cached.get(key)]
    assert [key[0] for key in changed] == [str(path)]
    cache.clear()
    assert cache.checked == {}


def test_without_a_cache_nothing_is_kept(project, monkeypatch):
    """`mkdocs build` passes no cache: every file is read, and nothing outlives the check."""
    seen = []
    real = check.load_bytes
    monkeypatch.setattr(check, "load_bytes", lambda raw, display: seen.append(display) or real(raw, display))
    check_root(project.root)
    check_root(project.root)
    assert len(seen) == 2 * len(set(seen)) and "facts/widget-1.yaml" in seen
