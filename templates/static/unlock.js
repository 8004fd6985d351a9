// Portico: opens the private pages with the visitor's personal key (docs/security.md, "In the
// browser"). A link <page>#k=<key> keeps the key for this site and takes it out of the address
// bar; on a sealed page the key file keys/<name>.json gives the content key of the page's group,
// which decrypts the page's title and <main>. Otherwise the shell's message says what to do.
// The key file's reader card says whose key it is: the navigation then leads to the reader's own
// pages, and the sign-in page names them. No dependencies: WebCrypto, fetch and localStorage only.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("..", script && script.src ? script.src : location.href).href;
  var storageKey = "portico-key:" + root;
  var readerKey = "portico-reader:" + root;
  var utf8 = new TextEncoder();
  var KEY = /^[A-Za-z0-9_-]{21}[AQgw]$/; // 16 bytes in base64url, no padding
  var linkKey = null;
  var incomplete = false;
  var sealedPage = false; // the sealed element may sit in <main>, which the page replaces

  function stored() {
    try { return localStorage.getItem(storageKey); } catch (e) { return null; }
  }

  // Step 1: a key in the fragment is kept and leaves the address bar.
  function takeFragment() {
    if (location.hash.slice(0, 3) !== "#k=") return false;
    var key = location.hash.slice(3);
    if (!KEY.test(key)) {
      incomplete = true;
      return false;
    }
    linkKey = key;
    incomplete = false;
    try { localStorage.setItem(storageKey, key); } catch (e) { /* this page only */ }
    history.replaceState(null, "", location.pathname + location.search);
    return true;
  }

  function bytes(b64) {
    var text = atob(b64.replace(/-/g, "+").replace(/_/g, "/"));
    var out = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return out;
  }

  function b64(data) {
    return btoa(String.fromCharCode.apply(null, data)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  async function hkdf(ikm, info, n) {
    var key = await crypto.subtle.importKey("raw", ikm, "HKDF", false, ["deriveBits"]);
    var params = { name: "HKDF", hash: "SHA-256", salt: utf8.encode("portico/v1"), info: utf8.encode(info) };
    return new Uint8Array(await crypto.subtle.deriveBits(params, key, n * 8));
  }

  async function open(keyBytes, sealed) {
    var key = await crypto.subtle.importKey("raw", keyBytes, "AES-GCM", false, ["decrypt"]);
    var iv = sealed.subarray(0, 12);
    return new Uint8Array(await crypto.subtle.decrypt({ name: "AES-GCM", iv: iv }, key, sealed.subarray(12)));
  }

  function Stop(state) { this.state = state; }

  async function keyFile(person) {
    var name = b64(await hkdf(person, "key-file", 16));
    var response = await fetch(root + "keys/" + name + ".json", { cache: "no-cache" });
    if (response.status === 404) throw new Stop("ended");
    if (!response.ok) throw new Stop("failed");
    var file = await response.json();
    if (!file || file.v !== 1 || !file.keys) throw new Stop("failed");
    return file;
  }

  // Step 2: key file, content key, page.
  // The site paths this address may be (docs/security.md, "In the browser"): a folder is its
  // index.html, and a host may drop the final slash or ".html".
  function pathsHere() {
    var base = decodeURIComponent(new URL(root).pathname);
    var here = decodeURIComponent(location.pathname);
    if (here.slice(0, base.length) !== base) return [];
    var path = here.slice(base.length);
    if (path === "" || path.slice(-1) === "/") return [path + "index.html"];
    return [path, path + "/index.html", path + ".html"];
  }

  async function boundHere(contentKey, plaintext, nonce) {
    var digest = new Uint8Array(await crypto.subtle.digest("SHA-256", plaintext));
    var hex = Array.prototype.map.call(digest, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
    var wanted = Array.prototype.join.call(nonce, ",");
    var paths = pathsHere();
    for (var i = 0; i < paths.length; i++) {
      var derived = await hkdf(contentKey, "page-nonce\n" + paths[i] + "\n" + hex, 12);
      if (Array.prototype.join.call(derived, ",") === wanted) return true;
    }
    return false;
  }

  // The reader card of a key file, kept beside the key so that every page, public ones too,
  // adapts at once; a card that does not open is no card (the page itself is still shown).
  async function readCard(person, file, key) {
    if (typeof file.reader !== "string") return null;
    try {
      var card = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(
        await open(await hkdf(person, "wrap", 32), bytes(file.reader))));
      if (!card || typeof card.name !== "string" || !Array.isArray(card.nav)) return null;
      try { localStorage.setItem(readerKey, JSON.stringify({ k: key, card: card })); } catch (e) { /* this page only */ }
      return card;
    } catch (e) { return null; }
  }

  function keptCard(key) {
    try {
      var kept = JSON.parse(localStorage.getItem(readerKey));
      return kept && kept.k === key && kept.card && Array.isArray(kept.card.nav) ? kept.card : null;
    } catch (e) { return null; }
  }

  // The navigation entry whose page holds this one: the longest folder that contains the
  // address; the home page only for itself.
  function markCurrent() {
    var links = Array.prototype.slice.call(document.querySelectorAll("nav a[data-portico-nav]"));
    var here = location.pathname.replace(/index\.html$/, "");
    var home = new URL(root).pathname;
    var best = null, bestLength = -1;
    links.forEach(function (link) {
      var folder = link.pathname.replace(/index\.html$/, "");
      var holds = folder === home ? here === home : here.slice(0, folder.length) === folder;
      if (holds && folder.length > bestLength) { best = link; bestLength = folder.length; }
    });
    links.forEach(function (link) {
      if (link === best) link.setAttribute("aria-current", "page");
      else link.removeAttribute("aria-current");
    });
  }

  // The reader's own navigation: entries the card names take its address (and, in the site
  // navigation, its words and order); entries it adds are made like the first one.
  function applyCard(card) {
    if (!card) return;
    var navLinks = document.querySelectorAll("nav a[data-portico-nav]");
    var list = navLinks.length ? navLinks[0].closest("ul, ol") : null;
    var model = navLinks.length ? navLinks[0].closest("li") : null;
    card.nav.forEach(function (entry) {
      if (!entry || typeof entry.id !== "string" || typeof entry.path !== "string") return;
      var href = root + encodeURI(entry.path);
      var found = false;
      Array.prototype.forEach.call(document.querySelectorAll('a[data-portico-nav="' + entry.id.replace(/[^a-z-]/g, "") + '"]'), function (link) {
        link.href = href;
        found = true;
        var item = link.closest("nav") && link.closest("li");
        if (item && list && item.parentNode === list) {
          link.textContent = entry.label;
          list.appendChild(item);
        }
      });
      if (!found && list && model) {
        var item = model.cloneNode(true);
        var link = item.querySelector("a");
        link.setAttribute("data-portico-nav", entry.id);
        link.href = href;
        link.textContent = entry.label;
        list.appendChild(item);
      }
    });
    markCurrent();
    document.documentElement.setAttribute("data-portico-as", card.team ? "team" : "partner");
    var said = document.querySelector("[data-portico-reader]");
    var words = said && said.getAttribute(card.team ? "data-team" : "data-partner");
    if (words) {
      said.textContent = words.replace("{name}", card.name).replace("{partner}", card.partner);
      said.hidden = false;
    }
  }

  async function unseal(wrapper, key) {
    var person = bytes(key);
    var file = await keyFile(person);
    applyCard(await readCard(person, file, key));
    if (!Object.prototype.hasOwnProperty.call(file.keys, wrapper.group)) throw new Stop("other");
    var contentKey = await open(await hkdf(person, "wrap", 32), bytes(file.keys[wrapper.group]));
    if (contentKey.length !== 32) throw new Stop("failed");
    var sealedBytes = bytes(wrapper.data);
    var plaintext = await open(contentKey, sealedBytes);
    // The nonce derives from the page's path: a payload moved to another page of the group, or
    // served at another address, is refused rather than shown as this page.
    if (!(await boundHere(contentKey, plaintext, sealedBytes.subarray(0, 12)))) throw new Stop("failed");
    var page = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(plaintext));
    if (typeof page.title !== "string" || typeof page.main !== "string") throw new Stop("failed");
    page.contentKey = contentKey;
    return page;
  }

  // Step 3: the files of a private asset are sealed like its page. Pictures are opened at once;
  // downloads when clicked, so a large deck is fetched only by whoever wants it.
  var TYPES = { pdf: "application/pdf", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", gif: "image/gif",
    webp: "image/webp", svg: "image/svg+xml", avif: "image/avif" };

  async function openFile(url, contentKey) {
    var response = await fetch(url);
    if (!response.ok) throw new Stop("failed");
    var plain = await open(contentKey, new Uint8Array(await response.arrayBuffer()));
    var name = decodeURIComponent(url.split("/").pop());
    var type = TYPES[name.split(".").pop().toLowerCase()] || "application/octet-stream";
    return URL.createObjectURL(new Blob([plain], { type: type }));
  }

  function openFiles(page, main) {
    (page.files || []).forEach(function (url) {
      Array.prototype.forEach.call(main.querySelectorAll("img"), function (img) {
        if (img.getAttribute("src") !== url) return;
        img.setAttribute("data-portico-src", url);
        openFile(url, page.contentKey).then(function (blob) { img.src = blob; }, function () { /* alt text stays */ });
      });
      Array.prototype.forEach.call(main.querySelectorAll("a"), function (link) {
        if (link.getAttribute("href") !== url) return;
        link.setAttribute("data-portico-sealed", "");
        link.addEventListener("click", function (event) {
          if (link.getAttribute("data-portico-file")) return; // already opened: a plain download
          event.preventDefault();
          openFile(url, page.contentKey).then(function (blob) {
            link.href = blob;
            link.setAttribute("data-portico-file", "open");
            if (!link.getAttribute("download")) link.setAttribute("download", decodeURIComponent(url.split("/").pop()));
            link.click();
          }, function () { link.setAttribute("data-portico-file", "failed"); });
        });
      });
    });
  }

  function mark(state) {
    document.documentElement.setAttribute("data-portico", state);
  }

  // The message's words come from the build: data-<state> on #portico-message. They replace the
  // text of its [data-portico-text] element when it has one (keeping a heading and links), else its own.
  function show(message, state) {
    var text = message && message.getAttribute("data-" + state);
    if (text) (message.querySelector("[data-portico-text]") || message).textContent = text;
    mark(state);
  }

  function reveal(page, main, message) {
    document.title = page.title;
    main.innerHTML = page.main;
    markCurrent();
    openFiles(page, main);
    if (message) message.remove();
    mark("unlocked");
    document.dispatchEvent(new Event("portico:unlocked"));
    var target = null;
    try { target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { /* a malformed fragment */ }
    if (target) target.scrollIntoView();
  }

  // A public page adapts to the reader too: from the kept card, or from the key file once.
  function adaptPublicPage() {
    var key = linkKey || stored();
    if (!key || location.protocol === "file:") return;
    var card = keptCard(key);
    if (card) return applyCard(card);
    if (!window.crypto || !crypto.subtle) return;
    var person = bytes(key);
    keyFile(person).then(function (file) { return readCard(person, file, key); }).then(applyCard, function () { /* no card */ });
  }

  function run() {
    var sealed = document.getElementById("portico-sealed");
    if (!sealed) return adaptPublicPage();
    var kept = keptCard(linkKey || stored());
    if (kept) applyCard(kept);
    sealedPage = true;
    var message = document.getElementById("portico-message");
    var main = document.querySelector("main");
    var key = linkKey || stored();
    if (location.protocol === "file:") return show(message, "from-disk");
    if (incomplete) return show(message, "incomplete");
    if (!key) return show(message, "no-key");
    // While the key is tried the page says so, neutrally: not the no-key message, which on a
    // slow connection would read as a refusal for a second or more.
    show(message, "opening");
    var wrapper;
    try { wrapper = JSON.parse(sealed.textContent); } catch (e) { wrapper = null; }
    if (!main || !wrapper || wrapper.v !== 1 || !window.crypto || !crypto.subtle) return show(message, "failed");
    unseal(wrapper, key).then(function (page) {
      reveal(page, main, message);
    }, function (error) {
      show(message, error instanceof Stop ? error.state : "failed");
    });
  }

  // For static/search.js: every content key the stored key opens, by group tag ({} without a
  // key, or when its key file is gone or unreadable), and the opening of sealed bytes.
  window.porticoKeys = async function () {
    var key = linkKey || stored();
    var keys = {};
    if (!key || !window.crypto || !crypto.subtle) return keys;
    try {
      var person = bytes(key);
      var file = await keyFile(person);
      var wrap = await hkdf(person, "wrap", 32);
      for (var tag in file.keys) {
        if (Object.prototype.hasOwnProperty.call(file.keys, tag)) keys[tag] = await open(wrap, bytes(file.keys[tag]));
      }
    } catch (e) { return {}; }
    return keys;
  };
  window.porticoOpen = open;

  // A link followed on the page it leads to only changes the fragment: take it and start again.
  window.addEventListener("hashchange", function () {
    var unlocked = document.documentElement.getAttribute("data-portico") === "unlocked";
    if (takeFragment() && sealedPage) {
      if (unlocked) location.reload();
      else run();
    } else if (incomplete && sealedPage && !unlocked) {
      show(document.getElementById("portico-message"), "incomplete");
    }
  });

  // Sign-out (the sign-in page's button): forget the key this browser keeps for this portal.
  // The key is kept under this portal's own address, so another portal's stays.
  function offerSignOut() {
    var button = document.querySelector("[data-portico-sign-out]");
    if (!button) return;
    var said = document.querySelector("[data-portico-signed-out]");
    button.hidden = !stored();
    button.addEventListener("click", function () {
      try {
        localStorage.removeItem(storageKey);
        localStorage.removeItem(readerKey);
      } catch (e) { /* nothing kept */ }
      var reader = document.querySelector("[data-portico-reader]");
      if (reader) reader.hidden = true;
      button.hidden = true;
      if (said) said.textContent = said.getAttribute("data-text");
    });
  }

  takeFragment();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
    document.addEventListener("DOMContentLoaded", offerSignOut);
  } else {
    run();
    offerSignOut();
  }
})();
