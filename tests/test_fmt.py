"""`modelfacts fmt` and `layout_problems`: one canonical layout, no data or comment lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, VALID_WIDGET, run_cli

from modelfacts import fmt, kinds, layout, load
from modelfacts.check import check_root

WIDGET = VALID_WIDGET.read_text(encoding="utf-8")
FIXTURES = Path(__file__).parent / "fixtures" / "facts"
REAL = kinds.record_files(REPO)

SCRAMBLED = """\
claims:
- topic: release
  statement: Widget-1 was released on 3 March 2025.
  id: released
  date: "2025-03-03"
  status: current
  confidence: medium
  citations:
  - quote: Acme Labs released Widget-1 on March 3, 2025.
    source: acme-news
    stance: supports
-   rationale: One outlet says open, another says closed.
    id: open-weights
    statement: Widget-1's weights are openly available.
    topic: weights
    confidence: very low
    status: disputed
    citations: [{source: acme-news, stance: supports,
                 quote: The weights of Widget-1 are available under the Apache 2.0 licence},
                {quote: Widget-1 weights remain closed and API-only, stance: contradicts, source: rival-news}]
aliases:
    - W1
modality:
    - text
family: Widget
developers:
  - acme-labs
name:
    Widget-1
id: widget-1
"""
"""valid-widget.yaml with every key out of order, odd indentation and the wrong list styles."""


def rewrite(text: str | bytes, kind: str = "model") -> str:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    out, problems = fmt.rewrite(raw, kind, "t.yaml")
    assert out is not None, [p.text() for p in problems]
    return out


def data(text: str | bytes):
    doc, problems = load.load_bytes(text.encode("utf-8") if isinstance(text, str) else text, "t.yaml")
    assert doc is not None and not problems, [p.text() for p in problems]
    return doc.data


# --- rewriting ----------------------------------------------------------------------------


def test_the_valid_fixture_is_canonical():
    assert rewrite(WIDGET) == WIDGET


def test_reorders_reindents_and_restyles_into_the_canonical_layout():
    assert rewrite(SCRAMBLED) == WIDGET


def test_bom_and_crlf_are_removed():
    assert rewrite(b"\xef\xbb\xbf" + WIDGET.replace("\n", "\r\n").encode()) == WIDGET


def test_schema_line_is_added_or_corrected_and_one_newline_ends_the_file():
    body = WIDGET.split("\n", 1)[1]
    assert rewrite(body + "\n\n\n") == WIDGET
    assert rewrite("# yaml-language-server: $schema=old.json\n" + body) == WIDGET
    source = rewrite("id: x\nfile: x.txt\n", "source")
    assert source == "# yaml-language-server: $schema=../schemas/source.schema.json\nid: x\nfile: x.txt\n"


def test_source_records_use_the_source_order_and_flow_authors():
    text = "authors:\n  - A. Writer\nurl: null\npublisher: null\nid: a\n"
    assert rewrite(text, "source").split("\n", 1)[1] == "id: a\npublisher: null\nauthors: [A. Writer]\nurl: null\n"


def test_a_sources_provenance_is_a_record_in_the_canonical_order_and_about_a_flow_list():
    text = (
        "about:\n  - Grok-1\nprovenance:\n  commit: abc  # the commit read\n  repository: x/y\nkind: primary\nid: a\n"
    )
    out = rewrite(text, "source").split("\n", 1)[1]
    assert (
        out
        == "id: a\nkind: primary\nprovenance:\n  repository: x/y\n  commit: abc  # the commit read\nabout: [Grok-1]\n"
    )
    doc = load.load_bytes(text.encode(), "seeds/a.yaml")[0]
    assert doc is not None
    found = [p.message for p in layout.layout_problems(doc, "source")]
    assert found == [
        "keys out of canonical order: `provenance` should come before `about`",
        "`about` should be a list on one line, like `about: [a, b]`",
        "keys out of canonical order: `repository` should come before `commit`",
    ]


def test_unknown_keys_are_kept_after_the_known_ones():
    out = rewrite("zeta: 1\nname: W\nalpha: 2\nid: w\n")
    assert out.split("\n", 1)[1] == "id: w\nname: W\nzeta: 1\nalpha: 2\n"


def test_long_lines_are_not_wrapped():
    long = "word " * 60 + "end."
    assert f"statement: {long}\n" in rewrite(WIDGET.replace("Widget-1 was released on 3 March 2025.", long))


def test_is_idempotent_on_odd_input():
    once = rewrite(SCRAMBLED.replace("family: Widget", "family: Widget  # the family\n# about the developer"))
    assert rewrite(once) == once


# --- comments -----------------------------------------------------------------------------

COMMENTED = (
    WIDGET.replace("name: Widget-1", "name: Widget-1  # as Acme writes it")
    .replace("claims:\n", "claims:\n  # the release\n")
    .replace("    topic: weights\n", "    topic: weights\n    # only one outlet\n")
    + "# end of file\n"
)


def test_comments_in_a_canonical_file_stay_exactly_where_they_are():
    assert rewrite(COMMENTED) == COMMENTED


def test_comment_lines_move_with_the_key_below_them_when_keys_are_reordered():
    text = (
        "# yaml-language-server: $schema=../schemas/model.schema.json\n"
        "id: w\n"
        "developers: [acme]  # the maker\n"
        "# the name, as written\n"
        "name: W\n"
        "claims:\n"
        "  - statement: S  # our words\n"
        "    # what it is about\n"
        "    topic: release\n"
        "    id: s\n"
        "  # second claim\n"
        "  - id: t\n"
        "# end\n"
    )
    assert rewrite(text) == (
        "# yaml-language-server: $schema=../schemas/model.schema.json\n"
        "id: w\n"
        "# the name, as written\n"
        "name: W\n"
        "developers: [acme]  # the maker\n"
        "claims:\n"
        "  - id: s\n"
        "    statement: S  # our words\n"
        "    # what it is about\n"
        "    topic: release\n"
        "  # second claim\n"
        "  - id: t\n"
        "# end\n"
    )


def test_comments_on_a_block_list_made_flow_follow_its_line():
    """The item's end-of-line comment ends the flow line; the line above `name` stays above it."""
    out = rewrite("id: w\nmodality:\n  - text  # mostly\n  - image\n# next\nname: W\n")
    assert out.split("\n", 1)[1] == "id: w\n# next\nname: W\nmodality: [text, image] # mostly\n"


# --- the data stays the same, as our YAML 1.1 loader reads it -------------------------------

TRAPS = [
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "Yes",
    "TRUE",
    "false",
    "null",
    "Null",
    "~",
    "",
    " ",
    "2024",
    "2025-03-03",
    "2025-03-03 10:00:00",
    "1e3",
    "1.5e3",
    "1E+3",
    "0x1f",
    "0o17",
    "017",
    "0b101",
    "1:30",
    "1_000",
    ".inf",
    "-.Inf",
    ".NaN",
    "-.5",
    "+1",
    "3.14",
    "#x",
    "a: b",
    "a #b",
    "@x",
    "`x`",
    "- x",
    "[x]",
    "{x}",
    "*x",
    "&x",
    "!x",
    "%x",
    "|",
    ">",
    "'",
    '"',
    "\\",
    "tab\there",
    "line\nbreak",
    "ünïcode “quotes” — dash…",
    "trailing ",
    "=",
    "<<",
]


@pytest.mark.parametrize("value", TRAPS, ids=[json.dumps(v) for v in TRAPS])
@pytest.mark.parametrize("form", ["quoted", "plain"])
def test_yaml_1_1_traps_read_back_the_same(value, form):
    written = json.dumps(value, ensure_ascii=False) if form == "quoted" else value
    text = WIDGET.replace("statement: Widget-1 was released on 3 March 2025.", f"statement: {written}").replace(
        "aliases: [W1]", f"aliases: [W1, {json.dumps(value, ensure_ascii=False)}]"
    )
    doc, problems = load.load_bytes(text.encode(), "t.yaml")
    if doc is None or problems:
        assert form == "plain"  # not YAML as a plain scalar: nothing to format
        return
    out, problems = fmt.rewrite(text.encode(), "model", "t.yaml")
    if out is None:  # ruamel refuses a tab in plain text, which PyYAML accepts: left alone
        assert (value, form) == ("tab\there", "plain")
        assert [(p.line, p.col, p.message) for p in problems] == [
            (10, 19, "fmt cannot read this: found character '\\t' that cannot start any token")
        ]
        return
    assert data(out) == doc.data
    assert rewrite(out) == out
    if form == "quoted":
        assert isinstance(data(out)["claims"][0]["statement"], str)


@pytest.mark.parametrize("plain, quoted", [("2025-03-03", '"2025-03-03"'), ("1e3", '"1e3"'), ("0o17", '"0o17"')])
def test_text_that_yaml_1_2_reads_as_another_type_gets_quoted(plain, quoted):
    out = rewrite(WIDGET.replace('date: "2025-03-03"', f"date: {plain}"))
    assert f"    date: {quoted}\n" in out
    assert data(out)["claims"][0]["date"] == plain


def test_non_text_values_keep_their_meaning():
    out = rewrite("id: w\nname: yes\ndevelopers: [0x1f]\nfamily: ~\nmodality: [0b11, on]\n")
    assert out.split("\n", 1)[1] == "id: w\nname: true\ndevelopers: [31]\nfamily: null\nmodality: [3, true]\n"


def test_a_number_no_one_means_is_not_rewritten():
    out, problems = fmt.rewrite(b"id: w\nmodality: [1:30]\n", "model", "t.yaml")
    assert out is None and [p.rule for p in problems] == ["yaml-number"]


@pytest.mark.parametrize("record", REAL, ids=[r.name for r in REAL])
def test_real_files_keep_their_data_and_pass_the_layout_check(record):
    raw = record.path.read_bytes()
    out = rewrite(raw, record.kind.name)
    assert data(out) == data(raw)
    assert rewrite(out, record.kind.name) == out
    doc, _ = load.load_bytes(out.encode(), record.display)
    assert layout.layout_problems(doc, record.kind.name) + layout.header_problems(doc, record.kind) == []


def test_fmt_on_a_copy_of_the_fact_base_changes_no_check_result(tmp_path):
    for folder in ("facts", "seeds"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    before = [(p.file, p.rule, p.message) for p in check_root(tmp_path).problems]
    out = run_cli("fmt", "--root", str(tmp_path))
    assert out.returncode == 0, out.stderr
    assert [(p.file, p.rule, p.message) for p in check_root(tmp_path).problems] == before
    assert run_cli("fmt", "--check", "--root", str(tmp_path)).returncode == 0


# --- the command ----------------------------------------------------------------------------


def formatted(project):
    """The conftest project with every file (sources may be written by PyYAML) in the canonical layout."""
    assert run_cli("fmt", "--root", str(project.root)).returncode == 0
    return project


def test_check_lists_what_would_change_and_writes_nothing(project):
    formatted(project)
    assert run_cli("fmt", "--check", "--root", str(project.root)).returncode == 0
    path = project.write("facts/widget-1.yaml", SCRAMBLED)
    out = run_cli("fmt", "--check", "--root", str(project.root))
    assert (out.returncode, out.stdout) == (1, "facts/widget-1.yaml\n")
    assert path.read_text() == SCRAMBLED


def test_fmt_rewrites_in_place_and_names_the_files(project):
    formatted(project)
    path = project.write("facts/widget-1.yaml", SCRAMBLED)
    out = run_cli("fmt", "--root", str(project.root))
    assert (out.returncode, out.stdout) == (0, "facts/widget-1.yaml\n")
    assert path.read_text() == WIDGET
    assert check_root(project.root).problems == []
    assert run_cli("fmt", "--root", str(project.root)).stdout == ""


def test_fmt_of_named_files_only(project):
    path = project.write("facts/widget-1.yaml", SCRAMBLED)
    other = project.write("facts/other.yaml", SCRAMBLED)
    out = run_cli("fmt", "--root", str(project.root), str(path))
    assert (out.returncode, out.stdout) == (0, "facts/widget-1.yaml\n")
    assert other.read_text() == SCRAMBLED


def test_a_file_that_does_not_parse_is_left_untouched_and_reported(project):
    broken = (FIXTURES / "yaml-syntax--unclosed-quote.yaml").read_bytes()
    path = project.write("facts/widget-1.yaml", broken)
    out = run_cli("fmt", "--root", str(project.root))
    assert out.returncode == 1
    assert "facts/widget-1.yaml:" in out.stderr and "error[yaml-syntax]" in out.stderr
    assert "facts/widget-1.yaml: not formatted, left unchanged" in out.stderr
    assert "Traceback" not in out.stderr
    assert path.read_bytes() == broken


def test_missing_file_is_a_usage_error(project):
    out = run_cli("fmt", "--root", str(project.root), str(project.root / "facts/nope.yaml"))
    assert out.returncode == 2 and "no such file" in out.stderr


# --- what fmt never writes ------------------------------------------------------------------


def test_fmt_does_not_write_through_a_link(project):
    target = project.write("facts/widget-1.yaml", SCRAMBLED)
    (project.root / "facts/a-link.yaml").symlink_to("widget-1.yaml")
    out = run_cli("fmt", "--root", str(project.root))
    assert out.returncode == 1
    assert "facts/a-link.yaml is a link; fmt does not write through links" in out.stderr
    assert "facts/a-link.yaml: not formatted, left unchanged" in out.stderr
    assert out.stdout == "facts/widget-1.yaml\n"
    assert (project.root / "facts/a-link.yaml").is_symlink() and target.read_text() == WIDGET


def test_fmt_does_not_write_outside_the_root(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    (outside / "widget-1.yaml").write_text(SCRAMBLED)
    (project.root / "facts/widget-1.yaml").unlink()
    shutil.rmtree(project.root / "seeds")
    (project.root / "seeds").mkdir()
    (project.root / "facts").rmdir()
    (project.root / "facts").symlink_to(outside, target_is_directory=True)
    out = run_cli("fmt", "--root", str(project.root))
    assert out.returncode == 1 and "fmt writes only inside it" in out.stderr
    assert (outside / "widget-1.yaml").read_text() == SCRAMBLED


@pytest.mark.parametrize("name", ["outside", "seeds/acme.txt", "docs/x.yaml", "facts/sub/x.yaml"])
def test_fmt_of_a_named_file_that_is_no_record_is_a_usage_error(project, tmp_path_factory, name):
    path = tmp_path_factory.mktemp("elsewhere") / "x.yaml" if name == "outside" else project.root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_text(SCRAMBLED)
    before = path.read_bytes()
    out = run_cli("fmt", "--root", str(project.root), str(path))
    assert out.returncode == 2 and "not a record" in out.stderr
    assert path.read_bytes() == before


def test_fmt_skips_what_the_walk_refuses_without_blocking(project):
    import os

    os.mkfifo(project.root / "facts/pipe.yaml")
    (project.root / "facts/gone.yaml").symlink_to("nowhere.yaml")
    command = [sys.executable, "-m", "modelfacts", "fmt", "--check", "--root", str(project.root)]
    out = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_the_publishers_registry_is_laid_out_like_the_other_records():
    out = rewrite(
        "publishers:\n- name: Acme Labs # as it writes itself\n  aliases:\n    - Acme\n  id: acme-labs\n", "publishers"
    )
    assert out == (
        "# yaml-language-server: $schema=../schemas/publishers.schema.json\n"
        "publishers:\n  - id: acme-labs\n    name: Acme Labs # as it writes itself\n    aliases: [Acme]\n"
    )
    assert layout.layout_problems(load.load_bytes(out.encode(), "x")[0], "publishers") == []
