"""`modelfacts diff BASE [HEAD]`: what a change does to the fact base, claim by claim, as Markdown.

A review aid for pull requests: a lowered rating or a dropped citation is easy to miss in a YAML
diff and plain in this summary. Text from fact files is escaped, since the summary is posted as
a comment: it must render as the text it is, never as links, mentions or HTML.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

from . import rubric, validate
from .load import load_bytes
from .model import Claim, Model, build_model

FOLDERS = {"facts": "model.schema.json", "seeds": "source.schema.json"}
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~@&:$])")


class DiffError(Exception):
    """A revision or folder that cannot be read; the message says which."""


def _git(root: Path, *args: str, stdin: bytes | None = None, check: bool = True) -> bytes:
    """Output of a git command in `root`; a failure is a DiffError, or empty output when not `check`."""
    try:
        out = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True)
    except OSError as exc:
        raise DiffError(f"cannot run git: {exc}") from None
    if out.returncode and not check:
        return b""
    if out.returncode:
        message = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(message[0] if message else f"git {args[0]} failed")
    return out.stdout


def _files_at(root: Path, rev: str | None) -> dict[str, bytes]:
    """The fact and source files at a revision (None: the working tree), by path."""
    if rev is None:
        return {
            f"{folder}/{p.name}": p.read_bytes()
            for folder in FOLDERS
            for p in sorted((root / folder).glob("*.y*ml"))
            if p.is_file()
        }
    _git(root, "rev-parse", "--git-dir")
    if rev.startswith("-") or not _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False):
        raise DiffError(f"`{rev}` is not a commit of the git repository at {root}")
    blobs = []
    for entry in _git(root, "ls-tree", "-z", rev, "--", *(f"{f}/" for f in FOLDERS)).split(b"\0"):
        meta, _, path = entry.decode("utf-8", "replace").partition("\t")
        if meta.split(" ")[1:2] == ["blob"] and fnmatch(path.rpartition("/")[2], "*.y*ml"):
            blobs.append((path, meta.split(" ")[2]))
    out = _git(root, "cat-file", "--batch", stdin="".join(f"{sha}\n" for _, sha in blobs).encode())
    files, at = {}, 0
    for path, _ in blobs:  # each object: "<sha> blob <size>\n<bytes>\n"
        head_end = out.index(b"\n", at)
        size = int(out[at:head_end].split()[2])
        files[path] = out[head_end + 1 : head_end + 1 + size]
        at = head_end + 2 + size
    return files


def _fact_base(files: dict[str, bytes]) -> tuple[dict[str, Model], dict[str, str], list[str]]:
    """Models by id and source paths by id, from the valid files; and the paths of the others."""
    models, sources, invalid = {}, {}, []
    for path, raw in sorted(files.items()):
        schema = FOLDERS[path.split("/")[0]]
        doc, problems = load_bytes(raw, path)
        if doc is not None and not problems:
            problems = validate.check_document(doc, schema)
        if doc is None or problems:
            invalid.append(path)
        elif schema == "source.schema.json":
            sources[doc.data["id"]] = path
        else:
            model = build_model(doc)
            models[model.id] = model
    return models, sources, invalid


def models_at(root: Path, rev: str | None) -> dict[str, Model]:
    """The valid models at a revision (None: the working tree), by id."""
    return _fact_base(_files_at(root, rev))[0]


def _md(text: object) -> str:
    """Text from a fact file, on one line, with every character Markdown could act on escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _show(value: object, code: bool = False) -> str:
    if value is None or value == ():
        return "(none)"
    if isinstance(value, tuple):
        value = ", ".join(value)
    return f"`{value}`" if code else f"“{_md(value)}”"


def _change(label: str, old: object, new: object, code: bool = False) -> list[str]:
    return [] if old == new else [f"{label}: {_show(old, code)} → {_show(new, code)}"]


def _citation(verb: str, cit) -> str:
    return f"citation {verb}: `{cit.source}` ({cit.stance}): “{_md(cit.quote)}”"


def _beyond(these: tuple, those: tuple) -> list:
    """Citations in `these` that `those` lacks (counting repeats), in their order."""
    left, out = Counter(those), []
    for cit in these:
        if left[cit]:
            left[cit] -= 1
        else:
            out.append(cit)
    return out


def _claim_changes(old: Claim, new: Claim) -> list[str]:
    lines = _change("statement reworded", old.statement, new.statement)
    if old.confidence != new.confidence:
        up = rubric.CONFIDENCE_LEVELS.index(new.confidence) > rubric.CONFIDENCE_LEVELS.index(old.confidence)
        lines.append(f"rating {'raised ↑' if up else 'lowered ↓'}: `{old.confidence}` → `{new.confidence}`")
    lines += _change("status changed", old.status, new.status, code=True)
    lines += _change("status note changed", old.status_note, new.status_note)
    lines += [_citation("added", c) for c in _beyond(new.citations, old.citations)]
    lines += [_citation("removed", c) for c in _beyond(old.citations, new.citations)]
    lines += _change("rationale changed", old.rationale, new.rationale)
    lines += _change("topic changed", old.topic, new.topic, code=True)
    lines += _change("date changed", old.date, new.date, code=True)
    lines += _change("notes changed", old.notes, new.notes)
    return lines


def _model_section(old: Model | None, new: Model | None, counts: Counter) -> list[str]:
    """Bullets for one model; `counts` collects claims added, removed and changed."""
    model = new or old
    state = " (new model)" if old is None else " (removed)" if new is None else ""
    bullets = []
    if old and new:
        for field in ("name", "developer", "family", "modality", "aliases"):
            bullets += [f"- {line}" for line in _change(f"{field} changed", getattr(old, field), getattr(new, field))]
    before = {c.id: c for c in old.claims} if old else {}
    after = {c.id: c for c in new.claims} if new else {}
    for claim in after.values():
        if claim.id not in before:
            counts["added"] += 1
            bullets.append(f"- **added** `{claim.id}` ({claim.confidence}, {claim.status}): {_md(claim.statement)}")
        elif claim != before[claim.id]:
            counts["changed"] += 1
            bullets.append(f"- **changed** `{claim.id}`:")
            bullets += [f"  - {line}" for line in _claim_changes(before[claim.id], claim)]
    for claim in before.values():
        if claim.id not in after:
            counts["removed"] += 1
            bullets.append(f"- **removed** `{claim.id}` ({claim.confidence}, {claim.status}): {_md(claim.statement)}")
    return [f"### `{model.id}` · {_md(model.name)}{state}", "", *bullets, ""] if bullets or state else []


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def diff(root: Path, base: str, head: str | None = None) -> str:
    """The Markdown summary of the change from `base` to `head` (None: the working tree)."""
    root = Path(root)
    old_models, old_sources, old_invalid = _fact_base(_files_at(root, base))
    new_models, new_sources, new_invalid = _fact_base(_files_at(root, head))
    # A file that is invalid on one side is left out of both: it was neither added nor removed.
    old_models = {k: m for k, m in old_models.items() if m.origin.doc.path not in new_invalid}
    new_models = {k: m for k, m in new_models.items() if m.origin.doc.path not in old_invalid}
    old_sources = {k for k, path in old_sources.items() if path not in new_invalid}
    new_sources = {k for k, path in new_sources.items() if path not in old_invalid}
    head_label = "the working tree" if head is None else _md(head)
    notes = [
        f"{_md(path)} at {label} is not a valid record (run `modelfacts check`); its changes are left out"
        for invalid, label in ((old_invalid, _md(base)), (new_invalid, head_label))
        for path in invalid
    ]
    counts: Counter = Counter()
    sections = []
    for ident in sorted(old_models.keys() | new_models.keys()):
        sections += _model_section(old_models.get(ident), new_models.get(ident), counts)
    added, removed = new_models.keys() - old_models.keys(), old_models.keys() - new_models.keys()
    sources = [f"- source **added** `{s}`" for s in sorted(new_sources - old_sources)] + [
        f"- source **removed** `{s}`" for s in sorted(old_sources - new_sources)
    ]
    lines = ["## Fact base changes", ""]
    if sections or sources:
        lines += [
            f"{_plural(counts['added'], 'claim')} added, {counts['removed']} removed, "
            f"{counts['changed']} changed; {_plural(len(added), 'model')} added, {len(removed)} removed.",
            "",
        ]
    else:
        lines += ["No change to the fact base.", ""]
    for note in notes:
        lines += [f"> Note: {note}", ""]
    lines += sections
    if sources:
        lines += ["### Sources", "", *sources]
    return "\n".join(lines).rstrip("\n") + "\n"
