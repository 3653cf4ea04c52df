"""libyaml's errors in plain words: where it stopped, and a hint that says what to change.

libyaml names the rule of the grammar it could not apply ("mapping values are not allowed here");
a contributor needs to know which line does not line up with which, that a tab is not an
indentation, or which invisible character it refused, by its code point.
"""

from __future__ import annotations

import re

import yaml

from . import scalars
from .problems import Problem
from .rules import TEXT_CHARACTERS, YAML_SYNTAX

_LEAD = re.compile(r"( *)((?:- +)*)")
"""A line's indentation, then any `- ` item markers before its first key."""
_KEY = re.compile(r"""(?:[^\s#'"{\[][^:#]*|"[^"]*"|'[^']*'):(?:\s|$)""")
_BLOCK_SCALAR = re.compile(r"(?:^|\s)[|>][+-]?[0-9]?\s*(?:#.*)?$")
_BREAK = re.compile(r"\r\n?|\n")
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_GENERAL = "fix the YAML at this position (quote text that contains ': ' or '#')"


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of the character at `index`, with line breaks counted as YAML counts them."""
    before = text[:index]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    return len(_BREAK.findall(before)) + 1, index - line_start + 1


def problem(exc: yaml.YAMLError, text: str, display: str) -> Problem:
    """The located problem for an error libyaml raised while reading `text`."""
    if isinstance(exc, yaml.MarkedYAMLError):
        return _marked(exc, text, display)
    char = getattr(exc, "character", None)
    if isinstance(char, int) and chr(char) in text:
        # A reader error: the first character libyaml cannot take. Its `position` counts the bytes
        # of the UTF-8 libyaml was given; the character itself says where it stands.
        line, col = position(text, text.index(chr(char)))
        return TEXT_CHARACTERS.at(
            display,
            line,
            col,
            f"{scalars.describe(chr(char))} cannot stand in a fact file",
            "remove it: YAML refuses it, and most editors do not show it (look for it with your editor's "
            "search for the code point, or retype the line)",
        )
    return YAML_SYNTAX.at(display, 1, 1, str(exc).splitlines()[0], "save the file as plain UTF-8 text")


def _marked(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = _inside(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = " ".join(str(x) for x in (exc.context, exc.problem) if x)
    index = mark.index if mark is not None else 0
    if exc.problem == "found invalid Unicode character escape code":
        escape = _ESCAPE.match(text, max(index - 2, 0))
        if escape:
            point = int(escape[1] or escape[2], 16)
            described = scalars.describe(chr(point)) if point <= 0x10FFFF else f"U+{point:X} (beyond U+10FFFF)"
            return TEXT_CHARACTERS.at(
                display,
                line,
                col - 2,
                f"the escape {escape[0]} stands for {described}",
                "remove the escape, or write the character it was meant to be",
            )
    if exc.problem == "found unknown escape character":
        hint = "in double quotes a `\\` starts an escape: write `\\\\` for a backslash, or use single quotes"
    elif text[index : index + 1] == "\t":
        hint = "indent with spaces: YAML does not allow tabs"
    else:
        hint = _indent_hint(text.splitlines(), line) or _GENERAL
    return YAML_SYNTAX.at(display, line, col, message, hint)


def _inside(text: str, line: int, col: int) -> tuple[int, int]:
    """A place in the file: libyaml puts the end of a file without a final line break on a line after it."""
    lines = _BREAK.split(text)
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(col, len(lines[line - 1]) + 1)


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
