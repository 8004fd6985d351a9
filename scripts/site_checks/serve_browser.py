"""`portico serve` in headless Chromium (docs/serve.md).

Usage (normally through scripts/check-serve, which checks the prerequisites):
    python serve_browser.py [PORTICO] [--screenshots DIR] [--work DIR]

Copies Tests/Fixtures/base to a temporary folder and starts `PORTICO serve --content
<tmp>/content --port 0 --date 2026-11-25 --no-encrypt` there (the folder is its working folder
and HOME), on 127.0.0.1. Then, in Chromium, on the page of assets/roi-calculator/:

- the page carries the live-reload script exactly once, and its event stream connects;
- appending a sentence to the asset's Markdown reloads the page by itself with the sentence;
- editing another asset reaches the page (an update event) but does not reload it;
- breaking the asset's front matter (`reviewed: soon`) shows a role="alert" box over the page
  whose lines are exactly what `portico check` prints on standard error, without a reload, while
  the page and the server still show the last good text (screenshot to --screenshots DIR);
- a second page opened while the content is broken shows the box at once;
- fixing the file takes the box away and reloads the page with the fixed text;
- Ctrl-C stops the server; `serve` wrote no site/, and `portico build` of the same content
  writes no file that mentions `__portico`.

Chromium's EventSource is wrapped (before any page script runs, through the DevTools protocol)
so that the test can see the stream's readyState and the update events the page received;
a reload is told by `window.__marker`, set before each edit, being gone.

Prints PASS or FAIL per check, then "N passed, M failed"; exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser  # noqa: E402
from scenarios import Report, run_scenarios  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
WAIT = 10.0
QUIET = 1.5
PAGE, PAGE_FILE = "assets/roi-calculator/", "assets/roi-calculator/index.html"
OTHER, OTHER_FILE = "assets/security-objections/", "assets/security-objections/index.html"
ASSET, OTHER_ASSET = "content/assets/roi-calculator.md", "content/assets/security-objections.md"
GOOD_REVIEWED, BAD_REVIEWED = "reviewed: 2026-10-01\n", "reviewed: soon\n"
# What `portico check --no-encrypt` may print on stderr that is not a diagnostic of the content.
CLEAR_TEXT_ALERT = "warning: --no-encrypt: "

# Runs before any script of every document: records each EventSource and the update events
# it receives, for the test to read. live.js gets a real EventSource (the constructor returns it).
PROBE_JS = """
(function () {
  var Native = window.EventSource;
  if (!Native || window.__porticoProbe) return;
  var probe = window.__porticoProbe = {sources: [], updates: []};
  function Probe(url, config) {
    var source = new Native(url, config);
    probe.sources.push(source);
    source.addEventListener("update", function (event) { probe.updates.push(event.data); });
    return source;
  }
  Probe.prototype = Native.prototype;
  Probe.CONNECTING = Native.CONNECTING; Probe.OPEN = Native.OPEN; Probe.CLOSED = Native.CLOSED;
  window.EventSource = Probe;
})();
"""

STATE_JS = """
const alerts = [...document.querySelectorAll('[role="alert"]')];
const shown = alerts.filter(function (e) {
  const box = e.getBoundingClientRect(), style = getComputedStyle(e);
  return box.width > 0 && box.height > 0 && style.visibility !== "hidden" && style.display !== "none";
});
const probe = window.__porticoProbe || {sources: [], updates: []};
const body = document.body;
return {
  ready: document.readyState,
  path: location.pathname,
  marker: window.__marker === 1,
  origin: performance.timeOrigin,
  page: body ? [...body.children].filter(e => !alerts.includes(e)).map(e => e.innerText).join("\\n") : "",
  scripts: [...document.scripts].filter(s => /__portico\\/live\\.js$/.test(s.getAttribute("src") || ""))
    .map(s => ({src: s.getAttribute("src"), defer: s.defer})),
  open: probe.sources.filter(s => s.readyState === 1).map(s => s.url),
  updates: probe.updates.map(d => { try { return JSON.parse(d); } catch (e) { return {bad: d}; } }),
  alerts: shown.map(e => ({text: e.innerText, top: e.getBoundingClientRect().top,
                           heading: (e.querySelector("h1,h2,h3") || {}).textContent || "",
                           lines: (e.querySelector("pre") || {}).textContent}))
};
"""


class Server:
    """`portico serve` on a free port of 127.0.0.1, its output read line by line as it comes."""

    def __init__(self, portico: Path, tmp: Path, work: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
        env["HOME"] = str(tmp)
        cmd = [str(portico), "serve", "--content", str(tmp / "content"), "--port", "0", "--date", DATE, "--no-encrypt"]
        self.proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, bufsize=1)
        (work / "serve.pid").write_text(f"{self.proc.pid}\n")
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.lock = threading.Lock()
        for stream, lines in ((self.proc.stdout, self.stdout), (self.proc.stderr, self.stderr)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()
        self.url = ""

    def _read(self, stream, lines: list[str]) -> None:
        for line in stream:
            with self.lock:
                lines.append(line.rstrip("\n"))

    def lines(self, which: str = "stdout") -> list[str]:
        with self.lock:
            return list(self.stdout if which == "stdout" else self.stderr)

    def wait_for(self, pattern: str, after: int = 0, timeout: float = WAIT) -> re.Match | None:
        """The first stdout line from index `after` on that matches `pattern`."""
        deadline = time.monotonic() + timeout
        while True:
            for line in self.lines()[after:]:
                match = re.search(pattern, line)
                if match:
                    return match
            if time.monotonic() > deadline or self.proc.poll() is not None:
                return None
            time.sleep(0.02)

    def start(self) -> bool:
        match = self.wait_for(r"^Serving (.+) at (http://127\.0\.0\.1:\d+/)$", timeout=60)
        self.url = match.group(2) if match else ""
        return bool(match)

    def stop(self, sig: int = signal.SIGINT, timeout: float = 10) -> int | None:
        """The exit status after `sig`, or None when it had to be killed."""
        if self.proc.poll() is not None:
            return self.proc.returncode
        self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None

    def output(self) -> str:
        return "\n".join(self.lines()[-20:] + self.lines("stderr")[-20:])


class Page:
    def __init__(self, browser: Browser, base: str) -> None:
        self.browser, self.base = browser, base

    def state(self) -> dict:
        try:
            return self.browser.script(STATE_JS) or {}
        except Exception:  # noqa: BLE001  (the page going away under the script)
            return {}

    def wait(self, ok, timeout: float = WAIT) -> tuple[bool, dict, float]:
        """Whether `ok(state)` came true within `timeout`, the last state and the seconds it took."""
        start = time.monotonic()
        while True:
            s = self.state()
            if s and ok(s):
                return True, s, time.monotonic() - start
            if time.monotonic() - start > timeout:
                return False, s, time.monotonic() - start
            time.sleep(0.02)

    def open(self, path: str) -> dict:
        self.browser.driver.get(self.base + path)
        return self.wait(lambda s: s.get("ready") == "complete" and bool(s.get("open")))[1]

    def mark(self) -> None:
        self.browser.script("window.__marker = 1")


def short(s: dict) -> str:
    """A state for a failure's detail, without the page's whole text."""
    s = dict(s)
    if isinstance(s.get("page"), str) and len(s["page"]) > 300:
        s["page"] = "…" + s["page"][-300:]
    return json.dumps(s, ensure_ascii=False)[:1500]


def check_lines(portico: Path, tmp: Path) -> tuple[int, list[str], str]:
    """What `portico check` prints on stderr for the content as it is, without the clear-text alert."""
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
    env["HOME"] = str(tmp)
    proc = subprocess.run([str(portico), "check", "--content", str(tmp / "content"), "--date", DATE, "--no-encrypt"],
                          cwd=tmp, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    lines = [line for line in proc.stderr.splitlines() if not line.startswith(CLEAR_TEXT_ALERT)]
    return proc.returncode, lines, proc.stdout + proc.stderr


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except Exception as e:  # noqa: BLE001
        return 0, repr(e)


def sentence(what: str) -> str:
    return f"Check-serve {what} {uuid.uuid4().hex[:10]} reached the open page."


def scenarios(r: Report, server: Server, page: Page, tmp: Path, portico: Path, shots: Path | None) -> None:
    driver = page.browser.driver
    asset, other = tmp / ASSET, tmp / OTHER_ASSET
    original, other_original = asset.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
    if not r.check("the fixture's asset has the front matter line the test breaks", GOOD_REVIEWED in original):
        return

    # The page, its script and its event stream.
    s = page.open(PAGE)
    r.check(f"{PAGE} carries the live-reload script exactly once, deferred",
            s.get("scripts") == [{"src": "/__portico/live.js", "defer": True}], short(s))
    r.check("the page's EventSource to /__portico/events is open (readyState 1)",
            any(u == server.url + "__portico/events" for u in s.get("open") or []), short(s))
    ok, s, _ = page.wait(lambda s: bool(s.get("updates")))
    r.check("on connecting, the page is told the site is good ({ok: true, errors: []})",
            ok and s["updates"][0] == {"changed": [], "errors": [], "ok": True}, short(s))

    # An edit of the asset reloads the page with the new text.
    first = sentence("edit")
    edited = original.rstrip("\n") + "\n\n" + first + "\n"
    page.mark()
    before = len(server.lines())
    asset.write_text(edited, encoding="utf-8")
    ok, s, took = page.wait(lambda s: not s.get("marker") and first in s.get("page", ""))
    r.check("appending a sentence to the asset's Markdown reloads the open page with it", ok, short(s))
    if ok:
        print(f"figure: the edited text showed {took * 1000:.0f} ms after the write (debug build, fixture)", flush=True)
    r.check("the terminal says 'Rebuilt: N files changed in M ms'",
            server.wait_for(r"^Rebuilt: \d+ files? changed in \d+ ms$", before) is not None, server.output())
    if not ok:
        return

    # An edit of another asset does not reload this page.
    second = sentence("other edit")
    page.mark()
    other.write_text(other_original.rstrip("\n") + "\n\n" + second + "\n", encoding="utf-8")
    ok, s, _ = page.wait(lambda s: any(OTHER_FILE in (u.get("changed") or []) for u in s.get("updates") or []))
    event = next((u for u in s.get("updates") or [] if OTHER_FILE in (u.get("changed") or [])), {})
    r.check("an edit of another asset reaches the page as an update listing that asset's page, not this one",
            ok and event.get("ok") is True and PAGE_FILE not in event.get("changed", []), short(s))
    time.sleep(QUIET)
    s = page.state()
    r.check(f"... and the page does not reload ({QUIET} s later window.__marker is still set)",
            s.get("marker") is True and first in s.get("page", ""), short(s))

    # Broken front matter: the box over the page, with check's lines, and the last good page.
    broken = edited.replace(GOOD_REVIEWED, BAD_REVIEWED, 1)
    page.mark()
    before = len(server.lines())
    asset.write_text(broken, encoding="utf-8")
    status, lines, raw = check_lines(portico, tmp)
    r.check("portico check of the broken content fails with diagnostics on stderr",
            status == 1 and bool(lines) and any("'soon' in 'reviewed' is not a valid date" in x for x in lines), raw)
    ok, s, took = page.wait(lambda s: bool(s.get("alerts")))
    boxes = s.get("alerts") or []
    r.check("breaking the open asset's front matter shows one role=\"alert\" box over the page",
            ok and len(boxes) == 1 and abs(boxes[0]["top"]) < 1, short(s))
    box = boxes[0] if boxes else {}
    r.check("the box says the content has errors and the last good build is shown",
            "The content has errors" in box.get("heading", "") and "last good build" in box.get("heading", ""), short(s))
    r.check("the box's lines are exactly the diagnostics portico check prints on stderr",
            bool(lines) and box.get("lines") == "\n".join(lines) and all(x in box.get("text", "") for x in lines),
            f"check: {lines!r}\nbox: {box.get('lines')!r}")
    r.check("the page under the box is not reloaded and still shows the last good text",
            s.get("marker") is True and first in s.get("page", ""), short(s))
    r.check("the terminal prints the same lines and 'Build failed: 1 error; still serving the last good site'",
            all(x in server.lines("stderr") for x in lines)
            and server.wait_for(r"^Build failed: 1 error; still serving the last good site$", before) is not None,
            server.output())
    code, text = fetch(server.url + PAGE)
    r.check("the server still sends the last good page", code == 200 and first in text, f"{code} {text[-300:]}")
    if shots is not None and ok:
        shots.mkdir(parents=True, exist_ok=True)
        shot = shots / "serve-error-overlay.png"
        driver.save_screenshot(str(shot))
        print(f"screenshot: {shot}", flush=True)

    # A page opened while the content is broken shows the box at once.
    first_tab = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(server.url + OTHER)
    ok, s2, took = page.wait(lambda s: bool(s.get("alerts")), timeout=2.0)
    boxes = s2.get("alerts") or []
    r.check(f"a page opened while the content is broken ({OTHER}) shows the box at once ({took * 1000:.0f} ms after load)",
            ok and len(boxes) == 1 and boxes[0].get("lines") == "\n".join(lines), short(s2))
    r.check("... over its last good text", second in s2.get("page", ""), short(s2))
    driver.close()
    driver.switch_to.window(first_tab)

    # Fixing the file takes the box away and reloads the page.
    third = sentence("fix")
    fixed = original.rstrip("\n") + "\n\n" + third + "\n"
    before = len(server.lines())
    asset.write_text(fixed, encoding="utf-8")
    ok, s, _ = page.wait(lambda s: not s.get("alerts") and not s.get("marker") and third in s.get("page", ""))
    r.check("fixing the file takes the box away and reloads the page with the fixed text", ok, short(s))
    r.check("the terminal says 'Rebuilt:' again",
            server.wait_for(r"^Rebuilt: \d+ files? changed in \d+ ms$", before) is not None, server.output())
    s = page.state()
    r.check("after the reload, the page's stream is open again and told the site is good",
            bool(s.get("open")) and (s.get("updates") or [{}])[0] == {"changed": [], "errors": [], "ok": True}, short(s))


def build_rule(r: Report, portico: Path, tmp: Path) -> None:
    r.check("serve wrote no site/ and no mail/", not (tmp / "site").exists() and not (tmp / "mail").exists(),
            ", ".join(sorted(p.name for p in tmp.iterdir())))
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
    env["HOME"] = str(tmp)
    out, mail = tmp / "built", tmp / "built-mail"
    proc = subprocess.run([str(portico), "build", "--content", str(tmp / "content"), "--output", str(out),
                           "--mail", str(mail), "--date", DATE, "--no-encrypt"],
                          cwd=tmp, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if not r.check("portico build of the same content succeeds", proc.returncode == 0,
                   (proc.stdout + proc.stderr)[-2000:]):
        return
    files = [p for folder in (out, mail) for p in folder.rglob("*") if p.is_file()]
    leaks = [str(p.relative_to(tmp)) for p in files if b"__portico" in p.read_bytes()]
    r.check(f"no file portico build writes, site or mail, mentions __portico ({len(files)} files)",
            bool(files) and not leaks,
            ", ".join(leaks[:10]))


def run(r: Report, args: argparse.Namespace, tmp: Path, work: Path) -> None:
    import shutil

    portico = args.portico.resolve()
    shutil.copytree(REPO / "Tests/Fixtures/base", tmp, dirs_exist_ok=True)
    server = Server(portico, tmp, work)
    browser = Browser(work)
    try:
        if not r.check("portico serve --port 0 prints 'Serving <name> at http://127.0.0.1:PORT/'", server.start(),
                       server.output()):
            return
        browser.start()
        browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE_JS})
        scenarios(r, server, Page(browser, server.url), tmp, portico,
                  args.screenshots.resolve() if args.screenshots else None)
        browser.quit()
        status = server.stop(signal.SIGINT)
        r.check("Ctrl-C (SIGINT) stops the server with status 0", status == 0, f"status {status}\n{server.output()}")
        build_rule(r, portico, tmp)
    finally:
        browser.quit()
        server.stop(signal.SIGKILL, timeout=5)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-serve", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("portico", type=Path, nargs="?", default=REPO / ".build/debug/portico")
    ap.add_argument("--screenshots", type=Path, default=None, help="save a screenshot of the error box here")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    return run_scenarios("check-serve", args.work, lambda r, tmp, work: run(r, args, tmp, work))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
