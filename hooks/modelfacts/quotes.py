"""Verbatim quotes: find a quote in its source despite white space and typography.

Folding maps typographic quotes, dashes and the ellipsis to ASCII and runs of white space to one
space, keeping for every folded character the offset it came from, so a match can be highlighted
in the original text.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache

_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}


@dataclass(frozen=True)
class Folded:
    text: str
    offsets: tuple[int, ...]
    """offsets[i] is where folded character i starts in the original text."""


@lru_cache(maxsize=4096)
def fold(text: str) -> Folded:
    out: list[str] = []
    offsets: list[int] = []
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
    folded = "".join(out)
    if folded.endswith(" "):
        folded = folded[:-1]
        offsets.pop()
    return Folded(folded, tuple(offsets))


def fold_quote(quote: str) -> str:
    return fold(quote).text


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """(start, end) of the quote's first occurrence in the original text, or None."""
    needle = fold_quote(quote)
    if not needle:
        return None
    hay = fold(text)
    at = hay.text.find(needle)
    if at < 0:
        return None
    # A quote never ends on folded space, so its last character maps to one original character.
    return hay.offsets[at], hay.offsets[at + len(needle) - 1] + 1


def closest_passage(quote: str, text: str) -> str:
    """The stretch of the source most like the quote, for the error message."""
    needle = fold_quote(quote)
    words = fold(text).text.split(" ")
    n = max(1, len(needle.split(" ")))
    best, best_score = "", -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for i in range(max(1, len(words) - n + 1)):
        window = " ".join(words[i:i + n])
        matcher.set_seq1(window)
        if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
            continue
        score = matcher.ratio()
        if score > best_score:
            best, best_score = window, score
    return best
