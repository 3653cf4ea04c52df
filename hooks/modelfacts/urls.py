"""Where everything lives in the built site: page URLs, anchors, and links between them.

A page URL is '' (home) or a folder ending in '/': the page is written to that folder's index.html
and served at the folder. Links name the file, so the site also works opened from disk.
"""

from __future__ import annotations

HOME = ""
MODELS = "models/"
SOURCES = "sources/"
DISPUTED = "disputed/"
TIMELINE = "timeline/"
METHODOLOGY = "methodology/"
DOWNLOADS = "downloads/"
OPENNESS = "openness/"
"""The openness matrix: every model against every dimension."""
LICENCES = "licences/"
FRAMEWORKS = "frameworks/"
FEED = "feed.xml"
CHANGES = "changes/"
"""Recent changes: the feed's entries as a page."""


def model_url(model_id: str) -> str:
    return f"{MODELS}{model_id}/"


def source_url(source_id: str) -> str:
    return f"{SOURCES}{source_id}/"


def licence_url(licence_id: str) -> str:
    """A licence's page: its id lowercased (`LicenseRef-Llama-2-Community` → licences/licenseref-llama-2-community/);
    an id may hold '.' and '+', never '/'."""
    return f"{LICENCES}{licence_id.lower()}/"


def framework_url(framework_id: str) -> str:
    return f"{FRAMEWORKS}{framework_id}/"


def claim_url(model_id: str, claim_id: str, site_url: str = "") -> str:
    """A claim's canonical address (exports, feed, JSON-LD): its model's folder and anchor;
    absolute when the site's address is given."""
    return f"{site_url}{model_url(model_id)}#{claim_id}"


OPENNESS_ANCHOR = "openness"
"""The openness card at the top of a model page (the matrix, framework and licence pages link to it)."""


def openness_url(model_id: str, site_url: str = "") -> str:
    """A model's openness card (the feed's verdict entries link there); absolute when the site's address is given."""
    return f"{site_url}{model_url(model_id)}#{OPENNESS_ANCHOR}"


def cite_anchor(model_id: str, claim_id: str, index: int) -> str:
    """Where a claim's citation number `index` is highlighted on its source page. Ids never
    contain '--', so the parts cannot run together."""
    return f"cite--{model_id}--{claim_id}--{index}"


def disputed_anchor(model_id: str, claim_id: str) -> str:
    """A claim on the disputed page, which holds claims of every model."""
    return f"{model_id}--{claim_id}"


def topic_anchor(topic: str) -> str:
    return f"topic_{topic}"  # claim ids cannot contain '_', so no claim can take this anchor


def url_file(url: str) -> str:
    """The file a page URL is written to: models/x/ → models/x/index.html, '' → index.html.
    A data file's path is its own file."""
    return url + "index.html" if url == "" or url.endswith("/") else url


def href(from_url: str, to_url: str, anchor: str = "") -> str:
    """Relative link from one page URL to another page URL or a data file. It names the file
    (…/index.html), never a folder: a browser opening site/ from disk shows a folder listing for
    a folder link, while a server serves the same file either way."""
    if anchor and from_url == to_url:
        return f"#{anchor}"
    here = [p for p in from_url.split("/") if p]
    there = url_file(to_url).split("/")
    common = 0
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    rel = "../" * (len(here) - common) + "/".join(there[common:])
    return rel + (f"#{anchor}" if anchor else "")
