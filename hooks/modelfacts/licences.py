"""Licences as a taxonomy: SPDX expressions, parsed by `license-expression`, classified by the table.

The table is data (seeds/licences.yaml, built into model.LicenceTable): each licence id with its
class. Here is only what is the same for every table: reading an expression (`MIT`,
`MIT AND LicenseRef-Llama-3.1-Community`) into its licence ids, and the class of an expression
from the classes of its ids: under AND every licence applies, so the most restrictive decides;
under OR the user picks, so the least restrictive does; `X WITH exception` is X's class (an SPDX
exception only adds permissions), and the exception is no licence of the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from license_expression import (
    AND,
    OR,
    ExpressionError,
    LicenseSymbol,
    LicenseWithExceptionSymbol,
    Licensing,
    get_spdx_licensing,
)

from .openness import CLASS_ORDER

LICENSE_REF = "LicenseRef-"
ID_PATTERN = r"^[A-Za-z0-9.+-]+$"
"""An SPDX license id or LicenseRef: letters, digits, `.`, `-` (and `+` for or-later)."""
_ID = re.compile(ID_PATTERN)


@lru_cache(maxsize=1)
def _licensing() -> Licensing:
    """The SPDX License List as `license-expression` ships it (loaded once: it is 2,000 entries)."""
    return get_spdx_licensing()


@dataclass(frozen=True)
class Expression:
    written: str
    canonical: str | None
    """The expression as SPDX writes it (`GPL-3.0` → `GPL-3.0-only`); None when it does not parse."""
    ids: tuple[str, ...] = ()
    """Its licence ids, each once, in order (not the exceptions of `WITH`)."""
    error: str | None = None
    """Why it is not a valid expression: a syntax error, or ids that are neither SPDX nor LicenseRef."""


def is_spdx(ident: str) -> bool:
    """On the SPDX License List as a licence (not a LicenseRef, which anyone may coin, nor an exception)."""
    known = _licensing().known_symbols.get(ident)
    return not ident.startswith(LICENSE_REF) and known is not None and not known.is_exception


@lru_cache(maxsize=4096)
def parse(written: str) -> Expression:
    """An SPDX expression read; a bad one comes back with `error` set, never raised. Cached: the checker, the
    verdicts and the pages read the same few expressions again and again."""
    try:
        tree = _licensing().parse(written, strict=True)  # strict: an exception only after WITH, and only there
    except ExpressionError as exc:
        return Expression(written, None, (), f"`{written}` is not an SPDX expression ({exc})")
    if tree is None:
        return Expression(written, None, (), "the licence is empty")
    symbols = _licensing().license_symbols(tree, unique=False)
    ids = tuple(dict.fromkeys(s.key for s in symbols if not s.is_exception))
    bad = [i for i in ids if not _ID.match(i) or not (i.startswith(LICENSE_REF) or is_spdx(i))]
    if bad:
        listed = ", ".join(f"`{i}`" for i in bad)
        return Expression(written, None, ids, f"{listed}: neither an SPDX licence id nor a `{LICENSE_REF}…` id")
    return Expression(written, str(tree), ids)


def expression_class(written: str, classes: Mapping[str, str]) -> str | None:
    """The class of a valid expression, from the classes of its ids; None if one of them is not classified."""
    tree = _licensing().parse(written)

    def walk(node: object) -> str | None:
        if isinstance(node, LicenseWithExceptionSymbol):
            return classes.get(node.license_symbol.key)
        if isinstance(node, LicenseSymbol):
            return classes.get(node.key)
        parts = [walk(arg) for arg in getattr(node, "args", ())]
        if None in parts or not parts or not isinstance(node, AND | OR):
            return None
        ranks = [CLASS_ORDER.index(p) for p in parts if p is not None]
        return CLASS_ORDER[max(ranks) if isinstance(node, AND) else min(ranks)]

    return walk(tree)
