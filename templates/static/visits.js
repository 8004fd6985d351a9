// Portico: what was added or updated since the reader's last visit. The browser keeps the
// date of the portal the reader last saw (its build date, not the computer's clock, so a wrong
// clock or a build made later the same day does not hide anything); for the rest of that
// visit, entries whose date ([data-portico-changed], an asset's review date) is later are
// marked, and a [data-portico-news] line counts them. A first visit marks nothing.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("..", script && script.src ? script.src : location.href).href;
  var seenKey = "portico-seen:" + root;
  var sinceKey = "portico-since:" + root;
  var DAY = /^\d{4}-\d{2}-\d{2}$/;

  // The date this visit compares with: fixed when the visit starts (the tab's session), so
  // the marks stay while the reader moves between pages.
  function since() {
    var built = document.body && document.body.getAttribute("data-portico-built");
    var value = null;
    try {
      value = sessionStorage.getItem(sinceKey);
      var seen = localStorage.getItem(seenKey);
      if (value === null) {
        value = seen && DAY.test(seen) ? seen : "";
        sessionStorage.setItem(sinceKey, value);
      }
      if (built && DAY.test(built) && (!seen || seen < built)) localStorage.setItem(seenKey, built);
    } catch (e) { return ""; }
    return value;
  }

  function label(date) {
    var parts = date.split("-").map(Number);
    var day = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    return day.toLocaleDateString(document.documentElement.lang || undefined,
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function mark() {
    var from = since();
    var news = document.querySelector("[data-portico-news]");
    if (!from) return;
    var fresh = Array.prototype.filter.call(document.querySelectorAll("main [data-portico-changed]"), function (item) {
      var changed = item.getAttribute("data-portico-changed");
      return DAY.test(changed) && changed > from;
    });
    fresh.forEach(function (item) {
      if (item.querySelector(".badge-new")) return;
      var title = item.querySelector("h2, h3, h4") || item;
      var badge = document.createElement("span");
      badge.className = "badge badge-new";
      badge.textContent = "New";
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " since your last visit";
      badge.appendChild(hidden);
      title.appendChild(badge);
    });
    if (news && fresh.length) {
      var words = news.getAttribute(fresh.length === 1 ? "data-one" : "data-many") || "";
      news.textContent = words.replace("{count}", String(fresh.length)).replace("{date}", label(from));
      news.hidden = false;
    }
  }

  document.addEventListener("portico:unlocked", mark);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();
