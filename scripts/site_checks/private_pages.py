"""Opens the sealed pages of an encrypted portal with a team member's key, so the file-based
gates (the Nu checker, html-proofer, the path rules) check what readers see rather than the
public shells: every sealed page is loaded over nginx in Chromium, decrypted by the site's own
static/unlock.js, and its DOM written to a copy of the site."""

from __future__ import annotations
import base64

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
        if state and state != "opening":  # "opening": the key is still being tried
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
    downloads = 0
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
        downloads += open_downloads(browser, site, page, r, out)
    r.summary = (f"{len(pages)} sealed pages, {opened} opened with a team member's key, {len(pages) - opened} failed; "
                 f"{downloads} sealed downloads opened")
    return Site(out), r


def open_downloads(browser, site: Site, page: str, r: GateResult, out: Path) -> int:
    """Clicks each download of a decrypted page whose file is sealed (the page script marks those
    links data-portico-sealed; a public file such as a vCard downloads as it is): it must hand
    over the decrypted file, 28 bytes (nonce and tag) smaller than what the host serves. The
    decrypted file replaces the sealed one in `out`, so the structured gate reads what a team
    member gets (a partner's calendar, say)."""
    links = browser.script(
        "return Array.prototype.map.call(document.querySelectorAll('main a[download][data-portico-sealed]'),"
        " function (a) { return a.getAttribute('href'); });")
    count = 0
    for index, href in enumerate(links):
        served = site.path(urllib.parse.unquote(urllib.parse.urljoin(page, href)))
        if not served.is_file():
            continue
        opened = browser.async_script(
            "var done = arguments[arguments.length - 1], a = document.querySelectorAll('main a[download][data-portico-sealed]')[arguments[0]];"
            "a.click();"
            "var start = Date.now();"
            "(function poll() {"
            "  var state = a.getAttribute('data-portico-file');"
            "  if (state === 'open') fetch(a.href).then(function (x) { return x.arrayBuffer(); })"
            "    .then(function (b) {"
            "      var bytes = new Uint8Array(b), text = '';"
            "      for (var i = 0; i < bytes.length; i += 0x8000)"
            "        text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));"
            "      done(btoa(text));"
            "    }, function () { done(-1); });"
            "  else if (state || Date.now() - start > 10000) done(-2);"
            "  else setTimeout(poll, 30);"
            "})();", index)
        data = base64.b64decode(opened) if isinstance(opened, str) else None
        size = len(data) if data is not None else opened
        if size == served.stat().st_size - 28:
            target = out / served.relative_to(site.root)
            target.write_bytes(data)
            count += 1
        elif size != served.stat().st_size:
            r.add(f"{page}: the download {href} did not open decrypted (got {size} bytes, served {served.stat().st_size})")
    return count
