"""kinds.py: the one table of record kinds, `classify` by path, and the walk of facts/ and seeds/."""

from __future__ import annotations

import os
import threading

import pytest
from conftest import REPO

from modelfacts import kinds, schemas
from modelfacts.kinds import LICENCES, MODEL, PUBLISHERS, SOURCE


@pytest.mark.parametrize(
    "rel, kind",
    [
        ("facts/gpt-4.yaml", MODEL),
        ("seeds/murphy-2026-google-legacy-models.yaml", SOURCE),
        ("facts/gpt-4.yml", MODEL),
        ("seeds/x.YAML", SOURCE),
        ("seeds/publishers.yaml", PUBLISHERS),
        ("seeds/licences.yaml", LICENCES),
        ("seeds/publishers.yml", SOURCE),
        ("seeds/primary/publishers.yaml", None),
        ("facts/publishers.yaml", MODEL),
        ("facts/.gpt-4.yaml", None),
        ("facts/sub/gpt-4.yaml", None),
        ("facts/notes.md", None),
        ("seeds/000_04d8fc4c021dbac8.txt", None),
        ("seeds/primary/meta-llama__llama@llama_v1__LICENSE", None),
        ("seeds/primary/config.yaml", None),
        ("docs/x.yaml", None),
        ("x.yaml", None),
        ("facts/", None),
    ],
)
def test_classify_tells_records_from_everything_else_by_path(rel, kind):
    assert kinds.classify(rel) is kind


def test_one_kind_per_schema_and_folder():
    assert [k.schema_file for k in kinds.KINDS] == list(schemas.SCHEMAS)
    assert sorted(p.name for p in (REPO / "schemas").glob("*.json")) == sorted(k.schema_file for k in kinds.KINDS)
    many = [k.folder for k in kinds.KINDS if k.file is None]
    assert len(set(many)) == len(many) and all(k.folder in many for k in kinds.KINDS)
    assert kinds.BY_NAME == {"model": MODEL, "source": SOURCE, "publishers": PUBLISHERS, "licences": LICENCES}
    assert (PUBLISHERS.path_of("x"), PUBLISHERS.glob) == ("seeds/publishers.yaml", "seeds/publishers.yaml")
    assert MODEL.header == "# yaml-language-server: $schema=../schemas/model.schema.json"
    assert (MODEL.glob, SOURCE.path_of("acme-news")) == ("facts/*.yaml", "seeds/acme-news.yaml")
    for kind in kinds.KINDS:
        assert (REPO / kind.folder / kind.header.split("=", 1)[1]).resolve() == (
            REPO / "schemas" / kind.schema_file
        ).resolve(), "the header's relative path leads to the schema from a record"


def test_the_real_fact_base_walks_clean():
    tree = kinds.scan(REPO)
    assert tree.problems == []
    assert [r.display for r in tree.records] == [
        *sorted(f"facts/{p.name}" for p in (REPO / "facts").glob("*.yaml")),
        *sorted(f"seeds/{p.name}" for p in (REPO / "seeds").glob("*.yaml")),
    ]
    seeds = REPO / "seeds"
    documents = {*(p.name for p in seeds.glob("*.txt")), *(f"primary/{p.name}" for p in (seeds / "primary").iterdir())}
    assert {d.name for d in tree.documents} == documents
    assert kinds.record_files(REPO) == tree.records
    assert all(r.kind is kinds.classify(r.display) for r in tree.records)


def test_documents_are_found_at_any_depth_and_named_from_seeds(tmp_path):
    for rel in (
        "seeds/a.txt",
        "seeds/primary/LICENSE",
        "seeds/primary/org__repo@v1__README.md",
        "seeds/primary/x.yaml",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("text\n")
    (tmp_path / "seeds/r.yaml").write_text("id: r\n")
    tree = kinds.scan(tmp_path)
    assert [d.name for d in tree.documents] == [
        "a.txt",
        "primary/LICENSE",
        "primary/org__repo@v1__README.md",
        "primary/x.yaml",
    ]
    assert [(r.display, r.kind) for r in tree.records] == [("seeds/r.yaml", SOURCE)]
    assert tree.problems == []


def test_a_document_linking_out_of_seeds_is_kept_but_marked_and_never_read(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("secret\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds/a.txt").symlink_to(outside)
    (tmp_path / "seeds/b.txt").write_text("inside\n")
    (tmp_path / "seeds/c.txt").symlink_to("b.txt")
    tree = kinds.scan(tmp_path)
    assert [(d.name, d.escapes) for d in tree.documents] == [("a.txt", True), ("b.txt", False), ("c.txt", False)]


def test_links_to_folders_are_not_followed_so_loops_end(tmp_path):
    (tmp_path / "seeds/primary").mkdir(parents=True)
    (tmp_path / "seeds/primary/again").symlink_to(tmp_path / "seeds", target_is_directory=True)
    (tmp_path / "seeds/primary/doc").write_text("x\n")
    tree = kinds.scan(tmp_path)
    assert [d.name for d in tree.documents] == ["primary/doc"]
    assert [(p.file, p.rule) for p in tree.problems] == [("seeds/primary/again", "file-unexpected")]


def test_no_folders_no_records(tmp_path):
    assert kinds.scan(tmp_path) == kinds.Tree()
    (tmp_path / "facts").write_text("a file where the folder should be\n")
    assert kinds.scan(tmp_path) == kinds.Tree()


def _in_a_thread(call):
    """The result of `call`, which must return within seconds (a blocking open would hang the test run)."""
    out: list = []
    thread = threading.Thread(target=lambda: out.append(call()), daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive() and out, "blocked, or raised"
    return out[0]


def test_read_gives_the_bytes_of_a_regular_file(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts/a.yaml").write_bytes(b"id: a\r\n")
    (record,) = kinds.record_files(tmp_path)
    assert kinds.read(record) == (b"id: a\r\n", [])


def test_read_never_blocks_on_a_fifo_that_replaced_a_file(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts/a.yaml").write_text("id: a\n")
    (record,) = kinds.record_files(tmp_path)
    (tmp_path / "facts/a.yaml").unlink()
    os.mkfifo(tmp_path / "facts/a.yaml")  # after the walk: read() must see it for itself
    raw, problems = _in_a_thread(lambda: kinds.read(record))
    assert raw is None
    assert [(p.file, p.line, p.col, p.rule) for p in problems] == [("facts/a.yaml", 1, 1, "file-unexpected")]
    assert "named pipe" in problems[0].message


def test_read_of_a_vanished_file_is_a_problem(tmp_path):
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts/a.yaml").write_text("id: a\n")
    (record,) = kinds.record_files(tmp_path)
    (tmp_path / "facts/a.yaml").unlink()
    raw, problems = kinds.read(record)
    assert raw is None and [p.rule for p in problems] == ["file-unreadable"]
