"""The `modelfacts` command as CI and contributors see it: output formats, exit codes, where it runs.

Most tests call `main([...])` in-process; a subprocess only where the process is the point (the
installed entry point, a closed pipe, a terminal)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

from modelfacts import cli


@pytest.fixture
def run(capsys):
    """main(argv) in-process: (exit code, stdout, stderr)."""

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = cli.main(list(argv))
        except SystemExit as exc:  # argparse: --help, --version, usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


BROKEN = "source: rival-newz"


def break_quote(project):
    path = project.root / "facts/widget-1.yaml"
    path.write_text(path.read_text().replace("source: rival-news", BROKEN))


def test_clean_exits_0_and_summarises(project, run):
    code, out, err = run("check", "--root", str(project.root))
    assert (code, out) == (0, "")
    assert "0 error(s), 0 warning(s)" in err


def test_error_exits_1_with_location_rule_and_hint(project, run):
    break_quote(project)
    code, out, _err = run("check", "--root", str(project.root))
    assert code == 1
    first, hint = out.splitlines()[:2]
    assert re.fullmatch(r"facts/widget-1\.yaml:29:17: error\[source-exists\]: no source with id `rival-newz`", first)
    assert hint.startswith("    hint: ")
    assert "\033[" not in out, "no colour when the output is not a terminal"


def test_warning_only_exits_0(project, run):
    project.write("seeds/idle.txt", "unused\n")
    from conftest import source_record

    project.write_source(source_record("idle-news", "idle.txt", "unused\n"))
    code, stdout, _ = run("check", "--root", str(project.root))
    assert code == 0
    assert "warning[source-unused]" in stdout


def test_github_format(project, run):
    break_quote(project)
    code, stdout, _ = run("check", "--root", str(project.root), "--format", "github")
    assert code == 1
    assert stdout.startswith(
        "::error file=facts/widget-1.yaml,line=29,col=17,title=source-exists::no source with id `rival-newz`%0Ahint: "
    )


def test_json_format(project, run):
    break_quote(project)
    code, stdout, _ = run("check", "--root", str(project.root), "--format", "json")
    assert code == 1
    problems = json.loads(stdout)
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


def test_json_format_clean_is_empty_list(project, run):
    code, stdout, _ = run("check", "--root", str(project.root), "--format", "json")
    assert (code, json.loads(stdout)) == (0, [])


def test_usage_errors_exit_2(tmp_path, run):
    assert run("check", "--root", str(tmp_path / "nowhere"))[0] == 2
    assert run("check", "--format", "xml")[0] == 2
    assert run("frobnicate")[0] == 2


@pytest.mark.parametrize("where", [".", "facts", "seeds", "docs/about"])
def test_root_is_found_from_any_folder_of_the_project(project, run, monkeypatch, where):
    (project.root / where).mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(project.root / where)
    code, out, err = run("check")
    assert code == 0, out + err
    assert re.search(r"^[1-9]\d* files checked: 0 error\(s\)", err, re.M), err


def test_new_model_from_a_subfolder_lands_in_the_projects_facts(project, run, monkeypatch):
    monkeypatch.chdir(project.root / "facts")
    code, _out, err = run("new", "model", "gadget-2")
    assert code == 0, err
    assert (project.root / "facts" / "gadget-2.yaml").is_file()
    assert not (project.root / "facts" / "facts").exists()


def test_outside_any_project_is_refused(tmp_path, run, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("check")
    assert (code, out) == (2, "")
    assert "is not inside a Model Facts project" in err and "--root" in err


@pytest.mark.parametrize("folders", [(), ("facts",), ("seeds",)])
def test_a_root_that_is_not_a_project_is_refused(tmp_path, run, folders):
    for name in folders:
        (tmp_path / name).mkdir()
    code, out, err = run("check", "--root", str(tmp_path))
    assert (code, out) == (2, "")
    assert "is not a Model Facts project: it needs facts/ and seeds/ folders" in err


@pytest.mark.parametrize("stray", [None, "README.md"])
def test_a_project_without_fact_files_is_not_a_pass(tmp_path, run, stray):
    """An empty facts/, or one holding only a file that is no fact file, checks nothing."""
    (tmp_path / "facts").mkdir()
    (tmp_path / "seeds").mkdir()
    if stray:
        (tmp_path / "facts" / stray).write_text("notes\n")
    code, _out, err = run("check", "--root", str(tmp_path))
    assert code == 2
    assert "holds no fact files: nothing to check" in err


def test_version(run):
    code, out, _ = run("--version")
    assert code == 0
    assert re.fullmatch(r"modelfacts \d+\.\d+\.\d+\n", out), out


def test_every_option_has_help():
    def walk(parser):
        yield parser
        for action in parser._actions:
            for sub in getattr(action, "choices", None) or {}:
                if isinstance(action.choices, dict):
                    yield from walk(action.choices[sub])

    for parser in walk(cli.parser()):
        for action in parser._actions:
            if action.dest not in ("help", "command", "what"):
                assert action.help, f"{parser.prog}: {action.option_strings or action.dest} has no help text"


@pytest.mark.parametrize(
    "tty, env, coloured",
    [(True, {}, True), (True, {"NO_COLOR": "1"}, False), (True, {"TERM": "dumb"}, False), (False, {}, False)],
)
def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch, tty, env, coloured):
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    for key, value in env.items():
        monkeypatch.setenv(key, value)

    class Stream:
        def isatty(self):
            return tty

    assert cli.use_colour(Stream()) is coloured


def test_paint_colours_severity_and_hint_only():
    text = "facts/a.yaml:1:2: error[schema]: bad\n    hint: fix it\nfacts/b.yaml:3:4: warning[source-unused]: idle"
    painted = cli.paint(text)
    assert "\033[1;31merror[schema]\033[0m" in painted
    assert "\033[1;33mwarning[source-unused]\033[0m" in painted
    assert re.sub(r"\033\[[\d;]*m", "", painted) == text


def test_colour_on_a_real_terminal(project):
    """Through a pseudo-terminal, as a contributor's shell runs it."""
    import os
    import pty

    break_quote(project)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"TERM": "xterm"}
    pid, fd = pty.fork()
    if pid == 0:  # the child: the checker, its stdout a terminal
        os.execve(sys.executable, [sys.executable, "-m", "modelfacts", "check", "--root", str(project.root)], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    assert b"\033[1;31merror[source-exists]" in b"".join(chunks)


def test_fmt_says_when_it_changed_nothing(project, run):
    code, out, err = run("fmt", "--root", str(project.root))
    assert (code, out) == (0, "")
    assert "nothing to change" in err


def test_installed_entry_point_checks_the_real_fact_base():
    exe = Path(sys.executable).parent / "modelfacts"
    out = subprocess.run([str(exe), "check", "--root", str(REPO)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert "0 error(s), 0 warning(s)" in out.stderr


def test_closed_pipe_is_not_a_traceback(project):
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


def test_a_day_that_is_no_day_in_modelfacts_today_is_a_usage_error(project, run, monkeypatch):
    monkeypatch.setenv("MODELFACTS_TODAY", "2026-13-01")
    code, out, err = run("check", "--root", str(project.root))
    assert (code, out) == (2, "")
    assert "MODELFACTS_TODAY must name a day as YYYY-MM-DD, not '2026-13-01'" in err
