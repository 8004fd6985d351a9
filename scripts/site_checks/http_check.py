"""Gate: the site over HTTP (nginx on 127.0.0.1, site under /portal/).

* Crawl from /portal/index.html: every page and asset referenced from an internal HTML
  page (and url()/@import of fetched CSS) answers 200 (redirects are findings).
* /portal/no-such-page/ answers 404 with 404.html's body.
* Content-Type of every .html, .css, .xml, .ics, .vcf, .json file of the site."""

from __future__ import annotations

import urllib.parse
from collections import deque

from common import SUBPATH, GateResult, Site, css_urls, is_external, parse_html
from server import Nginx, fetch

EXPECTED_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".css": "text/css",
    ".xml": "application/xml",
    ".ics": "text/calendar",
    ".vcf": "text/vcard",
    ".json": "application/json",
}


def media_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def check_http(site: Site, nginx: Nginx) -> GateResult:
    r = GateResult("http")
    base = nginx.base  # http://127.0.0.1:PORT/portal/
    origin = base[: base.index(f"/{SUBPATH}/")]
    prefix = f"/{SUBPATH}/"
    requested = 0
    failures_before = 0

    seen: set[str] = set()
    referrers: dict[str, str] = {}
    queue: deque[str] = deque()

    def enqueue(url: str, referrer: str) -> None:
        url = urllib.parse.urldefrag(url)[0]
        if url not in seen:
            seen.add(url)
            referrers[url] = referrer
            queue.append(url)

    enqueue(base + "index.html", "(start)")
    while queue:
        url = queue.popleft()
        requested += 1
        status, headers, body = fetch(url)
        shown = url[len(origin):]
        if status != 200:
            extra = f" -> {headers.get('location')}" if 300 <= status < 400 else ""
            r.add(f"GET {shown} answered {status}{extra} (linked from {referrers[url]})")
            continue
        path = urllib.parse.urlparse(url).path
        ctype = media_type(headers)
        refs: list[str] = []
        if ctype == "text/html":
            for ref in parse_html(body.decode("utf-8", errors="replace")).refs:
                if ref.tag in ("form",) or ref.attr in ("cite",):
                    continue
                refs.append(ref.url)
        elif ctype == "text/css":
            refs = css_urls(body.decode("utf-8", errors="replace"))
        for ref in refs:
            if not ref or ref.startswith("#") or is_external(ref):
                continue  # external and base-URL links are not ours to fetch
            target = urllib.parse.urljoin(url, ref)
            if not target.startswith(origin + "/"):
                continue
            if not urllib.parse.urlparse(target).path.startswith(prefix):
                r.add(f"{path}: link {ref!r} leaves /{SUBPATH}/ ({urllib.parse.urlparse(target).path})")
                continue
            enqueue(target.split("?")[0], path)
    crawled = requested

    # 404 handling.
    requested += 1
    status, headers, body = fetch(base + "no-such-page/")
    notfound = site.path("404.html")
    if status != 404:
        r.add(f"GET /{SUBPATH}/no-such-page/ answered {status}, expected 404")
    if not notfound.is_file():
        r.add("404.html is missing from the site")
    elif body != notfound.read_bytes():
        r.add(f"GET /{SUBPATH}/no-such-page/ did not answer with 404.html's body ({len(body)} bytes)")

    # Content types of every file of these kinds.
    typed = 0
    for rel in site.files:
        ext = "." + rel.rsplit(".", 1)[-1].lower() if "." in rel else ""
        want = EXPECTED_TYPES.get(ext)
        if not want:
            continue
        url = base + urllib.parse.quote(rel)
        requested += 1
        typed += 1
        status, headers, _ = fetch(url, "HEAD")
        got = media_type(headers)
        if status != 200:
            r.add(f"HEAD /{SUBPATH}/{rel} answered {status}")
        elif got != want:
            r.add(f"/{SUBPATH}/{rel}: Content-Type {headers.get('content-type')!r}, expected {want}")

    failures = len(r.findings) - failures_before
    crawled_pages = {urllib.parse.unquote(urllib.parse.urlparse(u).path)[len(prefix):] for u in seen}
    crawled_pages = {p + "index.html" if p.endswith("/") or p == "" else p for p in crawled_pages}
    orphans = [p for p in site.html if p not in crawled_pages and p != "404.html"]
    r.summary = (f"{requested} URLs ({crawled} crawled, 1 missing-page, {typed} content-type), "
                 f"{failures} failures"
                 + (f"; {len(orphans)} pages not linked from index.html (not a failure)" if orphans else ""))
    return r
