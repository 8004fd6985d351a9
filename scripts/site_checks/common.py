"""Shared helpers for the site-quality gates: the gate result type, the site
inventory, HTML reference extraction and page-kind sampling."""

from __future__ import annotations

import html.parser
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

SUBPATH = "portal"  # the site is served and link-checked under /portal/


@dataclass
class GateResult:
    name: str
    summary: str = ""
    findings: list[str] = field(default_factory=list)
    skipped: bool = False

    def add(self, message: str) -> None:
        self.findings.append(message)
        print(f"{self.name}: FAIL {message}", flush=True)

    @property
    def ok(self) -> bool:
        return not self.findings


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Site:
    """The files of a built site, as paths relative to its root (POSIX style)."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        files = []
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=True):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                if name.startswith("."):
                    continue
                rel = Path(dirpath, name).relative_to(self.root).as_posix()
                files.append(rel)
        self.files: list[str] = files
        self.file_set = set(files)

    def with_ext(self, *exts: str) -> list[str]:
        exts = tuple(e.lower() for e in exts)
        return [f for f in self.files if f.lower().endswith(exts)]

    @property
    def html(self) -> list[str]:
        return self.with_ext(".html", ".htm")

    def path(self, rel: str) -> Path:
        return self.root / rel

    def page_kinds(self) -> list[str]:
        """One sample page per page kind: index.html, 404.html, and for every
        top-level folder holding index.html files, its own index.html and the first
        (sorted) nested index.html at each depth (partners/a/, partners/a/refer/, ...)."""
        picks: list[str] = []

        def pick(rel: str) -> None:
            if rel in self.file_set and rel not in picks:
                picks.append(rel)

        pick("index.html")
        top_dirs = sorted({f.split("/", 1)[0] for f in self.files if "/" in f})
        for d in top_dirs:
            pick(f"{d}/index.html")
            nested = sorted(
                f for f in self.files
                if f.startswith(d + "/") and f.endswith("/index.html") and f.count("/") >= 2
            )
            for depth in sorted({f.count("/") for f in nested}):
                pick(next(f for f in nested if f.count("/") == depth))
        # Pages that show what a page kind may or may not hold: a task list, downloads, a partner's results.
        for marker in ('<label class="task', 'class="downloads"', 'class="stacked-table opportunities-table"'):
            holding = next((f for f in self.html if marker in read_text(self.path(f))), None)
            if holding:
                pick(holding)
        pick("404.html")
        return picks


URL_ATTRS = {
    "a": ["href"], "area": ["href"], "link": ["href"], "base": ["href"],
    "img": ["src", "srcset"], "source": ["src", "srcset"], "script": ["src"],
    "iframe": ["src"], "embed": ["src"], "object": ["data"], "video": ["src", "poster"],
    "audio": ["src"], "track": ["src"], "input": ["src"], "form": ["action"],
    "use": ["href", "xlink:href"], "image": ["href", "xlink:href"],
    "blockquote": ["cite"], "q": ["cite"], "ins": ["cite"], "del": ["cite"],
}
CSS_URL_RE = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)""", re.I)
CSS_IMPORT_RE = re.compile(r"""@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)


@dataclass
class Ref:
    tag: str
    attr: str
    url: str
    line: int


def split_srcset(value: str) -> list[str]:
    urls = []
    for candidate in value.split(","):
        parts = candidate.strip().split()
        if parts:
            urls.append(parts[0])
    return urls


def css_urls(text: str) -> list[str]:
    out = []
    for m in CSS_URL_RE.finditer(text):
        out.append(next(g for g in m.groups() if g is not None))
    for m in CSS_IMPORT_RE.finditer(text):
        out.append(next(g for g in m.groups() if g is not None))
    return [u.strip() for u in out if u.strip()]


class RefParser(html.parser.HTMLParser):
    """Collects every URL an HTML document references (attributes, srcset, inline
    CSS url()), with line numbers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[Ref] = []
        self.ids: set[str] = set()
        self._in_style = False
        self.has_viewport = False

    def handle_starttag(self, tag, attrs):
        line = self.getpos()[0]
        amap = {k: (v or "") for k, v in attrs}
        if "id" in amap:
            self.ids.add(amap["id"])
        if tag == "a" and "name" in amap:
            self.ids.add(amap["name"])
        if tag == "meta" and amap.get("name", "").lower() == "viewport":
            if "width=device-width" in amap.get("content", "").replace(" ", "").lower():
                self.has_viewport = True
        for attr in URL_ATTRS.get(tag, []):
            if attr in amap:
                value = amap[attr].strip()
                if attr == "srcset":
                    for u in split_srcset(value):
                        self.refs.append(Ref(tag, attr, u, line))
                else:
                    self.refs.append(Ref(tag, attr, value, line))
        if "style" in amap:
            for u in css_urls(amap["style"]):
                self.refs.append(Ref(tag, "style", u, line))
        if tag == "style":
            self._in_style = True

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            line = self.getpos()[0]
            for u in css_urls(data):
                self.refs.append(Ref("style", "url()", u, line))


def parse_html(text: str) -> RefParser:
    p = RefParser()
    p.feed(text)
    p.close()
    return p


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="replace")


SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def is_external(url: str) -> bool:
    """True for URLs with a scheme (https:, mailto:, data:, ...) or protocol-relative."""
    return bool(SCHEME_RE.match(url)) or url.startswith("//")
