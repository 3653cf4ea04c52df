"""Step 3, model: plain dataclasses built from schema-valid documents.

Every object remembers the document and path it came from, so a rule can point at the exact line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from . import openness, provenance, rubric
from .load import Document, Path


@dataclass(frozen=True, slots=True)
class Origin:
    doc: Document = field(repr=False, compare=False)
    path: Path = ()

    def locate(self, sub: Path = ()) -> tuple[str, int, int]:
        """File, line and column of the node at `sub` below this one (or of its nearest ancestor)."""
        return (self.doc.path, *self.doc.where(self.path + tuple(sub)))


@dataclass(frozen=True)
class Provenance:
    """Where a document copied from a developer's repository came from (see provenance.py)."""

    repository: str
    path: str
    branch: str
    commit: str
    commit_date: str
    last_change_commit: str
    note: str | None = None


@dataclass(frozen=True)
class Source:
    id: str
    file: str
    sha256: str
    title: str
    publisher: str | None
    """The id of its publisher in the registry, or None when unknown."""
    authors: tuple[str, ...]
    published: str | None
    url: str | None
    kind: str
    document: str
    """What the document is (provenance.DOCUMENT_TYPES): an article, a licence, a model card."""
    reliability: str
    reliability_note: str
    origin: Origin = field(repr=False, compare=False)
    date_note: str | None = None
    notes: str | None = None
    syndicated_from: str | None = None
    """For a syndicated copy: the id of its original's source record."""
    provenance: Provenance | None = None
    """For a document copied from a developer's repository: where it came from."""
    about: tuple[str, ...] = ()
    """The models the document speaks about, as it names them."""
    unused: str | None = None
    """Why no claim cites it yet: silences `source-unused`, and is shown on the sources index."""
    text: str | None = field(default=None, repr=False, compare=False)
    """The article's text, when its file could be read."""

    @property
    def as_of(self) -> str | None:
        """The day what it says is evidence as of: a copied document's commit day, else its publication day."""
        return provenance.commit_day(self.provenance.commit_date) if self.provenance else self.published


@dataclass(frozen=True, slots=True)
class Citation:
    source: str
    stance: str
    quote: str
    origin: Origin = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    statement: str
    topic: str
    confidence: str
    status: str
    citations: tuple[Citation, ...]
    origin: Origin = field(repr=False, compare=False)
    date: str | None = None
    status_note: str | None = None
    rationale: str | None = None
    notes: str | None = None
    date_basis: str = "source"
    """Where `date` comes from (rubric.DATE_BASES): a cited passage, or the curators."""
    unchecked_context: str | None = None
    """What the curators know but no stored document says: shown as such, never evidence."""
    openness: tuple[tuple[str, str], ...] = ()
    """(dimension, value) for each openness dimension it asserts, in openness.DIMENSIONS order; for the
    licence the value is an SPDX expression."""
    reviewed: str | None = None
    """ISO date on which curators last checked the claim against its documents (a commit is not a review)."""

    def asserts(self, dimension: str) -> str | None:
        """What it asserts of a dimension, or None."""
        return next((v for d, v in self.openness if d == dimension), None)


@dataclass(frozen=True, slots=True)
class Moved:
    """A claim that moved away from a model: its old id, and the model and claim it is now."""

    id: str
    model: str
    claim: str
    origin: Origin = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class Model:
    id: str
    name: str
    developers: tuple[str, ...]
    """Publisher ids; empty when the developer is not known."""
    modality: tuple[str, ...]
    aliases: tuple[str, ...]
    claims: tuple[Claim, ...]
    origin: Origin = field(repr=False, compare=False)
    family: str | None = None
    moved: tuple[Moved, ...] = ()
    """Claims that moved elsewhere: their old anchors stay on the model's page."""


class Named(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...


def by_name(item: Named) -> tuple[str, str]:
    """The order readers see models and licences in: by name regardless of case, then by id, since two may share
    a name that differs only in case (LLaMA, Llama) and a tie must not fall to hash order (builds would differ)."""
    return item.name.casefold(), item.id


@dataclass(frozen=True)
class SeedFile:
    """A document in seeds/ (an article, a licence, a model card), as found on disk."""

    name: str
    """Its path inside seeds/, as a record's `file` names it: `000_….txt`, `primary/LICENSE`."""
    display: str
    sha256: str | None
    """None when it was not read: a link out of seeds/, or unreadable."""
    text: str | None
    """None when it was not read or its bytes are not UTF-8."""
    escapes: bool = False
    """True when it is a link that leads out of seeds/."""

    def locate(self, sub: Path = ()) -> tuple[str, int, int]:
        return self.display, 1, 1


@dataclass(frozen=True)
class Publisher:
    """An entry of the publishers registry: a publisher or developer, by id."""

    id: str
    name: str
    aliases: tuple[str, ...]
    origin: Origin = field(repr=False, compare=False)
    url: str | None = None


@dataclass(frozen=True)
class Registry:
    """seeds/publishers.yaml: every publisher once. Empty (and without origin) when there is no such file."""

    publishers: tuple[Publisher, ...] = ()
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @cached_property
    def by_id(self) -> dict[str, Publisher]:
        """The entries by id; of two with one id, the first."""
        return {p.id: p for p in reversed(self.publishers)}

    def names(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """The names of these publishers, as pages show them (an unknown id as itself)."""
        return tuple(self.by_id[i].name if i in self.by_id else i for i in ids)


@dataclass(frozen=True)
class Licence:
    """An entry of the licence table."""

    id: str
    name: str
    licence_class: str
    reason: str
    terms: tuple[str, ...]
    """The claims stating its key terms, as `<model-id>#<claim-id>`."""
    origin: Origin = field(repr=False, compare=False)
    text: str | None = None
    """The id of the source whose document is its text, when stored."""
    not_stored: str | None = None
    url: str | None = None
    equivalent: str | None = None
    """For a LicenseRef with exactly an OSI-approved licence's conditions: that licence's SPDX id."""


@dataclass(frozen=True)
class LicenceTable:
    """seeds/licences.yaml: every licence once. Empty (and without origin) when there is no such file."""

    licences: tuple[Licence, ...] = ()
    origin: Origin | None = field(default=None, repr=False, compare=False)

    @cached_property
    def by_id(self) -> dict[str, Licence]:
        """The entries by id; of two with one id, the first."""
        return {entry.id: entry for entry in reversed(self.licences)}

    @cached_property
    def classes(self) -> dict[str, str]:
        return {i: entry.licence_class for i, entry in self.by_id.items()}


@dataclass
class FactBase:
    models: list[Model]
    sources: dict[str, Source]
    seed_files: dict[str, SeedFile] = field(default_factory=dict)
    unchecked_ids: frozenset[str] = frozenset()
    """Ids (and `file`s) of records that failed a check: rules do not report them as missing."""
    shadowed: list[Source] = field(default_factory=list)
    """Valid source records whose id an earlier record already took."""
    registry: Registry | None = field(default_factory=Registry)
    """The publishers registry; None when its file failed a check, so that no id can be judged."""
    licences: LicenceTable | None = field(default_factory=LicenceTable)
    """The licence table; None when its file failed a check, so that no licence can be judged."""

    def names(self, ids: tuple[str, ...]) -> tuple[str, ...]:
        """Publishers' names by their ids: what pages and exports show."""
        return (self.registry or Registry()).names(ids)

    def publisher_name(self, source: Source) -> str | None:
        """The name of a source's publisher, as pages, exports and the search show it; None when not known."""
        return self.names((source.publisher,))[0] if source.publisher else None

    def facts(self, source: Source) -> rubric.SourceFacts:
        """What the rubric needs of a source: with, for a syndicated copy, its original (one level:
        the checker refuses a copy of a copy)."""
        original = self.sources.get(source.syndicated_from) if source.syndicated_from else None
        return rubric.SourceFacts(
            source.id,
            source.publisher,
            source.kind,
            source.reliability,
            None
            if original is None
            else rubric.SourceFacts(original.id, original.publisher, original.kind, original.reliability),
        )

    def assess(self, claim: Claim) -> rubric.Assessment:
        """The rubric applied to one of this base's claims, on its topic, as a claim of its model (whose
        developers' primary documents are its own); citations of unknown sources are left out."""
        cache = self._assessments
        if id(claim) not in cache:
            cache[id(claim)] = rubric.assess(
                ((c.stance, self.facts(self.sources[c.source])) for c in claim.citations if c.source in self.sources),
                claim.topic,
                self._model_of[id(claim)].developers,
            )
        return cache[id(claim)]

    @cached_property
    def verdicts(self) -> dict[str, dict[str, Any]]:
        """Every model's openness verdicts by model id, then dimension (verdicts.of_base), computed once."""
        from . import verdicts  # the next step of the pipeline: it reads this one's types

        return verdicts.of_base(self)

    @cached_property
    def family_sizes(self) -> Counter[str]:
        """How many models each family name has."""
        return Counter(m.family for m in self.models if m.family)

    @cached_property
    def _assessments(self) -> dict[int, rubric.Assessment]:
        return {}

    @cached_property
    def _model_of(self) -> dict[int, Model]:
        """Each claim's model, by the claim's identity: a claim does not point back at its model."""
        return {id(c): m for m, c in self.claims}

    @cached_property
    def claims(self) -> list[tuple[Model, Claim]]:
        """Every claim with its model, in file order."""
        return [(m, c) for m in self.models for c in m.claims]

    @cached_property
    def named_files(self) -> frozenset[str]:
        """Documents some record names (or may name: see unchecked_ids)."""
        return frozenset(s.file for s in [*self.sources.values(), *self.shadowed]) | self.unchecked_ids

    @cached_property
    def citations_by_source(self) -> dict[str, list[tuple[Model, Claim, int, Citation]]]:
        """Each source's citations, so that source pages need not scan every claim."""
        index: dict[str, list] = {}
        for model, claim in self.claims:
            for i, cit in enumerate(claim.citations):
                index.setdefault(cit.source, []).append((model, claim, i, cit))
        return index


def build_source(doc: Document, text: str | None) -> Source:
    d: dict[str, Any] = doc.data
    return Source(
        id=d["id"],
        file=d["file"],
        sha256=d["sha256"],
        title=d["title"],
        publisher=d["publisher"],
        authors=tuple(d["authors"]),
        published=d["published"],
        url=d["url"],
        kind=d["kind"],
        document=d["document"],
        reliability=d["reliability"],
        reliability_note=d["reliability_note"],
        date_note=d.get("date_note"),
        notes=d.get("notes"),
        syndicated_from=d.get("syndicated_from"),
        provenance=Provenance(**d["provenance"]) if "provenance" in d else None,
        about=tuple(d.get("about", ())),
        unused=d.get("unused"),
        origin=Origin(doc),
        text=text,
    )


def build_registry(doc: Document) -> Registry:
    entries = doc.data["publishers"]
    return Registry(
        tuple(
            Publisher(p["id"], p["name"], tuple(p["aliases"]), Origin(doc, ("publishers", i)), p.get("url"))
            for i, p in enumerate(entries)
        ),
        Origin(doc),
    )


def build_licences(doc: Document) -> LicenceTable:
    return LicenceTable(
        tuple(
            Licence(
                e["id"],
                e["name"],
                e["class"],
                e["reason"],
                tuple(e["terms"]),
                Origin(doc, ("licences", i)),
                e.get("text"),
                e.get("not_stored"),
                e.get("url"),
                e.get("equivalent"),
            )
            for i, e in enumerate(doc.data["licences"])
        ),
        Origin(doc),
    )


def _openness(asserted: dict[str, str] | None) -> tuple[tuple[str, str], ...]:
    asserted = asserted or {}
    return tuple((d.id, asserted[d.id]) for d in openness.DIMENSIONS if d.id in asserted)


def _moved(entry: dict[str, str], origin: Origin) -> Moved:
    model, _, claim = entry["to"].partition("#")
    return Moved(entry["id"], model, claim, origin)


def build_model(doc: Document) -> Model:
    d: dict[str, Any] = doc.data
    claims = []
    for i, c in enumerate(d["claims"]):
        path = ("claims", i)
        citations = tuple(
            Citation(x["source"], x["stance"], x["quote"], Origin(doc, path + ("citations", j)))
            for j, x in enumerate(c["citations"])
        )
        claims.append(
            Claim(
                id=c["id"],
                statement=c["statement"],
                topic=c["topic"],
                confidence=c["confidence"],
                status=c["status"],
                citations=citations,
                origin=Origin(doc, path),
                date=c.get("date"),
                status_note=c.get("status_note"),
                rationale=c.get("rationale"),
                notes=c.get("notes"),
                date_basis=c.get("date_basis", "source"),
                unchecked_context=c.get("unchecked_context"),
                openness=_openness(c.get("openness")),
                reviewed=c.get("reviewed"),
            )
        )
    return Model(
        id=d["id"],
        name=d["name"],
        developers=tuple(d["developers"]),
        modality=tuple(d["modality"]),
        aliases=tuple(d["aliases"]),
        claims=tuple(claims),
        origin=Origin(doc),
        family=d.get("family"),
        moved=tuple(_moved(m, Origin(doc, ("moved", i))) for i, m in enumerate(d.get("moved", ()))),
    )
