"""Step 2b, the named rules: each a small function over the fact base, listed in RULES.

A rule yields Findings; the runner stamps them with the rule's id and severity. Rules with no
function are found while loading (YAML, encoding, schema) and are listed here so that every id
a contributor can meet is documented in one table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import PurePosixPath

from . import quotes, rubric
from .load import Document, Path
from .model import FactBase, Origin
from .problems import ERROR, WARNING, Problem


@dataclass(frozen=True)
class Finding:
    origin: Origin
    message: str
    hint: str = ""
    sub: Path = ()
    key: bool = False


Check = Callable[[FactBase], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    check: Check | None = None
    severity: str = ERROR


def _stem(origin: Origin) -> str:
    return PurePosixPath(origin.doc.path).stem


def file_name(base: FactBase) -> Iterator[Finding]:
    for rec in [*base.models, *base.sources.values()]:
        if _stem(rec.origin) != rec.id:
            yield Finding(
                rec.origin,
                f"id `{rec.id}` does not match the file name `{_stem(rec.origin)}.yaml`",
                f"rename the file to `{rec.id}.yaml`, or change the id",
                sub=("id",),
            )


def duplicate_id(base: FactBase) -> Iterator[Finding]:
    seen: dict[str, Origin] = {}
    for model in base.models:
        if model.id in seen:
            yield Finding(
                model.origin,
                f"model id `{model.id}` is also declared in {seen[model.id].doc.path}",
                "each model has exactly one fact file; merge the two",
                sub=("id",),
            )
        else:
            seen[model.id] = model.origin


def claim_id_unique(base: FactBase) -> Iterator[Finding]:
    for model in base.models:
        seen: dict[str, int] = {}
        for claim in model.claims:
            if claim.id in seen:
                line = claim.origin.doc.where(model.claims[seen[claim.id]].origin.path)[0]
                yield Finding(
                    claim.origin,
                    f"claim id `{claim.id}` is used twice in this model (also line {line})",
                    "claim ids are URL anchors: give this claim its own id",
                    sub=("id",),
                )
            else:
                seen[claim.id] = len(seen)


def claim_duplicate(base: FactBase) -> Iterator[Finding]:
    for model in base.models:
        seen: set[str] = set()
        for claim in model.claims:
            key = " ".join(quotes.fold_quote(claim.statement).casefold().rstrip(".").split())
            if key in seen:
                yield Finding(
                    claim.origin,
                    "another claim of this model makes the same statement",
                    "merge the two claims: put all citations on one",
                    sub=("statement",),
                )
            seen.add(key)


def source_exists(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        for cit in claim.citations:
            if cit.source not in base.sources and cit.source not in base.unchecked_ids:
                yield Finding(
                    cit.origin,
                    f"no source with id `{cit.source}`",
                    "use the id of a record in seeds/ (" + ", ".join(sorted(base.sources)) + ")",
                    sub=("source",),
                )


def quote_verbatim(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        for cit in claim.citations:
            source = base.sources.get(cit.source)
            if source is None or source.text is None or quotes.occurs(cit.quote, source.text):
                continue
            closest = quotes.closest_passage(cit.quote, source.text)
            yield Finding(
                cit.origin,
                f"quote not found in {source.file}",
                f'copy the passage exactly; the closest passage is: "{closest}"',
                sub=("quote",),
            )


def seed_path(base: FactBase) -> Iterator[Finding]:
    for source in base.sources.values():
        seed = base.seed_files.get(source.file)
        if seed is not None and seed.escapes:
            yield Finding(
                source.origin,
                f"{source.file} is a link that leads outside seeds/",
                "put the article itself in seeds/",
                sub=("file",),
            )


def seed_missing(base: FactBase) -> Iterator[Finding]:
    for source in base.sources.values():
        if source.file not in base.seed_files:
            yield Finding(
                source.origin,
                f"seeds/{source.file} does not exist",
                "add the article's text to seeds/ or correct `file`",
                sub=("file",),
            )


def seed_unlisted(base: FactBase) -> Iterator[Finding]:
    listed = {s.file for s in base.sources.values()} | base.unchecked_ids
    for seed in base.seed_files.values():
        if seed.name not in listed:
            yield Finding(
                Origin(_placeholder(seed.display)),
                f"{seed.display} has no metadata record",
                "add seeds/<source-id>.yaml with `file: " + seed.name + "`",
            )


def seed_hash(base: FactBase) -> Iterator[Finding]:
    for source in base.sources.values():
        seed = base.seed_files.get(source.file)
        if seed is not None and not seed.escapes and seed.sha256 != source.sha256:
            yield Finding(
                source.origin,
                f"sha256 of {source.file} is {seed.sha256}, not the recorded value",
                "the seeds are byte-identical copies: restore the file, or record the new hash "
                "if the source really changed",
                sub=("sha256",),
            )


def seed_encoding(base: FactBase) -> Iterator[Finding]:
    for seed in base.seed_files.values():
        if seed.text is None:
            yield Finding(
                Origin(_placeholder(seed.display)), f"{seed.display} is not UTF-8 text", "store the article as UTF-8"
            )


def date_valid(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        if claim.date and _parse_date(claim.date) is None:
            yield Finding(claim.origin, f"date {claim.date} does not exist", "check the day and month", sub=("date",))
    for source in base.sources.values():
        if source.published and _parse_date(source.published) is None:
            yield Finding(
                source.origin, f"date {source.published} does not exist", "check the day and month", sub=("published",)
            )


def confidence_ceiling(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        a = base.assess(claim)
        if rubric.exceeds(claim.confidence, a.ceiling):
            yield Finding(
                claim.origin,
                f"confidence `{claim.confidence}` is above the ceiling `{a.ceiling}` "
                f"(evidence {a.evidence}: S={a.supporting}; agreement {a.agreement}: C={a.contradicting})",
                f"lower the confidence to `{a.ceiling}` or below, or cite more independent "
                "reliable sources (see the methodology page)",
                sub=("confidence",),
            )


def contradiction_status(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        if claim.status == "current" and any(c.stance == "contradicts" for c in claim.citations):
            yield Finding(
                claim.origin,
                "a claim with a contradicting citation has status `current`",
                "set `status: disputed` (or superseded/retracted) and explain in `rationale`",
                sub=("status",),
            )


def rationale_required(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        if claim.rationale:
            continue
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


def status_note(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        if claim.status in ("superseded", "retracted") and not claim.status_note:
            yield Finding(
                claim.origin,
                f"status `{claim.status}` needs a `status_note`",
                "say what replaced the claim or why it was withdrawn",
                sub=("status",),
            )


def date_after_publication(base: FactBase) -> Iterator[Finding]:
    for _, claim in base.claims:
        start = _parse_date(claim.date) if claim.date else None
        if start is None:
            continue
        for cit in claim.citations:
            source = base.sources.get(cit.source)
            published = _parse_date(source.published) if source and source.published else None
            if published and start > published and cit.stance != "predicts":
                yield Finding(
                    cit.origin,
                    f"claim dated {claim.date} cites an article published {source.published} "
                    f"with stance `{cit.stance}`",
                    "an article cannot report what had not happened yet: use `stance: predicts`, or correct the date",
                    sub=("stance",),
                )


def source_unused(base: FactBase) -> Iterator[Finding]:
    cited = {c.source for _, claim in base.claims for c in claim.citations}
    for source in base.sources.values():
        if source.id not in cited:
            yield Finding(
                source.origin,
                f"source `{source.id}` is not cited by any claim",
                "curate its claims into facts/, or remove the source",
                sub=("id",),
            )


@cache
def _parse_date(text: str) -> date | None:
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except (ValueError, TypeError):
        return None


def _placeholder(display: str) -> Document:
    """A stand-in document for files that are not YAML (seed texts): problems point at 1:1."""
    return Document(display, None)


RULES: tuple[Rule, ...] = (
    Rule("encoding", "Fact files are UTF-8 without byte-order mark or NUL bytes."),
    Rule("file-size", "A YAML file is at most 1 MiB."),
    Rule("yaml-syntax", "The file is valid YAML, one document, with plain text keys."),
    Rule("yaml-duplicate-key", "No key appears twice in one mapping (YAML would keep only the last)."),
    Rule("yaml-alias", "No anchors or aliases: every value is written out."),
    Rule("yaml-tag", "No YAML tags such as !!python/object: data is data."),
    Rule("yaml-depth", "Nesting stays shallow (at most 16 levels)."),
    Rule("schema-comment", "The first line names the JSON Schema for editors."),
    Rule("schema", "The file matches its JSON Schema (fields, types, vocabularies, id and date forms)."),
    Rule("format", "Keys in canonical order and layout, as `modelfacts fmt` writes them."),
    Rule("file-name", "A record's id is its file name.", file_name),
    Rule("duplicate-id", "No two fact files declare the same model.", duplicate_id),
    Rule("claim-id-unique", "Claim ids are unique within a model.", claim_id_unique),
    Rule("claim-duplicate", "No two claims of one model make the same statement.", claim_duplicate),
    Rule("source-exists", "Every citation names a source record.", source_exists),
    Rule("quote-verbatim", "Every quote occurs in its source (white space and typography folded).", quote_verbatim),
    Rule("seed-path", "A source's file stays inside seeds/.", seed_path),
    Rule("seed-missing", "Every source record has its text file.", seed_missing),
    Rule("seed-unlisted", "Every text file in seeds/ has a source record.", seed_unlisted),
    Rule("seed-hash", "Each article's SHA-256 matches its record.", seed_hash),
    Rule("seed-encoding", "Articles are UTF-8 text.", seed_encoding),
    Rule("date-valid", "Dates exist on the calendar.", date_valid),
    Rule("confidence-ceiling", "Confidence does not exceed the rubric's ceiling.", confidence_ceiling),
    Rule("contradiction-status", "A contradicted claim is disputed, superseded or retracted.", contradiction_status),
    Rule("rationale-required", "Low, very low and contradicted claims explain their rating.", rationale_required),
    Rule("status-note", "Superseded and retracted claims say why.", status_note),
    Rule(
        "date-after-publication",
        "An article can only predict what happens after it was published.",
        date_after_publication,
    ),
    Rule("source-unused", "Every source is cited by at least one claim.", source_unused, WARNING),
)
RULES_BY_ID = {r.id: r for r in RULES}


def run(base: FactBase) -> list[Problem]:
    problems = []
    for rule in RULES:
        if rule.check is None:
            continue
        for f in rule.check(base):
            problems.append(f.origin.problem(rule.id, f.message, f.hint, sub=f.sub, key=f.key, severity=rule.severity))
    return problems
