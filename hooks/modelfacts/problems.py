"""Problems are values: collected from every step, sorted, then reported together."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    rule: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def text(self) -> str:
        head = f"{self.file}:{self.line}:{self.col}: {self.severity}[{self.rule}]: {self.message}"
        return f"{head}\n    hint: {self.hint}" if self.hint else head


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(p.severity == ERROR for p in problems)


def _github_escape(value: str, *, prop: bool = False) -> str:
    """GitHub workflow-command escaping (see actions/toolkit `command.ts`)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def format_problems(problems: list[Problem], fmt: str) -> str:
    """Render problems as `text`, `github` annotations, or a `json` list."""
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], indent=2, ensure_ascii=False)
    if fmt == "github":
        lines = []
        for p in problems:
            props = ",".join(
                f"{k}={_github_escape(str(v), prop=True)}"
                for k, v in (("file", p.file), ("line", p.line), ("col", p.col), ("title", p.rule))
            )
            body = p.message + (f"\nhint: {p.hint}" if p.hint else "")
            lines.append(f"::{p.severity} {props}::{_github_escape(body)}")
        return "\n".join(lines)
    return "\n".join(p.text() for p in problems)


def summary(problems: list[Problem], files: int) -> str:
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    return f"{files} files checked: {errors} error(s), {warnings} warning(s)"
