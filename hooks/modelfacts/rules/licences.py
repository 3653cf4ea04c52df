"""Rules on licences: the table's entries are real licence ids with a class, a text or a word on why
none is stored, and claims for their terms; a claim's licence is an SPDX expression of ids in the table.

The class of every licence a claim names decides the licence verdict, so a licence missing from the
table, or spelt two ways, would silently leave a model without one.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import licences, openness
from .rule import Finding, did_you_mean

if TYPE_CHECKING:
    from ..model import Claim, FactBase, Licence, LicenceTable

TABLE = "seeds/licences.yaml"
"""kinds.LICENCES's file (kinds imports this package, so it is named here as publishers.REGISTRY is)."""


def _line(entry: Licence) -> int:
    return entry.origin.doc.where(entry.origin.path)[0]


def licence_id(table: LicenceTable, base: FactBase) -> Iterator[Finding]:
    seen: dict[str, Licence] = {}
    for entry in table.licences:
        parsed = licences.parse(entry.id)
        if parsed.error or len(parsed.ids) != 1:
            yield Finding(
                entry.origin,
                parsed.error or f"`{entry.id}` is an expression of several licences, not one licence id",
                "give one SPDX licence id as the SPDX License List spells it (`Apache-2.0`), or `LicenseRef-<name>`",
                ("id",),
            )
        elif parsed.canonical != entry.id:
            yield Finding(
                entry.origin,
                f"`{entry.id}` is written `{parsed.canonical}` on the SPDX License List",
                f"write `{parsed.canonical}`, here and in every claim that names it",
                ("id",),
            )
        first = seen.setdefault(entry.id, entry)
        if first is not entry:
            yield Finding(
                entry.origin,
                f"licence `{entry.id}` is in the table twice (also line {_line(first)})",
                "one licence, one entry: merge the two",
                ("id",),
            )


def licence_class(table: LicenceTable, base: FactBase) -> Iterator[Finding]:
    for entry in table.licences:
        if entry.equivalent is not None and not licences.is_spdx(entry.equivalent):
            yield Finding(
                entry.origin,
                f"`{entry.equivalent}` is not an id of the SPDX License List",
                "name the listed licence whose conditions it keeps (`MIT`), or remove `equivalent`",
                ("equivalent",),
            )
        elif entry.licence_class == "open" and not licences.is_spdx(entry.id) and entry.equivalent is None:
            yield Finding(
                entry.origin,
                f"`{entry.id}` is classed `open`, which means OSI-approved, but it is not on the SPDX License List",
                "class it `restricted` or `proprietary` by its terms; or, if its conditions are exactly those of an "
                "OSI-approved licence, name that licence in `equivalent`",
                ("class",),
            )


def licence_text(table: LicenceTable, base: FactBase) -> Iterator[Finding]:
    for entry in table.licences:
        if (entry.text is None) == (entry.not_stored is None):
            yield Finding(
                entry.origin,
                f"licence `{entry.id}` has both `text` and `not_stored`"
                if entry.text
                else f"licence `{entry.id}` has neither `text` nor `not_stored`",
                "name its stored text's source record in `text`, or say in `not_stored` that no text is stored",
                (),
            )
        elif entry.text is not None and entry.text not in base.sources and entry.text not in base.unchecked_ids:
            close = difflib.get_close_matches(entry.text, base.sources, n=3)
            yield Finding(
                entry.origin,
                f"no source record `{entry.text}` for the text of licence `{entry.id}`",
                did_you_mean(close, "name the source record of the licence's document (seeds/<id>.yaml)"),
                ("text",),
            )


def licence_terms(table: LicenceTable, base: FactBase) -> Iterator[Finding]:
    claims = {f"{m.id}#{c.id}": c for m, c in base.claims}
    for entry in table.licences:
        for i, ref in enumerate(entry.terms):
            claim = claims.get(ref)
            if claim is None and ref.partition("#")[0] not in base.unchecked_ids:
                close = difflib.get_close_matches(ref, claims, n=3)
                yield Finding(
                    entry.origin,
                    f"no claim `{ref}` for the terms of licence `{entry.id}`",
                    did_you_mean(close, "name a claim as `<model-id>#<claim-id>`"),
                    ("terms", i),
                )
            elif claim is not None and claim.topic != "license":
                yield Finding(
                    entry.origin,
                    f"claim `{ref}` is about `{claim.topic}`, not the terms of a licence",
                    "list claims of topic `license` that quote the licence's terms",
                    ("terms", i),
                )


def openness_licence(claim: Claim, base: FactBase) -> Iterator[Finding]:
    written = claim.asserts(openness.LICENCE)
    if written is None:
        return
    where = ("openness", openness.LICENCE)
    parsed = licences.parse(written)
    if parsed.error:
        yield Finding(
            claim.origin,
            parsed.error,
            "write an SPDX expression of licence ids (`Apache-2.0`, `MIT AND LicenseRef-Llama-3.1-Community`)",
            where,
        )
        return
    if parsed.canonical != written:
        yield Finding(
            claim.origin,
            f"`{written}` is written `{parsed.canonical}` in SPDX",
            f"write `{parsed.canonical}`",
            where,
        )
    table = base.licences
    if table is None:
        return  # the table failed its own check: no id can be judged
    for ident in parsed.ids:
        if ident not in table.by_id:
            close = difflib.get_close_matches(ident, table.by_id, n=3)
            yield Finding(
                claim.origin,
                f"licence `{ident}` is not in {TABLE}",
                did_you_mean(close, f"add `- id: {ident}` to {TABLE} with its name, class and reason"),
                where,
            )
