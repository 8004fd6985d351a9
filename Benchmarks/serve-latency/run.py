#!/usr/bin/env python3
"""How soon a one-asset edit shows in the browser under `portico serve`, on the 10,000-asset
workload of Benchmarks/vs-hugo (the goal: under 100 ms from the file write, median of 20 edits).

For each --work-root, writes the workload there (Benchmarks/vs-hugo/workload.py: 10,000 assets
of about 4 KB, the minimal program, the minimal templates `templates-min`, whose asset page
gets a <body> element so the live-reload script goes before `</body>`), starts the release
`portico serve --port 0 --no-encrypt --date 2026-11-25 --templates templates-min` in it, and
opens one asset's page in headless Chromium. Then, after one warm-up edit that is not counted,
--edits times: takes the wall clock (time.time()) just before writing the asset's whole new
text (its Markdown with a unique sentence appended, one write and a close), polls the page
every few ms until it shows the sentence, and takes the reloaded document's own clock of its
DOMContentLoaded (performance.timeOrigin + the navigation entry's domContentLoadedEventEnd, in
epoch ms). The latency is that minus the write time. It also records the server's
"Rebuilt: ... in N ms" line for each edit and when it was read, and waits 300 ms between edits.

    .venv-site-checks/bin/python Benchmarks/serve-latency/run.py
    .venv-site-checks/bin/python Benchmarks/serve-latency/run.py --work-root /dev/shm --work-root /var/tmp --json out.json

It runs itself with .venv-site-checks/bin/python when started with a Python without Selenium.
It installs nothing: scripts/check-site installs Chromium, chromedriver and the venv.
"""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
VENV_PYTHON = ROOT / ".venv-site-checks/bin/python"

try:
    import selenium  # noqa: F401
except ImportError:
    if VENV_PYTHON.exists() and pathlib.Path(sys.prefix).resolve() != VENV_PYTHON.parent.parent.resolve():
        os.execv(str(VENV_PYTHON), [str(VENV_PYTHON), *sys.argv])
    sys.exit(f"selenium is missing: run scripts/check-site once (it makes {VENV_PYTHON.parent.parent}), "
             "then run this script again")

sys.path.insert(0, str(ROOT / "Benchmarks/vs-hugo"))
sys.path.insert(0, str(ROOT / "scripts/site_checks"))
import workload  # noqa: E402
from browser import CHROMEDRIVER, CHROMIUM, Browser  # noqa: E402

REBUILT = re.compile(r"^Rebuilt: (\d+) files? changed in (\d+) ms$")
ASSET_TEMPLATE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{asset.title}}</title></head>"
                  "<body>{{{asset.body_html}}}</body></html>")

# Before any page script: keep each EventSource, to know when the page's stream is open.
PROBE_JS = """
(function () {
  var Native = window.EventSource;
  if (!Native || window.__probeSources) return;
  var sources = window.__probeSources = [];
  function Probe(url, config) {
    var s = new Native(url, config);
    sources.push(s);
    // When the update arrived, kept across the reload it causes.
    s.addEventListener("update", function (event) {
      var at = performance.timeOrigin + performance.now();
      try {
        if ((JSON.parse(event.data).changed || []).length) sessionStorage.setItem("__probeEventAt", String(at));
      } catch (e) {}
    });
    return s;
  }
  Probe.prototype = Native.prototype;
  Probe.CONNECTING = Native.CONNECTING; Probe.OPEN = Native.OPEN; Probe.CLOSED = Native.CLOSED;
  window.EventSource = Probe;
  document.addEventListener("DOMContentLoaded", function () { window.__dclDateNow = Date.now(); });
})();
"""

# Null until the page shows the sentence and its DOMContentLoaded has ended.
SHOWN_JS = """
const nav = performance.getEntriesByType("navigation")[0];
if (!document.body || !nav || !(nav.domContentLoadedEventEnd > 0)) return null;
if (!document.body.textContent.includes(arguments[0])) return null;
return [performance.timeOrigin, nav.domContentLoadedEventEnd, window.__dclDateNow || null,
        Number(sessionStorage.getItem("__probeEventAt")) || null, nav.responseStart, nav.responseEnd,
        (performance.getEntriesByType("resource").find(e => /__portico\/live\.js$/.test(e.name)) || {}).responseEnd || null];
"""


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def now_ms() -> float:
    return time.time() * 1000


class Server:
    """`portico serve` with its output lines, each with the wall-clock ms it was read at."""

    def __init__(self, command: list[str], cwd: pathlib.Path) -> None:
        env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
        env["HOME"] = str(cwd)
        self.proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True, bufsize=1)
        self.stdout: list[tuple[float, str]] = []
        self.stderr: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        for stream, lines in ((self.proc.stdout, self.stdout), (self.proc.stderr, self.stderr)):
            threading.Thread(target=self._read, args=(stream, lines), daemon=True).start()

    def _read(self, stream, lines) -> None:
        for line in stream:
            at = now_ms()
            with self.lock:
                lines.append((at, line.rstrip("\n")))

    def lines(self) -> list[tuple[float, str]]:
        with self.lock:
            return list(self.stdout)

    def wait_for(self, pattern: re.Pattern, after: int, timeout: float) -> tuple[float, re.Match] | None:
        deadline = time.monotonic() + timeout
        while True:
            for at, line in self.lines()[after:]:
                match = pattern.search(line)
                if match:
                    return at, match
            if time.monotonic() > deadline or self.proc.poll() is not None:
                return None
            time.sleep(0.005)

    def tail(self) -> str:
        with self.lock:
            return "\n".join(line for _, line in (self.stdout + self.stderr)[-20:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def write_workload(work: pathlib.Path, assets: int, seed: int) -> tuple[int, str | None]:
    """The vs-hugo workload for Portico alone; returns the Markdown bytes and a note when the
    asset template had to be given a <body>."""
    content = work / "content"
    (content / "partners").mkdir(parents=True)
    (content / "program.yml").write_text(workload.program_yml())
    written = workload.write_assets(content / "assets", assets, seed)
    templates = work / "templates-min"
    workload.write_portico_templates(templates)
    note = None
    asset = templates / "asset.mustache"
    if "</body>" not in asset.read_text().lower():
        note = ("Benchmarks/vs-hugo's asset template has no </body> (the preview would append its script after "
                "the document's end); this workload's asset template has one: " + ASSET_TEMPLATE)
        asset.write_text(ASSET_TEMPLATE + "\n")
    return written, note


def write_file(path: pathlib.Path, data: bytes) -> None:
    """The whole file in one write, then a close (the watcher's IN_CLOSE_WRITE)."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def stats(values: list[float]) -> dict:
    values = [v for v in values if v is not None]
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def filesystem(path: pathlib.Path) -> str:
    result = subprocess.run(["stat", "-f", "-c", "%T", str(path)], capture_output=True, text=True)
    return result.stdout.strip() or "?"


def measure_root(args, binary: str, work_root: pathlib.Path) -> dict:
    root = pathlib.Path(tempfile.mkdtemp(prefix="portico-serve-latency-", dir=work_root))
    result: dict = {"work_root": str(work_root), "filesystem": filesystem(root), "notes": []}
    server = browser = None
    try:
        log(f"writing {args.assets:,} assets into {root}")
        result["markdown_bytes"], note = write_workload(root, args.assets, args.seed)
        if note:
            result["notes"].append(note)
        command = [binary, "serve", "--content", "content", "--templates", "templates-min", "--port", "0",
                   "--no-encrypt", "--date", workload.DATE]
        started = time.monotonic()
        server = Server(command, root)
        found = server.wait_for(re.compile(r"^Serving .* at (http://127\.0\.0\.1:\d+/)$"), 0, timeout=600)
        if not found:
            raise RuntimeError(f"portico serve did not start:\n{server.tail()}")
        result["startup_s"] = time.monotonic() - started
        base = found[1].group(1)
        log(f"serving at {base} after {result['startup_s']:.2f} s (the first, full build)")

        browser_work = root / "browser"
        browser_work.mkdir()
        browser = Browser(browser_work)
        browser.start()
        driver = browser.driver
        result["chromium"] = driver.capabilities.get("browserVersion")
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": PROBE_JS})
        name = f"asset-{args.asset_index:06d}"
        asset = root / "content" / "assets" / f"{name}.md"
        original = asset.read_text().rstrip("\n")
        driver.get(f"{base}assets/{name}/")
        deadline = time.monotonic() + 10
        while not driver.execute_script(
                "return (window.__probeSources || []).some(s => s.readyState === 1)"):
            if time.monotonic() > deadline:
                raise RuntimeError("the page's event stream did not open")
            time.sleep(0.01)
        scripts = driver.execute_script(
            "return [...document.scripts].filter(s => /__portico\\/live\\.js$/.test(s.src)).length")
        if scripts != 1:
            raise RuntimeError(f"the page has {scripts} live-reload scripts, not 1")
        result["page"] = f"assets/{name}/"

        edits = []
        for n in range(args.edits + 1):
            sentence = f"Latency probe {n} {uuid.uuid4().hex[:12]} is visible."
            data = (original + "\n\n" + sentence + "\n").encode()
            before = len(server.lines())
            write_at = now_ms()
            write_file(asset, data)
            seen = None
            deadline = time.monotonic() + args.timeout
            while seen is None and time.monotonic() < deadline:
                try:
                    seen = driver.execute_script(SHOWN_JS, sentence)
                except Exception:  # noqa: BLE001  (the page reloading under the script)
                    seen = None
                if seen is None:
                    time.sleep(0.003)
            polled_at = now_ms()
            rebuilt = server.wait_for(REBUILT, before, timeout=5)
            edit = {"warm_up": n == 0, "write_at_ms": write_at, "shown": seen is not None,
                    "rebuild_ms": int(rebuilt[1].group(2)) if rebuilt else None,
                    "files_changed": int(rebuilt[1].group(1)) if rebuilt else None,
                    "rebuilt_line_after_ms": rebuilt[0] - write_at if rebuilt else None,
                    "poll_saw_it_after_ms": polled_at - write_at if seen else None}
            if seen:
                origin, dcl, dcl_date_now, event_at, response_start, response_end, script_end = seen
                edit["latency_ms"] = origin + dcl - write_at
                edit["latency_date_now_ms"] = dcl_date_now - write_at if dcl_date_now else None
                # Where the time went: the update event reached the page, the reload started
                # (timeOrigin), the page's first and last byte came, DOMContentLoaded ended.
                edit["event_after_ms"] = event_at - write_at if event_at else None
                edit["reload_start_after_ms"] = origin - write_at
                edit["first_byte_after_ms"] = origin + response_start - write_at
                edit["last_byte_after_ms"] = origin + response_end - write_at
                edit["script_loaded_after_ms"] = origin + script_end - write_at if script_end else None
            else:
                edit["latency_ms"] = None
                result["notes"].append(f"edit {n}: the sentence did not show within {args.timeout} s")
            edits.append(edit)
            label = "warm-up" if n == 0 else f"edit {n}/{args.edits}"
            log(f"{label}: " + (f"visible after {edit['latency_ms']:.1f} ms" if seen else "NOT visible")
                + (f", server rebuild {edit['rebuild_ms']} ms" if rebuilt else ", no 'Rebuilt' line"))
            time.sleep(args.pause)
        # How far the page's clock (timeOrigin + now()) is from the system's wall clock.
        skew = driver.execute_script("const a = performance.timeOrigin + performance.now(); return Date.now() - a;")
        result["page_clock_skew_ms"] = skew
        asset.write_text(original + "\n")
        counted = [e for e in edits if not e["warm_up"]]
        result.update(
            edits=edits,
            latency_ms=stats([e["latency_ms"] for e in counted]),
            latency_date_now_ms=stats([e.get("latency_date_now_ms") for e in counted]),
            rebuild_ms=stats([e["rebuild_ms"] for e in counted]),
            rebuilt_line_after_ms=stats([e["rebuilt_line_after_ms"] for e in counted]),
            breakdown_median_ms={key: stats([e.get(key) for e in counted])["median"] for key in (
                "rebuilt_line_after_ms", "event_after_ms", "reload_start_after_ms", "first_byte_after_ms",
                "last_byte_after_ms", "script_loaded_after_ms", "latency_ms")},
            files_changed=stats([e["files_changed"] for e in counted]),
            shown=sum(e["shown"] for e in counted),
        )
        result["server_stdout"] = [line for _, line in server.lines()]
        with server.lock:
            result["server_stderr"] = [line for _, line in server.stderr][-50:]
        return result
    finally:
        if browser:
            browser.quit()
        if server:
            server.stop()
        if args.keep:
            log(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def cpu_model() -> str:
    try:
        for line in pathlib.Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def f(value, digits=1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_report(report: dict) -> None:
    print(f"\n{report['portico_version']} ({report['portico_binary']}); Chromium {report.get('chromium', '?')}")
    print(f"{report['machine']}")
    print(f"workload: {report['assets']:,} assets (Benchmarks/vs-hugo/workload.py, seed {report['seed']}), "
          f"{report['edits']} edits after a warm-up, {report['pause_ms']} ms apart")
    print(f"\n{'work root':<12} {'fs':<10} {'start s':>7} {'shown':>6}   {'latency ms (write -> DOMContentLoaded)':<40}"
          f"{'server rebuild ms':<22}{'Rebuilt line read ms':<22}")
    print(f"{'':<12} {'':<10} {'':>7} {'':>6}   {'median':>8} {'min':>8} {'max':>8}{'':<16}"
          f"{'median':>6} {'min':>6} {'max':>6}   {'median':>6} {'min':>6} {'max':>6}")
    for r in report["roots"]:
        lat, reb, line = r["latency_ms"], r["rebuild_ms"], r["rebuilt_line_after_ms"]
        print(f"{r['work_root']:<12} {r['filesystem']:<10} {f(r['startup_s'], 2):>7} {r['shown']:>3}/{report['edits']:<2}   "
              f"{f(lat['median']):>8} {f(lat['min']):>8} {f(lat['max']):>8}{'':<16}"
              f"{f(reb['median'], 0):>6} {f(reb['min'], 0):>6} {f(reb['max'], 0):>6}   "
              f"{f(line['median'], 0):>6} {f(line['min'], 0):>6} {f(line['max'], 0):>6}")
    for r in report["roots"]:
        alt = r["latency_date_now_ms"]
        goal = r["latency_ms"]["median"]
        verdict = "-" if goal is None else ("met" if goal < 100 else "NOT met")
        print(f"{r['work_root']}: goal 'median under 100 ms' {verdict}; cross-check with Date.now() at "
              f"DOMContentLoaded: median {f(alt['median'])} ms; page clock - wall clock {f(r['page_clock_skew_ms'], 2)} ms; "
              f"files changed per edit {f(r['files_changed']['median'], 0)}")
        b = r["breakdown_median_ms"]
        print(f"{r['work_root']}: medians after the write (ms): 'Rebuilt' line read {f(b['rebuilt_line_after_ms'])}, "
              f"update event in the page {f(b['event_after_ms'])}, reload started {f(b['reload_start_after_ms'])}, "
              f"first byte {f(b['first_byte_after_ms'])}, last byte {f(b['last_byte_after_ms'])}, "
              f"live.js loaded {f(b['script_loaded_after_ms'])}, "
              f"DOMContentLoaded {f(b['latency_ms'])}")
        for note in r["notes"]:
            print(f"note: {note}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portico", default=str(ROOT / ".build/release/portico"), help="the portico binary (a release build)")
    parser.add_argument("--work-root", action="append", default=None,
                        help="where the workload goes (default /dev/shm); give it more than once to measure each")
    parser.add_argument("--edits", type=int, default=20, help="timed edits after the warm-up (default 20)")
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--asset-index", type=int, default=0, help="the asset edited and viewed (default 0)")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between edits (default 0.3)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for an edit to show")
    parser.add_argument("--json", help="also write the results, every edit included, to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the work folders")
    args = parser.parse_args()

    binary = str(pathlib.Path(args.portico).resolve())
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary} not found: build it with `swift build -c release`, or pass --portico PATH")
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not os.access(exe, os.X_OK):
            sys.exit(f"{exe} is missing: run scripts/check-site once, it installs it")
    if not 0 <= args.asset_index < args.assets:
        sys.exit("--asset-index must be below --assets")
    roots = [pathlib.Path(p) for p in (args.work_root or ["/dev/shm"])]
    report = {
        "portico_version": subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip(),
        "portico_binary": binary,
        "machine": f"{platform.node()}, {os.cpu_count()} cores, {cpu_model()}, {platform.platform()}",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "assets": args.assets, "seed": args.seed, "edits": args.edits, "pause_ms": int(args.pause * 1000),
        "roots": [],
    }
    for root in roots:
        result = measure_root(args, binary, root)
        report.setdefault("chromium", result.get("chromium"))
        report["roots"].append(result)
    print_report(report)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
        log(f"wrote {args.json}")


if __name__ == "__main__":
    main()
