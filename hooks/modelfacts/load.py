"""Step 1, load: bytes → plain data plus the line and column of every node.

Four modules do it: this one decodes the bytes and drives the parse, `events` builds the data from
libyaml's event stream (refusing duplicate keys, anchors, aliases and tags), `scalars` reads each
value (refusing numbers no one means and characters no text may hold), and `syntax` says in plain
words what libyaml could not read. Whatever goes wrong is a located problem, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from . import scalars, syntax
from .events import MAX_DEPTH, Abort, Builder, Path
from .problems import Problem
from .rules import ENCODING, FILE_SIZE, TEXT_CHARACTERS, Rule

try:  # libyaml when present; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MAX_BYTES", "MAX_DEPTH", "Document", "Path", "decode", "load_bytes", "parse"]

MAX_BYTES = 1024 * 1024
"""A fact file larger than this is refused: no honest fact file is near it."""


@dataclass
class Document:
    """A loaded YAML file: its data and where each piece of it stands (1-based).

    Positions take more memory than the data; the checker forgets them once a file has passed the
    checks that need them, and they are read again from the text if a later rule reports a problem.
    """

    path: str
    data: Any
    text: str = field(default="", repr=False)
    _positions: dict[Path, tuple[int, int]] | None = field(default_factory=dict, repr=False)
    _key_positions: dict[Path, tuple[int, int]] | None = field(default_factory=dict, repr=False)

    @property
    def positions(self) -> dict[Path, tuple[int, int]]:
        return self._positions if self._positions is not None else self._relocate()[0]

    @property
    def key_positions(self) -> dict[Path, tuple[int, int]]:
        return self._key_positions if self._key_positions is not None else self._relocate()[1]

    def forget_positions(self) -> None:
        self._positions = self._key_positions = None

    def _relocate(self) -> tuple[dict[Path, tuple[int, int]], dict[Path, tuple[int, int]]]:
        again, _ = parse(self.text, self.path)
        self._positions = again.positions if again else {}
        self._key_positions = again.key_positions if again else {}
        return self._positions, self._key_positions

    def where(self, path: Path = (), *, key: bool = False) -> tuple[int, int]:
        """Position of the node at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        positions = self.positions
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, (1, 1))

    def problem(self, path: Path, rule: Rule, message: str, hint: str, *, key: bool = False) -> Problem:
        return rule.at(self.path, *self.where(path, key=key), message, hint)


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Bytes → text, refusing what no editor should save into a fact file."""
    if len(raw) > MAX_BYTES:
        return None, [
            FILE_SIZE.at(
                display,
                1,
                1,
                f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                "split the model into smaller files or remove pasted text",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            ENCODING.at(
                display,
                1,
                1,
                "file starts with a UTF-8 byte-order mark",
                "save the file as UTF-8 without BOM (`modelfacts fmt` does it)",
            )
        ]
    nul = raw.find(b"\0")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if not 0 <= nul < exc.start:
            return None, [_not_utf8(raw, exc.start, display)]
        text = raw[: nul + 1].decode("utf-8")
    if nul >= 0:
        return None, [
            ENCODING.at(
                display,
                *syntax.position(text, text.index("\0")),
                "file contains a NUL byte",
                "remove the NUL byte; fact files are plain UTF-8 text",
            )
        ]
    separator = scalars.LINE_SEPARATORS.search(text)
    if separator:
        return None, [
            TEXT_CHARACTERS.at(
                display,
                *syntax.position(text, separator.start()),
                f"{scalars.describe(separator[0])}: YAML reads it as a line break, most editors do not",
                "replace it with a line break or a space; it numbers the lines after it differently "
                "for YAML and for your editor",
            )
        ]
    return text, []


def _not_utf8(raw: bytes, start: int, display: str) -> Problem:
    """Bytes that are not UTF-8, placed at the first one (in characters: the bytes before it are UTF-8)."""
    before = raw[:start].decode("utf-8")
    line, col = syntax.position(before, len(before))
    three = raw[start : start + 3]
    if len(three) == 3 and three[0] == 0xED and 0xA0 <= three[1] <= 0xBF and 0x80 <= three[2] <= 0xBF:
        point = (three[0] & 0x0F) << 12 | (three[1] & 0x3F) << 6 | three[2] & 0x3F
        return TEXT_CHARACTERS.at(
            display,
            line,
            col,
            f"bytes {three.hex(' ').upper()} encode {scalars.describe(chr(point))}",
            "remove it: half a character cannot be shown; copy the passage again from the article, or retype it",
        )
    return ENCODING.at(display, line, col, f"invalid UTF-8 byte 0x{raw[start]:02x}", "save the file as UTF-8")


def parse(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Text → Document; problems instead of exceptions, located where libyaml stopped."""
    builder = Builder(display, text)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except Abort:
        return None, builder.problems
    except yaml.YAMLError as exc:
        return None, [*builder.problems, syntax.problem(exc, text, display)]
    doc = Document(display, builder.data, text, builder.positions, builder.key_positions)
    return doc, builder.problems


def load_bytes(raw: bytes, display: str) -> tuple[Document | None, list[Problem]]:
    text, problems = decode(raw, display)
    if text is None:
        return None, problems
    return parse(text, display)
