"""End-to-end test of the referral and deal-registration forms in headless Chromium.

Usage (normally through scripts/check-referral-forms, which checks the prerequisites):
    python referral_forms.py [PORTICO] [--fixture DIR] [--work DIR]

Builds a copy of the fixture program twice and serves each build from one local HTTP
server. Variant A sets referral.form_action to that server's /referrals: every form must
refuse to submit empty, then POST each typed value intact. Variant B has no endpoint: the
page script must compose a mailto: link to the program's address, with the partner's
manager in cc and one "Label: value" line per field; the no-JavaScript fallback link
must carry a template. Prints PASS or FAIL per check, then "N passed, M failed".
Exit status 1 when any check failed, 0 otherwise.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browser import Browser  # noqa: E402
from form_page import composed_href, fallback_href, fill, load_form, submit, visible  # noqa: E402
from form_server import Post, Server  # noqa: E402
from scenarios import Report, run_scenarios  # noqa: E402
from referral_spec import CATALOGUE, PAGES, VALUES, Page  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DATE = "2026-11-25"
POST_WAIT, EMPTY_WAIT, MAILTO_WAIT = 10.0, 1.5, 5.0  # seconds


def add_form_action(program: Path, action: str) -> bool:
    lines = program.read_text(encoding="utf-8").splitlines(keepends=True)
    if "referral:\n" not in lines:
        return False
    at = lines.index("referral:\n") + 1
    lines.insert(at, f"  form_action: {action}\n")
    program.write_text("".join(lines), encoding="utf-8")
    return True


def build(r: Report, portico: Path, tmp: Path, out: str) -> bool:
    cmd = [str(portico), "build", "--no-encrypt", "--date", DATE, "--content", str(tmp / "content"), "--output", str(tmp / out)]
    proc = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    output = (proc.stdout + proc.stderr)[-3000:]
    return r.check(f"portico build --output {out}", proc.returncode == 0, f"exit {proc.returncode}\n{output}")


def check_controls(r: Report, page: Page, controls: list[dict]) -> None:
    """The form's fields, their order, input types, required marks and hidden values."""
    shown, p = visible(controls), page.path
    names = [c["name"] for c in shown]
    r.check(f"{p}: visible fields in order", names == page.fields, f"got {names}, want {page.fields}")
    wrong = [f"{c['name']} is {c['type']}" for c in shown
             if c["name"] in CATALOGUE and c["type"] != CATALOGUE[c["name"]][1]]
    r.check(f"{p}: input types", not wrong, "; ".join(wrong))
    required = {c["name"] for c in shown if c["required"]}
    r.check(f"{p}: required fields", required == page.required,
            f"got {sorted(required)}, want {sorted(page.required)}")
    hidden = {c["name"]: c["value"] for c in controls if c["type"] == "hidden"}
    r.check(f"{p}: hidden fields", hidden == page.hidden, f"got {hidden}, want {page.hidden}")


def open_form(r: Report, browser: Browser, server: Server, page: Page) -> tuple[object, list[dict]] | None:
    """load_form, then check_controls; returns the form and its visible controls."""
    loaded = load_form(browser, server.url(page.path), page.form_id)
    if not r.check(f"{page.path}: has form#{page.form_id}", loaded is not None,
                   f"not on the page titled {browser.driver.title!r}"):
        return None
    check_controls(r, page, loaded[1])
    return loaded[0], visible(loaded[1])


def check_post(r: Report, page: Page, post: Post, typed: dict[str, str]) -> None:
    p = page.path
    r.check(f"{p}: POST path", post.path == "/referrals", post.path)
    media = post.content_type.split(";")[0].strip().lower()
    r.check(f"{p}: POST Content-Type", media == "application/x-www-form-urlencoded", post.content_type)
    got = {name: [v.replace("\r\n", "\n") for v in values]  # browsers send textarea lines as CRLF
           for name, values in urllib.parse.parse_qs(post.body.decode("ascii", "replace"),
                                                     keep_blank_values=True).items()}
    want = {**typed, **page.hidden}
    r.check(f"{p}: POST field names", set(got) == set(want), f"got {sorted(got)}, want {sorted(want)}")
    wrong = [f"{k}: got {got.get(k, [])!r}, want {[v]!r}" for k, v in want.items() if got.get(k, []) != [v]]
    r.check(f"{p}: POST values", not wrong, "; ".join(wrong))


def form_endpoint_page(r: Report, browser: Browser, server: Server, page: Page) -> None:
    opened = open_form(r, browser, server, page)
    if opened is None:
        return
    form, shown = opened
    server.drain()
    submit(browser, form)
    stray = server.next_post(EMPTY_WAIT)
    if not r.check(f"{page.path}: empty form is not sent", stray is None,
                   f"POST {stray.path} {stray.body!r}" if stray else ""):
        form, controls = load_form(browser, server.url(page.path), page.form_id)  # it left the page
        shown = visible(controls)
    typed = fill(browser, shown, VALUES)
    server.drain()
    submit(browser, form)
    post = server.next_post(POST_WAIT)
    if r.check(f"{page.path}: filled form is POSTed", post is not None, f"nothing within {POST_WAIT:g}s"):
        check_post(r, page, post, typed)


def expected_body(page: Page, shown: list[dict], typed: dict[str, str]) -> str:
    """One "Label: value" line per filled control in DOM order, then the page's own lines."""
    lines = []
    for c in shown:
        value = typed.get(c["name"], "")
        if c["type"] == "checkbox" and value:
            value = "Yes"
        if value and c["name"] in CATALOGUE:
            lines.append(f"{CATALOGUE[c['name']][0]}: " + value.replace("\n", "\r\n"))
    return "\r\n".join(lines + page.tail)


def wait_for_mailto(browser: Browser, before: str) -> str:
    """The href of #composed-mailto once the script has changed it to a mailto: URL."""
    deadline = time.monotonic() + MAILTO_WAIT
    while True:
        href = composed_href(browser)
        if (href != before and href.startswith("mailto:")) or time.monotonic() > deadline:
            return href
        time.sleep(0.1)


def decode_mailto(href: str) -> tuple[str, dict[str, list[str]]]:
    parts = urllib.parse.urlsplit(href)
    return urllib.parse.unquote(parts.path), urllib.parse.parse_qs(parts.query, keep_blank_values=True)


def check_no_plus(r: Report, name: str, href: str) -> None:
    """In a mailto: URL '+' is a plus (RFC 6068): a space must be %20, as mail clients
    show a '+' from form encoding (URLSearchParams) literally. parse_qs would hide it."""
    query = urllib.parse.urlsplit(href).query
    r.check(f"{name} encodes spaces as %20, not '+'", "+" not in query, query[:200])


def check_fallback(r: Report, browser: Browser, page: Page, html_file: Path) -> None:
    p = page.path
    href = fallback_href(browser, html_file.read_text(encoding="utf-8", errors="replace"))
    if not r.check(f"{p}: fallback mailto link", (href or "").startswith("mailto:partners@fixture.example"),
                   "no #mailto-fallback" if href is None else repr(href)):
        return
    check_no_plus(r, f"{p}: fallback mailto link", href)
    body = decode_mailto(href)[1].get("body", [""])[0].replace("\r\n", "\n").split("\n")
    r.check(f"{p}: fallback body has 'Company: '", "Company: " in body, repr(body))
    missing = [CATALOGUE[n][0] + ": " for n in page.fields if CATALOGUE[n][0] + ": " not in body]
    r.check(f"{p}: fallback body has a blank line per field", not missing, f"missing {missing}")


def mailto_page(r: Report, browser: Browser, server: Server, page: Page, site: Path) -> None:
    opened = open_form(r, browser, server, page)
    if opened is None:
        return
    form, shown = opened
    typed = fill(browser, shown, VALUES)
    before = composed_href(browser)  # the page may start with a bare mailto: link
    submit(browser, form)
    href = wait_for_mailto(browser, before)
    p = page.path
    if r.check(f"{p}: #composed-mailto gets a mailto: href", href != before and href.startswith("mailto:"),
               f"{href!r} after {MAILTO_WAIT:g}s"):
        check_no_plus(r, f"{p}: composed mailto", href)
        to, query = decode_mailto(href)
        r.check(f"{p}: mailto recipient", to == "partners@fixture.example", repr(to))
        cc = [page.cc] if page.cc else None
        r.check(f"{p}: mailto cc", query.get("cc") == cc, f"got {query.get('cc')}, want {cc}")
        subject = [page.subject + typed.get("company", "")]
        r.check(f"{p}: mailto subject", query.get("subject") == subject,
                f"got {query.get('subject')}, want {subject}")
        body = [expected_body(page, shown, typed)]
        r.check(f"{p}: mailto body", query.get("body") == body, f"got {query.get('body')}, want {body}")
    check_fallback(r, browser, page, site / page.path)


# Where the first field and the send button are on a phone, in pixels from the top of the page.
PLACES_JS = """
const form = document.querySelector(arguments[0]);
const first = form.querySelector('input:not([type=hidden]), textarea, select');
const send = form.querySelector('button[type=submit]');
const top = el => el.getBoundingClientRect().top + window.scrollY;
return [top(first), top(send) + send.getBoundingClientRect().height, innerWidth, innerHeight];
"""


def phone_page(r: Report, browser: Browser, server: Server, page: Page) -> None:
    """On a 375×812 phone the form comes first: its first field in the first screen, its send
    button within two."""
    browser.set_width(375, 812)
    try:
        browser.load(server.url(page.path))
        first, send, width, height = browser.script(PLACES_JS, f"form#{page.form_id}")
    finally:
        browser.reset_viewport()
    figure = f"first field at {first:.0f} px, send button ends at {send:.0f} px ({width}×{height})"
    print(f"figure: {page.path}: {figure}", flush=True)
    r.check(f"{page.path}: on a phone the first field is within the first screen", first + 40 <= height, figure)
    r.check(f"{page.path}: on a phone the send button is within two screens", send <= 2 * height, figure)


def remembered_page(r: Report, browser: Browser, server: Server, page: Page) -> None:
    """After one send, the sender's name and email are filled in on the next visit; the
    opportunity's fields are not. Then "Copy the details" gives the composed message as text."""
    opened = open_form(r, browser, server, page)
    if opened is None:
        return
    form, shown = opened
    names = {c["name"]: c for c in shown}
    sender = [n for n in ("referrer_name", "referrer_email") if n in names]
    kept = browser.script("return Object.fromEntries([...arguments[0]].map(n => [n, document.getElementsByName(n)[0].value]))",
                          sender)
    company = browser.script("return document.getElementsByName('company')[0].value")
    want = {n: VALUES[n] for n in sender}
    r.check(f"{page.path}: after a send, the next visit fills in the sender's name and email",
            kept == want and company == "", f"sender {kept}, company {company!r}")
    fill(browser, shown, VALUES)
    submit(browser, form)
    wait_for_mailto(browser, "")
    browser.script("document.querySelector('[data-portico-copy]').click()")
    time.sleep(0.3)
    said, text = browser.script(
        "return [document.querySelector('[data-portico-copied]').textContent,"
        " document.querySelector('[data-portico-composed]').value]")
    r.check(f"{page.path}: 'Copy the details' gives the message as text for webmail",
            said.startswith(("Copied", "Your browser did not")) and text.startswith("Subject: ")
            and VALUES["company"] in text, f"said {said!r}, text {text[:80]!r}")


def guarded(r: Report, page: Page, test, *args) -> None:
    """Runs one page's test; an error (a missing element, say) fails only that page."""
    try:
        test(*args)
    except Exception as e:  # noqa: BLE001
        first = ((getattr(e, "msg", None) or str(e)).strip().splitlines() or [""])[0]
        r.check(f"{page.path}: test ran to the end", False, f"{type(e).__name__}: {first}")


def run(r: Report, portico: Path, fixture: Path, tmp: Path, work: Path) -> None:
    shutil.copytree(fixture, tmp, dirs_exist_ok=True)
    server = Server()
    server.start()
    browser = Browser(work)
    try:
        built_b = build(r, portico, tmp, "site-b")  # the unchanged copy: variant B, mailto
        action = server.url("referrals")
        built_a = r.check("program.yml gets referral.form_action",
                          add_form_action(tmp / "content/program.yml", action),
                          "no line 'referral:' in the fixture's program.yml") and build(r, portico, tmp, "site-a")
        browser.start()
        if built_a:
            server.root = tmp / "site-a"
            for page in PAGES:
                guarded(r, page, form_endpoint_page, r, browser, server, page)
        if built_b:
            server.root = tmp / "site-b"
            for page in PAGES:
                guarded(r, page, mailto_page, r, browser, server, page, server.root)
            for page in PAGES:
                if page.form_id == "referral-form":
                    guarded(r, page, remembered_page, r, browser, server, page)
                if page.path.startswith("partners/") and page.form_id == "referral-form":
                    guarded(r, page, phone_page, r, browser, server, page)
    finally:
        browser.quit()
        server.stop()


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="check-referral-forms", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("portico", type=Path, nargs="?", default=REPO / ".build/debug/portico")
    ap.add_argument("--fixture", type=Path, default=REPO / "Tests/Fixtures/base")
    ap.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    return run_scenarios(
        "check-referral-forms", args.work,
        lambda r, tmp, work: run(r, args.portico.resolve(), args.fixture.resolve(), tmp, work), "fixture.")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
