"""Opens the sealed pages of an encrypted portal with a team member's key, so the file-based
gates (the Nu checker, html-proofer, the path rules) check what readers see rather than the
public shells: every sealed page is loaded over nginx in Chromium, decrypted by the site's own
static/unlock.js, and its DOM written to a copy of the site."""

from __future__ import annotations

import shutil
import time
import urllib.parse
from pathlib import Path

from common import GateResult, Site, read_text

SEALED_MARK = 'id="portico-sealed"'
UNLOCK_WAIT = 10.0  # seconds


def sealed_pages(site: Site) -> list[str]:
    return [p for p in site.html if SEALED_MARK in read_text(site.path(p))]


def remember_key(browser, base: str, key: str) -> None:
    """A link to the home page stores the key for every later page of the site."""
    browser.load(base + "index.html#k=" + key)


def wait_until_open(browser) -> str:
    """The page script's final state on <html data-portico>: 'unlocked' or a message's name."""
    deadline = time.monotonic() + UNLOCK_WAIT
    state = None
    while time.monotonic() < deadline:
        state = browser.script("return document.documentElement.getAttribute('data-portico');")
        if state:
            return state
        time.sleep(0.05)
    return state or "no answer"


def decrypt_site(site: Site, base: str, browser, key: str, out: Path) -> tuple[Site, GateResult]:
    """A copy of the site in `out` with each sealed page replaced by its decrypted DOM."""
    r = GateResult("private")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site.root, out, symlinks=False)
    pages = sealed_pages(site)
    remember_key(browser, base, key)
    opened = 0
    for page in pages:
        browser.load(base + urllib.parse.quote(page))
        state = wait_until_open(browser)
        if state != "unlocked":
            r.add(f"{page}: a team member's key did not open it (state {state!r})")
            continue
        # Pictures of a private asset show from decrypted copies (blob: URLs); the files keep the
        # published address, which is what the link checkers must see.
        html = browser.script(
            "document.querySelectorAll('[data-portico-src]').forEach("
            "  function (e) { e.setAttribute('src', e.getAttribute('data-portico-src')); });"
            "return '<!DOCTYPE html>\\n' + document.documentElement.outerHTML;")
        (out / page).write_text(html + "\n", encoding="utf-8")
        opened += 1
    r.summary = f"{len(pages)} sealed pages, {opened} opened with a team member's key, {len(pages) - opened} failed"
    return Site(out), r
