// Portico: composes a referral or deal-registration email when the program has no form
// endpoint. The browser has already checked the required fields when "submit" fires. Every
// value is percent-encoded UTF-8 (RFC 6068), with line breaks as %0D%0A. No dependencies.
(function () {
  "use strict";

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

  function compose(form) {
    var company = form.elements.namedItem("company");
    var subject = form.getAttribute("data-subject") + (company && company.value ? " " + company.value.trim() : "");
    var base = form.getAttribute("data-mailto");
    return base + (base.indexOf("?") < 0 ? "?" : "&") +
      "subject=" + encodeURIComponent(subject) +
      "&body=" + encodeURIComponent(bodyLines(form).join("\r\n"));
  }

  function attach(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = compose(form);
      var link = form.querySelector("#composed-mailto");
      var notice = form.querySelector("#composed");
      if (link) link.href = url;
      if (notice) notice.hidden = false;
      window.location.href = url;
    });
  }

  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-mailto]:not([data-attached])"), function (form) {
      form.setAttribute("data-attached", "");
      attach(form);
    });
  }

  attachAll();
  // A private refer page gets its form only once static/unlock.js has decrypted it.
  document.addEventListener("portico:unlocked", attachAll);
})();
