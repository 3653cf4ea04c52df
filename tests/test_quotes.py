"""Quotes: whole words at some occurrence, typographic folding, a minimum length, a bounded hint search."""

from __future__ import annotations

import random
import re

import pytest

from modelfacts import quotes
from modelfacts.quotes import (
    MIN_QUOTE_WORDS,
    PASSAGE_WORK,
    Work,
    closest_passage,
    fold_quote,
    locate,
    long_enough,
    occurs,
    whole_words,
)


def located(quote: str, text: str) -> str | None:
    at = locate(quote, text)
    return None if at is None else text[at[0] : at[1]]


# --- word boundaries ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote, text",
    [
        ("available to them", "The weights are unavailable to them."),  # starts inside a word
        ("open weight", "It ships open weights."),  # ends inside a word
        ("commercial use", "Only non-commercial use is allowed."),  # a hyphen joins a word
        ("commercial use", "Only non‑commercial use is allowed."),  # so does a non-breaking hyphen
        ("Gemini 1", "Gemini 1.5 Pro came out."),  # a point between digits joins a number
        ("5 billion parameters", "It has 1.5 billion parameters."),
        ("000 tokens", "A window of 128,000 tokens."),
        ("Llama 3.", "Llama 3.1 405B is large."),  # a quote ending on the joiner itself
        ("-commercial use", "Only non-commercial use is allowed."),
    ],
)
def test_a_quote_that_cuts_a_word_is_refused(quote, text):
    assert fold_quote(quote) in fold_quote(text)  # found by plain substring search...
    assert not occurs(quote, text)  # ...but not on word boundaries
    assert locate(quote, text) is None


@pytest.mark.parametrize(
    "quote, text",
    [
        ("available to them", "The weights are available to them."),
        ("available to them", "(available to them)"),  # at the very start and end of a text
        ("comprising Gemini Pro", "That system—comprising Gemini Pro and Nano"),  # a dash ends a word
        ("That system", "That system—comprising Gemini Pro"),
        ("2024 release", "the 2023–2024 release"),  # an en dash too
        ("the company said", "the company's model, the company said."),  # an apostrophe ends a word
        ("Gemini 1.5", "Gemini 1.5, the successor"),  # a comma after a number, then a space
        ("released in 2023.", "It was released in 2023. Then"),
        ("| 8B | 128k |", "| Llama 3.1 | 8B | 128k | Yes |"),
        ('"not open at all"', "Critics say it is “not open at all” — its data stays secret…"),
        ("stays secret...", "Critics say it is “not open at all” — its data stays secret…"),
    ],
)
def test_a_quote_of_whole_words_is_accepted_and_located(quote, text):
    assert occurs(quote, text)
    assert fold_quote(located(quote, text) or "") == fold_quote(quote)


def test_every_occurrence_is_tried_and_locate_returns_the_accepted_one():
    text = "It was unavailable to them at first; later it was available to them."
    assert occurs("available to them", text)
    start, end = locate("available to them", text)
    assert text[start - 4 : end] == "was available to them"
    assert start == text.rindex("available to them")


def test_typographic_folding_and_white_space_still_apply():
    text = "Acme’s “Widget-1”\n   is   open…\tsays  the company – today."
    for quote in ['Acme\'s "Widget-1" is open... says', "Widget-1” is open", "says the company - today."]:
        assert occurs(quote, text), quote
        assert fold_quote(located(quote, text) or "") == fold_quote(quote)


def test_fold_quote_folds_white_space_exactly_as_the_regex_did():
    """fold_quote splits with str.split(); the former `\\s+` regex is the reference, on every code point."""
    every = "".join(map(chr, range(0x110000)))
    text = f"  a{every}b \u2028 c\u00a0\u3000d  "
    reference = re.sub(r"\s+", " ", text.translate(quotes._TABLE)).strip(" ")
    assert fold_quote(text) == reference


def test_folded_source_and_offsets_line_up():
    text = " \t“Quote”…  — it’s\n\n non‑breaking – fine… "
    folded, offsets = quotes.fold_with_offsets(text)
    source = quotes._source(text)
    assert folded == source.folded and len(source.words) == len(folded) == len(offsets)
    assert source.words.translate(quotes._TABLE) == folded


def test_the_word_pattern_and_the_cut_test_agree():
    """`_WORD` (which counts words) and `_inside_word` (which tests a cut) are one definition."""
    rng = random.Random(12)
    alphabet = "abZ12 -.,—‐'_é²٣"  # ² is a digit but not decimal; ٣ is decimal; Z after a or b is a cut
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        inside = set()
        for word in quotes._WORD.finditer(text):
            inside.update(range(word.start() + 1, word.end()))
        for cut in range(len(text) + 1):
            assert quotes._inside_word(text, cut) == (cut in inside), (text, cut)


def test_whole_words_shows_what_the_source_says_around_a_cut():
    assert whole_words("available to them", "It is unavailable to them.") == "unavailable to them"
    assert whole_words("Llama 3", "Llama 3.1 405B") == "Llama 3.1"
    assert whole_words("search Anthropic", "research Anthropic") == "research Anthropic"


def test_a_headline_run_into_the_next_ends_at_the_capital():
    """Text flattened from a web page: "…sciences researchAnthropic's…" holds two headlines."""
    text = "built for life sciences researchAnthropic's Claude Opus 4.7 benchmarks"
    assert occurs("built for life sciences research", text)
    assert occurs("Anthropic's Claude Opus 4.7", text)
    assert not occurs("built for life sciences researchA", text)
    assert not occurs("nthropic's Claude", text)
    assert occurs("the GPT series", "the GPT series") and not occurs("PT series", "the GPT series")
    assert whole_words("not here at all", "It is unavailable to them.") is None


# --- minimum length -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote",
    [
        "| 8B | 128k |",  # a size and a context length in a model card's table
        "| 8B | 8k |",  # the Llama 3 card's row for its 8B model
        "| Llama 4 Scout | 5.0M | 700 | 1,354 | 0 |",  # a row of the Llama 4 card
        "GPT-4 Turbo",
        "Apache 2.0",
        "open weights",
    ],
)
def test_long_enough_accepts_short_meaningful_quotes(quote):
    assert long_enough(quote)


@pytest.mark.parametrize("quote", [".", "a", "8B", "| 8B |", "of a", "Llama 4", "GPT-4", "a b c d", "... — ...", ""])
def test_long_enough_refuses_quotes_that_cannot_carry_a_claim(quote):
    assert not long_enough(quote)


def test_the_minimum_is_two_words_of_two_letters_or_digits():
    assert MIN_QUOTE_WORDS == 2
    assert long_enough("ab cd") and not long_enough("ab c") and not long_enough("abcdefgh")


# --- closest passage: quality and a bounded cost --------------------------------------------------

VOCABULARY = [f"w{i}" for i in range(3000)] + ["the", "of", "and", "model", "weights", "open"] * 200


def long_source(rng: random.Random, words: int) -> str:
    sentences, out = [], []
    for i in range(words):
        out.append(rng.choice(VOCABULARY))
        if i % 15 == 14:
            sentences.append(" ".join(out) + ".")
            out = []
    return " ".join(sentences)


def test_closest_passage_finds_a_reworded_quote():
    text = "Acme Labs released Widget-1 on March 3, 2025.\n\nThe weights of Widget-1 are available."
    assert closest_passage("Acme Labs launched Widget-1 on March 3, 2025.", text) == (
        "Acme Labs released Widget-1 on March 3, 2025."
    )


def test_closest_passage_places_a_scrambled_quote():
    rng = random.Random(5)
    text = long_source(rng, 6000)
    words = text.split()
    original = words[4000:4040]
    scrambled = original[:]
    rng.shuffle(scrambled)
    passage = closest_passage(" ".join(scrambled), text).split()
    assert len(set(passage) & set(original)) >= 30


@pytest.mark.parametrize("source_words", [2000, 17000])  # about 12 KB and 100 KB
def test_closest_passage_work_is_bounded_whatever_the_lengths(source_words):
    rng = random.Random(source_words)
    text = long_source(rng, source_words)
    hostile = text.split()[:5000] * 2
    rng.shuffle(hostile)
    work = Work()
    closest_passage(" ".join(hostile), text, work)
    # Without the caps, comparing 10,000 words against every stretch would cost billions of units.
    assert 0.5 * PASSAGE_WORK < work.units <= PASSAGE_WORK
    assert PASSAGE_WORK < 50_000


def test_work_accumulates_across_calls():
    text = "Acme Labs released Widget-1 on March 3, 2025."
    work = Work()
    closest_passage("Acme Labs launched Widget-1", text, work)
    once = work.units
    closest_passage("Acme Labs launched Widget-1", text, work)
    assert once > 0 and work.units == 2 * once
