#!/usr/bin/env python3
"""Write the benchmark's hostile case: a project root whose only fact file quotes one long source
with long scrambled passages, so that every quote fails and `modelfacts check` searches the closest
passage for each (issue #12: that search once took minutes per quote).

    python benchmarks/hostile.py --quotes 50 --words 300 --kib 100 --out DIR

The source is synthetic articles (synth.py) run together and cut to KIB × 1024 characters; each
quote is WORDS consecutive words of it, shuffled. The root checks with exactly QUOTES quote-verbatim
errors.

The root also has a licence table of hostile entries (markup, template syntax, bidirectional and
zero-width characters in names, reasons and notes; LicenseRef ids at the edge of their pattern:
`LicenseRef-..`, `LicenseRef-.-+.`, a 200-character one) and valid claims that assert them, so the
pages and exports of licences meet the same text; none of it adds a problem.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth


def source_text(seed: int, kib: int) -> str:
    parts: list[str] = []
    size, j = 0, 0
    while size < kib * 1024:
        text = synth.make_source(seed, j, 3)[1]
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
        j += 1
    return "\n".join(parts)[: kib * 1024]


MARKUP = "<script>alert('x')</script> & &amp; {{ config }} {% raw %} | a | `b` [c](javascript:alert(1)) <!-- d -->"
ODD = "\u202eevil\u202c zero\u200bwidth \u0645\u0631\u062d\u0628\u0627 \U0001f4a5 *bold* _under_ #heading"
LICENCES = (
    ("LicenseRef-..", f"{MARKUP} Licence", "restricted", f"</td></tr><tr><td onmouseover=alert(1)>{ODD}"),
    ("LicenseRef-.-+.", f'"><img src=x onerror=alert(1)> {ODD}', "proprietary", MARKUP),
    ("LicenseRef-a+", f"{ODD} Licence", "restricted", f"{MARKUP} {ODD}"),
    ("LicenseRef-" + "Z9.-+" * 40, "A very long licence id", "restricted", "Its id is 211 characters long."),
    ("MIT", "MIT License", "open", "OSI-approved."),
)
"""(id, name, class, reason) of the hostile licence table."""
EXPRESSIONS = ("LicenseRef-..", "MIT AND LicenseRef-.-+.", "LicenseRef-a+ OR MIT", LICENCES[3][0])
"""What the valid claims assert, one claim each."""


def licence_table(source: str) -> list[dict]:
    entries = []
    for i, (ident, name, cls, reason) in enumerate(LICENCES):
        terms = [f"hostile#licence-{n + 1}" for n, e in enumerate(EXPRESSIONS) if ident in e.split(" ")]
        entry = {"id": ident, "name": name, "class": cls, "reason": reason}
        entry |= {"text": source} if i % 2 else {"not_stored": f"{MARKUP} {ODD}"}
        entries.append({**entry, "url": 'https://licences.example/?q="><svg onload=alert(1)>&x=1', "terms": terms})
    return entries


def generate(out: Path, quotes: int, words: int, kib: int, seed: int = 1, site: Path = synth.REPO) -> dict:
    """Write the root (site files copied from `site`); returns a summary."""
    for d in ("facts", "seeds", "site"):
        shutil.rmtree(out / d, ignore_errors=True)
    synth.copy_site(out, site)
    (out / "facts").mkdir()
    (out / "seeds").mkdir()
    text = source_text(seed, kib)
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    rec = {k: v for k, v in synth.make_source(seed, 0, 3)[0].items() if k != "notes"}
    rec.update(id="hostile-source", file=f"000_{digest[:16]}.txt", sha256=digest)
    (out / "seeds" / rec["file"]).write_bytes(raw)
    (out / "seeds" / "hostile-source.yaml").write_text(synth.source_yaml(rec), encoding="utf-8")
    (out / "seeds" / "publishers.yaml").write_text(synth.publishers_yaml(), encoding="utf-8")
    rng = random.Random(f"{seed}:hostile")
    pool = text.split()
    claims = []
    for i in range(quotes):
        start = rng.randrange(max(1, len(pool) - words))
        passage = pool[start : start + words]
        rng.shuffle(passage)
        claim = {
            "id": f"scrambled-{i + 1}",
            "statement": f"Scrambled passage {i + 1} supports this claim.",
            "topic": "release",
            "citations": [{"source": rec["id"], "stance": "supports", "quote": " ".join(passage)}],
        }
        synth.finish_claim(rng, claim, [rec], {rec["id"]: 0}, [synth.slug("Acme Labs")])
        claims.append(claim)
    for i, expression in enumerate(EXPRESSIONS):
        start = rng.randrange(max(1, len(pool) - 12))
        claim = {
            "id": f"licence-{i + 1}",
            "statement": f"Hostile is offered under {expression}.",
            "topic": "license",
            "citations": [{"source": rec["id"], "stance": "supports", "quote": " ".join(pool[start : start + 12])}],
            "openness": {"licence": expression, "weights": synth.VALUES[i]},
        }
        synth.finish_claim(rng, claim, [rec], {rec["id"]: 0}, [synth.slug("Acme Labs")])
        claims.append(claim)
    (out / "seeds" / "licences.yaml").write_text(synth.licences_yaml(licence_table(rec["id"])), encoding="utf-8")
    model = {
        "id": "hostile",
        "name": "Hostile",
        "developers": [synth.slug("Acme Labs")],
        "family": "Hostile",
        "modality": ["text"],
        "aliases": [],
        "claims": claims,
    }
    (out / "facts" / "hostile.yaml").write_text(synth.model_yaml(model), encoding="utf-8")
    return {"quotes": quotes, "words": words, "source_bytes": len(raw), "seed": seed}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quotes", type=int, default=50, help="scrambled quotes (claims)")
    p.add_argument("--words", type=int, default=300, help="words per quote")
    p.add_argument("--kib", type=int, default=100, help="size of the source in KiB")
    p.add_argument("--out", type=Path, required=True, help="project root to write")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args(argv)
    print(json.dumps(generate(args.out, args.quotes, args.words, args.kib, args.seed)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
