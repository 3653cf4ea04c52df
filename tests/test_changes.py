"""changes.py: what a change did to the fact base, from models built in memory."""

from __future__ import annotations

from dataclasses import replace

from conftest import SOURCE_HEADER, VALID_WIDGET, dump, source_record

from modelfacts import rubric
from modelfacts.changes import (
    EMPTY,
    INVALID,
    MODEL_FIELDS,
    Change,
    Snapshot,
    beyond,
    carry,
    changed_fields,
    claim_changes,
    comparable,
    face,
    snapshot,
    verdict_changes,
)
from modelfacts.git import Records
from modelfacts.load import Document
from modelfacts.model import Citation, Claim, Licence, LicenceTable, Model, Origin

ORIGIN = Origin(Document("in-memory.yaml", None))


def cite(source: str, stance: str = "supports", quote: str = "a quote") -> Citation:
    return Citation(source, stance, quote, ORIGIN)


def claim(ident: str, confidence: str = "medium", **over) -> Claim:
    fields: dict = {"statement": f"The {ident} claim.", "topic": "release", "status": "current", "citations": ()}
    return Claim(ident, confidence=confidence, origin=ORIGIN, **{**fields, **over})


def model(ident: str, *claims: Claim, **over) -> Model:
    fields: dict = {"name": ident.title(), "developers": ("acme",), "modality": ("text",), "aliases": ()}
    return Model(ident, claims=claims, origin=ORIGIN, **{**fields, **over})


def test_the_exact_change_list_in_its_fixed_order():
    keep, reword = claim("keep"), claim("reword")
    lower, gone, first = claim("lower", "high"), claim("gone"), claim("first")
    old = {
        "b": model("b", keep, lower, reword, gone),
        "a": model("a", first),
        "same": model("same", keep),
    }
    reworded, lowered, new_claim = (
        replace(reword, statement="Reworded."),
        replace(lower, confidence="low"),
        claim("new"),
    )
    new = {
        "b": model("b", new_claim, reworded, keep, lowered, name="B renamed"),
        "c": model("c", first),
        "same": model("same", keep),
    }
    assert claim_changes(old, new) == (
        Change("removed", old["a"], first, None),
        Change("added", new["b"], None, new_claim),
        Change("changed", new["b"], reword, reworded),
        Change("changed", new["b"], lower, lowered),
        Change("removed", new["b"], gone, None),
        Change("added", new["c"], None, first),
    )
    assert claim_changes(new, new) == ()


def test_the_rating_direction_follows_the_rubric_order():
    for i, before in enumerate(rubric.CONFIDENCE_LEVELS):
        for j, after in enumerate(rubric.CONFIDENCE_LEVELS):
            change = Change("changed", model("m"), claim("x", before), claim("x", after, statement="New."))
            assert change.rating == (None if i == j else "raised" if j > i else "lowered"), (before, after)
    assert Change("added", model("m"), None, claim("x", "high")).rating is None
    assert Change("removed", model("m"), claim("x", "high"), None).rating is None


def test_a_changed_claim_lists_its_changed_fields_in_order():
    old = claim("x", "high", citations=(cite("a"),), rationale="Because.")
    new = claim("x", "low", citations=(cite("a"), cite("b")), topic="usage", notes="A note.")
    change = Change("changed", model("m"), old, new)
    assert change.fields == ("confidence", "citations", "rationale", "topic", "notes")
    assert change.claim is new
    assert Change("removed", model("m"), old, None).claim is old
    assert Change("removed", model("m"), old, None).fields == ()


def test_model_fields_changed():
    old, new = model("m", family="F"), model("m", name="Renamed", aliases=("R",), family="F")
    assert changed_fields(old, new, MODEL_FIELDS) == ("name", "aliases")
    assert changed_fields(old, model("m", family="F", developers=("acme", "rival")), MODEL_FIELDS) == ("developers",)


def test_citations_beyond_count_repeats():
    a, b = cite("a"), cite("b")
    assert beyond((a, b, a, a), (a, b)) == [a, a]
    assert beyond((a, b), (b, a, a)) == []
    assert beyond((cite("a", "contradicts"),), (a,)) == [cite("a", "contradicts")]


def widget_bytes(**edits: str) -> bytes:
    text = VALID_WIDGET.read_text(encoding="utf-8")
    for old, new in edits.items():
        text = text.replace(old, new)
    return text.encode()


def test_snapshot_reads_valid_files_and_sets_the_others_aside_with_why():
    source = dump(source_record("acme-news", "acme.txt", "text"), SOURCE_HEADER).encode()
    records = Records(
        {
            "facts/widget.yaml": widget_bytes(),
            "facts/broken.yaml": b"id: [unclosed\n",
            "facts/latin1.yaml": "name: Caf\xe9\n".encode("latin-1"),
            "facts/wrong-shape.yaml": b"id: widget-1\n",
            "seeds/acme.yaml": source,
        },
        {"facts/link.yaml": "is a symbolic link, not a file"},
    )
    snap = snapshot(records)
    assert list(snap.models) == ["facts/widget.yaml"]
    assert [c.id for c in snap.models["facts/widget.yaml"].claims] == ["released", "open-weights"]
    assert {p: s.id for p, s in snap.sources.items()} == {"seeds/acme.yaml": "acme-news"}
    assert snap.sources["seeds/acme.yaml"].as_of == "2025-03-04"
    assert snap.unread == {
        "facts/link.yaml": "is a symbolic link, not a file",
        "facts/broken.yaml": INVALID,
        "facts/latin1.yaml": INVALID,
        "facts/wrong-shape.yaml": INVALID,
    }


def test_of_two_files_with_one_id_the_later_path_wins():
    first = snapshot(Records({"facts/a.yaml": widget_bytes(), "facts/b.yaml": widget_bytes(**{"W1": "W2"})}, {}))
    assert first.by_id["widget-1"].aliases == ("W2",)


def snap(models: dict[str, Model], unread: dict[str, str] | None = None, sources: dict | None = None) -> Snapshot:
    return Snapshot(models, sources or {}, unread or {})


def test_a_file_unread_on_either_side_is_left_out_of_both():
    a, b = model("a", claim("x")), model("b", claim("y"))
    old = snap({"facts/a.yaml": a, "facts/b.yaml": b}, sources={"seeds/s.yaml": "s", "seeds/t.yaml": "t"})
    new = snap({"facts/b.yaml": b}, {"facts/a.yaml": INVALID, "seeds/s.yaml": INVALID}, {"seeds/t.yaml": "t"})
    left, right = comparable(old, new)
    assert (left.by_id, right.by_id) == ({"b": b}, {"b": b})
    assert (left.sources, right.sources) == ({"seeds/t.yaml": "t"}, {"seeds/t.yaml": "t"})
    assert claim_changes(left.by_id, right.by_id) == ()
    assert right.unread == new.unread  # the reasons stay for the notes


def test_a_file_broken_then_fixed_shows_at_the_fix_what_changed_since_it_was_last_read():
    good = model("a", claim("x", "high"))
    fixed = model("a", claim("x", "low"))
    before = snap({"facts/a.yaml": good})
    broken = carry(before, snap({}, {"facts/a.yaml": INVALID}))
    assert broken == before
    after = carry(broken, snap({"facts/a.yaml": fixed}))
    assert claim_changes(broken.by_id, after.by_id) == (
        Change("changed", fixed, claim("x", "high"), claim("x", "low")),
    )


def test_a_new_file_that_starts_broken_is_absent_until_fixed():
    broken = carry(EMPTY, snap({}, {"facts/a.yaml": INVALID}))
    assert broken == EMPTY
    fixed = model("a", claim("x"))
    assert claim_changes(broken.by_id, {"a": fixed}) == (Change("added", fixed, None, claim("x")),)


def test_a_file_unread_on_both_sides_stays_unread():
    before = snap({}, {"facts/a.yaml": "is a folder, not a file"})
    after = carry(before, snap({}, {"facts/a.yaml": INVALID, "facts/b.yaml": INVALID}))
    assert after.unread == {"facts/a.yaml": INVALID}
    assert comparable(after, snap({"facts/a.yaml": model("a", claim("x"))}))[1].models == {}


def test_changes_are_the_same_whichever_path_a_model_has():
    """The comparison is by model id: a renamed file is no change."""
    old = snapshot(Records({"facts/a.yaml": widget_bytes()}, {}))
    new = snapshot(Records({"facts/b.yaml": widget_bytes()}, {}))
    assert claim_changes(old.by_id, new.by_id) == ()


TABLE = LicenceTable((Licence("MIT", "MIT License", "open", "OSI-approved.", (), ORIGIN),), ORIGIN)
LICENCE_PATH = "seeds/licences.yaml"


def test_a_removed_model_leaves_unknown_verdicts_and_says_which_assertions_went():
    asserting = model("a", claim("x", "high", openness=(("weights", "open"), ("licence", "MIT"))))
    old = Snapshot({"facts/a.yaml": asserting}, {}, {}, {LICENCE_PATH: TABLE})
    new = Snapshot({}, {}, {}, {LICENCE_PATH: TABLE})
    found = verdict_changes(old, new)
    assert [(c.model.id, c.dimension, face(c.old), face(c.new)) for c in found] == [
        ("a", "weights", ("open", None, None), ("unknown", None, None)),
        ("a", "licence", ("open", "MIT", "open"), ("unknown", None, None)),
    ]
    assert [(c.claim, c.old is not None, c.new) for c in found[0].causes] == [("x", True, None)]
    assert found[1].causes[0].describe(lambda value, code: f"<{value}>") == "no longer asserts <MIT>"
    assert verdict_changes(old, old) == () and verdict_changes(new, old)[0].old.verdict == "unknown"


def test_a_licence_table_unread_on_one_side_classes_nothing_on_either():
    asserting = model("a", claim("x", "high", openness=(("licence", "MIT"),)))
    old = Snapshot({"facts/a.yaml": asserting}, {}, {}, {LICENCE_PATH: TABLE})
    new = Snapshot({"facts/a.yaml": asserting}, {}, {LICENCE_PATH: INVALID})
    left, right = comparable(old, new)
    assert (left.table, right.table) == (LicenceTable(), LicenceTable())
    assert verdict_changes(left, right) == ()
    assert verdict_changes(old, carry(old, new)) == ()  # the unread table is taken as it was
    assert carry(old, new).table == TABLE
