// Portico: the search page (docs/search.md). Loads search/manifest.json, the public index and each
// private index that the visitor's key opens (decrypted with static/unlock.js's porticoKeys and
// porticoOpen), then searches them as the visitor types: every word must match, a title match
// ranks above a heading match, which ranks above a match in the summary or the text, and the last
// word matches as a prefix while it is being typed. No dependencies, no server.
(function () {
  "use strict";

  var script = document.currentScript;
  var root = new URL("..", script && script.src ? script.src : location.href).href;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var type = document.getElementById("search-type");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var publicOnly = document.getElementById("search-public-only");
  if (!form || !input || !status || !list) return;

  var SHOWN = 50;
  var WEIGHTS = [100, 10, 1]; // title, heading, summary and text
  var FIELDS = ["title", "heading", "body"];
  var indexes = [];
  var loading = true;

  // The build's rule (SearchTerms): lower case, diacritics folded, split on what is not a letter or a digit.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  }

  function length(word) { return Array.from(word).length; }

  function add(data) {
    if (!data || data.v !== 1 || !Array.isArray(data.docs)) return;
    indexes.push({
      docs: data.docs,
      fields: FIELDS.map(function (name) {
        var map = data[name] || {};
        return { map: map, terms: Object.keys(map).sort() };
      })
    });
  }

  // The terms of a sorted list that start with `prefix`.
  function startingWith(terms, prefix) {
    var low = 0, high = terms.length;
    while (low < high) {
      var mid = (low + high) >> 1;
      if (terms[mid] < prefix) low = mid + 1; else high = mid;
    }
    var out = [];
    for (var i = low; i < terms.length && terms[i].slice(0, prefix.length) === prefix; i++) out.push(terms[i]);
    return out;
  }

  // Document number -> weight of the best field where `word` (or, for a prefix, a term it starts) is.
  function matches(index, word, prefix) {
    var found = new Map();
    index.fields.forEach(function (field, f) {
      var terms = prefix ? startingWith(field.terms, word)
        : Object.prototype.hasOwnProperty.call(field.map, word) ? [word] : [];
      terms.forEach(function (term) {
        var number = 0;
        field.map[term].forEach(function (gap) {
          number += gap;
          if ((found.get(number) || 0) < WEIGHTS[f]) found.set(number, WEIGHTS[f]);
        });
      });
    });
    return found;
  }

  function search(query, kind) {
    var folded = fold(query);
    var words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var last = /[\p{L}\p{N}]$/u.test(folded) ? words.length - 1 : -1;
    words = words.map(function (word, i) { return { word: word, prefix: i === last }; })
      .filter(function (w) { return w.prefix || length(w.word) >= 2; });
    if (!words.length) return null;
    var results = [];
    indexes.forEach(function (index) {
      var scores = null;
      words.forEach(function (w) {
        var found = matches(index, w.word, w.prefix);
        if (scores === null) { scores = found; return; }
        var both = new Map();
        scores.forEach(function (score, number) {
          if (found.has(number)) both.set(number, score + found.get(number));
        });
        scores = both;
      });
      scores.forEach(function (score, number) {
        var doc = index.docs[number];
        if (doc && (!kind || doc[0] === kind)) results.push({ doc: doc, score: score });
      });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc[1].localeCompare(b.doc[1]); });
    return results;
  }

  function say(name, values) {
    var text = status.getAttribute("data-" + name) || "";
    status.textContent = text.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function label(kind) {
    var option = type && type.querySelector('option[value="' + kind + '"]');
    return option ? option.textContent : kind;
  }

  function item(doc) {
    var li = element("li", "card search-result");
    li.appendChild(element("p", "kicker", label(doc[0])));
    var link = element("a", "", doc[1]);
    link.href = root + doc[3];
    li.appendChild(element("h2", "asset-title")).appendChild(link);
    if (doc[2]) li.appendChild(element("p", "asset-summary-text", doc[2]));
    if (doc[4]) {
      var meta = li.appendChild(element("p", "meta"));
      meta.appendChild(element("span", "review-state", "Updated " + doc[4]));
    }
    return li;
  }

  function render() {
    var query = input.value.trim();
    var results = search(query, type ? type.value : "");
    list.textContent = "";
    if (results === null) say(loading ? "loading" : "empty", {});
    else if (!results.length && loading) say("loading", {});
    else if (!indexes.length) say(location.protocol === "file:" ? "from-disk" : "failed", {});
    else {
      var shown = results.slice(0, SHOWN);
      shown.forEach(function (result) { list.appendChild(item(result.doc)); });
      say(results.length === 0 ? "none" : results.length === 1 ? "one" : results.length > SHOWN ? "more" : "many",
        { q: query, n: results.length, shown: shown.length });
    }
  }

  // The query stays in the address, so a reload or the back button shows the same results.
  function remember() {
    var params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    if (type && type.value) params.set("type", type.value);
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    render();
  }

  function fetched(url, json) {
    return fetch(root + url, { cache: "no-cache" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return json ? response.json() : response.arrayBuffer();
    });
  }

  // Each index is searched as soon as it is in; a failed one is left out.
  function settled(promise) { return promise.then(render, function () { /* left out */ }); }

  async function openSealed(sealed) {
    var keys = window.porticoKeys ? await window.porticoKeys() : {};
    var mine = sealed.filter(function (entry) { return keys[entry.group]; });
    if (publicOnly && !mine.length) publicOnly.hidden = false;
    await Promise.all(mine.map(function (entry) {
      return settled(fetched(entry.url).then(function (bytes) {
        return window.porticoOpen(keys[entry.group], new Uint8Array(bytes));
      }).then(function (plain) {
        add(JSON.parse(new TextDecoder("utf-8").decode(plain)));
      }));
    }));
  }

  async function load() {
    try {
      var entries = (await fetched("search/manifest.json", true)).indexes || [];
      var sealed = entries.filter(function (entry) { return entry.group; });
      var tasks = entries.filter(function (entry) { return !entry.group; }).map(function (entry) {
        return settled(fetched(entry.url, true).then(add));
      });
      if (sealed.length) tasks.push(openSealed(sealed).catch(function () { /* public results only */ }));
      await Promise.all(tasks);
    } catch (e) { /* no manifest: nothing to search */ }
    loading = false;
    document.documentElement.setAttribute("data-search", "ready");
    render();
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (type && params.get("type")) type.value = params.get("type");
  form.addEventListener("submit", function (event) { event.preventDefault(); remember(); });
  input.addEventListener("input", remember);
  if (type) type.addEventListener("change", remember);
  document.documentElement.setAttribute("data-search", "loading");
  render();
  load();
})();
