"""check-briefs --selfmade: the checks of check-briefs tried on hand-made samples written from
the contract (a good one passes, each broken one is caught), msmtp against the SMTP sink, and
the send scenarios against briefs_fake_send.py, all without portico."""

from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import hashlib
import html
import re
import sys
from email.headerregistry import Address
from email.message import EmailMessage
from pathlib import Path

import portal_crypto as pc
from briefs_content import Content, load, message_id
from briefs_delivery import Sink, pipe_to_msmtp
from briefs_feeds import check_calendar, check_feed
from briefs_mail import FORMAT, FROM, HTML, LINKS, MSGID, STRUCTURE, TO, check_mail_tree, check_message
from briefs_send import send_scenarios
from scenarios import Report

DAY = dt.date(2026, 11, 26)
FILES = {
    "program.yml": """name: Sample Portal
base_url: https://portal.example/p/
team:
  - {id: tess, name: Tess Ng, email: tess@portal.example}
  - {id: omar, name: Omar Haddad, email: omar@portal.example}
tiers: [{id: gold, name: Gold}]
""",
    "partners/acme.yml": "name: Acme\nkind: referral\ntier: gold\nstatus: active\nmanager: omar\ncontacts:\n"
                         "  - {name: Alice Moreau, role: Lead, email: alice@acme.example}\n"
                         "  - {name: Kim Ode, role: Ops, email: kim@acme.example}\n",
    "partners/bridge.yml": "name: Bridge\nkind: integration\ntier: gold\nstatus: active\ncontacts:\n"
                           "  - {name: Zoë Brandt, role: CTO, email: zoe@bridge.example}\n",
    "partners/old.yml": "name: Old\nkind: referral\ntier: gold\nstatus: retired\nmanager: tess\ncontacts:\n"
                        "  - {name: Dan Old, role: Owner, email: dan@old.example}\n",
    "briefs/2026-10.md": "---\nmonth: 2026-10\ntitle: October\nsummary: Oct.\nvisibility: public\n---\nBody\n",
    "briefs/2026-11.md": "---\nmonth: 2026-11\ntitle: \"November: café, peak season\"\nsummary: Nov.\n"
                         "visibility: public\n---\nBody\n",
    "briefs/2026-09.md": "---\nmonth: 2026-09\ntitle: September\nsummary: Sep.\n---\nBody\n",
    "briefs/2026-12.md": "---\nmonth: 2026-12\ntitle: December\nsummary: Dec.\nvisibility: public\ndraft: true\n---\n",
    "campaigns.yml": """campaigns:
  - id: webinars
    name: Peak-season readiness webinars, with a name long enough to need folding in iCalendar
    starts: 2026-12-01
    ends: 2026-12-18
    summary: Two sessions; one for consultants.
    link: https://example.com/webinars
    visibility: public
  - id: kit
    name: Co-marketing kit
    starts: 2026-12-05
    ends: 2026-12-05
    summary: A kit.
    link: how-to-refer
    visibility: public
  - id: connector
    name: Connector launch
    starts: 2027-01-10
    ends: 2027-01-12
    summary: For integrations.
    for: [integration]
""",
    "assets/how-to-refer.md": "---\ntitle: How to refer\n---\nText\n",
}


def sample_content(folder: Path) -> Content:
    for rel, text in FILES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    return load(folder)


def sample_keys(content: Content) -> dict[str, str]:
    people = [c.email for p in content.active_partners() for c in p.contacts] + [t.email for t in content.team.values()]
    return {e: pc.b64(hashlib.sha256(e.encode()).digest()[:16]) for e in people}


# --- Samples written from the contract ----------------------------------------------------------

def sample_message(content: Content, month: str, partner_id: str, addr: str, keys: dict[str, str],
                   *, sender: str | None = None, extra_html: str = "", html_only: bool = False) -> bytes:
    partner = content.partners[partner_id]
    person = next(c for c in partner.contacts if c.email == addr)
    brief = next(b for b in content.briefs if b.month == month)
    manager = content.manager_of(partner)
    own = f"#k={keys[addr]}"
    msg = EmailMessage(policy=email_policy())
    msg["From"] = Address(manager.name, addr_spec=sender or manager.email)
    msg["To"] = Address(person.name, addr_spec=person.email)
    msg["Subject"] = f"{brief.title} · {content.name}"
    msg["Date"] = email.utils.format_datetime(dt.datetime(int(month[:4]), int(month[5:]), 1, 9, tzinfo=dt.timezone.utc))
    msg["Message-ID"] = message_id(month, partner_id, addr, content.host)
    msg["List-Unsubscribe"] = f"<mailto:{manager.email}?subject=unsubscribe>"
    page = f"{content.base_url}partners/x/briefs/{month}/"
    body = (f'<!doctype html><html><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">'
            f'<style>@media (prefers-color-scheme: dark) {{ td {{ color: #eee; }} }}</style></head><body>'
            f'<table role="presentation"><tr><td style="padding:16px"><h1>{html.escape(brief.title)}</h1>'
            f'<img src="{content.base_url}static/logo.png" alt=""><p><a href="{page}{own}">Read it online</a></p>'
            f'{extra_html}</td></tr></table></body></html>')
    if html_only:
        msg.set_content(body, subtype="html", charset="utf-8", cte="quoted-printable")
    else:
        msg.set_content(f"{brief.title}\n\nRead it online: {page}{own}\n", charset="utf-8")
        msg.add_alternative(body, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes()


def email_policy():
    return email.policy.SMTP.clone(max_line_length=78)


def sample_feed(content: Content, months: list[str] | None = None, *, link: str | None = None,
                updated: str = "-01T00:00:00Z", cut: bool = False) -> bytes:
    briefs = {b.month: b for b in content.briefs}
    months = [b.month for b in content.public_briefs()] if months is None else months
    entries = "".join(
        f"<entry><id>tag:{content.host},{m[:4]}:briefs/{m}</id><title>{html.escape(briefs[m].title)}</title>"
        f'<link rel="alternate" href="{link if link is not None else content.base_url + "briefs/" + m + "/"}"/>'
        f"<updated>{m}{updated}</updated><summary>{html.escape(briefs[m].summary)}</summary></entry>"
        for m in months)
    text = (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<id>{content.base_url}briefs/</id><title>{content.name} briefs</title>"
            f'<link rel="self" href="{content.base_url}briefs/feed.xml"/><updated>2026-11-01T00:00:00Z</updated>'
            f"<author><name>{content.name}</name></author>{entries}</feed>\n")
    return text.encode("utf-8")[: -40 if cut else None]


def fold(line: str) -> bytes:
    """RFC 5545 folding at 75 octets, never inside a UTF-8 sequence."""
    out, current = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not out else 74):
            out.append(current)
            current = b""
        current += b
    return b"\r\n ".join(out + [current]) + b"\r\n"


def ics_text(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def sample_calendar(content: Content, *, shift_end: int = 1, folding: bool = True, newline: bytes = b"\r\n",
                    extra: list | None = None) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Portico//Briefs//EN", "CALSCALE:GREGORIAN"]
    for c in content.public_campaigns() + (extra or []):
        url = c.link if str(c.link).startswith("https://") else f"{content.base_url}assets/{c.link}/"
        lines += ["BEGIN:VEVENT", f"UID:campaign-{c.id}@{content.host}", f"DTSTAMP:{DAY:%Y%m%d}T000000Z",
                  f"DTSTART;VALUE=DATE:{c.starts:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{c.ends + dt.timedelta(days=shift_end):%Y%m%d}",
                  f"SUMMARY:{ics_text(c.name)}", f"DESCRIPTION:{ics_text(c.summary)}", f"URL:{url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    data = b"".join(fold(x) if folding else x.encode() + b"\r\n" for x in lines)
    return data.replace(b"\r\n", newline)


# --- The self-test ------------------------------------------------------------------------------

def caught(r: Report, what: str, checks: dict[str, list[str]], name_part: str) -> None:
    hit = [n for n, p in checks.items() if p and name_part in n]
    r.check(f"selfmade: the check catches {what}", bool(hit),
            f"no failure in a check named like {name_part!r}: {[(n, p) for n, p in checks.items() if p]}")


def clean(r: Report, what: str, checks: dict[str, list[str]]) -> None:
    bad = {n: p for n, p in checks.items() if p}
    r.check(f"selfmade: {what} passes every check", not bad, str(bad)[:800])


def selfmade(r: Report, tmp: Path, work: Path) -> None:
    content = sample_content(tmp / "project/content")
    keys = sample_keys(content)
    base = content.base_url
    r.check("selfmade: the content reader finds 3 published briefs newest first, 2 public campaigns, 3 mails a brief",
            [b.month for b in content.briefs if not b.draft] == ["2026-11", "2026-10", "2026-09"]
            and [c.id for c in content.public_campaigns()] == ["webinars", "kit"]
            and len(content.expected_mail()) == 9 and content.manager_of(content.partners["bridge"]).email
            == "tess@portal.example", str(content)[:600])

    clean(r, "a good feed", check_feed(sample_feed(content), base, content.public_briefs()))
    caught(r, "a feed that is cut short", check_feed(sample_feed(content, cut=True), base, content.public_briefs()), "Atom 1.0")
    caught(r, "feed entries oldest first",
           check_feed(sample_feed(content, ["2026-10", "2026-11"]), base, content.public_briefs()), "newest first")
    caught(r, "a partners brief in the feed",
           check_feed(sample_feed(content, ["2026-11", "2026-10", "2026-09"]), base, content.public_briefs()), "exactly")
    caught(r, "a relative entry link", check_feed(sample_feed(content, link="../briefs/x/"), base, content.public_briefs()),
           "absolute link")
    caught(r, "an entry updated at noon",
           check_feed(sample_feed(content, updated="-01T12:00:00Z"), base, content.public_briefs()), "updated")

    public = content.public_campaigns()
    clean(r, "a good calendar", check_calendar(sample_calendar(content), base, DAY, public, content.assets))
    caught(r, "LF line ends in a calendar",
           check_calendar(sample_calendar(content, newline=b"\n"), base, DAY, public, content.assets), "CRLF")
    caught(r, "an unfolded long calendar line",
           check_calendar(sample_calendar(content, folding=False), base, DAY, public, content.assets), "75 octets")
    caught(r, "DTEND = ends (not ends + 1 day)",
           check_calendar(sample_calendar(content, shift_end=0), base, DAY, public, content.assets), "dates")
    caught(r, "a campaign that is not public in the public calendar",
           check_calendar(sample_calendar(content, extra=[content.campaigns[2]]), base, DAY, public, content.assets),
           "exactly")

    messages(r, content, keys, tmp / "project")
    delivery(r, content, tmp / "project", work)


def messages(r: Report, content: Content, keys: dict[str, str], project: Path) -> None:
    rel = "mail/2026-11/acme/alice@acme.example.eml"

    def one(**kw) -> dict[str, list[str]]:
        return check_message(sample_message(content, "2026-11", "acme", "alice@acme.example", keys, **kw), rel,
                             content, keys)

    clean(r, "a good message", one())
    good = sample_message(content, "2026-11", "acme", "alice@acme.example", keys)
    for what, data, name in [
        ("LF line ends in a message", good.replace(b"\r\n", b"\n"), FORMAT),
        ("a raw UTF-8 Subject", re.sub(rb"Subject: [^\r]*", "Subject: Café · x".encode(), good), FORMAT),
        ("a message to another contact", good, TO),
        ("a wrong Message-ID", good.replace(b"Message-ID: <brief-", b"Message-ID: <news-"), MSGID),
    ]:
        path = "mail/2026-11/acme/kim@acme.example.eml" if name == TO else rel
        caught(r, what, check_message(data, path, content, keys), name)
    caught(r, "a message from someone other than the manager", one(sender="tess@portal.example"), FROM)
    caught(r, "an HTML-only message", one(html_only=True), STRUCTURE)
    caught(r, "a <script> in the HTML", one(extra_html="<script>x()</script>"), HTML)
    caught(r, "an image from elsewhere", one(extra_html='<img src="https://tracker.example/p.gif">'), HTML)
    caught(r, "another contact's key in a link",
           one(extra_html=f'<a href="{content.base_url}#k={keys["kim@acme.example"]}">x</a>'), LINKS)
    caught(r, "a portal link without the key", one(extra_html=f'<a href="{content.base_url}assets/">x</a>'), LINKS)
    caught(r, "a relative link", one(extra_html='<a href="/refer/">refer</a>'), LINKS)

    for path in content.expected_mail():
        _, pid, addr = path[:-4].split("/", 3)[1:]
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_bytes(sample_message(content, path.split("/")[1], pid, addr, keys))
    clean(r, "a good mail folder", check_mail_tree(project, content, keys))
    (project / "mail/2026-10/acme/kim@acme.example.eml").rename(project / "kim.eml")
    caught(r, "a missing message", check_mail_tree(project, content, keys), "mail folder holds")
    (project / "kim.eml").rename(project / "mail/2026-10/acme/kim@acme.example.eml")


def delivery(r: Report, content: Content, project: Path, work: Path) -> None:
    """msmtp to the sink by hand, then the send scenarios against the stand-in for portico send."""
    files = sorted((project / "mail/2026-11").rglob("*.eml"))
    with Sink(work) as sink:
        procs = [pipe_to_msmtp(sink, f.read_bytes()) for f in files]
        arrived = sink.handler.snapshot()
        r.check("selfmade: msmtp -C conf -t delivers each message to the sink, to its To address, unchanged",
                all(p.returncode == 0 for p in procs) and len(arrived) == len(files)
                and all(a.data.rstrip(b"\r\n") == f.read_bytes().rstrip(b"\r\n") and a.rcpts == [f.stem]
                        for a, f in zip(arrived, files)),
                f"exits {[p.returncode for p in procs]}, {len(arrived)} arrived; {procs[0].stderr[-300:]!r}")
        sink.handler.reset(refuse_after=0)
        proc = pipe_to_msmtp(sink, files[0].read_bytes())
        r.check("selfmade: msmtp exits non-zero when the sink refuses, and nothing arrives",
                proc.returncode != 0 and not sink.handler.snapshot() and sink.handler.refused > 0,
                f"exit {proc.returncode}, {len(sink.handler.snapshot())} arrived")
    fake = work / "fake-portico"
    fake.write_text(f"#!/bin/sh\nexec '{sys.executable}' '{Path(__file__).with_name('briefs_fake_send.py')}' \"$@\"\n",
                    encoding="utf-8")
    fake.chmod(0o755)
    send_scenarios(r, fake, project, content, "2026-11", work)
