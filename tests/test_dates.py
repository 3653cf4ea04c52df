"""rules/dates.py: what `date` and `published` may say about the day of the check, which tests name."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from conftest import ARTICLE, model_record, source_record

from modelfacts.check import check_root
from modelfacts.rules import dates
from modelfacts.rules.dates import TODAY_VARIABLE

TODAY = "2026-01-15"


@pytest.fixture
def on_day(monkeypatch):
    monkeypatch.setenv(TODAY_VARIABLE, TODAY)


def found(root):
    return [(p.file, p.rule, p.line, p.col, p.message) for p in check_root(root).problems]


def dated(claim_date: str, *stances: str) -> dict:
    """The valid model with its first claim dated `claim_date` and its citations given these stances."""
    record = model_record()
    claim = record["claims"][0]
    claim["date"] = claim_date
    claim["citations"] = [dict(claim["citations"][0], stance=s) for s in stances]
    if set(stances) != {"supports"}:  # without support the ceiling falls
        claim.update(confidence="very low", rationale="Only announced so far.")
    return record


def test_a_source_published_after_today_is_an_error(project, on_day):
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE, published="2026-01-16"))
    assert found(project.root) == [
        ("seeds/acme-news.yaml", "date-future", 8, 12, "published 2026-01-16, after today (2026-01-15)")
    ]


def test_a_source_published_today_is_not(project, on_day):
    project.write_source(source_record("acme-news", "acme.txt", ARTICLE, published=TODAY))
    assert found(project.root) == []


@pytest.mark.parametrize("claim_date", ["2026-02", "2027", "2026-01-16"])
def test_a_claim_dated_after_today_is_only_a_prediction(project, on_day, claim_date):
    project.write_model(dated(claim_date, "predicts", "predicts"))
    assert found(project.root) == []
    project.write_model(dated(claim_date, "predicts", "supports"))
    ((file, rule, line, col, message),) = found(project.root)  # date-after-publication stays silent
    assert (file, rule, line, col) == ("facts/widget-1.yaml", "date-future", 12, 11)
    assert message == f"claim dated {claim_date} is after today (2026-01-15), but cites passages with stance `supports`"


@pytest.mark.parametrize("claim_date", ["2026", "2026-01", TODAY])
def test_a_period_that_has_begun_is_not_in_the_future(project, on_day, claim_date):
    project.write_model(dated(claim_date, "predicts"))
    assert found(project.root) == []


def test_a_claim_dated_after_today_citing_an_undated_source_is_still_only_a_prediction(project, on_day):
    text = ARTICLE
    project.write_source(source_record("acme-news", "acme.txt", text, published=None, date_note="Undated."))
    project.write_model(dated("2026-06", "mentions"))
    assert [(rule, line) for _, rule, line, _, _ in found(project.root)] == [("date-future", 12)]


def test_date_after_publication_still_holds_for_past_dates(project, on_day):
    project.write_model(dated("2025-06", "supports"))
    assert [rule for _, rule, _, _, _ in found(project.root)] == ["date-after-publication"]


@pytest.mark.parametrize("stance, reported", [("mentions", True), ("contradicts", False), ("predicts", False)])
def test_an_earlier_source_may_contradict_a_later_claim(project, on_day, stance, reported):
    project.write_model(dated("2025-06", stance))
    rules = [rule for _, rule, _, _, _ in found(project.root)]
    assert ("date-after-publication" in rules) == reported


def test_today_is_the_real_day_unless_a_test_names_another(monkeypatch):
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    before = (datetime.now(UTC) + timedelta(hours=14)).date()
    assert dates.today() in (before, before + timedelta(days=1))
    assert dates.today() >= datetime.now(UTC).date()  # a day that has begun somewhere is never the future
    monkeypatch.setenv(TODAY_VARIABLE, "2030-02-03")
    assert dates.today() == date(2030, 2, 3)
    monkeypatch.setenv(TODAY_VARIABLE, "tomorrow")
    with pytest.raises(ValueError, match="MODELFACTS_TODAY must name a day as YYYY-MM-DD, not 'tomorrow'"):
        dates.today()


def test_the_check_uses_the_real_day_by_default(project, monkeypatch):
    monkeypatch.delenv(TODAY_VARIABLE, raising=False)
    text = ARTICLE
    tomorrow = (dates.today() + timedelta(days=1)).isoformat()
    project.write_source(source_record("acme-news", "acme.txt", text, published=tomorrow))
    assert [rule for _, rule, _, _, _ in found(project.root)] == ["date-future"]
    project.write_source(source_record("acme-news", "acme.txt", text, published=dates.today().isoformat()))
    assert found(project.root) == []
