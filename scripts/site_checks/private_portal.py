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
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portal_crypto as pc  # noqa: E402
from browser import Browser  # noqa: E402
from main import _detach  # noqa: E402
from server import Nginx  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
UNLOCK_WAIT = 10.0  # seconds for a sealed page to reach its final state
MESSAGES = ["no-key", "incomplete", "ended", "other", "from-disk", "failed"]
TIMED_LOADS = 5
UNLOCK_JS = REPO / "templates/static/unlock.js"


class Report:
    def __init__(self) -> None:
        self.passed = self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        """One PASS or FAIL line; the detail (what was found) is shown on failure."""
        self.passed, self.failed = self.passed + ok, self.failed + (not ok)
        print(f"PASS {name}" if ok else f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok


@dataclass
class Person:
    email: str
    partner: str | None
    team: bool
    page: str  # the link's page, relative to the site root, as the link writes it
    key: str  # the 22 characters after #k=


@dataclass
class Portal:
    """A built site and what the scenarios need to know about it."""
    site: Path
    secret: bytes | None
    people: dict[str, Person]  # by email; `portico links` gives one partner per person
    epochs: dict[str, int]  # from portico-access.json; a missing person is at 0
    partner_name: str  # the name of partner acme, shown on its page
    partner_page: str  # acme's page, relative to the site root
    library_page: str  # a page sealed for group partners
    contact: str  # an acme contact who stays
    removed: str  # an acme contact who is removed from the YAML
    other: str  # a contact of another partner
    rebuild: Callable[[], Path | None] = field(repr=False, default=lambda: None)


# --- The two ways to get a site ---------------------------------------------------------

SHELL = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script src="{root}static/unlock.js" defer></script>
</head>
<body>
<main id="main">
{body}
{sealed}
</main>
</body>
</html>
"""
MESSAGE = ('<div id="portico-message" role="status" data-no-key="No key: open this page with your personal link."'
           ' data-incomplete="This link is incomplete: copy the whole link from your email."'
           ' data-ended="Access with this link has ended: ask your partner manager for a new one."'
           ' data-other="Your link does not open this page."'
           ' data-from-disk="Opened from disk: private pages open only from the web address."'
           ' data-failed="The page could not be opened: reload to try again.">\n'
           '<h1>Private page</h1>\n<p data-portico-text>This page is private: open it with your personal link,'
           ' with JavaScript on.</p>\n<p><a href="{root}index.html">Home</a></p>\n</div>')
SELF_PEOPLE = [  # email, name, partner (None: team)
    ("alice@acme.example", "Alice Moreau", "acme"),
    ("kim@acme.example", "Kim Ode", "acme"),
    ("bob@bridge.example", "Bob Brandt", "bridge"),
    ("dana@fixture.example", "Dana Ruiz", None),
]
SELF_PARTNERS = {"acme": "Acme Consulting", "bridge": "Bridge Ledger"}


def groups_of(people: dict[str, tuple[str | None, bool]], epochs: dict[str, int]) -> dict[str, dict[str, int]]:
    """Group members as docs/security.md defines them, from (partner, team) per email."""
    team = {e: epochs.get(e, 0) for e, (_, t) in people.items() if t}
    groups = {"partners": {e: epochs.get(e, 0) for e in people}, "team": team}
    for partner in sorted({p for p, _ in people.values() if p}):
        groups[f"partner:{partner}"] = {**{e: epochs.get(e, 0) for e, (p, _) in people.items() if p == partner},
                                        **team}
    return groups


def write_selfmade(site: Path, secret: bytes, people: list[tuple[str, str, str | None]]) -> list[dict]:
    """A small site in the shape the build will write; returns its links, as `portico links
    --json` prints them."""
    if site.exists():
        shutil.rmtree(site)
    (site / "static").mkdir(parents=True)
    (site / "keys").mkdir()
    shutil.copy(UNLOCK_JS, site / "static/unlock.js")
    members = {e: (p, p is None) for e, _, p in people}
    groups = groups_of(members, {})

    def page(rel: str, title: str, main: str, group: str | None) -> None:
        depth = rel.count("/")
        if group is None:
            text = SHELL.format(title=title, root="../" * depth, body=main, sealed="")
        else:
            sealed = pc.sealed_page_json(secret, group, rel, title, main, members=groups[group])
            text = SHELL.format(title="Private page · Fixture Partner Portal", root="../" * depth,
                                body=MESSAGE.replace("{root}", "../" * depth),
                                sealed=f'<script type="application/json" id="portico-sealed">{sealed}</script>')
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")

    page("index.html", "Fixture Partner Portal", "<h1>Fixture Partner Portal</h1>\n<p>Welcome, partners.</p>", None)
    page("404.html", "Not found", "<h1>Not found</h1>", None)
    page("library/index.html", "Library · Fixture Partner Portal",
         '<h1>Library</h1>\n<p>Every <a href="../index.html">asset</a> for partners.</p>', "partners")
    for pid, name in SELF_PARTNERS.items():
        contacts = "".join(f"<li>{n} &lt;{e}&gt;</li>" for e, n, p in people if p == pid)
        page(f"partners/{pc.partner_path_segment(secret, pid)}/index.html", f"{name} · Fixture Partner Portal",
             f'<h1>{name}</h1>\n<p>Café “crème” ✓</p>\n' + "<p>Enablement notes.</p>\n" * 40
             + f'<h2 id="contacts">Contacts</h2>\n<ul>{contacts}</ul>\n' + "<p>More notes.</p>\n" * 20,
             f"partner:{pid}")
    links = []
    for email, name, partner in people:
        mine = {g: m for g, m in groups.items() if email in m}
        pkey = pc.person_key(secret, email, 0)
        (site / pc.key_file_name(pkey)).write_text(pc.key_file_json(secret, email, 0, mine), encoding="utf-8")
        target = f"partners/{pc.partner_path_segment(secret, partner)}/" if partner else ""
        links.append({"email": email, "name": name, "partner": partner, "team": partner is None,
                      "url": target + pc.link_fragment(pkey)})
    return links


def selfmade_portal(tmp: Path) -> Portal:
    secret = hashlib.sha256(b"check-private-portal selfmade").digest()
    site = tmp / "site"
    links = write_selfmade(site, secret, SELF_PEOPLE)
    portal = portal_from_links(site, secret, links, root_path="/")
    portal.partner_name = SELF_PARTNERS["acme"]
    portal.contact, portal.removed, portal.other = "alice@acme.example", "kim@acme.example", "bob@bridge.example"

    def rebuild() -> Path:
        site2 = tmp / "site-2"
        write_selfmade(site2, secret, [p for p in SELF_PEOPLE if p[0] != portal.removed])
        return site2
    portal.rebuild = rebuild
    return portal


TEMPLATES: Path | None = None  # --templates: a theme folder instead of the binary's built-in copy


def portico_build(r: Report, portico: Path, tmp: Path, out: str) -> bool:
    cmd = [str(portico), "build", "--date", DATE, "--content", str(tmp / "content"), "--output", str(tmp / out)]
    if TEMPLATES is not None:
        cmd += ["--templates", str(TEMPLATES)]
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}  # the secret file in tmp, not CI's
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)
    output = (proc.stdout + proc.stderr)[-3000:]
    return r.check(f"portico build --output {out}", proc.returncode == 0, f"exit {proc.returncode}\n{output}")


def portico_links(r: Report, portico: Path, tmp: Path) -> list[dict] | None:
    cmd = [str(portico), "links", "--json", "--content", str(tmp / "content")]
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)
    links, problem = None, ""
    if proc.returncode != 0:
        problem = f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-500:]}"
    else:
        try:
            links = json.loads(proc.stdout)
            usable = isinstance(links, list) and links and all(
                isinstance(x, dict) and {"email", "team", "url"} <= set(x) for x in links)
            if not usable:
                links, problem = None, f"not a list of {{email, name, partner, team, url}}: {proc.stdout[:300]!r}"
        except ValueError as e:
            problem = f"not JSON ({e}): {proc.stdout[:300]!r}"
    if not r.check("portico links --json gives everyone's link", links is not None,
                   f"portico links not available ({problem})"):
        return None
    keys = {"email", "name", "partner", "team", "url"}
    odd = [f"{x.get('email')}: {sorted(set(x) ^ keys)}" for x in links if set(x) != keys]
    r.check("portico links --json: each entry has exactly email, name, partner (null for the team), team, url",
            not odd, "; ".join(odd[:3]))
    return links


def fixture_portal(r: Report, portico: Path, fixture: Path, tmp: Path) -> Portal | None:
    import yaml  # in the venv of scripts/check-site

    shutil.copytree(fixture, tmp, dirs_exist_ok=True)
    if not portico_build(r, portico, tmp, "site"):
        return None
    links = portico_links(r, portico, tmp)
    if links is None:
        return None
    secret_file = tmp / "portico-secret.key"
    secret = None
    if r.check("the build wrote portico-secret.key (mode 0600)", secret_file.is_file()
               and secret_file.stat().st_mode & 0o077 == 0, "missing or readable by others"):
        try:
            secret = pc.parse_secret_file(secret_file.read_text(encoding="utf-8"))
        except ValueError as e:
            r.check("portico-secret.key is 'portico-secret-v1:' + 64 hex digits + LF", False, str(e))
    program = yaml.safe_load((tmp / "content/program.yml").read_text(encoding="utf-8"))
    root_path = urllib.parse.urlsplit(program.get("base_url") or "/").path or "/"
    portal = portal_from_links(tmp / "site", secret, links, root_path)
    access = tmp / "portico-access.json"
    if access.is_file():
        portal.epochs = pc.epochs_from_access(json.loads(access.read_text(encoding="utf-8")), list(portal.people))
    acme_file = tmp / "content/partners/acme.yml"
    acme = yaml.safe_load(acme_file.read_text(encoding="utf-8"))
    portal.partner_name = acme["name"]
    acme_contacts = [c["email"].lower() for c in acme["contacts"]]
    portal.contact, portal.removed = acme_contacts[0], acme_contacts[1]
    portal.other = next((e for e, p in portal.people.items() if p.partner not in (None, "acme")), "")

    def rebuild() -> Path | None:
        text = acme_file.read_text(encoding="utf-8")
        start = text.index("  - name: Kim Ode\n")
        end = text.index("email: kim@acme.example\n", start) + len("email: kim@acme.example\n")
        acme_file.write_text(text[:start] + text[end:], encoding="utf-8")
        return tmp / "site-2" if portico_build(r, portico, tmp, "site-2") else None
    portal.rebuild = rebuild
    return portal


def portal_from_links(site: Path, secret: bytes | None, links: list[dict], root_path: str) -> Portal:
    people = {}
    for link in links:
        page, _, fragment = link["url"].partition("#")
        path = urllib.parse.urlsplit(page).path
        if urllib.parse.urlsplit(page).scheme:  # absolute: drop the site root's path
            path = path[len(root_path):] if path.startswith(root_path) else path.lstrip("/")
        people[link["email"]] = Person(link["email"], link.get("partner"), bool(link.get("team")), path,
                                       fragment[2:] if fragment.startswith("k=") else "")
    partner_page = library_page = ""
    if secret is not None:
        partner_page = f"partners/{pc.partner_path_segment(secret, 'acme')}/index.html"
        tag = pc.group_tag(secret, "partners")
        sealed = [p for p, g in sealed_pages(site).items() if g == tag]
        library_page = "library/index.html" if "library/index.html" in sealed else (sealed[0] if sealed else "")
    return Portal(site, secret, people, {}, "", partner_page, library_page, "", "", "")


def sealed_pages(site: Path) -> dict[str, str]:
    """Every sealed page of the site: its path and group tag."""
    out = {}
    for page in sorted(site.rglob("*.html")):
        text = pc.sealed_element_text(page.read_text(encoding="utf-8", errors="replace"))
        if text is not None:
            try:
                out[page.relative_to(site).as_posix()] = json.loads(text).get("group", "")
            except (ValueError, AttributeError):
                out[page.relative_to(site).as_posix()] = ""
    return out


# --- The Python reference against the build ---------------------------------------------

def check_reference(r: Report, portal: Portal, label: str) -> None:
    """Key files, page paths and sealed pages, rebuilt by portal_crypto.py, byte for byte."""
    site, secret = portal.site, portal.secret
    if secret is None:
        r.check(f"{label}: reference checks", False, "no secret to check the build with")
        return
    members = {e: (p.partner, p.team) for e, p in portal.people.items()}
    epochs = portal.epochs
    groups = groups_of(members, epochs)
    wrong, names = [], set()
    for email, person in portal.people.items():
        pkey = pc.person_key(secret, email, epochs.get(email, 0))
        if person.key != pc.b64(pkey):
            wrong.append(f"{email}: link key {person.key!r}, want {pc.b64(pkey)!r}")
        names.add(pc.key_file_name(pkey))
        want = pc.key_file_json(secret, email, epochs.get(email, 0), {g: m for g, m in groups.items() if email in m})
        path = site / pc.key_file_name(pkey)
        got = path.read_text(encoding="utf-8") if path.is_file() else None
        if got != want:
            wrong.append(f"{email}: {pc.key_file_name(pkey)} is {got!r:.120}, want {want!r:.120}")
    r.check(f"{label}: every link key and key file is as portal_crypto.py makes it", not wrong, "; ".join(wrong[:4]))
    present = {p.relative_to(site).as_posix() for p in (site / "keys").glob("*")} if (site / "keys").is_dir() else set()
    r.check(f"{label}: keys/ holds exactly one key file per person", present == names,
            f"extra {sorted(present - names)[:3]}, missing {sorted(names - present)[:3]}")
    r.check(f"{label}: partner pages live at partners/<partner path segment>/",
            (site / portal.partner_page).is_file(), f"no {portal.partner_page}")
    tags = {pc.group_tag(secret, g): g for g in groups}
    pages, problems = sealed_pages(site), []
    for rel, tag in pages.items():
        group = tags.get(tag)
        if group is None:
            problems.append(f"{rel}: unknown group tag {tag!r}")
            continue
        reader = next((e for e in sorted(groups[group])), None)
        try:
            content, plaintext = pc.open_page(site, (site / rel).read_text(encoding="utf-8"),
                                              pc.person_key(secret, reader, epochs.get(reader, 0)))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{rel}: {reader} cannot open it ({type(e).__name__}: {e})")
            continue
        if plaintext != pc.page_plaintext(content["title"], content["main"]):
            problems.append(f"{rel}: plaintext is not written as docs/security.md says: {plaintext[:120]!r}")
        ckey = pc.content_key(secret, group, groups[group])
        data = pc.unb64(json.loads(pc.sealed_element_text((site / rel).read_text(encoding="utf-8")))["data"])
        if data[:12] != pc.page_nonce(ckey, rel, plaintext):
            problems.append(f"{rel}: page nonce is not HKDF(C, 'page-nonce\\n{rel}\\n' + hex(SHA-256(plaintext)))")
        want = pc.sealed_page_json(secret, group, rel, content["title"], content["main"], ckey=ckey)
        if pc.sealed_element_text((site / rel).read_text(encoding="utf-8")) != want:
            problems.append(f"{rel}: the #portico-sealed element's text differs from the reference")
    r.check(f"{label}: portal_crypto.py opens all {len(pages)} sealed pages and seals them to the same bytes",
            bool(pages) and not problems, "; ".join(problems[:4]) or "no sealed page")


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
        message_parts: m ? m.querySelectorAll("*").length : null,
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
                if not sealed or (s["state"] and (want is None or s["state"] == want)):
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

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.message = "", ""
        self.in_title, self.depth = False, 0

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self.in_title = True
        if self.depth and tag not in self.VOID:
            self.depth += 1
        elif dict(attrs).get("id") == "portico-message" and tag not in self.VOID:
            self.depth = 1

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if self.depth and tag not in self.VOID:
            self.depth -= 1

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.depth:
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
    visible = ses.browser.driver.find_element("id", "portico-message").is_displayed()
    r.check("with JavaScript off, a sealed page shows the default message",
            visible and " ".join((s.get("whole_message") or "").split()) == message and s.get("title") == title
            and portal.partner_name not in (s.get("main") or ""),
            f"visible {visible}, message {s.get('whole_message')!r}, want {message!r}, title {s.get('title')!r}")


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
    global UNLOCK_JS, TEMPLATES
    UNLOCK_JS = args.unlock_js.resolve()
    TEMPLATES = args.templates.resolve() if args.templates else None
    parent = os.getppid()
    _detach()
    own_work = args.work is None
    work = Path(tempfile.mkdtemp(prefix="check-private-portal.")) if own_work else args.work.resolve()
    os.chmod(work, 0o755)  # nginx workers read the published copy
    tmp = Path(tempfile.mkdtemp(prefix="project.", dir=work))
    r = Report()
    try:
        run(r, args, tmp, work)
    except Exception as e:  # noqa: BLE001
        r.check("the test ran to the end", False, f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if own_work or os.getppid() != parent:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{r.passed} passed, {r.failed} failed", flush=True)
    return 1 if r.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
