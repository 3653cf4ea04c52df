"""What one YAML scalar holds: the value a plain scalar stands for, and the characters text may hold.

Every field of a fact file is text, so a number in one is a mistake the schema names; but some
numbers must be refused before they exist at all. YAML 1.1 reads `1:20` as the base-60 number 80
and `.inf` as infinity, and Python refuses to read an integer of more than 4,300 digits (reading
one takes time that grows with the square of its length). Such a scalar is refused here, with its
position, and never constructed.

Text may hold any character a reader can take. It may not hold C0 control characters other than
tab, line feed and carriage return, nor DEL and the C1 controls (U+007F–U+009F): XML 1.0 forbids
the first and discourages the others (§2.2), no keyboard types them, they show as nothing or as
a box, and where they occur they are mostly text decoded as Latin-1 that was Windows-1252 (U+0092
for a right quote), so a quote holding one would not match its article as it looks. libyaml
already refuses them written out; this refuses them when a double-quoted `\\x07` writes them too.
Nor may text hold lone surrogates (no UTF-8 or XML text can) or noncharacters (U+FDD0–U+FDEF
and the last two code points of every plane, U+FFFE, U+1FFFF, …), which Unicode keeps for
programs' internal use and XML readers refuse, nor the line separators U+2028 and U+2029: YAML
reads them (and U+0085) as line breaks where editors do not, and older JavaScript ends a string
at them.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml import events as ev
from yaml.nodes import ScalarNode

from .problems import Problem
from .rules import TEXT_CHARACTERS, YAML_NUMBER

_CORE = "tag:yaml.org,2002:"
_NUMBERS = {_CORE + "int", _CORE + "float"}
_CONSTRUCTED = {*_NUMBERS, _CORE + "bool", _CORE + "null"}
_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

MAX_NUMBER_LENGTH = 40
"""A plain scalar YAML reads as a number may have at most this many characters."""

_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\U0001fffe-\U0010ffff]"
)
"""Every character no text may hold, and the rest of the planes above U+1FFFE (one range is fast to
search; a list of the 32 noncharacters up there is not)."""


def forbidden(text: str) -> int | None:
    """The index of the first character no text may hold, or None."""
    for found in _SUSPECT.finditer(text):
        point = ord(found[0])
        if point < 0x1FFFE or point & 0xFFFE == 0xFFFE:
            return found.start()
    return None


LINE_SEPARATORS = re.compile("[\x85\u2028\u2029]")
"""Line breaks to YAML, but not to most editors: written into a file, they shift every line number
after them, and inside quotes YAML turns them into spaces."""


def describe(char: str) -> str:
    """`U+0007 (a control character)`: a character no one can see, named so it can be found."""
    point = ord(char)
    if point in (0x85, 0x2028, 0x2029):
        kind = "a line separator"
    elif point < 0x20 or 0x7F <= point <= 0x9F:
        kind = "a control character"
    elif 0xD800 <= point <= 0xDFFF:
        kind = "half of a surrogate pair, which no text can hold alone"
    elif point > 0x10FFFF:
        kind = "beyond U+10FFFF, the last code point"
    else:
        kind = "a noncharacter, which Unicode keeps for programs' internal use"
    return f"U+{point:04X} ({kind})"


def short(value: object, limit: int = 60) -> str:
    """A value as a message may quote it: escaped (no control character reaches a terminal), and cut."""
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def character_problem(display: str, line: int, col: int, what: str, text: str, at: int) -> Problem:
    """The character at index `at` of `text` (the value of `what`), which no text may hold, placed at line:col."""
    nth = f", as character {at + 1} of {len(text)}" if len(text) > 1 else ""
    return TEXT_CHARACTERS.at(
        display,
        line,
        col,
        f"{what} holds {describe(text[at])}{nth}",
        "remove it: no page, feed or XML reader can take it, and most editors do not show it "
        "(in double quotes, a `\\` escape such as `\\x07` or `\\uFFFE` writes it)",
    )


def value(event: ev.ScalarEvent, display: str) -> tuple[Any, Problem | None]:
    """The value of a scalar, or its text and the problem with a number YAML cannot hold sensibly.

    (The builder reads quoted and block text without asking: it is a string, whatever it says.)"""
    tag = event.tag if event.tag not in (None, "!") else _resolver.resolve(ScalarNode, event.value, event.implicit)
    if tag not in _CONSTRUCTED:
        return event.value, None  # str, and timestamps kept as the text the author wrote
    text = event.value
    refused = _refused_number(text) if tag in _NUMBERS else None
    if refused is None:
        node = ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]  # libyaml's Mark
        try:
            constructed = _constructor.construct_object(node)
        except (ValueError, OverflowError, ArithmeticError, yaml.YAMLError) as exc:
            refused = f"YAML cannot read `{text}` as a number ({str(exc).splitlines()[0]})"
        else:
            if not isinstance(constructed, float) or math.isfinite(constructed):
                return constructed, None
            refused = f"`{text}` is too large for a number: YAML reads it as infinity"
    hint = f"quote it if it is text (`'{text}'`); no field of a fact file holds a number"
    if len(text) > MAX_NUMBER_LENGTH:
        hint = "quote it if it is text; no field of a fact file holds a number"
    return text, YAML_NUMBER.at(display, *at(event), refused, hint)


def at(event: ev.Event) -> tuple[int, int]:
    """Where an event starts: 1-based line and column."""
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _refused_number(text: str) -> str | None:
    """Why a plain scalar YAML reads as a number must not be read at all, or None."""
    if len(text) > MAX_NUMBER_LENGTH:
        return f"a number of {len(text):,} characters: YAML would try to read it as one number"
    bare = text.lstrip("+-").lower()
    if bare in (".inf", ".nan"):
        return f"`{text}` is YAML for {'infinity' if bare == '.inf' else 'not a number'}"
    if ":" in text:
        return f"YAML 1.1 reads `{text}` as a base-60 number (`1:20` means 80), not as text"
    return None
