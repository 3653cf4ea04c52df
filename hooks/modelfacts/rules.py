"""Every rule the checker applies, in one table: RULES.

A Rule has an id (shown in brackets in every message), a one-line description (printed on the
methodology page) and `where` it is checked: the module that reports it. A Problem is made only by
`Rule.at`, so each rule id is written here and nowhere else.

Rules on files and bytes are reported by the step that meets them (walk, load, schema, layout).
Rules on the fact base are functions here, each given one item of a scope (model, claim, citation,
source or document) and the fact base, as browser-compat-data's linter runs its rules per scope;
the runner stamps what they find with the rule's id and severity.

This module needs the model's types only for annotations, so the early steps can import it.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from . import quotes, rubric
from .problems import ERROR, WARNING, Problem

if TYPE_CHECKING:
    from .model import Citation, Claim, FactBase, Model, SeedFile, Source


class Place(Protocol):
    """Where a finding points: an Origin (a node of a YAML file) or a SeedFile (a whole document)."""

    def locate(self, sub: tuple = ()) -> tuple[str, int, int]: ...


@dataclass(frozen=True)
class Finding:
    at: Place
    message: str
    hint: str
    sub: tuple = ()


Check = Callable[[Any, "FactBase"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    where: str
    """The module that reports it: kinds, load, validate or layout; `rules` for the functions here."""
    check: Check | None = None
    scopes: tuple[str, ...] = ()
    """What `check` is given, one item at a time: a key of SCOPES."""
    severity: str = ERROR
    style: bool = False
    """A problem of style only: the file still enters the fact base."""

    def at(self, file: str, line: int, col: int, message: str, hint: str) -> Problem:
        return Problem(file, line, col, self.id, message, hint, self.severity)


SCOPES: dict[str, Callable[[FactBase], Iterable[Any]]] = {
    "model": lambda base: base.models,
    "claim": lambda base: (claim for _, claim in base.claims),
    "citation": lambda base: (cit for _, claim in base.claims for cit in claim.citations),
    "source": lambda base: base.sources.values(),
    "document": lambda base: base.seed_files.values(),
    "base": lambda base: (base,),
}


# --- rules on the fact base, one item at a time ------------------------------------------------


def file_name(record: Model | Source, base: FactBase) -> Iterator[Finding]:
    stem = PurePosixPath(record.origin.doc.path).stem
    if stem != record.id:
        yield Finding(
            record.origin,
            f"id `{record.id}` does not match the file name `{stem}.yaml`",
            f"rename the file to `{record.id}.yaml`, or change the id",
            ("id",),
        )


def duplicate_id(base: FactBase, _: FactBase) -> Iterator[Finding]:
    seen: dict[str, str] = {}
    for model in base.models:
        if model.id in seen:
            yield Finding(
                model.origin,
                f"model id `{model.id}` is also declared in {seen[model.id]}",
                "each model has exactly one fact file; merge the two",
                ("id",),
            )
        else:
            seen[model.id] = model.origin.doc.path
    for source in base.shadowed:
        yield Finding(
            source.origin,
            f"source id `{source.id}` is also declared in {base.sources[source.id].origin.doc.path}",
            "give each source its own id",
            ("id",),
        )


def claim_id_unique(model: Model, base: FactBase) -> Iterator[Finding]:
    seen: dict[str, Claim] = {}
    for claim in model.claims:
        if claim.id in seen:
            line = claim.origin.doc.where(seen[claim.id].origin.path)[0]
            yield Finding(
                claim.origin,
                f"claim id `{claim.id}` is used twice in this model (also line {line})",
                "claim ids are URL anchors: give this claim its own id",
                ("id",),
            )
        else:
            seen[claim.id] = claim


def claim_duplicate(model: Model, base: FactBase) -> Iterator[Finding]:
    seen: set[str] = set()
    for claim in model.claims:
        key = " ".join(quotes.fold_quote(claim.statement).casefold().rstrip(".").split())
        if key in seen:
            yield Finding(
                claim.origin,
                "another claim of this model makes the same statement",
                "merge the two claims: put all citations on one",
                ("statement",),
            )
        seen.add(key)


def source_exists(cit: Citation, base: FactBase) -> Iterator[Finding]:
    if cit.source not in base.sources and cit.source not in base.unchecked_ids:
        close = difflib.get_close_matches(cit.source, base.sources, n=3)
        yield Finding(
            cit.origin,
            f"no source with id `{cit.source}`",
            f"did you mean {' or '.join(f'`{c}`' for c in close)}?"
            if close
            else "use the id of a record in seeds/ (" + ", ".join(sorted(base.sources)) + ")",
            ("source",),
        )


def quote_verbatim(cit: Citation, base: FactBase) -> Iterator[Finding]:
    source = base.sources.get(cit.source)
    if source is None or source.text is None or quotes.occurs(cit.quote, source.text):
        return
    closest = quotes.closest_passage(cit.quote, source.text)
    yield Finding(
        cit.origin,
        f"quote not found in {source.file}",
        f'copy the passage exactly; the closest passage is: "{closest}"',
        ("quote",),
    )


def seed_path(source: Source, base: FactBase) -> Iterator[Finding]:
    seed = base.seed_files.get(source.file)
    if seed is not None and seed.escapes:
        yield Finding(
            source.origin,
            f"{source.file} is a link that leads outside seeds/",
            "put the document itself in seeds/",
            ("file",),
        )


def seed_missing(source: Source, base: FactBase) -> Iterator[Finding]:
    if source.file not in base.seed_files:
        yield Finding(
            source.origin,
            f"seeds/{source.file} does not exist",
            "add the document to seeds/ or correct `file`",
            ("file",),
        )


def seed_unlisted(seed: SeedFile, base: FactBase) -> Iterator[Finding]:
    if seed.name not in base.named_files:
        yield Finding(
            seed,
            f"{seed.display} has no metadata record",
            "add seeds/<source-id>.yaml with `file: " + seed.name + "`",
        )


def seed_hash(source: Source, base: FactBase) -> Iterator[Finding]:
    seed = base.seed_files.get(source.file)
    if seed is not None and seed.sha256 is not None and seed.sha256 != source.sha256:
        yield Finding(
            source.origin,
            f"sha256 of {source.file} is {seed.sha256}, not the recorded value",
            "the seeds are byte-identical copies: restore the file, or record the new hash "
            "if the source really changed",
            ("sha256",),
        )


def seed_encoding(seed: SeedFile, base: FactBase) -> Iterator[Finding]:
    if seed.sha256 is not None and seed.text is None:
        yield Finding(seed, f"{seed.display} is not UTF-8 text", "store the document as UTF-8")


def date_valid(item: Claim | Source, base: FactBase) -> Iterator[Finding]:
    for key in ("date", "published"):  # a claim's date, a source's publication date
        value = getattr(item, key, None)
        if value and _parse_date(value) is None:
            yield Finding(item.origin, f"date {value} does not exist", "check the day and month", (key,))


def confidence_ceiling(claim: Claim, base: FactBase) -> Iterator[Finding]:
    if any(c.source not in base.sources for c in claim.citations):
        return  # the ceiling cannot be judged until every source is known; source-exists says why
    a = base.assess(claim)
    if rubric.exceeds(claim.confidence, a.ceiling):
        yield Finding(
            claim.origin,
            f"confidence `{claim.confidence}` is above the ceiling `{a.ceiling}` "
            f"(evidence {a.evidence}: S={a.supporting}; agreement {a.agreement}: C={a.contradicting})",
            f"lower the confidence to `{a.ceiling}` or below, or cite more independent "
            "reliable sources (see the methodology page)",
            ("confidence",),
        )


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


def source_unused(source: Source, base: FactBase) -> Iterator[Finding]:
    if source.id not in base.citations_by_source:
        yield Finding(
            source.origin,
            f"source `{source.id}` is not cited by any claim",
            "curate its claims into facts/, or remove the source",
            ("id",),
        )


@cache
def _parse_date(text: str) -> date | None:
    try:
        parts = [int(p) for p in text.split("-")]
        return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))
    except (ValueError, TypeError):
        return None


# --- the table ----------------------------------------------------------------------------------

_FACT_FILES = "facts/ and seeds/"

FILE_UNEXPECTED = Rule(
    "file-unexpected",
    f"Under {_FACT_FILES} there are only plain files and folders, and no folder has a record's name.",
    "kinds",
)
FILE_UNREADABLE = Rule("file-unreadable", f"Every file under {_FACT_FILES} can be read.", "kinds")
FILE_LINK = Rule("file-link", "A record is not a link that leads out of its folder.", "kinds")
FILE_EXTENSION = Rule("file-extension", "Records end in `.yaml`, in lower case.", "kinds")
FILE_STRAY = Rule(
    "file-stray",
    "Nothing under facts/ and seeds/ goes unread: no other files in facts/, no hidden files.",
    "kinds",
    severity=WARNING,
)
ENCODING = Rule("encoding", "Fact files are UTF-8 without byte-order mark or NUL bytes.", "load")
FILE_SIZE = Rule("file-size", "A YAML file is at most 1 MiB.", "load")
YAML_SYNTAX = Rule("yaml-syntax", "The file is valid YAML, one document, with plain text keys.", "load")
YAML_DUPLICATE_KEY = Rule(
    "yaml-duplicate-key", "No key appears twice in one mapping (YAML would keep only the last).", "load"
)
YAML_ALIAS = Rule("yaml-alias", "No anchors or aliases: every value is written out.", "load")
YAML_TAG = Rule("yaml-tag", "No YAML tags such as !!python/object: data is data.", "load")
YAML_DEPTH = Rule("yaml-depth", "Nesting stays shallow (at most 16 levels).", "load")
SCHEMA_COMMENT = Rule("schema-comment", "The first line names the JSON Schema for editors.", "layout", style=True)
SCHEMA = Rule(
    "schema", "The file matches its JSON Schema (fields, types, vocabularies, id and date forms).", "validate"
)
FORMAT = Rule("format", "Keys in canonical order and layout, as `modelfacts fmt` writes them.", "layout", style=True)

RULES: tuple[Rule, ...] = (
    FILE_UNEXPECTED,
    FILE_UNREADABLE,
    FILE_LINK,
    FILE_EXTENSION,
    FILE_STRAY,
    ENCODING,
    FILE_SIZE,
    YAML_SYNTAX,
    YAML_DUPLICATE_KEY,
    YAML_ALIAS,
    YAML_TAG,
    YAML_DEPTH,
    SCHEMA_COMMENT,
    SCHEMA,
    FORMAT,
    Rule("file-name", "A record's id is its file name.", "rules", file_name, ("model", "source")),
    Rule(
        "duplicate-id",
        "No two fact files declare the same model, nor two records the same source.",
        "rules",
        duplicate_id,
        ("base",),
    ),
    Rule("claim-id-unique", "Claim ids are unique within a model.", "rules", claim_id_unique, ("model",)),
    Rule(
        "claim-duplicate", "No two claims of one model make the same statement.", "rules", claim_duplicate, ("model",)
    ),
    Rule("source-exists", "Every citation names a source record.", "rules", source_exists, ("citation",)),
    Rule(
        "quote-verbatim",
        "Every quote occurs in its source (white space and typography folded).",
        "rules",
        quote_verbatim,
        ("citation",),
    ),
    Rule("seed-path", "A source's document stays inside seeds/.", "rules", seed_path, ("source",)),
    Rule("seed-missing", "Every source record has its document.", "rules", seed_missing, ("source",)),
    Rule("seed-unlisted", "Every document in seeds/ has a source record.", "rules", seed_unlisted, ("document",)),
    Rule("seed-hash", "Each document's SHA-256 matches its record.", "rules", seed_hash, ("source",)),
    Rule("seed-encoding", "Documents are UTF-8 text.", "rules", seed_encoding, ("document",)),
    Rule("date-valid", "Dates exist on the calendar.", "rules", date_valid, ("claim", "source")),
    Rule(
        "confidence-ceiling",
        "Confidence does not exceed the rubric's ceiling.",
        "rules",
        confidence_ceiling,
        ("claim",),
    ),
    Rule(
        "contradiction-status",
        "A contradicted claim is disputed, superseded or retracted.",
        "rules",
        contradiction_status,
        ("claim",),
    ),
    Rule(
        "rationale-required",
        "Low, very low and contradicted claims explain their rating.",
        "rules",
        rationale_required,
        ("claim",),
    ),
    Rule("status-note", "Superseded and retracted claims say why.", "rules", status_note, ("claim",)),
    Rule(
        "date-after-publication",
        "An article can only predict what happens after it was published.",
        "rules",
        date_after_publication,
        ("claim",),
    ),
    Rule(
        "source-unused",
        "Every source is cited by at least one claim.",
        "rules",
        source_unused,
        ("source",),
        WARNING,
    ),
)
RULES_BY_ID = {r.id: r for r in RULES}


def run(base: FactBase) -> list[Problem]:
    """Every finding of the fact-base rules, each rule given the items of its scopes."""
    problems = []
    for rule in RULES:
        if rule.check is None:
            continue
        for scope in rule.scopes:
            for item in SCOPES[scope](base):
                for f in rule.check(item, base):
                    problems.append(rule.at(*f.at.locate(f.sub), f.message, f.hint))
    return problems
