"""What the briefs test expects, read straight from the content folder with PyYAML: the
program, its partners and contacts, the briefs' front matter and the campaigns (the content
format of the monthly-briefs contract, issue 9)."""

from __future__ import annotations

import datetime as dt
import hashlib
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import yaml  # in the venv of scripts/check-site

VISIBILITIES = ("public", "partners", "team")
# The monthly-briefs contract matches a campaign to a partner by kind and tier alone; docs/briefs.md
# adds "Partners whose status is `sunsetting` are shown no campaigns" (like their plain page, with
# no promotions), and the build does so. The test follows docs/briefs.md: True tests the
# contract's wording instead.
SUNSETTING_GETS_CAMPAIGNS = False


@dataclass
class Person:
    name: str
    email: str  # in lower case, as access links identify people


@dataclass
class Partner:
    id: str
    name: str
    kind: str
    tier: str
    status: str
    manager: str | None
    contacts: list[Person]

    @property
    def retired(self) -> bool:
        return self.status == "retired"


@dataclass
class Brief:
    month: str  # YYYY-MM, the file's name
    title: str
    summary: str
    visibility: str
    draft: bool
    body: str


@dataclass
class Campaign:
    id: str
    name: str
    starts: dt.date
    ends: dt.date
    summary: str
    kinds: list[str]
    tiers: list[str]
    link: str | None
    visibility: str

    def matches(self, partner: Partner) -> bool:
        """(no kinds listed or the partner's kind is listed) and (no tiers or its tier)."""
        return (not self.kinds or partner.kind in self.kinds) and (not self.tiers or partner.tier in self.tiers)


@dataclass
class Story:
    id: str
    title: str
    visibility: str


@dataclass
class Content:
    folder: Path
    name: str
    base_url: str
    default_visibility: str
    team: dict[str, Person]  # by team member id, in program order
    partners: dict[str, Partner]  # by id, sorted
    briefs: list[Brief]  # newest first
    campaigns: list[Campaign]
    assets: set[str] = field(default_factory=set)
    stories: list[Story] = field(default_factory=list)

    @property
    def host(self) -> str:
        return urllib.parse.urlsplit(self.base_url).hostname or ""

    def campaign_for(self, campaign: Campaign, partner: Partner) -> bool:
        """Whether a partner's own pages, calendar and mail show the campaign (if its visibility allows)."""
        return campaign.matches(partner) and (SUNSETTING_GETS_CAMPAIGNS or partner.status != "sunsetting")

    def manager_of(self, partner: Partner) -> Person:
        """The partner's manager, or the program's first team member when it has none."""
        if partner.manager and partner.manager in self.team:
            return self.team[partner.manager]
        return next(iter(self.team.values()))

    def active_partners(self) -> list[Partner]:
        return [p for p in self.partners.values() if not p.retired]

    def public_briefs(self) -> list[Brief]:
        """The briefs of the feed, newest first."""
        return [b for b in self.briefs if not b.draft and b.visibility == "public"]

    def mailed_briefs(self) -> list[Brief]:
        return [b for b in self.briefs if not b.draft and b.visibility in ("public", "partners")]

    def public_campaigns(self) -> list[Campaign]:
        return [c for c in self.campaigns if c.visibility == "public"]

    def expected_mail(self) -> dict[str, tuple[Brief, Partner, Person]]:
        """mail/YYYY-MM/<partner>/<email>.eml for every published public or partners brief,
        every partner that is not retired and every one of its contacts."""
        out = {}
        for brief in self.mailed_briefs():
            for partner in self.active_partners():
                for person in partner.contacts:
                    out[f"mail/{brief.month}/{partner.id}/{person.email}.eml"] = (brief, partner, person)
        return out


def message_id(month: str, partner: str, email: str, host: str) -> str:
    digest = hashlib.sha256(email.encode("utf-8")).hexdigest()[:12]
    return f"<brief-{month}.{partner}.{digest}@{host}>"


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 3)
    if end < 0:
        return {}, text
    return yaml.safe_load(text[4:end]) or {}, text[end + 5:]


def _as_list(value) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in (value if isinstance(value, list) else [value])]


def _date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def load(folder: Path) -> Content:
    program = yaml.safe_load((folder / "program.yml").read_text(encoding="utf-8")) or {}
    default_vis = program.get("default_visibility") or "partners"
    team = {m["id"]: Person(m["name"], str(m["email"]).lower()) for m in program.get("team") or []}
    tiers = {t["id"] for t in program.get("tiers") or []}
    partners = {}
    for f in sorted((folder / "partners").glob("*.y*ml")):
        p = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        contacts = [Person(c["name"], str(c["email"]).lower()) for c in p.get("contacts") or []]
        partners[f.stem] = Partner(f.stem, p.get("name", f.stem), p.get("kind", ""), p.get("tier", ""),
                                   p.get("status", ""), p.get("manager"), contacts)
    briefs = []
    for f in sorted((folder / "briefs").glob("*.md")) if (folder / "briefs").is_dir() else []:
        meta, body = front_matter(f)
        briefs.append(Brief(str(meta.get("month", f.stem)), str(meta.get("title", "")),
                            " ".join(str(meta.get("summary", "")).split()),
                            meta.get("visibility") or "partners", bool(meta.get("draft", False)), body))
    briefs.sort(key=lambda b: b.month, reverse=True)
    campaigns = []
    cfile = folder / "campaigns.yml"
    raw = []
    if cfile.is_file():
        raw = (yaml.safe_load(cfile.read_text(encoding="utf-8")) or {}).get("campaigns") or []
    for c in raw:
        wanted = _as_list(c.get("for"))
        campaigns.append(Campaign(str(c["id"]), str(c["name"]), _date(c["starts"]), _date(c["ends"]),
                                  " ".join(str(c.get("summary", "")).split()),
                                  [w for w in wanted if w in ("referral", "integration")],
                                  [w for w in wanted if w in tiers], c.get("link"),
                                  c.get("visibility") or default_vis))
    assets = {p.stem if p.is_file() else p.name for p in (folder / "assets").iterdir()} \
        if (folder / "assets").is_dir() else set()
    stories = []
    for f in sorted((folder / "stories").glob("*.md")) if (folder / "stories").is_dir() else []:
        meta, _ = front_matter(f)
        stories.append(Story(f.stem, str(meta.get("title", "")), meta.get("visibility") or "partners"))
    return Content(folder, program.get("name", ""), str(program.get("base_url") or ""), default_vis, team,
                   partners, briefs, campaigns, assets, stories)
