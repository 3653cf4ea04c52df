"""names.key: publisher names that only look different are one name; names that read differently are not."""

from __future__ import annotations

import unicodedata

import pytest

from modelfacts import names
from modelfacts.names import _LOOK_ALIKE


@pytest.mark.parametrize(
    "spelling",
    [
        "Google",
        "google",
        "GOOGLE",
        "  Google\t",
        "Google.",
        "Google!",
        "Google .",
        "G\u043e\u043egle",  # two Cyrillic о
        "Go\u200bogle",  # zero-width space
        "Goo\u00adgle",  # soft hyphen
        "\u200dGoogle\ufeff",  # zero-width joiner, byte-order mark
        "\uff27\uff4f\uff4f\uff47\uff4c\uff45",  # full-width letters (NFKC)
        "G\u03bfogle",  # Greek omicron
    ],
)
def test_spellings_of_one_name_have_one_key(spelling):
    assert names.key(spelling) == "google"


@pytest.mark.parametrize(
    "spelling",
    [
        "Daily  Neural Digest",  # double space
        "Daily\u00a0Neural Digest",  # non-breaking space
        "Daily\u2009Neural\u3000Digest",  # thin and ideographic spaces
        "Daily\tNeural\nDigest",
        "Daily Neural Digest.",  # trailing dot
        "Daily Neural Dig\u200best",  # zero-width space inside a word
        "D\u0430ily N\u0435ural Dig\u0435st",  # Cyrillic а and е
        "DAILY NEURAL DIGEST",
    ],
)
def test_white_space_invisibles_punctuation_and_look_alikes_collide(spelling):
    assert names.key(spelling) == names.key("Daily Neural Digest") == "daily neural digest"


@pytest.mark.parametrize(
    "one, other",
    [
        ("Meta", "Metaculus"),
        ("Google", "Google Cloud"),
        ("Mistral AI", "Mistral"),
        ("X.AI", "XAI"),  # a point inside a name is kept: only trailing punctuation goes
        ("Stability AI", "Stability-AI"),
        ("Alibaba Cloud", "Alibaba Cloud 2"),
    ],
)
def test_names_that_read_differently_stay_apart(one, other):
    assert names.key(one) != names.key(other)


def test_case_decides_which_letter_a_greek_one_looks_like():
    """Capital eta looks like H, small eta like n: the table is applied before case is folded."""
    assert names.key("\u0397ugging Face") == "hugging face"
    assert names.key("\u03b7ugging face") != "hugging face"


def test_the_look_alike_table_maps_cyrillic_and_greek_letters_to_latin_ones():
    assert _LOOK_ALIKE, "the table is not empty"
    for source, target in _LOOK_ALIKE.items():
        letter, latin = chr(source), chr(target)
        assert unicodedata.name(letter).split()[0] in ("CYRILLIC", "GREEK"), letter
        assert latin.isascii() and latin.isalpha(), latin
        assert letter.islower() == latin.islower(), (letter, latin)


def test_reveal_shows_what_a_reader_cannot_see():
    assert names.reveal("Google") == "Google"
    assert names.reveal("G\u043e\u043egle") == "G\\u043e\\u043egle"
    assert names.reveal("Daily\u00a0Digest\u200b") == "Daily\\xa0Digest\\u200b"
