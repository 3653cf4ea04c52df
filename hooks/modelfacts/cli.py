"""The `modelfacts` command: check, fmt, new and diff over a project root."""

from __future__ import annotations

import argparse
import os
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


def cmd_fmt(args: argparse.Namespace) -> int:
    from . import fmt

    return fmt.run(args.root, args.files, args.check, print, lambda text: print(text, file=sys.stderr))


def cmd_new(args: argparse.Namespace) -> int:
    from .scaffold import ScaffoldError, new_claim, new_model

    try:
        if args.what == "model":
            print(new_model(args.root, args.id, args.name, args.developer))
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


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="modelfacts", description="Check and edit the Model Facts fact base.")
    root = argparse.ArgumentParser(add_help=False)
    root.add_argument("--root", type=_root, default=Path("."), help="project folder (default: here)")
    sub = p.add_subparsers(dest="command", required=True)
    c = sub.add_parser("check", parents=[root], help="check every fact file and source; exit 1 on any error")
    c.add_argument("--format", choices=("text", "github", "json"), default="text")
    c.set_defaults(func=cmd_check)
    f = sub.add_parser("fmt", parents=[root], help="rewrite fact files in the canonical layout, comments kept")
    f.add_argument(
        "--check", action="store_true", help="write nothing; list the files that would change, exit 1 if any"
    )
    f.add_argument("files", nargs="*", type=Path, metavar="FILE", help="files to format (default: facts/ and seeds/)")
    f.set_defaults(func=cmd_fmt)
    n = sub.add_parser("new", help="create a skeleton to fill in")
    what = n.add_subparsers(dest="what", required=True)
    m = what.add_parser("model", parents=[root], help="create facts/ID.yaml")
    m.add_argument("id", metavar="ID")
    m.add_argument("--name", help="the model's name as its developer writes it")
    m.add_argument("--developer", help="who makes the model")
    cl = what.add_parser("claim", parents=[root], help="append a claim to facts/MODEL.yaml")
    cl.add_argument("model", metavar="MODEL")
    cl.add_argument("--id", help="the claim's id (its URL anchor)")
    n.set_defaults(func=cmd_new)
    d = sub.add_parser("diff", parents=[root], help="summarise, as Markdown, what a change does to the fact base")
    d.add_argument("base", metavar="BASE", help="git revision before the change")
    d.add_argument("head", metavar="HEAD", nargs="?", help="git revision after it (default: the working tree)")
    d.set_defaults(func=cmd_diff)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # `modelfacts check | head`: the reader left, which is no error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
