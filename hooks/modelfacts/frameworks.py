"""Published openness frameworks, mapped onto the verdicts: one fact base, several frameworks' results.

Neither framework's text is stored, so each is named with its version, and its criteria are encoded
here as the verdicts they need: the mapping the methodology page prints and the pages apply. A
framework is a ladder of classes, lowest first; each class adds criteria to the one below. A
model reaches a class when every criterion up to it is met; for the next class up, its result
says which criteria fail and which lack evidence ("unknown: no claim about training data").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import openness

if TYPE_CHECKING:
    from .verdicts import Verdict


@dataclass(frozen=True)
class Criterion:
    dimension: str
    accepts: tuple[str, ...]
    """The verdicts that meet it."""
    text: str
    """What the framework asks, in our words."""


@dataclass(frozen=True)
class Level:
    name: str
    criteria: tuple[Criterion, ...]
    """What this class adds to the one below it."""


@dataclass(frozen=True)
class Framework:
    id: str
    name: str
    version: str
    url: str
    summary: str
    levels: tuple[Level, ...]
    """Lowest first."""
    not_encoded: str
    """What the framework asks that no dimension here measures: its results cannot speak for it."""


_WEIGHTS = Criterion("weights", ("open",), "The trained weights can be downloaded by anyone.")
_LICENCE = Criterion("licence", ("open",), "The weights are under an OSI-approved licence.")

OSAID = Framework(
    "osaid",
    "OSI Open Source AI Definition",
    "1.0 (Open Source Initiative, October 2024)",
    "https://opensource.org/ai/open-source-ai-definition",
    "An AI system is open source when its parameters, its code and information about its training data are "
    "available under terms that grant the freedoms to use, study, modify and share it.",
    (
        Level(
            "Open Source AI",
            (
                _WEIGHTS,
                _LICENCE,
                Criterion(
                    "code", ("open",), "The code to train and run the model is published under OSI-approved licences."
                ),
                Criterion(
                    "data",
                    ("open", "partial"),
                    "Detailed information about the training data is published: its sources named, or the data itself.",
                ),
            ),
        ),
    ),
    "Whether the data information is detailed enough for a skilled person to build a substantially equivalent "
    "system, and the terms of the data information and documentation.",
)

MOF = Framework(
    "mof",
    "Model Openness Framework",
    "v1 (LF AI & Data Foundation, arXiv 2403.13784, 2024)",
    "https://arxiv.org/abs/2403.13784",
    "Three classes of completeness and openness, each under open licences: Class III (open model), Class II (open "
    "tooling), Class I (open science).",
    (
        Level(
            "Class III: Open Model",
            (
                _WEIGHTS,
                _LICENCE,
                Criterion(
                    "documentation", ("open",), "A model card or technical report is published by the developer."
                ),
            ),
        ),
        Level(
            "Class II: Open Tooling",
            (Criterion("code", ("open",), "Training and inference code are published under OSI-approved licences."),),
        ),
        Level(
            "Class I: Open Science",
            (Criterion("data", ("open",), "The training datasets themselves are published."),),
        ),
    ),
    "The model architecture code, evaluation code, data and results, the data card, intermediate checkpoints and "
    "data preprocessing code, and the licences of documentation and data.",
)

FRAMEWORKS: tuple[Framework, ...] = (OSAID, MOF)
BY_ID = {f.id: f for f in FRAMEWORKS}


STATUSES = {
    "meets": "It reaches the framework's top class.",
    "partly": "It reaches a lower class, not the top one.",
    "unknown": "It reaches no class, and nothing fails: evidence is missing.",
    "fails": "It reaches no class: a verdict fails a criterion of the lowest.",
}
"""What a model's result on a framework may be (Result.status)."""


@dataclass(frozen=True)
class Gap:
    """A criterion of the next class up that is not met."""

    criterion: Criterion
    verdict: str
    """The dimension's verdict: a value that fails it, or `unknown` / `disputed` (evidence missing)."""
    asserted: bool = False
    """Whether a claim decides the verdict: an `unknown` a claim asserts is not an `unknown` no claim speaks to."""

    @property
    def missing_evidence(self) -> bool:
        return self.verdict in ("unknown", openness.DISPUTED)

    def describe(self) -> str:
        name = openness.BY_ID[self.criterion.dimension].name.lower()
        if self.verdict == "unknown":
            return (
                f"unknown: the claims say {name} is not known" if self.asserted else f"unknown: no claim about {name}"
            )
        if self.verdict == openness.DISPUTED:
            return f"disputed: the claims about {name} disagree"
        return f"{name} is {self.verdict}"


@dataclass(frozen=True)
class Result:
    framework: Framework
    reached: Level | None
    """The highest class whose criteria, and those of every class below, are all met."""
    next: Level | None
    """The class above it, if any."""
    gaps: tuple[Gap, ...]
    """What keeps the model from `next`."""

    @property
    def status(self) -> str:
        """One of STATUSES."""
        if self.next is None:
            return "meets"
        if self.reached is not None:
            return "partly"
        return "unknown" if all(g.missing_evidence for g in self.gaps) else "fails"


def assess(framework: Framework, verdicts: Mapping[str, Verdict]) -> Result:
    """Where a model's verdicts put it in a framework."""
    reached = None
    for level in framework.levels:
        gaps = tuple(
            Gap(c, verdicts[c.dimension].verdict, verdicts[c.dimension].winner is not None)
            for c in level.criteria
            if verdicts[c.dimension].verdict not in c.accepts
        )
        if gaps:
            return Result(framework, reached, level, gaps)
        reached = level
    return Result(framework, reached, None, ())


def assess_all(verdicts: Mapping[str, Verdict]) -> dict[str, Result]:
    """A model's result on every framework, by framework id."""
    return {f.id: assess(f, verdicts) for f in FRAMEWORKS}
