"""Rules on dates: they exist, and an article reports only what happened before it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from .rule import Finding

if TYPE_CHECKING:
    from ..model import Claim, FactBase, Source


def date_valid(item: Claim | Source, base: FactBase) -> Iterator[Finding]:
    for key in ("date", "published"):  # a claim's date, a source's publication date
        value = getattr(item, key, None)
        if value and _parse_date(value) is None:
            yield Finding(item.origin, f"date {value} does not exist", "check the day and month", (key,))


def date_after_publication(claim: Claim, base: FactBase) -> Iterator[Finding]:
    start = _parse_date(claim.date) if claim.date else None
    if start is None:
        return
    for cit in claim.citations:
        source = base.sources.get(cit.source)
        published = _parse_date(source.published) if source and source.published else None
        if source and published and start > published and cit.stance != "predicts":
            yield Finding(
                cit.origin,
                f"claim dated {claim.date} cites an article published {source.published} with stance `{cit.stance}`",
                "an article cannot report what had not happened yet: use `stance: predicts`, or correct the date",
                ("stance",),
            )


@cache
def _parse_date(text: str) -> date | None:
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except (ValueError, TypeError):
        return None
