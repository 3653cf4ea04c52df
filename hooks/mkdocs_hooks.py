"""MkDocs hooks: thin glue that checks the fact base and adds the generated pages and data.

Generated pages are complete HTML already, so they skip Markdown: their source is empty and their
HTML replaces the (empty) rendering in `on_page_content`, with their ids registered for MkDocs'
anchor validation and their sections (`Page.toc`) as the table of contents, which is hidden when
there is none to list.

`mkdocs build` stops with the checker's own messages when the fact base has an error.
`mkdocs serve` keeps running instead: it logs the errors, shows them in a banner on every page,
and renders what is valid, so fixing the file brings the site back.

The built site also works opened from disk: every page is a folder's index.html and links name it
(`use_directory_urls: false`) and canonical URLs keep the folder form. Search is the exception: the
Pagefind index that `on_post_build` writes (modelfacts.searchindex) needs fetch(), which file://
refuses, and the search box says so there.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.toc import AnchorLink, TableOfContents

from modelfacts import feed, repository, searchindex, urls
from modelfacts.cache import Cache
from modelfacts.check import check_root
from modelfacts.html import esc, json_for_script
from modelfacts.problems import ERROR, format_problems
from modelfacts.site import render_site

log = logging.getLogger("mkdocs.plugins.modelfacts")
_state: dict = {"serve": False}
"""This build's checked fact base and pages, handed from one MkDocs event to the next."""
_CACHE = Cache()
"""What `mkdocs serve` keeps from build to build (this module lives as long as the server: it
defines on_startup); `mkdocs build` keeps nothing."""
_TOP_PAGES = {
    "index.md",
    "models/index.md",
    "openness/index.md",
    "sources/index.md",
    "disputed/index.md",
    "timeline/index.md",
    "licences/index.md",
    "frameworks/index.md",
    "methodology/index.md",
    "downloads/index.md",
}
_ID = re.compile(r' id="([^"]+)"')


def on_startup(command: str, dirty: bool) -> None:
    _state["serve"] = command == "serve"
    _CACHE.clear()


def on_config(config):
    root = Path(config.config_file_path).parent
    cache = _CACHE if _state["serve"] else None
    result = check_root(root, cache)
    errors = [p for p in result.problems if p.severity == ERROR]
    for p in result.problems:
        # A checker warning passes `modelfacts check`, so it must not stop `mkdocs build --strict`,
        # which fails on any logged warning: it is shown at info level, still marked warning[rule].
        (log.error if p.severity == ERROR else log.info)(p.text())
    if errors and not _state["serve"]:
        raise PluginError(
            f"the fact base has {len(errors)} error(s); `modelfacts check` explains each:\n"
            + format_problems(errors, "text")
        )
    _state["errors"] = errors
    _state["banner"] = _banner(errors)
    _state["search"] = searchindex.entries(result.base)
    _state["site"] = render_site(
        result.base,
        config.site_url or "",
        feed.history(root, cache=cache),
        cache,
        config.extra.get("repo_url") or "",
    )
    _site_links(config)
    return config


def _site_links(config) -> None:
    """The wrong-claim issue form, which the footer links to when the repository's address is known."""
    repo = config.extra.get("repo_url")
    config.extra["report_url"] = repository.report_url(repo) if repo else None


LOST_LINKS = (
    ("Home", urls.HOME),
    ("All models", urls.MODELS),
    ("The openness matrix", urls.OPENNESS),
)
"""Where the 404 page (overrides/404.html) sends a reader, beside its search."""


def on_template_context(context, template_name, config):
    """The 404 page links relative to the site's root, so it works opened from disk and under any server path;
    over HTTP a script in its head (overrides/main.html, `mf_base`) sets the <base> a server needs when it shows
    the page for a missing address deeper down: SITE_URL's path, or the server's root without it. (MkDocs gives
    it absolute paths, which a browser reading site/ from disk resolves against the file system's root.)"""
    if template_name == "404.html":
        context.update(get_context(context["nav"], context["pages"], config, base_url="."))
        context["mf_base"] = urlsplit(config.site_url or "/").path
        context["mf_lost_links"] = [(label, urls.url_file(url)) for label, url in LOST_LINKS]
    return context


def on_post_template(output, template_name, config):
    """A sitemap lists absolute URLs: without the site's address it would be empty, so it is not written (MkDocs
    skips a template whose output is empty, and its .gz with it)."""
    return "" if template_name == "sitemap.xml" and not config.site_url else output


def on_files(files, config):
    for file in files.documentation_pages():
        if file.src_uri != "index.md" and not file.src_uri.endswith("/index.md"):
            folder = file.src_uri.removesuffix(".md").removesuffix("/README")
            raise PluginError(
                f"docs/{file.src_uri}: a page must be a folder's index.md (move it to "
                f"docs/{folder}/index.md), so that it is served at {folder}/ and opens from disk"
            )
    # Handed on, not kept: once MkDocs has a page's HTML, no second
    # copy of every page outlives its turn (on_page_content lets go of each; at 3,000 models that is ~250 MiB).
    generated, banner = _state.pop("site"), _state["banner"]
    _state["pages"] = {}
    previous = _CACHE.written
    if _state["serve"]:
        _CACHE.written = {p.src_uri: banner + p.html for p in generated.pages}
    for page in generated.pages:
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"docs/{page.src_uri} would hide a generated page: rename or remove it")
        inclusion = InclusionLevel.UNDEFINED if page.src_uri in _TOP_PAGES else InclusionLevel.NOT_IN_NAV
        # Unchanged since the last build in this process: `mkdocs serve --dirty` skips it.
        unchanged = previous.get(page.src_uri) == banner + page.html
        file = (_Unchanged if unchanged else File).generated(config, page.src_uri, content="", inclusion=inclusion)
        files.append(file)
        _state["pages"][page.src_uri] = page
    for path, content in generated.data.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_env(env, config, files):
    """Links name each page's index.html (so site/ works from disk), but its canonical URL, in
    the sitemap, <link rel=canonical> and og:url, is the folder: models/<id>/."""
    for file in files.documentation_pages():
        page = file.page
        if page is not None and page.canonical_url and page.canonical_url.endswith("/index.html"):
            page.canonical_url = page.canonical_url.removesuffix("index.html")
    return env


def on_page_markdown(markdown, page, config, files):
    generated = _state["pages"].get(page.file.src_uri)
    if generated is not None:
        # Material puts these into the HTML unescaped, so they are escaped here, once.
        page.meta["title"] = esc(generated.title)
        page.meta["description"] = esc(generated.description)
        if generated.jsonld is not None:
            page.meta["mf_jsonld"] = json_for_script(generated.jsonld)
    return markdown


def on_page_content(html, page, config, files):
    generated = _state["pages"].pop(page.file.src_uri, None)
    if generated is not None:
        html = generated.html
        page.present_anchor_ids = (page.present_anchor_ids or set()) | set(_ID.findall(html))
        page.toc = TableOfContents([AnchorLink(section.title, section.id, 2) for section in generated.toc])
        if not page.toc.items:  # no empty column beside the content
            page.meta["hide"] = [*page.meta.get("hide", ()), "toc"]
    return _state["banner"] + html


def on_post_build(config):
    """The search index, from the fact base (under `mkdocs serve`, only when its entries changed)."""
    cache = _CACHE if _state["serve"] else None
    searchindex.write(_state.pop("search"), Path(config.site_dir), cache)


class _Unchanged(File):
    """A generated page the previous build in this process wrote with the same HTML."""

    def is_modified(self) -> bool:
        return False


def _banner(errors) -> str:
    """Under `mkdocs serve`, the checker's errors at the top of every page."""
    if not errors:
        return ""
    items = "".join(f"<li><code>{esc(p.text())}</code></li>" for p in errors)
    return (
        f'<div class="admonition failure mf-errors"><p class="admonition-title">'
        f"The fact base has {len(errors)} error(s); the site shows what is valid</p>"
        f"<ul>{items}</ul></div>\n"
    )
