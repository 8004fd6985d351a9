"""Regeneration: a rebuild after a small content edit changes exactly the outputs that show
it. A contact added to one partner (encrypted builds, sealed pages compared in the clear with
the reference of docs/security.md), and a campaign renamed (builds with --no-encrypt, so that
every changed file can be searched for the new name)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import portal_crypto as pc
from briefs_build import build, changed_files, links, new_project, tree_hashes
from briefs_content import Campaign, Content, Partner
from briefs_mail import parse_path, readable_text
from scenarios import Report

NEW_CONTACT = ("Quinn Harness", "Operations analyst", "quinn.harness")
NEW_NAME = "Renamed by check-briefs Q7"


# --- Editing content as a person would, with a text editor ---------------------------------

def add_contact(path: Path, name: str, role: str, email: str) -> None:
    """Appends a contact to the block list under `contacts:`."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(r"contacts:\s*$", line))
    item = re.match(r"(\s*)- ", lines[start + 1]).group(1)
    end = start + 1
    while end < len(lines) and (lines[end].startswith(item + "- ") or lines[end].startswith(item + "  ")):
        end += 1
    entry = f"{item}- name: {name}\n{item}  role: {role}\n{item}  email: {email}\n"
    path.write_text("".join(lines[:end] + [entry] + lines[end:]), encoding="utf-8")


def rename_campaign(path: Path, campaign_id: str, name: str) -> None:
    """Replaces the `name:` of the campaign whose `- id:` is campaign_id."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if re.match(rf"\s*- id:\s*['\"]?{re.escape(campaign_id)}['\"]?\s*$", line))
    for i in range(start + 1, len(lines)):
        if re.match(r"\s*- id:", lines[i]):
            break
        m = re.match(r"(\s+name:\s*)", lines[i])
        if m:
            lines[i] = f"{m.group(1)}{name}\n"
            path.write_text("".join(lines), encoding="utf-8")
            return
    raise ValueError(f"no name: line for campaign {campaign_id}")


# --- Reading a file in the clear -----------------------------------------------------------

def clear_view(site: Path, rel: str, pkey: bytes) -> tuple[str | None, bytes]:
    """(group tag, plaintext) of a sealed page or file, opened with a team member's key (the
    team belongs to every group); (None, bytes) of a file in the clear."""
    data = (site / rel).read_bytes()
    if rel.endswith(".html"):
        sealed = pc.sealed_element_text(data.decode("utf-8", "replace"))
        if sealed is None:
            return None, data
        _, plaintext = pc.open_page(site, data.decode("utf-8"), pkey)
        return json.loads(sealed)["group"], plaintext
    key_file = site / pc.key_file_name(pkey)
    if rel.startswith("keys/") or not key_file.is_file():
        return None, data
    for tag, wrapped in json.loads(key_file.read_text(encoding="utf-8"))["keys"].items():
        try:
            return tag, pc.open_sealed(pc.open_sealed(pc.wrap_key(pkey), pc.unb64(wrapped)), data)
        except Exception:  # noqa: BLE001  (InvalidTag: not sealed with this group's key)
            continue
    return None, data


def shown_text(path: Path) -> str:
    """The text a reader sees in a file: messages decoded, HTML references and iCalendar
    folding and escapes undone."""
    data = path.read_bytes()
    if path.suffix == ".eml":
        return readable_text(data)
    text = data.decode("utf-8", "replace")
    if path.suffix == ".ics":
        text = re.sub(r"\r?\n[ \t]", "", text)
        return re.sub(r"\\([,;\\nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)
    return html.unescape(text)


# --- The scenarios ---------------------------------------------------------------------------

def same_build(r: Report, portico: Path, content_dir: Path, original: Path, project: Path) -> dict[str, str] | None:
    """A second project with the original's secret builds to byte-identical site/ and mail/."""
    new_project(content_dir, project, secret_from=original)
    if not build(r, portico, project, "regeneration: a copy with the same secret"):
        return None
    first, second = tree_hashes(original), tree_hashes(project)
    diff = changed_files(first, second)
    r.check("regeneration: two builds of the same content, secret and date are byte-identical (site/ and mail/)",
            not diff, f"{len(diff)} files differ, such as {diff[:6]}")
    return second


def pick_partner(content: Content, site: Path, secret: bytes) -> Partner | None:
    """A partner that is not retired, has room for a contact (1 to 3) and a folder of pages."""
    fits = [p for p in content.active_partners() if 0 < len(p.contacts) < 3
            and (site / "partners" / pc.partner_path_segment(secret, p.id)).is_dir()]
    return fits[0] if fits else None


def contact_added(r: Report, portico: Path, content: Content, original: Path, project: Path) -> None:
    secret = pc.parse_secret_file((original / "portico-secret.key").read_text(encoding="utf-8"))
    before = same_build(r, portico, content.folder, original, project)
    people = links(r, portico, project, "regeneration") if before is not None else None
    partner = pick_partner(content, project / "site", secret) if people else None
    if not r.check("regeneration: a partner with fewer than three contacts to add one to", partner is not None):
        return
    team_key = pc.unb64(next(p["key"] for p in people.values() if p.get("team")))
    domain = partner.contacts[0].email.split("@")[1]
    email = f"{NEW_CONTACT[2]}@{domain}"
    before_site = project / "site-before"
    (project / "site").rename(before_site)
    add_contact(project / "content/partners" / f"{partner.id}.yml", NEW_CONTACT[0], NEW_CONTACT[1], email)
    if not build(r, portico, project, f"regeneration: {email} added to {partner.id}"):
        return
    after = tree_hashes(project)
    changed = changed_files(before, after)
    seg = pc.partner_path_segment(secret, partner.id)
    allowed_tags = {pc.group_tag(secret, "partners"), pc.group_tag(secret, f"partner:{partner.id}")}
    wrong = []
    # The team's health page counts every partner's contacts: it must show the new one.
    health_changed = "site/health/index.html" in changed
    for rel in changed:
        mail = parse_path(rel)
        if rel.startswith(f"site/partners/{seg}/") or rel.startswith("site/keys/") or (mail and mail[1] == partner.id):
            continue
        if rel == "site/health/index.html":
            continue
        site_rel = rel.removeprefix("site/")
        if rel not in before or rel not in after or not rel.startswith("site/"):
            wrong.append(f"{rel} ({'added' if rel in after else 'removed'})")
            continue
        tag_a, clear_a = clear_view(before_site, site_rel, team_key)
        tag_b, clear_b = clear_view(project / "site", site_rel, team_key)
        if clear_a != clear_b:
            wrong.append(f"{rel} (its text changed)")
        elif tag_b not in allowed_tags or tag_a != tag_b:
            wrong.append(f"{rel} (sealed anew for a group the new contact is not in)")
    r.check(f"regeneration, contact added to {partner.id}: only its pages and messages, the key files, the team's "
            "health page and pages sealed anew for the partners group changed", not wrong, f"{len(wrong)} others: {wrong[:8]}")
    r.check(f"regeneration, contact added to {partner.id}: the team's health page counts the new contact",
            health_changed, "site/health/index.html is unchanged")
    new_people = links(r, portico, project, "regeneration after the edit") or {}
    key = new_people.get(email, {}).get("key", "")
    want = {f"site/{pc.key_file_name(pc.unb64(key))}"} if key else {"site/keys/<the new contact's key file>"}
    want |= {f"mail/{b.month}/{partner.id}/{email}.eml" for b in content.mailed_briefs()}
    missing = sorted(p for p in want if p not in after or p in before)
    r.check(f"regeneration, contact added to {partner.id}: a new key file and a message per mailed brief for {email}",
            not missing, f"missing {missing}")
    page = f"site/partners/{seg}/index.html"
    r.check(f"regeneration, contact added to {partner.id}: its partner page is sealed anew (its group's key changed)",
            page in changed, f"{page} unchanged")


def pick_campaigns(content: Content) -> list[Campaign]:
    """A campaign for some partners but not all (else any campaign), and a public one."""
    active = content.active_partners()
    scored = sorted(content.campaigns, key=lambda c: (c.visibility == "team",
                                                      not any(not content.campaign_for(c, p) for p in active),
                                                      not any(content.campaign_for(c, p) for p in active)))
    public = [c for c in scored if c.visibility == "public" and c is not scored[0]]
    return scored[:1] + public[:1]


def campaigns_renamed(r: Report, portico: Path, content: Content, original: Path, work: Path) -> None:
    picked = pick_campaigns(content)
    if r.check("regeneration: content/campaigns.yml has a campaign to rename", bool(picked)):
        for i, campaign in enumerate(picked):
            campaign_renamed(r, portico, content, original, work / f"regen-campaign-{i + 1}", campaign)


def campaign_renamed(r: Report, portico: Path, content: Content, original: Path, project: Path,
                     campaign: Campaign) -> None:
    others = [p for p in content.active_partners() if not content.campaign_for(campaign, p)]
    new_project(content.folder, project, secret_from=original)
    if not build(r, portico, project, "regeneration without encryption", "--no-encrypt"):
        return
    before_texts = {rel: shown_text(project / rel) for rel in tree_hashes(project)}
    before = tree_hashes(project)
    rename_campaign(project / "content/campaigns.yml", campaign.id, NEW_NAME)
    if not build(r, portico, project, f"regeneration: campaign {campaign.id} renamed", "--no-encrypt"):
        return
    after = tree_hashes(project)
    changed = set(changed_files(before, after))
    showing = {rel for rel in after if NEW_NAME in shown_text(project / rel)}
    label = f"regeneration, campaign {campaign.id} renamed"
    r.check(f"{label}: the files that changed are exactly those that show the new name",
            changed == showing and bool(changed),
            f"changed without showing it {sorted(changed - showing)[:6]}; showing it unchanged {sorted(showing - changed)[:6]}")
    r.check(f"{label}: every file showing the new name showed the old one before",
            all(campaign.name in before_texts.get(rel, "") for rel in showing),
            f"new: {sorted(rel for rel in showing if campaign.name not in before_texts.get(rel, ''))[:6]}")
    touched = sorted(rel for rel in changed for p in others
                     if rel.startswith(f"site/partners/{p.id}/") or (parse_path(rel) or ("", ""))[1] == p.id)
    r.check(f"{label}: the pages and messages of the partners it is not for ({', '.join(p.id for p in others) or 'none'}) "
            "are byte-identical", not touched, f"changed: {touched[:6]}")
    in_calendar = "site/calendar.ics" in changed
    r.check(f"{label}: calendar.ics changed if and only if the campaign is public ({campaign.visibility})",
            in_calendar == (campaign.visibility == "public"), f"calendar.ics {'changed' if in_calendar else 'unchanged'}")
    if campaign.visibility == "team":
        mails = sorted(rel for rel in changed if rel.startswith("mail/"))
        r.check(f"{label}: a team campaign changes no message", not mails, f"changed: {mails[:6]}")
