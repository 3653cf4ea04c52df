"""Verbatim quotes: find a quote in its source despite white space and typography, whole words only.

Folding maps typographic quotes, dashes and the ellipsis to ASCII and runs of white space to one
space. The checker only needs the folded text (`fold_quote`, fast: one translate and one split); the
source pages also need, for every folded character, the offset it came from (`fold_with_offsets`),
so that a match can be highlighted in the original text.

A quote must start and end on word boundaries ("available to them" is not in "unavailable to them")
and must be long enough to carry meaning (`long_enough`). When it is not found, `closest_passage`
points at the likeliest stretch of the source, at a cost bounded whatever the quote and the source.
"""

from __future__ import annotations

import difflib
import re
import string
from array import array
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_FOLD = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    "…": "...",
}
_TABLE = str.maketrans(_FOLD)
# Only the fold that changes lengths: the result lines up with the folded text character for
# character, and still tells a hyphen (part of a word) from a dash (between words).
_LENGTHS = str.maketrans({"…": "..."})

# A word: letters and digits, joined by hyphens ("non-commercial", "GPT-4") and, between digits, by
# points and commas ("3.1", "128,000"). A quote cut out of such a word changes its meaning: "commercial
# use" from "non-commercial use", "Gemini 1" from "Gemini 1.5", "5 billion" from "1.5 billion". Dashes,
# apostrophes and every other mark end a word. So does a lower-case ASCII letter followed by an
# upper-case one: text flattened from a web page runs one headline into the next ("…life sciences
# researchAnthropic's Claude…"), and no English word is spelt that way. `_WORD` finds words,
# `_inside_word` tests one cut; a test holds the two to the same answer.
_HYPHENS = "-‐‑"  # in _WORD, [^\W_] is str.isalnum() and \d is str.isdecimal(), as in _inside_word
_RUN = r"[^\W_](?:(?<=[a-z])(?![A-Z])[^\W_]|(?<![a-z])[^\W_])*"
"""Letters and digits, up to a lower-case ASCII letter followed by an upper-case one."""
_WORD = re.compile(rf"{_RUN}(?:(?:[{_HYPHENS}]|(?<=\d)[.,](?=\d)){_RUN})*")

MIN_QUOTE_WORDS = 2
"""A quote needs at least this many words of two or more letters or digits (words as `_WORD` finds
them: "GPT-4" and "3.1" are one word each). One word cannot say anything about a model, and one-letter
words and lone digits ("a", "I", "4") carry too little: ".", "a", "of a" and "Llama 4" are refused.
Two is what a model card's table allows: the Llama 3 card's row for its 8B model gives the size and
context length as "8B" and "8k", so "| 8B | 8k |" must pass. Words, not characters, so that table
pipes and spaces do not count."""


def long_enough(quote: str) -> bool:
    """Whether the quote has MIN_QUOTE_WORDS words of two or more letters or digits."""
    found = 0
    for word in _WORD.finditer(quote):
        if word.end() - word.start() > 1:  # a joiner stands between two letters or digits
            found += 1
            if found >= MIN_QUOTE_WORDS:
                return True
    return False


def fold_quote(text: str) -> str:
    return " ".join(text.translate(_TABLE).split())  # str.split() splits on exactly str.isspace()


@dataclass(frozen=True)
class _Source:
    folded: str
    words: str  # `folded` with dashes and hyphens told apart, at the same offsets


@lru_cache(maxsize=512)
def _source(text: str) -> _Source:
    """Sources are folded once per run, however many quotes they hold."""
    words = " ".join(text.translate(_LENGTHS).split())
    return _Source(words.translate(_TABLE), words)


def _inside_word(text: str, at: int) -> bool:
    """Whether cutting `text` before offset `at` splits a word (see `_WORD`)."""
    if at <= 0 or at >= len(text):
        return False
    before, after = text[at - 1], text[at]
    if before.isalnum():
        if after.isalnum():
            return not ("a" <= before <= "z" and "A" <= after <= "Z")
        if at + 1 < len(text) and text[at + 1].isalnum():
            return after in _HYPHENS or (after in ".," and before.isdecimal() and text[at + 1].isdecimal())
        return False
    if after.isalnum() and at >= 2 and text[at - 2].isalnum():
        return before in _HYPHENS or (before in ".," and after.isdecimal() and text[at - 2].isdecimal())
    return False


def _find(needle: str, source: _Source) -> int:
    """Offset in the folded source of the needle's first occurrence that starts and ends on word
    boundaries, or -1. Every occurrence is tried: the first may be inside a longer word."""
    if not needle:
        return -1
    words, size = source.words, len(source.words)
    at = source.folded.find(needle)
    while at >= 0:
        end = at + len(needle)
        # A space beside a cut is a boundary: the common case, decided without a call.
        if (at == 0 or words[at - 1] == " " or not _inside_word(words, at)) and (
            end == size or words[end] == " " or not _inside_word(words, end)
        ):
            return at
        at = source.folded.find(needle, at + 1)
    return -1


def occurs(quote: str, text: str) -> bool:
    return _find(fold_quote(quote), _source(text)) >= 0


def whole_words(quote: str, text: str) -> str | None:
    """For a quote that occurs in the folded source only by cutting a word: its first occurrence
    widened to whole words (what the contributor should quote instead). None if it does not occur."""
    needle = fold_quote(quote)
    source = _source(text)
    start = source.folded.find(needle) if needle else -1
    if start < 0:
        return None
    end = start + len(needle)
    while _inside_word(source.words, start):
        start -= 1
    while _inside_word(source.words, end):
        end += 1
    return source.folded[start:end]


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


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """(start, end) in the original text of the occurrence `occurs` accepts, or None."""
    needle = fold_quote(quote)
    at = _find(needle, _source(text))
    if at < 0:
        return None
    offsets = fold_with_offsets(text)[1]
    # A quote never ends on folded space, so its last character maps to one original character.
    return offsets[at], offsets[at + len(needle) - 1] + 1


# --- the closest passage, for the error message -------------------------------------------------

PASSAGE_WORDS = 64
"""A quote is compared by its first 64 words: enough to place it, and the hint stays readable."""
PASSAGE_HITS = 4096
"""Occurrences of the quote's words visited in the source's index, rarest words first."""
PASSAGE_CANDIDATES = 8
"""Stretches of the source, the best placed by the first pass, compared with the quote word by word."""
PASSAGE_TAIL = 30
"""Words the passage may run on to reach the end of its sentence."""
PASSAGE_WORK = PASSAGE_WORDS + 2 * PASSAGE_HITS + PASSAGE_CANDIDATES * PASSAGE_WORDS**2 + PASSAGE_TAIL
"""Most work units one `closest_passage` call spends, whatever the lengths of quote and source."""


@dataclass
class Work:
    """Work units spent by `closest_passage`: one per word of the quote looked up in the index, two
    per occurrence visited (collected, then swept), one per pair of words a comparison may examine
    and one per word of the run-on. Pass one to several calls to tally them together."""

    units: int = 0


_PUNCT = string.punctuation


def _key(word: str) -> str:
    return word.strip(_PUNCT).casefold()


@dataclass(frozen=True)
class _Index:
    words: list[str]
    keys: list[str]  # `_key` of each word
    where: dict[str, list[int]]  # key → the positions of its words


@lru_cache(maxsize=64)
def _index(folded: str) -> _Index:
    """Built once per source, in linear time, and only for sources a quote is missing from."""
    words = folded.split(" ")
    keys = [_key(word) for word in words]
    where: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        where.setdefault(key, []).append(i)
    return _Index(words, keys, where)


def closest_passage(quote: str, text: str, work: Work | None = None) -> str:
    """The stretch of the source most like the quote, for the error message; it runs on to the
    end of the sentence so that the contributor can copy a whole passage.

    A cheap first pass visits, through the source's index, where the quote's words occur: the
    stretches where most of them would line up (a quote with a word changed) or lie close together
    in any order (a scrambled one) are then compared with the quote word by word. Every step is
    capped (PASSAGE_*), so one call spends at most PASSAGE_WORK units (tallied in `work`), however
    long the quote and the source."""
    work = work if work is not None else Work()
    index = _index(_source(text).folded)
    needle = [_key(word) for word in fold_quote(quote).split(" ")[:PASSAGE_WORDS]]
    n = len(needle)
    last_start = max(0, len(index.words) - n)
    work.units += n

    first: dict[str, int] = {}  # each word counts once, from its first place in the quote
    for i, key in enumerate(needle):
        first.setdefault(key, i)
    aligned: Counter[int] = Counter()  # start of the quote if this occurrence were in its place
    hits: list[int] = []
    for key in sorted(first, key=lambda k: (len(index.where.get(k, ())), first[k])):  # rarest first
        for at in index.where.get(key, [])[: PASSAGE_HITS - len(hits)]:
            aligned[min(last_start, max(0, at - first[key]))] += 1
            hits.append(at)
        if len(hits) >= PASSAGE_HITS:
            break
    hits.sort()
    close: Counter[int] = Counter()  # start of n words → how many hits they hold
    low = 0
    for high, at in enumerate(hits):
        while hits[low] <= at - n:
            low += 1
        start = min(last_start, hits[low])
        close[start] = max(close[start], high - low + 1)
    work.units += 2 * len(hits)

    half = PASSAGE_CANDIDATES // 2
    candidates = {at for at, _ in aligned.most_common(half)} | {at for at, _ in close.most_common(half)}
    best_at, best_score = 0, -1.0
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(needle)
    for at in sorted(candidates):
        window = index.keys[at : at + n]
        matcher.set_seq1(window)
        work.units += len(window) * n
        score = matcher.quick_ratio() + matcher.ratio()  # the words shared, then their order
        if score > best_score:
            best_at, best_score = at, score

    words = index.words
    end = best_at + n
    while end < min(len(words), best_at + n + PASSAGE_TAIL) and not words[end - 1].endswith((".", "!", "?")):
        end += 1
    work.units += max(0, end - best_at - n)
    return " ".join(words[best_at:end])
