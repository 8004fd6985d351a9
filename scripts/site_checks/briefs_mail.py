"""The brief emails of the mail folder (mail/YYYY-MM/<partner>/<email>.eml), read with Python's
email package (policy.default) and checked against the contract: the set of files, the
headers, the MIME structure, the HTML part and each contact's own key in the portal links."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import html
import html.parser
import re
from pathlib import Path

from briefs_content import Content, message_id

Checks = dict[str, list[str]]

FORMAT = "RFC 5322 with CRLF line ends, ASCII headers (RFC 2047 words), lines of at most 998 octets, MIME-Version 1.0"
STRUCTURE = "multipart/alternative: text/plain then text/html (quoted-printable), both charset utf-8"
HEADERS = "From, To, Subject, Date, Message-ID and List-Unsubscribe <mailto:...>, once each"
TO = "To is the contact the file is named after, a contact of that partner"
FROM = "From is the partner's manager (name and email), or the program's first team member"
SUBJECT_DATE = "Subject has the brief's title and the program's name; Date is the 1st of the month 09:00 +0000"
MSGID = "Message-ID is <brief-YYYY-MM.<partner>.<12 hex of sha256(email)>@<host>>"
HTML = ("the HTML part is under 100 KB, a table layout with inline styles: no <script>, no <link>, images only "
        "from base_url, a color-scheme meta and a prefers-color-scheme: dark style")
LINKS = ("every link is absolute, every portal link ends with the contact's own #k= key, "
         "and no other person's key appears")
PER_MESSAGE = [FORMAT, STRUCTURE, HEADERS, TO, FROM, SUBJECT_DATE, MSGID, HTML, LINKS]
URL_IN_TEXT = re.compile(r"https?://[^\s<>()\"']+")


class _Tags(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of <style> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def parse_path(rel: str) -> tuple[str, str, str] | None:
    """(month, partner id, email) of mail/YYYY-MM/<partner>/<email>.eml."""
    m = re.fullmatch(r"mail/(\d{4}-\d{2})/([^/]+)/([^/]+)\.eml", rel)
    return (m.group(1), m.group(2), m.group(3)) if m else None


def decoded_parts(msg) -> tuple[str, str]:
    """(plain text, HTML) of a message, '' for a part that is missing or unreadable."""
    plain = body = ""
    for part in msg.walk():
        try:
            if part.get_content_type() == "text/plain" and not plain:
                plain = part.get_content()
            elif part.get_content_type() == "text/html" and not body:
                body = part.get_content()
        except (LookupError, ValueError):
            pass
    return plain, body


def readable_text(data: bytes) -> str:
    """What a reader sees of a message: both parts decoded, HTML references turned to text."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    plain, body = decoded_parts(msg)
    return plain + "\n" + html.unescape(body) + "\n" + str(msg.get("Subject", ""))


def _format(data: bytes, msg) -> list[str]:
    p = []
    if re.search(rb"(?<!\r)\n", data) or re.search(rb"\r(?!\n)", data):
        p.append("line ends other than CRLF")
    head = data.split(b"\r\n\r\n", 1)[0]
    if any(b > 0x7F for b in head):
        p.append("non-ASCII bytes in the header (want RFC 2047 encoded-words)")
    long = [n for n, line in enumerate(data.split(b"\r\n"), 1) if len(line) > 998]
    if long:
        p.append(f"line {long[0]} is over 998 octets")
    if str(msg.get("MIME-Version", "")).strip() != "1.0":
        p.append(f"MIME-Version {msg.get('MIME-Version')!r}")
    defects = [type(d).__name__ for part in msg.walk() for d in part.defects]
    if defects:
        p.append(f"parser defects {sorted(set(defects))}")
    return p


def _structure(msg) -> list[str]:
    if msg.get_content_type() != "multipart/alternative":
        return [f"{msg.get_content_type()}, want multipart/alternative"]
    parts = list(msg.iter_parts())
    types = [x.get_content_type() for x in parts]
    p = [] if types == ["text/plain", "text/html"] else [f"parts {types}, want text/plain then text/html"]
    for x in parts:
        if x.get_content_charset() != "utf-8":
            p.append(f"{x.get_content_type()} charset {x.get_content_charset()!r}, want utf-8")
        if x.get_content_type() == "text/html" and x.get("Content-Transfer-Encoding", "").lower() != "quoted-printable":
            p.append(f"text/html Content-Transfer-Encoding {x.get('Content-Transfer-Encoding')!r}")
    return p


def _headers(msg) -> list[str]:
    p = []
    for name in ("From", "To", "Subject", "Date", "Message-ID", "List-Unsubscribe"):
        n = len(msg.get_all(name) or [])
        if n != 1:
            p.append(f"{n} {name} headers")
    unsub = str(msg.get("List-Unsubscribe", ""))
    if unsub and not re.fullmatch(r"<mailto:[^<>\s]+>(\s*,\s*<[^<>\s]+>)*", unsub.strip()):
        p.append(f"List-Unsubscribe {unsub!r}, want <mailto:...>")
    return p


def _address(msg, name: str) -> tuple[str, str] | None:
    try:
        addresses = msg[name].addresses if msg[name] is not None else ()
    except (AttributeError, ValueError, IndexError):
        return None
    return (addresses[0].display_name, addresses[0].addr_spec.lower()) if len(addresses) == 1 else None


def _html(body: str, base_url: str) -> list[str]:
    p = []
    size = len(body.encode("utf-8"))
    if size >= 100 * 1024:
        p.append(f"{size} bytes")
    low = body.lower()
    for bad in ("<script", "<link"):
        if bad in low:
            p.append(f"has {bad}>")
    tags = _Tags()
    tags.feed(body)
    tags.close()
    if not any(t == "table" for t, _ in tags.tags) or not any("style" in a for _, a in tags.tags):
        p.append("no <table> layout with inline style attributes")
    outside = [a["src"] for _, a in tags.tags if "src" in a and not a["src"].startswith(base_url)]
    outside += [u for u in re.findall(r"url\(\s*['\"]?([^'\")]+)", body) if not u.startswith(base_url)]
    if outside:
        p.append(f"images from outside {base_url}: {outside[:3]}")
    if not any(t == "meta" and a.get("name", "").lower() == "color-scheme" for t, a in tags.tags):
        p.append("no <meta name=color-scheme>")
    if not re.search(r"prefers-color-scheme\s*:\s*dark", " ".join(tags.styles)):
        p.append("no prefers-color-scheme: dark style")
    return p


def _links(data: bytes, plain: str, body: str, base_url: str, own: str | None, others: list[str]) -> list[str]:
    p = []
    tags = _Tags()
    tags.feed(body)
    tags.close()
    relative = [a[k] for _, a in tags.tags for k in ("href", "src")
                if k in a and not re.match(r"(https?|mailto):|#", a[k])]
    relative += [u for u in re.findall(r"<(\.{0,2}/[^<>\s]*)>", plain)]
    if relative:
        p.append(f"{len(relative)} relative links (they lead nowhere in a mail reader), such as {relative[:3]}")
    hrefs = [a["href"] for t, a in tags.tags if "href" in a and a["href"].startswith(base_url)]
    texts = [u.rstrip(".,;:!?") for u in URL_IN_TEXT.findall(plain) if u.startswith(base_url)]
    if not hrefs:
        p.append("the HTML part has no link to the portal")
    if own is not None:
        wrong = [u for u in hrefs + texts if not u.endswith(f"#k={own}")]
        if wrong:
            p.append(f"{len(wrong)} portal links without the contact's own key, such as {wrong[0]!r}")
        seen = data.decode("ascii", "replace") + plain + body
        leaked = [k for k in others if k in seen]
        if leaked:
            p.append(f"{len(leaked)} other people's keys appear, such as {leaked[0]!r}")
    return p


def check_message(data: bytes, rel: str, content: Content, keys: dict[str, str] | None) -> Checks:
    """The per-message checks of one file. keys: each person's key (the 22 characters after
    #k=) by email, or None for a build without encryption."""
    out: Checks = {name: [] for name in PER_MESSAGE}
    where = parse_path(rel)
    msg = email.message_from_bytes(data, policy=email.policy.default)
    out[FORMAT] = _format(data, msg)
    out[STRUCTURE] = _structure(msg)
    out[HEADERS] = _headers(msg)
    if where is None:
        out[TO].append(f"{rel} is not named mail/YYYY-MM/<partner>/<email>.eml")
        return out
    month, pid, addr = where
    partner = content.partners.get(pid)
    to = _address(msg, "To")
    if to is None or to[1] != addr.lower():
        out[TO].append(f"To {msg.get('To')!r}, want {addr}")
    if partner is None or addr.lower() not in [c.email for c in partner.contacts]:
        out[TO].append(f"{addr} is not a contact of partner {pid!r}")
    if partner is not None:
        manager = content.manager_of(partner)
        if _address(msg, "From") != (manager.name, manager.email):
            out[FROM].append(f"From {msg.get('From')!r}, want {manager.name} <{manager.email}>")
    brief = next((b for b in content.briefs if b.month == month), None)
    subject = str(msg.get("Subject", ""))
    if brief is None or brief.title not in subject or content.name not in subject:
        out[SUBJECT_DATE].append(f"Subject {subject!r}, want the title {brief.title if brief else '?'!r} "
                                 f"and {content.name!r}")
    want_date = dt.datetime(int(month[:4]), int(month[5:]), 1, 9, 0, tzinfo=dt.timezone.utc)
    raw_date = str(msg.get("Date", ""))
    try:
        ok = email.utils.parsedate_to_datetime(raw_date) == want_date and raw_date.endswith("+0000")
    except (TypeError, ValueError):
        ok = False
    if not ok:
        out[SUBJECT_DATE].append(f"Date {raw_date!r}, want {email.utils.format_datetime(want_date)}")
    want_id = message_id(month, pid, addr.lower(), content.host)
    if str(msg.get("Message-ID", "")).strip() != want_id:
        out[MSGID].append(f"Message-ID {msg.get('Message-ID')!r}, want {want_id}")
    plain, body = decoded_parts(msg)
    out[HTML] = _html(body, content.base_url)
    own = keys.get(addr.lower()) if keys is not None else None
    if keys is not None and own is None:
        out[LINKS].append(f"portico links --json gives no key for {addr}")
    others = [k for e, k in (keys or {}).items() if e != addr.lower() and k != own]
    out[LINKS] += _links(data, plain, body, content.base_url, own, others)
    return out


def mail_files(root: Path) -> dict[str, bytes]:
    """Every file below root/mail, by its path relative to root, but for the build's marker
    (.portico-site, as in site/) and other hidden files."""
    mail = root / "mail"
    return {f.relative_to(root).as_posix(): f.read_bytes() for f in sorted(mail.rglob("*"))
            if f.is_file() and not f.name.startswith(".")} if mail.is_dir() else {}


def check_mail_tree(root: Path, content: Content, keys: dict[str, str] | None) -> Checks:
    """The whole mail folder of a project built in root."""
    files = mail_files(root)
    want = content.expected_mail()
    out: Checks = {}
    extra, missing = sorted(set(files) - set(want)), sorted(set(want) - set(files))
    out["the mail folder holds one message per contact of each partner not retired, per published "
        "public or partners brief"] = ([f"{len(extra)} unexpected, such as {extra[:3]}"] if extra else []) \
        + ([f"{len(missing)} missing, such as {missing[:3]}"] if missing else [])
    results = {rel: check_message(data, rel, content, keys) for rel, data in files.items() if rel.endswith(".eml")}
    for name in PER_MESSAGE:
        bad = [f"{rel}: {'; '.join(r[name])}" for rel, r in results.items() if r[name]]
        out[f"every message: {name}"] = ([f"{len(bad)} of {len(results)} messages"] + bad[:3]) if bad else []
    ids: dict[str, list[str]] = {}
    for rel, data in files.items():
        mid = str(email.message_from_bytes(data, policy=email.policy.default).get("Message-ID", "")).strip()
        ids.setdefault(mid, []).append(rel)
    dupes = {m: r for m, r in ids.items() if len(r) > 1}
    out["Message-IDs are unique across the mail folder"] = [f"{m}: {r[:3]}" for m, r in list(dupes.items())[:3]]
    out["a partner's messages name no campaign meant for other partners or the team, and no team story"] = \
        campaign_leaks(files, content)
    return out


def campaign_leaks(files: dict[str, bytes], content: Content) -> list[str]:
    """Campaign names in a message that its partner should not see (unless the brief's own
    text names the campaign)."""
    problems = []
    for rel, data in files.items():
        where = parse_path(rel)
        partner = content.partners.get(where[1]) if where else None
        brief = next((b for b in content.briefs if where and b.month == where[0]), None)
        if partner is None or brief is None:
            continue
        text = readable_text(data)
        for c in content.campaigns:
            hidden = c.visibility == "team" or not content.campaign_for(c, partner)
            if hidden and c.name in text and c.name not in brief.body:
                problems.append(f"{rel}: names {c.id!r} ({'team' if c.visibility == 'team' else 'not for ' + partner.id})")
        for s in content.stories:
            if s.visibility == "team" and s.title in text and s.title not in brief.body:
                problems.append(f"{rel}: shows the team story {s.id!r}")
    return problems[:5]
