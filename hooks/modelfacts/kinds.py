"""The kinds of record and where they live: one table, and one walk of facts/ and seeds/.

`facts/<model-id>.yaml` are fact files (kind `model`), `seeds/<source-id>.yaml` source records
(kind `source`), `seeds/publishers.yaml` is the one publishers registry and `seeds/licences.yaml` the
one licence table (kinds `publishers` and `licences`: kinds with a single file, which no source record
can be named). Everything else under seeds/ is a document, named by a record's `file`: the
articles at the top (`000_….txt`), primary documents under seeds/primary/ with their exact names
(`LICENSE`, `README.md`, `meta-llama__llama@llama_v1__LICENSE`). Records sit at the top of their
folder, so a `file` is relative both to its record and to seeds/, and a path alone tells a
record from a document (`classify`, which also sorts the files of a git revision).

The walk never raises and never blocks: a folder named like a record, a FIFO or device, a link to
nothing, a link loop, a link out of the folder, an unreadable file each become a located problem,
and nothing but regular files is opened.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .rules import FILE_EXTENSION, FILE_LINK, FILE_STRAY, FILE_UNEXPECTED, FILE_UNREADABLE

EXTENSION = ".yaml"
_READ_AS_RECORDS = (".yaml", ".yml")
"""Names a record may have: any case of these is read, and all but EXTENSION reported."""


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    file: str | None = None
    """The one file of a kind that has one (the registry); None for a kind of one file per record."""

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"

    @property
    def header(self) -> str:
        """The first line of every record: editors find the schema through it."""
        return f"# yaml-language-server: $schema=../schemas/{self.schema_file}"

    def path_of(self, ident: str) -> str:
        """The repository-relative path of the record with this id (of a one-file kind: its file)."""
        return f"{self.folder}/{self.file or ident + EXTENSION}"

    @property
    def glob(self) -> str:
        """The records of this kind, as editors and pre-commit match them."""
        return self.path_of("*")


MODEL = Kind("model", "facts")
SOURCE = Kind("source", "seeds")
PUBLISHERS = Kind("publishers", "seeds", f"publishers{EXTENSION}")
LICENCES = Kind("licences", "seeds", f"licences{EXTENSION}")
KINDS = (MODEL, SOURCE, PUBLISHERS, LICENCES)
BY_NAME = {kind.name: kind for kind in KINDS}
_FOLDERS = tuple(kind for kind in KINDS if kind.file is None)
"""The kind each folder is walked as: a one-file kind lives in another kind's folder."""


def classify(rel: str) -> Kind | None:
    """The kind of the record at a repository-relative POSIX path, or None (a document, or no data).

    `facts/gpt-4.yaml` is a model, `seeds/acme.yaml` a source; `seeds/primary/x.yaml` and
    `seeds/a.txt` are documents; `seeds/publishers.yaml` is the registry. A record named `.yml` or
    in upper case is still a record.
    """
    folder, _, name = rel.partition("/")
    if not name or "/" in name or name.startswith(".") or not name.lower().endswith(_READ_AS_RECORDS):
        return None
    one = next((kind for kind in KINDS if (kind.folder, kind.file) == (folder, name)), None)
    return one or next((kind for kind in _FOLDERS if kind.folder == folder), None)


@dataclass(frozen=True)
class RecordFile:
    """A record the walk found."""

    path: Path
    display: str
    """Its repository-relative POSIX path, as messages name it: `facts/gpt-4.yaml`."""
    kind: Kind

    @property
    def name(self) -> str:
        """Its name inside its folder."""
        return self.display.partition("/")[2]


@dataclass(frozen=True)
class DocumentFile:
    """A document the walk found in seeds/."""

    path: Path
    display: str
    escapes: bool = False
    """A link out of seeds/: never read."""

    @property
    def name(self) -> str:
        """Its path inside seeds/: how a record's `file` names it."""
        return self.display.partition("/")[2]


@dataclass
class Tree:
    records: list[RecordFile] = field(default_factory=list)
    documents: list[DocumentFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def scan(root: Path) -> Tree:
    """Every record and document under `root`, sorted by path, and what is wrong with the rest."""
    tree = Tree()
    for kind in _FOLDERS:
        folder = Path(root) / kind.folder
        if folder.is_dir():
            _scan(folder, kind.folder, kind, os.path.realpath(folder), tree)
    return tree


def record_files(root: Path) -> list[RecordFile]:
    """The records under `root`, models then sources, each sorted by path."""
    return scan(root).records


def read(entry: RecordFile | DocumentFile) -> tuple[bytes | None, list[Problem]]:
    """A walked file's bytes; opened without blocking and read only if it is (still) a regular file."""
    try:
        fd = os.open(entry.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return None, [_unreadable(entry.display, exc)]
    with os.fdopen(fd, "rb") as f:
        try:
            mode = os.fstat(f.fileno()).st_mode
            if not stat.S_ISREG(mode):
                return None, [_not_a_file(entry.display, mode)]
            return f.read(), []
        except OSError as exc:
            return None, [_unreadable(entry.display, exc)]


def _scan(folder: Path, display: str, kind: Kind, inside: str, tree: Tree) -> None:
    try:
        with os.scandir(folder) as found:
            entries = sorted(found, key=lambda e: e.name)
    except OSError as exc:
        tree.problems.append(_unreadable(display, exc))
        return
    for entry in entries:
        rel = f"{display}/{entry.name}"
        record = classify(rel)
        if entry.name.startswith("."):
            tree.problems.append(
                FILE_STRAY.at(rel, 1, 1, f"{rel} is hidden: the checker does not read it", "remove it")
            )
            continue
        link = entry.is_symlink()
        try:
            mode = os.stat(entry.path).st_mode  # through links: a dangling one or a loop raises
        except OSError as exc:
            tree.problems.append(_unreadable(rel, exc, link))
            continue
        real = os.path.realpath(entry.path)
        escapes = link and not (real == inside or real.startswith(inside + os.sep))
        if stat.S_ISDIR(mode):
            _folder(Path(entry.path), rel, kind, record, link, inside, tree)
        elif not stat.S_ISREG(mode):
            tree.problems.append(_not_a_file(rel, mode))
        elif record is not None and escapes:
            tree.problems.append(
                FILE_LINK.at(
                    rel,
                    1,
                    1,
                    f"{rel} is a link that leads out of {kind.folder}/; it was not read",
                    f"put the file itself in {kind.folder}/",
                )
            )
        elif record is not None:
            tree.records.append(RecordFile(Path(entry.path), rel, record))
            if not entry.name.endswith(EXTENSION):
                stem = entry.name.rpartition(".")[0]
                tree.problems.append(
                    FILE_EXTENSION.at(
                        rel,
                        1,
                        1,
                        f"records end in `{EXTENSION}`, not `{entry.name[len(stem) :]}`",
                        f"rename it to {stem}{EXTENSION}",
                    )
                )
        elif kind is SOURCE:
            tree.documents.append(DocumentFile(Path(entry.path), rel, escapes))
        else:
            tree.problems.append(
                FILE_STRAY.at(
                    rel,
                    1,
                    1,
                    f"{rel} is not a fact file, so the checker does not read it",
                    f"facts/ holds only fact files named <model-id>{EXTENSION}: move it elsewhere",
                )
            )


def _folder(path: Path, rel: str, kind: Kind, record: Kind | None, link: bool, inside: str, tree: Tree) -> None:
    if record is not None:
        tree.problems.append(
            FILE_UNEXPECTED.at(rel, 1, 1, f"{rel} is a folder, named like a record", "rename or remove the folder")
        )
    elif link:
        tree.problems.append(
            FILE_UNEXPECTED.at(
                rel,
                1,
                1,
                f"{rel} is a link to a folder; links to folders are not followed",
                "put the folder itself here",
            )
        )
    elif kind is SOURCE:
        _scan(path, rel, kind, inside, tree)
    else:
        tree.problems.append(
            FILE_STRAY.at(
                rel,
                1,
                1,
                f"{rel} is a folder, and the checker reads no folders in {kind.folder}/",
                f"fact files sit in {kind.folder}/ itself: move them there",
            )
        )


def _not_a_file(rel: str, mode: int) -> Problem:
    what = (
        "a named pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    return FILE_UNEXPECTED.at(rel, 1, 1, f"{rel} is {what}, not a file; it was not read", "remove it")


def _unreadable(rel: str, exc: OSError, link: bool = False) -> Problem:
    if link and exc.errno == errno.ENOENT:
        message, hint = f"{rel} is a link to nothing", "remove the link, or put the file itself here"
    elif exc.errno == errno.ELOOP:
        message, hint = f"{rel} is a link that loops", "remove the link, or put the file itself here"
    else:
        message, hint = f"{rel} cannot be read ({exc.strerror})", "make it readable, or remove it"
    return FILE_UNREADABLE.at(rel, 1, 1, message, hint)
