// Portico: sorts a table[data-sortable] by the column whose heading is selected, and again in
// the other direction. Cells sort by their data-value when they have one (numbers, with -1 for
// "n/a"), otherwise by their text. The headings become buttons and carry aria-sort, so a
// screen reader says how the table is sorted. No dependencies; without JavaScript the table
// stays in the order the build wrote.
(function () {
  "use strict";

  function value(cell, numeric) {
    var raw = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    return numeric ? parseFloat(raw) || 0 : raw.toLowerCase();
  }

  function sort(table, column, heading) {
    var numeric = heading.getAttribute("data-type") === "number";
    // Numbers read best largest first; names A to Z.
    var descending = heading.getAttribute("aria-sort") === (numeric ? "descending" : "ascending")
      ? !numeric : numeric;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a.cells[column], numeric);
      var y = value(b.cells[column], numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    heading.setAttribute("aria-sort", descending ? "descending" : "ascending");
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), function (table) {
      if (table.getAttribute("data-sortable") === "ready" || !table.tHead || !table.tBodies[0]) return;
      table.setAttribute("data-sortable", "ready");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort-button";
        while (heading.firstChild) button.appendChild(heading.firstChild);
        heading.appendChild(button);
        button.addEventListener("click", function () { sort(table, column, heading); });
      });
    });
  }

  setUp();
  // On a private health page the table arrives once static/unlock.js has decrypted it.
  document.addEventListener("portico:unlocked", setUp);
})();
