"""Rules met by the steps before the fact base exists: the walk, the loader, the schema and the layout.

The loader is four modules: `load` (bytes to text, the step itself), `events` (libyaml's events to
data), `scalars` (one value and its characters) and `syntax` (libyaml's errors in plain words).

Each is a constant that its step calls `at(...)` on; the table in `rules/__init__.py` lists them all.
"""

from __future__ import annotations

from ..problems import WARNING
from .rule import Rule

_FACT_FILES = "facts/ and seeds/"

FILE_UNEXPECTED = Rule(
    "file-unexpected",
    f"Under {_FACT_FILES} there are only plain files and folders, and no folder has a record's name.",
    "kinds",
)
FILE_UNREADABLE = Rule("file-unreadable", f"Every file under {_FACT_FILES} can be read.", "kinds")
FILE_LINK = Rule("file-link", "A record is not a link that leads out of its folder.", "kinds")
FILE_EXTENSION = Rule("file-extension", "Records end in `.yaml`, in lower case.", "kinds")
FILE_STRAY = Rule(
    "file-stray",
    "Nothing under facts/ and seeds/ goes unread: no other files in facts/, no hidden files.",
    "kinds",
    severity=WARNING,
)
ENCODING = Rule("encoding", "Fact files are UTF-8 without byte-order mark or NUL bytes.", "load")
FILE_SIZE = Rule("file-size", "A YAML file is at most 1 MiB.", "load")
YAML_SYNTAX = Rule("yaml-syntax", "The file is valid YAML, one document, with plain text keys.", "syntax")
YAML_DUPLICATE_KEY = Rule(
    "yaml-duplicate-key", "No key appears twice in one mapping (YAML would keep only the last).", "events"
)
YAML_ALIAS = Rule("yaml-alias", "No anchors or aliases: every value is written out.", "events")
YAML_TAG = Rule("yaml-tag", "No YAML tags such as !!python/object: data is data.", "events")
YAML_DEPTH = Rule("yaml-depth", "Nesting stays shallow (at most 16 levels).", "events")
YAML_NUMBER = Rule(
    "yaml-number",
    "No plain value YAML would read as a number no one means: base-60 `1:20`, `.inf`, `.nan`, one too large, "
    "or one longer than 40 characters.",
    "scalars",
)
TEXT_CHARACTERS = Rule(
    "text-characters",
    "Text and ids hold no control characters (but tab and line breaks), lone surrogates, noncharacters or "
    "line separators.",
    "scalars",
)
SCHEMA_COMMENT = Rule("schema-comment", "The first line names the JSON Schema for editors.", "layout", style=True)
SCHEMA = Rule(
    "schema", "The file matches its JSON Schema (fields, types, vocabularies, id and date forms).", "validate"
)
FORMAT = Rule("format", "Keys in canonical order and layout, as `modelfacts fmt` writes them.", "layout", style=True)
