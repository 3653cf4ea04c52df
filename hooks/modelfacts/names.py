"""Publisher names as a reader sees them: two names that look alike are one name.

The publishers registry (seeds/publishers.yaml) gives each publisher one id and the names it goes
by. Independence is decided by id, so the registry must not hold one publisher twice under names
that only look different: a double or non-breaking space, a zero-width character, a trailing dot,
letter case, or a Cyrillic or Greek letter that looks Latin ("Gооgle" with two Cyrillic о).
`key` maps every such spelling to one string; the rule `publisher-name-unique` compares keys.
"""

from __future__ import annotations

import unicodedata

_LOOK_ALIKE = str.maketrans(
    # Cyrillic capitals, then small letters
    "АВЕКМНОРСТУХЅІЈҮ"
    "аеорсухѕіјһԁԛԝӏ"
    # Greek capitals, then small letters
    "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ"
    "αιοϲϳνρυ",
    "ABEKMHOPCTYXSIJYaeopcyxsijhdqwlABEZHIKMNOPTYXaiocjvpu",
)
"""Cyrillic and Greek letters that a reader takes for Latin ones (after Unicode's confusables list,
TR39), mapped to those. Case matters here (capital eta Η looks like H, small eta η like n), so the
table is applied before case is folded, and holds only letters whose look is unambiguous."""


def _is_invisible(ch: str) -> bool:
    """Format characters (zero-width space and joiners, soft hyphen, direction marks, BOM)."""
    return unicodedata.category(ch) == "Cf"


def key(name: str) -> str:
    """The name as compared: NFKC (so a non-breaking space is a space, and ﬁ is fi), invisible
    characters removed, look-alike letters made Latin, case folded, runs of white space made one
    space, and punctuation and white space at the end dropped ("Google Inc." is "google inc")."""
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if not _is_invisible(ch)).translate(_LOOK_ALIKE)
    text = " ".join(unicodedata.normalize("NFKC", text.casefold()).split())
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]).startswith("P")):
        end -= 1
    return text[:end]


def reveal(name: str) -> str:
    """The name with anything but printable ASCII written as an escape, so that a message shows
    the difference a reader cannot see: `G\\u043e\\u043egle`, `Daily\\xa0Digest`."""
    return "".join(ch if " " <= ch <= "~" else ch.encode("unicode_escape").decode("ascii") for ch in name)
