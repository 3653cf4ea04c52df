"""`modelfacts check`: output formats and exit codes, as CI and contributors see them."""

from __future__ import annotations

import json
import re

from conftest import REPO, run_cli

BROKEN = "source: rival-newz"


def break_quote(project):
    path = project.root / "facts/widget-1.yaml"
    path.write_text(path.read_text().replace("source: rival-news", BROKEN))


def test_clean_exits_0_and_summarises(project):
    out = project.check()
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout == ""
    assert "0 error(s), 0 warning(s)" in out.stderr


def test_error_exits_1_with_location_rule_and_hint(project):
    break_quote(project)
    out = project.check()
    assert out.returncode == 1
    first, hint = out.stdout.splitlines()[:2]
    assert re.fullmatch(r"facts/widget-1\.yaml:29:17: error\[source-exists\]: no source with id `rival-newz`", first)
    assert hint.startswith("    hint: ")
    assert "Traceback" not in out.stderr


def test_warning_only_exits_0(project):
    project.write("seeds/idle.txt", "unused\n")
    from conftest import source_record

    project.write_source(source_record("idle-news", "idle.txt", "unused\n"))
    out = project.check()
    assert out.returncode == 0
    assert "warning[source-unused]" in out.stdout


def test_github_format(project):
    break_quote(project)
    out = project.check("--format", "github")
    assert out.returncode == 1
    assert out.stdout.startswith(
        "::error file=facts/widget-1.yaml,line=29,col=17,title=source-exists::no source with id `rival-newz`%0Ahint: "
    )


def test_json_format(project):
    break_quote(project)
    out = project.check("--format", "json")
    assert out.returncode == 1
    problems = json.loads(out.stdout)
    assert [p["rule"] for p in problems] == ["source-exists", "source-unused"]
    problem = problems[0]
    assert problem == {
        **problem,
        "file": "facts/widget-1.yaml",
        "line": 29,
        "col": 17,
        "rule": "source-exists",
        "severity": "error",
    }


def test_json_format_clean_is_empty_list(project):
    out = project.check("--format", "json")
    assert (out.returncode, json.loads(out.stdout)) == (0, [])


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("check", "--root", str(tmp_path / "nowhere")).returncode == 2
    assert run_cli("check", "--format", "xml").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_root_defaults_to_current_folder(project):
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "modelfacts", "check"], cwd=project.root, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout


def test_installed_entry_point_checks_the_real_fact_base():
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).parent / "modelfacts"
    out = subprocess.run([str(exe), "check", "--root", str(REPO)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert "0 error(s), 0 warning(s)" in out.stderr


def test_closed_pipe_is_not_a_traceback(project):
    import subprocess
    import sys

    for n in range(600):  # more than a pipe buffer (64 KiB) of errors
        project.write(f"facts/broken-{n}.yaml", "id: [\n")
    out = subprocess.run(
        f"'{sys.executable}' -m modelfacts check --root '{project.root}' | head -n 1",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert out.stdout.count("\n") == 1
    assert "Traceback" not in out.stderr and "BrokenPipe" not in out.stderr
