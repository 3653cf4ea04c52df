"""`modelfacts diff`: a pull request's effect on the fact base, claim by claim, as Markdown."""

from __future__ import annotations

import os
import subprocess

import pytest
from conftest import run_cli

from modelfacts.diff import DiffError, diff


def git(root, *args: str) -> str:
    return subprocess.run(
        [
            "git",
            "-C",
            str(root),
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
            *args,
        ],
        check=True,
        capture_output=True,
    ).stdout.decode()


@pytest.fixture
def repo(project):
    """The conftest project as a git repository with one commit."""
    git(project.root, "init", "-q")
    git(project.root, "add", "facts", "seeds")
    git(project.root, "commit", "-qm", "base")
    return project


def edit(project, *pairs: str) -> None:
    path = project.root / "facts/widget-1.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in zip(pairs[::2], pairs[1::2], strict=False):
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


NEW_CLAIM = """\
  - id: api-only
    statement: Widget-1 is API-only.
    topic: availability
    confidence: low
    status: current
    rationale: One rival outlet.
    citations:
      - source: rival-news
        stance: supports
        quote: Widget-1 weights remain closed and API-only
"""


def change_widget(project) -> None:
    """Reword `released`, lower its rating, cite the rival; remove `open-weights`; add `api-only`."""
    edit(
        project,
        "statement: Widget-1 was released on 3 March 2025.",
        "statement: Acme Labs released Widget-1 on 3 March 2025.",
        "    confidence: medium\n    status: current\n",
        "    confidence: low\n    status: current\n    rationale: The release date has one source.\n",
        "        quote: Acme Labs released Widget-1 on March 3, 2025.\n",
        "        quote: Acme Labs released Widget-1 on March 3, 2025.\n"
        "      - source: rival-news\n        stance: mentions\n        quote: A rival outlet reports\n",
    )
    path = project.root / "facts/widget-1.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: open-weights")] + NEW_CLAIM, encoding="utf-8")


EXPECTED = """\
## Fact base changes

1 claim added, 1 removed, 1 changed; 0 models added, 0 removed.

### `widget-1` · Widget-1

- **changed** `released`:
  - statement reworded: “Widget-1 was released on 3 March 2025.” → “Acme Labs released Widget-1 on 3 March 2025.”
  - rating lowered ↓: `medium` → `low`
  - citation added: `rival-news` (mentions): “A rival outlet reports”
  - rationale changed: (none) → “The release date has one source.”
- **added** `api-only` (low, current): Widget-1 is API-only.
- **removed** `open-weights` (very low, disputed): Widget-1's weights are openly available.
"""


def test_a_commit_summarised_claim_by_claim(repo):
    change_widget(repo)
    git(repo.root, "commit", "-qam", "change")
    out = run_cli("diff", "HEAD~1", "HEAD", "--root", str(repo.root))
    assert (out.returncode, out.stderr) == (0, "")
    assert out.stdout == EXPECTED


def test_head_defaults_to_the_working_tree(repo):
    change_widget(repo)
    assert diff(repo.root, "HEAD") == EXPECTED


def test_the_reverse_change_raises_the_rating_and_removes_the_citation(repo):
    change_widget(repo)
    git(repo.root, "commit", "-qam", "change")
    out = diff(repo.root, "HEAD", "HEAD~1")
    assert out.startswith("## Fact base changes\n\n1 claim added, 1 removed, 1 changed;")
    assert "  - rating raised ↑: `low` → `medium`\n" in out
    assert "  - citation removed: `rival-news` (mentions): “A rival outlet reports”\n" in out
    assert "  - rationale changed: “The release date has one source.” → (none)\n" in out


def test_status_and_citation_stance_changes(repo):
    edit(
        repo,
        "    status: disputed\n",
        "    status: retracted\n    status_note: Acme denied it.\n",
        "        stance: contradicts\n",
        "        stance: mentions\n",
    )
    assert (
        diff(repo.root, "HEAD").split("### ", 1)[1]
        == """\
`widget-1` · Widget-1

- **changed** `open-weights`:
  - status changed: `disputed` → `retracted`
  - status note changed: (none) → “Acme denied it.”
  - citation added: `rival-news` (mentions): “Widget-1 weights remain closed and API-only”
  - citation removed: `rival-news` (contradicts): “Widget-1 weights remain closed and API-only”
"""
    )


def test_models_and_sources_added_and_removed(repo):
    model = (
        (repo.root / "facts/widget-1.yaml")
        .read_text()
        .replace("id: widget-1", "id: gadget")
        .replace("name: Widget-1", "name: Gadget")
    )
    repo.write("facts/gadget.yaml", model)
    (repo.root / "seeds/rival-news.yaml").unlink()
    out = diff(repo.root, "HEAD")
    assert out.startswith("## Fact base changes\n\n2 claims added, 0 removed, 0 changed; 1 model added, 0 removed.\n")
    assert "### `gadget` · Gadget (new model)\n\n- **added** `released` (medium, current):" in out
    assert out.endswith("### Sources\n\n- source **removed** `rival-news`\n")
    (repo.root / "facts/widget-1.yaml").unlink()
    out = diff(repo.root, "HEAD")
    assert "2 claims added, 2 removed, 0 changed; 1 model added, 1 removed." in out
    assert "### `widget-1` · Widget-1 (removed)\n\n" in out


def test_no_change(repo):
    assert diff(repo.root, "HEAD") == "## Fact base changes\n\nNo change to the fact base.\n"
    edit(repo, "name: Widget-1\n", "name: Widget-1  # a comment changes nothing\n")
    assert diff(repo.root, "HEAD") == "## Fact base changes\n\nNo change to the fact base.\n"


def test_developers_changed_are_shown_as_ids(repo):
    edit(repo, "developers: [acme-labs]", "developers: [acme-labs, rival-times]")
    assert "### `widget-1` · Widget-1\n\n- developers changed: `acme-labs` → `acme-labs, rival-times`\n" in diff(
        repo.root, "HEAD"
    )
    edit(repo, "developers: [acme-labs, rival-times]", "developers: []")
    assert "- developers changed: `acme-labs` → (none)\n" in diff(repo.root, "HEAD")


def test_the_publishers_registry_is_not_a_model_or_source(repo):
    path = repo.root / "seeds/publishers.yaml"
    path.write_text(path.read_text().replace("name: Acme Labs", "name: Acme Laboratories"))
    assert diff(repo.root, "HEAD") == "## Fact base changes\n\nNo change to the fact base.\n"


def test_a_file_invalid_on_one_side_is_left_out_with_a_note(repo):
    repo.write("facts/widget-1.yaml", "id: [unclosed\n")
    assert diff(repo.root, "HEAD") == (
        "## Fact base changes\n\nNo change to the fact base.\n\n"
        "> Note: facts/widget-1.yaml at the working tree is not a valid record (run `modelfacts check`); "
        "its changes are left out\n"
    )


def test_text_from_fact_files_is_escaped(repo):
    edit(
        repo,
        "statement: Widget-1 was released on 3 March 2025.",
        'statement: "<img src=x onerror=alert(1)> **bold** [link](https://x.test) @octocat #12 `code` $x$ :+1: a|b"',
    )
    line = next(line for line in diff(repo.root, "HEAD").splitlines() if "statement reworded" in line)
    assert line.endswith(
        r"→ “\<img src=x onerror=alert\(1\)\> \*\*bold\*\* \[link\]\(https\://x.test\) "
        r"\@octocat \#12 \`code\` \$x\$ \:+1\: a\|b”"
    )


def test_bad_revisions_exit_2_with_a_message(repo, tmp_path_factory):
    for args in (["nope"], ["HEAD", "nope"], ["--upload-pack=x"]):
        out = run_cli("diff", "--root", str(repo.root), *args)
        assert out.returncode == 2, args
        assert "Traceback" not in out.stderr
    out = run_cli("diff", "--root", str(repo.root), "nope")
    assert out.stderr == f"modelfacts diff: `nope` is not a commit of the git repository at {repo.root}\n"
    with pytest.raises(DiffError, match="is not a commit"):
        diff(repo.root, "--output=/dev/null")  # never passed to git as an option
    outside = tmp_path_factory.mktemp("not-a-repo")
    (outside / "facts").mkdir()
    (outside / "seeds").mkdir()
    out = run_cli("diff", "--root", str(outside), "HEAD")
    assert out.returncode == 2 and out.stderr.startswith("modelfacts diff: fatal: not a git repository")


def commit_broken_files(project, subject: str = "break") -> None:
    """Commit what history may hold and no reader can take: invalid YAML, bytes that are not UTF-8, a
    symbolic link, a folder and a submodule, each under a fact file's name."""
    root = project.root
    project.write("facts/widget-1.yaml", "id: [unclosed\n")
    project.write("facts/latin.yaml", "name: Caf\xe9\n".encode("latin-1"))
    os.symlink("widget-1.yaml", root / "facts/link.yaml")
    project.write("facts/folder.yaml/inside.yaml", "id: inside\n")
    git(root, "add", "-A")
    head = git(root, "rev-parse", "HEAD").strip()
    git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},facts/module.yaml")
    git(root, "commit", "-qm", subject)


def commit_fix(project, widget: str, subject: str = "fix") -> None:
    """Commit `widget` as facts/widget-1.yaml and nothing of the broken files."""
    root = project.root
    for name in ("latin.yaml", "link.yaml", "folder.yaml/inside.yaml"):
        (root / "facts" / name).unlink()
    (root / "facts" / "folder.yaml").rmdir()  # git keeps no empty folder, but the checker would see it
    project.write("facts/widget-1.yaml", widget)
    git(root, "add", "-A")
    git(root, "commit", "-qm", subject)


def test_a_broken_commit_and_its_fix_leave_diff_green_with_a_note_for_each_file(repo):
    widget = (repo.root / "facts/widget-1.yaml").read_text(encoding="utf-8")
    commit_broken_files(repo)
    commit_fix(repo, widget)
    for args in (["HEAD~2", "HEAD"], ["HEAD~2", "HEAD~1"], ["HEAD~1", "HEAD"], ["HEAD~1"]):
        out = run_cli("diff", *args, "--root", str(repo.root))
        assert (out.returncode, out.stderr) == (0, ""), args
    assert diff(repo.root, "HEAD~2", "HEAD") == "## Fact base changes\n\nNo change to the fact base.\n"
    assert diff(repo.root, "HEAD~1", "HEAD") == (
        "## Fact base changes\n\nNo change to the fact base.\n\n"
        "> Note: facts/folder.yaml at HEAD\\~1 is a folder, not a file; its changes are left out\n\n"
        "> Note: facts/latin.yaml at HEAD\\~1 is not a valid record (run `modelfacts check`); its changes are left out\n\n"
        "> Note: facts/link.yaml at HEAD\\~1 is a symbolic link, not a file; its changes are left out\n\n"
        "> Note: facts/module.yaml at HEAD\\~1 is a submodule, not a file; its changes are left out\n\n"
        "> Note: facts/widget-1.yaml at HEAD\\~1 is not a valid record (run `modelfacts check`); "
        "its changes are left out\n"
    )


def assert_in_open_weights(project, lines: str) -> None:
    """Give the disputed claim `open-weights` these `openness` lines (after its status)."""
    edit(project, "    status: disputed\n", "    status: disputed\n" + lines)


LICENCE_TABLE = """\
# yaml-language-server: $schema=../schemas/licences.schema.json
licences:
  - id: LicenseRef-Widget
    name: Widget Licence
    class: {klass}
    reason: It limits who may use Widget-1.
    terms: []
"""


@pytest.fixture
def asserting(project):
    """The conftest project with `open-weights` asserting open weights under a restricted licence, committed."""
    assert_in_open_weights(project, "    openness:\n      weights: open\n      licence: LicenseRef-Widget\n")
    project.write("seeds/licences.yaml", LICENCE_TABLE.format(klass="restricted"))
    git(project.root, "init", "-q")
    git(project.root, "add", "facts", "seeds")
    git(project.root, "commit", "-qm", "base")
    return project


def test_a_flipped_assertion_is_reported_as_a_verdict_change_above_the_claims(asserting):
    edit(asserting, "      weights: open\n", "      weights: closed\n")
    assert diff(asserting.root, "HEAD") == (
        "## Fact base changes\n\n"
        "0 claims added, 0 removed, 1 changed; 0 models added, 0 removed.\n\n"
        "### Verdict changes\n\n"
        "- `widget-1` · Widget-1 · `weights`: `open` → `closed`\n"
        "  - `open-weights`: asserts “open” → “closed”\n\n"
        "### `widget-1` · Widget-1\n\n"
        "- **changed** `open-weights`:\n"
        "  - openness changed: “weights open, licence LicenseRef-Widget” → “weights closed, licence LicenseRef-Widget”\n"
    )


def test_a_verdict_change_names_ratings_statuses_and_assertions_added_or_removed(asserting):
    """Retracting the only claim leaves the verdicts unknown; a new claim rated higher takes over."""
    edit(asserting, "    status: disputed\n", "    status: retracted\n    status_note: Withdrawn.\n")
    out = diff(asserting.root, "HEAD")
    assert (
        "### Verdict changes\n\n"
        "- `widget-1` · Widget-1 · `weights`: `open` → `unknown`\n"
        "  - `open-weights`: status `disputed` → `retracted`\n"
        "- `widget-1` · Widget-1 · `licence`: `partial` (“LicenseRef-Widget”, `restricted`) → `unknown`\n"
        "  - `open-weights`: status `disputed` → `retracted`\n\n"
    ) in out
    edit(asserting, "    status: retracted\n    status_note: Withdrawn.\n", "    status: disputed\n")
    path = asserting.root / "facts/widget-1.yaml"
    path.write_text(
        path.read_text() + NEW_CLAIM.replace("    citations:", "    openness:\n      weights: closed\n    citations:")
    )
    out = diff(asserting.root, "HEAD")
    assert (
        "- `widget-1` · Widget-1 · `weights`: `open` → `disputed`\n"
        "  - `api-only`: now asserts “closed” (`low`, `current`)\n"
    ) in out
    path.write_text(
        path.read_text().replace(
            "confidence: low\n    status: current\n    rationale: One rival",
            "confidence: medium\n    status: current\n    rationale: One rival",
        )
    )
    assert (
        "- `widget-1` · Widget-1 · `weights`: `open` → `closed`\n"
        "  - `api-only`: now asserts “closed” (`medium`, `current`)\n"
    ) in diff(asserting.root, "HEAD")


def test_a_class_changed_in_the_licence_table_changes_the_licence_verdicts(asserting):
    asserting.write("seeds/licences.yaml", LICENCE_TABLE.format(klass="open"))
    assert diff(asserting.root, "HEAD") == (
        "## Fact base changes\n\n"
        "0 claims added, 0 removed, 0 changed; 0 models added, 0 removed.\n\n"
        "### Verdict changes\n\n"
        "- `widget-1` · Widget-1 · `licence`: `partial` (“LicenseRef-Widget”, `restricted`) → "
        "`open` (“LicenseRef-Widget”, `open`)\n"
        "  - `open-weights`: licence class `restricted` → `open`\n\n"
        "### Licence table\n\n"
        "- licence `LicenseRef-Widget`: class `restricted` → `open`\n"
    )
    (asserting.root / "seeds/licences.yaml").unlink()
    out = diff(asserting.root, "HEAD")
    assert "`licence`: `partial` (“LicenseRef-Widget”, `restricted`) → `disputed`" not in out
    assert "- `widget-1` · Widget-1 · `licence`: `partial` (“LicenseRef-Widget”, `restricted`) → `unknown` (" in out
    assert out.endswith("### Licence table\n\n- licence **removed** `LicenseRef-Widget`\n")


def test_an_unreadable_licence_table_moves_no_verdict(asserting):
    asserting.write("seeds/licences.yaml", "licences: [unclosed\n")
    assert diff(asserting.root, "HEAD") == (
        "## Fact base changes\n\nNo change to the fact base.\n\n"
        "> Note: seeds/licences.yaml at the working tree is not a valid record (run `modelfacts check`); "
        "its changes are left out\n"
    )


def test_a_new_model_shows_the_verdicts_it_brings(asserting):
    text = (asserting.root / "facts/widget-1.yaml").read_text()
    asserting.write(
        "facts/gadget.yaml", text.replace("id: widget-1", "id: gadget").replace("name: Widget-1", "name: Gadget")
    )
    out = diff(asserting.root, "HEAD")
    assert (
        "### Verdict changes\n\n"
        "- `gadget` · Gadget · `weights`: `unknown` → `open`\n"
        "  - `open-weights`: now asserts “open” (`very low`, `disputed`)\n"
        "- `gadget` · Gadget · `licence`: `unknown` → `partial` (“LicenseRef-Widget”, `restricted`)\n"
        "  - `open-weights`: now asserts “LicenseRef-Widget” (`very low`, `disputed`)\n\n"
        "### `gadget` · Gadget (new model)"
    ) in out


def test_assertions_from_fact_files_are_escaped_in_the_verdict_lines(asserting):
    edit(asserting, "      licence: LicenseRef-Widget\n", '      licence: "[x](https://evil.test) <b>"\n')
    out = diff(asserting.root, "HEAD")
    assert (
        "- `widget-1` · Widget-1 · `licence`: `partial` (“LicenseRef-Widget”, `restricted`) → "
        "`unknown` (“\\[x\\]\\(https\\://evil.test\\) \\<b\\>”, `unclassified`)\n"
        "  - `open-weights`: asserts “LicenseRef-Widget” → “\\[x\\]\\(https\\://evil.test\\) \\<b\\>”; "
        "licence class `restricted` → (none)\n"
    ) in out
