"""Gate: the health page's scorecard sorts in the browser (static/sortable.js), on the page as a
team member opens it. Selecting a number column's heading sorts the rows largest first and says
so with aria-sort; selecting it again sorts them smallest first; the partner column sorts A to Z.
The order is read from the cells' data-value, computed here, not from the script."""

from __future__ import annotations

import urllib.parse

from common import GateResult, Site

PAGE = "health/index.html"

READ = """
var table = document.querySelector("table[data-sortable]");
if (!table) return null;
return {ready: table.getAttribute("data-sortable"), rows: Array.prototype.map.call(table.tBodies[0].rows, function (row) {
  return Array.prototype.map.call(row.cells, function (cell) { return cell.getAttribute("data-value") || cell.textContent.trim(); });
}), sort: Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.getAttribute("aria-sort"); })};
"""

CLICK = """
var table = document.querySelector("table[data-sortable]");
table.tHead.rows[0].cells[arguments[0]].querySelector("button").click();
"""


def check_sorting(site: Site, base: str, browser) -> GateResult:
    r = GateResult("sorting")
    if PAGE not in site.file_set:
        r.summary = "no health page"
        return r
    browser.load(base + urllib.parse.quote(PAGE))
    state = browser.script(READ)
    if state is None:
        r.summary = "no scorecard on the health page (the program reads no CRM exports)"
        return r
    if state["ready"] != "ready":
        r.add(f"{PAGE}: the scorecard's headings were not made into sort buttons (data-sortable={state['ready']!r})")
        return r
    checks = 0
    for column, label, expect_first in ((1, "Referred", "descending"), (3, "Qual. rate", "descending"),
                                        (0, "Partner", "ascending")):
        for click, direction in enumerate((expect_first, "ascending" if expect_first == "descending" else "descending")):
            browser.script(CLICK, column)
            after = browser.script(READ)
            values = [row[column] for row in after["rows"]]
            keys = [float(v) for v in values] if column else [v.lower() for v in values]
            wanted = sorted(keys, reverse=direction == "descending")
            checks += 1
            if keys != wanted:
                r.add(f"{PAGE}: after selecting '{label}' {click + 1} time(s) the rows are {values}, not {direction}")
            if after["sort"][column] != direction:
                r.add(f"{PAGE}: '{label}' says aria-sort={after['sort'][column]!r}, not {direction!r}")
    r.summary = f"{PAGE}: {checks} sorts of {len(state['rows'])} partners checked"
    return r
