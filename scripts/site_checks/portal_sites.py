"""The portals the private-portal test runs on: one built by portico from a fixture, or one made
by portal_crypto.py (the reference implementation of docs/security.md) with the page script
alone; and the reference's byte-for-byte check of what the build wrote."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import portal_crypto as pc
from scenarios import Report

REPO = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
# Set by the test's command line: the page script of a selfmade site, a theme folder for builds.
UNLOCK_JS = REPO / "templates/static/unlock.js"


@dataclass
class Person:
    email: str
    partner: str | None
    team: bool
    page: str  # the link's page, relative to the site root, as the link writes it
    key: str  # the 22 characters after #k=
    name: str = ""


@dataclass
class Portal:
    """A built site and what the scenarios need to know about it."""
    site: Path
    secret: bytes | None
    people: dict[str, Person]  # by email; `portico links` gives one partner per person
    epochs: dict[str, int]  # from portico-access.json; a missing person is at 0
    partner_name: str  # the name of partner acme, shown on its page
    partner_page: str  # acme's page, relative to the site root
    library_page: str  # a page sealed for group partners
    contact: str  # an acme contact who stays
    removed: str  # an acme contact who is removed from the YAML
    other: str  # a contact of another partner
    partner_names: dict[str, str] = field(default_factory=dict)  # by partner id, for reader cards
    rebuild: Callable[[], Path | None] = field(repr=False, default=lambda: None)
    # A later build with one more asset (title, review date); None where the portal cannot.
    add_asset: Callable[[], tuple[Path, str] | None] | None = field(repr=False, default=None)


# --- The two ways to get a site ---------------------------------------------------------

SHELL = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<script src="{root}static/unlock.js" defer></script>
</head>
<body>
<main id="main">
{body}
{sealed}
</main>
</body>
</html>
"""
MESSAGE = ('<div id="portico-message" role="status" data-no-key="No key: open this page with your personal link."'
           ' data-incomplete="This link is incomplete: copy the whole link from your email."'
           ' data-ended="Access with this link has ended: ask your partner manager for a new one."'
           ' data-other="Your link does not open this page."'
           ' data-from-disk="Opened from disk: private pages open only from the web address."'
           ' data-failed="The page could not be opened: reload to try again.">\n'
           '<h1>Private page</h1>\n<p data-portico-text>This page is private: open it with your personal link,'
           ' with JavaScript on.</p>\n<p><a href="{root}index.html">Home</a></p>\n</div>')
SELF_PEOPLE = [  # email, name, partner (None: team)
    ("alice@acme.example", "Alice Moreau", "acme"),
    ("kim@acme.example", "Kim Ode", "acme"),
    ("bob@bridge.example", "Bob Brandt", "bridge"),
    ("dana@fixture.example", "Dana Ruiz", None),
]
SELF_PARTNERS = {"acme": "Acme Consulting", "bridge": "Bridge Ledger"}


def groups_of(people: dict[str, tuple[str | None, bool]], epochs: dict[str, int]) -> dict[str, dict[str, int]]:
    """Group members as docs/security.md defines them, from (partner, team) per email."""
    team = {e: epochs.get(e, 0) for e, (_, t) in people.items() if t}
    groups = {"partners": {e: epochs.get(e, 0) for e in people}, "team": team}
    for partner in sorted({p for p, _ in people.values() if p}):
        groups[f"partner:{partner}"] = {**{e: epochs.get(e, 0) for e, (p, _) in people.items() if p == partner},
                                        **team}
    return groups


def write_selfmade(site: Path, secret: bytes, people: list[tuple[str, str, str | None]]) -> list[dict]:
    """A small site in the shape the build will write; returns its links, as `portico links
    --json` prints them."""
    if site.exists():
        shutil.rmtree(site)
    (site / "static").mkdir(parents=True)
    (site / "keys").mkdir()
    shutil.copy(UNLOCK_JS, site / "static/unlock.js")
    members = {e: (p, p is None) for e, _, p in people}
    groups = groups_of(members, {})

    def page(rel: str, title: str, main: str, group: str | None) -> None:
        depth = rel.count("/")
        if group is None:
            text = SHELL.format(title=title, root="../" * depth, body=main, sealed="")
        else:
            sealed = pc.sealed_page_json(secret, group, rel, title, main, members=groups[group])
            text = SHELL.format(title="Private page · Fixture Partner Portal", root="../" * depth,
                                body=MESSAGE.replace("{root}", "../" * depth),
                                sealed=f'<script type="application/json" id="portico-sealed">{sealed}</script>')
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")

    page("index.html", "Fixture Partner Portal", "<h1>Fixture Partner Portal</h1>\n<p>Welcome, partners.</p>", None)
    page("404.html", "Not found", "<h1>Not found</h1>", None)
    page("library/index.html", "Library · Fixture Partner Portal",
         '<h1>Library</h1>\n<p>Every <a href="../index.html">asset</a> for partners.</p>', "partners")
    for pid, name in SELF_PARTNERS.items():
        contacts = "".join(f"<li>{n} &lt;{e}&gt;</li>" for e, n, p in people if p == pid)
        page(f"partners/{pc.partner_path_segment(secret, pid)}/index.html", f"{name} · Fixture Partner Portal",
             f'<h1>{name}</h1>\n<p>Café “crème” ✓</p>\n' + "<p>Enablement notes.</p>\n" * 40
             + f'<h2 id="contacts">Contacts</h2>\n<ul>{contacts}</ul>\n' + "<p>More notes.</p>\n" * 20,
             f"partner:{pid}")
    links = []
    for email, name, partner in people:
        mine = {g: m for g, m in groups.items() if email in m}
        pkey = pc.person_key(secret, email, 0)
        segment = pc.partner_path_segment(secret, partner) if partner else None
        card = pc.reader_card(name, SELF_PARTNERS.get(partner or ""), segment)
        (site / pc.key_file_name(pkey)).write_text(pc.key_file_json(secret, email, 0, mine, card), encoding="utf-8")
        target = f"partners/{pc.partner_path_segment(secret, partner)}/" if partner else ""
        links.append({"email": email, "name": name, "partner": partner, "team": partner is None,
                      "url": target + pc.link_fragment(pkey)})
    return links


def selfmade_portal(tmp: Path) -> Portal:
    secret = hashlib.sha256(b"check-private-portal selfmade").digest()
    site = tmp / "site"
    links = write_selfmade(site, secret, SELF_PEOPLE)
    portal = portal_from_links(site, secret, links, root_path="/")
    portal.partner_name = SELF_PARTNERS["acme"]
    portal.partner_names = dict(SELF_PARTNERS)
    portal.contact, portal.removed, portal.other = "alice@acme.example", "kim@acme.example", "bob@bridge.example"

    def rebuild() -> Path:
        site2 = tmp / "site-2"
        write_selfmade(site2, secret, [p for p in SELF_PEOPLE if p[0] != portal.removed])
        return site2
    portal.rebuild = rebuild
    return portal


TEMPLATES: Path | None = None  # --templates: a theme folder instead of the binary's built-in copy


def portico_build(r: Report, portico: Path, tmp: Path, out: str, date: str = DATE) -> bool:
    cmd = [str(portico), "build", "--date", date, "--content", str(tmp / "content"), "--output", str(tmp / out)]
    if TEMPLATES is not None:
        cmd += ["--templates", str(TEMPLATES)]
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}  # the secret file in tmp, not CI's
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)
    output = (proc.stdout + proc.stderr)[-3000:]
    return r.check(f"portico build --output {out}", proc.returncode == 0, f"exit {proc.returncode}\n{output}")


def portico_links(r: Report, portico: Path, tmp: Path) -> list[dict] | None:
    cmd = [str(portico), "links", "--json", "--content", str(tmp / "content")]
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL, env=env)
    links, problem = None, ""
    if proc.returncode != 0:
        problem = f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip()[-500:]}"
    else:
        try:
            links = json.loads(proc.stdout)
            usable = isinstance(links, list) and links and all(
                isinstance(x, dict) and {"email", "team", "url"} <= set(x) for x in links)
            if not usable:
                links, problem = None, f"not a list of {{email, name, partner, team, url}}: {proc.stdout[:300]!r}"
        except ValueError as e:
            problem = f"not JSON ({e}): {proc.stdout[:300]!r}"
    if not r.check("portico links --json gives everyone's link", links is not None,
                   f"portico links not available ({problem})"):
        return None
    keys = {"email", "name", "partner", "team", "url"}
    odd = [f"{x.get('email')}: {sorted(set(x) ^ keys)}" for x in links if set(x) != keys]
    r.check("portico links --json: each entry has exactly email, name, partner (null for the team), team, url",
            not odd, "; ".join(odd[:3]))
    return links


def fixture_portal(r: Report, portico: Path, fixture: Path, tmp: Path) -> Portal | None:
    import yaml  # in the venv of scripts/check-site

    shutil.copytree(fixture, tmp, dirs_exist_ok=True)
    if not portico_build(r, portico, tmp, "site"):
        return None
    links = portico_links(r, portico, tmp)
    if links is None:
        return None
    secret_file = tmp / "portico-secret.key"
    secret = None
    if r.check("the build wrote portico-secret.key (mode 0600)", secret_file.is_file()
               and secret_file.stat().st_mode & 0o077 == 0, "missing or readable by others"):
        try:
            secret = pc.parse_secret_file(secret_file.read_text(encoding="utf-8"))
        except ValueError as e:
            r.check("portico-secret.key is 'portico-secret-v1:' + 64 hex digits + LF", False, str(e))
    program = yaml.safe_load((tmp / "content/program.yml").read_text(encoding="utf-8"))
    root_path = urllib.parse.urlsplit(program.get("base_url") or "/").path or "/"
    portal = portal_from_links(tmp / "site", secret, links, root_path)
    access = tmp / "portico-access.json"
    if access.is_file():
        portal.epochs = pc.epochs_from_access(json.loads(access.read_text(encoding="utf-8")), list(portal.people))
    acme_file = tmp / "content/partners/acme.yml"
    acme = yaml.safe_load(acme_file.read_text(encoding="utf-8"))
    portal.partner_name = acme["name"]
    for partner_file in sorted((tmp / "content/partners").glob("*.yml")):
        data = yaml.safe_load(partner_file.read_text(encoding="utf-8")) or {}
        portal.partner_names[data.get("id") or partner_file.stem] = data.get("name", "")
    acme_contacts = [pc.normalized_email(c["email"]) for c in acme["contacts"]]
    portal.contact, portal.removed = acme_contacts[0], acme_contacts[1]
    portal.other = next((e for e, p in portal.people.items() if p.partner not in (None, "acme")), "")

    def rebuild() -> Path | None:
        text = acme_file.read_text(encoding="utf-8")
        start = text.index("  - name: Kim Ode\n")
        end = text.index("email: kim@acme.example\n", start) + len("email: kim@acme.example\n")
        acme_file.write_text(text[:start] + text[end:], encoding="utf-8")
        return tmp / "site-2" if portico_build(r, portico, tmp, "site-2") else None
    portal.rebuild = rebuild

    def add_asset() -> tuple[Path, str] | None:
        """Three days later, one more asset for referral partners, reviewed the day before."""
        title = "Yard audit checklist"
        (tmp / "content/assets/yard-audit.md").write_text(
            f"---\ntitle: {title}\nkind: guide\nsummary: What to look at on a first site visit.\nowner: omar\n"
            "reviewed: 2026-11-27\nfor: [referral]\n---\n## Before you go\n\nAsk for the yard map.\n", encoding="utf-8")
        built = portico_build(r, portico, tmp, "site-3", date="2026-11-28")
        (tmp / "content/assets/yard-audit.md").unlink()
        return (tmp / "site-3", title) if built else None
    portal.add_asset = add_asset
    return portal


def portal_from_links(site: Path, secret: bytes | None, links: list[dict], root_path: str) -> Portal:
    people = {}
    for link in links:
        page, _, fragment = link["url"].partition("#")
        path = urllib.parse.urlsplit(page).path
        if urllib.parse.urlsplit(page).scheme:  # absolute: drop the site root's path
            path = path[len(root_path):] if path.startswith(root_path) else path.lstrip("/")
        people[link["email"]] = Person(link["email"], link.get("partner"), bool(link.get("team")), path,
                                       fragment[2:] if fragment.startswith("k=") else "", link.get("name", ""))
    partner_page = library_page = ""
    if secret is not None:
        partner_page = f"partners/{pc.partner_path_segment(secret, 'acme')}/index.html"
        tag = pc.group_tag(secret, "partners")
        sealed = [p for p, g in sealed_pages(site).items() if g == tag]
        library_page = "library/index.html" if "library/index.html" in sealed else (sealed[0] if sealed else "")
    return Portal(site, secret, people, {}, "", partner_page, library_page, "", "", "")


def sealed_pages(site: Path) -> dict[str, str]:
    """Every sealed page of the site: its path and group tag."""
    out = {}
    for page in sorted(site.rglob("*.html")):
        text = pc.sealed_element_text(page.read_text(encoding="utf-8", errors="replace"))
        if text is not None:
            try:
                out[page.relative_to(site).as_posix()] = json.loads(text).get("group", "")
            except (ValueError, AttributeError):
                out[page.relative_to(site).as_posix()] = ""
    return out


# --- The Python reference against the build ---------------------------------------------

def check_reference(r: Report, portal: Portal, label: str) -> None:
    """Key files, page paths and sealed pages, rebuilt by portal_crypto.py, byte for byte."""
    site, secret = portal.site, portal.secret
    if secret is None:
        r.check(f"{label}: reference checks", False, "no secret to check the build with")
        return
    members = {e: (p.partner, p.team) for e, p in portal.people.items()}
    epochs = portal.epochs
    groups = groups_of(members, epochs)
    wrong, names = [], set()
    for email, person in portal.people.items():
        pkey = pc.person_key(secret, email, epochs.get(email, 0))
        if person.key != pc.b64(pkey):
            wrong.append(f"{email}: link key {person.key!r}, want {pc.b64(pkey)!r}")
        names.add(pc.key_file_name(pkey))
        path = site / pc.key_file_name(pkey)
        got = path.read_text(encoding="utf-8") if path.is_file() else None
        segment = None if person.team or not person.partner else pc.partner_path_segment(secret, person.partner)
        card = pc.reader_card(person.name, None if segment is None else portal.partner_names.get(person.partner),
                              segment)
        want = pc.key_file_json(secret, email, epochs.get(email, 0), {g: m for g, m in groups.items() if email in m},
                                card)
        if got != want:
            wrong.append(f"{email}: {pc.key_file_name(pkey)} is {got!r:.120}, want {want!r:.120}")
    r.check(f"{label}: every link key and key file is as portal_crypto.py makes it", not wrong, "; ".join(wrong[:4]))
    present = {p.relative_to(site).as_posix() for p in (site / "keys").glob("*")} if (site / "keys").is_dir() else set()
    r.check(f"{label}: keys/ holds exactly one key file per person", present == names,
            f"extra {sorted(present - names)[:3]}, missing {sorted(names - present)[:3]}")
    r.check(f"{label}: partner pages live at partners/<partner path segment>/",
            (site / portal.partner_page).is_file(), f"no {portal.partner_page}")
    tags = {pc.group_tag(secret, g): g for g in groups}
    pages, problems = sealed_pages(site), []
    for rel, tag in pages.items():
        group = tags.get(tag)
        if group is None:
            problems.append(f"{rel}: unknown group tag {tag!r}")
            continue
        reader = next((e for e in sorted(groups[group])), None)
        try:
            content, plaintext = pc.open_page(site, (site / rel).read_text(encoding="utf-8"),
                                              pc.person_key(secret, reader, epochs.get(reader, 0)))
        except Exception as e:  # noqa: BLE001
            problems.append(f"{rel}: {reader} cannot open it ({type(e).__name__}: {e})")
            continue
        if plaintext != pc.page_plaintext(content["title"], content["main"]):
            problems.append(f"{rel}: plaintext is not written as docs/security.md says: {plaintext[:120]!r}")
        ckey = pc.content_key(secret, group, groups[group])
        data = pc.unb64(json.loads(pc.sealed_element_text((site / rel).read_text(encoding="utf-8")))["data"])
        if data[:12] != pc.page_nonce(ckey, rel, plaintext):
            problems.append(f"{rel}: page nonce is not HKDF(C, 'page-nonce\\n{rel}\\n' + hex(SHA-256(plaintext)))")
        want = pc.sealed_page_json(secret, group, rel, content["title"], content["main"], ckey=ckey)
        if pc.sealed_element_text((site / rel).read_text(encoding="utf-8")) != want:
            problems.append(f"{rel}: the #portico-sealed element's text differs from the reference")
    r.check(f"{label}: portal_crypto.py opens all {len(pages)} sealed pages and seals them to the same bytes",
            bool(pages) and not problems, "; ".join(problems[:4]) or "no sealed page")
