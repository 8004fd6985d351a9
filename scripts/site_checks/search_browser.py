"""Search in headless Chromium, served by nginx (docs/search.md).

Usage (normally through scripts/check-search, which checks the prerequisites):
    python search_browser.py [PORTICO] [--work DIR]
    python search_browser.py --measure SITE --key KEY --query WORD [--work DIR]

Default mode: builds Tests/Fixtures/base with Tests/Fixtures/search laid over it (`portico build
--date 2026-11-25`, encrypted), takes everyone's access link from `portico links --json`, serves
the site with nginx on 127.0.0.1 under /portal/ and, in Chromium: a word found only in a public
asset's body is found by typing it; a word only in a partners asset's body is not found without
a key (the page says only public pages are searched), and is found after a contact's personal
link was opened, while a team asset's word stays hidden from that contact and is found by a team
member; a title match ranks above body matches; the type filter narrows the results; the last
word matches as a prefix; diacritics are folded; the header's search box leads to the results;
results show the kind and when each was updated, and pass axe; with JavaScript off the page says search needs it
and links to the library. Then the time to the first result (median of 5 loads, cache off).

--measure serves an already built SITE, opens `index.html#k=KEY` so the key is stored (KEY may
be empty for public results only), and prints the median time from navigation start of
`search/index.html?q=WORD` to its first result rendered, over 5 loads with the cache off, and
the same for typing WORD into the page once it has loaded.

Prints PASS or FAIL per check, then "N passed, M failed"; exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser  # noqa: E402
from portal_sites import portico_build, portico_links  # noqa: E402
from private_portal import NoScriptBrowser  # noqa: E402
import start_checklist  # noqa: E402
from scenarios import Report, run_scenarios  # noqa: E402
from server import Nginx  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
WAIT = 10.0
TIMED_LOADS = 5

RESULTS_JS = """
const list = document.getElementById("search-results"), status = document.getElementById("search-status");
const note = document.getElementById("search-public-only");
return {ready: document.documentElement.getAttribute("data-search"),
        status: status ? status.textContent : null,
        public_only: note ? !note.hidden : null,
        href: location.href,
        results: list ? [...list.querySelectorAll("li")].map(li => ({
          kind: (li.querySelector(".kicker") || {}).textContent || "",
          title: (li.querySelector("h2 a") || {}).textContent || "",
          href: (li.querySelector("h2 a") || {}).href || "",
          summary: (li.querySelector(".asset-summary-text") || {}).textContent || "",
          meta: (li.querySelector(".meta") || {}).textContent || ""})) : null};
"""

# Records when the first result appears, from navigation start (performance.now()).
FIRST_RESULT_JS = """
window.__firstResultAt = null;
new MutationObserver(function (records, observer) {
  const list = document.getElementById("search-results");
  if (list && list.querySelector("li")) { window.__firstResultAt = performance.now(); observer.disconnect(); }
}).observe(document, {childList: true, subtree: true});
"""


class Search:
    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base

    def state(self) -> dict:
        return self.browser.script(RESULTS_JS)

    def wait(self, ok, what: str = "") -> dict:
        deadline = time.monotonic() + WAIT
        while True:
            try:
                s = self.state()
                if ok(s):
                    return s
            except Exception:  # noqa: BLE001  (the page going away under the script)
                s = {}
            if time.monotonic() > deadline:
                return s
            time.sleep(0.05)

    def open(self, page: str) -> dict:
        self.browser.driver.get("about:blank")
        self.browser.driver.get(self.base + page)
        return self.wait(lambda s: s.get("ready") == "ready")

    def forget_key(self) -> None:
        self.browser.driver.get(self.base + "index.html")
        self.browser.script("localStorage.clear()")

    def use_link(self, url: str) -> None:
        """Opens a personal link (relative to the site root), which stores its key."""
        self.browser.driver.get("about:blank")
        self.browser.driver.get(self.base + url)
        self.wait(lambda s: "#" not in s.get("href", "#"))

    def type(self, query: str, kind: str = "") -> dict:
        """Types `query` into the page's box (and picks a type), then waits for its results."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select

        driver = self.browser.driver
        box = driver.find_element(By.ID, "search-q")
        box.clear()
        Select(driver.find_element(By.ID, "search-type")).select_by_value(kind)
        box.send_keys(query)
        want = query.strip()
        return self.wait(lambda s: s.get("ready") == "ready" and want in (s.get("status") or ""))

    def titles(self, query: str, kind: str = "") -> list[str]:
        return [r["title"] for r in self.type(query, kind).get("results") or []]


def build(r: Report, portico: Path, tmp: Path) -> tuple[Path, list[dict]] | None:
    """The fixture built, and everyone's link with its address made relative to the site root."""
    import yaml  # in the venv of scripts/check-site

    for fixture in ("base", "search"):
        shutil.copytree(REPO / "Tests/Fixtures" / fixture, tmp, dirs_exist_ok=True)
    if not portico_build(r, portico, tmp, "site"):
        return None
    links = portico_links(r, portico, tmp)
    if not links:
        return None
    program = yaml.safe_load((tmp / "content/program.yml").read_text(encoding="utf-8"))
    root = urllib.parse.urlsplit(program.get("base_url") or "/").path or "/"
    for link in links:
        parts = urllib.parse.urlsplit(link["url"])
        if parts.scheme:
            path = parts.path[len(root):] if parts.path.startswith(root) else parts.path.lstrip("/")
            link["url"] = path + "#" + parts.fragment
    return tmp / "site", links


def scenarios(r: Report, ses: Search, links: list[dict]) -> None:
    contact = next((x for x in links if x.get("partner")), None)
    member = next((x for x in links if x.get("team")), None)
    if not r.check("the fixture has a partner's contact and a team member with links", bool(contact and member)):
        return

    # Without a key: public results only.
    ses.forget_key()
    s = ses.open("search/index.html")
    r.check("the search page loads its index (data-search=ready)", s.get("ready") == "ready", repr(s))
    found = ses.titles("quillwort")
    r.check("a word only in a public asset's body finds that asset", found == ["Dock glossary"], repr(found))
    s = ses.type("zanzibarite")
    r.check("without a key, a word only in a partners asset's body is not found",
            s.get("results") == [] and "No results" in (s.get("status") or ""), repr(s))
    r.check("without a key, the page says only public pages are searched", s.get("public_only") is True, repr(s))

    # A title match ranks above a body match.
    found = ses.titles("lighthouse")
    r.check("a title match ranks above a body match", found == ["Lighthouse accounts", "Dock glossary"], repr(found))
    found = ses.titles("lighthouse", "snapshot")
    r.check("the type filter narrows the results to that type", found == ["Lighthouse accounts"], repr(found))
    found = ses.titles("lighthouse", "one-pager")
    r.check("... and a type with no match shows none", found == [], repr(found))
    found = ses.titles("quillw")
    r.check("the word being typed matches as a prefix", found == ["Dock glossary"], repr(found))
    found = ses.titles("gangway")
    r.check("a heading's word is found", found == ["Dock glossary"], repr(found))
    results = ses.type("lighthouse").get("results") or []
    by_title = {x["title"]: x for x in results}
    due, fresh = by_title.get("Lighthouse accounts", {}), by_title.get("Dock glossary", {})
    r.check("a result shows its kind, summary and when it was updated (review upkeep is the team's)",
            due.get("kind") == "Implementation snapshot" and "Review due" not in due.get("meta", "")
            and due.get("meta", "").startswith("Updated ")
            and due.get("summary", "").startswith("How one large customer")
            and fresh.get("kind") == "Guide" and "Updated 2026-10-01" in fresh.get("meta", ""), repr(results))
    r.check("a result links to its page",
            fresh.get("href", "").endswith("/portal/assets/dock-glossary/index.html"), fresh.get("href", ""))
    # The page with results passes axe, as check-site's axe gate checks the page before a search.
    from a11y import Axe

    axe, violations = Axe(), []
    for width in (375, 1280):
        ses.browser.set_width(width)
        ses.open("search/index.html?q=lighthouse")
        ses.wait(lambda s: len(s.get("results") or []) == 2)
        violations += [line for v in axe.run(ses.browser) for line in Axe.describe("search", width, v)]
    ses.browser.reset_viewport()
    r.check("the page with results and the public-only note passes axe at 375 and 1280 px", not violations,
            "\n".join(violations[:20]))
    found = ses.titles("scriptword") + ses.titles("hiddenurlword")
    r.check("a raw script's text and link addresses are not searched", found == [], repr(found))
    found = ses.titles("rawhtmlword")
    r.check("the text raw HTML shows on the page is searched", found == ["Dock glossary"], repr(found))

    # The header's box on another page leads to the results.
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    ses.browser.driver.get(ses.base + "assets/dock-glossary/index.html")
    ses.browser.driver.find_element(By.ID, "site-search-q").send_keys("quillwort" + Keys.ENTER)
    s = ses.wait(lambda s: s.get("ready") == "ready" and bool(s.get("results")))
    r.check("the search box in a page's header leads to the results",
            "search/index.html?q=quillwort" in s.get("href", "")
            and [x["title"] for x in s.get("results") or []] == ["Dock glossary"], repr(s))

    # With a contact's personal link: the partners index opens, the team's does not.
    ses.use_link(contact["url"])
    ses.open("search/index.html")
    s = ses.type("zanzibarite")
    r.check(f"after {contact['email']}'s personal link, the partners asset's body word is found",
            [x["title"] for x in s.get("results") or []] == ["Partner playbook"], repr(s))
    r.check("... and the page no longer says only public pages are searched", s.get("public_only") is False, repr(s))
    found = ses.titles("brulee")
    r.check("diacritics are folded: 'brulee' finds 'crème brûlée'", found == ["Partner playbook"], repr(found))
    found = ses.titles("lighthouse")
    r.check("public and partners results are ranked together, the title match first",
            found[:1] == ["Lighthouse accounts"] and sorted(found[1:]) == ["Dock glossary", "Partner playbook"],
            repr(found))
    found = ses.titles("marrowbone")
    r.check("a contact does not find the team asset's word", found == [], repr(found))

    # A team member's link opens the team index too.
    ses.forget_key()
    ses.use_link(member["url"])
    ses.open("search/index.html?q=marrowbone")
    s = ses.wait(lambda s: s.get("ready") == "ready" and bool(s.get("results")))
    r.check(f"{member['email']} (team) finds the team asset's word, from ?q= in the address",
            [x["title"] for x in s.get("results") or []] == ["Pricing floor"], repr(s))

    times = measure(ses, "zanzibarite")
    if r.check(f"{TIMED_LOADS} timed loads of the search page all show a result", len(times) == TIMED_LOADS,
               f"{len(times)} did"):
        print(f"figure: search/index.html?q=... to the first result: median {statistics.median(times):.0f} ms "
              f"({', '.join(f'{t:.0f}' for t in times)} ms; cache off, nginx on loopback, partners index decrypted)",
              flush=True)


def measure(ses: Search, query: str) -> list[float]:
    """From navigation start of search/index.html?q=query to its first result, cache off."""
    driver = ses.browser.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    hook = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": FIRST_RESULT_JS})["identifier"]
    times = []
    try:
        for _ in range(TIMED_LOADS):
            driver.get("about:blank")
            driver.get(ses.base + "search/index.html?q=" + urllib.parse.quote(query))
            ses.wait(lambda s: s.get("ready") == "ready" and bool(s.get("results")))
            at = ses.browser.script("return window.__firstResultAt")
            if at is not None:
                times.append(float(at))
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    return times


def measure_typing(ses: Search, query: str) -> list[float]:
    """From the first key typed into the loaded page (index ready) to its first result."""
    from selenium.webdriver.common.by import By

    times = []
    for _ in range(TIMED_LOADS):
        ses.open("search/index.html")
        ses.browser.script(
            "window.__typedAt = null; window.__shownAt = null;"
            "const list = document.getElementById('search-results');"
            "document.getElementById('search-q').addEventListener('keydown', function () {"
            "  if (window.__typedAt === null) window.__typedAt = performance.now(); });"
            "new MutationObserver(function (r, o) { if (list.querySelector('li')) {"
            "  window.__shownAt = performance.now(); o.disconnect(); } }).observe(list, {childList: true});")
        ses.browser.driver.find_element(By.ID, "search-q").send_keys(query)
        ses.wait(lambda s: bool(s.get("results")))
        typed, shown = ses.browser.script("return [window.__typedAt, window.__shownAt]")
        if typed is not None and shown is not None:
            times.append(float(shown) - float(typed))
    return times


def noscript_scenario(r: Report, base: str, work: Path) -> None:
    browser = NoScriptBrowser(work / "noscript")
    (work / "noscript").mkdir(exist_ok=True)
    try:
        browser.start()
        browser.driver.get(base + "search/index.html?q=quillwort")
        from selenium.webdriver.common.by import By

        status = browser.driver.find_element(By.ID, "search-status")
        links = [a.get_attribute("href") for a in status.find_elements(By.TAG_NAME, "a")]
        r.check("with JavaScript off, the search page says search needs JavaScript and links to the library",
                "needs JavaScript" in status.text and base + "assets/index.html" in links, f"{status.text!r} {links}")
        results = browser.driver.find_elements(By.CSS_SELECTOR, "#search-results li")
        r.check("with JavaScript off, no results are shown", not results, f"{len(results)} results")
    finally:
        browser.quit()


def run(r: Report, args: argparse.Namespace, tmp: Path, work: Path) -> None:
    if args.measure:
        site, links = args.measure.resolve(), []
    else:
        built = build(r, args.portico.resolve(), tmp)
        if built is None:
            return
        site, links = built
    nginx = Nginx(work)
    shutil.copytree(site, work / "www/portal", symlinks=False)
    nginx.start()
    browser = Browser(work)
    try:
        browser.start()
        ses = Search(browser, nginx.base)
        if args.measure:
            if args.key:
                ses.use_link("index.html#k=" + args.key)
            for name, times in [("search/index.html?q=... to the first result", measure(ses, args.query)),
                                ("typing into the loaded page to the first result", measure_typing(ses, args.query))]:
                if r.check(f"{len(times)} of {TIMED_LOADS} timed runs show a result for {args.query!r}",
                           len(times) == TIMED_LOADS):
                    print(f"figure: {name}: median {statistics.median(times):.0f} ms "
                          f"({', '.join(f'{t:.0f}' for t in times)} ms)", flush=True)
            return
        scenarios(r, ses, links)
        start_checklist.scenarios(r, browser, nginx.base, links)
        browser.quit()
        noscript_scenario(r, nginx.base, work)
    finally:
        browser.quit()
        nginx.stop()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-search", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("portico", type=Path, nargs="?", default=REPO / ".build/debug/portico")
    ap.add_argument("--measure", type=Path, default=None, help="time the search of an already built site")
    ap.add_argument("--key", default="", help="with --measure: a person's key (the 22 characters after #k=)")
    ap.add_argument("--query", default="", help="with --measure: the word to search for")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.measure and not args.query:
        ap.error("--measure needs --query")
    return run_scenarios("check-search", args.work, lambda r, tmp, work: run(r, args, tmp, work))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
