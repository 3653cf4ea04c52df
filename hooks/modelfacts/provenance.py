"""What sort of document a source is, and where a copied document came from.

Articles sit at the top of seeds/; primary documents (licences, model cards, READMEs) are copied
byte for byte from the developers' own repositories into seeds/primary/. A copy's record says where
it came from (`provenance`: repository, path, branch, the commit read, the date of the commit that
last changed the file), and its `url` is the file at that commit, which never changes. What a copy
says is evidence as of that commit date: its record's `published` is the date's day.
"""

from __future__ import annotations

DOCUMENT_TYPES = {
    "article": "A news story, column, post or other article.",
    "licence": "The terms a model, its weights or its code are offered under.",
    "use-policy": "An acceptable-use or usage policy, which a licence may incorporate.",
    "model-card": "The developer's description of a model: what it is, how it was made, its limits.",
    "readme": "The front page of a repository.",
    "docs": "Other documentation: guides, references, instructions.",
    "changelog": "A dated list of a project's releases.",
}
"""The vocabulary of a source's `document`: what the document is, apart from who published it (`kind`)."""

REPOSITORY_HOST = "https://github.com"
COMMIT_PATTERN = "^[0-9a-f]{40}$"
"""A full git commit id: 40 lowercase hex digits (an abbreviation could come to name two commits)."""
COMMIT_DATE_PATTERN = (
    r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](Z|[+-][0-9]{2}:[0-9]{2})$"
)
"""ISO 8601 with its offset, as `git log --format=%cI` prints it: 2024-03-23T19:03:21+11:00."""
REPOSITORY_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*$"


def pinned_url(repository: str, commit: str, path: str) -> str:
    """The file at one commit: the address that shows exactly the bytes that were copied."""
    return f"{REPOSITORY_HOST}/{repository}/blob/{commit}/{path}"


def commit_url(repository: str, commit: str) -> str:
    return f"{REPOSITORY_HOST}/{repository}/commit/{commit}"


def commit_day(commit_date: str) -> str:
    """The day of a commit date as the committer's clock read it (its offset kept): the evidence date."""
    return commit_date[:10]
