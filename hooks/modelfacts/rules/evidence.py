"""Rules on citations and ratings: the source exists, the quote is in it, the rating fits the rubric, and
what no document says is not passed off as part of the rationale."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import quotes, rubric
from .rule import Finding, did_you_mean

if TYPE_CHECKING:
    from ..model import Citation, Claim, FactBase


def source_exists(cit: Citation, base: FactBase) -> Iterator[Finding]:
    if cit.source not in base.sources and cit.source not in base.unchecked_ids:
        close = difflib.get_close_matches(cit.source, base.sources, n=3)
        yield Finding(
            cit.origin,
            f"no source with id `{cit.source}`",
            did_you_mean(close, "use the id of a record in seeds/ (" + ", ".join(sorted(base.sources)) + ")"),
            ("source",),
        )


def quote_verbatim(cit: Citation, base: FactBase) -> Iterator[Finding]:
    source = base.sources.get(cit.source)
    if source is None or source.text is None or quotes.occurs(cit.quote, source.text):
        return
    widened = quotes.whole_words(cit.quote, source.text)
    if widened is not None:
        hint = f'the quote starts or ends inside a word; quote whole words: "{widened}"'
    else:
        hint = f'copy the passage exactly; the closest passage is: "{quotes.closest_passage(cit.quote, source.text)}"'
    yield Finding(cit.origin, f"quote not found in {source.file}", hint, ("quote",))


def quote_length(cit: Citation, base: FactBase) -> Iterator[Finding]:
    if not quotes.long_enough(cit.quote):
        yield Finding(
            cit.origin,
            f'the quote "{cit.quote}" is too short to carry a meaning',
            f"quote at least {quotes.MIN_QUOTE_WORDS} words of two or more letters or digits: the passage "
            "that makes the point",
            ("quote",),
        )


def confidence_ceiling(claim: Claim, base: FactBase) -> Iterator[Finding]:
    if any(c.source not in base.sources for c in claim.citations):
        return  # the ceiling cannot be judged until every source is known; source-exists says why
    a = base.assess(claim)
    if not rubric.exceeds(claim.confidence, a.ceiling):
        return
    message = (
        f"confidence `{claim.confidence}` is above the ceiling `{a.ceiling}` "
        f"(evidence {a.evidence}: S={a.supporting}; agreement {a.agreement}: C={a.contradicting})"
    )
    if a.own_effect == "contradicted":
        message += ": the developer's own document contradicts it"
        remedy = f": on topic `{claim.topic}` the developer's own document has the last word"
    else:
        remedy = " or below, or cite more independent reliable sources"
    hint = f"lower the confidence to `{a.ceiling}`{remedy} (see the methodology page)"
    yield Finding(claim.origin, message, hint, ("confidence",))


def contradiction_status(claim: Claim, base: FactBase) -> Iterator[Finding]:
    if claim.status == "current" and any(c.stance == "contradicts" for c in claim.citations):
        yield Finding(
            claim.origin,
            "a claim with a contradicting citation has status `current`",
            "set `status: disputed` (or superseded/retracted) and explain in `rationale`",
            ("status",),
        )


def rationale_required(claim: Claim, base: FactBase) -> Iterator[Finding]:
    if claim.rationale:
        return
    if claim.confidence in ("low", "very low"):
        yield Finding(
            claim.origin,
            f"a `{claim.confidence}` rating needs a rationale",
            "add `rationale:` saying why the evidence is weak",
        )
    elif any(c.stance == "contradicts" for c in claim.citations):
        yield Finding(
            claim.origin, "a contradicted claim needs a rationale", "add `rationale:` explaining the two sides"
        )


def status_note(claim: Claim, base: FactBase) -> Iterator[Finding]:
    if claim.status in ("superseded", "retracted") and not claim.status_note:
        yield Finding(
            claim.origin,
            f"status `{claim.status}` needs a `status_note`",
            "say what replaced the claim or why it was withdrawn",
            ("status",),
        )


OLD_ASIDE = re.compile(r"outside (?:of )?(?:these|the stored|the cited) (?:sources|documents)", re.IGNORECASE)
"""The prose markers curators once wrote for what no stored document says ("(outside these sources)",
"Outside these sources:"); `unchecked_context` replaced them."""


def aside_unmarked(claim: Claim, base: FactBase) -> Iterator[Finding]:
    """Text no document backs, hidden in a rationale or notes, would read as evidence."""
    for key in ("rationale", "notes"):
        text = getattr(claim, key)
        found = OLD_ASIDE.search(text) if text else None
        if found:
            yield Finding(
                claim.origin,
                f"the {key} says “{found[0]}”: it holds context no stored document gives, unmarked",
                "move that text to `unchecked_context:`, which pages mark as not evidence, or cite a document "
                "that says it",
                (key,),
            )
