"""Every rule: a fixture that breaks it (named after it) and the valid base that passes it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ARTICLE, OTHER_ARTICLE, REGISTRY, REPO, licence_entry, publishers_record, source_record

from modelfacts import rules
from modelfacts.check import check_root
from modelfacts.problems import ERROR, WARNING
from modelfacts.rules.dates import TODAY_VARIABLE

FIXTURES = Path(__file__).parent / "fixtures" / "facts"
TODAY = "2026-01-01"
"""The day the fixtures are checked on: after every valid date in them, before the ones made to be future."""
EXPECT = re.compile(r"# expect: (?P<rule>[\w-]+) (?P<line>\d+):(?P<col>\d+)\s*$")


def fixture_cases():
    for path in sorted(FIXTURES.glob("*.yaml")):
        m = EXPECT.search(path.read_text(encoding="utf-8"))
        assert m, f"{path.name} lacks an '# expect: rule line:col' line"
        assert path.stem.split("--")[0] == m["rule"], f"{path.name} is not named after the rule it breaks"
        yield pytest.param(path, m["rule"], int(m["line"]), int(m["col"]), id=path.stem)


def errors(root: Path):
    return [p for p in check_root(root).problems if p.severity == ERROR]


def test_valid_fixture_is_the_model_record():
    import yaml
    from conftest import VALID_WIDGET, model_record

    assert yaml.safe_load(VALID_WIDGET.read_text()) == model_record()


def test_valid_project_passes_every_rule(project):
    result = check_root(project.root)
    assert result.problems == []
    assert [m.id for m in result.base.models] == ["widget-1"]


@pytest.mark.parametrize("path, rule, line, col", list(fixture_cases()))
def test_fixture_breaks_exactly_its_rule(project, monkeypatch, path, rule, line, col):
    monkeypatch.setenv(TODAY_VARIABLE, TODAY)
    project.write("facts/widget-1.yaml", path.read_bytes())
    found = errors(project.root)
    assert found, "the fixture should fail the check"
    assert {p.rule for p in found} == {rule}, [p.text() for p in found]
    assert ("facts/widget-1.yaml", line, col) in {(p.file, p.line, p.col) for p in found}, [p.text() for p in found]
    assert all(p.hint for p in found), "every problem says how to fix it"


def test_tag_is_refused_not_run(project, tmp_path):
    project.write("facts/widget-1.yaml", (FIXTURES / "yaml-tag--python-object.yaml").read_bytes())
    errors(project.root)
    assert not Path("/tmp/modelfacts-pwned").exists()


SHOWN_BY_TEST = {
    "file-unexpected": "test_file_unexpected",
    "file-unreadable": "test_file_unreadable",
    "file-link": "test_file_link",
    "file-extension": "test_file_extension",
    "file-stray": "test_file_stray",
    "encoding": "test_encoding",
    "file-size": "test_file_size",
    "duplicate-id": "test_duplicate_id",
    "seed-path": "test_seed_path_symlink_leaving_seeds",
    "seed-missing": "test_seed_missing",
    "seed-unlisted": "test_seed_unlisted",
    "seed-hash": "test_seed_hash",
    "seed-encoding": "test_seed_encoding",
    "source-unused": "test_source_unused_is_a_warning",
    "source-duplicate": "test_source_duplicate",
    "publisher-id-unique": "test_publisher_id_unique",
    "publisher-name-unique": "test_publisher_name_unique",
    "syndicated-from": "test_syndicated_from",
    "provenance-pinned": "test_provenance_pinned",
    "unused-cited": "test_unused_cited",
    "licence-id": "test_licence_id",
    "licence-class": "test_licence_class",
    "licence-text": "test_licence_text",
    "licence-terms": "test_licence_terms",
    "aside-unmarked": "test_aside_unmarked_is_a_warning",
}
"""Rules no fixture can break (they need bytes, several files or the file system), and their test."""


def test_every_rule_has_a_failing_case():
    named = {p.stem.split("--")[0] for p in FIXTURES.glob("*.yaml")}
    assert {r.id for r in rules.RULES} == named | SHOWN_BY_TEST.keys()
    assert not named & SHOWN_BY_TEST.keys()
    for test in SHOWN_BY_TEST.values():
        assert callable(globals().get(test)), f"{test} is not a test here"
    assert all(r.description and r.id == r.id.lower() for r in rules.RULES)


# The rule table: every rule id is written there once, and every problem is made by a rule.

MODULES = sorted((REPO / "hooks").rglob("*.py"))
RULE_MODULES = set((REPO / "hooks" / "modelfacts" / "rules").glob("*.py"))


def test_rule_ids_are_unique_and_the_table_is_complete():
    assert len(rules.RULES_BY_ID) == len(rules.RULES)
    constants = [v for v in vars(rules).values() if isinstance(v, rules.Rule)]
    assert all(rule in rules.RULES for rule in constants), "a Rule outside RULES"


def test_only_the_rule_table_makes_problems():
    for path in MODULES:
        if path not in RULE_MODULES:
            made = re.findall(r"\bProblem\(", path.read_text(encoding="utf-8"))
            assert not made, f"{path.relative_to(REPO)} makes a Problem itself: use a Rule's `at`"


def test_no_rule_id_is_written_outside_the_rule_table():
    for path in MODULES:
        if path in RULE_MODULES:
            continue
        text = path.read_text(encoding="utf-8")
        for rule in rules.RULES:
            assert not re.search(rf"""(['"]){re.escape(rule.id)}\1""", text), f"{rule.id} in {path.name}"


def test_each_rule_is_reported_where_the_table_says():
    names = {rule: name for name, rule in vars(rules).items() if isinstance(rule, rules.Rule)}
    for rule in rules.RULES:
        if rule.where == "rules":
            assert rule.check is not None and rule.scopes and set(rule.scopes) <= rules.SCOPES.keys(), rule.id
            continue
        assert rule.check is None and not rule.scopes, rule.id
        module = REPO / "hooks" / "modelfacts" / f"{rule.where}.py"
        assert re.search(rf"\b{names[rule]}\b", module.read_text(encoding="utf-8")), f"{rule.id} not in {module.name}"


def test_the_runner_gives_a_rule_one_item_of_its_scopes_at_a_time(project, monkeypatch):
    base = check_root(project.root).base
    seen = []

    def spy(item, given):
        assert given is base
        seen.append(item)
        yield rules.Finding(getattr(item, "origin", item), "seen", "nothing to do", ("id",))

    monkeypatch.setattr(rules, "RULES", (rules.Rule("spy", "A spy.", "rules", spy, ("claim", "document"), WARNING),))
    problems = rules.run(base)
    assert seen == [claim for _, claim in base.claims] + list(base.seed_files.values())
    assert [(p.file, p.line, p.col, p.rule, p.severity) for p in problems] == [
        ("facts/widget-1.yaml", 9, 9, "spy", WARNING),
        ("facts/widget-1.yaml", 19, 9, "spy", WARNING),
        ("seeds/acme.txt", 1, 1, "spy", WARNING),
        ("seeds/rival.txt", 1, 1, "spy", WARNING),
    ]


# Rules that need the file system, more than one fact file, or bytes no text fixture can hold.


def walk_problems(root: Path) -> list[tuple[str, str, int, int, str]]:
    """(file, rule, line, col, severity) of what the check says, run in a child process that must finish."""
    import json
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "modelfacts", "check", "--format", "json", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "Traceback" not in out.stderr, out.stderr
    found = json.loads(out.stdout)
    assert out.returncode == (1 if any(p["severity"] == ERROR for p in found) else 0)
    assert all(p["hint"] for p in found)
    return [(p["file"], p["rule"], p["line"], p["col"], p["severity"]) for p in found]


def test_file_unexpected(project):
    import os

    (project.root / "facts/folder.yaml").mkdir()
    os.mkfifo(project.root / "facts/pipe.yaml")
    os.mkfifo(project.root / "seeds/pipe.txt")
    (project.root / "seeds/null.txt").symlink_to("/dev/null")
    (project.root / "seeds/primary").mkdir()
    (project.root / "seeds/primary/folder-link").symlink_to(project.root / "seeds", target_is_directory=True)
    assert walk_problems(project.root) == [
        ("facts/folder.yaml", "file-unexpected", 1, 1, ERROR),
        ("facts/pipe.yaml", "file-unexpected", 1, 1, ERROR),
        ("seeds/null.txt", "file-unexpected", 1, 1, ERROR),
        ("seeds/pipe.txt", "file-unexpected", 1, 1, ERROR),
        ("seeds/primary/folder-link", "file-unexpected", 1, 1, ERROR),
    ]


def test_file_unreadable(project):
    (project.root / "facts/gone.yaml").symlink_to(project.root / "facts/nowhere.yaml")
    (project.root / "seeds/loop.txt").symlink_to(project.root / "seeds/loop.txt")
    (project.root / "seeds/primary").mkdir()
    (project.root / "seeds/primary/LICENSE").symlink_to("LICENSE")
    assert walk_problems(project.root) == [
        ("facts/gone.yaml", "file-unreadable", 1, 1, ERROR),
        ("seeds/loop.txt", "file-unreadable", 1, 1, ERROR),
        ("seeds/primary/LICENSE", "file-unreadable", 1, 1, ERROR),
    ]


def test_file_unreadable_without_permission(project, monkeypatch):
    """Tests run as root, whom chmod 000 does not stop: the refusal is simulated where the walk opens files."""
    import os

    project.write("seeds/primary/LICENSE", "MIT\n")
    denied = {str(project.root / p) for p in ("facts/widget-1.yaml", "seeds/acme.txt", "seeds/primary")}
    real_open, real_scandir = os.open, os.scandir

    def refuse(real):
        def call(path, *args):
            if str(path) in denied:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, *args)

        return call

    monkeypatch.setattr(os, "open", refuse(real_open))
    monkeypatch.setattr(os, "scandir", refuse(real_scandir))
    found = errors(project.root)
    assert [(p.file, p.rule, p.line, p.col) for p in found] == [
        ("facts/widget-1.yaml", "file-unreadable", 1, 1),
        ("seeds/acme.txt", "file-unreadable", 1, 1),
        ("seeds/primary", "file-unreadable", 1, 1),
    ], [p.text() for p in found]
    assert found[0].message == "facts/widget-1.yaml cannot be read (Permission denied)"


def test_file_unreadable_folder_as_a_user(project):
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads whatever chmod says; test_file_unreadable_without_permission simulates it")
    (project.root / "seeds/primary").mkdir(mode=0)
    try:
        assert walk_problems(project.root) == [("seeds/primary", "file-unreadable", 1, 1, ERROR)]
    finally:
        (project.root / "seeds/primary").chmod(0o755)


SECRET = "secret-content-never-shown: 42\n"


def test_file_link(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "model.yaml").write_text(SECRET)
    (outside / "source.yaml").write_text(SECRET)
    (project.root / "facts/elsewhere.yaml").symlink_to(outside / "model.yaml")
    (project.root / "facts/into-seeds.yaml").symlink_to(project.root / "seeds/acme-news.yaml")
    (project.root / "seeds/elsewhere.yaml").symlink_to(outside / "source.yaml")
    result = check_root(project.root)
    assert [(p.file, p.rule) for p in result.problems] == [
        ("facts/elsewhere.yaml", "file-link"),
        ("facts/into-seeds.yaml", "file-link"),
        ("seeds/elsewhere.yaml", "file-link"),
    ]
    assert not any("secret" in p.message + p.hint for p in result.problems)
    assert walk_problems(project.root)[0] == ("facts/elsewhere.yaml", "file-link", 1, 1, ERROR)


def test_a_link_inside_its_folder_is_read(project):
    (project.root / "facts/widget-1.yaml").rename(project.root / "facts/widget-one.yaml")
    (project.root / "facts/widget-1.yaml").symlink_to("widget-one.yaml")
    found = errors(project.root)
    assert sorted((p.file, p.rule) for p in found) == [
        ("facts/widget-one.yaml", "duplicate-id"),
        ("facts/widget-one.yaml", "file-name"),
    ]


def test_file_extension(project):
    (project.root / "facts/widget-1.yaml").rename(project.root / "facts/widget-1.YAML")
    (project.root / "seeds/rival-news.yaml").rename(project.root / "seeds/rival-news.yml")
    result = check_root(project.root)
    assert [(p.file, p.rule, p.message, p.hint) for p in result.problems] == [
        ("facts/widget-1.YAML", "file-extension", "records end in `.yaml`, not `.YAML`", "rename it to widget-1.yaml"),
        (
            "seeds/rival-news.yml",
            "file-extension",
            "records end in `.yaml`, not `.yml`",
            "rename it to rival-news.yaml",
        ),
    ]
    assert [m.id for m in result.base.models] == ["widget-1"] and "rival-news" in result.base.sources


def test_file_stray(project):
    project.write("facts/README.md", "notes\n")
    project.write("facts/drafts/widget-2.yaml", "id: widget-2\n")
    project.write("facts/.widget-1.yaml.swp", "swap\n")
    project.write("seeds/.DS_Store", "\0")
    assert walk_problems(project.root) == [
        ("facts/.widget-1.yaml.swp", "file-stray", 1, 1, WARNING),
        ("facts/README.md", "file-stray", 1, 1, WARNING),
        ("facts/drafts", "file-stray", 1, 1, WARNING),
        ("seeds/.DS_Store", "file-stray", 1, 1, WARNING),
    ]


@pytest.mark.parametrize(
    "name, raw, line, col",
    [
        ("encoding--byte-order-mark", b"\xef\xbb\xbfid: widget-1\n", 1, 1),
        ("encoding--latin-1", b"# c\nname: Caf\xe9\n", 2, 10),
        ("encoding--nul-byte", b"# c\nid: wid\x00get\n", 2, 8),
    ],
)
def test_encoding(project, name, raw, line, col):
    project.write("facts/widget-1.yaml", raw)
    assert [(p.rule, p.line, p.col) for p in errors(project.root)] == [("encoding", line, col)]


def test_crlf_line_endings_are_accepted(project):
    path = project.root / "facts/widget-1.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert errors(project.root) == []


def test_file_size(project):
    project.write("facts/widget-1.yaml", b"# " + b"x" * (1024 * 1024) + b"\n")
    assert [p.rule for p in errors(project.root)] == ["file-size"]


def test_duplicate_id(project):
    project.write("facts/widget-copy.yaml", (project.root / "facts/widget-1.yaml").read_bytes())
    assert sorted(p.rule for p in errors(project.root)) == ["duplicate-id", "file-name"]


def test_family_name_spelled_two_ways(project):
    """The later file (in file order) is told the first spelling."""
    from conftest import model_record

    project.write_model(model_record(id="widget-2", name="Widget-2", family="widget "))
    found = errors(project.root)
    assert [(p.rule, p.file, p.line, p.col) for p in found] == [("family-name", "facts/widget-2.yaml", 5, 9)]
    assert "family `widget ` is spelled `Widget` in facts/widget-1.yaml" in found[0].text()
    project.write_model(model_record(id="widget-2", name="Widget-2", family="Widgets"))
    assert errors(project.root) == []  # another family


def test_seed_hash(project):
    project.write("seeds/acme.txt", ARTICLE + "edited\n")
    found = errors(project.root)
    assert [p.rule for p in found] == ["seed-hash"] and found[0].file == "seeds/acme-news.yaml"


def test_seed_missing(project):
    (project.root / "seeds/rival.txt").unlink()
    assert [p.rule for p in errors(project.root)] == ["seed-missing"]


def test_seed_unlisted(project):
    project.write("seeds/stray.txt", "an article nobody recorded\n")
    found = errors(project.root)
    assert [(p.rule, p.file) for p in found] == [("seed-unlisted", "seeds/stray.txt")]


def test_seed_encoding(project):
    raw = b"caf\xe9\n"
    import hashlib

    project.write("seeds/latin.txt", raw)
    project.write_source(source_record("latin-news", "latin.txt", "", sha256=hashlib.sha256(raw).hexdigest()))
    assert "seed-encoding" in {p.rule for p in errors(project.root)}


@pytest.mark.parametrize(
    "file",
    ["../facts/widget-1.yaml", "/etc/passwd", "..txt/../x.txt", "primary/../acme.txt", "./acme.txt", ".x.txt", "a//b"]
    + ["primary\\x.txt", "primary/", "x\ny.txt"],
)
def test_source_file_cannot_leave_seeds(project, file):
    project.write_source(source_record("acme-news", file, ARTICLE))
    found = errors(project.root)
    assert [p.rule for p in found if p.file == "seeds/acme-news.yaml"] == ["schema"]


PRIMARY = {
    "primary/meta-llama__llama@llama_v1__LICENSE": b"LLAMA LICENSE\r\nWidget-1 weights remain closed and API-only\r\n",
    "primary/README.md": b"# Widget-1\n\nAcme Labs released Widget-1 on March 3, 2025.\n",
    "primary/config.yaml": b"note: a document may be named like a record\n",
    "primary/sub folder/LICENSE": b"Acme Labs released Widget-1 on March 3, 2025.\n",
}


def test_a_document_may_have_any_name_and_line_endings(project):
    import hashlib

    for n, (name, raw) in enumerate(PRIMARY.items()):
        project.write(f"seeds/{name}", raw)
        rec = source_record(f"primary-{n}", name, "", sha256=hashlib.sha256(raw).hexdigest(), kind="primary")
        project.write_source(rec)
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace("source: rival-news", "source: primary-0").replace("source: acme-news", "source: primary-1", 1)
    project.write("facts/widget-1.yaml", text)
    result = check_root(project.root)
    assert {p.rule for p in result.problems} == {"source-unused"}, [p.text() for p in result.problems]
    assert {p.file for p in result.problems} == {
        "seeds/primary-2.yaml",
        "seeds/primary-3.yaml",
        "seeds/rival-news.yaml",
    }
    assert set(result.base.seed_files) == {"acme.txt", "rival.txt", *PRIMARY}
    assert result.base.sources["primary-0"].text == PRIMARY["primary/meta-llama__llama@llama_v1__LICENSE"].decode()


def test_seed_path_symlink_leaving_seeds(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secret.txt"
    outside.write_text(ARTICLE)
    (project.root / "seeds/acme.txt").unlink()
    (project.root / "seeds/acme.txt").symlink_to(outside)
    assert [p.rule for p in errors(project.root)] == ["seed-path"]


def test_source_unused_is_a_warning(project):
    project.write_source(source_record("idle-news", "idle.txt", "Nothing cited here.\n"), "Nothing cited here.\n")
    result = check_root(project.root)
    assert [(p.rule, p.severity) for p in result.problems] == [("source-unused", "warning")]


def test_an_unused_reason_silences_source_unused(project):
    idle = source_record("idle-news", "idle.txt", "Nothing cited here.\n", unused="Not yet curated: no claim yet.")
    project.write_source(idle, "Nothing cited here.\n")
    assert check_root(project.root).problems == []


def test_unused_cited(project):
    """`unused` on a source that a claim cites is out of date: the sources index would list it as unused."""
    project.write_source(
        source_record("rival-news", "rival.txt", OTHER_ARTICLE, publisher="rival-times", unused="Idle.")
    )
    found = [(p.file, p.line, p.col, p.rule, p.message) for p in errors(project.root)]
    assert found == [
        (
            "seeds/rival-news.yaml",
            14,
            9,
            "unused-cited",
            "source `rival-news` is marked unused, but 1 claim cites it (widget-1#open-weights)",
        )
    ]


CARD = "# Widget-1 model card\r\n\r\nAcme Labs released Widget-1 on March 3, 2025.\r\n"
COMMIT, CHANGE = "0123456789abcdef0123456789abcdef01234567", "89abcdef0123456789abcdef0123456789abcdef"


def primary_record(**over) -> dict:
    """A model card copied from Acme Labs' repository, with its provenance; not cited, and saying why."""
    provenance = {
        "repository": "acme-labs/widget",
        "path": "docs/MODEL_CARD.md",
        "branch": "main",
        "commit": COMMIT,
        "commit_date": "2025-03-04T23:30:00-08:00",
        "last_change_commit": CHANGE,
        **over.pop("provenance", {}),
    }
    fields = {
        "publisher": "acme-labs",
        "authors": [],
        "published": "2025-03-04",
        "url": f"https://github.com/acme-labs/widget/blob/{COMMIT}/docs/MODEL_CARD.md",
        "kind": "primary",
        "document": "model-card",
        "reliability": "A",
        "provenance": provenance,
        "unused": "Not yet curated.",
        **over,
    }
    return source_record("acme-card", "primary/acme-labs__widget__docs__MODEL_CARD.md", CARD, **fields)


def test_provenance_pinned(project):
    """A copy's url is its file at the commit read, and its `published` the commit date's own day (not UTC's)."""
    project.write_source(primary_record(), CARD)
    assert check_root(project.root).problems == []
    project.write_source(
        primary_record(url="https://github.com/acme-labs/widget/blob/main/docs/MODEL_CARD.md", published="2025-03-05")
    )
    found = [(p.line, p.col, p.rule, p.message, p.hint) for p in errors(project.root)]
    pinned = f"https://github.com/acme-labs/widget/blob/{COMMIT}/docs/MODEL_CARD.md"
    assert found == [
        (
            8,
            12,
            "provenance-pinned",
            "published 2025-03-05, but the document is as of its commit date 2025-03-04T23:30:00-08:00",
            'a copied document is published on the day of its commit date: `published: "2025-03-04"`',
        ),
        (
            9,
            6,
            "provenance-pinned",
            "url https://github.com/acme-labs/widget/blob/main/docs/MODEL_CARD.md is not the file at the recorded commit",
            f"a copied document's url names its repository, commit and path: `url: {pinned}`",
        ),
    ]


@pytest.mark.parametrize(
    "field, value",
    [("commit", COMMIT[:7]), ("last_change_commit", CHANGE.upper()), ("commit_date", "2025-03-04"), ("path", "/x")],
)
def test_provenance_has_full_commit_ids_a_dated_offset_and_a_relative_path(project, field, value):
    project.write_source(primary_record(provenance={field: value}), CARD)
    found = [(p.rule, p.message.split(":")[0]) for p in errors(project.root)]
    assert found == [("schema", f"provenance.{field}")]


def test_source_duplicate(project):
    """One document, one source: a second record of the same file, or of a byte-identical copy with the
    same publisher (or none), is refused; a copy that another publisher republished is not."""
    project.write_source(source_record("news-again", "acme.txt", ARTICLE, publisher="rival-times"))
    project.write_source(source_record("news-copy", "acme-copy.txt", ARTICLE, publisher="acme-wire"), ARTICLE)
    project.write_source(source_record("rival-a", "rival-a.txt", "Same words.\n"), "Same words.\n")
    project.write_source(source_record("rival-b", "rival-b.txt", "Same words.\n"), "Same words.\n")
    project.write_source(source_record("licence", "apache.txt", "Apache.\n", publisher="acme-labs"), "Apache.\n")
    project.write_source(source_record("licence-2", "apache-2.txt", "Apache.\n", publisher="rival-times"), "Apache.\n")
    found = [(p.file, p.rule, p.line, p.col, p.message) for p in errors(project.root)]
    assert found == [
        (
            "seeds/news-again.yaml",
            "source-duplicate",
            3,
            7,
            "source `acme-news` already names the document acme.txt",
        ),
        (
            "seeds/news-copy.yaml",
            "source-duplicate",
            4,
            9,
            "acme-copy.txt is byte-identical to acme.txt of source `acme-news`, with publisher `acme-wire` as well",
        ),
        (
            "seeds/rival-b.yaml",
            "source-duplicate",
            4,
            9,
            "rival-b.txt is byte-identical to rival-a.txt of source `rival-a`, with no named publisher as well",
        ),
    ]


def test_publisher_id_unique(project):
    project.write_publishers(
        publishers_record(("acme-labs", "Acme Labs"), ("acme-wire", "Acme Wire"), ("acme-labs", "Acme"))
    )
    found = errors(project.root)
    assert [(p.file, p.rule, p.line, p.col, p.message) for p in found] == [
        ("seeds/publishers.yaml", "publisher-id-unique", 9, 9, "publisher id `acme-labs` is used twice (also line 3)"),
        (
            "seeds/rival-news.yaml",
            "publisher-exists",
            6,
            12,
            "no publisher with id `rival-times` in seeds/publishers.yaml (publisher)",
        ),
    ]


@pytest.mark.parametrize(
    "name, shown",
    [
        ("Acme  Wire", "reads as"),
        ("Acme\u00a0Wire", "(`Acme\\xa0Wire`) reads as"),
        ("Acme Wi\u200bre", "(`Acme Wi\\u200bre`) reads as"),
        ("Acme Wire.", "reads as"),
        ("\u0410cme Wire", "(`\\u0410cme Wire`) reads as"),
        ("ACME WIRE", "reads as"),
        ("Acme Wire", "is"),
    ],
)
def test_publisher_name_unique(project, name, shown):
    """A second entry whose name only looks different from a name of another is refused, the invisible
    difference shown; an alias counts as a name."""
    registry = {"publishers": [*REGISTRY["publishers"], {"id": "acme-wire-2", "name": "Other", "aliases": [name]}]}
    project.write_publishers(registry)
    (problem,) = errors(project.root)
    assert (problem.file, problem.rule, problem.line, problem.col) == (
        "seeds/publishers.yaml",
        "publisher-name-unique",
        14,
        15,
    )
    assert problem.message.startswith(f"`{name}` {shown} `Acme Wire`, a name of publisher `acme-wire` (line 6)")


def test_syndicated_from(project):
    """A syndicated copy names an existing original that is not itself a copy."""
    for ident, original in (
        ("copy-1", "acme-news"),
        ("copy-2", "copy-1"),
        ("copy-3", "acme-newz"),
        ("copy-4", "copy-4"),
    ):
        text = f"{ident}: " + ARTICLE
        project.write_source(
            source_record(ident, f"{ident}.txt", text, publisher="rival-times", syndicated_from=original), text
        )
    found = [(p.file, p.rule, p.line, p.message, p.hint) for p in errors(project.root)]
    assert found == [
        (
            "seeds/copy-2.yaml",
            "syndicated-from",
            7,
            "`copy-1` is itself a copy (of `acme-news`)",
            "name the original: `syndicated_from: acme-news`",
        ),
        (
            "seeds/copy-3.yaml",
            "syndicated-from",
            7,
            "no source with id `acme-newz` to be a copy of",
            "did you mean `acme-news`?",
        ),
        (
            "seeds/copy-4.yaml",
            "syndicated-from",
            7,
            "a source cannot be a copy of itself",
            "name the original's source id, or remove the field",
        ),
    ]


def test_publisher_exists_suggests_the_id_of_a_name(project):
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE, publisher="acme"))
    project.write_source(source_record("rival-news", "rival.txt", "x", publisher="zzz"))
    found = [(p.file, p.rule, p.hint) for p in errors(project.root) if p.rule == "publisher-exists"]
    assert found == [
        ("seeds/acme-news.yaml", "publisher-exists", "did you mean `acme-wire` or `acme-labs`?"),
        (
            "seeds/rival-news.yaml",
            "publisher-exists",
            "add an entry `- id: zzz` to seeds/publishers.yaml (its name and aliases), or use the id it has there",
        ),
    ]


def test_quote_cut_out_of_a_word_is_offered_whole(project):
    project.write("facts/widget-1.yaml", (FIXTURES / "quote-verbatim--inside-a-word.yaml").read_bytes())
    (problem,) = errors(project.root)
    assert problem.hint == (
        'the quote starts or ends inside a word; quote whole words: "Acme Labs released Widget-1 on March 3, 2025."'
    )


def test_a_table_row_is_long_enough_to_quote(project):
    """The minimum quote (two words of two or more letters or digits) admits a model card's table row."""
    card = "| Model | Params | Context |\n|---|---|---|\n| 8B | 8k |\n"
    project.write_source(source_record("card", "card.txt", card, publisher="acme-labs", kind="primary"), card)
    text = (project.root / "facts/widget-1.yaml").read_text()
    project.write(
        "facts/widget-1.yaml",
        text.replace("source: rival-news", "source: card").replace(
            "quote: Widget-1 weights remain closed and API-only", 'quote: "| 8B | 8k |"'
        ),
    )
    assert [(p.rule, p.file) for p in check_root(project.root).problems] == [("source-unused", "seeds/rival-news.yaml")]


# Near misses that must pass.


def test_quotes_fold_whitespace_and_typography(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace(
        "quote: Acme Labs released Widget-1 on March 3, 2025.",
        "quote: 'Critics say Widget-1 is \"not open at all\" - its training data stays secret...'",
    )
    project.write("facts/widget-1.yaml", text)
    assert errors(project.root) == []


def test_future_date_with_predicts_passes(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace('date: "2025-03-03"', 'date: "2025-06"').replace("stance: supports", "stance: predicts", 1)
    text = text.replace("status: current\n", "status: current\n    rationale: Only announced.\n", 1)
    text = text.replace("confidence: medium", "confidence: low")
    project.write("facts/widget-1.yaml", text)
    assert errors(project.root) == []


def test_quote_error_shows_the_closest_passage(project):
    project.write("facts/widget-1.yaml", (FIXTURES / "quote-verbatim--reworded.yaml").read_bytes())
    (problem,) = errors(project.root)
    assert "Acme Labs released Widget-1 on March 3, 2025." in problem.hint


def test_problems_are_all_reported_in_one_run(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace("source: acme-news", "source: nowhere", 1).replace("confidence: very low", "confidence: high")
    project.write("facts/widget-1.yaml", text)
    found = errors(project.root)
    assert [(p.line, p.rule) for p in found] == [(16, "source-exists"), (22, "confidence-ceiling")]


def test_an_unknown_source_is_reported_not_the_ceiling_it_hides(project):
    """With its only source unknown, `released` looks unsupported: the rating is not the mistake."""
    text = (project.root / "facts/widget-1.yaml").read_text()
    project.write("facts/widget-1.yaml", text.replace("source: acme-news", "source: acme-newz", 1))
    (problem,) = errors(project.root)
    assert (problem.line, problem.rule, problem.hint) == (16, "source-exists", "did you mean `acme-news`?")


def test_an_unknown_source_with_no_close_id_lists_the_known_ones(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    project.write("facts/widget-1.yaml", text.replace("source: acme-news", "source: zzz", 1))
    (problem,) = errors(project.root)
    assert problem.hint == "use the id of a record in seeds/ (acme-news, rival-news)"


def test_fast_and_reference_validators_agree_on_every_fixture():
    import fastjsonschema

    from modelfacts import validate
    from modelfacts.load import load_bytes

    for path in [*FIXTURES.glob("*.yaml"), FIXTURES.parent / "valid-widget.yaml"]:
        doc, problems = load_bytes(path.read_bytes(), path.name)
        if doc is None or problems or not isinstance(doc.data, dict):
            continue
        reference = validate.validator("model.schema.json").is_valid(doc.data)
        try:
            validate.fast_validator("model.schema.json")(doc.data)
            fast = True
        except fastjsonschema.JsonSchemaException:
            fast = False
        assert fast == reference, path.name


ACME_LICENSE = "Widget-1 Community Licence 1.0\n\nWidget-1 is not licensed under the Apache License.\n"
RIVAL_STORY = "Rival Times confirms that Widget-1 ships under the Apache 2.0 licence.\n"


@pytest.mark.parametrize(
    "licence_publisher, found",
    [
        pytest.param("acme-labs", [(22, "confidence-ceiling")], id="the-developers-own-licence-caps-at-very-low"),
        pytest.param("rival-times", [], id="another-publishers-primary-document-is-any-contradiction"),
    ],
)
def test_confidence_ceiling_own_document_contradicts(project, licence_publisher, found):
    """Two outlets support a licence claim and a licence contradicts it: the grid allows `low`, but when the
    licence is the developer's own (a primary document of Acme Labs, Widget-1's developer), the ceiling is very low."""
    from conftest import model_record

    project.write_source(
        source_record("rival-story", "rival-story.txt", RIVAL_STORY, publisher="rival-times"), RIVAL_STORY
    )
    licence = source_record(
        "acme-license", "primary/LICENSE", ACME_LICENSE, publisher=licence_publisher, kind="primary", reliability="A"
    )
    project.write_source(licence, ACME_LICENSE)
    claim = {
        "id": "apache",
        "statement": "Widget-1 is released under the Apache 2.0 licence.",
        "topic": "license",
        "confidence": "low",
        "status": "disputed",
        "rationale": "Two outlets say Apache 2.0; the licence file says otherwise.",
        "citations": [
            {"source": "acme-news", "stance": "supports", "quote": "available under the Apache 2.0 licence"},
            {"source": "rival-story", "stance": "supports", "quote": "Widget-1 ships under the Apache 2.0 licence"},
            {"source": "acme-license", "stance": "contradicts", "quote": "Widget-1 is not licensed under the Apache"},
        ],
    }
    project.write_model(model_record(claims=[model_record()["claims"][0], claim]))
    problems = errors(project.root)
    assert [(p.line, p.rule) for p in problems] == found, [p.text() for p in problems]
    if problems:
        assert problems[0].message == (
            "confidence `low` is above the ceiling `very low` (evidence medium: S=2; agreement low: C=1): "
            "the developer's own document contradicts it"
        )
        assert problems[0].hint == (
            "lower the confidence to `very low`: on topic `license` the developer's own document has the last word "
            "(see the methodology page)"
        )


def test_aside_unmarked_is_a_warning(project):
    """A warning (the fact base holds such rationales until they move), so no error fixture can show it."""
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace(
        "rationale: One outlet says open, another says closed.",
        "rationale: One outlet says open, another says closed (Outside these sources) Acme said so on stage.",
    )
    project.write("facts/widget-1.yaml", text + "    notes: Known, outside of the stored documents.\n")
    found = check_root(project.root).problems
    assert [(p.rule, p.severity, p.line, p.col) for p in found] == [
        ("aside-unmarked", WARNING, 24, 16),
        ("aside-unmarked", WARNING, 32, 12),
    ], [p.text() for p in found]
    assert all("unchecked_context" in p.hint for p in found)
    project.write("facts/widget-1.yaml", text.replace(" (Outside these sources)", ""))
    assert check_root(project.root).problems == []


def test_a_valid_moved_list_and_the_new_claim_fields_reach_the_model(project):
    text = (project.root / "facts/widget-1.yaml").read_text()
    text = text.replace('    date: "2025-03-03"\n', '    date: "2025-03-03"\n    date_basis: curator\n')
    text = text.replace(
        "    rationale: One outlet says open, another says closed.\n",
        "    rationale: One outlet says open, another says closed.\n    unchecked_context: Acme said so on stage.\n",
    )
    project.write("facts/widget-1.yaml", text + 'moved:\n  - id: first-release\n    to: "widget-1#released"\n')
    result = check_root(project.root)
    assert result.problems == [], [p.text() for p in result.problems]
    (widget,) = result.base.models
    assert [(m.id, m.model, m.claim) for m in widget.moved] == [("first-release", "widget-1", "released")]
    assert (widget.claims[0].date_basis, widget.claims[1].date_basis) == ("curator", "source")
    assert widget.claims[1].unchecked_context == "Acme said so on stage."
    # a target in a fact file that failed its own check is not judged until that file is fixed
    project.write("facts/gadget.yaml", "id: gadget\n")
    project.write("facts/widget-1.yaml", text + 'moved:\n  - id: first-release\n    to: "gadget#released"\n')
    assert {p.file for p in errors(project.root)} == {"facts/gadget.yaml"}


# The licence table.


def licence_problems(project, *entries: dict) -> list[tuple[str, int, int, str]]:
    project.write_licences(*entries)
    return [(p.rule, p.line, p.col, p.message) for p in errors(project.root)]


def test_a_valid_licence_table_passes(project):
    assert licence_problems(project, licence_entry("Apache-2.0", "open"), licence_entry("LicenseRef-Acme-1.0")) == []


def test_licence_id(project):
    assert licence_problems(
        project,
        licence_entry("GPL-3.0"),
        licence_entry("Acme-License"),
        licence_entry("LicenseRef-Acme-1.0"),
        licence_entry("LicenseRef-Acme-1.0"),
    ) == [
        ("licence-id", 3, 9, "`GPL-3.0` is written `GPL-3.0-only` on the SPDX License List"),
        ("licence-id", 9, 9, "`Acme-License`: neither an SPDX licence id nor a `LicenseRef-…` id"),
        ("licence-id", 21, 9, "licence `LicenseRef-Acme-1.0` is in the table twice (also line 15)"),
    ]


def test_licence_class(project):
    assert licence_problems(
        project,
        licence_entry("LicenseRef-Acme-1.0", "open"),
        licence_entry("LicenseRef-Acme-MIT", "open", equivalent="MIT"),
        licence_entry("LicenseRef-Acme-2.0", "open", equivalent="LicenseRef-Other"),
    ) == [
        (
            "licence-class",
            5,
            12,
            "`LicenseRef-Acme-1.0` is classed `open`, which means OSI-approved, but it is not on the SPDX License List",
        ),
        ("licence-class", 20, 17, "`LicenseRef-Other` is not an id of the SPDX License List"),
    ]


def test_licence_text(project):
    assert licence_problems(
        project,
        licence_entry("LicenseRef-A", text="acme-news", not_stored="Not stored."),
        licence_entry("LicenseRef-B", text="acme-new"),
        {k: v for k, v in licence_entry("LicenseRef-C").items() if k != "not_stored"},
        licence_entry("LicenseRef-D", text="acme-news"),
    ) == [
        ("licence-text", 3, 5, "licence `LicenseRef-A` has both `text` and `not_stored`"),
        ("licence-text", 14, 11, "no source record `acme-new` for the text of licence `LicenseRef-B`"),
        ("licence-text", 16, 5, "licence `LicenseRef-C` has neither `text` nor `not_stored`"),
    ]


def test_licence_terms(project):
    assert licence_problems(
        project,
        licence_entry("LicenseRef-A", terms=["widget-1#open-weights", "widget-1#open-weight", "widget-1#released"]),
    ) == [
        ("licence-terms", 8, 13, "claim `widget-1#open-weights` is about `weights`, not the terms of a licence"),
        ("licence-terms", 8, 36, "no claim `widget-1#open-weight` for the terms of licence `LicenseRef-A`"),
        ("licence-terms", 8, 58, "claim `widget-1#released` is about `release`, not the terms of a licence"),
    ]


def test_a_failed_licence_table_judges_no_claim(project):
    """A table that fails its own check is no table: claims' licences are not reported missing against it."""
    project.write("facts/widget-1.yaml", (FIXTURES / "openness-licence--not-in-table.yaml").read_bytes())
    project.write_licences({"id": "Apache-2.0"})
    assert {p.rule for p in errors(project.root)} == {"schema"}
