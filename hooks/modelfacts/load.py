"""Step 1, load: bytes → plain data plus the line and column of every node.

We build the data from libyaml's event stream ourselves instead of calling `yaml.load`: that way
we know where each value stands, we see duplicate keys (PyYAML keeps the last one and loses data),
and anchors, aliases and language tags are refused before anything could expand or run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, AnyStr

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from .problems import Problem
from .rules import (
    ENCODING,
    FILE_SIZE,
    YAML_ALIAS,
    YAML_DEPTH,
    YAML_DUPLICATE_KEY,
    YAML_SYNTAX,
    YAML_TAG,
    Rule,
)

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


def _position_of_offset(text: AnyStr, offset: int) -> tuple[int, int]:
    before = text[:offset]
    nl = "\n" if isinstance(text, str) else b"\n"
    line = before.count(nl) + 1
    return line, offset - (before.rfind(nl) + 1) + 1


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
    if b"\0" in raw:
        line, col = _position_of_offset(raw, raw.index(b"\0"))
        return None, [
            ENCODING.at(
                display,
                line,
                col,
                "file contains a NUL byte",
                "remove the NUL byte; fact files are plain UTF-8 text",
            )
        ]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _position_of_offset(raw, exc.start)
        return None, [
            ENCODING.at(display, line, col, f"invalid UTF-8 byte 0x{raw[exc.start]:02x}", "save the file as UTF-8")
        ]


def _scalar(event: ev.ScalarEvent) -> Any:
    if event.style and event.tag is None:  # quoted or block text: a string, no resolving needed
        return event.value
    tag = event.tag if event.tag not in (None, "!") else _resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag in (_CORE + "int", _CORE + "float", _CORE + "bool", _CORE + "null"):
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]  # libyaml's Mark
        return _constructor.construct_object(node)
    return event.value  # str, and timestamps kept as the text the author wrote


class _Builder:
    """Turns the event stream into data; one instance per file."""

    def __init__(self, display: str):
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.doc = Document(display, None, _positions=self.positions, _key_positions=self.key_positions)
        self.problems: list[Problem] = []
        self.stack: list[list[Any]] = []  # [container, path, pending_key, seen_keys]
        self.skip = 0  # depth inside a refused complex key

    def report(self, event: ev.Event, rule: Rule, message: str, hint: str) -> None:
        self.problems.append(rule.at(self.doc.path, *_at(event), message, hint))

    def _check_node(self, event: ev.NodeEvent) -> bool:
        """Refuse anchors and unknown tags; True when the node may be used."""
        if event.anchor is None and getattr(event, "tag", None) is None:
            return True
        ok = True
        if event.anchor is not None:
            self.report(
                event,
                YAML_ALIAS,
                f"anchor &{event.anchor} is not allowed",
                "write the value out in full; fact files do not use anchors or aliases",
            )
            ok = False
        tag = getattr(event, "tag", None)
        if tag not in (None, "!") and tag not in _ALLOWED_TAGS:
            self.report(
                event,
                YAML_TAG,
                f"tag {tag!r} is not allowed",
                "remove the tag; fact files hold only plain text, numbers, lists and mappings",
            )
            ok = False
        return ok

    def _place(self, event: ev.Event, value: Any) -> Path | None:
        """Attach a finished value (or a key) to the current container; returns its path."""
        mark = _at(event)
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
            if isinstance(event, ev.AliasEvent):
                value = f"*{event.anchor}"  # refused already
            elif not isinstance(value, str):
                self.report(
                    event,
                    YAML_SYNTAX,
                    f"key {getattr(event, 'value', value)!r} is not text",
                    "quote the key or use one of the documented field names",
                )
                value = str(getattr(event, "value", value))
            if value in frame[3]:
                line, col = frame[3][value]
                self.report(
                    event,
                    YAML_DUPLICATE_KEY,
                    f"duplicate key {value!r} (first defined at line {line}, column {col})",
                    "remove one of the two; YAML would silently keep only the last",
                )
            else:
                frame[3][value] = mark
            frame[2] = value
            self.key_positions[path + (value,)] = mark
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
                YAML_ALIAS,
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
                    event, YAML_SYNTAX, "a key must be plain text, not a list or mapping", "use a plain text key"
                )
                self.skip = 1
                return
            if len(self.stack) >= MAX_DEPTH:
                self.report(
                    event,
                    YAML_DEPTH,
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
                YAML_SYNTAX,
                "a second YAML document in one file",
                "remove the `---` line; a fact file holds one document",
            )
            raise _Abort


def _at(event: ev.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


class _Abort(Exception):
    """Stop building a file whose remainder cannot be trusted."""


_NO_KEY = object()


_LEAD = re.compile(r"( *)((?:- +)*)")
"""A line's indentation, then any `- ` item markers before its first key."""
_KEY = re.compile(r"""(?:[^\s#'"{\[][^:#]*|"[^"]*"|'[^']*'):(?:\s|$)""")
_BLOCK_SCALAR = re.compile(r"(?:^|\s)[|>][+-]?[0-9]?\s*(?:#.*)?$")


def _layout(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(column of the first character, column of the first key, starts a list item), 0-based, of
    each line that holds a key or a list item; text that continues a value is left out."""
    found, scalar_above = [], None
    for line in lines:
        m = _LEAD.match(line)
        assert m is not None  # the pattern matches every string
        rest = line[m.end() :]
        if not rest.strip() or rest.startswith("#"):
            continue
        indent, key, item = len(m[1]), m.end(), bool(m[2])
        if scalar_above is not None and indent > scalar_above:
            continue  # inside a block scalar (`>-`, `|`)
        scalar_above = None
        if item or _KEY.match(rest):
            found.append((indent, key, item))
            if _BLOCK_SCALAR.search(rest):
                scalar_above = indent
    return found


def _indent_hint(lines: list[str], number: int) -> str | None:
    """Plain words for an indentation mistake on line `number`, judged against the lines above it:
    None when that line lines up with them (the error is of another kind)."""
    here = _layout(lines[number - 1 : number]) if 0 < number <= len(lines) else []
    if not here:
        return None
    indent, _, item = here[0]
    above = _layout(lines[: number - 1])
    keys, items, limit = [], [], None
    for columns in reversed(above):  # the line just above, then its parents
        if limit is None or columns[1] < limit:
            keys.append(columns[1])
        if columns[2] and (limit is None or columns[0] < limit):
            items.append(columns[0])
        limit = columns[0] if limit is None else min(limit, columns[0])
    keys = keys or [0]
    if above and lines[number - 2].split(" #")[0].rstrip().endswith(":") and indent > keys[0]:
        return None  # the line above opens a block: any deeper column starts it
    if item and items and indent not in items:
        expected = min(items, key=lambda c: abs(c - indent))
        return (
            f"line {number}: this list item's `-` is in column {indent + 1}, but the items above it have theirs "
            f"in column {expected + 1}; the `- ` items of one list start in the same column"
        )
    if not item and indent not in keys:
        expected = min(keys, key=lambda c: abs(c - indent))
        return (
            f"line {number} starts in column {indent + 1}, but the keys around it start in column {expected + 1}; "
            "the keys of one mapping start in the same column, and the keys of a list item line up with "
            "the first key after its `- `"
        )
    return None


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
            else _indent_hint(text.splitlines(), line)
            or "fix the YAML at this position (quote text that contains ': ' or '#')"
        )
        builder.problems.append(YAML_SYNTAX.at(display, line, col, message, hint))
        return None, builder.problems
    except yaml.YAMLError as exc:  # reader errors carry an offset, not a mark
        line, col = _position_of_offset(text, getattr(exc, "position", 0) or 0)
        builder.problems.append(
            YAML_SYNTAX.at(
                display, line, col, str(exc).splitlines()[0], "remove control characters; save as plain UTF-8"
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
