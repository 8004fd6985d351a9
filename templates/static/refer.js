// Portico: composes a referral or deal-registration email when the program has no form
// endpoint. The browser has already checked the required fields when "submit" fires. Every
// value is percent-encoded UTF-8 (RFC 6068), with line breaks as %0D%0A. It also remembers the
// sender's own fields (name, email, role) in this browser after a send, so a rep types them
// once, and offers the composed details as text to copy, for webmail. No dependencies.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("..", script && script.src ? script.src : location.href).href;
  var senderKey = "portico-sender:" + root;
  // The sender's own fields, by the autocomplete token the form gives them.
  var SENDER = ["name", "email", "organization-title", "organization"];

  function senderControls(form) {
    return Array.prototype.filter.call(form.elements, function (control) {
      return SENDER.indexOf(control.getAttribute("autocomplete")) >= 0 && control.type !== "hidden";
    });
  }

  function remember(form) {
    var kept = {};
    senderControls(form).forEach(function (control) {
      if (control.value.trim()) kept[control.getAttribute("autocomplete")] = control.value.trim();
    });
    try { localStorage.setItem(senderKey, JSON.stringify(kept)); } catch (e) { /* not kept */ }
  }

  function recall(form) {
    var kept = null;
    try { kept = JSON.parse(localStorage.getItem(senderKey)); } catch (e) { kept = null; }
    if (!kept || typeof kept !== "object") return;
    senderControls(form).forEach(function (control) {
      var value = kept[control.getAttribute("autocomplete")];
      if (typeof value === "string" && !control.value) control.value = value;
    });
  }

  function copy(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
    } else {
      done(false);
    }
  }

  function crlf(text) {
    return text.replace(/\r\n|\r|\n/g, "\r\n");
  }

  // One "Label: value" line per filled control, in the order the form shows them.
  function bodyLines(form) {
    var lines = [];
    Array.prototype.forEach.call(form.elements, function (control) {
      var label = control.getAttribute("data-label");
      if (!label) return;
      var value;
      if (control.type === "checkbox") {
        value = control.checked ? "Yes" : "";
      } else {
        value = control.getAttribute("data-display") || control.value.trim();
      }
      if (value !== "") lines.push(label + ": " + crlf(value));
    });
    return lines;
  }

  function subjectOf(form) {
    var company = form.elements.namedItem("company");
    return form.getAttribute("data-subject") + (company && company.value ? " " + company.value.trim() : "");
  }

  function compose(form) {
    var base = form.getAttribute("data-mailto");
    return base + (base.indexOf("?") < 0 ? "?" : "&") +
      "subject=" + encodeURIComponent(subjectOf(form)) +
      "&body=" + encodeURIComponent(bodyLines(form).join("\r\n"));
  }

  function attach(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      remember(form);
      var url = compose(form);
      var link = form.querySelector("#composed-mailto");
      var notice = form.querySelector("#composed");
      var text = form.querySelector("[data-portico-composed]");
      if (link) link.href = url;
      if (text) text.value = "Subject: " + subjectOf(form) + "\n\n" + bodyLines(form).join("\n");
      if (notice) notice.hidden = false;
      window.location.href = url;
    });
    var button = form.querySelector("[data-portico-copy]");
    var said = form.querySelector("[data-portico-copied]");
    var text = form.querySelector("[data-portico-composed]");
    if (button && text) {
      button.addEventListener("click", function () {
        copy(text.value, function (ok) {
          if (!ok) {
            text.hidden = false;
            text.select();
          }
          if (said) said.textContent = said.getAttribute(ok ? "data-text" : "data-failed");
        });
      });
    }
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-mailto]:not([data-attached])"), function (form) {
      form.setAttribute("data-attached", "");
      attach(form);
    });
    // A form that posts to the program's endpoint sends itself; the sender is remembered all the same.
    Array.prototype.forEach.call(document.querySelectorAll("form.referral-form:not([data-remembers])"), function (form) {
      form.setAttribute("data-remembers", "");
      recall(form);
      if (!form.hasAttribute("data-mailto")) form.addEventListener("submit", function () { remember(form); });
    });
  }

  attachAll();
  // A private refer page gets its form only once static/unlock.js has decrypted it.
  document.addEventListener("portico:unlocked", attachAll);
})();
