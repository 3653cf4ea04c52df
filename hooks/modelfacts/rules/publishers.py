"""Rules on publishers as identities: the registry holds each once, and records name them by id.

Independence is decided by publisher id (rubric.group), so these rules are what keeps it honest:
an id twice, or one publisher entered twice under names that only look different, would count
one publisher as two; a record naming an id the registry lacks has no publisher anyone can check.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import names
from .rule import Finding, did_you_mean

if TYPE_CHECKING:
    from ..model import FactBase, Model, Publisher, Registry, Source

REGISTRY = "seeds/publishers.yaml"


def _line(publisher: Publisher) -> int:
    return publisher.origin.doc.where(publisher.origin.path)[0]


def publisher_id_unique(registry: Registry, base: FactBase) -> Iterator[Finding]:
    seen: dict[str, Publisher] = {}
    for publisher in registry.publishers:
        first = seen.setdefault(publisher.id, publisher)
        if first is not publisher:
            yield Finding(
                publisher.origin,
                f"publisher id `{publisher.id}` is used twice (also line {_line(first)})",
                "one publisher, one entry: merge the two, keeping every name as an alias",
                ("id",),
            )


def publisher_name_unique(registry: Registry, base: FactBase) -> Iterator[Finding]:
    owners: dict[str, tuple[Publisher, str]] = {}
    for publisher in registry.publishers:
        spelt = [(("name",), publisher.name)] + [(("aliases", i), a) for i, a in enumerate(publisher.aliases)]
        for sub, name in spelt:
            other, other_name = owners.setdefault(names.key(name), (publisher, name))
            if other is publisher:
                continue  # one entry may spell its own name twice; it is still one publisher
            shown = names.reveal(name)
            same = "is" if name == other_name else "reads as" if shown == name else f"(`{shown}`) reads as"
            yield Finding(
                publisher.origin,
                f"`{name}` {same} `{other_name}`, a name of publisher `{other.id}` (line {_line(other)}); "
                "names are compared without case, extra or invisible spaces, trailing punctuation "
                "and look-alike letters",
                f"one publisher, one entry: if it is `{other.id}`, name that id in its records and "
                "remove this entry; if not, give it a name readers can tell apart",
                sub,
            )


def _references(record: Model | Source) -> list[tuple[tuple, str]]:
    """(where, id) of every publisher a record names: a model's developers, a source's publisher."""
    developers = getattr(record, "developers", None)
    if developers is not None:
        return [(("developers", i), ident) for i, ident in enumerate(developers)]
    publisher = getattr(record, "publisher", None)
    return [(("publisher",), publisher)] if publisher else []


def _suggest(ident: str, registry: Registry) -> str:
    wanted = names.key(ident.replace("-", " "))
    by_name = [p.id for p in registry.publishers if wanted in map(names.key, (p.name, *p.aliases))]
    close = by_name or difflib.get_close_matches(ident, registry.by_id, n=3)
    if registry.origin is None:
        return did_you_mean(
            close, f"create {REGISTRY} with an entry `- id: {ident}` (its name and aliases), or correct the id"
        )
    return did_you_mean(
        close, f"add an entry `- id: {ident}` to {REGISTRY} (its name and aliases), or use the id it has there"
    )


def publisher_exists(record: Model | Source, base: FactBase) -> Iterator[Finding]:
    registry = base.registry
    if registry is None:
        return  # the registry failed its own checks: no id can be judged until it is fixed
    for sub, ident in _references(record):
        if ident not in registry.by_id:
            what = "developer" if sub[0] == "developers" else "publisher"
            yield Finding(
                record.origin, f"no publisher with id `{ident}` in {REGISTRY} ({what})", _suggest(ident, registry), sub
            )


def syndicated_from(source: Source, base: FactBase) -> Iterator[Finding]:
    original_id = source.syndicated_from
    if original_id is None or original_id in base.unchecked_ids:
        return
    original = base.sources.get(original_id)
    if original_id == source.id:
        message, hint = "a source cannot be a copy of itself", "name the original's source id, or remove the field"
    elif original is None:
        close = difflib.get_close_matches(original_id, base.sources, n=3)
        message = f"no source with id `{original_id}` to be a copy of"
        hint = did_you_mean(close, "add the original's source record first, or remove the field")
    elif original.syndicated_from is not None:
        message = f"`{original_id}` is itself a copy (of `{original.syndicated_from}`)"
        hint = f"name the original: `syndicated_from: {original.syndicated_from}`"
    else:
        return
    yield Finding(source.origin, message, hint, ("syndicated_from",))
