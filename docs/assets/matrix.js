/* Model Facts: sorting and filtering for the openness matrix (hooks/modelfacts/pages/matrix.py).
 *
 * The table is complete HTML; this script only adds controls. Everything it needs is in the page:
 * a cell's sort key in data-key, a row's developers, verdicts and licence class in data-* attributes.
 * A plain script (no modules, no fetch, nothing from the network), so it also runs from file://.
 * With Material's instant navigation it runs on every page swap (document$), else once.
 */
(function () {
  "use strict";

  function wire() {
    var table = document.getElementById("mf-matrix");
    var form = document.getElementById("mf-matrix-filters");
    var count = document.getElementById("mf-matrix-count");
    var note = document.getElementById("mf-matrix-noscript");
    if (!table || !form || !count || table.getAttribute("data-wired")) return;
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

    function value(name) {
      return form.elements["mf-filter-" + name].value;
    }

    function matches(row) {
      var developer = value("developer"), verdict = value("verdict"), dimension = value("dimension");
      var licenceClass = value("class");
      if (developer && row.getAttribute("data-developers").split(" ").indexOf(developer) < 0) return false;
      if (licenceClass && row.getAttribute("data-licence-class") !== licenceClass) return false;
      if (!verdict) return true;
      if (dimension) return row.getAttribute("data-verdict-" + dimension) === verdict;
      return Array.prototype.some.call(row.attributes, function (attr) {
        return attr.name.indexOf("data-verdict-") === 0 && attr.value === verdict;
      });
    }

    function filter() {
      var shown = 0;
      rows.forEach(function (row) {
        row.hidden = !matches(row);
        if (!row.hidden) shown += 1;
      });
      count.textContent = "Showing " + shown + " of " + rows.length + (rows.length === 1 ? " model" : " models");
    }

    form.addEventListener("change", filter);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(filter, 0); }); // after the form has reset
    form.hidden = false;
    if (note) note.hidden = true;
    filter();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(wire);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
