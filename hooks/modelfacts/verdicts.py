"""Step 4, verdicts: how open each model is on each dimension, computed from the claims, never typed.

The rules (RULES, printed on the methodology page word for word) are applied by `decide`:
the claims that assert a dimension and stand (status current or disputed) compete; the
highest-rated wins (on a tie, the one whose evidence is later, then the first in the file); a
different assertion rated within one level of it makes the verdict `disputed`; none makes it
`unknown`. Superseded claims still tell the dimension's history.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import licences, openness, rubric

if TYPE_CHECKING:
    from .model import Claim, FactBase, Model

STANDING = ("current", "disputed")
"""Statuses whose assertions decide today's verdict."""
HISTORICAL = (*STANDING, "superseded")
"""Statuses whose dated assertions tell a dimension's history (a retracted claim tells nothing)."""

RULES = (
    f"Only claims that assert a value for the dimension (their `openness` field) and whose status is "
    f"{' or '.join(STANDING)} take part; other claims do not.",
    "No such claim: the verdict is `unknown`.",
    "The assertion of the highest-rated claim wins. Of claims rated alike, the one whose evidence is later wins, "
    "then the first in the fact file.",
    "If a claim asserting something different is rated within one level of the winner, the verdict is `disputed`, "
    "and both sides are shown. A different assertion rated two or more levels lower is shown as outweighed.",
    "For the licence, the assertion is an SPDX expression; two claims disagree when their expressions differ. The "
    "value is the class the licence table gives the expression: under AND the most restrictive licence decides, "
    "under OR the least restrictive, and `X WITH exception` has X's class. An expression naming a licence the table "
    "lacks has no class, so its value is `unknown` (and the checker reports the licence).",
    "A verdict's confidence is the winning claim's rating, and its evidence date is the latest date of the "
    "passages that support that claim: an article's publication day, a copied document's commit day.",
    "A verdict rests on the claims that assert its value (and, when disputed, on those of the other side).",
    f"A dimension has a history when its dated claims ({', '.join(HISTORICAL)}), taken in date order, assert "
    "different things: each change is shown with its date and claim.",
)


@dataclass(frozen=True)
class Assertion:
    """What one claim asserts of one dimension."""

    model: Model
    claim: Claim
    written: str
    """As the claim writes it: a value, or for the licence an SPDX expression."""
    value: str
    """One of openness.VALUES (for the licence, from its class)."""
    licence_class: str | None
    as_of: str | None
    """The latest as-of day of the passages that support it."""
    order: int
    """Its place among the model's claims."""

    @property
    def rank(self) -> int:
        return rubric.rank(self.claim.confidence)


@dataclass(frozen=True)
class Step:
    """A point of a dimension's history: from `since`, the claim asserts `assertion.written`."""

    since: str
    assertion: Assertion


@dataclass(frozen=True)
class Verdict:
    model: str
    dimension: str
    verdict: str
    """One of openness.VERDICTS."""
    winner: Assertion | None = None
    support: tuple[Assertion, ...] = ()
    """The claims that assert the winning value, highest-rated first."""
    against: tuple[Assertion, ...] = ()
    """When disputed: the claims within one level of the winner that assert something else."""
    outweighed: tuple[Assertion, ...] = ()
    """Different assertions rated two or more levels below the winner."""
    history: tuple[Step, ...] = ()

    @property
    def confidence(self) -> str | None:
        return self.winner.claim.confidence if self.winner else None

    @property
    def as_of(self) -> str | None:
        return self.winner.as_of if self.winner else None

    @property
    def spdx(self) -> str | None:
        """The licence dimension's SPDX expression (the winner's)."""
        return self.winner.written if self.winner and self.dimension == openness.LICENCE else None

    @property
    def licence_class(self) -> str | None:
        return self.winner.licence_class if self.winner else None

    @property
    def rests_on(self) -> tuple[Assertion, ...]:
        return self.support + self.against


def _as_of(claim: Claim, base: FactBase) -> str | None:
    """The latest day of the passages that support the claim (a mention or a contradiction is not its evidence)."""
    days = [
        s.as_of
        for c in claim.citations
        if c.stance == "supports" and (s := base.sources.get(c.source)) is not None and s.as_of
    ]
    return max(days, default=None)


def _assertion(model: Model, claim: Claim, order: int, dimension: str, base: FactBase) -> Assertion | None:
    written = claim.asserts(dimension)
    if written is None:
        return None
    licence_class = None
    if dimension == openness.LICENCE:
        parsed = licences.parse(written)
        classes = base.licences.classes if base.licences is not None else {}
        licence_class = licences.expression_class(parsed.canonical, classes) if parsed.canonical else None
        value = openness.CLASS_VALUE.get(licence_class or "", "unknown")
        written = parsed.canonical or written
    else:
        value = written
    return Assertion(model, claim, written, value, licence_class, _as_of(claim, base), order)


def assertions(model: Model, dimension: str, base: FactBase) -> list[Assertion]:
    """Every assertion the model's claims make of a dimension, in file order."""
    found = (_assertion(model, claim, i, dimension, base) for i, claim in enumerate(model.claims))
    return [a for a in found if a is not None]


def decide(model: str, dimension: str, asserted: Iterable[Assertion]) -> Verdict:
    """The verdict of one dimension from its assertions (RULES, in this order)."""
    asserted = list(asserted)
    standing = [a for a in asserted if a.claim.status in STANDING]
    history = _history(asserted)
    if not standing:
        return Verdict(model, dimension, "unknown", history=history)
    winner = max(standing, key=lambda a: (a.rank, a.as_of or "", -a.order))
    by_rank = sorted(standing, key=lambda a: (-a.rank, a.order))
    support = tuple(a for a in by_rank if a.written == winner.written)
    against = tuple(a for a in by_rank if a.written != winner.written and a.rank >= winner.rank - 1)
    outweighed = tuple(a for a in by_rank if a.written != winner.written and a.rank < winner.rank - 1)
    verdict = openness.DISPUTED if against else winner.value
    return Verdict(model, dimension, verdict, winner, support, against, outweighed, history)


def _history(asserted: list[Assertion]) -> tuple[Step, ...]:
    dated = sorted(
        (a for a in asserted if a.claim.date and a.claim.status in HISTORICAL),
        key=lambda a: (a.claim.date or "", a.order),
    )
    steps: list[Step] = []
    for a in dated:
        if not steps or steps[-1].assertion.written != a.written:
            steps.append(Step(a.claim.date or "", a))
    return tuple(steps) if len(steps) > 1 else ()


def of_model(model: Model, base: FactBase) -> dict[str, Verdict]:
    """A verdict for every dimension, in openness.DIMENSIONS order."""
    return {d.id: decide(model.id, d.id, assertions(model, d.id, base)) for d in openness.DIMENSIONS}


def under_licences(base: FactBase) -> dict[str, list[tuple[Model, Verdict, Assertion]]]:
    """For each licence id, the models whose licence verdict rests on an expression naming it (on either side of
    a dispute), each once, with its verdict and the assertion that names the licence: what a licence's page and
    data list as the models under it."""
    under: dict[str, list[tuple[Model, Verdict, Assertion]]] = {}
    for model in base.models:
        verdict = base.verdicts.get(model.id, {}).get(openness.LICENCE)
        if verdict is None:
            continue
        named: set[str] = set()
        for assertion in verdict.rests_on:
            for ident in licences.parse(assertion.written).ids:
                if ident not in named:
                    named.add(ident)
                    under.setdefault(ident, []).append((model, verdict, assertion))
    return under


def of_base(base: FactBase) -> dict[str, dict[str, Verdict]]:
    """Every model's verdicts, by model id, in the fact base's order."""
    return {model.id: of_model(model, base) for model in base.models}
