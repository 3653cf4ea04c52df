"""The contributor files are valid and agree with the project they describe.

CONTRIBUTING.md, the GitHub workflows and templates, the pre-commit hooks and the VS Code settings
all name commands, make targets, files, rules and vocabularies. These tests check every such name
against the code, so a renamed rule, target or schema makes a test fail instead of a newcomer.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from modelfacts import kinds, provenance, rubric, rules
from modelfacts.check import check_root
from modelfacts.cli import parser as cli_parser
from modelfacts.problems import ERROR

CONTRIBUTING = REPO / "CONTRIBUTING.md"
GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
ISSUE_FORMS = GITHUB / "ISSUE_TEMPLATE"
PR_TEMPLATE = GITHUB / "PULL_REQUEST_TEMPLATE.md"
PRE_COMMIT_CONFIG = REPO / ".pre-commit-config.yaml"
PRE_COMMIT_HOOKS = REPO / ".pre-commit-hooks.yaml"
VSCODE = REPO / ".vscode"
FIXTURES = REPO / "tests" / "fixtures" / "facts"
RULE_TESTS = REPO / "tests" / "test_rules.py"

CLI_CONTRACT = {"check", "fmt", "new", "diff"}
"""The documented subcommands; every one must exist, a misspelt one fails."""
SYSTEM_COMMANDS = {
    "make",
    "git",
    "apt-get",
    "sudo",
    "echo",
    "sha256sum",
    "shasum",
    "cd",
    "iconv",
    "pipx",
    "pre-commit",
    "python3",
    "export",
}
"""Commands a workflow or the guide may use that are not this project's own."""
VENV_TOOLS = {"mkdocs", "python", "pytest"}
"""Programs that `make` installs into .venv/bin besides the project's console scripts."""


# ---------------------------------------------------------------------------------------------
# Helpers: what the project provides


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml too: its `!ENV [NAME, default]` tags become the default."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)


def console_scripts() -> set[str]:
    return set(tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"])


def make_targets() -> set[str]:
    """Every target the Makefile defines, with $(VARIABLES) expanded."""
    variables: dict[str, str] = {}
    targets: set[str] = set()
    for line in (REPO / "Makefile").read_text().splitlines():
        if line.startswith("\t") or line.lstrip().startswith("#"):
            continue
        if m := re.match(r"^(\w+)\s*(?::=|\?=|=)\s*(.*?)\s*$", line):
            variables[m[1]] = m[2]
        elif m := re.match(r"^([^\s#:=][^:=]*?)\s*:(?!=)", line):
            targets.update(m[1].split())

    def expand(text: str) -> str:
        for _ in range(10):
            text = re.sub(r"\$\((\w+)\)", lambda v: variables.get(v[1], ""), text)
        return text

    return {expand(t) for t in targets}


def cli_subcommands() -> set[str]:
    actions = [a for a in cli_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return set(actions[0].choices) if actions else set()


def makefile_recipe(target: str) -> str:
    text = (REPO / "Makefile").read_text()
    m = re.search(rf"^{re.escape(target)}:.*\n((?:\t.*\n)+)", text, re.M)
    assert m, f"no recipe for {target}"
    return m[1]


# ---------------------------------------------------------------------------------------------
# Helpers: the commands the contributor files mention


def shell_commands(script: str) -> list[list[str]]:
    """Simple commands of a shell script: one argv per command, comments and braces dropped."""
    script = re.sub(r"\$\{\{[^}]*\}\}", "X", script)  # GitHub expressions
    found = []
    for line in script.splitlines():
        for part in re.split(r"&&|\|\||;|\|", line):
            part = re.sub(r">>?\s*\S+", "", part).strip()  # redirections
            if not part or part in ("{", "}"):
                continue
            argv = shlex.split(part, comments=True)
            if argv:
                found.append(argv)
    return found


def workflow_runs() -> list[tuple[str, str]]:
    runs = []
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for job_id, job in load_yaml(path)["jobs"].items():
            for step in job["steps"]:
                if "run" in step:
                    runs.append((f"{path.name}:{job_id}", step["run"]))
    return runs


def code_spans(markdown: str) -> list[str]:
    """Inline code spans and the lines of fenced sh blocks."""
    blocks = re.findall(r"^[ \t]*```(?:sh|bash|console)\n(.*?)^[ \t]*```", markdown, re.M | re.S)
    without_fences = re.sub(r"^[ \t]*```.*?^[ \t]*```", "", markdown, flags=re.M | re.S)
    spans = re.findall(r"`([^`\n]+)`", without_fences)
    return [line.strip() for block in blocks for line in block.splitlines()] + spans


def doc_commands(markdown: str) -> list[list[str]]:
    commands = []
    for span in code_spans(markdown):
        if "…" in span:
            continue
        span = re.sub(r"<[^>]*>", "X", span)
        try:
            commands.extend(shell_commands(span))
        except ValueError:  # an unbalanced quote: prose, not a command
            continue
    return commands


def all_commands() -> list[tuple[str, list[str]]]:
    """(where, argv) for every command line, each distinct one once."""
    cases = []
    for origin, script in workflow_runs():
        cases += [(origin, argv) for argv in shell_commands(script)]
    for path in (CONTRIBUTING, PR_TEMPLATE):
        # In prose, a code span is a command only when it starts with one of the project's programs.
        # A lone word (`make`, `.venv/bin/`) is prose about the program, not a command line.
        cases += [
            (path.name, argv)
            for argv in doc_commands(path.read_text(encoding="utf-8"))
            if len(argv) > 1 and (argv[0] in {"make", "mkdocs", *console_scripts()} or argv[0].startswith(".venv/bin/"))
        ]
    return [(origin, list(argv)) for origin, argv in dict.fromkeys((o, tuple(a)) for o, a in cases)]


def program(argv: list[str]) -> str:
    return argv[1] if argv[0] == "sudo" else argv[0]


def modelfacts_invocations() -> list[tuple[str, list[str]]]:
    """(origin, arguments) for every `modelfacts ...` the contributor files run or document."""
    cases = [(origin, argv[1:]) for origin, argv in all_commands() if Path(argv[0]).name == "modelfacts"]
    for path in (PRE_COMMIT_HOOKS, PRE_COMMIT_CONFIG):
        for hook in hooks_of(path):
            argv = shlex.split(hook["entry"]) + list(hook.get("args", []))
            if hook.get("pass_filenames", True):
                argv.append("facts/gemini-1-0-pro.yaml")
            cases.append((f"{path.name}:{hook['id']}", argv[1:]))
    return cases


def hooks_of(path: Path) -> list[dict]:
    data = load_yaml(path)
    if isinstance(data, list):  # .pre-commit-hooks.yaml
        return data
    return [hook for repo in data["repos"] for hook in repo["hooks"]]


# ---------------------------------------------------------------------------------------------
# Commands, targets and programs


@pytest.mark.parametrize("origin, argv", all_commands(), ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_every_command_is_a_known_program(origin, argv):
    name = program(argv)
    if name.startswith(".venv/bin/"):
        assert Path(name).name in console_scripts() | VENV_TOOLS, f"{origin}: make does not install {name}"
    else:
        assert name in SYSTEM_COMMANDS | console_scripts() | VENV_TOOLS, f"{origin}: unknown command {argv}"


@pytest.mark.parametrize(
    "origin, argv",
    [c for c in all_commands() if program(c[1]) == "make"],
    ids=lambda v: v if isinstance(v, str) else " ".join(v),
)
def test_make_targets_exist(origin, argv):
    targets = [a for a in argv[1:] if not a.startswith("-") and "=" not in a]
    assert targets, f"{origin}: bare `make` runs the first target; name one"
    assert set(targets) <= make_targets(), f"{origin}: no such make target in {targets}"


@pytest.mark.parametrize(
    "origin, args", modelfacts_invocations(), ids=lambda v: v if isinstance(v, str) else " ".join(v)
)
def test_modelfacts_invocations_parse(origin, args):
    sub = next((a for a in args if not a.startswith("-")), None)
    if sub is not None and args[0] not in ("-h", "--help"):
        assert sub in CLI_CONTRACT, f"{origin}: `modelfacts {sub}` is not a documented subcommand"
        assert sub in cli_subcommands(), f"{origin}: `modelfacts {sub}` does not exist"
    if origin.endswith(".md") and len(args) == 1:
        return  # prose naming a subcommand (`modelfacts diff`), not a command line to run
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        try:
            cli_parser().parse_args(args)
        except SystemExit as exc:
            assert exc.code == 0, f"{origin}: `modelfacts {' '.join(args)}` is refused: {err.getvalue()}"


def test_make_build_is_strict():
    assert "mkdocs build --strict" in makefile_recipe("build")


# ---------------------------------------------------------------------------------------------
# GitHub workflows


def workflow(name: str) -> dict:
    return load_yaml(WORKFLOWS / name)


def triggers(wf: dict) -> dict:
    on = wf.get("on", wf.get(True))  # YAML 1.1 reads a bare `on` key as true
    return {on: None} if isinstance(on, str) else {k: None for k in on} if isinstance(on, list) else on


def steps_of(job: dict) -> list[dict]:
    return job["steps"]


def job_running(wf: dict, needle: str) -> tuple[str, dict]:
    found = [
        (jid, job) for jid, job in wf["jobs"].items() if any(needle in step.get("run", "") for step in job["steps"])
    ]
    assert len(found) == 1, f"expected one job running {needle!r}, found {[j for j, _ in found]}"
    return found[0]


def step_index(job: dict, needle: str) -> int:
    for i, step in enumerate(job["steps"]):
        if needle in step.get("run", "") or needle in step.get("uses", ""):
            return i
    raise AssertionError(f"no step with {needle!r}")


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_workflow_shape(path):
    wf = load_yaml(path)
    assert wf["name"] and triggers(wf) and wf["jobs"]
    assert "permissions" in wf, "declare the token's permissions explicitly"
    for job_id, job in wf["jobs"].items():
        assert job.get("runs-on"), job_id
        assert job["steps"], job_id
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{job_id}: a step either uses an action or runs a command"
            assert step.get("name") or "uses" in step, f"{job_id}: name every command step"


@pytest.mark.parametrize("path", sorted(WORKFLOWS.glob("*.yml")), ids=lambda p: p.name)
def test_actions_are_pinned(path):
    for job in load_yaml(path)["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@(v\d+(\.\d+){0,2}|[0-9a-f]{40})", step["uses"]), step["uses"]


def test_workflows_use_the_projects_python():
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == ">=3.11"
    for path in WORKFLOWS.glob("*.yml"):
        for job in load_yaml(path)["jobs"].values():
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/setup-python@"):
                    # A string: an unquoted 3.10 would be read as 3.1.
                    assert step["with"]["python-version"] == "3.11"
            image = job.get("container")
            image = image.get("image") if isinstance(image, dict) else image
            if image and image.startswith("python:"):
                assert image.startswith("python:3.11")


def test_pr_workflow_runs_on_every_pull_request():
    assert "pull_request" in triggers(workflow("pr.yml"))


def test_pr_workflow_checks_with_annotations():
    wf = workflow("pr.yml")
    _, job = job_running(wf, "modelfacts check --format github")
    assert step_index(job, "actions/setup-python@") < step_index(job, "modelfacts check")


def test_pr_workflow_checks_formatting_and_builds_strictly():
    wf = workflow("pr.yml")
    job_running(wf, "modelfacts fmt --check")
    build = [
        s["run"]
        for j in wf["jobs"].values()
        for s in j["steps"]
        if "run" in s and ("mkdocs build --strict" in s["run"] or re.search(r"\bmake build\b", s["run"]))
    ]
    assert build, "the pull-request workflow builds the site strictly"


def test_pr_workflow_installs_debian_chromium_before_the_tests():
    wf = workflow("pr.yml")
    _, job = job_running(wf, "make test")
    install = step_index(job, "chromium")
    assert "apt-get install" in job["steps"][install]["run"]
    assert install < step_index(job, "make test")
    image = job.get("container")
    image = image.get("image") if isinstance(image, dict) else image
    assert image and re.search(r"debian|bookworm|trixie", image), "Debian's chromium needs a Debian system"


def test_pr_workflow_puts_the_claim_diff_in_the_job_summary():
    wf = workflow("pr.yml")
    _, job = job_running(wf, "modelfacts diff")
    (step,) = [s for s in job["steps"] if "modelfacts diff" in s.get("run", "")]
    assert "$GITHUB_STEP_SUMMARY" in step["run"]
    assert (
        re.search(r"modelfacts diff \"?origin/\$\{?BASE_REF\}?\"? HEAD", step["run"])
        or "modelfacts diff origin/${{ github.base_ref }} HEAD" in step["run"]
    )
    if "BASE_REF" in step["run"]:
        assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    checkout = job["steps"][step_index(job, "actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0, "the base branch must be fetched for the diff"


def test_deploy_workflow_publishes_main_to_pages():
    wf = workflow("deploy.yml")
    assert triggers(wf)["push"]["branches"] == ["main"]
    assert wf["concurrency"]["group"] and wf["concurrency"]["cancel-in-progress"] is False
    uses = {s["uses"].split("@")[0]: (jid, s) for jid, job in wf["jobs"].items() for s in job["steps"] if "uses" in s}
    upload_job, upload = uses["actions/upload-pages-artifact"]
    deploy_job, _ = uses["actions/deploy-pages"]
    site_dir = load_yaml(REPO / "mkdocs.yml").get("site_dir", "site")
    assert upload["with"]["path"] == site_dir
    job = wf["jobs"][deploy_job]
    assert job["needs"] == upload_job or upload_job in job["needs"]
    permissions = {**wf.get("permissions", {}), **job.get("permissions", {})}
    assert permissions["pages"] == "write" and permissions["id-token"] == "write"
    assert job["environment"]["name"] == "github-pages"
    build = wf["jobs"][upload_job]
    assert step_index(build, "make build") < step_index(build, "actions/upload-pages-artifact")


def test_deploy_workflow_builds_from_the_whole_history_with_both_addresses():
    """A shallow checkout would make the feed and the recent-changes page call every claim new; the build is
    given the site's address and the repository's (for the footer's repository and wrong-claim links)."""
    wf = workflow("deploy.yml")
    job = next(job for job in wf["jobs"].values() if any("make build" in s.get("run", "") for s in job["steps"]))
    checkout = job["steps"][step_index(job, "actions/checkout@")]
    assert checkout["with"]["fetch-depth"] == 0
    env = job["steps"][step_index(job, "make build")]["env"]
    assert env["SITE_URL"].endswith("/")
    assert env["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    config = load_yaml(REPO / "mkdocs.yml")  # !ENV [NAME, default] reads as its default
    assert config["site_url"] == "" and config["extra"]["repo_url"] is None


@pytest.mark.parametrize(
    "schema, paths",
    [
        ("vendor.github-workflows", sorted(WORKFLOWS.glob("*.yml"))),
        ("vendor.github-issue-forms", sorted(p for p in ISSUE_FORMS.glob("*.yml") if p.name != "config.yml")),
        ("vendor.github-issue-config", [ISSUE_FORMS / "config.yml"]),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_github_files_match_githubs_schemas(schema, paths):
    """check-jsonschema (pinned in requirements.txt) ships SchemaStore's schemas for these files."""
    assert paths
    run = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *map(str, paths)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr


# ---------------------------------------------------------------------------------------------
# pre-commit


def test_pre_commit_hooks_are_published():
    hooks = hooks_of(PRE_COMMIT_HOOKS)
    assert [h["id"] for h in hooks] == ["modelfacts-fmt", "modelfacts-check"]
    for hook in hooks:
        assert hook["name"] and hook["language"] in ("python", "system")
        assert shlex.split(hook["entry"])[0] in console_scripts()
    fmt, chk = hooks
    assert shlex.split(fmt["entry"])[1] == "fmt" and shlex.split(chk["entry"])[1] == "check"
    assert chk["pass_filenames"] is False, "the checker's rules span files: it checks the whole base"


SAMPLE_PATHS = [
    *(r.display for r in kinds.scan(REPO).records),
    *(d.display for d in kinds.scan(REPO).documents),
    "facts/x.yml",
    "facts/x.YAML",
    "facts/.x.yaml",
    "facts/notes.md",
    "facts/sub/x.yaml",
    "seeds/x.yml",
    "seeds/primary/x.yaml",
    "seeds/primary/meta-llama__llama@llama_v1__LICENSE",
    "seeds/primary/README.md",
    "seeds/LICENSE",
    "docs/about/index.md",
    "schemas/model.schema.json",
    "x.yaml",
]
"""Paths of every sort: the real records and documents, odd names, and files outside the data."""


@pytest.mark.parametrize("path", [PRE_COMMIT_HOOKS, PRE_COMMIT_CONFIG], ids=lambda p: p.name)
def test_pre_commit_file_patterns_agree_with_the_kinds(path):
    for hook in hooks_of(path):
        pattern = re.compile(hook["files"])
        for rel in SAMPLE_PATHS:
            kind = kinds.classify(rel)
            if "fmt" in hook["entry"]:  # records in canonical names only; documents are never rewritten
                assert bool(pattern.search(rel)) == (kind is not None and rel.endswith(kinds.EXTENSION)), rel
            elif rel.split("/")[0] in {k.folder for k in kinds.KINDS}:  # any change to the data is checked
                assert pattern.search(rel), rel
        assert not pattern.search("docs/about/index.md")


def test_readme_says_where_each_kind_lives():
    rows = re.findall(r"^\| (`[^|]+`) \|", (REPO / "README.md").read_text(encoding="utf-8"), re.M)
    for kind in kinds.KINDS:
        assert any(f"`{kind.path_of(f'<{kind.name}-id>')}`" in row for row in rows), kind.name
    (seeds,) = [row for row in rows if row.startswith(f"`{kinds.SOURCE.folder}/")]
    for example in ("seeds/000_04d8fc4c021dbac8.txt", "seeds/primary/meta-llama__llama@llama_v1__LICENSE"):
        assert kinds.classify(example) is None and any(
            vscode_glob(glob.rstrip("/") + ("/**" if glob.endswith("/") else ""), example)
            for glob in re.findall(r"`([^`]+)`", seeds)
        ), example


def test_git_never_converts_line_endings_under_seeds(tmp_path):
    """One primary document has CRLF line endings: its SHA-256 holds only if git leaves its bytes alone."""
    shutil.copy(REPO / ".gitattributes", tmp_path / ".gitattributes")
    files = {
        "seeds/primary/LICENSE": b"crlf\r\nlines\r\n",
        "seeds/a.txt": b"lf\nlines\n",
        "seeds/mixed.md": b"a\r\nb\n",
    }
    for rel, raw in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(raw)

    def git(*args):
        env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
        return subprocess.run(["git", "-C", str(tmp_path), "-c", "core.autocrlf=true", *args], check=True, env=env)

    git("init", "-q")
    git("add", ".")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "seeds")
    for rel in files:
        (tmp_path / rel).unlink()
    git("checkout", "--", ".")
    assert {rel: (tmp_path / rel).read_bytes() for rel in files} == files


def test_local_pre_commit_hooks_use_the_repositorys_entry_points():
    published = {h["id"]: h for h in hooks_of(PRE_COMMIT_HOOKS)}
    config = load_yaml(PRE_COMMIT_CONFIG)
    local = [repo for repo in config["repos"] if repo["repo"] == "local"]
    assert local and config["repos"] == local
    ids = []
    for hook in hooks_of(PRE_COMMIT_CONFIG):
        ids.append(hook["id"])
        assert hook["id"] in published, f"{hook['id']} is not in .pre-commit-hooks.yaml"
        assert hook["language"] in ("system", "python")
        entry = shlex.split(hook["entry"])
        assert entry[0] == ".venv/bin/" + shlex.split(published[hook["id"]]["entry"])[0]
        assert entry[1:] == shlex.split(published[hook["id"]]["entry"])[1:]
        assert hook.get("pass_filenames", True) == published[hook["id"]].get("pass_filenames", True)
    assert sorted(ids) == sorted(published)
    assert (
        "$(PIP) -r requirements.txt" in makefile_recipe("$(SERVE_STAMP)")
        and re.search(r"^PIP := \$\(BIN\)/python -m pip install", (REPO / "Makefile").read_text(), re.M)
        and re.search(r"^BIN := \$\(VENV\)/bin$", (REPO / "Makefile").read_text(), re.M)
        and re.search(r"^VENV := \.venv$", (REPO / "Makefile").read_text(), re.M)
    )


# ---------------------------------------------------------------------------------------------
# VS Code


def test_vscode_maps_each_folder_to_its_schema():
    settings = json.loads((VSCODE / "settings.json").read_text())
    mapping = settings["yaml.schemas"]
    resolved = {}
    for schema, globs in mapping.items():
        path = (REPO / schema).resolve()
        assert path.is_file(), f"{schema} does not exist"
        assert path.parent == (REPO / "schemas").resolve()
        for glob in [globs] if isinstance(globs, str) else globs:
            resolved[glob] = path.name
    assert resolved == {kind.glob: kind.schema_file for kind in kinds.KINDS}
    for kind in kinds.KINDS:
        # seeds/*.yaml also matches the registry, whose own header names its schema (editors prefer it)
        files = sorted(p for p in REPO.glob(kind.glob) if kinds.classify(p.relative_to(REPO).as_posix()) is kind)
        assert files == [r.path for r in kinds.record_files(REPO) if r.kind is kind], f"{kind.glob} misses records"
        for file in files:
            first = file.read_text(encoding="utf-8").split("\n", 1)[0]
            assert first == kind.header, f"{file.name} names another schema than VS Code uses"


def test_vscode_recommends_the_yaml_extension():
    assert "redhat.vscode-yaml" in json.loads((VSCODE / "extensions.json").read_text())["recommendations"]


def test_vscode_does_not_rewrite_documents():
    settings = json.loads((VSCODE / "settings.json").read_text())
    assert settings.get("files.trimTrailingWhitespace") is not True, "would change documents and their hashes"
    readonly = [g for g, on in settings.get("files.readonlyInclude", {}).items() if on]
    writable = [g for g, on in settings.get("files.readonlyExclude", {}).items() if on]

    def is_readonly(rel: str) -> bool:
        return any(vscode_glob(g, rel) for g in readonly) and not any(vscode_glob(g, rel) for g in writable)

    for rel in SAMPLE_PATHS:
        if kinds.classify(rel) is None and rel.startswith(kinds.SOURCE.folder + "/"):
            assert is_readonly(rel), f"{rel} is a document: an editor must not change it"
        elif kinds.classify(rel) is not None and rel.endswith(kinds.EXTENSION):
            assert not is_readonly(rel), f"{rel} is a record: contributors edit it"


def vscode_glob(glob: str, rel: str) -> bool:
    """VS Code's glob: `*` within one path segment, `**` across segments."""
    pattern = "".join(
        ".*" if part == "**" else "[^/]*" if part == "*" else re.escape(part) for part in re.split(r"(\*\*|\*)", glob)
    )
    return re.fullmatch(pattern, rel) is not None


# ---------------------------------------------------------------------------------------------
# Issue forms and the pull-request template

FORM_TYPES = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


def forms() -> list[Path]:
    return sorted(p for p in ISSUE_FORMS.glob("*.yml") if p.name != "config.yml")


@pytest.mark.parametrize("path", forms(), ids=lambda p: p.name)
def test_issue_form_shape(path):
    form = load_yaml(path)
    assert form["name"] and form["description"] and form["body"]
    ids = []
    for item in form["body"]:
        assert item["type"] in FORM_TYPES
        if item["type"] == "markdown":
            assert item["attributes"]["value"].strip()
            continue
        assert re.fullmatch(r"[A-Za-z0-9_-]+", item["id"])
        ids.append(item["id"])
        assert item["attributes"]["label"]
        if item["type"] == "dropdown":
            assert item["attributes"]["options"]
        if item["type"] == "checkboxes":
            assert all(o["label"] for o in item["attributes"]["options"])
    assert len(ids) == len(set(ids)), "ids are unique within a form"


def required_textareas(path: Path) -> list[dict]:
    return [
        item
        for item in load_yaml(path)["body"]
        if item["type"] == "textarea" and item.get("validations", {}).get("required") is True
    ]


@pytest.mark.parametrize("name", ["claim-is-wrong.yml", "add-a-model.yml"])
def test_issue_forms_require_the_source_passage(name):
    passages = [
        item
        for item in required_textareas(ISSUE_FORMS / name)
        if "passage" in item["id"] or "passage" in item["attributes"]["label"].lower()
    ]
    assert passages, f"{name} must require the source passage"
    assert any("word for word" in item["attributes"]["description"] for item in passages)


def test_issue_template_config():
    config = load_yaml(ISSUE_FORMS / "config.yml")
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config.get("contact_links", []) or []:
        assert link["name"] and link["about"] and link["url"].startswith("https://")


def test_pull_request_template_has_a_checklist():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert len(re.findall(r"^- \[ \] ", text, re.M)) >= 5
    for needle in ("make check", "modelfacts fmt --check", "make serve"):
        assert needle in text


# ---------------------------------------------------------------------------------------------
# CONTRIBUTING.md

DOC = CONTRIBUTING.read_text(encoding="utf-8")


def rule_rows() -> dict[str, list[str]]:
    rows = {}
    for line in DOC.splitlines():
        if m := re.match(r"^\| `([a-z0-9-]+)` \|(.*)\|\s*$", line):
            cells = [c.strip() for c in m[2].split("|")]
            if len(cells) == 3:  # the rule table: meaning, fix, example
                assert m[1] not in rows, f"rule {m[1]} has two rows"
                rows[m[1]] = cells
    return rows


def yaml_blocks() -> list[str]:
    return re.findall(r"^```yaml\n(.*?)^```", DOC, re.M | re.S)


def text_blocks() -> list[str]:
    return re.findall(r"^```text\n(.*?)^```", DOC, re.M | re.S)


def test_contributing_explains_every_rule():
    assert set(rule_rows()) == {r.id for r in rules.RULES}


def test_contributing_points_at_each_rules_example():
    fixture_rules = {p.stem.split("--")[0] for p in FIXTURES.glob("*.yaml")}
    rule_tests = set(re.findall(r"^def (test_\w+)", RULE_TESTS.read_text(), re.M))
    for rule, (meaning, fix, example) in rule_rows().items():
        assert meaning and fix and example, rule
        paths = re.findall(r"`(tests/fixtures/facts/[^`]+)`", example)
        for pattern in paths:
            matched = sorted(REPO.glob(pattern))
            assert matched, f"{pattern} matches no fixture"
            assert {p.stem.split("--")[0] for p in matched} == {rule}, f"{pattern} shows another rule"
        if rule in fixture_rules:
            assert paths, f"{rule} has fixtures; name them"
        for name in re.findall(r"`(test_\w+)`", example):
            assert name in rule_tests, f"{name} is not a test in tests/test_rules.py"
        if not paths:
            assert re.search(r"`test_\w+`", example), f"{rule}: name the fixture or the test that shows it"


def test_contributing_marks_warnings():
    for rule in rules.RULES:
        meaning = rule_rows()[rule.id][0]
        assert meaning.startswith("*Warning.*") == (rule.severity != ERROR), rule.id


def test_contributing_ceiling_grid_matches_the_rubric():
    grid = {}
    header = None
    for line in DOC.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "Evidence \\ agreement":
            header = cells[1:]
        elif header and cells[0] in rubric.EVIDENCE_LEVELS and len(cells) == 4:
            for agreement, ceiling in zip(header, cells[1:], strict=False):
                grid[(cells[0], agreement)] = ceiling
    assert grid == rubric.CEILING


def test_contributing_vocabularies_match_the_rubric():
    for kind in rubric.SOURCE_KINDS:
        assert re.search(rf"^\| `{re.escape(kind)}` \| ", DOC, re.M), kind
    for grade, name in rubric.RELIABILITY_GRADES.items():
        counts = "yes" if grade in rubric.SUPPORTING_GRADES else "no"
        assert f"| {grade} | {name} | {counts} |" in DOC, grade
    for level, meaning in rubric.CONFIDENCE_MEANING.items():
        assert f"| {level} | {meaning} |" in DOC, level
    for vocabulary in (rubric.TOPICS, rubric.STANCES, rubric.STATUSES, rubric.MODALITIES):
        for word in vocabulary:
            assert word in DOC, word


def test_contributing_says_what_the_developers_own_documents_settle():
    """Section 5 names the same authoritative topics, the same other topics and the same effects as the rubric."""
    flat = " ".join(DOC.split())
    topics = re.search(
        r"authoritative for what it states about its own release on these topics: (.*?)\. It is not", flat
    )
    assert topics and tuple(re.findall(r"`([a-z-]+)`", topics[1])) == rubric.AUTHORITATIVE_TOPICS
    others = re.search(r"It is not on (.*?): there it counts as any primary source", flat)
    assert others and re.findall(r"`([a-z-]+)`", others[1]) == list(rubric.NOT_AUTHORITATIVE)
    for when, then in rubric.OWN_EFFECTS.values():
        assert f"| {when} | {then} |" in DOC, when


def test_contributing_covers_the_essentials():
    flat = " ".join(DOC.split())
    for needle in (
        "make check",
        "make serve",
        "modelfacts fmt",
        "modelfacts fmt --check",
        "modelfacts diff",
        "modelfacts new model",
        "modelfacts new claim",
        "--format github",
        "the Methodology page of the site (docs are generated: `make serve`, then /methodology/)",
        "`path:line:col: error[rule-id]: message`",
        "hint:",
        "the closest passage is:",
        "red banner",
        "Admiralty",
        "job summary",
        "Debian",
    ):
        assert needle in flat, needle
    nav = load_yaml(REPO / "mkdocs.yml")["nav"]
    assert any("methodology/index.md" in entry.values() for entry in nav), "the guide links a page the site has"


def slug(heading: str) -> str:
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def test_contributing_contents_links_resolve():
    anchors = {slug(h) for h in re.findall(r"^#{1,6} (.+)$", re.sub(r"^```.*?^```", "", DOC, flags=re.M | re.S), re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", DOC)
    assert links
    for link in links:
        assert link in anchors, link


def test_contributing_names_only_existing_files():
    prefixes = ("facts/", "seeds/", "schemas/", "tests/", "hooks/", ".github/", ".vscode/")
    for span in set(re.findall(r"`([^`\s<>…]+)`", DOC)):
        top_level = re.fullmatch(r"[\w-][\w.-]*\.(txt|toml|yml|yaml|md|json)|\.pre-commit-[\w-]+\.yaml|Makefile", span)
        if not (span.startswith(prefixes) or top_level):
            continue
        assert list(REPO.glob(span)) if "*" in span else (REPO / span).exists(), f"{span} does not exist"


def _copy_project(tmp_path: Path) -> Path:
    for name in ("facts", "seeds"):
        shutil.copytree(REPO / name, tmp_path / name)
    return tmp_path


def _errors(root: Path) -> list:
    # `format` included: the guide's examples are in the canonical layout, comments and all.
    return [p for p in check_root(root).problems if p.severity == ERROR]


def test_the_commented_example_claim_passes_the_checker(tmp_path):
    (block,) = [b for b in yaml_blocks() if b.startswith(kinds.MODEL.header + "\n") and "\nid: " in b]
    data = yaml.safe_load(block)
    claim_props = load_yaml(REPO / "schemas" / "model.schema.json")["$defs"]["claim"]["properties"]
    for field in [*data, *claim_props, "source", "stance", "quote"]:
        assert re.search(rf"\b{field}\b", block), f"the example does not explain `{field}`"
    root = _copy_project(tmp_path)
    (root / "facts" / f"{data['id']}.yaml").write_text(block, encoding="utf-8")
    assert [p.text() for p in _errors(root)] == []


def test_the_commented_example_source_passes_the_checker(tmp_path):
    (block,) = [b for b in yaml_blocks() if b.startswith(kinds.SOURCE.header + "\n") and "\nid: " in b]
    data = yaml.safe_load(block)
    for field in load_yaml(REPO / "schemas" / "source.schema.json")["properties"]:
        assert re.search(rf"\b{field}\b", block), f"the example does not explain `{field}`"
    root = _copy_project(tmp_path)
    (root / "seeds" / f"{data['id']}.yaml").write_text(block, encoding="utf-8")
    assert [p.text() for p in _errors(root)] == []


def test_the_primary_document_example_is_a_real_record():
    section = DOC.split("### Primary documents: licences, model cards, READMEs", 1)[1].split("\n### ", 1)[0]
    (block,) = re.findall(r"^```yaml\n(.*?)^```", section, re.M | re.S)
    (name,) = re.findall(r"This is a real one, `(seeds/[\w-]+\.yaml)`", section)
    assert kinds.SOURCE.header + "\n" + block == (REPO / name).read_text(encoding="utf-8")
    for needle in ("modelfacts new source", "provenance", "commit_date", "`unused", "byte for byte"):
        assert needle in DOC, needle


def test_contributing_document_types_match_the_vocabulary():
    for document, meaning in provenance.DOCUMENT_TYPES.items():
        assert f"| `{document}` | {meaning} |" in DOC, document


def test_the_wrong_quote_example_shows_the_real_error(tmp_path):
    section = DOC.split("### A worked example: a wrong quote", 1)[1].split("\n## ", 1)[0]
    wrong_block, fixed_block = re.findall(r"^```yaml\n(.*?)^```", section, re.M | re.S)
    (wrong,) = yaml.safe_load(textwrap.dedent(wrong_block))
    fixed = yaml.safe_load(textwrap.dedent(fixed_block))["quote"]
    (shown,) = re.findall(r"^```text\n(.*?)^```", section, re.M | re.S)

    root = _copy_project(tmp_path)
    assert _errors(root) == [], "the example starts from a clean fact base"
    (shown_file,) = set(re.findall(r"^(facts/[\w-]+\.yaml):\d+:\d+: ", shown, re.M))
    needle = "quote: " + json.dumps(fixed, ensure_ascii=False)
    text = (root / shown_file).read_text(encoding="utf-8")
    assert text.count(needle) == 1, f"{shown_file} cites the fixed quote once"
    (root / shown_file).write_text(
        text.replace(needle, "quote: " + json.dumps(wrong["quote"], ensure_ascii=False)), encoding="utf-8"
    )
    (problem,) = _errors(root)
    assert problem.rule == "quote-verbatim" and problem.file == shown_file
    assert f"error[quote-verbatim]: {problem.message}\n" in shown
    assert f"    hint: {problem.hint}\n" in shown
    assert "the closest passage is:" in problem.hint


def test_the_diff_example_is_what_modelfacts_diff_prints(tmp_path):
    assert "diff" in cli_subcommands()
    if shutil.which("git") is None:
        pytest.skip("needs git")
    section = DOC.split("\n## 10. ", 1)[1].split("\n## 11. ", 1)[0]
    (shown,) = re.findall(r"^```markdown\n(.*?)^```", section, re.M | re.S)
    model = re.search(r"^### `([\w-]+)`", shown, re.M)[1]
    claim, old, new = re.search(
        r"^- \*\*changed\*\* `([\w-]+)`:\n  - rating lowered ↓: `([^`]+)` → `([^`]+)`$", shown, re.M
    ).groups()

    root = _copy_project(tmp_path)
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Model Facts",
        "GIT_AUTHOR_EMAIL": "tests@example.org",
        "GIT_COMMITTER_NAME": "Model Facts",
        "GIT_COMMITTER_EMAIL": "tests@example.org",
    }
    for args in (["init", "-q"], ["add", "-A"], ["-c", "commit.gpgsign=false", "commit", "-qm", "base"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    path = root / "facts" / f"{model}.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index(f"- id: {claim}\n")
    rating = text.index(f"confidence: {old}\n", at)
    path.write_text(
        text[:rating] + f"confidence: {new}\n" + text[rating + len(f"confidence: {old}\n") :], encoding="utf-8"
    )
    run = subprocess.run(
        [sys.executable, "-m", "modelfacts", "diff", "HEAD", "--root", str(root)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout == shown


def test_contributing_openness_tables_match_the_vocabulary():
    from modelfacts import openness

    for d in openness.DIMENSIONS:
        row = f"| `{d.id}` | {d.question} | " + " | ".join(d.meaning[v] for v in ("open", "partial", "closed")) + " |"
        assert row in DOC, d.id
    for cls, meaning in openness.LICENCE_CLASSES.items():
        assert f"| `{cls}` | {meaning} | `{openness.CLASS_VALUE[cls]}` |" in DOC, cls
