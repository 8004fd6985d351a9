"""The public brief feed (Atom, RFC 4287) and the campaign calendars (iCalendar, RFC 5545),
checked with feedparser and icalendar against the content. Each check function returns
{check name: [problems]} in order, so that a scenario can report it and the self-test can
show that a broken sample is caught."""

from __future__ import annotations

import datetime as dt
import re
import urllib.parse
from pathlib import Path

from briefs_content import Brief, Campaign

Checks = dict[str, list[str]]


# --- Atom -----------------------------------------------------------------------------------

def entry_months(data: bytes, host: str) -> list[str]:
    """The months named by the entry ids, in feed order (ids that do not fit are kept as they are)."""
    import feedparser

    pattern = re.compile(rf"tag:{re.escape(host)},(\d{{4}}):briefs/(\d{{4}}-\d{{2}})")
    months = []
    for e in feedparser.parse(data).entries:
        m = pattern.fullmatch(e.get("id", ""))
        months.append(m.group(2) if m else e.get("id", ""))
    return months


def check_feed(data: bytes, base_url: str, briefs: list[Brief], site: Path | None = None) -> Checks:
    """briefs: the public published briefs, newest first. site: the built site, to follow the
    entries' links (None for a sample)."""
    import feedparser

    host = urllib.parse.urlsplit(base_url).hostname or ""
    d = feedparser.parse(data)
    out: Checks = {}
    out["is Atom 1.0 that feedparser reads without errors"] = (
        ([f"not well-formed: {d.get('bozo_exception')}"] if d.bozo else [])
        + ([f"version {d.version!r}, want 'atom10'"] if d.version != "atom10" else []))
    feed, entries = d.feed, d.entries
    problems = []
    if feed.get("id") != base_url + "briefs/":
        problems.append(f"feed id {feed.get('id')!r}, want {base_url + 'briefs/'!r}")
    for what in ("title", "updated"):
        if not feed.get(what):
            problems.append(f"the feed has no {what}")
    if not feed.get("authors") and not (entries and all(e.get("authors") for e in entries)):
        problems.append("no author: neither the feed nor every entry has one (RFC 4287 4.1.1)")
    out["has the feed elements RFC 4287 requires (id, title, updated, author)"] = problems

    problems = []
    pattern = re.compile(rf"tag:{re.escape(host)},(\d{{4}}):briefs/(\d{{4}}-\d{{2}})")
    for i, e in enumerate(entries):
        eid, link, updated = e.get("id", ""), e.get("link", ""), e.get("updated", "")
        m = pattern.fullmatch(eid)
        if not m or m.group(1) != m.group(2)[:4]:
            problems.append(f"entry {i + 1}: id {eid!r}, want tag:{host},<YYYY>:briefs/<YYYY-MM>")
            continue
        month = m.group(2)
        if not link.startswith(base_url):
            problems.append(f"{month}: link {link!r} is not an absolute URL under {base_url}")
        elif urllib.parse.urlsplit(link).path.rstrip("/").removesuffix("/index.html") \
                != urllib.parse.urlsplit(base_url + f"briefs/{month}").path:
            problems.append(f"{month}: link {link!r}, want {base_url}briefs/{month}/")
        if updated != f"{month}-01T00:00:00Z":
            problems.append(f"{month}: updated {updated!r}, want {month}-01T00:00:00Z")
        if not e.get("title"):
            problems.append(f"{month}: no title")
    if not entries:
        problems.append("no entries")
    out["every entry has an id tag:<host>,<YYYY>:briefs/<YYYY-MM>, an absolute link and updated"] = problems

    want = [b.month for b in briefs]
    got = [pattern.fullmatch(e.get("id", "")).group(2) if pattern.fullmatch(e.get("id", "")) else e.get("id")
           for e in entries]
    problems = [] if got == want else [f"entries {got}, want the public published briefs {want}"]
    titles = {b.month: b.title for b in briefs}
    for month, e in zip(got, entries):
        if month in titles and e.get("title") != titles[month]:
            problems.append(f"{month}: title {e.get('title')!r}, want {titles[month]!r}")
    out["the entries are exactly the public published briefs, newest first, with their titles"] = problems

    if site is not None:
        from portal_crypto import page_file, sealed_element_text

        problems = []
        for e in entries:
            link = e.get("link", "")
            if not link.startswith(base_url):
                continue
            page = page_file(site, urllib.parse.urlsplit(link[len(base_url):]).path)
            if page is None:
                problems.append(f"{link}: no such page in the site")
            elif sealed_element_text(page.read_text(encoding="utf-8", errors="replace")) is not None:
                problems.append(f"{link}: {page.relative_to(site)} is a private page")
        out["every entry's link leads to a public page of the site"] = problems
    return out


# --- iCalendar ------------------------------------------------------------------------------

def raw_line_problems(data: bytes, limit: int = 75) -> list[str]:
    """CRLF only, a CRLF at the end, and no line longer than `limit` octets."""
    problems = []
    if re.search(rb"(?<!\r)\n", data):
        problems.append("bare LF line ends")
    if re.search(rb"\r(?!\n)", data):
        problems.append("bare CR")
    if data and not data.endswith(b"\r\n"):
        problems.append("does not end with CRLF")
    long = [(i + 1, len(line)) for i, line in enumerate(data.split(b"\r\n")) if len(line) > limit]
    if long:
        problems.append(f"{len(long)} lines over {limit} octets, such as line {long[0][0]} ({long[0][1]} octets)")
    return problems


def expected_url(c: Campaign, base_url: str, assets: set[str]) -> str | None:
    """The event's URL: the campaign's https link, an asset's page, or None (any URL under base_url)."""
    if not c.link:
        return None
    if str(c.link).startswith(("https://", "http://")):
        return str(c.link)
    return base_url + f"assets/{c.link}/" if c.link in assets else None


def _is_date(value) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _text(value) -> str:
    return " ".join(str(value).split())


def check_calendar(data: bytes, base_url: str, build_date: dt.date, campaigns: list[Campaign],
                   assets: set[str]) -> Checks:
    """campaigns: exactly the campaigns the calendar should hold."""
    from icalendar import Calendar

    host = urllib.parse.urlsplit(base_url).hostname or ""
    out: Checks = {"has CRLF line ends only and lines of at most 75 octets": raw_line_problems(data)}
    try:
        cal = Calendar.from_ical(data.decode("utf-8"))
    except Exception as e:  # noqa: BLE001  (icalendar raises ValueError and others)
        out["icalendar reads it without errors"] = [f"{type(e).__name__}: {e}"]
        return out
    problems = [f"{comp.name}: {err}" for comp in cal.walk() for err in getattr(comp, "errors", [])]
    if cal.name != "VCALENDAR":
        problems.append(f"top component {cal.name}, want VCALENDAR")
    if not cal.get("PRODID"):
        problems.append("no PRODID")
    if str(cal.get("VERSION", "")) != "2.0":
        problems.append(f"VERSION {cal.get('VERSION')!r}, want 2.0")
    out["icalendar reads it without errors; VCALENDAR has PRODID and VERSION 2.0"] = problems

    events = cal.walk("VEVENT")
    by_uid = {f"campaign-{c.id}@{host}": c for c in campaigns}
    problems = []
    for ev in events:
        uid = str(ev.get("UID", "?"))
        # The contract's URL is the campaign's link: a campaign without one may have none.
        linkless = uid in by_uid and not by_uid[uid].link
        missing = [p for p in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "URL")
                   if p not in ev and not (p == "URL" and linkless)]
        if missing:
            problems.append(f"{uid}: no {', '.join(missing)}")
            continue
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        if not (_is_date(start) and _is_date(end)):
            problems.append(f"{uid}: DTSTART {start!r} and DTEND {end!r} are not both dates (VALUE=DATE)")
        elif end <= start:
            problems.append(f"{uid}: DTEND {end} is not after DTSTART {start}")
    out["every VEVENT has UID, DTSTAMP, DTSTART and DTEND dates (end after start), SUMMARY, DESCRIPTION, URL"] = problems

    uids = [str(ev.get("UID", "")) for ev in events]
    problems = []
    if sorted(uids) != sorted(by_uid):
        problems.append(f"UIDs {sorted(uids)}, want {sorted(by_uid)}")
    stamp = dt.datetime.combine(build_date, dt.time(0, 0), dt.timezone.utc)
    for ev in events:
        c = by_uid.get(str(ev.get("UID", "")))
        if c is None or any(p not in ev for p in ("DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION")):
            continue
        if ev.decoded("DTSTAMP") != stamp:
            problems.append(f"{c.id}: DTSTAMP {ev.decoded('DTSTAMP')}, want the build date {stamp:%Y%m%dT%H%M%SZ}")
        if ev.decoded("DTSTART") != c.starts:
            problems.append(f"{c.id}: DTSTART {ev.decoded('DTSTART')}, want {c.starts}")
        if ev.decoded("DTEND") != c.ends + dt.timedelta(days=1):
            problems.append(f"{c.id}: DTEND {ev.decoded('DTEND')}, want {c.ends + dt.timedelta(days=1)} (ends + 1 day)")
        if str(ev.get("SUMMARY")) != c.name:
            problems.append(f"{c.id}: SUMMARY {str(ev.get('SUMMARY'))!r}, want {c.name!r}")
        if _text(ev.get("DESCRIPTION")) != c.summary:
            problems.append(f"{c.id}: DESCRIPTION {str(ev.get('DESCRIPTION'))!r}, want {c.summary!r}")
        url, want = str(ev.get("URL", "")), expected_url(c, base_url, assets)
        if "URL" not in ev:
            pass  # a campaign without a link (the first check asks for URL otherwise)
        elif want is not None and url not in (want, want + "index.html"):
            problems.append(f"{c.id}: URL {url!r}, want {want!r}")
        elif want is None and not url.startswith(base_url):
            problems.append(f"{c.id}: URL {url!r} is not under {base_url}")
    out["the events are exactly the expected campaigns, with their dates, names, summaries and links"] = problems
    return out
