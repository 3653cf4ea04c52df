"""The verdict rules (verdicts.RULES), one case each, on claims built in memory; licences and frameworks too."""

from __future__ import annotations

import pytest
from inmemory import NOWHERE, base, cite, claim, model, source

from modelfacts import frameworks, licences, openness, verdicts
from modelfacts.model import Licence, LicenceTable

TABLE = LicenceTable(
    tuple(
        Licence(ident, ident, cls, "reason", (), NOWHERE, not_stored="x")
        for ident, cls in (
            ("Apache-2.0", "open"),
            ("MIT", "open"),
            ("LicenseRef-Llama-3.1-Community", "restricted"),
            ("LicenseRef-Service-Terms", "proprietary"),
        )
    ),
    NOWHERE,
)


def asserting(ident: str, confidence: str = "high", status: str = "current", date: str | None = None, **asserted):
    """A claim asserting these dimensions' values, citing acme-news (published 2025-03-04)."""
    return claim(
        ident,
        f"Claim {ident}.",
        cite("acme-news", "supports", "Acme Labs released Widget-1"),
        confidence=confidence,
        status=status,
        date=date,
        openness=tuple((d.id, asserted[d.id]) for d in openness.DIMENSIONS if d.id in asserted),
        status_note="replaced" if status == "superseded" else None,
    )


def verdict(*claims, dimension: str = "weights") -> verdicts.Verdict:
    fb = base(model(claims=tuple(claims)))
    fb.licences = TABLE
    return fb.verdicts["widget-1"][dimension]


def test_no_assertion_is_unknown_with_no_claims():
    v = verdict(claim("x", "Nothing about openness.", cite("acme-news", "supports", "Acme Labs")))
    assert (v.verdict, v.confidence, v.as_of, v.rests_on) == ("unknown", None, None, ())


def test_every_dimension_has_a_verdict():
    fb = base(model(claims=(asserting("a", weights="open"),)))
    assert list(fb.verdicts["widget-1"]) == [d.id for d in openness.DIMENSIONS]


@pytest.mark.parametrize(
    "claims, expected, support, against",
    [
        # the highest-rated assertion wins; a different one two levels lower is outweighed
        ((("a", "very high", "open"), ("b", "medium", "closed")), "open", ["a"], []),
        # within one level: disputed, both sides shown
        ((("a", "high", "open"), ("b", "medium", "closed")), "disputed", ["a"], ["b"]),
        ((("a", "high", "open"), ("b", "high", "closed")), "disputed", ["a"], ["b"]),
        # agreeing claims all support the verdict, highest-rated first
        ((("a", "medium", "partial"), ("b", "high", "partial")), "partial", ["b", "a"], []),
        # a lone very-low claim still decides: the confidence says how little that is worth
        ((("a", "very low", "open"),), "open", ["a"], []),
        # a claim saying it is not known is an assertion like any other
        ((("a", "medium", "unknown"),), "unknown", ["a"], []),
    ],
)
def test_the_highest_rated_wins_and_near_disagreement_disputes(claims, expected, support, against):
    v = verdict(*(asserting(i, c, weights=value) for i, c, value in claims))
    assert v.verdict == expected
    assert [a.claim.id for a in v.support] == support
    assert [a.claim.id for a in v.against] == against
    assert v.confidence == max(
        (c for _, c, _ in claims), key=lambda c: ["very low", "low", "medium", "high", "very high"].index(c)
    )


def test_outweighed_assertions_are_kept_apart():
    v = verdict(asserting("a", "very high", weights="open"), asserting("b", "medium", weights="closed"))
    assert [a.claim.id for a in v.outweighed] == ["b"] and v.against == ()


@pytest.mark.parametrize("status", ["superseded", "retracted"])
def test_claims_that_no_longer_stand_take_no_part(status):
    v = verdict(asserting("a", "very high", status, weights="closed"), asserting("b", "low", weights="open"))
    assert (v.verdict, [a.claim.id for a in v.support]) == ("open", ["b"])


def test_a_disputed_claim_still_stands():
    v = verdict(asserting("a", "medium", "disputed", weights="closed"))
    assert v.verdict == "closed"


def test_ties_go_to_later_evidence_then_file_order():
    later = claim(
        "later",
        "Later.",
        cite("rival-news", "supports", "Widget-1 weights"),
        confidence="high",
        openness=(("weights", "open"),),
    )
    fb = base(model(claims=(asserting("first", weights="open"), later)))
    fb.sources["rival-news"] = source("rival-news", published="2026-01-01")
    assert fb.verdicts["widget-1"]["weights"].winner.claim.id == "later"
    assert verdict(asserting("first", weights="open"), asserting("second", weights="open")).winner.claim.id == "first"


@pytest.mark.parametrize(
    "stance, day, as_of",
    [
        ("supports", "2025-09-01", "2025-09-01"),  # the latest passage that supports the winner
        ("mentions", "2026-09-01", "2025-03-04"),  # a mention is no evidence for it
    ],
)
def test_evidence_date_is_the_latest_supporting_passage_the_winner_cites(stance, day, as_of):
    c = claim(
        "a",
        "Two sources.",
        cite("acme-news", "supports", "Acme Labs"),
        cite("rival-news", stance, "Widget-1 weights"),
        openness=(("weights", "open"),),
    )
    fb = base(model(claims=(c,)))
    fb.sources["rival-news"] = source("rival-news", published=day)
    assert fb.verdicts["widget-1"]["weights"].as_of == as_of


@pytest.mark.parametrize(
    "expression, value, cls",
    [
        ("Apache-2.0", "open", "open"),
        ("LicenseRef-Llama-3.1-Community", "partial", "restricted"),
        ("LicenseRef-Service-Terms", "closed", "proprietary"),
        ("MIT AND LicenseRef-Llama-3.1-Community", "partial", "restricted"),  # AND: the most restrictive
        ("MIT OR LicenseRef-Service-Terms", "open", "open"),  # OR: the least restrictive
        ("Apache-2.0 WITH LLVM-exception", "open", "open"),  # an exception only adds permissions
        ("LicenseRef-Not-In-Table", "unknown", None),  # the checker reports it; no class, no value
    ],
)
def test_the_licence_value_comes_from_the_table(expression, value, cls):
    v = verdict(asserting("a", licence=expression), dimension="licence")
    assert (v.verdict, v.licence_class, v.spdx) == (value, cls, expression)


def test_different_licences_with_one_class_still_disagree():
    v = verdict(asserting("a", licence="Apache-2.0"), asserting("b", "medium", licence="MIT"), dimension="licence")
    assert v.verdict == "disputed"


def test_history_shows_each_change_with_its_date_and_claim():
    v = verdict(
        asserting("research", "high", "superseded", "2023-02", weights="partial"),
        asserting("leaked", "medium", "superseded", "2023-03", weights="partial"),
        asserting("open", "high", date="2023-07", weights="open"),
        asserting("undated", weights="open"),
    )
    assert [(s.since, s.assertion.written, s.assertion.claim.id) for s in v.history] == [
        ("2023-02", "partial", "research"),
        ("2023-07", "open", "open"),
    ]
    assert verdict(asserting("one", date="2023-02", weights="open")).history == ()


# Licences: SPDX expressions, parsed by license-expression.


@pytest.mark.parametrize(
    "written, canonical, ids, error",
    [
        ("Apache-2.0", "Apache-2.0", ("Apache-2.0",), None),
        ("apache-2.0", "Apache-2.0", ("Apache-2.0",), None),
        ("GPL-3.0", "GPL-3.0-only", ("GPL-3.0-only",), None),
        ("MIT AND LicenseRef-X", "MIT AND LicenseRef-X", ("MIT", "LicenseRef-X"), None),
        ("Acme-1.0", None, ("Acme-1.0",), "`Acme-1.0`: neither an SPDX licence id nor a `LicenseRef-…` id"),
        ("MIT AND", None, (), "not an SPDX expression"),
        ("Apache-2.0 WITH LLVM-exception", "Apache-2.0 WITH LLVM-exception", ("Apache-2.0",), None),
        ("LLVM-exception", None, (), "can only be used as an exception"),
        ("MIT WITH Apache-2.0", None, (), "cannot be used as an exception"),
        ("", None, (), "the licence is empty"),
    ],
)
def test_parse(written, canonical, ids, error):
    parsed = licences.parse(written)
    assert (parsed.canonical, parsed.ids) == (canonical, ids)
    assert (error is None) == (parsed.error is None) and (error is None or error in parsed.error)


# Frameworks: the mapping, table-tested.


def verdict_map(**values: str) -> dict[str, verdicts.Verdict]:
    return {d.id: verdicts.Verdict("m", d.id, values.get(d.id, "unknown")) for d in openness.DIMENSIONS}


ALL_OPEN = {d.id: "open" for d in openness.DIMENSIONS}


@pytest.mark.parametrize(
    "values, osaid, mof, mof_reached, mof_gaps",
    [
        (ALL_OPEN, "meets", "meets", "Class I: Open Science", []),
        ({**ALL_OPEN, "data": "partial"}, "meets", "partly", "Class II: Open Tooling", ["training data is partial"]),
        ({**ALL_OPEN, "code": "partial"}, "fails", "partly", "Class III: Open Model", ["code is partial"]),
        ({**ALL_OPEN, "licence": "partial"}, "fails", "fails", None, ["licence is partial"]),
        (
            {"weights": "open", "licence": "open"},
            "unknown",
            "unknown",
            None,
            ["unknown: no claim about documentation"],
        ),
        (
            {**ALL_OPEN, "documentation": "disputed"},
            "meets",
            "unknown",
            None,
            ["disputed: the claims about documentation disagree"],
        ),
        (
            {},
            "unknown",
            "unknown",
            None,
            [
                "unknown: no claim about weights",
                "unknown: no claim about licence",
                "unknown: no claim about documentation",
            ],
        ),
    ],
)
def test_framework_mapping(values, osaid, mof, mof_reached, mof_gaps):
    results = frameworks.assess_all(verdict_map(**values))
    assert results["osaid"].status == osaid
    assert results["mof"].status == mof
    assert (results["mof"].reached.name if results["mof"].reached else None) == mof_reached
    assert [g.describe() for g in results["mof"].gaps] == mof_gaps


def test_osaid_names_what_is_missing():
    result = frameworks.assess(frameworks.OSAID, verdict_map(weights="open", licence="open", code="open"))
    assert [g.describe() for g in result.gaps] == ["unknown: no claim about training data"]


def test_every_framework_criterion_is_a_dimension_and_accepts_verdicts():
    for framework in frameworks.FRAMEWORKS:
        for level in framework.levels:
            for criterion in level.criteria:
                assert criterion.dimension in openness.BY_ID
                assert set(criterion.accepts) <= set(openness.VERDICTS)


def test_a_gap_tells_an_asserted_unknown_from_no_claim():
    fb = base(model(claims=(asserting("a", weights="open", licence="Apache-2.0", code="open", data="unknown"),)))
    fb.licences = TABLE
    result = frameworks.assess(frameworks.OSAID, fb.verdicts["widget-1"])
    assert [g.describe() for g in result.gaps] == ["unknown: the claims say training data is not known"]
    assert set(frameworks.STATUSES) == {
        frameworks.Result(frameworks.MOF, None, None, ()).status,
        "partly",
        "unknown",
        "fails",
    }


def test_a_model_is_under_every_licence_its_licence_verdict_rests_on():
    fb = base(
        model(
            claims=(
                asserting("a", licence="MIT AND LicenseRef-Llama-3.1-Community"),
                asserting("b", "medium", licence="Apache-2.0"),
                asserting("c", "very low", licence="LicenseRef-Service-Terms"),  # outweighed: not rested on
            )
        )
    )
    fb.licences = TABLE
    under = verdicts.under_licences(fb)
    assert {i: [(m.id, v.verdict, a.claim.id) for m, v, a in found] for i, found in under.items()} == {
        "MIT": [("widget-1", "disputed", "a")],
        "LicenseRef-Llama-3.1-Community": [("widget-1", "disputed", "a")],
        "Apache-2.0": [("widget-1", "disputed", "b")],
    }
