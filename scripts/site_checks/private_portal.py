"""End-to-end test of the private portal in headless Chromium, served by nginx.

Usage (normally through scripts/check-private-portal, which checks the prerequisites):
    python private_portal.py [PORTICO] [--fixture DIR] [--work DIR]
    python private_portal.py --selfmade [--work DIR]

Default mode: builds a copy of the fixture program with `portico build --date 2026-11-25`,
takes everyone's access link from `portico links --json`, and serves the site with nginx on
127.0.0.1 under /portal/, as the site gates do. --selfmade builds a small site itself with
portal_crypto.py (the reference implementation of docs/security.md) and templates/static/
unlock.js, so the page script can be tested without the Swift build.

Then: the Python reference checks the build's key files, page paths and sealed pages byte for
byte; Chromium opens a contact's link (the partner page decrypts, the key leaves the address
bar and stays in localStorage, the library then opens without a link), another partner's
contact is refused, a contact removed from the YAML is shut out after a rebuild while the
other contact still gets in, incomplete, wrong and tampered keys, a public page, a page
opened from disk and a page with JavaScript off each show what the build says they should.
Prints PASS or FAIL per check, the time a link takes to open its page (median of 5 loads),
then "N passed, M failed". Exit status 1 when any check failed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import html.parser
import json
import re
import os
import shutil
import statistics
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portal_crypto as pc  # noqa: E402
import portal_sites  # noqa: E402
from browser import Browser  # noqa: E402
from portal_sites import Person, Portal, selfmade_portal, fixture_portal, check_reference  # noqa: E402
from portal_reader import reader_scenarios  # noqa: E402
from scenarios import Report, run_scenarios  # noqa: E402
from server import Nginx  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
UNLOCK_WAIT = 10.0  # seconds for a sealed page to reach its final state
MESSAGES = ["no-key", "incomplete", "ended", "other", "from-disk", "failed"]
TIMED_LOADS = 5


# --- The browser ------------------------------------------------------------------------

STATE_JS = """
const m = document.getElementById("portico-message"), main = document.querySelector("main");
const target = m ? (m.querySelector("[data-portico-text]") || m) : null;
let stored = null;
try { stored = localStorage.getItem(arguments[0]); } catch (e) {}
const messages = {};
for (const k of arguments[1]) messages[k] = m ? m.getAttribute("data-" + k) : null;
return {state: document.documentElement.getAttribute("data-portico"), title: document.title,
        main: main ? main.textContent : null, message: target ? target.textContent : null,
        whole_message: m ? m.textContent : null, messages,
        message_parts: m ? [...m.querySelectorAll("*")].filter(e => !e.closest("noscript")).length : null,
        has_text_part: m ? m.querySelector("[data-portico-text]") !== null : null,
        href: location.href, stored, ready: document.readyState};
"""


class NoScriptBrowser(Browser):
    """The same headless Chromium with JavaScript switched off by policy."""

    def start(self) -> None:
        from selenium import webdriver

        original = webdriver.ChromeOptions

        class Options(original):
            def __init__(self) -> None:
                super().__init__()
                self.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})

        webdriver.ChromeOptions = Options
        try:
            super().start()
        finally:
            webdriver.ChromeOptions = original


class Session:
    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base
        self.storage_key = "portico-key:" + base

    def url(self, page: str, key: str | None = None) -> str:
        return self.base + page + (f"#k={key}" if key is not None else "")

    def state(self) -> dict:
        return self.browser.script(STATE_JS, self.storage_key, MESSAGES)

    def visit(self, url: str, sealed: bool = True) -> dict:
        """Loads url as a new navigation, then waits for a sealed page's final state."""
        self.browser.driver.get("about:blank")
        self.browser.driver.get(url)
        return self.settle(sealed)

    def settle(self, sealed: bool = True, want: str | None = None) -> dict:
        deadline = time.monotonic() + UNLOCK_WAIT
        while True:
            try:
                s = self.state()
                final = s["state"] and s["state"] != "opening"  # "opening": the key is being tried
                if not sealed or (final and (want is None or s["state"] == want)):
                    return s
            except Exception:  # noqa: BLE001  (a page going away under the script)
                s = {"state": None}
            if time.monotonic() > deadline:
                return s
            time.sleep(0.05)

    def shell_state(self, page: str) -> dict:
        """The state of a sealed page as it is before the script runs (JavaScript blocked)."""
        driver = self.browser.driver
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            driver.get("about:blank")
            driver.get(self.url(page))
            return self.state()
        finally:
            driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    def clear(self) -> None:
        self.browser.driver.get(self.base + "index.html")
        self.browser.script("localStorage.clear()")


def shown(s: dict, state: str) -> tuple[bool, str]:
    """The page ended in `state` and its message says what the build wrote for it."""
    want = (s.get("messages") or {}).get(state)
    ok = s.get("state") == state and want is not None and (s.get("message") or "").strip() == want.strip()
    return ok, f"state {s.get('state')!r}, message {(s.get('message') or '').strip()!r}, want {want!r}"


class _ShellText(html.parser.HTMLParser):
    """The <title> text and the text of #portico-message, as a browser without scripts shows them."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    # The default theme's lines for a browser that runs the page script ("Opening…", and a hint
    # when that takes long), which its <noscript> style hides.
    SCRIPT_ONLY = {"sealed-opening", "sealed-slow"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.message = "", ""
        self.in_title, self.depth, self.skip = False, 0, 0

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if self.depth and tag not in self.VOID:
            self.depth += 1
            if self.skip or self.SCRIPT_ONLY & set((dict(attrs).get("class") or "").split()):
                self.skip += 1
        elif dict(attrs).get("id") == "portico-message" and tag not in self.VOID:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.depth and tag not in self.VOID:
            self.depth -= 1
            if self.skip:
                self.skip -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.depth and not self.skip:
            self.message += data


def shell_of(site: Path, page: str) -> tuple[str, str]:
    """(title, default message) of a sealed page's shell, as the file has them."""
    parser = _ShellText()
    parser.feed((site / page).read_text(encoding="utf-8"))
    parser.close()
    return " ".join(parser.title.split()), " ".join(parser.message.split())


def opened(r: Report, name: str, s: dict, portal: Portal, shell_title: str, marker: str) -> bool:
    return r.check(name, s.get("state") == "unlocked" and marker in (s.get("main") or "")
                   and s.get("title") not in ("", shell_title) and s.get("whole_message") is None,
                   f"state {s.get('state')!r}, title {s.get('title')!r}, main {(s.get('main') or '')[:120]!r}, "
                   f"message {s.get('whole_message')!r:.80}")


def browser_scenarios(r: Report, portal: Portal, nginx: Nginx, publish: Callable[[Path], None],
                      browser: Browser) -> None:
    ses = Session(browser, nginx.base)
    acme, name = portal.partner_page, portal.partner_name
    shell_title, _ = shell_of(portal.site, acme)
    contact, removed, other = (portal.people[e] for e in (portal.contact, portal.removed, portal.other))

    # A contact's link opens their partner page, then the library opens without a link.
    ses.clear()
    s = ses.visit(ses.url(contact.page, contact.key))
    opened(r, f"{contact.email}'s link opens the {name} page", s, portal, shell_title, name)
    r.check("the key leaves the address bar", "#" not in s.get("href", "#"), s.get("href", ""))
    r.check("the key is kept in localStorage under portico-key:<site root>", s.get("stored") == contact.key,
            f"{ses.storage_key} = {s.get('stored')!r}")
    s = ses.visit(ses.url(portal.library_page))
    opened(r, f"the library ({portal.library_page}) then opens with no key in the address", s, portal,
           shell_of(portal.site, portal.library_page)[0], "")

    # Sign-out on the sign-in page forgets the key: the library no longer opens, and says why.
    s = ses.visit(ses.url("sign-in/index.html"), sealed=False)
    visible = browser.script(
        "var b = document.querySelector('[data-portico-sign-out]'); return b ? !b.hidden : null")
    if portal.secret is not None and not (portal.site / "sign-in/index.html").is_file():
        print("note: the site has no sign-in page (a selfmade site): sign-out is not tried", flush=True)
    elif r.check("the sign-in page offers to sign out while a key is kept", visible is True,
                 f"button shown: {visible!r}"):
        browser.script("document.querySelector('[data-portico-sign-out]').click()")
        said = browser.script("return document.querySelector('[data-portico-signed-out]').textContent")
        r.check("signing out forgets the key and says so",
                ses.state().get("stored") is None and said.startswith("Signed out"),
                f"stored {ses.state().get('stored')!r}, said {said!r}")
        s = ses.visit(ses.url(portal.library_page))
        ok, detail = shown(s, "no-key")
        r.check("after signing out the library asks for a link", ok, detail)
        s = ses.visit(ses.url(contact.page, contact.key))
        opened(r, f"{contact.email}'s link opens again after signing out", s, portal, shell_title, name)

    # A link followed on its own page only changes the fragment: the script starts again.
    s = ses.visit(ses.url(acme))
    browser.script("location.hash = arguments[0]", "k=" + other.key)
    s = ses.settle(want="other")
    ok, detail = shown(s, "other")
    r.check("a link followed on the page it leads to (a fragment change) takes effect", ok, detail)
    browser.script("location.hash = arguments[0]", "k=" + contact.key)
    s = ses.settle(want="unlocked")
    opened(r, "... and another one on a page that did not open, without a reload", s, portal, shell_title, name)

    # Another partner's contact is refused.
    ses.clear()
    s = ses.visit(ses.url(other.page, other.key))
    r.check(f"{other.email}'s own link opens their page", s.get("state") == "unlocked", f"state {s.get('state')!r}")
    s = ses.visit(ses.url(acme))
    ok, detail = shown(s, "other")
    r.check(f"{other.email} cannot open the {name} page: data-other is shown", ok, detail)
    r.check(f"the refused page does not show {name}", name not in (s.get("main") or ""), s.get("main", "")[:120])

    # Incomplete, wrong and tampered keys.
    ses.clear()
    s = ses.visit(ses.url(acme, "abc"))
    ok, detail = shown(s, "incomplete")
    r.check("#k=abc shows data-incomplete", ok, detail)
    r.check("an incomplete key is not stored", s.get("stored") is None, repr(s.get("stored")))
    wrong = pc.b64(hashlib.sha256(b"no such person").digest()[:16])
    s = ses.visit(ses.url(acme, wrong))
    ok, detail = shown(s, "ended")
    r.check("a well-formed key that opens nothing shows data-ended", ok, detail)
    ses.clear()
    s = ses.visit(ses.url(acme))
    ok, detail = shown(s, "no-key")
    r.check("no key at all shows data-no-key", ok, detail)
    shell = ses.shell_state(acme)
    if shell["has_text_part"]:
        r.check("the message keeps the shell's other parts (heading, links) around [data-portico-text]",
                s.get("message_parts") == shell["message_parts"],
                f"{s.get('message_parts')} elements in #portico-message, the shell has {shell['message_parts']}")
    else:
        print("note: #portico-message has no [data-portico-text] element: each message replaces all of it",
              flush=True)
    key_file = nginx.work / "www/portal" / pc.key_file_name(pc.unb64(contact.key))
    original, mtime = key_file.read_bytes(), key_file.stat().st_mtime
    tampered = json.loads(original)
    for tag in tampered["keys"]:
        blob = bytearray(pc.unb64(tampered["keys"][tag]))
        blob[20] ^= 1
        tampered["keys"][tag] = pc.b64(bytes(blob))
    key_file.write_text(pc.compact_json(tampered), encoding="utf-8")
    os.utime(key_file, (mtime + 1, mtime + 1))  # a new validator: see publish()
    s = ses.visit(ses.url(acme, contact.key))
    ok, detail = shown(s, "failed")
    r.check("a key file that does not decrypt shows data-failed", ok, detail)
    key_file.write_bytes(original)
    os.utime(key_file, (mtime + 2, mtime + 2))

    # A payload moved to another page of the same group (or an old copy served elsewhere) does
    # not open there: the page's nonce is derived from its path, and the script checks it.
    refer = acme.replace("index.html", "refer/index.html")
    target = nginx.work / "www/portal" / refer
    if target.exists():
        pattern = re.compile(r'(<script type="application/json" id="portico-sealed">)(.*?)(</script>)', re.S)
        moved = pattern.search((nginx.work / "www/portal" / acme).read_text(encoding="utf-8")).group(2)
        before, stamp = target.read_bytes(), target.stat().st_mtime
        target.write_text(pattern.sub(lambda m: m.group(1) + moved + m.group(3), before.decode("utf-8")),
                          encoding="utf-8")
        os.utime(target, (stamp + 1, stamp + 1))
        s = ses.visit(ses.url(refer, contact.key))
        ok, detail = shown(s, "failed")
        r.check(f"the {name} page's payload moved into its refer page shows data-failed", ok, detail)
        r.check("... and not the moved page's title", name not in (s.get("title") or ""), s.get("title", ""))
        target.write_bytes(before)
        os.utime(target, (stamp + 2, stamp + 2))
        s = ses.visit(ses.url(refer, contact.key))
        r.check("the refer page opens again with its own payload", s.get("state") == "unlocked",
                f"state {s.get('state')!r}")

    # Public pages need no key, and a link to one keeps its key for the private pages.
    ses.clear()
    title, _ = shell_of(portal.site, "index.html")
    s = ses.visit(ses.url("index.html"), sealed=False)
    r.check("a public page opens with no key, untouched", s.get("state") is None and s.get("message") is None
            and s.get("title") == title and bool((s.get("main") or "").strip()),
            f"state {s.get('state')!r}, title {s.get('title')!r}")
    s = ses.visit(ses.url("index.html", contact.key), sealed=False)
    r.check("a link to a public page keeps the key and leaves the address bar",
            s.get("stored") == contact.key and "#" not in s.get("href", "#"), f"{s.get('href')} {s.get('stored')!r}")
    s = ses.visit(ses.url(acme))
    opened(r, "after it, the partner page opens with no key in the address", s, portal, shell_title, name)

    # A fragment that names an element of the decrypted page scrolls to it.
    browser.set_width(1280, 240)
    try:
        s = ses.visit(ses.url(contact.page, contact.key))
        anchor = browser.script(
            "const all = [...document.querySelectorAll('main [id]')];"
            "const far = all.filter(e => e.getBoundingClientRect().top > innerHeight);"
            "return far.length ? far[far.length - 1].id : null")
        if r.check("the decrypted partner page has an element with an id below the first screen", bool(anchor)):
            s = ses.visit(ses.url(acme) + "#" + urllib.parse.quote(anchor))
            top, bottom = browser.script(
                "return [document.getElementById(arguments[0]).getBoundingClientRect().top,"
                " scrollY > 0 && scrollY + innerHeight >= document.documentElement.scrollHeight - 2]", anchor)
            r.check(f"#{anchor} in the address scrolls the decrypted page to it", s.get("state") == "unlocked"
                    and (abs(top) < 5 or bottom), f"state {s.get('state')!r}, its top is at {top}px")
    finally:
        browser.reset_viewport()

    # Opened from disk: no fetch, a message.
    s = ses.visit((portal.site / acme).as_uri() + "#k=" + contact.key)
    ok, detail = shown(s, "from-disk")
    r.check("a sealed page opened from disk (file:) shows data-from-disk", ok, detail)

    # How long a link takes to open its page, cache off, from navigation start.
    timings = measure(ses, contact, name)
    if r.check(f"{TIMED_LOADS} timed loads of a link all open the page", len(timings) == TIMED_LOADS,
               f"{len(timings)} opened"):
        print(f"figure: link to decrypted <main>: median {statistics.median(timings):.0f} ms over "
              f"{TIMED_LOADS} loads ({', '.join(f'{t:.0f}' for t in timings)} ms; cache off, nginx on loopback)",
              flush=True)

    # A contact removed from the YAML is shut out after a rebuild; the other one still gets in.
    ses.clear()
    s = ses.visit(ses.url(removed.page, removed.key))
    r.check(f"before the change, {removed.email}'s link opens the {name} page", s.get("state") == "unlocked",
            f"state {s.get('state')!r}")
    rebuilt = portal.rebuild()
    if not r.check(f"rebuilt without {removed.email}", rebuilt is not None, "the build failed"):
        return
    publish(rebuilt)
    r.check(f"{removed.email}'s key file is gone", not (rebuilt / pc.key_file_name(pc.unb64(removed.key))).exists())
    s = ses.visit(ses.url(acme))
    ok, detail = shown(s, "ended")
    r.check(f"{removed.email}'s stored key now shows data-ended", ok, detail)
    r.check(f"... and not {name}", name not in (s.get("main") or ""), (s.get("main") or "")[:120])
    s = ses.visit(ses.url(contact.page, contact.key))
    opened(r, f"{contact.email} still gets in after the rebuild", s, portal, shell_title, name)


MEASURE_JS = ('document.addEventListener("portico:unlocked", function () {'
              ' window.__porticoUnlockedAt = performance.now(); });')


def measure(ses: Session, person: Person, marker: str) -> list[float]:
    driver = ses.browser.driver
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    hook = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": MEASURE_JS})["identifier"]
    times = []
    try:
        for _ in range(TIMED_LOADS):
            s = ses.visit(ses.url(person.page, person.key))
            at = ses.browser.script("return window.__porticoUnlockedAt || null")
            if s.get("state") == "unlocked" and marker in (s.get("main") or "") and at is not None:
                times.append(float(at))
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": hook})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
    return times


def noscript_scenario(r: Report, portal: Portal, nginx: Nginx, browser: Browser) -> None:
    ses = Session(browser, nginx.base)
    contact = portal.people[portal.contact]
    title, message = shell_of(portal.site, portal.partner_page)
    ses.browser.driver.get(ses.url(portal.partner_page, contact.key))
    s = ses.state()
    r.check("with JavaScript off, the page script does not run", "#k=" in s.get("href", ""), s.get("href", ""))
    element = ses.browser.driver.find_element("id", "portico-message")
    visible, shown_text = element.is_displayed(), " ".join(element.text.split())
    r.check("with JavaScript off, a sealed page shows the default message (and not 'Opening…')",
            visible and shown_text == message and s.get("title") == title
            and portal.partner_name not in (s.get("main") or ""),
            f"visible {visible}, message {shown_text!r}, want {message!r}, title {s.get('title')!r}")


# --- Running it -------------------------------------------------------------------------

def run(r: Report, args: argparse.Namespace, tmp: Path, work: Path) -> None:
    if args.selfmade:
        portal = selfmade_portal(tmp)
        label = "selfmade site"
    else:
        portal = fixture_portal(r, args.portico.resolve(), args.fixture.resolve(), tmp)
        label = "portico build"
        if portal is None:
            return
    check_reference(r, portal, label)
    missing = [what for what, value in [("a partner page", portal.partner_page),
                                        ("a library page sealed for partners", portal.library_page),
                                        (f"a link for {portal.contact}", portal.people.get(portal.contact)),
                                        (f"a link for {portal.removed}", portal.people.get(portal.removed)),
                                        ("a link for another partner's contact", portal.people.get(portal.other))]
               if not value]
    if not r.check("the site has what the browser scenarios need", not missing, "missing " + ", ".join(missing)):
        return

    nginx = Nginx(work)
    www = work / "www"

    published = []

    def publish(site: Path) -> None:
        """Copies the site to nginx's folder. Every copy gets its own file times: nginx's
        ETag and Last-Modified are the time in seconds and the size, and a key file keeps
        its size when its content keys change, so a copy made within the same second as
        the last one would be revalidated as unchanged (304) by the browser."""
        shutil.rmtree(www / "portal", ignore_errors=True)
        shutil.copytree(site, www / "portal")
        published.append(site)
        stamp = int(time.time()) + 10 * len(published)
        for f in (www / "portal").rglob("*"):
            os.utime(f, (stamp, stamp))

    publish(portal.site)
    nginx.start()
    browser = Browser(work)
    try:
        browser.start()
        browser_scenarios(r, portal, nginx, publish, browser)
        if not args.selfmade:  # the selfmade shells have no navigation to adapt
            publish(portal.site)
            reader_scenarios(r, Session(browser, nginx.base), portal, publish)
        browser.quit()
        publish(portal.site)  # the first build again: the shell that the scenarios checked
        noscript = NoScriptBrowser(work / "noscript")
        (work / "noscript").mkdir(exist_ok=True)
        try:
            noscript.start()
            noscript_scenario(r, portal, nginx, noscript)
        finally:
            noscript.quit()
    finally:
        browser.quit()
        nginx.stop()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-private-portal", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("portico", type=Path, nargs="?", default=REPO / ".build/debug/portico")
    ap.add_argument("--fixture", type=Path, default=REPO / "Tests/Fixtures/base")
    ap.add_argument("--selfmade", action="store_true",
                    help="test templates/static/unlock.js on a site made by portal_crypto.py, without portico")
    ap.add_argument("--templates", type=Path, default=None,
                    help="build with this theme folder (such as templates/) instead of the built-in one")
    ap.add_argument("--unlock-js", type=Path, default=REPO / "templates/static/unlock.js",
                    help="with --selfmade: the page script to test (to try a changed copy)")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    portal_sites.UNLOCK_JS = args.unlock_js.resolve()
    portal_sites.TEMPLATES = args.templates.resolve() if args.templates else None
    return run_scenarios("check-private-portal", args.work, lambda r, tmp, work: run(r, args, tmp, work))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
