"""Git plumbing for `modelfacts diff` and the feed: the commits that touched the fact base, and its record
files at a revision or in the working tree.

No value from a user or a repository reaches git as an option: a revision is resolved after
`--end-of-options`, later commands get the commit id it resolved to, and paths follow `--`. A record
path that is not a plain file at a revision (a symbolic link, a folder, a submodule) is reported, not read.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import kinds


class GitError(Exception):
    """Git could not be run or refused; the message says why, in git's words where it gave some."""


@dataclass(frozen=True)
class Commit:
    sha: str
    date: str
    """Committer date, strict ISO 8601."""
    subject: str


@dataclass(frozen=True)
class Records:
    """The record files at one revision: their bytes by path, and the record paths not read, with why."""

    files: dict[str, bytes]
    skipped: dict[str, str]


_NOT_A_FILE = {"tree": "is a folder, not a file", "commit": "is a submodule, not a file"}
_SYMLINK = "120000"


def run(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The output of `git -C root ARGS`; a failure is a GitError with the first line git wrote."""
    try:
        out = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if out.returncode:
        message = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return out.stdout


def resolve(root: Path, rev: str) -> str:
    """The id of the commit `rev` names; a GitError when `root` is no repository or `rev` no commit there."""
    run(root, "rev-parse", "--git-dir")  # outside a repository, git's own message says so best
    try:
        return run(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"`{rev}` is not a commit of the git repository at {root}") from None


def log(root: Path, paths: tuple[str, ...], limit: int) -> list[Commit]:
    """The newest `limit` commits that touched any of `paths` (folders or files), newest first."""
    out = run(root, "log", "-z", "-n", str(limit), "--format=%H %cI %s", "--", *paths)
    commits = []
    for record in out.decode("utf-8", "replace").split("\0"):
        if record:
            sha, date, subject = record.split(" ", 2)
            commits.append(Commit(sha, date, subject))
    return commits


def records_at(root: Path, rev: str | None) -> Records:
    """The record files at a revision; None reads the working tree."""
    if rev is None:
        return _working_tree(root)
    sha = resolve(root, rev)
    blobs, skipped = [], {}
    folders = [f"{kind.folder}/" for kind in kinds.KINDS]
    for entry in run(root, "ls-tree", "-z", sha, "--", *folders).split(b"\0"):
        meta, _, raw_path = entry.partition(b"\t")
        path = raw_path.decode("utf-8", "replace")
        if kinds.classify(path) is None:
            continue
        mode, kind, obj = meta.decode().split(" ")
        if kind != "blob":
            skipped[path] = _NOT_A_FILE.get(kind, f"is a git {kind}, not a file")
        elif mode == _SYMLINK:
            skipped[path] = "is a symbolic link, not a file"
        else:
            blobs.append((path, obj))
    files = {}
    out = run(root, "cat-file", "--batch", stdin="".join(f"{obj}\n" for _, obj in blobs).encode())
    at = 0
    for path, _ in blobs:  # each object: "<id> blob <size>\n<bytes>\n", or "<id> missing\n"
        head_end = out.index(b"\n", at)
        head = out[at:head_end].split()
        if head[1:2] != [b"blob"]:
            skipped[path] = "is missing from the repository"
            at = head_end + 1
            continue
        size = int(head[2])
        files[path] = out[head_end + 1 : head_end + 1 + size]
        at = head_end + 2 + size
    return Records(files, skipped)


def _working_tree(root: Path) -> Records:
    """The records the checker's walk finds; one it cannot read is skipped with the walk's reason."""
    files, skipped = {}, {}
    for record in kinds.record_files(root):
        raw, problems = kinds.read(record)
        if raw is None:
            skipped[record.display] = problems[0].message if problems else "cannot be read"
        else:
            files[record.display] = raw
    return Records(files, skipped)
