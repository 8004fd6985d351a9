"""The portal as it knows its reader, in Chromium (part of scripts/check-private-portal): once a
contact's key has opened a page, the navigation leads to their partner's pages and marks the
section they are in; a sealed page says "Opening…" (never "private, use your link") while a
stored key is tried on a slow connection; signing out forgets the reader; and after a rebuild
that adds an asset, the library marks it as new since the reader's last visit."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import portal_crypto as pc

NAV_JS = """
const links = [...document.querySelectorAll("nav a[data-portico-nav]")];
return links.map(a => ({id: a.getAttribute("data-portico-nav"), label: a.textContent.trim(),
                        path: new URL(a.href).pathname, current: a.getAttribute("aria-current")}));
"""

# Every text the sealed message shows and every state the page script sets, from the first
# parse on: a MutationObserver installed before the page loads.
WATCH_JS = """
window.__porticoSeen = [];
const note = () => {
  const t = document.querySelector("#portico-message [data-portico-text]");
  const entry = (document.documentElement.getAttribute("data-portico") || "") + "|" + (t ? t.textContent.trim() : "");
  const seen = window.__porticoSeen;
  if (seen[seen.length - 1] !== entry) seen.push(entry);
};
new MutationObserver(note).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""


def nav_of(ses) -> list[dict]:
    return ses.browser.script(NAV_JS)


def current_of(nav: list[dict]) -> list[str]:
    return [entry["id"] for entry in nav if entry["current"] == "page"]


def reader_scenarios(r, ses, portal, publish: Callable[[Path], None]) -> None:
    contact = portal.people[portal.contact]
    segment = pc.partner_path_segment(portal.secret, "acme")
    base_path = ses.base[ses.base.index("/", len("http://")):]
    mine = f"{base_path}partners/{segment}/"

    # The navigation after the contact's key opens their partner page.
    ses.clear()
    s = ses.visit(ses.url(contact.page, contact.key))
    if not r.check("the contact's link opens their partner page", s.get("state") == "unlocked", repr(s.get("state"))):
        return
    nav = nav_of(ses)
    by_id = {entry["id"]: entry for entry in nav}
    r.check("the navigation leads Refer to the partner's own refer page",
            by_id.get("refer", {}).get("path") == mine + "refer/index.html", repr(by_id.get("refer")))
    r.check("... Start to the partner's start page",
            by_id.get("start", {}).get("path") == mine + "start/index.html", repr(by_id.get("start")))
    r.check("... and gains 'Your partner page', first",
            nav and nav[0]["id"] == "partner" and nav[0]["label"] == "Your partner page"
            and nav[0]["path"] == mine + "index.html", repr(nav[:1]))
    r.check("on the partner page, 'Your partner page' is the current section (aria-current)",
            current_of(nav) == ["partner"], repr(current_of(nav)))

    s = ses.visit(ses.url(portal.library_page))
    nav = nav_of(ses)
    r.check("on the library, opened with the stored key, Library is the current section",
            s.get("state") == "unlocked" and current_of(nav) == ["library"], f"{s.get('state')!r} {current_of(nav)}")

    s = ses.visit(ses.url(f"partners/{segment}/refer/index.html"))
    nav = nav_of(ses)
    r.check("on the partner's refer page Refer is the current section, not the partner page",
            s.get("state") == "unlocked" and current_of(nav) == ["refer"], f"{s.get('state')!r} {current_of(nav)}")

    s = ses.visit(ses.url("index.html"), sealed=False)
    home_refer = ses.browser.script(
        "return [...document.querySelectorAll('main a[data-portico-nav=refer]')].map(a => new URL(a.href).pathname)")
    nav = nav_of(ses)
    r.check("on the public home page, the nav and the page's refer link lead to the partner's refer page",
            {e["id"]: e["path"] for e in nav}.get("refer") == mine + "refer/index.html"
            and home_refer and all(p == mine + "refer/index.html" for p in home_refer),
            f"nav {[(e['id'], e['path']) for e in nav]}, page links {home_refer}")
    r.check("... and Program is its current section", current_of(nav) == ["program"], repr(current_of(nav)))

    s = ses.visit(ses.url("sign-in/index.html"), sealed=False)
    said = ses.browser.script(
        "const p = document.querySelector('[data-portico-reader]'); return p && !p.hidden ? p.textContent : null")
    want = f"This browser opens the portal with {contact.name}’s link, for {portal.partner_name}."
    r.check("the sign-in page says whose link this browser keeps", said == want, f"{said!r}, want {want!r}")
    ses.browser.script("document.querySelector('[data-portico-sign-out]').click()")
    left = ses.browser.script(
        "return [localStorage.getItem(arguments[0]), localStorage.getItem(arguments[1]),"
        " document.querySelector('[data-portico-reader]').hidden]",
        ses.storage_key, "portico-reader:" + ses.base)
    r.check("signing out forgets the key and the reader, and stops naming them", left == [None, None, True], repr(left))
    s = ses.visit(ses.url("index.html"), sealed=False)
    nav = nav_of(ses)
    r.check("after signing out the navigation is the public one again",
            {e["id"]: e["path"] for e in nav}.get("refer") == base_path + "refer/index.html"
            and "partner" not in {e["id"] for e in nav}, repr(nav))

    opening_scenario(r, ses, portal, contact)
    news_scenario(r, ses, portal, contact, publish)


def opening_scenario(r, ses, portal, contact) -> None:
    """A stored key on a slow connection: the page says it is opening, never that it is private."""
    driver = ses.browser.driver
    ses.clear()
    s = ses.visit(ses.url(contact.page, contact.key))
    no_key = (s.get("messages") or {}).get("no-key") or "?"
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": False, "latency": 600, "downloadThroughput": 50 * 1024, "uploadThroughput": 50 * 1024})
    hook = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": WATCH_JS})["identifier"]
    try:
        started = time.monotonic()
        s = ses.visit(ses.url(portal.library_page))
        took = time.monotonic() - started
        seen = ses.browser.script("return window.__porticoSeen || []")
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    texts = [entry.split("|", 1)[1] for entry in seen]
    r.check("under a throttled connection the library still opens with the stored key, and slowly (over 1 s)",
            s.get("state") == "unlocked" and took > 1.0, f"state {s.get('state')!r} after {took:.2f} s")
    r.check("... showing 'Opening…' while the key is tried, and never the no-key message",
            any(t.startswith("Opening") for t in texts) and no_key not in texts
            and not any("personal link, the one" in t for t in texts), repr(seen[:6]))


def news_scenario(r, ses, portal, contact, publish: Callable[[Path], None]) -> None:
    """After a rebuild that adds an asset, the next visit marks it new, and only it."""
    if portal.add_asset is None:
        return
    ses.clear()
    ses.browser.script("sessionStorage.clear()")
    library = "assets/index.html"
    s = ses.visit(ses.url(library, contact.key))
    badges = ses.browser.script("return document.querySelectorAll('main .badge-new').length")
    r.check("a first visit to the library marks nothing as new", s.get("state") == "unlocked" and badges == 0,
            f"{s.get('state')!r}, {badges} marked")
    added = portal.add_asset()
    if not r.check("rebuilt three days later with one more asset", added is not None, "the build failed"):
        return
    site, title = added
    publish(site)
    ses.browser.script("sessionStorage.clear()")  # a new visit: the browser was closed in between
    s = ses.visit(ses.url(library))
    marked = ses.browser.script(
        "return [...document.querySelectorAll('main .badge-new')].map(b => b.closest('li').querySelector('a').textContent)")
    news = ses.browser.script(
        "const p = document.querySelector('[data-portico-news]'); return p && !p.hidden ? p.textContent : null")
    r.check("the next visit marks the new asset, and only it, as New", marked == [title], repr(marked))
    want = "1 asset added or updated since your last visit (November 25, 2026), marked New below."
    r.check("... and says so above the list", news == want, f"{news!r}, want {want!r}")
    s = ses.visit(ses.url("index.html"), sealed=False)
    s = ses.visit(ses.url(library))
    marked = ses.browser.script("return document.querySelectorAll('main .badge-new').length")
    r.check("the marks stay while the reader moves around during that visit", marked == 1, f"{marked} marked")
    publish(portal.site)
