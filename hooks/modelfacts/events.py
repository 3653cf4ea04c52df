"""libyaml's event stream → plain data, the line and column of every node, and what is refused on the way.

We build the data ourselves instead of calling `yaml.load`: that way we know where each value
stands, we see duplicate keys (PyYAML keeps the last one and loses data), and anchors, aliases and
language tags are refused before anything could expand or run. Each scalar is read by `scalars`,
which refuses numbers no one means and characters no text may hold.
"""

from __future__ import annotations

from typing import Any

from yaml import events as ev

from . import scalars
from .problems import Problem
from .rules import YAML_ALIAS, YAML_DEPTH, YAML_DUPLICATE_KEY, YAML_SYNTAX, YAML_TAG, Rule

MAX_DEPTH = 16
"""Deepest nesting accepted; the schema needs four levels."""

Path = tuple[Any, ...]
_CORE = "tag:yaml.org,2002:"
_ALLOWED_TAGS = {_CORE + t for t in ("str", "int", "float", "bool", "null", "map", "seq")}
_NO_KEY = object()


class Abort(Exception):
    """Stop building a file whose remainder cannot be trusted."""


class Builder:
    """Turns the event stream into data; one instance per file."""

    def __init__(self, display: str, text: str):
        self.display = display
        # Only a file that holds such a character, or a `\` escape that could write one, has values to search.
        self.scan = "\\" in text or scalars.forbidden(text) is not None
        self.data: Any = None
        self.positions: dict[Path, tuple[int, int]] = {}
        self.key_positions: dict[Path, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.stack: list[list[Any]] = []  # [container, path, pending_key, seen_keys]
        self.skip = 0  # depth inside a refused complex key

    def report(self, event: ev.Event, rule: Rule, message: str, hint: str) -> None:
        self.problems.append(rule.at(self.display, *scalars.at(event), message, hint))

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
                f"tag {scalars.short(tag)} is not allowed",
                "remove the tag; fact files hold only plain text, numbers, lists and mappings",
            )
            ok = False
        return ok

    def _scalar(self, event: ev.ScalarEvent) -> Any:
        if not self._check_node(event):
            return None
        value, problem = scalars.value(event, self.display)
        if problem is not None:
            self.problems.append(problem)
        return value

    def _text(self, event: ev.Event, value: Any, path: Path | None) -> None:
        """Refuse characters no text may hold in a value (at `path`) or a key (path None)."""
        if self.scan and type(value) is str and (at := scalars.forbidden(value)) is not None:
            what = f"the key {scalars.short(value)}" if path is None else _field(path) if path else "the file"
            self.problems.append(scalars.character_problem(self.display, *scalars.at(event), what, value, at))

    def _place(self, event: ev.Event, value: Any) -> Path | None:
        """Attach a finished value (or a key) to the current container; returns its path."""
        mark = scalars.at(event)
        if not self.stack:
            self.data = value
            self.positions[()] = mark
            self._text(event, value, ())
            return ()
        frame = self.stack[-1]
        container, path = frame[0], frame[1]
        if isinstance(container, list):
            child = path + (len(container),)
            container.append(value)
            self.positions[child] = mark
            self._text(event, value, child)
            return child
        if frame[2] is _NO_KEY:  # this node is a key
            if isinstance(event, ev.AliasEvent):
                value = f"*{event.anchor}"  # refused already
            elif not isinstance(value, str):
                written = getattr(event, "value", value)
                self.report(
                    event,
                    YAML_SYNTAX,
                    f"key {scalars.short(str(written))} is not text",
                    "quote the key or use one of the documented field names",
                )
                value = str(written)
            self._text(event, value, None)
            if value in frame[3]:
                line, col = frame[3][value]
                self.report(
                    event,
                    YAML_DUPLICATE_KEY,
                    f"duplicate key {scalars.short(value)} (first defined at line {line}, column {col})",
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
            self._text(event, value, child)
        return child

    def feed(self, event: ev.Event) -> None:
        if type(event) is ev.ScalarEvent and not self.skip:  # the common case first: quoted text
            quoted = event.style and event.tag is None and event.anchor is None
            self._place(event, event.value if quoted else self._scalar(event))
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
            self._place(event, self._scalar(event))
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
                raise Abort
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
            raise Abort


def _field(path: Path) -> str:
    """`claims.0.quote`: a value's path, as the schema's messages name it."""
    return "`" + ".".join(str(p) for p in path) + "`"
