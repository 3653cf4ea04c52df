"""Small pieces that several pages show: ratings, counts, tables, fact lists."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from .. import rubric
from ..html import Html, join, tag
from ..model import Claim


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


@cache  # one per level: it is on every claim of every page
def badge(confidence: str) -> Html:
    return tag("span", f"Confidence: {confidence}", class_=f"mf-badge mf-badge--{confidence.replace(' ', '-')}")


@cache  # one per level, on every claim of a model page
def meter(confidence: str) -> Html:
    """The badge with the scale beside it: one step per level, lowest first, filled up to the claim's and empty
    after it. Filled or empty, not colour, tells the steps apart; the badge's text says the level, so the
    steps are hidden from screen readers and the title names the scale."""
    rank = rubric.rank(confidence)
    steps = (
        tag("span", class_="mf-step mf-step--on" if i <= rank else "mf-step")
        for i in range(len(rubric.CONFIDENCE_LEVELS))
    )
    scale = " < ".join(rubric.CONFIDENCE_LEVELS)
    return tag(
        "span",
        tag("span", *steps, class_="mf-steps", aria_hidden="true"),
        " ",
        badge(confidence),
        class_="mf-meter",
        title=f"Level {rank + 1} of {len(rubric.CONFIDENCE_LEVELS)}: {scale}",
    )


@cache
def status_label(status: str) -> Html:
    """Nothing for a current claim: only a claim that does not simply stand says so."""
    return (
        Html("") if status == "current" else tag("span", status.capitalize(), class_=f"mf-status mf-status--{status}")
    )


def mix_text(claims: Iterable[Claim]) -> str:
    """'2 high · 1 low': how many claims at each confidence level, highest first."""
    mix = Counter(c.confidence for c in claims)
    return " · ".join(f"{mix[level]} {level}" for level in reversed(rubric.CONFIDENCE_LEVELS) if mix[level])


def table(head: Sequence[str], rows: Iterable[Html], label: str, extra_class: str = "") -> Html:
    """A table with one header row, which scrolls sideways inside its own region on narrow screens."""
    inner = tag(
        "table",
        tag("thead", tag("tr", *(tag("th", h) for h in head))),
        tag("tbody", *rows),
        class_=f"mf-table {extra_class}".strip(),
    )
    return tag("div", inner, class_="mf-scroll", tabindex="0", role="region", aria_label=label)


def meta_list(items: Iterable[tuple[str, str]]) -> Html:
    """Label → value pairs at the top of a page."""
    return tag("dl", join(part for k, v in items for part in (tag("dt", k), tag("dd", v))), class_="mf-meta")
