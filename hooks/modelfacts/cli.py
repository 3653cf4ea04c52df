"""The `modelfacts` command: check, fmt, new and diff over a project root."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import check_root
from .problems import format_problems, has_errors, summary


def _root(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"no such folder: {value}")
    return path


def cmd_check(args: argparse.Namespace) -> int:
    result = check_root(args.root)
    if result.problems:
        print(format_problems(result.problems, args.format))
    if args.format == "text":
        print(summary(result.problems, result.files), file=sys.stderr)
    elif args.format == "json" and not result.problems:
        print("[]")
    return 1 if has_errors(result.problems) else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="modelfacts", description="Check and edit the Model Facts fact base.")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", help="check every fact file and source; exit 1 on any error")
    c.add_argument("--root", type=_root, default=Path("."), help="project folder (default: here)")
    c.add_argument("--format", choices=("text", "github", "json"), default="text")
    c.set_defaults(func=cmd_check)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
