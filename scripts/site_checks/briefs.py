"""End-to-end test of the monthly partner briefs (issue 9): what `portico build` writes for
them, and `portico send`.

Usage (normally through scripts/check-briefs, which installs msmtp and the venv):
    python briefs.py [PORTICO] [--content DIR] [--work DIR]
    python briefs.py --selfmade [--work DIR]

Builds a copy of the content (default: the example program in content/) in a project folder
with `portico build --date 2026-11-26`, takes everyone's access link from `portico links
--json`, then checks: the brief pages; briefs/feed.xml with feedparser; calendar.ics and each
partner's sealed calendar with icalendar; every mail/YYYY-MM/<partner>/<email>.eml with the
email package; `portico send` through msmtp to a local SMTP sink (aiosmtpd), including a
refused message and its resumption; `portico new brief`; and that a rebuild after adding a
contact, or renaming a campaign, changes exactly the files that show it. --selfmade checks
the checks on hand-made samples and a stand-in for `portico send`, without portico.
Prints PASS or FAIL per check, then "N passed, M failed"; exit status 1 when any check failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import portal_crypto as pc  # noqa: E402
from briefs_build import DATE, build, links, new_project, run_portico, tree_hashes, changed_files  # noqa: E402
from briefs_content import VISIBILITIES, Content, front_matter, load  # noqa: E402
from briefs_feeds import check_calendar, check_feed, entry_months  # noqa: E402
from briefs_mail import check_mail_tree  # noqa: E402
from briefs_regen import campaigns_renamed, clear_view, contact_added  # noqa: E402
from briefs_send import send_scenarios  # noqa: E402
from scenarios import Report, run_scenarios  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATE_OBJ = dt.date.fromisoformat(DATE)


def report(r: Report, prefix: str, checks: dict[str, list[str]]) -> bool:
    ok = True
    for name, problems in checks.items():
        ok &= r.check(f"{prefix}: {name}", not problems, "; ".join(problems[:6]))
    return ok


def check_pages(r: Report, content: Content, site: Path, secret: bytes) -> None:
    """The brief pages and story pages exist, each sealed for the group its visibility says."""
    tags = {None: "public", pc.group_tag(secret, "partners"): "partners", pc.group_tag(secret, "team"): "team"}
    tags.update({pc.group_tag(secret, f"partner:{p}"): f"partner:{p}" for p in content.partners})

    def group_of(rel: str) -> str:
        text = (site / rel).read_text(encoding="utf-8", errors="replace")
        wrapper = pc.sealed_element_text(text)
        if wrapper is None:
            return "public"
        return tags.get(json.loads(wrapper).get("group"), "an unknown group")

    want = {"briefs/index.html": None}
    for b in content.briefs:
        if b.draft:
            continue
        want[f"briefs/{b.month}/index.html"] = b.visibility
        if b.visibility != "team":
            for p in content.active_partners():
                want[f"partners/{pc.partner_path_segment(secret, p.id)}/briefs/{b.month}/index.html"] = f"partner:{p.id}"
    stories = sorted((content.folder / "stories").glob("*.md")) if (content.folder / "stories").is_dir() else []
    want.update({f"stories/{s.stem}/index.html": None for s in stories})
    missing = sorted(rel for rel in want if not (site / rel).is_file())
    r.check("site: the archive, each published brief, each brief personalised per partner not retired, each story",
            not missing, f"missing {missing[:6]}")
    wrong = [f"{rel} is {group_of(rel)}, want {g}" for rel, g in want.items()
             if g is not None and (site / rel).is_file() and group_of(rel) != g]
    r.check("site: each brief page is sealed for its visibility, each personalised one for its partner",
            not wrong, "; ".join(wrong[:6]))
    drafts = [f"briefs/{b.month}/" for b in content.briefs if b.draft and (site / "briefs" / b.month).exists()]
    drafts += [f"partners/<{p.id}>/briefs/{b.month}/" for b in content.briefs for p in content.partners.values()
               if (b.draft or b.visibility == "team")
               and (site / "partners" / pc.partner_path_segment(secret, p.id) / "briefs" / b.month).exists()]
    r.check("site: drafts get no page, team briefs no partner's copy", not drafts, f"present: {drafts[:6]}")


def check_campaign_leaks(r: Report, content: Content, site: Path, secret: bytes, team_key: bytes) -> None:
    """No page shows a campaign its readers may not see: a public brief page and the feed show
    public campaigns only, a partners page no team campaign, a partner's page only its own."""
    def shown(rel: str) -> str:
        if not (site / rel).is_file():
            return ""
        tag, clear = clear_view(site, rel, team_key)
        text = clear.decode("utf-8", "replace")
        if tag is not None and rel.endswith(".html"):
            page = json.loads(text)
            text = page.get("title", "") + "\n" + page.get("main", "")
        return html.unescape(text)

    pages = {"briefs/feed.xml": (None, ("public",), None)}
    for b in content.briefs:
        if b.draft:
            continue
        seen = {"public": ("public",), "partners": ("public", "partners")}.get(b.visibility, VISIBILITIES)
        pages[f"briefs/{b.month}/index.html"] = (b, seen, None)
        if b.visibility != "team":
            for p in content.active_partners():
                seg = pc.partner_path_segment(secret, p.id)
                pages[f"partners/{seg}/briefs/{b.month}/index.html"] = (b, ("public", "partners"), p)
    problems = []
    for rel, (brief, seen, partner) in pages.items():
        text = shown(rel)
        for c in content.campaigns:
            hidden = c.visibility not in seen or (partner is not None and not content.campaign_for(c, partner))
            written = brief is not None and c.name in brief.body
            if hidden and not written and c.name in text:
                problems.append(f"{rel}{f' ({partner.id})' if partner else ''} shows campaign {c.id} ({c.visibility})")
        for s in content.stories:
            if s.visibility not in seen and s.title in text and not (brief is not None and s.title in brief.body):
                problems.append(f"{rel} shows story {s.id} ({s.visibility})")
    r.check("site: brief pages and the feed show no campaign or story their readers may not see", not problems,
            "; ".join(problems[:6]))


def check_calendars(r: Report, content: Content, site: Path, secret: bytes, team_key: bytes) -> None:
    ics = site / "calendar.ics"
    if r.check("calendar.ics exists", ics.is_file()):
        report(r, "calendar.ics", check_calendar(ics.read_bytes(), content.base_url, DATE_OBJ,
                                                 content.public_campaigns(), content.assets))
    for p in content.active_partners():
        seg = pc.partner_path_segment(secret, p.id)
        rel = f"partners/{seg}/calendar.ics"
        want = [c for c in content.campaigns if c.visibility == "partners" and content.campaign_for(c, p)]
        if not (site / rel).is_file():
            r.check(f"partners/<{p.id}>/calendar.ics: present when the partner has campaigns of its own",
                    not want, f"missing, want {[c.id for c in want]}")
            continue
        tag, clear = clear_view(site, rel, team_key)
        if r.check(f"partners/<{p.id}>/calendar.ics is sealed for partner:{p.id}",
                   tag == pc.group_tag(secret, f"partner:{p.id}"), f"group tag {tag!r}"):
            report(r, f"partners/<{p.id}>/calendar.ics", check_calendar(clear, content.base_url, DATE_OBJ, want,
                                                                         content.assets))


def check_new_brief(r: Report, portico: Path, content_dir: Path, project: Path) -> None:
    """`portico new brief` writes a draft with the three sections, and will not overwrite."""
    new_project(content_dir, project)
    existing = {f.stem for f in (project / "content/briefs").glob("*.md")} if (project / "content/briefs").is_dir() else set()
    month = next(f"{y}-{m:02d}" for y in range(2026, 2031) for m in range(1, 13)
                 if f"{y}-{m:02d}" > "2026-11" and f"{y}-{m:02d}" not in existing)
    proc = run_portico(portico, project, "new", "brief", month)
    path = project / f"content/briefs/{month}.md"
    meta, body = front_matter(path) if path.is_file() else ({}, "")
    sections = ["## What's new", "## Upcoming campaigns", "## Success story"]
    problems = [f"{k}: {meta.get(k)!r}, want {v!r}" for k, v in (("month", month), ("draft", True))
                if (str(meta.get(k)) if k == "month" else meta.get(k)) != v]
    problems += [f"no {s!r}" for s in sections if s not in body.splitlines()]
    r.check(f"new brief {month}: writes content/briefs/{month}.md, a draft with the three sections",
            proc.returncode == 0 and not problems, f"exit {proc.returncode} {proc.stderr[-300:]}; {problems}")
    proc = run_portico(portico, project, "new", "brief", month)
    r.check(f"new brief {month} again: refuses (exit 1, 'error: content/briefs/{month}.md already exists')",
            proc.returncode == 1 and f"error: content/briefs/{month}.md already exists" in proc.stderr,
            f"exit {proc.returncode}: {proc.stderr[-300:]}")


def mail_options(r: Report, portico: Path, content: Content, project: Path, other: Path) -> None:
    """--mail DIR writes the same messages elsewhere; --no-mail writes none."""
    if build(r, portico, project, "build --mail", "--output", "site-alt", "--mail", "mail-alt"):
        mail = {k.removeprefix("mail/"): v for k, v in tree_hashes(project, ("mail",)).items()}
        alt = {k.removeprefix("mail-alt/"): v for k, v in tree_hashes(project, ("mail-alt",)).items()}
        r.check("build --mail mail-alt: the same messages as in mail/", alt == mail and bool(alt),
                f"differ: {changed_files(mail, alt)[:6]}")
    new_project(content.folder, other, secret_from=project)
    if build(r, portico, other, "build --no-mail", "--no-mail"):
        r.check("build --no-mail: writes no mail folder", not (other / "mail").exists())


def run(r: Report, args: argparse.Namespace, tmp: Path, work: Path) -> None:
    if args.selfmade:
        from briefs_samples import selfmade

        selfmade(r, tmp, work)
        return
    portico, content = args.portico.resolve(), load(args.content.resolve())
    r.check("content: has briefs and campaigns to test", bool(content.briefs) and bool(content.campaigns),
            f"{len(content.briefs)} briefs, {len(content.campaigns)} campaigns in {args.content}")
    project = new_project(content.folder, tmp / "project")
    if not build(r, portico, project, "build"):
        return
    people = links(r, portico, project, "build")
    secret_file = project / "portico-secret.key"
    if not r.check("build: wrote portico-secret.key and mail/", secret_file.is_file() and (project / "mail").is_dir()) \
            or people is None:
        return
    secret = pc.parse_secret_file(secret_file.read_text(encoding="utf-8"))
    keys = {e: p["key"] for e, p in people.items()}
    team_key = pc.unb64(next(p["key"] for p in people.values() if p.get("team")))
    site = project / "site"
    check_pages(r, content, site, secret)

    feed = site / "briefs/feed.xml"
    if r.check("briefs/feed.xml exists", feed.is_file()):
        report(r, "briefs/feed.xml", check_feed(feed.read_bytes(), content.base_url, content.public_briefs(), site))
    check_calendars(r, content, site, secret, team_key)
    check_campaign_leaks(r, content, site, secret, team_key)
    report(r, "mail", check_mail_tree(project, content, keys))

    first, first_ids = tree_hashes(project), entry_months(feed.read_bytes(), content.host) if feed.is_file() else []
    (project / "mail/2026-01/stray").mkdir(parents=True, exist_ok=True)
    (project / "mail/2026-01/stray/left@over.example.eml").write_text("stray\n", encoding="utf-8")
    if build(r, portico, project, "build again"):
        again = entry_months(feed.read_bytes(), content.host) if feed.is_file() else []
        r.check("briefs/feed.xml: entry ids are the same in a second build", again == first_ids,
                f"{first_ids} then {again}")
        diff = changed_files(first, tree_hashes(project))
        r.check("build again: site/ and mail/ are byte-identical (mail/ replaced as a whole: a stray file is gone)",
                not diff, f"{len(diff)} differ: {diff[:6]}")

    mail_options(r, portico, content, project, tmp / "no-mail")
    months = sorted(p.name for p in (project / "mail").iterdir() if p.is_dir())
    month = "2026-11" if "2026-11" in months else (months[-1] if months else "2026-11")
    send_scenarios(r, portico, project, content, month, work)
    check_new_brief(r, portico, content.folder, tmp / "new-brief")
    contact_added(r, portico, content, project, tmp / "regen-contact")
    campaigns_renamed(r, portico, content, project, tmp)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-briefs", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("portico", type=Path, nargs="?", default=REPO / ".build/debug/portico")
    ap.add_argument("--content", type=Path, default=REPO / "content", help="the program to build (default: content/)")
    ap.add_argument("--selfmade", action="store_true", help="check the checks on hand-made samples, without portico")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    return run_scenarios("check-briefs", args.work, lambda r, tmp, work: run(r, args, tmp, work))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
