"""What a rule is: an id, a description, where it is checked, and for fact-base rules a check run per scope."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from ..problems import ERROR, Problem

if TYPE_CHECKING:
    from ..model import FactBase


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


def did_you_mean(close: Sequence[str], otherwise: str) -> str:
    """The hint for a name that matches nothing: the names close to it, or else what to do."""
    return f"did you mean {' or '.join(f'`{c}`' for c in close)}?" if close else otherwise


@dataclass(frozen=True)
class Rule:
    id: str
    description: str
    where: str
    """The module that reports it (kinds, load, events, scalars, syntax, validate or layout); `rules` for
    the functions here."""
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
    "registry": lambda base: (base.registry,) if base.registry is not None and base.registry.origin else (),
    "licences": lambda base: (base.licences,) if base.licences is not None and base.licences.origin else (),
    "base": lambda base: (base,),
}
