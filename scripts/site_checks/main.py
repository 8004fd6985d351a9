"""Runs every site-quality gate on a built site and exits non-zero if any has findings.

Usage (normally through scripts/check-site, which installs the prerequisites):
    python main.py SITE_DIR [--screenshots DIR] [--work DIR]

Gates: html (vnu), links (html-proofer + path rules), http (nginx crawl), axe (axe-core
in Chromium), screenshots (375/1280 px + sideways scroll), print (one-pagers on one A4
and one Letter page, in Chromium), structured (sitemap, ics, vcf, feeds). All gates run;
the exit status is 1 if any has a finding, 2 on setup errors.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import sys
import tempfile
import time
import traceback
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SUBPATH, GateResult, Site, note, parse_html, read_text  # noqa: E402


def _on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def _detach() -> None:
    """Own session/process group (the shell trap kills the group), and a SIGTERM if the
    parent shell dies, so cleanup runs on every path."""
    try:
        os.setsid()
    except OSError:
        pass
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, _on_signal)


def crashed(name: str, exc: BaseException) -> GateResult:
    r = GateResult(name)
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    r.add(f"gate could not run: {detail}")
    r.summary = "not run (error above)"
    note(traceback.format_exc())
    return r


BROWSER_GATES = ("axe", "screenshots", "print", "sorting")


def browser_gates(site: Site, base: str, work: Path, shots_dir: Path, key: str | None = None) -> dict[str, GateResult]:
    """The gates that share one Chromium session; the browser is quit on every path."""
    import printing
    import screenshots
    from browser import Browser

    results: dict[str, GateResult] = {}
    shots_dir.mkdir(parents=True, exist_ok=True)
    # Old screenshots and PDFs go first, so that none outlives a failed run.
    screenshots.clear_old(shots_dir)
    printing.clear_old(shots_dir)
    browser = Browser(work)
    browser.start()
    try:
        if key:
            from private_pages import remember_key
            remember_key(browser, base, key)
        try:
            results["axe"], results["screenshots"] = axe_and_screenshots(site, base, browser, shots_dir)
        except Exception as e:  # noqa: BLE001
            results["axe"] = crashed("axe", e)
            results["screenshots"] = crashed("screenshots", e)
        try:
            results["print"] = printing.check_print(site, base, browser, shots_dir)
        except Exception as e:  # noqa: BLE001
            results["print"] = crashed("print", e)
        try:
            from sorting import check_sorting
            results["sorting"] = check_sorting(site, base, browser)
        except Exception as e:  # noqa: BLE001
            results["sorting"] = crashed("sorting", e)
    finally:
        browser.quit()
    return results


def axe_and_screenshots(site: Site, base: str, browser, shots_dir: Path) -> tuple[GateResult, GateResult]:
    from a11y import Axe
    from screenshots import NARROW, WIDTHS, measure, shot_name, sideways_message

    axe_r, shot_r = GateResult("axe"), GateResult("screenshots")
    samples = site.page_kinds()
    axe = Axe()
    violations = 0
    shots = 0
    measured: dict[str, dict] = {}
    # Each width in the light scheme, then the widest in the dark one (prefers-color-scheme):
    # axe's contrast rules check the dark colours too.
    passes = [(width, False) for width in WIDTHS] + [(WIDTHS[-1], True)]
    for page in samples:
        seen_violations: set[tuple] = set()
        for width, dark in passes:
            browser.set_width(width)
            browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})
            browser.load(base + urllib.parse.quote(page))
            name = shot_name(page, width)
            (shots_dir / (name.replace(".png", "-dark.png") if dark else name)).write_bytes(browser.full_page_png())
            shots += 1
            if width == NARROW and not dark:
                measured[page] = measure(browser)
            for v in axe.run(browser):
                key = (v["id"], tuple(str(n["target"]) for n in v["nodes"]), dark)
                if key in seen_violations:
                    continue
                seen_violations.add(key)
                violations += 1
                lines = axe.describe(page, width, v)
                if dark:
                    lines[0] = lines[0].replace(f"@{width}px", f"@{width}px, dark scheme", 1)
                axe_r.add("\n".join(lines))
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    axe_r.summary = (f"{len(samples)} pages ({', '.join(samples)}) at {'/'.join(map(str, WIDTHS))}px "
                     f"and in the dark scheme at {WIDTHS[-1]}px, "
                     f"{violations} violations (axe-core {axe.version}, WCAG 2.1 A/AA)")

    browser.set_width(NARROW)
    scrolling = 0
    for page in site.html:
        m = measured.get(page)
        if m is None:
            browser.load(base + urllib.parse.quote(page))
            m = measure(browser)
        if m["scrollWidth"] > m["innerWidth"]:
            scrolling += 1
            shot_r.add(sideways_message(page, m))
    no_viewport = [p for p in site.html if not parse_html(read_text(site.path(p))).has_viewport]
    for p in no_viewport:
        shot_r.add(f"{p}: no <meta name=\"viewport\" content=\"width=device-width, ...\"> "
                   "(phones would lay it out 980px wide)")
    shot_r.summary = (f"{shots} in {shots_dir}; sideways scroll: {scrolling} of {len(site.html)} pages"
                      + (f"; {len(no_viewport)} pages without a viewport meta tag" if no_viewport else ""))
    return axe_r, shot_r


def open_private_pages(site: Site, base: str, work: Path, key: str):
    """The site with its sealed pages decrypted (private_pages.py), and the gate's result."""
    from browser import Browser
    from private_pages import decrypt_site

    browser = Browser(work)
    browser.start()
    try:
        return decrypt_site(site, base, browser, key, work / "decrypted")
    finally:
        browser.quit()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-site", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("--screenshots", type=Path, default=None,
                    help="folder for screenshots (default: SITE_DIR/../site-screenshots)")
    ap.add_argument("--key", default=None,
                    help="a team member's access key (the part after #k= of their link): private pages are "
                         "opened with it, so every gate checks what readers see")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    parent = os.getppid()
    _detach()
    started = time.monotonic()

    site_dir = args.site_dir.resolve()
    if not (site_dir / "index.html").is_file():
        print(f"check-site: {site_dir} has no index.html (build the site first)", file=sys.stderr)
        return 2
    shots_dir = (args.screenshots or (site_dir.parent / "site-screenshots")).resolve()
    own_work = args.work is None
    work = Path(tempfile.mkdtemp(prefix="check-site.")) if own_work else args.work.resolve()
    os.chmod(work, 0o755)

    from html_validity import HtmlValidity
    from http_check import check_http
    from links import Links
    from server import Nginx
    from structured import Structured

    results: dict[str, GateResult] = {}
    order = ["html", "links", "http", *BROWSER_GATES, "structured"] + (["private"] if args.key else [])
    nginx = Nginx(work)
    background = []
    try:
        site = Site(site_dir)
        www = work / "www" / SUBPATH
        shutil.copytree(site_dir, www, symlinks=False)
        print(f"check-site: {site_dir} ({len(site.files)} files, {len(site.html)} pages); "
              f"screenshots in {shots_dir}", flush=True)

        try:
            nginx.start()
            served = True
        except Exception as e:  # noqa: BLE001
            served = False
            for name in ("http", *BROWSER_GATES):
                results[name] = crashed(name, e)

        # A private portal: the file-based gates read the pages as a team member sees them.
        files_site, proofer_www = site, None
        if args.key and served:
            try:
                files_site, results["private"] = open_private_pages(site, nginx.base, work, args.key)
                proofer_www = work / "proofer"
                shutil.copytree(files_site.root, proofer_www / SUBPATH, symlinks=False)
            except Exception as e:  # noqa: BLE001
                results["private"] = crashed("private", e)

        html_gate, links_gate = HtmlValidity(files_site, work), Links(files_site, work, proofer_www)
        for gate in (html_gate, links_gate):
            try:
                gate.start()
                background.append(gate)
            except Exception as e:  # noqa: BLE001
                results[gate.name] = crashed(gate.name, e)

        if served:
            try:
                results["http"] = check_http(files_site, nginx)
            except Exception as e:  # noqa: BLE001
                results["http"] = crashed("http", e)
            try:
                results.update(browser_gates(files_site, nginx.base, work, shots_dir, args.key))
            except Exception as e:  # noqa: BLE001
                for name in BROWSER_GATES:
                    results[name] = crashed(name, e)

        try:
            results["structured"] = Structured(files_site).run()
        except Exception as e:  # noqa: BLE001
            results["structured"] = crashed("structured", e)

        for gate in background:
            try:
                results[gate.name] = gate.finish()
            except Exception as e:  # noqa: BLE001
                results[gate.name] = crashed(gate.name, e)
    finally:
        for gate in background:
            gate.kill()
        nginx.stop()
        # Our own temp dir, or the wrapper's if the wrapper died (its trap cannot run).
        if own_work or os.getppid() != parent:
            shutil.rmtree(work, ignore_errors=True)

    print("", flush=True)
    failed = []
    for name in order:
        r = results.get(name) or GateResult(name, "not run", ["not run"])
        mark = "" if r.ok else f"  <-- {len(r.findings)} finding(s)"
        print(f"{name}: {r.summary}{mark}")
        if not r.ok:
            failed.append(name)
    elapsed = time.monotonic() - started
    if failed:
        print(f"check-site: FAILED gates: {', '.join(failed)} ({elapsed:.0f}s)")
        return 1
    print(f"check-site: all {len(order)} gates passed ({elapsed:.0f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
