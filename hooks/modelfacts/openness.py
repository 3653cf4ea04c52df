"""The openness vocabulary: the dimensions a model is judged on, the values a claim may assert of
each, what every value means for every dimension, and the classes of the licence table.

The one place these are defined: the schema, the checker, the verdicts, the pages and the
methodology page all read them here, so a definition readers see is the one the code applies.
"""

from __future__ import annotations

from dataclasses import dataclass

VALUES: tuple[str, ...] = ("open", "partial", "closed", "unknown")
"""What a claim may assert of a dimension (`openness:` on a claim), most open first."""

DISPUTED = "disputed"
VERDICTS: tuple[str, ...] = (*VALUES, DISPUTED)
"""What a computed verdict may be: an asserted value, or `disputed` when claims rated alike disagree."""

VERDICT_MEANING = {
    "open": "Open, as this dimension defines it.",
    "partial": "Open with limits, as this dimension defines them.",
    "closed": "Not open.",
    "unknown": "No claim asserts a value, or a claim says it is not known.",
    DISPUTED: "Claims rated within one level of each other assert different values; both sides are shown.",
}

VERDICT_SYMBOL = {"open": "●", "partial": "◐", "closed": "○", "unknown": "?", DISPUTED: "⚠"}
"""A shape per verdict, so that a verdict never rests on its colour alone."""


@dataclass(frozen=True)
class Dimension:
    id: str
    name: str
    question: str
    meaning: dict[str, str]
    """What each value of VALUES means for this dimension."""


_UNKNOWN = "No claim decides it, or the cited documents say it is not known."

DIMENSIONS: tuple[Dimension, ...] = (
    Dimension(
        "weights",
        "Weights",
        "Can anyone download the trained weights?",
        {
            "open": "Anyone can download them, at most after accepting a licence or signing in, and no cited "
            "document limits them to research or non-commercial use.",
            "partial": "Download needs a request that must be approved, or the weights are for research or "
            "non-commercial use only.",
            "closed": "The weights are not published: the model is used only through the developer's service, or "
            "not at all.",
            "unknown": _UNKNOWN,
        },
    ),
    Dimension(
        "licence",
        "Licence",
        "Under what terms are the weights offered?",
        {
            "open": "A licence of class `open` in the licence table: OSI-approved, or with exactly the conditions of an "
            "approved licence.",
            "partial": "A licence of class `restricted`: it limits use or users (field-of-use or acceptable-use "
            "terms, a user-count threshold, non-commercial terms, a regional exclusion).",
            "closed": "A licence of class `proprietary`: terms of a service, no licence to the weights.",
            "unknown": _UNKNOWN,
        },
    ),
    Dimension(
        "code",
        "Code",
        "Is the code to train and run the model published, and under what terms?",
        {
            "open": "Both training and inference code are published under OSI-approved licences.",
            "partial": "Some code is published (for example inference code only), or code is published under a "
            "restricted or unstated licence.",
            "closed": "No code is published.",
            "unknown": _UNKNOWN,
        },
    ),
    Dimension(
        "data",
        "Training data",
        "Is the training data published, or at least documented?",
        {
            "open": "The training data itself is published.",
            "partial": "Its sources or datasets are named (with proportions, steps or filters), but the data is not "
            "published.",
            "closed": "Only a generic description is given (such as a token count or a cut-off date), or the "
            "developer says the data is not released.",
            "unknown": _UNKNOWN,
        },
    ),
    Dimension(
        "documentation",
        "Documentation",
        "Does the developer document the model in a model card or technical report?",
        {
            "open": "The developer publishes a model card or a technical report or paper about the model.",
            "partial": "Only a README, a list of specifications or API reference pages.",
            "closed": "The developer publishes no documentation of the model itself.",
            "unknown": _UNKNOWN,
        },
    ),
    Dimension(
        "access",
        "Access",
        "How can people use the model?",
        {
            "open": "Anyone can download the model and run it themselves.",
            "partial": "Download only after an approved request, or use only through a hosted API.",
            "closed": "Only through the developer's own app, or not at all (withdrawn, shut down, internal).",
            "unknown": _UNKNOWN,
        },
    ),
)
BY_ID = {d.id: d for d in DIMENSIONS}
LICENCE = "licence"
"""The dimension whose assertion is a licence (an SPDX expression), not a value: its value comes from the
licence table's class."""

LICENCE_CLASSES = {
    "open": "Approved by the Open Source Initiative (OSI), or with exactly the conditions of an approved licence: no "
    "limit on who may use it or for what.",
    "restricted": "Use or user restrictions: field-of-use or acceptable-use terms, user-count thresholds, "
    "non-commercial terms, regional exclusions.",
    "proprietary": "No licence to the weights: use only as the developer's service or terms allow.",
}
"""The classes of seeds/licences.yaml, most open first."""

CLASS_VALUE = {"open": "open", "restricted": "partial", "proprietary": "closed"}
"""The value a licence of each class gives the licence dimension."""

CLASS_ORDER = tuple(LICENCE_CLASSES)
