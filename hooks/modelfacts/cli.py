"""The `modelfacts` command: check, fmt, new and diff over a project root.

Like git and ruff, it finds the project from wherever it runs: the nearest folder at or above the
current one that holds both `facts/` and `seeds/`. Anything else is refused (exit 2), never
checked as an empty, clean project.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .check import check_root
from .problems import format_problems, has_errors, summary

PROJECT_FOLDERS = ("facts", "seeds")
"""A project root holds these folders."""


class UsageError(Exception):
    """The command cannot run where or as it was asked; the message says why (exit 2)."""


def is_project(path: Path) -> bool:
    return all((path / name).is_dir() for name in PROJECT_FOLDERS)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that is a project."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    raise UsageError(
        f"{start} is not inside a Model Facts project (no folder at or above it holds facts/ and seeds/); "
        "run modelfacts in the project, or pass --root DIR"
    )


def project_root(value: Path | None) -> Path:
    """--root when given (it must be a project), else the project around the current folder."""
    if value is None:
        return find_root(Path.cwd())
    if not value.is_dir():
        raise UsageError(f"--root {value}: no such folder")
    if not is_project(value):
        raise UsageError(f"--root {value} is not a Model Facts project: it needs facts/ and seeds/ folders")
    return value


def _check_today() -> None:
    """A day named in MODELFACTS_TODAY that is no day is a usage error, not a traceback."""
    from .rules.dates import today

    try:
        today()
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def use_colour(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org) or TERM=dumb."""
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


_PAINT = [
    (re.compile(r"(?m)^(\S+:\d+:\d+: )(error\[[^\]]+\])"), "\\1\033[1;31m\\2\033[0m"),
    (re.compile(r"(?m)^(\S+:\d+:\d+: )(warning\[[^\]]+\])"), "\\1\033[1;33m\\2\033[0m"),
    (re.compile(r"(?m)^(    hint: )"), "\033[36m\\1\033[0m"),
]


def paint(text: str) -> str:
    """The checker's text report with severities and hints in colour."""
    for pattern, replacement in _PAINT:
        text = pattern.sub(replacement, text)
    return text


def cmd_check(args: argparse.Namespace) -> int:
    result = check_root(args.root)
    if not result.fact_files:
        raise UsageError(f"{args.root / 'facts'} holds no fact files: nothing to check")
    if result.problems:
        report = format_problems(result.problems, args.format)
        print(paint(report) if args.format == "text" and use_colour(sys.stdout) else report)
    if args.format == "text":
        print(summary(result.problems, result.files), file=sys.stderr)
    elif args.format == "json" and not result.problems:
        print("[]")
    return 1 if has_errors(result.problems) else 0


def cmd_fmt(args: argparse.Namespace) -> int:
    from . import fmt

    changed: list[str] = []

    def out(display: str) -> None:
        changed.append(display)
        print(display)

    status = fmt.run(args.root, args.files, args.check, out, lambda text: print(text, file=sys.stderr))
    if status == 0 and not changed:
        print("modelfacts fmt: nothing to change, every file is in the canonical layout", file=sys.stderr)
    return status


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_claim, new_model, new_source

    try:
        if args.what == "model":
            print(new_model(args.root, args.id, args.name, args.developer or ()))
        elif args.what == "source":
            print(new_source(args.root, args.file, args.id))
        else:
            print(new_claim(args.root, args.model, args.id))
    except ScaffoldError as exc:
        print(f"modelfacts new: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    from .diff import DiffError, diff

    try:
        sys.stdout.write(diff(args.root, args.base, args.head))
    except DiffError as exc:
        print(f"modelfacts diff: {exc}", file=sys.stderr)
        return 2
    return 0


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("modelfacts")
    except PackageNotFoundError:  # run from a checkout without `pip install -e .`
        return "unknown (not installed)"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="modelfacts",
        description="Check and edit the Model Facts fact base. Run it anywhere inside the project "
        "(it finds the folder that holds facts/ and seeds/), or name the project with --root.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {version()}")
    root = argparse.ArgumentParser(add_help=False)
    root.add_argument(
        "--root",
        type=Path,
        default=None,
        metavar="DIR",
        help="the project folder, which holds facts/ and seeds/ (default: found from the current folder upwards)",
    )
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    c = sub.add_parser("check", parents=[root], help="check every fact file and source; exit 1 on any error")
    c.add_argument(
        "--format",
        choices=("text", "github", "json"),
        default="text",
        help="text: one line per problem and a hint (coloured on a terminal unless NO_COLOR is set); "
        "github: workflow annotations; json: a list of objects (default: text)",
    )
    c.set_defaults(func=cmd_check)
    f = sub.add_parser("fmt", parents=[root], help="rewrite fact files in the canonical layout, comments kept")
    f.add_argument(
        "--check", action="store_true", help="write nothing; list the files that would change, exit 1 if any"
    )
    f.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files to format (default: facts/ and seeds/)")
    f.set_defaults(func=cmd_fmt)
    n = sub.add_parser("new", help="create a skeleton to fill in")
    what = n.add_subparsers(dest="what", required=True, metavar="WHAT")
    m = what.add_parser("model", parents=[root], help="create facts/ID.yaml")
    m.add_argument("id", metavar="ID", help="the model's id and file name: lowercase words joined by hyphens")
    m.add_argument("--name", help="the model's name as its developer writes it")
    m.add_argument(
        "--developer",
        action="append",
        metavar="ID",
        help="who makes the model: a publisher id of seeds/publishers.yaml; repeat it for each developer",
    )
    cl = what.add_parser("claim", parents=[root], help="append a claim to facts/MODEL.yaml")
    cl.add_argument("model", metavar="MODEL", help="the id of the model (its file facts/MODEL.yaml)")
    cl.add_argument("--id", help="the claim's id (its URL anchor)")
    so = what.add_parser("source", parents=[root], help="create seeds/ID.yaml for a document in seeds/")
    so.add_argument(
        "file", type=Path, metavar="FILE", help="the document, already in seeds/ (a primary one in seeds/primary/)"
    )
    so.add_argument("--id", help="the source's id and file name (default: one made from the document's name)")
    n.set_defaults(func=cmd_new)
    d = sub.add_parser("diff", parents=[root], help="summarise, as Markdown, what a change does to the fact base")
    d.add_argument("base", metavar="BASE", help="git revision before the change")
    d.add_argument("head", metavar="HEAD", nargs="?", help="git revision after it (default: the working tree)")
    d.set_defaults(func=cmd_diff)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        args.root = project_root(args.root)
        _check_today()
        return args.func(args)
    except UsageError as exc:
        print(f"modelfacts {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `modelfacts check | head`: the reader left, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
