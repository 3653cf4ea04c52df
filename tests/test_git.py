"""git.py: commits that touched the fact base, and its record files at a revision, in a throw-away repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from modelfacts import git
from modelfacts.git import Commit, GitError, Records, log, records_at, resolve

ENV = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@example.org",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "PATH": "/usr/bin:/bin",
}


def sh(root: Path, *args: str, date: str = "2026-01-02T03:04:05Z", stdin: bytes | None = None) -> str:
    env = {**ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    out = subprocess.run(["git", "-C", str(root), *args], input=stdin, env=env, capture_output=True, check=True)
    return out.stdout.decode().strip()


def write(root: Path, rel: str, content: bytes) -> None:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(content)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    sh(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path, "facts/a.yaml", b"id: a\n")
    write(tmp_path, "seeds/s.yml", b"id: s\r\nbinary: \x00\xff\n\n")
    write(tmp_path, "facts/README.md", b"not a record")
    write(tmp_path, "facts/nested/deep.yaml", b"id: deep\n")
    write(tmp_path, "docs/x.yaml", b"id: docs\n")
    sh(tmp_path, "add", "-A")
    sh(tmp_path, "commit", "-qm", "first")
    return tmp_path


def test_the_record_files_at_a_commit_byte_for_byte(repo):
    expected = Records({"facts/a.yaml": b"id: a\n", "seeds/s.yml": b"id: s\r\nbinary: \x00\xff\n\n"}, {})
    assert records_at(repo, "HEAD") == expected
    assert records_at(repo, "main") == expected
    assert records_at(repo, None) == expected


def test_the_working_tree_is_read_as_it_is(repo):
    write(repo, "facts/a.yaml", b"id: edited\n")
    write(repo, "facts/new.yaml", b"id: new\n")
    assert records_at(repo, None).files == {
        "facts/a.yaml": b"id: edited\n",
        "facts/new.yaml": b"id: new\n",
        "seeds/s.yml": b"id: s\r\nbinary: \x00\xff\n\n",
    }
    assert records_at(repo, "HEAD").files["facts/a.yaml"] == b"id: a\n"


def test_record_paths_that_are_not_files_are_skipped_with_why(repo):
    os.symlink("a.yaml", repo / "facts/link.yaml")
    write(repo, "facts/folder.yaml/inside.yaml", b"id: inside\n")
    sh(repo, "add", "-A")
    head = sh(repo, "rev-parse", "HEAD")
    sh(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},facts/module.yaml")
    sh(repo, "commit", "-qm", "odd entries")
    assert records_at(repo, "HEAD") == Records(
        {"facts/a.yaml": b"id: a\n", "seeds/s.yml": b"id: s\r\nbinary: \x00\xff\n\n"},
        {
            "facts/folder.yaml": "is a folder, not a file",
            "facts/link.yaml": "is a symbolic link, not a file",
            "facts/module.yaml": "is a submodule, not a file",
        },
    )


def test_a_blob_missing_from_the_repository_is_skipped(repo):
    write(repo, "facts/lost.yaml", b"id: lost, and its object with it\n")
    sh(repo, "add", "-A")
    sh(repo, "commit", "-qm", "lost")
    blob = sh(repo, "rev-parse", "HEAD:facts/lost.yaml")
    (repo / ".git/objects" / blob[:2] / blob[2:]).unlink()
    read = records_at(repo, "HEAD")
    assert read.skipped == {"facts/lost.yaml": "is missing from the repository"}
    assert sorted(read.files) == ["facts/a.yaml", "seeds/s.yml"]


def test_a_revision_is_never_taken_as_an_option(repo, tmp_path_factory):
    target = tmp_path_factory.mktemp("out") / "written"
    for rev in (f"--output={target}", "-p", "--all", "nope"):
        with pytest.raises(GitError) as err:
            resolve(repo, rev)
        assert str(err.value) == f"`{rev}` is not a commit of the git repository at {repo}"
    assert not target.exists()
    assert resolve(repo, "HEAD") == sh(repo, "rev-parse", "HEAD")
    with pytest.raises(GitError, match="is not a commit"):
        resolve(repo, "HEAD:facts/a.yaml")  # a blob, not a commit


def test_outside_a_repository_git_says_so(tmp_path_factory):
    outside = tmp_path_factory.mktemp("plain")
    with pytest.raises(GitError, match=r"^fatal: not a git repository"):
        records_at(outside, "HEAD")
    with pytest.raises(GitError):
        log(outside, ("facts",), 5)


def test_the_log_lists_commits_that_touched_the_folder_newest_first(repo):
    subject = "Odd \x1c\x1d\x1e\x1f\x0b\x0c subject, with  spaces"
    write(repo, "facts/a.yaml", b"id: a2\n")
    sh(repo, "commit", "-qam", subject, date="2026-02-03T04:05:06Z")
    write(repo, "docs/x.yaml", b"id: docs2\n")
    sh(repo, "commit", "-qam", "docs only")
    write(repo, "facts/a.yaml", b"id: a3\n")
    sh(repo, "commit", "-qam", "third")
    shas = sh(repo, "log", "--format=%H").split()
    assert log(repo, ("facts",), 10) == [
        Commit(shas[0], "2026-01-02T03:04:05+00:00", "third"),
        Commit(shas[2], "2026-02-03T04:05:06+00:00", subject),
        Commit(shas[3], "2026-01-02T03:04:05+00:00", "first"),
    ]
    assert [c.subject for c in log(repo, ("facts",), 2)] == ["third", subject]
    assert [c.subject for c in log(repo, ("docs",), 10)] == ["docs only", "first"]
    assert [c.subject for c in log(repo, ("facts", "docs/x.yaml"), 10)] == ["third", "docs only", subject, "first"]


def test_git_failures_are_git_errors(repo, monkeypatch):
    with pytest.raises(GitError, match=r"^fatal: "):
        git.run(repo, "cat-file", "-p", "0" * 40)
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(GitError, match=r"^cannot run git: "):
        git.run(repo, "status")
