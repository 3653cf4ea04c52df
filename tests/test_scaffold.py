"""`modelfacts new model|claim`: skeletons the checker rejects until filled in, and accepts after."""

from __future__ import annotations

import hashlib

import pytest
import yaml
from conftest import SOURCE_HEADER, dump, model_record, run_cli, source_record

from modelfacts import fmt, layout, load
from modelfacts.check import check_root
from modelfacts.cli import main
from modelfacts.scaffold import suggested_id


def new(project, *args: str):
    return run_cli("new", *args, "--root", str(project.root))


def errors(project) -> list[tuple[str, int, int, str, str]]:
    return [
        (p.file, p.line, p.col, p.rule, p.message) for p in check_root(project.root).problems if p.severity == "error"
    ]


def fill(path, *pairs: str) -> None:
    """Replace the last occurrence (in the newest claim) of each placeholder with its value."""
    text = path.read_text(encoding="utf-8")
    for old, new in zip(pairs[::2], pairs[1::2], strict=False):
        head, found, tail = text.rpartition(old)
        assert found, old
        text = head + new + tail
    path.write_text(text, encoding="utf-8")


CLAIM_PROBLEMS = [  # (line offset from the claim's `- id:` line, column, message)
    (1, 16, "statement: must not be empty or only white space"),
    (2, 12, "topic: '' is not allowed"),
    (5, 17, "confidence: '' is not allowed"),
    (12, 17, "citations.0.source: '' has the wrong form"),
    (13, 17, "citations.0.stance: '' is not allowed"),
    (14, 16, "citations.0.quote: must not be empty or only white space"),
]


def claim_problems(index: int, first_line: int) -> list[tuple[str, int, int, str, str]]:
    return [
        ("facts/widget-1.yaml", first_line + dl, col, "schema", f"claims.{index}.{m}") for dl, col, m in CLAIM_PROBLEMS
    ]


def test_new_model_then_new_claim_filled_in_gives_the_valid_widget(project):
    path = project.root / "facts/widget-1.yaml"
    path.unlink()

    out = new(project, "model", "widget-1", "--name", "Widget-1", "--developer", "acme-labs")
    assert out.returncode == 0, out.stderr
    assert out.stdout == (
        "created facts/widget-1.yaml\n"
        "fill in: claims[0].id, claims[0].statement, claims[0].topic, claims[0].confidence, "
        "claims[0].citations[0].source, claims[0].citations[0].stance, claims[0].citations[0].quote\n"
        "then run `modelfacts check`\n"
    )
    skeleton = path.read_text(encoding="utf-8")
    assert skeleton.startswith(
        "# yaml-language-server: $schema=../schemas/model.schema.json\nid: widget-1  # Same as the file name"
    )
    assert '    topic: ""  # What the claim is about. One of: release, availability, license,' in skeleton
    assert '    # rationale: ""  # optional: Why this rating' in skeleton
    assert fmt.rewrite(skeleton.encode(), "model", "x")[0] == skeleton, "a skeleton is already formatted"
    assert layout.layout_problems(load.load_bytes(skeleton.encode(), "x")[0], "model") == []
    assert errors(project) == [
        ("facts/widget-1.yaml", 9, 9, "schema", "claims.0.id: '' has the wrong form")
    ] + claim_problems(0, 9)

    fill(
        path,
        '# family: ""',
        "family: Widget",
        "modality: []",
        "modality: [text]",
        "aliases: []",
        "aliases: [W1]",
        'id: ""',
        "id: released",
        'statement: ""',
        "statement: Widget-1 was released on 3 March 2025.",
        'topic: ""',
        "topic: release",
        '# date: ""',
        'date: "2025-03-03"',
        'confidence: ""',
        "confidence: medium",
        'source: ""',
        "source: acme-news",
        'stance: ""',
        "stance: supports",
        'quote: ""',
        "quote: Acme Labs released Widget-1 on March 3, 2025.",
    )
    assert errors(project) == []

    out = new(project, "claim", "widget-1", "--id", "open-weights")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("added claim 2 to facts/widget-1.yaml\nfill in: claims[1].statement, ")
    assert errors(project) == claim_problems(1, 25)

    fill(
        path,
        'statement: ""',
        "statement: Widget-1's weights are openly available.",
        'topic: ""',
        "topic: weights",
        'confidence: ""',
        "confidence: very low",
        "status: current  # Whether the claim stands. One of",
        "status: disputed  # Whether the claim stands. One of",
        '# rationale: ""',
        "rationale: One outlet says open, another says closed.",
        'source: ""',
        "source: acme-news",
        'stance: ""',
        "stance: supports",
        'quote: ""',
        "quote: The weights of Widget-1 are available under the Apache 2.0 licence\n"
        "      - source: rival-news\n        stance: contradicts\n"
        "        quote: Widget-1 weights remain closed and API-only",
    )
    text = path.read_text(encoding="utf-8")
    assert errors(project) == []
    assert yaml.safe_load(text) == model_record()


def test_new_claim_keeps_comments_and_other_claims(project):
    path = project.root / "facts/widget-1.yaml"
    before = (
        path.read_text(encoding="utf-8")
        .replace("claims:\n", "claims:  # newest last\n")
        .replace("  - id: open-weights\n", "  # the disputed one\n  - id: open-weights\n")
    )
    path.write_text(before, encoding="utf-8")
    out = new(project, "claim", "widget-1", "--id", "licence")
    assert out.returncode == 0, out.stderr
    after = path.read_text(encoding="utf-8")
    assert after.startswith(before)
    assert after[len(before) :].startswith("  - id: licence  # Unique within the model")
    assert yaml.safe_load(after)["claims"][:2] == yaml.safe_load(before)["claims"]


def test_user_text_that_yaml_would_misread_is_quoted(project):
    out = new(project, "model", "2024", "--name", "yes", "--developer", "null", "--developer", "2024")
    assert out.returncode == 0, out.stderr
    data = yaml.safe_load((project.root / "facts/2024.yaml").read_text())
    assert (data["id"], data["name"], data["developers"]) == ("2024", "yes", ["null", "2024"])


def test_developers_are_publisher_ids_each_given_by_its_own_option(project):
    out = new(project, "model", "gadget", "--developer", "acme-labs", "--developer", "rival-times")
    assert out.returncode == 0, out.stderr
    assert "\ndevelopers: [acme-labs, rival-times]\n" in (project.root / "facts/gadget.yaml").read_text()
    out = new(project, "model", "gizmo")
    assert "\ndevelopers: []  # Who makes the model" in (project.root / "facts/gizmo.yaml").read_text()
    refused = new(project, "model", "gimmick", "--developer", "Acme Labs")
    assert refused.returncode == 2 and not (project.root / "facts/gimmick.yaml").exists()
    assert refused.stderr.startswith("modelfacts new: `Acme Labs` is not a valid developer (publisher) id: ")


def test_refuses_to_overwrite(project):
    path = project.root / "facts/widget-1.yaml"
    before = path.read_bytes()
    out = new(project, "model", "widget-1")
    assert out.returncode == 2
    assert out.stderr == (
        "modelfacts new: facts/widget-1.yaml already exists; add a claim with `modelfacts new claim widget-1`\n"
    )
    assert path.read_bytes() == before


def test_refuses_an_invalid_model_id(project):
    out = new(project, "model", "Widget 1")
    assert out.returncode == 2
    assert out.stderr.startswith("modelfacts new: `Widget 1` is not a valid model id: use lowercase")
    assert not (project.root / "facts/Widget 1.yaml").exists()


def test_refuses_an_invalid_or_duplicate_claim_id(project):
    path = project.root / "facts/widget-1.yaml"
    before = path.read_bytes()
    assert new(project, "claim", "widget-1", "--id", "Bad_Id").returncode == 2
    out = new(project, "claim", "widget-1", "--id", "released")
    assert out.returncode == 2
    assert out.stderr == "modelfacts new: facts/widget-1.yaml already has a claim `released`; choose another --id\n"
    assert path.read_bytes() == before


def test_new_claim_needs_an_existing_readable_model(project):
    assert new(project, "claim", "../seeds/acme-news").returncode == 2
    out = new(project, "claim", "widget-9")
    assert out.returncode == 2
    assert "facts/widget-9.yaml does not exist; create it with `modelfacts new model widget-9`" in out.stderr
    project.write("facts/widget-1.yaml", "id: [unclosed\n")
    out = new(project, "claim", "widget-1")
    assert out.returncode == 2
    assert "error[yaml-syntax]" in out.stderr and "Traceback" not in out.stderr


def test_usage_errors_exit_2(project):
    assert run_cli("new").returncode == 2
    assert run_cli("new", "model").returncode == 2
    assert run_cli("new", "dataset", "x").returncode == 2


# `modelfacts new source FILE`, run in-process.

CARD = b"# Widget-1 model card\r\n\r\n**License** Apache 2.0, for code and weights.\r\n"
COMMIT = "0123456789abcdef0123456789abcdef01234567"


def new_source(project, capsys, *args: str) -> tuple[int, str, str]:
    status = main(["new", "source", *args, "--root", str(project.root)])
    out, err = capsys.readouterr()
    return status, out, err


def test_new_source_records_a_document_with_its_hash_and_lists_what_to_fill_in(project, capsys):
    document = project.write("seeds/primary/acme-labs__widget__MODEL_CARD.md", CARD)
    status, out, err = new_source(project, capsys, str(document))
    assert (status, err) == (0, "")
    assert out == (
        "created seeds/acme-labs-widget-model-card.yaml for seeds/primary/acme-labs__widget__MODEL_CARD.md\n"
        "fill in: title, publisher, published, url, kind, document, reliability, reliability_note\n"
        "then run `modelfacts check`\n"
    )
    path = project.root / "seeds/acme-labs-widget-model-card.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../schemas/source.schema.json\nid: acme-labs-widget-model-card  # "
    )
    assert f"\nsha256: {hashlib.sha256(CARD).hexdigest()}  # SHA-256" in text
    assert '\n# provenance: ""  # optional: For a document copied from a repository' in text
    assert '\n# unused: ""  # optional: Why no claim cites this source yet' in text
    assert fmt.rewrite(text.encode(), "source", "x")[0] == text, "a skeleton is already formatted"
    blanks = ["title", "publisher", "published", "url", "kind", "document", "reliability", "reliability_note"]
    assert [(p.rule, p.message.split(":")[0]) for p in check_root(project.root).problems if p.severity == "error"] == [
        ("schema", field) for field in blanks
    ]
    fill(
        path,
        'title: ""',
        'title: "[Widget-1 model card]"',
        'publisher: ""',
        "publisher: acme-labs",
        'published: ""',
        'published: "2025-03-04"',
        'url: ""',
        f"url: https://github.com/acme-labs/widget/blob/{COMMIT}/MODEL_CARD.md",
        'kind: ""',
        "kind: primary",
        'document: ""',
        "document: model-card",
        'reliability: ""',
        "reliability: A",
        'reliability_note: ""',
        "reliability_note: Acme Labs' own model card.",
        '# provenance: ""',
        "provenance:\n  repository: acme-labs/widget\n  path: MODEL_CARD.md\n  branch: main\n"
        f'  commit: {COMMIT}\n  commit_date: "2025-03-04T09:00:00+01:00"\n  last_change_commit: {COMMIT}\n#',
        '# unused: ""',
        "unused: Not yet curated.\n#",
    )
    assert check_root(project.root).problems == []


def test_new_source_takes_a_path_from_the_current_folder_and_an_id(project, capsys, monkeypatch):
    project.write("seeds/primary/LICENSE", CARD)
    monkeypatch.chdir(project.root / "seeds" / "primary")
    status, out, _ = new_source(project, capsys, "LICENSE", "--id", "acme-licence")
    assert status == 0 and out.startswith("created seeds/acme-licence.yaml for seeds/primary/LICENSE\n")
    assert "\nfile: primary/LICENSE  # " in (project.root / "seeds/acme-licence.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("primary/meta-llama__llama3__MODEL_CARD.md", "meta-llama-llama3-model-card"),
        ("primary/meta-llama__llama@llama_v1__LICENSE", "meta-llama-llama-llama-v1-license"),
        ("primary/x__llama3.1__LICENSE", "x-llama3-1-license"),
        ("000_04d8fc4c021dbac8.txt", "000-04d8fc4c021dbac8"),
        ("primary/___.md", ""),
    ],
)
def test_an_id_is_suggested_from_the_file_name(name, expected):
    assert suggested_id(name) == expected


def test_new_source_refuses_what_cannot_be_a_new_sources_document(project, capsys, tmp_path):
    project.write("seeds/primary/card.md", CARD)
    project.write("seeds/primary/___.md", CARD)
    project.write("seeds/primary/.card.md", CARD)
    (project.root / "seeds/primary/link.md").symlink_to(project.root / "seeds/primary/card.md")
    outside = tmp_path / "elsewhere.md"
    outside.write_bytes(CARD)
    seeds = project.root / "seeds"
    before = sorted(p.name for p in seeds.iterdir())
    cases = [
        ((str(outside),), f"{outside} is not inside {seeds.resolve()}: copy the document into seeds/ first"),
        ((str(seeds / "primary"),), "seeds/primary is not a regular file: a record names a document"),
        ((str(seeds / "primary/link.md"),), "seeds/primary/link.md is a link: a record names a document"),
        ((str(seeds / "primary/gone.md"),), "seeds/primary/gone.md is not there: a record names a document"),
        ((str(seeds / "acme-news.yaml"),), "seeds/acme-news.yaml is a record, not a document"),
        ((str(seeds / "acme.txt"),), "seeds/acme-news.yaml already names seeds/acme.txt: one document, one source"),
        (
            (str(seeds / "primary/card.md"), "--id", "rival-news"),
            "the id `rival-news` is taken (seeds/rival-news.yaml)",
        ),
        (
            (str(seeds / "primary/card.md"), "--id", "publishers"),
            "the id `publishers` is taken (seeds/publishers.yaml)",
        ),
        ((str(seeds / "primary/card.md"), "--id", "Card"), "`Card` is not a valid source id: use lowercase"),
        ((str(seeds / "primary/___.md"),), "no id can be made from the name primary/___.md: give one with --id"),
        ((str(seeds / "primary/.card.md"),), "seeds/primary/.card.md has a name no record can give"),
    ]
    for args, message in cases:
        status, out, err = new_source(project, capsys, *args)
        assert (status, out) == (2, ""), args
        assert err.startswith(f"modelfacts new: {message}"), err
    assert sorted(p.name for p in seeds.iterdir()) == before, "nothing was written"


def test_new_source_refuses_an_id_another_record_declares(project, capsys):
    """A record named otherwise (itself an error the checker reports) still holds its id."""
    project.write("seeds/primary/card.md", CARD)
    project.write("seeds/old-name.yaml", dump(source_record("card", "other.txt", "x"), SOURCE_HEADER))
    status, _, err = new_source(project, capsys, str(project.root / "seeds/primary/card.md"))
    assert (status, err) == (
        2,
        "modelfacts new: the id `card` is taken (seeds/old-name.yaml); choose another with --id\n",
    )
