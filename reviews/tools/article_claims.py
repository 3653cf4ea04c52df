"""Print the claims that cite the five articles, blind (no rating) or rated, for an independent review.

python reviews/tools/article_claims.py blind [CONTEXT]   # statement, date, quotes in context
python reviews/tools/article_claims.py rated             # the curators' judgement, printed afterwards
"""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = (
    "undated-gemma-release",
    "ai4all-2026-gemini-1-5-open-sourced",
    "watson-undated-open-source-google",
    "murphy-2026-google-legacy-models",
    "dnd-2026-meta-open-source-next-models",
)


def sources():
    """Source id -> document text, for every record in seeds/."""
    texts = {}
    for record in (ROOT / "seeds").glob("*.yaml"):
        data = yaml.safe_load(record.read_text())
        if isinstance(data, dict) and "file" in data and "id" in data:
            texts[data["id"]] = (ROOT / "seeds" / data["file"]).read_text(encoding="utf-8")
    return texts


def in_scope():
    """(model, claim) pairs whose claim cites one of the five articles, in file order."""
    for path in sorted((ROOT / "facts").glob("*.yaml")):
        model = yaml.safe_load(path.read_text())
        for claim in model.get("claims", []):
            if any(c["source"] in ARTICLES for c in claim["citations"]):
                yield model, claim


def around(text, quote, width):
    """The quote marked inside its surrounding text (whitespace folded, as the checker compares it)."""
    text, quote = " ".join(text.split()), " ".join(quote.split())
    at = text.find(quote)
    if at < 0:
        return "!! QUOTE NOT FOUND"
    start, end = max(0, at - width), at + len(quote) + width
    return text[start:at] + " >>>" + quote + "<<< " + text[at + len(quote) : end]


def blind(width):
    texts = sources()
    for n, (model, claim) in enumerate(in_scope(), 1):
        print(f"### {n}. {model['id']}#{claim['id']}  [{claim['topic']}]  developers={model.get('developers')}")
        print(f"    statement: {claim['statement']}")
        print(f"    date: {claim.get('date')}  date_basis: {claim.get('date_basis', 'source (default)')}")
        for c in claim["citations"]:
            print(f"  - {c['source']}")
            print(f"      {around(texts[c['source']], c['quote'], width)}")
        print()


def rated():
    for n, (model, claim) in enumerate(in_scope(), 1):
        print(f"### {n}. {model['id']}#{claim['id']}: {claim['confidence']} / {claim['status']}")
        for c in claim["citations"]:
            print(f"    {c['stance']:11} {c['source']}")
        for field in ("status_note", "rationale", "unchecked_context", "notes"):
            if claim.get(field):
                print(f"    {field}: {' '.join(str(claim[field]).split())}")
        print()


if __name__ == "__main__":
    if sys.argv[1] == "blind":
        blind(int(sys.argv[2]) if len(sys.argv) > 2 else 300)
    else:
        rated()
