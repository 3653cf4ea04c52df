"""Step 2a, check against the JSON Schemas, with each error placed on its YAML node."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

import fastjsonschema

from . import schemas
from .load import Document
from .problems import Problem
from .rules import SCHEMA
from .scalars import short
from .schemaparts import TEXT_PATTERN

if TYPE_CHECKING:
    import jsonschema


@cache
def fast_validator(name: str):
    """fastjsonschema compiles the schema to Python: about 7× faster than jsonschema on valid files.
    It knows drafts 4–7 only; our schemas use no keyword that differs from draft-07."""
    schema = {**schemas.SCHEMAS[name](), "$schema": "http://json-schema.org/draft-07/schema#"}
    return fastjsonschema.compile(schema)


@cache
def validator(name: str) -> jsonschema.protocols.Validator:
    """The reference validator, run only on files the fast one rejects, for located messages
    (imported here: it takes longer to import than a clean check takes to run)."""
    import jsonschema

    schema = schemas.SCHEMAS[name]()
    cls = jsonschema.validators.extend(jsonschema.validators.validator_for(schema), {"pattern": _pattern})
    return cls(schema, format_checker=None)


def _pattern(validator: Any, pattern: str, instance: Any, schema: dict) -> Iterator[jsonschema.ValidationError]:
    """`pattern` as JSON Schema (ECMA-262) and fastjsonschema read it: `$` ends the text. Python's `$`
    also matches before a final line break, so `"2024-01\n"` would pass here and fail there."""
    import jsonschema

    if validator.is_type(instance, "string") and not _ecma(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> re.Pattern:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern))


_SPACES = {" ": "space", "\n": "line break", "\r": "carriage return", "\t": "tab", "\u00a0": "no-break space"}


def _edge(value: Any) -> tuple[str, str] | None:
    """What is wrong with white space around an id, a date, a URL or a word of a vocabulary, and what
    to do: (`ends with a space`, `remove the space at the end`), or None."""
    if not isinstance(value, str) or value == value.strip():
        return None
    start = value[0].isspace()
    char = value[0] if start else value[-1]
    name = _SPACES.get(char, f"U+{ord(char):04X} (white space)")
    return f"{'starts' if start else 'ends'} with a {name}", f"remove the {name} at the {'start' if start else 'end'}"


def _field(path) -> str:
    return ".".join(str(p) for p in path) or "the file"


def _explain(err: jsonschema.ValidationError, fields: dict) -> tuple[str, str]:
    """A readable message and a hint for one schema error; `fields` are the top-level properties,
    for a rule (such as `then: required`) whose own schema does not list them."""
    where = _field(err.absolute_path)
    kind, schema = err.validator, err.schema
    if kind == "required":
        name = err.message.split("'")[1]
        described = schema.get("properties", fields).get(name, {}).get("description", "")
        return f"{where}: missing required field `{name}`", f"add `{name}:` ({described})"
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        names = [n for n in err.instance if n not in allowed]
        guess = difflib.get_close_matches(names[0], allowed, n=1) if names else []
        hint = f"did you mean `{guess[0]}`? " if guess else ""
        return (
            f"{where}: unknown field `{names[0] if names else '?'}`",
            hint + "allowed fields: " + ", ".join(allowed),
        )
    edge = _edge(err.instance) if kind in ("enum", "pattern") else None
    if edge and not (kind == "pattern" and schema.get("pattern") == TEXT_PATTERN):
        return f"{where}: {short(err.instance)} {edge[0]}", edge[1]
    if kind == "enum":
        return (
            f"{where}: {short(err.instance)} is not allowed",
            "use one of: " + ", ".join(str(v) for v in schema["enum"]),
        )
    if kind == "type":
        expected = schema["type"] if isinstance(schema["type"], str) else " or ".join(schema["type"])
        words = {"string": "text", "object": "a mapping (key: value lines)", "array": "a list", "null": "null"}
        want = " or ".join(words.get(t, t) for t in expected.split(" or "))
        return f"{where}: expected {want}, got {short(err.instance)}", "quote text values; check the indentation"
    if kind == "pattern" and schema.get("pattern") == TEXT_PATTERN:
        return (
            f"{where}: must not be empty or only white space",
            "write the text, or remove the field if it is optional",
        )
    if kind in ("minLength", "minItems"):
        return f"{where}: must not be empty", schema.get("description", "")
    if kind == "pattern":
        examples = ", ".join(repr(e) for e in schema.get("examples", []) if e is not None)
        return (
            f"{where}: {short(err.instance)} has the wrong form",
            f"{schema.get('description', '')} Examples: {examples}",
        )
    return f"{where}: {err.message}", schema.get("description", "") if isinstance(schema, dict) else ""


def check_document(doc: Document, schema_name: str) -> list[Problem]:
    if doc.data is None:
        return [
            doc.problem(
                (), SCHEMA, "the file holds no data (empty, or only comments)", "start from `modelfacts new model ID`"
            )
        ]
    try:
        fast_validator(schema_name)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems = []
    reference = validator(schema_name)
    for err in reference.iter_errors(doc.data):
        message, hint = _explain(err, reference.schema["properties"])
        path = tuple(err.absolute_path)
        key = False
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            extra = [n for n in err.instance if n not in err.schema.get("properties", {})]
            if extra:
                path, key = path + (extra[0],), True
        problems.append(doc.problem(path, SCHEMA, message, hint.strip(), key=key))
    if not problems:  # the two validators disagree: never let such a file through unchecked
        problems.append(
            doc.problem((), SCHEMA, "the file does not match its schema", "compare it with `modelfacts new model ID`")
        )
    return problems
