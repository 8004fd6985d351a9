"""Gate: links and anchors.

* html-proofer (Debian's ruby-html-proofer, 3.x CLI) over WORK/www with the site copied
  to WORK/www/portal/, so links that climb above the site root fail. External links
  are not fetched (--disable-external; that also skips absolute https:// links to the
  site's own base URL); internal #fragments are always checked by html-proofer 3.x
  (4.x needs --check-internal-hash, passed when that version is found).
* Every URL in every .html (href, src, srcset, poster, action, inline CSS url()) and
  every url()/@import in .css: none may start with "/" (it would escape the sub-path),
  use file:, or contain the local build path."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from background import BackgroundCommand
from common import SUBPATH, GateResult, Site, css_urls, parse_html, read_text

LEAK_EXTS = (".html", ".htm", ".css", ".xml", ".json", ".ics", ".vcf", ".atom", ".rss", ".txt", ".js")


def htmlproofer_cmd(www: Path) -> list[str]:
    exe = shutil.which("htmlproofer")
    if not exe:
        raise FileNotFoundError("htmlproofer not found (Debian package ruby-html-proofer)")
    version = subprocess.run([exe, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"(\d+)\.\d+", version)
    major = int(m.group(1)) if m else 3
    cmd = [exe, str(www), "--disable-external"]
    if major >= 4:
        cmd += ["--check-internal-hash", "--no-enforce-https"]
    return cmd


def local_paths(site: Site, work: Path) -> list[str]:
    repo = Path(__file__).resolve().parents[2]
    paths = {str(site.root), str(repo), str(work)}
    if os.path.realpath(site.root) != str(site.root):
        paths.add(os.path.realpath(site.root))
    # Longest first; ignore "/" and other too-short prefixes.
    return sorted((p for p in paths if len(p) > 4), key=len, reverse=True)


def check_url(url: str, where: str, leaks: list[str], r: GateResult) -> None:
    low = url.lower()
    if url.startswith("//"):
        r.add(f"{where}: protocol-relative URL {url!r}: use a relative link or an https:// URL")
    elif url.startswith("/"):
        r.add(f"{where}: root-relative URL {url!r} breaks when the site is served under a sub-path; use a relative link")
    elif low.startswith("file:"):
        r.add(f"{where}: file: URL {url!r}")
    else:
        for p in leaks:
            if p in url:
                r.add(f"{where}: URL {url!r} contains the local path {p}")
                break


class Links(BackgroundCommand):
    name = "links"

    def __init__(self, site: Site, work: Path, www: Path | None = None):
        self.site = site
        self.work = work
        # html-proofer's own copy of the site under /portal/ (the decrypted one of a private portal).
        self.www = www or work / "www"
        self.out_path = work / "htmlproofer.txt"

    def start(self) -> None:
        # cwd=work: html-proofer keeps its cache relative to the working directory.
        self.spawn(htmlproofer_cmd(self.www), cwd=self.work,
                   env={**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})

    def finish(self) -> GateResult:
        r = GateResult(self.name)
        text = self.collect()
        failures = self._parse(text)
        prefix = str(self.www / SUBPATH) + "/"
        for file, msg, snippet in failures:
            rel = file.replace(prefix, "").replace(f"www/{SUBPATH}/", "")
            r.add(f"{rel}: {msg}" + (f"  [{snippet[:160]}]" if snippet else ""))
        proofer_failures = len(failures)
        if self.proc.returncode != 0 and not failures:
            r.add(f"htmlproofer exited {self.proc.returncode}: {text[-2000:]}")
            proofer_failures = 1
        elif self.proc.returncode == 0 and "Ran on" not in text and self.site.html:
            r.add(f"htmlproofer checked nothing: {text[-1000:]}")

        leaks = local_paths(self.site, self.work)
        path_findings_before = len(r.findings)
        for rel in self.site.html:
            parsed = parse_html(read_text(self.site.path(rel)))
            for ref in parsed.refs:
                check_url(ref.url, f"{rel}:{ref.line}: <{ref.tag} {ref.attr}>", leaks, r)
        for rel in self.site.with_ext(".css"):
            for i, line in enumerate(read_text(self.site.path(rel)).splitlines(), 1):
                for u in css_urls(line):
                    if not u.startswith("data:"):
                        check_url(u, f"{rel}:{i}: url()", leaks, r)
        for rel in self.site.with_ext(*LEAK_EXTS):
            text = read_text(self.site.path(rel))
            for p in leaks:
                if p in text:
                    line = text[: text.index(p)].count("\n") + 1
                    r.add(f"{rel}:{line}: contains the local build path {p}")
                    break
        path_findings = len(r.findings) - path_findings_before
        r.summary = (f"{len(self.site.html)} files, {proofer_failures} html-proofer failures, "
                     f"{path_findings} absolute/local path findings")
        return r

    @staticmethod
    def _parse(text: str) -> list[tuple[str, str, str]]:
        """html-proofer's report: '- FILE' then '  *  MESSAGE (line N)' then an optional
        indented snippet line. Deduplicated: 3.x repeats hash failures."""
        out: list[tuple[str, str, str]] = []
        seen = set()
        file = ""
        for line in text.splitlines():
            if line.startswith("- "):
                file = line[2:].strip()
            elif line.startswith("  *  "):
                out.append((file, line[5:].strip(), ""))
            elif line.startswith("     ") and out and not out[-1][2]:
                f, m, _ = out[-1]
                out[-1] = (f, m, line.strip())
        uniq = []
        for item in out:
            if item not in seen:
                seen.add(item)
                uniq.append(item)
        return uniq
