// Portico: the start page as a checklist. Each step gets a "Done" box whose state is kept in
// this browser (localStorage), so progress survives a closed tab; nothing leaves the browser.
// Without JavaScript the steps stay a plain ordered list. No dependencies.
(function () {
  "use strict";

  var storageKey = "portico-start:" + location.pathname;

  function load() {
    try { return JSON.parse(localStorage.getItem(storageKey) || "[]"); } catch (e) { return []; }
  }

  function save(done) {
    try { localStorage.setItem(storageKey, JSON.stringify(done)); } catch (e) { /* this visit only */ }
  }

  function setUp() {
    var steps = document.querySelectorAll("[data-step]");
    if (!steps.length || document.documentElement.hasAttribute("data-start-ready")) return;
    document.documentElement.setAttribute("data-start-ready", "");
    var done = load();
    var progress = document.querySelector("[data-start-progress]");

    function show() {
      var count = 0;
      Array.prototype.forEach.call(steps, function (step) {
        var finished = done.indexOf(step.getAttribute("data-step")) >= 0;
        step.classList.toggle("is-done", finished);
        if (finished) count++;
      });
      if (progress) {
        progress.textContent = count + " of " + steps.length + " steps done";
        progress.hidden = false;
      }
    }

    Array.prototype.forEach.call(steps, function (step) {
      var id = step.getAttribute("data-step");
      var box = step.querySelector(".start-done input");
      if (!box) return;
      box.checked = done.indexOf(id) >= 0;
      box.parentNode.hidden = false;
      box.addEventListener("change", function () {
        done = done.filter(function (other) { return other !== id; });
        if (box.checked) done.push(id);
        save(done);
        show();
      });
    });
    show();
  }

  setUp();
  // A private start page gets its steps only once static/unlock.js has decrypted it.
  document.addEventListener("portico:unlocked", setUp);
})();
