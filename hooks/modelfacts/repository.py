"""Links to the project's repository, whose address is given at build time (REPO_URL, read by mkdocs.yml into
`extra.repo_url`, beside SITE_URL): the repository itself and its issue form for a wrong claim, which a link can
prefill with the claim's address. Without the address the site shows neither."""

from __future__ import annotations

from urllib.parse import urlencode

WRONG_CLAIM_FORM = "claim-is-wrong.yml"
"""The issue form in .github/ISSUE_TEMPLATE/ for reporting a wrong claim."""
CLAIM_FIELD = "claim"
"""The id of the form's field for the claim's address: GitHub fills a field from the query parameter of its id."""


def report_url(repo_url: str, claim_url: str = "") -> str:
    """A new issue from the wrong-claim form; with a claim's address (urls.claim_url, absolute when the site's
    address is known), the form opens with it filled in."""
    query = {"template": WRONG_CLAIM_FORM, **({CLAIM_FIELD: claim_url} if claim_url else {})}
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode(query)}"
