"""The workloads of the side-by-side benchmark: Markdown assets both tools read, the minimal
Portico program around them, the minimal templates of both tools, and the synthetic full program.

Everything is deterministic: the same seed writes byte-identical files."""
import pathlib
import random

KINDS = ["one-pager", "objection", "snapshot", "guide"]
TEAM = ["ada", "ben"]
DATE = "2026-11-25"

WORDS = (
    "partner client dock carrier site schedule appointment receipt warehouse calendar slot door "
    "inbound outbound peak season team manager referral integration connector rollout pilot "
    "report detention queue truck load unload booking window shift crew pricing contract "
    "renewal quarter target revenue margin pipeline forecast question answer proof result "
    "number week month day hour minute first second third simple clear plain honest quick "
    "calm steady early late busy quiet shared manual automatic daily weekly reliable measured"
).split()
LANGUAGES = ["python", "swift", "sh", "json", "yaml"]


def plain(rng: random.Random, low: int, high: int) -> str:
    """Words without Markdown, capitalised, for titles and summaries."""
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


def sentence(rng: random.Random, low: int = 6, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    # Inline emphasis, strong text and code spans, somewhere in some sentences.
    style = rng.random()
    if style < 0.2:
        i = rng.randrange(len(words))
        words[i] = f"*{words[i]}*"
    elif style < 0.35:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**"
    elif style < 0.45:
        i = rng.randrange(len(words))
        words[i] = f"`{words[i]}`"
    elif style < 0.6:
        i = rng.randrange(len(words))
        words[i] = f"[{words[i]}](https://example.com/{rng.choice(WORDS)}/{rng.randrange(1000)})"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def asset_body(rng: random.Random, index: int, count: int, target: int = 3900) -> str:
    """About `target` bytes of Markdown: sections with paragraphs, one bullet list, one numbered
    list, one table, one fenced code block, links (one to another asset) and emphasis."""
    other = (index * 7919 + 1) % count
    parts = [
        f"## {plain(rng, 2, 5)}\n\n{paragraph(rng)} See [the related note](asset-{other:06d}.md) too.\n",
        "\n".join(f"- {sentence(rng, 3, 8)}" for _ in range(rng.randint(3, 6))) + "\n",
        f"### {plain(rng, 2, 4)}\n\n{paragraph(rng)}\n",
        "| Step | Owner | Days |\n| --- | --- | ---: |\n"
        + "\n".join(f"| {rng.choice(WORDS)} {rng.choice(WORDS)} | {rng.choice(WORDS)} | {rng.randint(1, 30)} |"
                    for _ in range(rng.randint(3, 5))) + "\n",
        "\n".join(f"{n}. {sentence(rng, 3, 8)}" for n in range(1, rng.randint(3, 5) + 1)) + "\n",
        f"```{rng.choice(LANGUAGES)}\n"
        + "\n".join(f"{rng.choice(WORDS)}_{n} = \"{rng.choice(WORDS)} {rng.choice(WORDS)}\"  # {rng.choice(WORDS)}"
                    for n in range(rng.randint(4, 8))) + "\n```\n",
        f"> {sentence(rng)} {sentence(rng)}\n",
    ]
    body = "\n".join(parts)
    while len(body) < target:
        body += f"\n## {plain(rng, 2, 5)}\n\n{paragraph(rng)}\n"
        if len(body) < target:
            body += f"\n{paragraph(rng)}\n"
    return body


def write_assets(folder: pathlib.Path, count: int, seed: int) -> int:
    """Writes `count` assets of about 4 KB each; returns the total bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        rng = random.Random(seed * 1_000_003 + i)
        text = (
            f"---\ntitle: \"{plain(rng, 3, 6)} ({i})\"\nkind: {KINDS[i % 4]}\n"
            f"summary: \"{plain(rng, 6, 12)}.\"\nowner: {TEAM[i % len(TEAM)]}\n"
            f"reviewed: 2026-{6 + i % 5:02d}-{1 + i % 28:02d}\ndraft: false\n---\n"
            + asset_body(rng, i, count)
        )
        data = text.encode()
        (folder / f"asset-{i:06d}.md").write_bytes(data)
        total += len(data)
    return total


def program_yml(partner_manager: str = "ada") -> str:
    """The smallest program.yml: the shape Benchmarks/run.py writes, with two team members."""
    team = "".join(
        f"  - id: {member}\n    name: {member.title()} Member\n    role: Partner manager\n    email: {member}@bench.example\n"
        for member in TEAM
    )
    return (
        "name: Benchmark Portal\ncompany: Bench Co\nbase_url: https://partners.bench.example/\n"
        "positioning: |\n  We make the **month-end close** boring.\n"
        "boundaries:\n  we_solve: [Reconciliation]\n  partner_solves: [Advisory]\n  journey: Intro to rollout.\n"
        "tiers:\n  - id: gold\n    name: Gold\n    criteria: Many referrals.\n    benefits: [Planning]\n"
        "  - id: silver\n    name: Silver\n    criteria: Signed.\n    benefits: [Library]\n"
        f"team:\n{team}review_every: 365\n"
        "referral:\n  email: partners@bench.example\n  required: [company, contact_name, contact_email, problem]\n"
        "  qualification: [Closes the month by hand]\n"
        f"  handoff:\n    owner: {partner_manager}\n    response_hours: 24\n    first_call_days: 5\n    steps: [We call the client.]\n"
        "  feedback: Within a week.\nattribution: First registration wins.\n"
        "deal_registration:\n  protection_days: 90\n  required: [company, expected_close]\n"
        "  rules: [Accepted within two days.]\n  conflicts: [The earlier registration wins.]\n"
    )


def partner_yml(i: int, featured: list[str], contacts: int = 2) -> str:
    people = "".join(
        f"  - name: Contact {chr(65 + c)}{i}\n    role: {'Lead' if c == 0 else 'Sales'}\n    email: c{c}-{i}@p{i}.example\n"
        for c in range(contacts)
    )
    return (
        f"name: Partner {i}\nkind: {'referral' if i % 3 else 'integration'}\n"
        f"tier: {'gold' if i % 5 == 0 else 'silver'}\nstatus: active\nsince: 2025-01-01\n"
        f"manager: {TEAM[i % len(TEAM)]}\naudience: |\n  Clients of partner {i}, mostly *retailers*.\n"
        f"contacts:\n{people}featured: [{', '.join(featured)}]\n"
    )


def write_side_by_side(work: pathlib.Path, assets: int, seed: int, partners: int = 0) -> int:
    """The shared workload: content/ for Portico (program, `partners` partners, the assets) and hugo/
    for Hugo, which mounts content/assets as its content/assets section. Returns the bytes
    of Markdown written."""
    content = work / "content"
    (content / "partners").mkdir(parents=True, exist_ok=True)
    (content / "program.yml").write_text(program_yml())
    for i in range(partners):
        (content / "partners" / f"partner-{i}.yml").write_text(partner_yml(i, []))
    written = write_assets(content / "assets", assets, seed)
    write_portico_templates(work / "templates-min")
    write_hugo_site(work / "hugo", content / "assets")
    return written


# One line per template: the asset page is the title and the rendered body in a bare HTML5
# document, list pages are a list of links, every other page a title.
PORTICO_TEMPLATES = {
    "asset": "<!doctype html><title>{{asset.title}}</title>{{{asset.body_html}}}",
    "library": "<!doctype html><title>{{page.title}}</title><ul>{{#groups}}{{#assets}}"
               "<li><a href=\"{{href}}\">{{title}}</a></li>{{/assets}}{{/groups}}</ul>",
    "home": "<!doctype html><title>{{page.title}}</title><ul><li><a href=\"{{site.library_href}}\">Library</a></li></ul>",
    "partners": "<!doctype html><title>{{page.title}}</title><ul>{{#active_partners}}"
                "<li><a href=\"{{href}}\">{{name}}</a></li>{{/active_partners}}</ul>",
    "briefs": "<!doctype html><title>{{page.title}}</title>",
}
OTHER_PAGES = ["layout", "partner", "refer", "register", "brief", "story", "health", "start", "search",
               "sign-in", "sealed", "404"]
MAIL = ["brief-html", "brief-text", "story", "welcome-html", "welcome-text"]


def write_portico_templates(folder: pathlib.Path) -> None:
    (folder / "email").mkdir(parents=True, exist_ok=True)
    for name, text in PORTICO_TEMPLATES.items():
        (folder / f"{name}.mustache").write_text(text + "\n")
    for name in OTHER_PAGES:
        (folder / f"{name}.mustache").write_text("<!doctype html><title>{{page.title}}</title>\n")
    for name in MAIL:
        # An email has no `page` (docs/templates.md): the theme check would refuse one that reads it.
        (folder / "email" / f"{name}.mustache").write_text("{{site.title}}\n")


HUGO_CONFIG = """baseURL = "https://partners.bench.example/"
title = "Benchmark Portal"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

# Portico does not highlight code; Hugo's Chroma would add work and bytes Portico does not do.
[markup.highlight]
codeFences = false

[module]
[[module.mounts]]
source = "{assets}"
target = "content/assets"
[[module.mounts]]
source = "layouts"
target = "layouts"
"""
HUGO_LAYOUTS = {
    "_default/single.html": "<!doctype html><title>{{ .Title }}</title>{{ .Content }}",
    "_default/list.html": "<!doctype html><title>{{ .Title }}</title><ul>{{ range .Pages }}"
                          "<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul>",
}


def write_hugo_site(folder: pathlib.Path, assets: pathlib.Path) -> None:
    """Hugo reads the same Markdown files: its content/assets section is a mount of Portico's."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hugo.toml").write_text(HUGO_CONFIG.format(assets=assets.resolve()))
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n")


def write_full_program(work: pathlib.Path, partners: int, assets: int, months: int, seed: int) -> None:
    """A synthetic full program for the built-in theme: partners with two contacts each,
    assets, `months` monthly briefs ending in the build's month, campaigns and stories."""
    content = work / "content"
    (content / "partners").mkdir(parents=True, exist_ok=True)
    (content / "briefs").mkdir(parents=True, exist_ok=True)
    (content / "stories").mkdir(parents=True, exist_ok=True)
    (content / "program.yml").write_text(program_yml())
    write_assets(content / "assets", assets, seed)
    for i in range(partners):
        featured = [f"asset-{(i + k) % assets:06d}" for k in range(3)]
        (content / "partners" / f"partner-{i}.yml").write_text(partner_yml(i, featured))
    stories = []
    for s in range(4):
        story_id = f"story-{s}"
        stories.append(story_id)
        (content / "stories" / f"{story_id}.md").write_text(
            f"---\ntitle: Customer {s} closes in two days with Partner {s * 7}\npartner: partner-{s * 7}\n"
            f"customer: Customer {s}\ndate: 2026-{3 + s * 2:02d}-10\n"
            f"outcome: Closing time down from nine days to two.\n"
            f"{'visibility: public' if s == 0 else ''}\n---\n"
            "The customer reconciled by hand. The partner scoped the rollout; we ran the pilot.\n"
        )
    (content / "campaigns.yml").write_text(
        "campaigns:\n"
        "  - id: spring-webinars\n    name: Spring webinars\n    starts: 2025-03-01\n    ends: 2025-05-31\n"
        "    summary: Four webinars on a calmer close.\n    visibility: public\n"
        "  - id: gold-co-marketing\n    name: Co-marketing for gold partners\n    starts: 2025-09-01\n"
        "    ends: 2026-12-31\n    summary: We write the case study with you.\n    for: [gold]\n    co_marketing: true\n"
        "  - id: integration-sprint\n    name: Integration certification sprint\n    starts: 2026-06-01\n"
        "    ends: 2026-12-15\n    summary: Certify a connector in two weeks.\n    for: [integration]\n"
    )
    year, month = 2026, 11
    rng = random.Random(seed)
    for m in range(months):
        tag = f"{year}-{month:02d}"
        story = f"story: {stories[m % len(stories)]}\n" if m % 3 == 0 else ""
        (content / "briefs" / f"{tag}.md").write_text(
            f"---\nmonth: \"{tag}\"\ntitle: \"{tag}: what changed\"\nsummary: \"{plain(rng, 6, 10)}.\"\n{story}---\n"
            f"## What's new\n\n{paragraph(rng)}\n\n- {sentence(rng)}\n- {sentence(rng)}\n\n"
            f"See [the related note](../assets/asset-{m % assets:06d}.md).\n"
        )
        month -= 1
        if month == 0:
            year, month = year - 1, 12
