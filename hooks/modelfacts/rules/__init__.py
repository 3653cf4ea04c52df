"""Every rule the checker applies, in one table: RULES.

A Rule has an id (shown in brackets in every message), a one-line description (printed on the
methodology page) and `where` it is checked: the module that reports it. A Problem is made only by
`Rule.at`, so each rule id is written here and nowhere else.

Rules on files and bytes (`steps.py`) are reported by the step that meets them (walk, load, schema,
layout). Rules on the fact base are functions in the modules beside this one, by what they look at
(`records`, `evidence`, `documents`, `dates`, `publishers`, `licences`), each given one item of a scope (model,
claim, citation, source, document or the publishers registry) and the fact base, as browser-compat-data's linter runs its rules per
scope; `run` stamps what they find with the rule's id and severity.

The package needs the model's types only for annotations, so the early steps can import it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..problems import WARNING, Problem
from .dates import date_after_publication, date_future, date_valid, reviewed_before_document, reviewed_future
from .documents import provenance_pinned, seed_encoding, seed_hash, seed_missing, seed_path, seed_unlisted
from .evidence import (
    aside_unmarked,
    confidence_ceiling,
    contradiction_status,
    quote_length,
    quote_verbatim,
    rationale_required,
    source_exists,
    status_note,
)
from .licences import licence_class, licence_id, licence_terms, licence_text, openness_licence
from .publishers import publisher_exists, publisher_id_unique, publisher_name_unique, syndicated_from
from .records import (
    claim_duplicate,
    claim_id_unique,
    duplicate_id,
    family_name,
    file_name,
    moved_id_live,
    moved_target,
    source_duplicate,
    source_unused,
    unused_cited,
)
from .rule import SCOPES, Finding, Place, Rule
from .steps import (
    ENCODING,
    FILE_EXTENSION,
    FILE_LINK,
    FILE_SIZE,
    FILE_STRAY,
    FILE_UNEXPECTED,
    FILE_UNREADABLE,
    FORMAT,
    SCHEMA,
    SCHEMA_COMMENT,
    TEXT_CHARACTERS,
    YAML_ALIAS,
    YAML_DEPTH,
    YAML_DUPLICATE_KEY,
    YAML_NUMBER,
    YAML_SYNTAX,
    YAML_TAG,
)

if TYPE_CHECKING:
    from ..model import FactBase

__all__ = ["RULES", "RULES_BY_ID", "SCOPES", "Finding", "Place", "Rule", "run"]

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
    YAML_NUMBER,
    TEXT_CHARACTERS,
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
    Rule(
        "family-name",
        "A family is spelled the same way by all its models (the matrix filters by the exact name) and has a letter "
        "or digit.",
        "rules",
        family_name,
        ("base",),
    ),
    Rule("claim-id-unique", "Claim ids are unique within a model.", "rules", claim_id_unique, ("model",)),
    Rule(
        "claim-duplicate", "No two claims of one model make the same statement.", "rules", claim_duplicate, ("model",)
    ),
    Rule(
        "moved-target",
        "A moved claim leads to a model and claim that exist (`to: <model-id>#<claim-id>`).",
        "rules",
        moved_target,
        ("model",),
    ),
    Rule(
        "moved-id-live",
        "A moved claim's old id is not also the id of a live claim of the same model.",
        "rules",
        moved_id_live,
        ("model",),
    ),
    Rule("source-exists", "Every citation names a source record.", "rules", source_exists, ("citation",)),
    Rule(
        "quote-verbatim",
        "Every quote occurs in its source as whole words (white space and typography folded).",
        "rules",
        quote_verbatim,
        ("citation",),
    ),
    Rule("seed-path", "A source's document stays inside seeds/.", "rules", seed_path, ("source",)),
    Rule("seed-missing", "Every source record has its document.", "rules", seed_missing, ("source",)),
    Rule("seed-unlisted", "Every document in seeds/ has a source record.", "rules", seed_unlisted, ("document",)),
    Rule("seed-hash", "Each document's SHA-256 matches its record.", "rules", seed_hash, ("source",)),
    Rule("seed-encoding", "Documents are UTF-8 text.", "rules", seed_encoding, ("document",)),
    Rule(
        "provenance-pinned",
        "A copied document's url is the file at its recorded commit, and its `published` is the day of its "
        "commit date.",
        "rules",
        provenance_pinned,
        ("source",),
    ),
    Rule("date-valid", "Dates exist on the calendar.", "rules", date_valid, ("claim", "source")),
    Rule(
        "date-future",
        "No source is published after the day of the check, and only a prediction (every citation `predicts`) "
        "is dated after it.",
        "rules",
        date_future,
        ("claim", "source"),
    ),
    Rule(
        "reviewed-future",
        "A claim's review day (`reviewed`) is not after the day of the check.",
        "rules",
        reviewed_future,
        ("claim",),
    ),
    Rule(
        "reviewed-before-document",
        "A claim is not reviewed before a document it cites existed as stored (a copied document's commit day, "
        "an article's publication day).",
        "rules",
        reviewed_before_document,
        ("claim",),
    ),
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
    Rule(
        "aside-unmarked",
        'No rationale or notes holds an old marker such as "(outside these sources)" or "Outside the stored '
        'documents:": what no stored document says goes in `unchecked_context`, which pages mark as not evidence.',
        "rules",
        aside_unmarked,
        ("claim",),
        WARNING,
    ),
    Rule("status-note", "Superseded and retracted claims say why.", "rules", status_note, ("claim",)),
    Rule(
        "date-after-publication",
        "An article can only predict what happens after it was published (or contradict it: an earlier fact "
        "can show a later-dated claim false).",
        "rules",
        date_after_publication,
        ("claim",),
    ),
    Rule(
        "source-unused",
        "Every source is cited by at least one claim, or says in `unused` why not yet.",
        "rules",
        source_unused,
        ("source",),
        WARNING,
    ),
    Rule(
        "unused-cited",
        "A source marked `unused` is cited by no claim.",
        "rules",
        unused_cited,
        ("source",),
    ),
    Rule(
        "quote-length",
        "A quote has at least two words of two or more letters or digits, so that it carries a meaning "
        "(a model-card table row such as `| 8B | 8k |` qualifies).",
        "rules",
        quote_length,
        ("citation",),
    ),
    Rule(
        "source-duplicate",
        "One document, one source: no two records name the same file, nor byte-identical documents of the same "
        "publisher (or of none).",
        "rules",
        source_duplicate,
        ("base",),
    ),
    Rule(
        "publisher-id-unique", "Publisher ids are unique in the registry.", "rules", publisher_id_unique, ("registry",)
    ),
    Rule(
        "publisher-name-unique",
        "No two publishers share a name or alias once case, white space, invisible characters, trailing punctuation "
        "and look-alike letters are set aside.",
        "rules",
        publisher_name_unique,
        ("registry",),
    ),
    Rule(
        "publisher-exists",
        "A source's publisher and a model's developers are ids in the publishers registry.",
        "rules",
        publisher_exists,
        ("model", "source"),
    ),
    Rule(
        "syndicated-from",
        "A syndicated copy names an existing source that is not itself a copy.",
        "rules",
        syndicated_from,
        ("source",),
    ),
    Rule(
        "licence-id",
        "Each licence in the table is one SPDX licence id, spelt as the SPDX License List spells it, or a "
        "`LicenseRef-…`, and appears once.",
        "rules",
        licence_id,
        ("licences",),
    ),
    Rule(
        "licence-class",
        "Only a licence on the SPDX License List, or a LicenseRef whose `equivalent` names one whose conditions it "
        "keeps exactly, can be classed `open` (OSI-approved).",
        "rules",
        licence_class,
        ("licences",),
    ),
    Rule(
        "licence-text",
        "A licence names the source record of its stored text, or says in `not_stored` that none is stored.",
        "rules",
        licence_text,
        ("licences",),
    ),
    Rule(
        "licence-terms",
        "A licence's `terms` name existing claims about licence terms (`<model-id>#<claim-id>`).",
        "rules",
        licence_terms,
        ("licences",),
    ),
    Rule(
        "openness-licence",
        "A claim's asserted licence is an SPDX expression, written as SPDX writes it, of licences in the table.",
        "rules",
        openness_licence,
        ("claim",),
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
