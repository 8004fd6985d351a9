"""Gate: structured files of the site.

* sitemap.xml: well-formed, sitemaps.org namespace, every <loc> an absolute http(s) URL
  on one host whose path, after the site's base path, is a file of the site (a loc
  ending in / means its index.html); W3C dates in <lastmod>.
* *.ics: parsed by icalendar, no property errors, PRODID/VERSION, UID/DTSTAMP on events,
  CRLF line ends and lines of at most 75 octets (RFC 5545).
* *.vcf: parsed and validated by vobject, VERSION and FN, CRLF and 75-octet lines (RFC 6350).
* feeds (*.atom, *.rss, *.xml whose root is <feed>, <rss> or <rdf:RDF>): feedparser bozo == 0.
* every other *.xml well-formed; every *.json parses."""

from __future__ import annotations

import io
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET

from common import GateResult, Site

SM_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
W3C_DATE = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def line_rules(rel: str, data: bytes, r: GateResult, rfc: str) -> None:
    """CRLF line ends and folded lines of at most 75 octets."""
    lines = data.split(b"\r\n")
    bare_lf = [i for i, line in enumerate(lines, 1) if b"\n" in line]
    if bare_lf:
        r.add(f"{rel}: lines must end with CRLF ({rfc}); bare LF near line {bare_lf[0]}")
        lines = data.replace(b"\r\n", b"\n").split(b"\n")
    long = [i for i, line in enumerate(lines, 1) if len(line) > 75]
    if long:
        r.add(f"{rel}:{long[0]}: line longer than 75 octets, must be folded ({rfc}); {len(long)} such lines")


def utf8_text(rel: str, data: bytes, r: GateResult, rfc: str) -> str | None:
    """A calendar's or card's text: None (and a finding) unless it is UTF-8; then the
    line rules of its RFC (line_rules)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        r.add(f"{rel}: not UTF-8: {e}")
        return None
    line_rules(rel, data, r, rfc)
    return text


class Structured:
    name = "structured"

    def __init__(self, site: Site):
        self.site = site
        self.r = GateResult(self.name)

    def run(self) -> GateResult:
        r = self.r
        counts = {"sitemap": 0, "urls": 0, "ics": 0, "vcf": 0, "feeds": 0, "xml": 0, "json": 0}
        for rel in self.site.files:
            low = rel.lower()
            data = self.site.path(rel).read_bytes()
            if low.endswith(".ics"):
                counts["ics"] += 1
                self.check_ics(rel, data)
            elif low.endswith(".vcf"):
                counts["vcf"] += 1
                self.check_vcf(rel, data)
            elif low.endswith(".json"):
                counts["json"] += 1
                try:
                    json.loads(data.decode("utf-8"))
                except (ValueError, UnicodeDecodeError) as e:
                    r.add(f"{rel}: invalid JSON: {e}")
            elif low.endswith((".xml", ".atom", ".rss")):
                try:
                    root = ET.fromstring(data)
                except ET.ParseError as e:
                    head = data[:2000]
                    if low.endswith((".atom", ".rss")) or b"<feed" in head or b"<rss" in head:
                        counts["feeds"] += 1
                        self.check_feed(rel, data)
                    else:
                        r.add(f"{rel}: XML not well-formed: {e}")
                    continue
                name = local_name(root.tag)
                if low.endswith((".atom", ".rss")) or name in ("feed", "rss", "RDF"):
                    counts["feeds"] += 1
                    self.check_feed(rel, data)
                elif name in ("urlset", "sitemapindex"):
                    counts["sitemap"] += 1
                    counts["urls"] += self.check_sitemap(rel, root)
                else:
                    counts["xml"] += 1
        if "sitemap.xml" in self.site.file_set and counts["sitemap"] == 0 and not any(
                "sitemap.xml" in f for f in r.findings):
            r.add("sitemap.xml: root element is not <urlset> or <sitemapindex>")
        r.summary = (f"sitemap {counts['sitemap']} ({counts['urls']} URLs), ics {counts['ics']}, "
                     f"vcf {counts['vcf']}, feeds {counts['feeds']}, other xml {counts['xml']}, "
                     f"json {counts['json']}, {len(r.findings)} errors")
        return r

    # --- sitemap -----------------------------------------------------------------------
    def check_sitemap(self, rel: str, root: ET.Element) -> int:
        r = self.r
        if root.tag not in (f"{{{SM_NS}}}urlset", f"{{{SM_NS}}}sitemapindex"):
            r.add(f"{rel}: root element {root.tag!r} is not in the sitemaps.org namespace {SM_NS}")
            return 0
        entries = root.findall(f"{{{SM_NS}}}url") + root.findall(f"{{{SM_NS}}}sitemap")
        if not entries:
            r.add(f"{rel}: no <url> entries")
        locs: list[str] = []
        for entry in entries:
            loc_elems = entry.findall(f"{{{SM_NS}}}loc")
            if len(loc_elems) != 1 or not (loc_elems[0].text or "").strip():
                r.add(f"{rel}: an entry has {len(loc_elems)} <loc> elements (exactly one, non-empty, required)")
                continue
            locs.append(loc_elems[0].text.strip())
            lastmod = entry.find(f"{{{SM_NS}}}lastmod")
            if lastmod is not None and not W3C_DATE.match((lastmod.text or "").strip()):
                r.add(f"{rel}: <lastmod>{lastmod.text}</lastmod> of {locs[-1]} is not a W3C datetime")
            freq = entry.find(f"{{{SM_NS}}}changefreq")
            if freq is not None and (freq.text or "").strip() not in CHANGEFREQ:
                r.add(f"{rel}: <changefreq>{freq.text}</changefreq> of {locs[-1]} is not a valid value")
            prio = entry.find(f"{{{SM_NS}}}priority")
            if prio is not None:
                try:
                    ok = 0.0 <= float((prio.text or "").strip()) <= 1.0
                except ValueError:
                    ok = False
                if not ok:
                    r.add(f"{rel}: <priority>{prio.text}</priority> of {locs[-1]} is not within 0.0-1.0")
        seen: set[str] = set()
        paths: list[tuple[str, str]] = []
        hosts: set[str] = set()
        for loc in locs:
            if loc in seen:
                r.add(f"{rel}: duplicate <loc> {loc}")
                continue
            seen.add(loc)
            u = urllib.parse.urlsplit(loc)
            if u.scheme not in ("http", "https") or not u.netloc:
                r.add(f"{rel}: <loc> {loc!r} is not an absolute http(s) URL")
                continue
            if u.query or u.fragment:
                r.add(f"{rel}: <loc> {loc} has a query or fragment")
            hosts.add(f"{u.scheme}://{u.netloc}")
            paths.append((loc, urllib.parse.unquote(u.path or "/")))
        if len(hosts) > 1:
            r.add(f"{rel}: <loc> URLs on more than one origin: {', '.join(sorted(hosts))}")
        if not paths:
            return len(locs)
        # The base path: the common folder of all locs or one of its parents, whichever
        # maps the most locs to files of the site (ties: the longest).
        common = "/" + "/".join(
            p for p in _common_dirs([p for _, p in paths]))
        common = common.rstrip("/") + "/"
        candidates = []
        c = common
        while True:
            candidates.append(c)
            if c == "/":
                break
            c = c[: c.rstrip("/").rfind("/") + 1]
        best = max(candidates, key=lambda c: (sum(self._maps(p, c) for _, p in paths), len(c)))
        for loc, p in paths:
            if not self._maps(p, best):
                rel_path = p[len(best):] if p.startswith(best) else p
                target = rel_path + "index.html" if rel_path in ("",) or rel_path.endswith("/") else rel_path
                hint = ""
                if (self.site.root / target).is_dir():
                    hint = " (a folder: end the URL with /)"
                r.add(f"{rel}: <loc> {loc}: no file {target} in the site (base path {best}){hint}")
        return len(locs)

    def _maps(self, path: str, base: str) -> bool:
        if not path.startswith(base):
            return False
        rel = path[len(base):]
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        return rel in self.site.file_set

    # --- calendars and cards ---------------------------------------------------------
    def check_ics(self, rel: str, data: bytes) -> None:
        r = self.r
        import icalendar

        text = utf8_text(rel, data, r, "RFC 5545")
        if text is None:
            return
        try:
            cal = icalendar.Calendar.from_ical(text)
        except Exception as e:  # icalendar raises ValueError and friends
            r.add(f"{rel}: icalendar could not parse it: {' '.join(str(e).split())[:300]}")
            return
        if cal.name != "VCALENDAR":
            r.add(f"{rel}: top-level component is {cal.name}, not VCALENDAR")
        for prop in ("PRODID", "VERSION"):
            if prop not in cal:
                r.add(f"{rel}: VCALENDAR lacks {prop}")
        if "VERSION" in cal and str(cal["VERSION"]) != "2.0":
            r.add(f"{rel}: VERSION is {cal['VERSION']}, expected 2.0")
        for comp in cal.walk():
            for prop, err in comp.errors:
                r.add(f"{rel}: {comp.name} {prop}: {err}")
            if comp.name in ("VEVENT", "VTODO", "VJOURNAL"):
                for prop in ("UID", "DTSTAMP"):
                    if prop not in comp:
                        label = str(comp.get("UID", comp.get("SUMMARY", "")))[:40]
                        r.add(f"{rel}: {comp.name} {label!r} lacks {prop}")
            if comp.name == "VEVENT" and "DTSTART" not in comp and "METHOD" not in cal:
                r.add(f"{rel}: VEVENT {comp.get('UID', '')} lacks DTSTART")
        if not cal.walk("VEVENT") and not cal.walk("VTODO") and not cal.walk("VJOURNAL"):
            r.add(f"{rel}: calendar has no events")

    def check_vcf(self, rel: str, data: bytes) -> None:
        r = self.r
        import vobject

        text = utf8_text(rel, data, r, "RFC 6350")
        if text is None:
            return
        try:
            cards = list(vobject.readComponents(text, validate=True))
        except Exception as e:
            r.add(f"{rel}: vobject could not parse it: {' '.join(str(e).split())[:300]}")
            return
        if not cards:
            r.add(f"{rel}: no vCard in the file")
        for card in cards:
            if card.name != "VCARD":
                r.add(f"{rel}: component {card.name} is not a VCARD")
                continue
            names = {c.name for c in card.getChildren()}
            for prop in ("VERSION", "FN"):
                if prop not in names:
                    r.add(f"{rel}: VCARD lacks {prop}")
            version = card.contents.get("version", [None])[0]
            if version is not None and version.value not in ("3.0", "4.0"):
                r.add(f"{rel}: VCARD VERSION {version.value!r} (expected 3.0 or 4.0)")
            if version is not None and version.value == "3.0" and "N" not in names:
                r.add(f"{rel}: vCard 3.0 requires N")

    # --- feeds ---------------------------------------------------------------------------
    def check_feed(self, rel: str, data: bytes) -> None:
        import feedparser

        parsed = feedparser.parse(io.BytesIO(data))
        if parsed.bozo:
            self.r.add(f"{rel}: feedparser: bozo: {parsed.get('bozo_exception')!r}")
        elif not parsed.version:
            self.r.add(f"{rel}: feedparser did not recognize a feed format")


def _common_dirs(paths: list[str]) -> list[str]:
    """The folder segments shared by all paths (the last segment of a path that does
    not end in / is a file name, not a folder)."""
    split = []
    for p in paths:
        parts = p.split("/")
        split.append([s for s in parts[:-1] if s])  # drop the file name (or "" after a /)
    common: list[str] = []
    for segs in zip(*split):
        if all(s == segs[0] for s in segs):
            common.append(segs[0])
        else:
            break
    return common
