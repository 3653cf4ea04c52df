"""Verbatim quotes: find a quote in its source despite white space and typography.

Folding maps typographic quotes, dashes and the ellipsis to ASCII and runs of white space to one
space. The checker only needs the folded text (`fold_quote`, fast: one translate and one regex); the
source pages also need, for every folded character, the offset it came from (`fold_with_offsets`),
so that a match can be highlighted in the original text.
"""

from __future__ import annotations

import difflib
import re
from array import array
from functools import lru_cache

_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
_TABLE = str.maketrans(_FOLD)
_SPACE = re.compile(r"\s+")  # for str patterns, \s is exactly str.isspace()


def fold_quote(text: str) -> str:
    return _SPACE.sub(" ", text.translate(_TABLE)).strip(" ")


@lru_cache(maxsize=512)
def fold_source(text: str) -> str:
    """Sources are folded once per run, however many quotes they hold."""
    return fold_quote(text)


@lru_cache(maxsize=64)
def fold_with_offsets(text: str) -> tuple[str, array]:
    """The folded text and, for each of its characters, where it starts in the original
    (an array of machine integers: a tuple of Python ints takes nine times the memory)."""
    out: list[str] = []
    offsets = array("L")
    in_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not in_space and out:
                out.append(" ")
                offsets.append(i)
            in_space = True
            continue
        in_space = False
        rep = _FOLD.get(ch, ch)
        out.append(rep)
        offsets.extend([i] * len(rep))
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    return "".join(out), offsets


def occurs(quote: str, text: str) -> bool:
    needle = fold_quote(quote)
    return bool(needle) and needle in fold_source(text)


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the quote's first occurrence in the original text, or None."""
    needle = fold_quote(quote)
    if not needle:
        return None
    folded, offsets = fold_with_offsets(text)
    at = folded.find(needle)
    if at < 0:
        return None
    # A quote never ends on folded space, so its last character maps to one original character.
    return offsets[at], offsets[at + len(needle) - 1] + 1


def closest_passage(quote: str, text: str) -> str:
    """The stretch of the source most like the quote, for the error message; it runs on to the
    end of the sentence so that the contributor can copy a whole passage."""
    needle = fold_quote(quote)
    words = fold_source(text).split(" ")
    n = max(1, len(needle.split(" ")))
    best_at, best_score = 0, -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for i in range(max(1, len(words) - n + 1)):
        window = " ".join(words[i : i + n])
        matcher.set_seq1(window)
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best_at, best_score = i, score
    end = best_at + n
    while end < min(len(words), best_at + n + 30) and not words[end - 1].endswith((".", "!", "?")):
        end += 1
    return " ".join(words[best_at:end])
