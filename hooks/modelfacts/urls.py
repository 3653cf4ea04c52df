"""Where everything lives in the built site: page URLs, anchors, and links between them.

A page URL is '' (home) or a folder ending in '/': the page is written to that folder's index.html
and served at the folder. Links name the file, so the site also works opened from disk.
"""

from __future__ import annotations

from urllib.parse import quote as percent_encode
from urllib.parse import urlencode

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


def filter_query(**filters: str) -> str:
    """A query that presets a table's filters (the matrix, the timeline): docs/assets/tables.js sets its select
    `mf-filter-<name>` to the value, when the select offers it."""
    return "?" + urlencode(filters, quote_via=percent_encode)


def cite_anchor(model_id: str, claim_id: str, index: int) -> str:
    """Where a claim's citation number `index` is highlighted on its source page. Ids never
    contain '--', so the parts cannot run together."""
    return f"cite--{model_id}--{claim_id}--{index}"


def disputed_anchor(model_id: str, claim_id: str) -> str:
    """A claim on the disputed page, which holds claims of every model."""
    return f"{model_id}--{claim_id}"


SECTION_ANCHORS = {
    "reliable": "_reliable",
    "other": "_other",
    "doubtful": "_doubtful",
    "references": "_references",
}
"""The sections of a model page below its openness card (claim ids cannot contain '_', so no claim can take these)."""


def reference_anchor(number: int) -> str:
    """Entry `number` of a page's reference list."""
    return f"_ref{number}"


FRAGMENT_WORDS = 4
"""A quote longer than twice this many words is found by its first and last words (textStart,textEnd):
a short link, and one that still finds a long passage whose middle the original lays out differently."""


def _fragment_part(text: str) -> str:
    """One part of a text directive, percent-encoded as the text-fragment spec asks: '-', '&' and ','
    are its syntax, so they are encoded too; non-ASCII as UTF-8."""
    return percent_encode(text, safe="").replace("-", "%2D")


def text_fragment(quote: str) -> str:
    """'#:~:text=…': the fragment that makes a browser scroll to and highlight `quote` in the original
    (WICG Scroll to Text Fragment). White space runs, line breaks included, are one space, as a browser
    sees rendered text; '' for a quote with no text."""
    words = quote.split()
    if not words:
        return ""
    if len(words) > 2 * FRAGMENT_WORDS:
        start, end = " ".join(words[:FRAGMENT_WORDS]), " ".join(words[-FRAGMENT_WORDS:])
        return f"#:~:text={_fragment_part(start)},{_fragment_part(end)}"
    return f"#:~:text={_fragment_part(' '.join(words))}"


def passage_url(url: str, quote: str) -> str:
    """The original document at `url` (a pinned address, without a fragment of its own), scrolled to `quote`."""
    return url.split("#", 1)[0] + text_fragment(quote)


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
