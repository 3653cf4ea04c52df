"""Rules on dates: they exist, nothing is published after the day of the check, and an article reports
only what happened before it; only a prediction may be dated in the future. A claim's review happened
on a day that has come, and after the documents it was checked against were stored.

A claim's `date` names a period (a year, a month or a day): when the claimed fact holds or happened.
A source's `published` is the day it was published. A claim's `reviewed` is the day a curator last
checked it against its documents. "Today" is the day of the check: the latest
calendar day anywhere on Earth (UTC+14), so no contributor's time zone makes the day they live in
the future; `MODELFACTS_TODAY=YYYY-MM-DD` names another day, as the tests do.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING

from .rule import Finding

if TYPE_CHECKING:
    from ..model import Claim, FactBase, Source

TODAY_VARIABLE = "MODELFACTS_TODAY"
_EARLIEST_ZONE = timedelta(hours=14)
"""UTC+14 (Kiribati): where each calendar day begins first."""


def today() -> date:
    """The day of the check: the real date by default, or the one MODELFACTS_TODAY names."""
    named = os.environ.get(TODAY_VARIABLE)
    if not named:
        return (datetime.now(UTC) + _EARLIEST_ZONE).date()
    try:
        return date.fromisoformat(named)
    except ValueError:
        raise ValueError(f"{TODAY_VARIABLE} must name a day as YYYY-MM-DD, not {named!r}") from None


def date_valid(item: Claim | Source, base: FactBase) -> Iterator[Finding]:
    for key in ("date", "reviewed", "published"):  # a claim's date and review day, a source's publication date
        value = getattr(item, key, None)
        if value and _parse_date(value) is None:
            yield Finding(item.origin, f"date {value} does not exist", "check the day and month", (key,))


def date_future(item: Claim | Source, base: FactBase) -> Iterator[Finding]:
    """A source published after today, or a claim dated after today that is not only predicted."""
    now = today()
    published = getattr(item, "published", None)
    if published and (day := _parse_date(published)) and day > now:
        yield Finding(
            item.origin,
            f"published {published}, after today ({now.isoformat()})",
            "a source cannot be published in the future: check the date line of the article",
            ("published",),
        )
    claimed = getattr(item, "date", None)
    stances = sorted({cit.stance for cit in getattr(item, "citations", ())} - {"predicts"})
    if claimed and stances and (start := _parse_date(claimed)) and start > now:
        yield Finding(
            item.origin,
            f"claim dated {claimed} is after today ({now.isoformat()}), but cites passages with stance "
            + ", ".join(f"`{stance}`" for stance in stances),
            "only a prediction can be dated in the future: correct the date if the fact is past, or, if the "
            "claim is a prediction, give every citation `stance: predicts`",
            ("date",),
        )


def reviewed_future(claim: Claim, base: FactBase) -> Iterator[Finding]:
    now = today()
    if claim.reviewed and (day := _parse_date(claim.reviewed)) and day > now:
        yield Finding(
            claim.origin,
            f"reviewed {claim.reviewed}, after today ({now.isoformat()})",
            "a review is dated the day it was done: give the day you checked the claim against its documents",
            ("reviewed",),
        )


def reviewed_before_document(claim: Claim, base: FactBase) -> Iterator[Finding]:
    """A review cannot have read a document before it existed as stored (its commit day, or its publication day)."""
    day = _parse_date(claim.reviewed) if claim.reviewed else None
    if day is None:
        return
    for source_id in dict.fromkeys(cit.source for cit in claim.citations):
        source = base.sources.get(source_id)
        if source is None or not source.as_of:  # an unknown source is source-exists'; an undated one, unknown
            continue
        stored = _parse_date(source.as_of)
        if stored and day < stored:
            what = "its commit day" if source.provenance else "published"
            yield Finding(
                claim.origin,
                f"reviewed {claim.reviewed}, before its source {source.id} existed as stored ({what} {source.as_of})",
                "a claim can only be checked against a document one has: correct the review day, or remove "
                "`reviewed` until the claim is checked against every document it cites",
                ("reviewed",),
            )


def date_after_publication(claim: Claim, base: FactBase) -> Iterator[Finding]:
    start = _parse_date(claim.date) if claim.date else None
    if start is None or start > today():  # a claim dated in the future is date-future's
        return
    for cit in claim.citations:
        source = base.sources.get(cit.source)
        published = _parse_date(source.published) if source and source.published else None
        # What an earlier source says may still show a later-dated claim false (weights published in 2024
        # contradict "not open as of 2026"); it cannot support or report it.
        if source and published and start > published and cit.stance not in ("predicts", "contradicts"):
            yield Finding(
                cit.origin,
                f"claim dated {claim.date} cites an article published {source.published} with stance `{cit.stance}`",
                "an article cannot report what had not happened yet: use `stance: predicts` (or `contradicts` if "
                "what it says shows the claim false), or correct the date",
                ("stance",),
            )


@cache
def _parse_date(text: str) -> date | None:
    """The first day of the period a date names (`2024` → 2024-01-01), or None if there is none."""
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except (ValueError, TypeError):
        return None
