/* Model Facts: sorting and filtering for the openness matrix (hooks/modelfacts/pages/matrix.py) and
 * filtering for the timeline (hooks/modelfacts/pages/lists.py).
 *
 * The tables are complete HTML; this script only adds controls. Everything it needs is in the page:
 * a cell's sort key in data-key, a row's developers, family, verdicts, licence class or model in data-*
 * attributes. The query of the address presets the filters (?developer=meta&verdict=open), and the
 * filters set are written back to it. A filter form is hidden until this script shows it, and a note says why until it hides
 * the note. A plain script (no modules, no fetch, nothing from the network), so it also runs from
 * file://. With Material's instant navigation it runs on every page swap (document$), else once; on a
 * page without these tables it does nothing.
 */
(function () {
  "use strict";

  /* The value of the form's select with id "mf-filter-<name>" ("" when it filters nothing). */
  function value(form, name) {
    return form.elements["mf-filter-" + name].value;
  }

  /* Does the row's data-<name> attribute, a list of words, hold this value? */
  function holds(row, name, word) {
    return (row.getAttribute("data-" + name) || "").split(" ").indexOf(word) >= 0;
  }

  /* A select's name in the address: its id without "mf-filter-" (links depend on it). */
  function nameOf(select) {
    return select.id.replace("mf-filter-", "");
  }

  /* The page's address, its query naming the filters set (?family=Gemini): a filtered view can be shared.
   * Other parameters stay. Refused (some browsers, from disk), the address stays as it was and the filter
   * still works. */
  function remember(selects) {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var name = nameOf(select);
      if (select.value) params.set(name, select.value);
      else params.delete(name);
    });
    var query = params.toString();
    try {
      history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
    } catch (error) { /* the address is a convenience */ }
  }

  /* Set each select named in the address's query to its value, when it offers that value. */
  function recall(selects) {
    var params = new URLSearchParams(location.search);
    selects.forEach(function (select) {
      var wanted = params.get(nameOf(select));
      if (wanted !== null && Array.prototype.some.call(select.options, function (o) { return o.value === wanted; })) {
        select.value = wanted;
      }
    });
  }

  /* Wire a filter form: set it from the address (recall), then on every change hide the rows `matches`
   * refuses, say how many are shown (in the element with id countId), call `after` (if any) and keep the
   * filters in the address (remember); then show the form and hide its note. */
  function filterable(form, countId, noteId, rows, nouns, matches, after) {
    var count = document.getElementById(countId);
    var note = document.getElementById(noteId);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + " " + (rows.length === 1 ? nouns[0] : nouns[1]);
      if (after) after();
      remember(selects); // also drops from the address a value no select offers: it shows what is filtered
    }
    form.addEventListener("change", filter);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(filter, 0); }); // after the form has reset
    form.hidden = false;
    if (note) note.hidden = true;
    recall(selects);
    filter();
  }

  function wireMatrix() {
    var table = document.getElementById("mf-matrix");
    var form = document.getElementById("mf-matrix-filters");
    if (!table || !form || table.getAttribute("data-wired")) return;
    table.setAttribute("data-wired", "true");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows); // in the page's order: the tie-breaker
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

    function key(row, column) {
      var cell = row.cells[column];
      return cell.getAttribute("data-key") || cell.textContent.trim().toLowerCase();
    }

    function compare(a, b) {
      var x = Number(a), y = Number(b);
      if (a !== "" && b !== "" && !isNaN(x) && !isNaN(y)) return x - y;
      return a < b ? -1 : a > b ? 1 : 0;
    }

    function sortBy(column, direction) {
      var sign = direction === "descending" ? -1 : 1;
      var order = rows.map(function (row, i) { return {row: row, key: key(row, column), i: i}; });
      order.sort(function (a, b) { return sign * compare(a.key, b.key) || a.i - b.i; });
      order.forEach(function (item) { body.appendChild(item.row); });
      headers.forEach(function (th, i) {
        if (i === column) th.setAttribute("aria-sort", direction);
        else th.removeAttribute("aria-sort");
      });
    }

    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "mf-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortBy(column, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
      });
    });

    function matches(row) {
      var developer = value(form, "developer"), verdict = value(form, "verdict");
      var dimension = value(form, "dimension"), licenceClass = value(form, "class");
      var family = value(form, "family");
      if (developer && !holds(row, "developers", developer)) return false;
      if (family && row.getAttribute("data-family") !== family) return false;
      if (licenceClass && row.getAttribute("data-licence-class") !== licenceClass) return false;
      if (!verdict) return true;
      if (dimension) return row.getAttribute("data-verdict-" + dimension) === verdict;
      return Array.prototype.some.call(row.attributes, function (attr) {
        return attr.name.indexOf("data-verdict-") === 0 && attr.value === verdict;
      });
    }

    filterable(form, "mf-matrix-count", "mf-matrix-noscript", rows, ["model", "models"], matches);
  }

  /* The timeline: one collapsible section per year. While a filter is set every year with a match is
   * open and a year without one is hidden; with none set, the years are as the page opened them. */
  function wireTimeline() {
    var timeline = document.getElementById("mf-timeline");
    var form = document.getElementById("mf-timeline-filters");
    if (!timeline || !form || timeline.getAttribute("data-wired")) return;
    timeline.setAttribute("data-wired", "true");
    var rows = Array.prototype.slice.call(timeline.querySelectorAll("tbody tr"));
    var years = Array.prototype.slice.call(timeline.querySelectorAll("details"));
    var opened = years.map(function (year) { return year.open; });
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var names = selects.map(nameOf);

    function matches(row) {
      return names.every(function (name) {
        var word = value(form, name);
        return !word || holds(row, name, word);
      });
    }

    function after() {
      var filtering = selects.some(function (select) { return select.value; });
      years.forEach(function (year, i) {
        var shown = year.querySelectorAll("tbody tr:not([hidden])").length;
        year.hidden = shown === 0;
        year.open = filtering ? shown > 0 : opened[i];
      });
    }

    filterable(form, "mf-timeline-count", "mf-timeline-noscript", rows, ["dated claim", "dated claims"], matches, after);
  }

  function wire() {
    wireMatrix();
    wireTimeline();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(wire);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
