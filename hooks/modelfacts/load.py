"""Step 1, load: bytes → plain data plus the line and column of every node.

We build the data from libyaml's event stream ourselves instead of calling `yaml.load`: that way
we know where each value stands, we see duplicate keys (PyYAML keeps the last one and loses data),
and anchors, aliases and language tags are refused before anything could expand or run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from .problems import ERROR, Problem

try:  # libyaml when present; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 1024 * 1024
"""A fact file larger than this is refused: no honest fact file is near it."""
MAX_DEPTH = 16
"""Deepest nesting accepted; the schema needs four levels."""

Path = tuple[Any, ...]
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


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
        if self._positions is None:
            self._relocate()
        return self._positions

    @property
    def key_positions(self) -> dict[Path, tuple[int, int]]:
        if self._key_positions is None:
            self._relocate()
        return self._key_positions

    def forget_positions(self) -> None:
        self._positions = self._key_positions = None

    def _relocate(self) -> None:
        again, _ = parse(self.text, self.path)
        self._positions = again.positions if again else {}
        self._key_positions = again.key_positions if again else {}

    def where(self, path: Path = (), *, key: bool = False) -> tuple[int, int]:
        """Position of the node at `path`, or of its nearest ancestor that has one."""
        path = tuple(path)
        positions = self.positions
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in positions and path:
            path = path[:-1]
        return positions.get(path, (1, 1))

    def problem(
        self, path: Path, rule: str, message: str, hint: str = "", *, key: bool = False, severity: str = ERROR
    ) -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.path, line, col, rule, message, hint, severity)


def _position_of_offset(text: str | bytes, offset: int) -> tuple[int, int]:
    before = text[:offset]
    nl = "\n" if isinstance(text, str) else b"\n"
    line = before.count(nl) + 1
    return line, offset - (before.rfind(nl) + 1) + 1


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Bytes → text, refusing what no editor should save into a fact file."""
    if len(raw) > MAX_BYTES:
        return None, [
            Problem(
                display,
                1,
                1,
                "file-size",
                f"file is {len(raw):,} bytes, over the {MAX_BYTES:,}-byte limit",
                "split the model into smaller files or remove pasted text",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                display,
                1,
                1,
                "encoding",
                "file starts with a UTF-8 byte-order mark",
                "save the file as UTF-8 without BOM (`modelfacts fmt` does it)",
            )
        ]
    if b"\0" in raw:
        line, col = _position_of_offset(raw, raw.index(b"\0"))
        return None, [
            Problem(
                display,
                line,
                col,
                "encoding",
                "file contains a NUL byte",
                "remove the NUL byte; fact files are plain UTF-8 text",
            )
        ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _position_of_offset(raw, exc.start)
        return None, [
            Problem(
                display, line, col, "encoding", f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", "save the file as UTF-8"
            )
        ]


def _scalar(event: ev.ScalarEvent) -> Any:
    if event.style and event.tag is None:  # quoted or block text: a string, no resolving needed
        return event.value
    tag = event.tag if event.tag not in (None, "!") else _resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return _constructor.construct_object(node)
    return event.value  # str, and timestamps kept as the text the author wrote


class _Builder:
    """Turns the event stream into data; one instance per file."""

    def __init__(self, display: str):
        self.doc = Document(display, None)
        self.positions = self.doc._positions
        self.problems: list[Problem] = []
        self.stack: list[list[Any]] = []  # [container, path, pending_key, seen_keys]
        self.skip = 0  # depth inside a refused complex key

    def report(self, event: ev.Event, rule: str, message: str, hint: str) -> None:
        mark = event.start_mark
        self.problems.append(Problem(self.doc.path, mark.line + 1, mark.column + 1, rule, message, hint))

    def _check_node(self, event: ev.NodeEvent) -> bool:
        """Refuse anchors and unknown tags; True when the node may be used."""
        if event.anchor is None and getattr(event, "tag", None) is None:
            return True
        ok = True
        if event.anchor is not None:
            self.report(
                event,
                "yaml-alias",
                f"anchor &{event.anchor} is not allowed",
                "write the value out in full; fact files do not use anchors or aliases",
            )
            ok = False
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            self.report(
                event,
                "yaml-tag",
                f"tag {tag!r} is not allowed",
                "remove the tag; fact files hold only plain text, numbers, lists and mappings",
            )
            ok = False
        return ok

    def _place(self, event: ev.Event, value: Any) -> Path | None:
        """Attach a finished value (or a key) to the current container; returns its path."""
        mark = (event.start_mark.line + 1, event.start_mark.column + 1)
        if not self.stack:
            self.doc.data = value
            self.positions[()] = mark
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            self.positions[child] = mark
            return child
        if frame[2] is _NO_KEY:  # this node is a key
            if not isinstance(value, str) and (isinstance(value, (int, float, bool)) or value is None):
                self.report(
                    event,
                    "yaml-syntax",
                    f"key {event.value!r} is not text",
                    "quote the key or use one of the documented field names",
                )
                value = str(event.value)
            if value in frame[3]:
                line, col = frame[3][value]
                self.report(
                    event,
                    "yaml-duplicate-key",
                    f"duplicate key {value!r} (first defined at line {line}, column {col})",
                    "remove one of the two; YAML would silently keep only the last",
                )
            else:
                frame[3][value] = mark
            frame[2] = value
            self.doc._key_positions[path + (value,)] = mark
            return None
        key, frame[2] = frame[2], _NO_KEY
        child = path + (key,)
        if key not in container:
            container[key] = value
            self.positions[child] = mark
        return child

    def feed(self, event: ev.Event) -> None:
        if type(event) is ev.ScalarEvent and not self.skip:  # the common case first
            self._place(event, _scalar(event) if self._check_node(event) else None)
            return
        if self.skip:
            if isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
                self.skip += 1
            elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
                self.skip -= 1
                if not self.skip:
                    self._place(event, "<complex key>")
            return
        if isinstance(event, ev.AliasEvent):
            self.report(
                event,
                "yaml-alias",
                f"alias *{event.anchor} is not allowed",
                "write the value out in full; fact files do not use anchors or aliases",
            )
            self._place(event, None)
        elif isinstance(event, ev.ScalarEvent):
            self._place(event, _scalar(event) if self._check_node(event) else None)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._check_node(event)
            frame = self.stack[-1] if self.stack else None
            if frame is not None and isinstance(frame[0], dict) and frame[2] is _NO_KEY:
                self.report(
                    event, "yaml-syntax", "a key must be plain text, not a list or mapping", "use a plain text key"
                )
                self.skip = 1
                return
            if len(self.stack) >= MAX_DEPTH:
                self.report(
                    event,
                    "yaml-depth",
                    f"nesting deeper than {MAX_DEPTH} levels",
                    "fact files need at most four levels of nesting",
                )
                raise _Abort
            container: Any = {} if isinstance(event, ev.MappingStartEvent) else []
            path = self._place(event, container)
            self.stack.append([container, path, _NO_KEY, {}])
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self.stack.pop()
        elif isinstance(event, ev.DocumentStartEvent) and self.positions:
            self.report(
                event,
                "yaml-syntax",
                "a second YAML document in one file",
                "remove the `---` line; a fact file holds one document",
            )
            raise _Abort


class _Abort(Exception):
    """Stop building a file whose remainder cannot be trusted."""


_NO_KEY = object()


def parse(text: str, display: str) -> tuple[Document | None, list[Problem]]:
    """Text → Document; problems instead of exceptions, located where libyaml stopped."""
    builder = _Builder(display)
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except _Abort:
        return None, builder.problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        at_tab = mark is not None and text[mark.index : mark.index + 1] == "\t"
        hint = (
            "indent with spaces: YAML does not allow tabs"
            if at_tab
            else "fix the YAML at this position (quote text that contains ': ' or '#')"
        )
        builder.problems.append(Problem(display, line, col, "yaml-syntax", message, hint))
        return None, builder.problems
    except yaml.YAMLError as exc:  # reader errors carry an offset, not a mark
        line, col = _position_of_offset(text, getattr(exc, "position", 0) or 0)
        builder.problems.append(
            Problem(
                display,
                line,
                col,
                "yaml-syntax",
                str(exc).splitlines()[0],
                "remove control characters; save as plain UTF-8",
            )
        )
        return None, builder.problems
    builder.doc.text = text
    return builder.doc, builder.problems


def load_bytes(raw: bytes, display: str) -> tuple[Document | None, list[Problem]]:
    text, problems = decode(raw, display)
    if text is None:
        return None, problems
    return parse(text, display)
