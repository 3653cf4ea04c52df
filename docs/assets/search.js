/* Search: the header's search dialog (overrides/partials/search.html) on the Pagefind index that
   modelfacts.searchindex writes to pagefind/. Pagefind is loaded when the dialog first opens, and
   fetches only the index chunks a query needs. A model's claims are its sections: each claim found
   is a link to its anchor, with its rating (from the page's `claims` metadata, id=rating=status|...).
   Every text shown comes from the fact base and is set with textContent, never as HTML.
   Keys: / or s opens the dialog; arrows move between the box and the results; Escape closes it.
   Opened from disk (file://) the browser refuses Pagefind's fetches, and the dialog says so. */
(function () {
  "use strict";
  var dialog = document.querySelector("[data-mf-search]");
  var toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  var input = dialog.querySelector(".md-search__input");
  var status = dialog.querySelector(".md-search-result__meta");
  var list = dialog.querySelector(".md-search-result__list");
  var form = dialog.querySelector("form");
  var MAX_PAGES = 10, MAX_CLAIMS = 5;
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var root = new URL((config.base || ".") + "/", location.href);
  var fromDisk = location.protocol === "file:";
  var pagefind = null, latest = 0;
  if (fromDisk) input.placeholder = "Search needs the site served over HTTP";

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.init().then(function () { return pf; });
      });
    }
    return pagefind;
  }

  function el(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function href(url) {
    return new URL(url.replace(/^\//, ""), root).href;
  }

  function claimsOf(meta) {
    var out = {};
    (meta.claims || "").split("|").forEach(function (entry) {
      var part = entry.split("=");
      if (part.length === 3) out[part[0]] = { rating: part[1], status: part[2] };
    });
    return out;
  }

  function link(url, title, detail) {
    var a = el("a", "md-search-result__link");
    a.href = href(url);
    var article = el("article", "md-search-result__article md-typeset");
    article.appendChild(el("div", "mf-search-title", title));
    if (detail) article.appendChild(detail);
    a.appendChild(article);
    return a;
  }

  function render(pages) {
    list.textContent = "";
    pages.forEach(function (page) {
      var meta = page.meta || {};
      var item = el("li", "md-search-result__item");
      var kind = el("p", "mf-search-meta", meta.kind || "");
      item.appendChild(link(page.url, meta.title || page.url, kind));
      var claims = claimsOf(meta);
      var found = [];
      (page.sub_results || []).forEach(function (sub) {
        var hash = sub.url.indexOf("#");
        var claim = hash >= 0 && claims[sub.url.slice(hash + 1)];
        if (claim) found.push({ sub: sub, claim: claim });
      });
      found.slice(0, MAX_CLAIMS).forEach(function (hit) {
        var sub = hit.sub, claim = hit.claim;
        var detail = el("p", "mf-search-meta");
        detail.appendChild(el("span", "mf-badge mf-badge--" + claim.rating.replace(/ /g, "-"), "Confidence: " + claim.rating));
        detail.appendChild(document.createTextNode(" " + (meta.title || "")));
        if (claim.status !== "current") detail.appendChild(el("span", "mf-search-status", " · " + claim.status));
        var a = link(sub.url, sub.title, detail);
        a.classList.add("mf-search-claim");
        item.appendChild(a);
      });
      if (found.length > MAX_CLAIMS) {
        item.appendChild(el("p", "mf-search-more", (found.length - MAX_CLAIMS) + " more claims on this page"));
      }
      list.appendChild(item);
    });
  }

  function search() {
    var query = input.value.trim();
    var mine = ++latest;
    if (fromDisk) return;
    if (!query) {
      list.textContent = "";
      status.textContent = "Type to start searching";
      return;
    }
    load().then(function (pf) { return pf.search(query); }).then(function (found) {
      if (mine !== latest || !found) return null;
      return Promise.all(found.results.slice(0, MAX_PAGES).map(function (r) { return r.data(); })).then(function (pages) {
        if (mine !== latest) return;
        var n = found.results.length;
        status.textContent = n === 0 ? "No matching documents" : n === 1 ? "1 matching page" : n + " matching pages";
        render(pages);
      });
    }).catch(function () {
      if (mine === latest) status.textContent = "Search could not load its index.";
    });
  }

  function targets() {
    return [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
  }

  function open() {
    toggle.checked = true;
    if (fromDisk) {
      status.textContent = "Search needs the site served over HTTP: opened from disk, the browser refuses to load its index. Every page and link works; use the Models page to find a model.";
      return;
    }
    load().catch(function () {});
    input.focus();
  }

  toggle.addEventListener("change", function () {
    if (toggle.checked) open();
  });
  input.addEventListener("focus", function () {
    if (!toggle.checked) open();
  });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  form.addEventListener("reset", function () {
    setTimeout(search, 0);
    input.focus();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (!toggle.checked) {
      if (!typing && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    var all = targets(), at = all.indexOf(document.activeElement);
    if (event.key === "Escape") {
      event.preventDefault();
      toggle.checked = false;
      input.blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      all[(Math.max(at, 0) + step + all.length) % all.length].focus();
    }
  });
})();
