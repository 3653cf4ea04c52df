"""Set-up that cannot half-fail: the Python check before .venv, a .venv from another Python made again,
and `make serve` that stops its server when make is stopped."""

from __future__ import annotations

import contextlib
import os
import runpy
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO

PYTHON_OK = REPO / ".ci" / "python-ok"


def test_python_ok_accepts_this_python():
    assert subprocess.run([sys.executable, str(PYTHON_OK)]).returncode == 0


def test_python_ok_refuses_an_old_python_with_what_to_do(monkeypatch, capsys):
    monkeypatch.setattr(sys, "version_info", (3, 9, 18, "final", 0))
    monkeypatch.setattr(sys, "argv", [str(PYTHON_OK)])
    with pytest.raises(SystemExit) as exc:
        runpy.run_path(str(PYTHON_OK), run_name="__main__")
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "needs Python 3.11 or newer" in err and "is Python 3.9" in err and "PYTHON=python3.11" in err


def fake_python(path: Path, version: str) -> Path:
    path.write_text(f"#!/bin/sh\necho '{version}'\n")
    path.chmod(0o755)
    return path


@pytest.mark.parametrize("version, same", [(str(sys.version_info[:2]), True), ("(2, 7)", False)])
def test_python_ok_tells_whether_a_venv_is_of_this_python(tmp_path, version, same):
    other = fake_python(tmp_path / "python", version)
    out = subprocess.run([sys.executable, str(PYTHON_OK), "--same-as", str(other)])
    assert (out.returncode == 0) is same


def test_python_ok_says_no_for_a_missing_interpreter(tmp_path):
    assert subprocess.run([sys.executable, str(PYTHON_OK), "--same-as", str(tmp_path / "none")]).returncode == 1


def make_copy(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / ".ci").mkdir(parents=True)
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt", "pyproject.toml", ".ci/python-ok"):
        shutil.copy(REPO / name, root / name)
    return root


@pytest.mark.slow
def test_a_venv_of_another_python_is_made_again(tmp_path):
    root = make_copy(tmp_path)
    (root / ".venv" / "bin").mkdir(parents=True)
    fake_python(root / ".venv" / "bin" / "python", "(2, 7)")
    # PIP=true: the installs succeed at once; what is tested is the .venv decision before them.
    out = subprocess.run(
        ["make", "PIP=true", f"PYTHON={sys.executable}", ".venv/.installed-serve"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert ".venv was made by another Python; making it again" in out.stdout
    assert "installing the pinned packages" in out.stdout
    check = subprocess.run([sys.executable, str(PYTHON_OK), "--same-as", str(root / ".venv/bin/python")])
    assert check.returncode == 0, "the new .venv is of this Python"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_killing_make_serve_stops_the_server():
    """GNU make passes SIGTERM on to the recipe's process, which `exec` makes mkdocs itself."""
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "mkdocs").exists():
        pytest.skip("mkdocs is not installed beside this Python")
    port = free_port()
    make = subprocess.Popen(
        ["make", "-s", "serve", f"HOST=127.0.0.1:{port}", f"BIN={bin_dir}", "SERVE_STAMP=Makefile"],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not listening(port):
            assert make.poll() is None, "make serve ended before it served"
            assert time.monotonic() < deadline, "the server did not start in 120 s"
            time.sleep(0.5)
        make.send_signal(signal.SIGTERM)
        make.wait(timeout=30)
        deadline = time.monotonic() + 30
        while listening(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not listening(port), "the server outlived make"
    finally:
        with contextlib.suppress(ProcessLookupError):  # whatever is left: make, or a server that outlived it
            os.killpg(make.pid, signal.SIGKILL)
