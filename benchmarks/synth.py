#!/usr/bin/env python3
"""Write a synthetic but realistic Model Facts project root for benchmarks.

    python benchmarks/synth.py --models N --claims M --sources K --out DIR [--seed S]

DIR receives a copy of the site files (mkdocs.yml, docs/, overrides/, schemas/, hooks/) and a
generated fact base: K source articles in seeds/ (a few KB of English each, with metadata and the
right SHA-256) and N fact files in facts/ with M claims each. Quotes are exact substrings of the
articles; stances are mixed; every confidence is at or below the rubric's ceiling (computed with
modelfacts.rubric.assess); low, very low and contradicted claims carry a rationale; contradicted
claims are disputed; a claim is never dated after a non-predicting cited article, nor after the
last publication day unless only predicted. Claims assert openness from a profile per model, a few
against it (disputes, outweighed claims, and superseded older facts that give a dimension a history),
and seeds/licences.yaml classes every licence they name (see the openness section below). The result
passes `modelfacts check` with no error and no warning and builds with `mkdocs build --strict`.

Everything is drawn from `random.Random` seeded per source and per model, so model i (and source
j) come out the same whatever N is: pages can be compared across sizes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
try:
    from modelfacts import rubric, schemas
except ImportError:  # run without the editable install: use the repo's copy
    sys.path.insert(0, str(REPO / "hooks"))
    from modelfacts import rubric, schemas

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SITE_FILES = ("mkdocs.yml", "docs", "overrides", "schemas", "hooks")
STAMP = ".synth.json"
MODEL_HEADER = "# yaml-language-server: $schema=../schemas/model.schema.json\n"
SOURCE_HEADER = "# yaml-language-server: $schema=../schemas/source.schema.json\n"
PUBLISHERS_HEADER = "# yaml-language-server: $schema=../schemas/publishers.schema.json\n"

# --- vocabulary ---------------------------------------------------------------------------------

DEVELOPERS = [
    "Northwind AI",
    "Acme Labs",
    "Halcyon Research",
    "Lumen Systems",
    "Brightwater AI",
    "Kestrel Labs",
    "Meridian Compute",
    "Quillon",
    "Tessellate AI",
    "Blue Heron Labs",
    "Vantage Neural",
    "Cobalt Mind",
    "Sable & Finch",
    "Oriel Institute",
    "Parallax AI",
    "Juniper Foundry",
    "Atlas Cognition",
    "Redwood Neural",
    "Nimbus Works",
    "Ostrava Intelligence",
]
FAMILIES = [
    "Corvid",
    "Aster",
    "Borealis",
    "Cirrus",
    "Delphi",
    "Ember",
    "Fathom",
    "Gale",
    "Helix",
    "Iris",
    "Juno",
    "Kite",
    "Lyra",
    "Mosaic",
    "Nova",
    "Onyx",
    "Pioneer",
    "Quasar",
    "Rook",
    "Sol",
    "Tern",
    "Umbra",
    "Vega",
    "Wren",
    "Yarrow",
    "Zephyr",
    "Basalt",
    "Cinder",
    "Drift",
    "Fjord",
]
VARIANTS = ["", "", "Mini", "Pro", "Instruct", "Vision", "Ultra", "Lite", "Coder", "Chat"]
OUTLETS = [
    ("The Daily Circuit", "dailycircuit.example"),
    ("Compute Weekly", "computeweekly.example"),
    ("Open Model Review", "openmodelreview.example"),
    ("The Inference", "theinference.example"),
    ("Silicon Ledger", "siliconledger.example"),
    ("Tensor Times", "tensortimes.example"),
    ("Gradient Post", "gradientpost.example"),
    ("Byte & Bias", "bytebias.example"),
    ("The Weights Report", "weightsreport.example"),
    ("Model Watch", "modelwatch.example"),
    ("Frontier Dispatch", "frontierdispatch.example"),
    ("Latent Space News", "latentnews.example"),
]
AGGREGATORS = [("AI Headlines Hub", "aiheadlines.example"), ("NewsPulse Tech", "newspulse.example")]
AI_OUTLETS = [("Neural Digest Daily", "neuraldigest.example"), ("AutoWire AI", "autowire.example")]
SOCIAL = [("ModelForum", "modelforum.example"), ("r/LocalModels", "forum.example")]
FIRST = [
    "Ana",
    "Ben",
    "Chloe",
    "Dev",
    "Elif",
    "Femi",
    "Greta",
    "Hiro",
    "Ines",
    "Jonas",
    "Kaia",
    "Luis",
    "Mara",
    "Nikhil",
    "Olga",
    "Pavel",
    "Quinn",
    "Rosa",
    "Sami",
    "Tove",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
]
LAST = [
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Brennan",
    "Haddad",
    "Kowalski",
    "Nakamura",
    "Osei",
    "Petrov",
    "Quintero",
    "Rossi",
    "Schultz",
    "Varga",
    "Whitfield",
    "Zhang",
    "Abara",
    "Castellanos",
]
LICENSES = ["Apache 2.0", "MIT", "community", "research-only", "open-weight", "custom commercial"]
HUBS = ["ModelHub", "the company's own download portal", "a public model registry", "GitHub"]
GPUS = ["A100 80GB", "H100", "consumer RTX 4090", "laptop-class GPU", "single TPU v5e"]
EVENTS = ["developer conference", "spring product", "annual research", "autumn launch"]
DATA = ["web text", "licensed books", "code", "synthetic dialogue", "multilingual news", "scientific papers"]
FIRMS = ["Ridgeway Analytics", "Tallis Partners", "Corbel Research", "Northgate Securities"]
GROUPS = ["open-source advocates", "smaller start-ups", "academic researchers", "several European regulators"]
ADJS = ["fast", "efficient", "capable", "lightweight", "robust", "transparent", "compact", "versatile"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
KIND_GRADES = {
    "primary": "AAB",
    "news": "ABBCC",
    "analysis": "BBC",
    "opinion": "CCD",
    "aggregator": "CD",
    "ai-generated": "DEE",
    "social": "DEF",
    "unknown": "F",
}
KIND_WEIGHTS = {
    "news": 35,
    "primary": 15,
    "analysis": 15,
    "opinion": 10,
    "aggregator": 8,
    "ai-generated": 7,
    "social": 7,
    "unknown": 3,
}
GRADE_NOTES = {
    "A": [
        "The developer's own announcement, consistent with its model card.",
        "Primary documentation with version history and named maintainers.",
    ],
    "B": [
        "Established outlet with a named reporter and on-the-record sources.",
        "Careful analysis that links each figure to a primary document.",
    ],
    "C": [
        "A named outlet with a byline, but it cites no documents.",
        "Plausible reporting that relies on unnamed sources.",
    ],
    "D": [
        "Repackages other outlets' reporting and adds unsourced figures.",
        "Opinion piece whose factual claims are incidental and unsourced.",
    ],
    "E": [
        "Says it was written by a machine and contains plain errors.",
        "Anonymous post whose figures contradict every other report.",
    ],
    "F": [
        "No author, publisher or date can be established.",
        "A forum post of unknown origin; its reliability cannot be judged.",
    ],
}
START = date(2022, 1, 1)
END = date(2026, 6, 30)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def publisher_names() -> dict[str, str]:
    """Every developer and outlet by publisher id: the registry, seeds/publishers.yaml."""
    names = DEVELOPERS + [name for outlets in (OUTLETS, AGGREGATORS, AI_OUTLETS, SOCIAL) for name, _ in outlets]
    by_id = {slug(name): name for name in names}
    assert len(by_id) == len(names), "publisher ids must be unique"
    return by_id


def publishers_yaml() -> str:
    """The registry in the canonical layout (`modelfacts fmt`)."""
    lines = [PUBLISHERS_HEADER.rstrip("\n"), "publishers:"]
    for ident, name in sorted(publisher_names().items()):
        lines += [f"  - id: {ident}", f"    name: {q(name)}", "    aliases: []"]
    return "\n".join(lines) + "\n"


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str], *, quoted: bool = True) -> str:
    return "[" + ", ".join(q(i) if quoted else i for i in items) + "]"


def _day(rng: random.Random, lo: date = START, hi: date = END) -> date:
    return lo + timedelta(days=rng.randint(0, max(0, (hi - lo).days)))


# --- articles -----------------------------------------------------------------------------------


def _fill(rng: random.Random) -> dict:
    fam = rng.choice(FAMILIES)
    return {
        "dev": DEVELOPERS[FAMILIES.index(fam) % len(DEVELOPERS)],
        "family": fam,
        "family2": rng.choice(FAMILIES),
        "ver": f"{rng.randint(1, 5)}.{rng.randint(0, 9)}",
        "license": rng.choice(LICENSES),
        "hub": rng.choice(HUBS),
        "gpu": rng.choice(GPUS),
        "event": rng.choice(EVENTS),
        "data": rng.choice(DATA),
        "firm": rng.choice(FIRMS),
        "group": rng.choice(GROUPS),
        "adj": rng.choice(ADJS),
        "adj2": rng.choice(ADJS),
        "month": rng.choice(MONTHS),
        "year": rng.randint(2022, 2026),
        "n": rng.randint(2, 900),
        "k": rng.choice([8, 16, 32, 64, 128, 200, 256, 1000]),
        "p": rng.choice([1, 3, 7, 8, 13, 34, 70, 180, 405]),
        "t": rng.randint(1, 30),
        "e": rng.choice([8, 16, 64, 128]),
        "pct": rng.randint(40, 95),
        "weeks": rng.randint(2, 12),
        "person": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
    }


SENTENCES = [
    "{dev} said that {family} {ver} would be released with open weights under the {license} licence.",
    "According to people familiar with the project, the {family} models were trained on roughly {t} trillion tokens of {data}.",
    "{family} {ver} handles a context window of {k} thousand tokens, the company's documentation states.",
    "Critics argue that “open” is the wrong word for {family}, because the training data stays secret — only the weights are published.",
    "The {p}-billion-parameter version runs on a single {gpu}, {dev} engineers wrote in a technical note.",
    "Downloads of {family} passed {n} thousand on {hub} within {weeks} weeks of release.",
    "{dev} declined to comment on whether {family} {ver} uses a mixture-of-experts design.",
    "Analysts at {firm} expect {dev} to release a larger {family} model in {month} {year}.",
    "The licence forbids use by companies with more than {n} million monthly users, a clause that {group} have criticised.",
    "{family} {ver} was distilled from an internal model that {dev} has not released.",
    "In a blog post, {dev} described {family} {ver} as “{adj} and {adj2}” and said it beats earlier releases on coding benchmarks.",
    "Some researchers were sceptical… they noted that the benchmark results could not be reproduced.",
    "{person}, who leads the {family} team, said the model uses {e} experts but activates only two for each token.",
    "{dev} first showed {family} at its {event} event in {month} {year}, but gave no release date.",
    "A spokesperson for {dev} said the weights of {family} {ver} are available on {hub}.",
    "The model card lists {p} billion parameters and a knowledge cut-off in {month} {year}.",
    "{group} welcomed the release, although several asked for the training code as well.",
    "Independent tests by {firm} found that {family} {ver} scored {pct} percent on a standard coding benchmark.",
    "{dev} has kept its largest {family} model behind a paid API, and says it has no plans to change that.",
    "The {family2} {ver} model, a rival from another lab, remains available only through its maker's API.",
    "Developers on forums reported that {family} {ver} needs about {n} gigabytes of memory at full precision.",
    "{person} wrote that the move puts pressure on other labs to publish their weights.",
    "{dev} said it would keep fine-tuning {family} on {data} and publish a new checkpoint every quarter.",
    "It is not clear whether the {license} licence allows the weights to be used to train competing models.",
    "The earlier {family} release was withdrawn for two days in {month} {year} after a safety review.",
    "{firm} estimates that {family} is now deployed by more than {n} companies.",
    "A leaked memo suggested that {dev} considered releasing {family2} as open weights but decided against it.",
    "The company says {family} {ver} was trained on {gpu} clusters over roughly {weeks} weeks.",
]
HEADLINES = [
    "{dev} releases {family} {ver} with open weights",
    "Inside {dev}'s bet on {family}",
    "Is {family} really open? What the licence says",
    "{family} {ver}: what we know so far",
    "{dev} keeps its biggest model closed as rivals open up",
    "Why {group} are watching {family} closely",
    "The open-weights race: {family}, {family2} and the rest",
    "{family} {ver} benchmarks: fast, cheap and hard to verify",
]


def make_article(rng: random.Random, title: str, byline: str | None, dateline: str | None) -> str:
    head = [x for x in (byline, dateline) if x] + [title]
    paragraphs = []
    for _ in range(rng.randint(8, 14)):
        sentences = [rng.choice(SENTENCES).format(**_fill(rng)) for _ in range(rng.randint(3, 6))]
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(["\n".join(head)] + paragraphs) + "\n"


def body_sentences(text: str) -> list[str]:
    """The article's sentences (the header block is skipped): quotes come from these."""
    out = []
    for para in text.split("\n\n")[1:]:
        out.extend(s for s in re.split(r"(?<=[.…])\s+(?=[A-Z“])", para.strip()) if s)
    return out


def draw_quote(rng: random.Random, sentences: list[str], text: str) -> str:
    sentence = rng.choice(sentences)
    words = sentence.split(" ")
    if len(words) <= 8 or rng.random() < 0.35:
        quote = sentence
    else:
        n = rng.randint(6, min(16, len(words)))
        start = rng.randint(0, len(words) - n)
        quote = " ".join(words[start : start + n]).rstrip(",;:")
    assert quote and quote in text, quote
    return quote


def make_source(seed: int, j: int, width: int) -> tuple[dict, str]:
    """(metadata record, article text) of source j."""
    rng = random.Random(f"{seed}:source:{j}")
    kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
    grade = rng.choice(KIND_GRADES[kind])
    fill = _fill(rng)
    if kind == "primary":
        publisher, domain = fill["dev"], slug(fill["dev"]) + ".example"
    elif kind == "aggregator":
        publisher, domain = rng.choice(AGGREGATORS)
    elif kind == "ai-generated":
        publisher, domain = rng.choice(AI_OUTLETS)
    elif kind == "social":
        publisher, domain = rng.choice(SOCIAL)
    else:
        publisher, domain = rng.choice(OUTLETS)
    if kind == "unknown" or rng.random() < 0.05:
        publisher = None
    authors = (
        []
        if kind in ("unknown", "aggregator")
        else [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.choice([0, 1, 1, 1, 2]))]
    )
    authors = list(dict.fromkeys(authors))
    published = None if (kind == "unknown" or rng.random() < 0.06) else _day(rng)
    title = rng.choice(HEADLINES).format(**fill)
    byline = ("By " + " and ".join(authors)) if authors else None
    dateline = f"{published.day} {MONTHS[published.month - 1]} {published.year}" if published else None
    text = make_article(rng, title, byline, dateline)
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    ident = (
        f"{slug(publisher) if publisher else 'unattributed'}-{published.year if published else 'undated'}-{j:0{width}d}"
    )
    record: dict = {
        "id": ident,
        "file": f"{j:0{width}d}_{digest[:16]}.txt",
        "sha256": digest,
        "title": title,
        "publisher": slug(publisher) if publisher else None,
        "authors": authors,
        "published": published.isoformat() if published else None,
    }
    if published is None:
        record["date_note"] = f"Undated; the text mentions events of {fill['month']} {fill['year']}."
    record["url"] = (
        f"https://{domain}/{published.year if published else 'archive'}/{slug(title)[:60]}"
        if publisher and rng.random() < 0.7
        else None
    )
    record.update(kind=kind, document="article", reliability=grade, reliability_note=rng.choice(GRADE_NOTES[grade]))
    if rng.random() < 0.4:
        record["notes"] = f"About {len(text.split())} words; " + rng.choice(
            [
                "links to the model card.",
                "cites no documents.",
                "quotes a company spokesperson.",
                "repeats figures from earlier reports.",
                "has a correction appended at the end.",
            ]
        )
    return record, text


def source_yaml(rec: dict) -> str:
    """The record in the canonical layout (`modelfacts fmt`): keys in schema order, text double-quoted."""
    lines = [SOURCE_HEADER.rstrip("\n")]
    for key in schemas.source_schema()["properties"]:
        if key not in rec:
            continue
        value = rec[key]
        if value is None:
            lines.append(f"{key}: null")
        elif key == "authors":
            lines.append(f"{key}: {flow(value)}")
        elif key == "provenance":
            lines.append(f"{key}:")
            lines += [
                f"  {k}: {q(value[k])}" for k in schemas.source_schema()["properties"][key]["properties"] if k in value
            ]
        elif key in ("id", "file", "sha256", "kind", "reliability"):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {q(value)}")
    return "\n".join(lines) + "\n"


# --- models -------------------------------------------------------------------------------------

STATEMENTS = {
    "release": [
        "{name} was released in {month} {year}.",
        "{dev} announced {name} at its {event} event.",
        "{name} was released as a preview to selected partners in {month} {year}.",
    ],
    "availability": [
        "{name} is available only through {dev}'s API.",
        "{name} can be downloaded from {hub}.",
        "{name} is offered to paying enterprise customers only.",
    ],
    "license": [
        "{name}'s licence restricts commercial use above {n} million monthly users.",
        "{dev} has not changed the licence of {name} since its release.",
    ],
    "weights": [
        "The weights of {name} are published on {hub}.",
        "{dev} has not released the weights of {name}.",
        "The weights of {name} leaked online {weeks} weeks after launch.",
    ],
    "architecture": [
        "{name} uses a mixture-of-experts design with {e} experts.",
        "{name} is a dense decoder-only transformer.",
    ],
    "size": ["{name} has about {p} billion parameters.", "The largest version of {name} has {p} billion parameters."],
    "context-window": ["{name} accepts up to {k} thousand tokens of input."],
    "hardware": ["{name} runs on a single {gpu}.", "{name} needs about {n} gigabytes of memory at full precision."],
    "usage": [
        "{name} was downloaded more than {n} thousand times in its first month.",
        "{name} is deployed by more than {n} companies.",
    ],
    "lineage": [
        "{name} was distilled from a larger internal {dev} model.",
        "{name} is a fine-tuned version of {family2} {ver}.",
    ],
    "strategy": [
        "{dev} plans to release future {family} models with open weights.",
        "{dev} intends to keep its largest {family} models closed.",
    ],
    "capability": [
        "{name} scores above {pct} percent on a standard coding benchmark.",
        "{name} can describe images as well as text.",
    ],
    "training": ["{name} was trained on about {t} trillion tokens.", "{name} was trained partly on {data}."],
}
TOPIC_WEIGHTS = {
    "release": 12,
    "availability": 10,
    "license": 10,
    "weights": 12,
    "architecture": 6,
    "size": 8,
    "context-window": 5,
    "hardware": 5,
    "usage": 6,
    "lineage": 6,
    "strategy": 6,
    "capability": 8,
    "training": 6,
}
STANCE_WEIGHTS = {"supports": 75, "mentions": 12, "predicts": 13}


# --- openness: the licence table and what claims assert ---------------------------------------------

LICENCES_HEADER = "# yaml-language-server: $schema=../schemas/licences.schema.json\n"
SPDX_TEXT = "The SPDX License List publishes its text; it is not stored here."
USER_CLAUSE = (
    "If the products or services of the Licensee had more than {n} million monthly active users in the preceding "
    "calendar month, the Licensee must request a licence from {dev}, which {dev} may grant in its sole discretion."
)
RESEARCH_CLAUSE = "The Model may be used for non-commercial research purposes only."
USE_CLAUSE = "The Licensee shall not use the Model or its outputs for any purpose listed in Attachment A."
SERVICE_CLAUSE = "No licence to the model weights is granted: the Service is offered only through the API."


def _licence(ident, name, cls, reason, families=(), clause=None, repo=None, day=None, not_stored=None, url=None):
    """One entry of the synthetic licence table. `families` use it; `repo` (owner/name/path) and `day` give
    a stored text (a copied primary document whose key term is `clause`), else `not_stored` says why not."""
    return {
        "id": ident,
        "name": name,
        "class": cls,
        "reason": reason,
        "families": families,
        "clause": clause,
        "repo": repo,
        "day": day,
        "not_stored": None if repo else (not_stored or SPDX_TEXT),
        "url": url,
    }


LICENCE_TABLE = [
    _licence(
        "Apache-2.0", "Apache License 2.0", "open", "OSI-approved.", url="https://www.apache.org/licenses/LICENSE-2.0"
    ),
    _licence("MIT", "MIT License", "open", "OSI-approved.", url="https://opensource.org/license/mit"),
    _licence("BSD-3-Clause", 'BSD 3-Clause "New" or "Revised" License', "open", "OSI-approved."),
    _licence("MPL-2.0", "Mozilla Public License 2.0", "open", "OSI-approved; file-level copyleft."),
    _licence("GPL-3.0-only", "GNU General Public License v3.0 only", "open", "OSI-approved; strong copyleft."),
    _licence(
        "CC-BY-NC-4.0",
        "Creative Commons Attribution Non Commercial 4.0 International",
        "restricted",
        "Non-commercial use only.",
        url="https://creativecommons.org/licenses/by-nc/4.0/",
    ),
    _licence(
        "CC-BY-NC-SA-4.0",
        "Creative Commons Attribution Non Commercial Share Alike 4.0 International",
        "restricted",
        "Non-commercial use only, and derivatives under the same terms.",
    ),
    _licence(
        "LicenseRef-Corvid-Community-1",
        "Corvid Community License, version 1",
        "restricted",
        "Licensees with more than 300 million monthly active users must ask Northwind AI for a licence.",
        ("Corvid",),
        USER_CLAUSE.format(n=300, dev="Northwind AI"),
        "Northwind-AI/corvid/LICENSE-v1",
        "2023-02-24",
    ),
    _licence(
        "LicenseRef-Corvid-Community-2",
        "Corvid Community License, version 2",
        "restricted",
        "Licensees with more than 700 million monthly active users must ask Northwind AI for a licence; an "
        "acceptable-use policy applies.",
        ("Corvid",),
        USER_CLAUSE.format(n=700, dev="Northwind AI"),
        "Northwind-AI/corvid/LICENSE",
        "2024-07-18",
    ),
    _licence(
        "LicenseRef-Aster-Open-Model",
        "Aster Open Model License",
        "restricted",
        "An acceptable-use policy forbids listed uses of the model and of its outputs.",
        ("Aster",),
        USE_CLAUSE,
        "acme-labs/aster/MODEL_LICENSE.md",
        "2024-03-05",
    ),
    _licence(
        "LicenseRef-Borealis-Research-Only",
        "Borealis Non-Commercial Research License",
        "restricted",
        "Non-commercial research use only.",
        ("Borealis",),
        RESEARCH_CLAUSE,
        "halcyon-research/borealis/LICENSE",
        "2022-11-30",
    ),
    _licence(
        "LicenseRef-Cirrus-Non-Production",
        "Cirrus Non-Production License",
        "restricted",
        "Testing, research and evaluation only; production use needs a commercial licence.",
        ("Cirrus",),
        not_stored="Lumen Systems publishes it on its website only; the text is not stored here.",
    ),
    _licence(
        "LicenseRef-Delphi-Terms",
        "Delphi Terms of Use",
        "restricted",
        "A prohibited-use policy binds every user and every derivative.",
        ("Delphi",),
        not_stored="Brightwater AI publishes the terms at brightwater-ai.example/delphi/terms; the text is not stored "
        "here.",
    ),
    _licence(
        "LicenseRef-Ember-RAIL-M",
        "Ember Responsible AI License (RAIL-M)",
        "restricted",
        "Use-based restrictions in its Attachment A must pass to every derivative.",
        ("Ember",),
        USE_CLAUSE,
        "kestrel-labs/ember/LICENSE-MODEL",
        "2023-08-22",
    ),
    _licence(
        "LicenseRef-Fathom-Model-License",
        "Fathom Model License Agreement",
        "restricted",
        "Forbids military use and listed harmful uses.",
        ("Fathom",),
        USE_CLAUSE,
        "meridian-compute/fathom/LICENSE-MODEL",
        "2024-12-26",
    ),
    _licence(
        "LicenseRef-Gale-Acceptable-Use",
        "Gale Acceptable Use Policy",
        "restricted",
        "A use policy that the code licence incorporates.",
        ("Gale",),
        not_stored="Quillon links the policy from its model cards; the text is not stored here.",
    ),
    _licence(
        "LicenseRef-Helix-Terms-of-Service",
        "Helix Terms of Service",
        "proprietary",
        "Terms of a hosted service: no licence to the weights.",
        ("Helix",),
        not_stored="Tessellate AI's service terms are published on its website; the text is not stored here.",
    ),
    _licence(
        "LicenseRef-Iris-Enterprise-Agreement",
        "Iris Enterprise Agreement",
        "proprietary",
        "A commercial agreement negotiated per customer.",
        ("Iris",),
        not_stored="Blue Heron Labs does not publish the agreement.",
    ),
    _licence(
        "LicenseRef-Juno-API-Terms",
        "Juno API Terms",
        "proprietary",
        "Use only through Vantage Neural's API; the weights are not licensed.",
        ("Juno",),
        SERVICE_CLAUSE,
        "vantage-neural/juno-api/TERMS.md",
        "2025-04-02",
    ),
]
LICENCE_BY_ID = {entry["id"]: entry for entry in LICENCE_TABLE}
OPEN_LICENCES = [e["id"] for e in LICENCE_TABLE if e["class"] == "open"]
NC_LICENCES = ["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0"]


def licence_source_id(entry: dict) -> str:
    return slug(entry["repo"].replace("/", " ")) + "-licence"


def licence_document(entry: dict) -> str:
    """The stored text of a synthetic licence: numbered sections, its key term among them."""
    dev = DEVELOPERS[FAMILIES.index(entry["families"][0]) % len(DEVELOPERS)]
    sections = [
        f'1. Definitions. "Model" means the weights and parameters of {entry["families"][0]} released by {dev} '
        'under this Agreement. "Licensee" means the person or entity exercising the rights granted here.',
        f"2. Grant of rights. Subject to this Agreement, {dev} grants the Licensee a worldwide, non-exclusive, "
        "royalty-free licence to use, reproduce and distribute the Model.",
        f"3. Additional terms. {entry['clause']} These terms apply to every copy of the Model.",
        "4. Redistribution. The Licensee must give every recipient a copy of this Agreement and retain all "
        "attribution notices.",
        "5. Disclaimer. The Model is provided on an as-is basis, without warranties of any kind.",
    ]
    return "\n\n".join([entry["name"], *sections]) + "\n"


def licence_source(seed: int, entry: dict) -> tuple[dict, str]:
    """(record, text) of a licence's stored text: a primary document copied from its developer's repository."""
    text = licence_document(entry)
    raw = text.encode("utf-8")
    digest = hashlib.sha256(raw).hexdigest()
    owner, name, path = entry["repo"].split("/", 2)
    commit = hashlib.sha1(f"{seed}:{entry['id']}:commit".encode()).hexdigest()
    dev = DEVELOPERS[FAMILIES.index(entry["families"][0]) % len(DEVELOPERS)]
    record = {
        "id": licence_source_id(entry),
        "file": f"primary/{owner}__{name}__{path.replace('/', '__')}",
        "sha256": digest,
        "title": entry["name"],
        "publisher": slug(dev),
        "authors": [],
        "published": entry["day"],
        "url": f"https://github.com/{owner}/{name}/blob/{commit}/{path}",
        "kind": "primary",
        "document": "licence",
        "reliability": "A",
        "reliability_note": f"The licence file of {dev}'s own repository.",
        "provenance": {
            "repository": f"{owner}/{name}",
            "path": path,
            "branch": "main",
            "commit": commit,
            "commit_date": f"{entry['day']}T12:00:00+00:00",
            "last_change_commit": hashlib.sha1(f"{seed}:{entry['id']}:last".encode()).hexdigest(),
        },
    }
    return record, text


def licence_ids(expression: str) -> list[str]:
    """The licence ids of one of this generator's expressions (no parentheses, one operator)."""
    return re.split(r" (?:AND|OR) ", expression)


def licence_name(expression: str) -> str:
    names = [LICENCE_BY_ID[i]["name"] for i in licence_ids(expression)]
    return (" or, at the user's choice, the " if " OR " in expression else " together with the ").join(names)


def _profile(rng: random.Random, family: str) -> dict[str, str | None]:
    """The openness a model's claims mostly assert (a few assert otherwise: disputes, or older facts)."""
    own = [e for e in LICENCE_TABLE if family in e["families"]]
    restricted = [e["id"] for e in own if e["class"] == "restricted"]
    proprietary = [e["id"] for e in own if e["class"] == "proprietary"]
    kind = rng.choices(["open", "own", "and", "or", "nc", "closed"], weights=[30, 30, 8, 4, 6, 22])[0]
    if kind in ("own", "and") and not restricted:
        kind = "open"
    licence = {
        "open": rng.choice(OPEN_LICENCES[:2] * 3 + OPEN_LICENCES),
        "own": restricted[-1] if restricted else None,
        "and": f"{rng.choice(['MIT', 'Apache-2.0'])} AND {restricted[-1]}" if restricted else None,
        "or": "Apache-2.0 OR MIT",
        "nc": rng.choice(NC_LICENCES),
        "closed": proprietary[0] if proprietary else None,
    }[kind]
    if kind == "closed":
        values = {"weights": "closed", "access": rng.choice(["partial", "partial", "closed"]), "code": "closed"}
        values |= {"data": rng.choice(["closed", "unknown"]), "documentation": rng.choice(["partial", "open"])}
    elif kind in ("open", "or"):
        values = {"weights": "open", "access": "open", "code": rng.choice(["open", "partial"])}
        values |= {"data": rng.choice(["open", "partial", "closed"]), "documentation": "open"}
    else:
        values = {
            "weights": rng.choice(["open", "partial"]),
            "access": rng.choice(["open", "partial"]),
            "code": "partial",
        }
        values |= {
            "data": rng.choice(["partial", "closed", "unknown"]),
            "documentation": rng.choice(["open", "partial"]),
        }
    return {**values, "licence": licence, "_others": [e["id"] for e in own if e["id"] != licence]}


ASSERTING = {
    "availability": {
        "access": {
            "open": ["{name} can be downloaded from {hub} and run locally.", "Anyone can download {name} from {hub}."],
            "partial": ["{name} is available only through {dev}'s API.", "{name} is offered to paying API customers."],
            "closed": ["{name} can be used only in {dev}'s own app.", "{dev} shut down {name} in {month} {year}."],
            "unknown": ["It is not known how {name} will be offered."],
        }
    },
    "weights": {
        "weights": {
            "open": ["The weights of {name} are published on {hub}.", "Anyone can download the weights of {name}."],
            "partial": ["The weights of {name} are available to approved researchers on request."],
            "closed": ["{dev} has not released the weights of {name}.", "The weights of {name} are kept internal."],
            "unknown": ["It is not known whether {dev} will release the weights of {name}."],
        }
    },
    "training": {
        "data": {
            "open": ["The training data of {name} is published on {hub}."],
            "partial": ["{dev} names the datasets {name} was trained on, mostly {data}, with their shares."],
            "closed": ["{name} was trained on about {t} trillion tokens; {dev} does not name the data."],
            "unknown": ["{dev} has not said what data {name} was trained on."],
        }
    },
    "release": {
        "code": {
            "open": ["{dev} released the training and inference code of {name} under an open licence."],
            "partial": ["{dev} published inference code for {name}, but not its training code."],
            "closed": ["{dev} has published no code for {name}."],
            "unknown": ["It is not known whether {dev} will publish code for {name}."],
        },
        "documentation": {
            "open": ["{dev} published a technical report on {name}.", "{dev} published a model card for {name}."],
            "partial": ["{dev} documents {name} only in its API reference."],
            "closed": ["{dev} has published no documentation of {name}."],
            "unknown": ["It is not known whether {dev} will document {name}."],
        },
    },
}
"""Statements that assert an openness value, by topic, dimension and value."""
LICENCE_STATEMENTS = [
    "{name} is offered under the {lname}.",
    "{dev} releases {name} under {spdx}.",
    "The weights of {name} come under the {lname}, according to {dev}.",
]
RESTRICTING = "Use of {name} is limited by the terms of the {lname}."
ASSERT_SHARE = {"availability": 0.7, "weights": 0.7, "training": 0.6, "release": 0.5, "license": 0.85}
"""How many claims of a topic assert openness; the rest state other facts."""
CONTRARY = 0.15
"""How often a claim asserts something other than the model's profile: a dispute, or an older fact."""
VALUES = ("open", "partial", "closed", "unknown")


def asserting_statement(rng: random.Random, topic: str, profile: dict, fill: dict) -> tuple[str, dict, bool] | None:
    """(statement, openness, contrary) of a claim that asserts openness, or None for a plain claim."""
    if rng.random() >= ASSERT_SHARE.get(topic, 0):
        return None
    contrary = rng.random() < CONTRARY
    if topic == "license":
        others = profile["_others"] + OPEN_LICENCES[:2]
        expression = rng.choice(others) if contrary or profile["licence"] is None else profile["licence"]
        contrary = expression != profile["licence"]
        template = rng.choice(LICENCE_STATEMENTS)
        if LICENCE_BY_ID[licence_ids(expression)[-1]]["class"] != "open" and rng.random() < 0.4:
            template = RESTRICTING
        return (
            template.format(**fill, lname=licence_name(expression), spdx=expression),
            {"licence": expression},
            contrary,
        )
    if topic not in ASSERTING:
        return None
    dimension = rng.choice(list(ASSERTING[topic]))
    usual = profile[dimension]
    value = rng.choice([v for v in VALUES if v != usual]) if contrary else usual
    return rng.choice(ASSERTING[topic][dimension][value]).format(**fill), {dimension: value}, contrary


def add_history(rng: random.Random, claims: list[dict], sources: list[dict]) -> None:
    """Some contrary claims become superseded older facts: dated before the standing claims that assert
    the model's usual value (and no later than the articles they cite), they give the dimension a history."""
    for claim in claims:
        if not claim.get("_contrary") or claim["status"] != "current" or rng.random() < 0.5:
            continue
        ((dimension, value),) = claim["openness"].items()
        later = [
            rules_date(c["date"])
            for c in claims
            if c.get("date")
            and not c.get("_contrary")
            and c["status"] in ("current", "disputed")
            and (c["openness"] or {}).get(dimension, value) != value
        ]
        cited = [
            date.fromisoformat(published)
            for c in claim["citations"]
            if c["stance"] != "predicts" and (published := sources[c["_j"]]["published"])
        ]
        if later:
            claim["date"] = (min(later + cited) - timedelta(days=rng.randint(60, 700))).isoformat()
            claim["status"] = "superseded"
            claim["status_note"] = "A later announcement changed this; see the newer claim on this page."


def licences_table(models: list[dict], sources: dict[str, dict]) -> list[dict]:
    """seeds/licences.yaml's entries: each licence's terms are the first claims of topic `license` that
    assert it (two at most), and its stored text the source written for it."""
    terms: dict[str, list[str]] = {e["id"]: [] for e in LICENCE_TABLE}
    for model in models:
        for claim in model["claims"]:
            expression = (claim.get("openness") or {}).get("licence")
            if claim["topic"] == "license" and expression:
                for ident in licence_ids(expression):
                    if len(terms[ident]) < 2:
                        terms[ident].append(f"{model['id']}#{claim['id']}")
    table = []
    for e in LICENCE_TABLE:
        text = licence_source_id(e) if e["repo"] else None
        entry = {"id": e["id"], "name": e["name"], "class": e["class"], "reason": e["reason"]}
        entry |= {
            "text": text,
            "not_stored": e["not_stored"],
            "url": e["url"] or (sources[text]["url"] if text else None),
        }
        table.append({**entry, "terms": terms[e["id"]]})
    return table


def licences_yaml(entries: list[dict]) -> str:
    """The licence table in the canonical layout (`modelfacts fmt`)."""
    lines = [LICENCES_HEADER.rstrip("\n"), "licences:"]
    for entry in entries:
        lines += _record(entry, schemas.licences_schema()["$defs"]["licence"]["properties"], "  ")
    return "\n".join(lines) + "\n"


def _facts(rec: dict) -> rubric.SourceFacts:
    return rubric.SourceFacts(rec["id"], rec["publisher"], rec["kind"], rec["reliability"])


def _fold_key(statement: str) -> str:
    return " ".join(statement.casefold().rstrip(".").split())


def _claim_date(rng: random.Random, citations: list[dict], sources: list[dict]) -> str | None:
    """A date no later than any non-predicting cited article's publication, and after END (so in the
    future, once the check runs) only when every citation predicts."""
    if rng.random() < 0.3:
        return None
    bound = [
        date.fromisoformat(sources[c["_j"]]["published"])
        for c in citations
        if c["stance"] != "predicts" and sources[c["_j"]]["published"]
    ]
    if bound:
        hi = min(bound)
        day = _day(rng, max(START - timedelta(days=700), hi - timedelta(days=700)), hi)
    else:
        after = [date.fromisoformat(sources[c["_j"]]["published"]) for c in citations if sources[c["_j"]]["published"]]
        predicted = after and all(c["stance"] == "predicts" for c in citations)
        day = _day(rng, max(after), max(after) + timedelta(days=300)) if predicted else _day(rng)
    form = rng.choices(["day", "month", "year"], weights=[6, 3, 1])[0]
    return {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[form]


def _rationale(rng: random.Random, claim: dict, a: rubric.Assessment, sources: list[dict], ids: dict) -> str:
    names = publisher_names()
    pub = lambda sid: names.get(sources[ids[sid]]["publisher"], "an unattributed article")  # noqa: E731
    if a.contradicting_sources:
        against = ", ".join(dict.fromkeys(pub(s) for s in a.contradicting_sources))
        if a.supporting_sources:
            for_ = ", ".join(dict.fromkeys(pub(s) for s in a.supporting_sources))
            return f"{for_} supports it but {against} contradicts it; neither side gives documents."
        return f"{against} contradicts it and no reliable source supports it."
    if not a.supporting_sources:
        why = (
            "only weak or machine-generated sources support it"
            if a.weak_supporting_sources
            else "no source states it outright"
        )
        return f"Rated {claim['confidence']}: {why}."
    return rng.choice(
        [
            f"Only {a.supporting} independent source{'s' if a.supporting != 1 else ''} support{'' if a.supporting != 1 else 's'} it and none is primary.",
            f"Held at {claim['confidence']}: the reporting is second-hand and gives no figures.",
        ]
    )


def _model_name(rng: random.Random, i: int) -> tuple[str, str, str, str]:
    """(family, developer, version, name) of model i; unique for every i."""
    family = FAMILIES[i % len(FAMILIES)]
    developer = DEVELOPERS[FAMILIES.index(family) % len(DEVELOPERS)]
    variant = rng.choice(VARIANTS)
    version = f"{1 + i // (len(FAMILIES) * 10)}.{(i // len(FAMILIES)) % 10}"
    return family, developer, version, f"{family} {version}" + (f" {variant}" if variant else "")


def model_id(seed: int, i: int) -> str:
    """The id (and file name) of model i, without generating it."""
    return slug(_model_name(random.Random(f"{seed}:model:{i}"), i)[3])


def make_model(seed: int, i: int, sources: list[dict], texts: list[list[str]], raw: list[str], m: int) -> dict:
    rng = random.Random(f"{seed}:model:{i}")
    k = sum(s["document"] == "article" for s in sources)  # the articles come first, then licence texts
    family, developer, version, name = _model_name(rng, i)
    aliases = list(
        dict.fromkeys(
            rng.sample(
                [
                    f"{family[:3].upper()}-{version}",
                    f"{family} {version.split('.')[0]}",
                    f"{developer.split()[0]} {family}",
                ],
                rng.choice([0, 0, 1, 2]),
            )
        )
    )
    modality = list(
        dict.fromkeys(["text"] + rng.sample(["image", "audio", "code", "video", "speech"], rng.choice([0, 0, 1, 2])))
    )
    pool = [i % k] + rng.sample([j for j in range(k) if j != i % k], min(k - 1, rng.randint(4, 10)))
    ids = {s["id"]: j for j, s in enumerate(sources)}
    profile = _profile(rng, family)
    claims, seen_statements, seen_ids = [], set(), set()
    for n in range(m):
        topic = rng.choices(list(TOPIC_WEIGHTS), weights=list(TOPIC_WEIGHTS.values()))[0]
        fill = {**_fill(rng), "name": name, "dev": developer, "family": family}
        for attempt in range(50):
            fill = {**fill, **_fill(rng), "name": name, "dev": developer, "family": family}
            # A few tries at a statement that asserts openness, then plain ones (its value may repeat).
            drawn = asserting_statement(rng, topic, profile, fill) if attempt < 5 else None
            statement, asserted, contrary = drawn or (rng.choice(STATEMENTS[topic]).format(**fill), None, False)
            if attempt == 49:
                statement = statement.rstrip(".") + f" (claim {n + 1})."
            if _fold_key(statement) not in seen_statements:
                break
        seen_statements.add(_fold_key(statement))
        cid = f"{topic}-{n + 1}"
        seen_ids.add(cid)
        count = min(len(pool), rng.choices([1, 2, 3, 4], weights=[30, 35, 22, 13])[0])
        chosen = rng.sample(pool, count)
        if n == 0 and pool[0] not in chosen:
            chosen[0] = pool[0]  # every source is cited once N >= K
        stances = []
        for x in range(count):
            if x == 0 and rng.random() < 0.9:
                stances.append("supports")
            else:
                stances.append(rng.choices(list(STANCE_WEIGHTS), weights=list(STANCE_WEIGHTS.values()))[0])
        if count >= 2 and rng.random() < 0.2:
            stances[rng.randrange(1, count)] = "contradicts"
        citations = [
            {"_j": j, "source": sources[j]["id"], "stance": st, "quote": draw_quote(rng, texts[j], raw[j])}
            for j, st in zip(chosen, stances, strict=False)
        ]
        for ident in licence_ids(asserted["licence"]) if asserted and "licence" in asserted else ():
            entry = LICENCE_BY_ID[ident]
            if entry["repo"] and rng.random() < 0.7:  # the licence's own text, quoted for its key term
                j = ids[licence_source_id(entry)]
                citations.append({"_j": j, "source": sources[j]["id"], "stance": "supports", "quote": entry["clause"]})
        claim = {
            "id": cid,
            "statement": statement,
            "topic": topic,
            "date": _claim_date(rng, citations, sources),
            "citations": citations,
            "openness": asserted,
            "_contrary": contrary,
        }
        finish_claim(rng, claim, sources, ids, [slug(developer)])
        claims.append(claim)
    add_history(rng, claims, sources)
    return {
        "id": slug(name),
        "name": name,
        "developers": [slug(developer)],
        "family": family,
        "modality": modality,
        "aliases": aliases,
        "claims": claims,
    }


def finish_claim(rng: random.Random, claim: dict, sources: list[dict], ids: dict, developers: list[str]) -> None:
    """Confidence at or below the rubric's ceiling (the developer's own documents weighed), status, rationale, notes."""
    facts = ((c["stance"], _facts(sources[ids[c["source"]]])) for c in claim["citations"])
    a = rubric.assess(facts, claim["topic"], developers)
    top = rubric.rank(a.ceiling)
    confidence = rubric.CONFIDENCE_LEVELS[max(0, top - rng.choices([0, 1, 2], weights=[60, 30, 10])[0])]
    claim["confidence"] = confidence
    contradicted = bool(a.contradicting_sources)
    if contradicted:
        claim["status"] = "disputed"
    else:
        claim["status"] = rng.choices(["current", "superseded", "retracted"], weights=[95, 4, 1])[0]
    if claim["status"] == "superseded":
        claim["status_note"] = "A later announcement replaced this; see the newer claim on this page."
    elif claim["status"] == "retracted":
        claim["status_note"] = "Withdrawn after the only outlet reporting it issued a correction."
    if contradicted or confidence in ("low", "very low"):
        claim["rationale"] = _rationale(rng, claim, a, sources, ids)
    if rng.random() < 0.08:
        claim["notes"] = "The developer's own documentation uses a slightly different figure."


_PLAIN = ("id", "topic", "confidence", "status", "source", "stance")
"""Fields written unquoted (ids and vocabulary words); all other text is double-quoted."""


def model_yaml(model: dict) -> str:
    """The fact file in the canonical layout (`modelfacts fmt`): schema key order, `  - id:` claims,
    `      - source:` citations, short lists in flow style, dates and text double-quoted."""
    lines = [MODEL_HEADER.rstrip("\n")]
    for key in schemas.model_schema()["properties"]:
        value = model.get(key)
        if value is None:
            continue
        if key in ("developers", "modality", "aliases"):
            lines.append(f"{key}: {flow(value, quoted=key == 'aliases')}")
        elif key == "claims":
            lines.append("claims:")
            for claim in value:
                lines += _record(claim, schemas.claim_schema()["properties"], "  ")
        else:
            lines.append(f"{key}: {value if key in _PLAIN else q(value)}")
    return "\n".join(lines) + "\n"


def _record(rec: dict, order, indent: str) -> list[str]:
    lines = []
    for key in order:
        value = rec.get(key)
        if value is None:
            continue
        lead = indent + ("- " if not lines else "  ")
        if key == "citations":
            lines.append(f"{lead}citations:")
            for cit in value:
                lines += _record(cit, schemas.citation_schema()["properties"], indent + "    ")
        elif key == "openness":
            lines.append(f"{lead}openness:")
            lines += [f"{indent}    {d}: {q(value[d])}" for d in schemas.openness_schema()["properties"] if d in value]
        elif isinstance(value, list):
            lines.append(f"{lead}{key}: {flow(value)}")
        else:
            lines.append(f"{lead}{key}: {value if key in _PLAIN else q(value)}")
    return lines


def _public(model: dict) -> dict:
    """The record as YAML should load it (without the generator's private keys)."""
    out = {k: v for k, v in model.items() if k != "claims"}
    out["claims"] = [
        {
            **{k: v for k, v in c.items() if k != "citations" and not k.startswith("_") and v is not None},
            "citations": [{k: v for k, v in x.items() if not k.startswith("_")} for x in c["citations"]],
        }
        for c in model["claims"]
    ]
    return out


def cover_sources(models: list[dict], sources: list[dict], texts: list[list[str]], raw: list[str], seed: int) -> None:
    """When N < K some sources are in no model's pool: the last models mention them (so model 0 is unchanged)."""
    cited = {c["source"] for m in models for cl in m["claims"] for c in cl["citations"]}
    missing = [j for j, s in enumerate(sources) if s["id"] not in cited and s["document"] == "article"]
    if not missing:
        return
    rng = random.Random(f"{seed}:cover")
    slots = [(mi, ci) for mi in reversed(range(len(models))) for ci in range(len(models[mi]["claims"]))]
    for n, j in enumerate(missing):
        mi, ci = slots[n % len(slots)]
        claim = models[mi]["claims"][ci]
        pub = sources[j]["published"]
        late = claim.get("date") and pub and rules_date(claim["date"]) > date.fromisoformat(pub)
        claim["citations"].append(
            {
                "_j": j,
                "source": sources[j]["id"],
                "stance": "predicts" if late else "mentions",
                "quote": draw_quote(rng, texts[j], raw[j]),
            }
        )


def rules_date(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], *(parts[1:] + [1] * (3 - len(parts))))


# --- project root -------------------------------------------------------------------------------


def generator_version() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def params(models: int, claims: int, sources: int, seed: int) -> dict:
    return {"models": models, "claims": claims, "sources": sources, "seed": seed, "generator": generator_version()}


def copy_site(out: Path, repo: Path = REPO) -> None:
    """(Re)copy the site files from the repo, so a reused base builds with the current site code."""
    out.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        src, dst = repo / name, out / name
        if dst.is_dir() and not dst.is_symlink():
            shutil.rmtree(dst)
        elif dst.exists() or dst.is_symlink():
            dst.unlink()
        if src.is_dir():
            shutil.copytree(src, dst, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, dst)


def is_current(out: Path, wanted: dict) -> bool:
    try:
        return json.loads((out / STAMP).read_text()) == wanted
    except (OSError, ValueError):
        return False


def generate(out: Path, models: int, claims: int, sources: int, seed: int = 1, *, force: bool = False) -> dict:
    """Write the whole project root; returns a summary. Refuses to overwrite a folder it did not write."""
    if models < 1 or claims < 1 or sources < 1:
        raise ValueError("--models, --claims and --sources must be at least 1")
    out = Path(out)
    if not force and not (out / STAMP).exists() and any((out / d).exists() for d in ("facts", "seeds")):
        raise SystemExit(f"{out} already has facts/ or seeds/ not written by synth.py; use --force or another --out")
    for d in ("facts", "seeds", "site"):
        shutil.rmtree(out / d, ignore_errors=True)
    (out / STAMP).unlink(missing_ok=True)
    copy_site(out)
    (out / "facts").mkdir()
    (out / "seeds").mkdir()
    width = max(3, len(str(sources - 1)))
    recs, raw = [], []
    for j in range(sources):
        rec, text = make_source(seed, j, width)
        recs.append(rec)
        raw.append(text)
        (out / "seeds" / rec["file"]).write_bytes(text.encode("utf-8"))
    (out / "seeds" / "publishers.yaml").write_text(publishers_yaml(), encoding="utf-8")
    (out / "seeds" / "primary").mkdir()
    for entry in LICENCE_TABLE:
        if entry["repo"]:
            rec, text = licence_source(seed, entry)
            recs.append(rec)
            raw.append(text)
            (out / "seeds" / rec["file"]).write_bytes(text.encode("utf-8"))
    texts = [body_sentences(t) for t in raw]
    ids = {r["id"]: j for j, r in enumerate(recs)}
    assert len(ids) == len(recs), "source ids must be unique"
    built = [make_model(seed, i, recs, texts, raw, claims) for i in range(models)]
    cover_sources(built, recs, texts, raw, seed)
    cited = {c["source"] for m in built for cl in m["claims"] for c in cl["citations"]}
    for rec in recs:
        if rec["id"] not in cited:  # a licence text no model at this size cites
            rec["unused"] = "No synthetic model at this size is offered under this licence yet."
    table = licences_table(built, {r["id"]: r for r in recs})
    text = licences_yaml(table)
    assert yaml.load(text, Loader=_LOADER) == {
        "licences": [{k: v for k, v in e.items() if v is not None} for e in table]
    }
    (out / "seeds" / "licences.yaml").write_text(text, encoding="utf-8")
    for rec in recs:
        text = source_yaml(rec)
        assert yaml.load(text, Loader=_LOADER) == rec, rec["id"]
        (out / "seeds" / f"{rec['id']}.yaml").write_text(text, encoding="utf-8")
    for model in built:
        text = model_yaml(model)
        assert yaml.load(text, Loader=_LOADER) == _public(model), model["id"]
        (out / "facts" / f"{model['id']}.yaml").write_text(text, encoding="utf-8")
    summary = {
        **params(models, claims, sources, seed),
        "citations": sum(len(c["citations"]) for m in built for c in m["claims"]),
        "disputed": sum(c["status"] == "disputed" for m in built for c in m["claims"]),
        "asserting": sum(bool(c.get("openness")) for m in built for c in m["claims"]),
        "licences": len(table),
        "first_model": built[0]["id"],
    }
    (out / STAMP).write_text(json.dumps(params(models, claims, sources, seed), indent=1) + "\n")
    return summary


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--models", type=int, required=True, help="number of fact files (N)")
    p.add_argument("--claims", type=int, required=True, help="claims per model (M)")
    p.add_argument("--sources", type=int, required=True, help="source articles (K)")
    p.add_argument("--out", type=Path, required=True, help="project root to write")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help="overwrite facts/ and seeds/ not written by synth.py")
    args = p.parse_args(argv)
    summary = generate(args.out, args.models, args.claims, args.sources, args.seed, force=args.force)
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
