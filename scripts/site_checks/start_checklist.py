"""The start pages as checklists, in Chromium (run by scripts/check-search on its portal): a
contact who ticks a step sees the progress, and finds it again after reloading the page; the
public start page keeps its own progress; nothing is ticked on a page never used.
"""

from __future__ import annotations

import time

from scenarios import Report

WAIT = 10.0

STATE_JS = """
var steps = document.querySelectorAll('[data-step]');
var boxes = document.querySelectorAll('.start-done input');
var visible = Array.prototype.filter.call(boxes, function (b) { return !b.parentNode.hidden; });
var progress = document.querySelector('[data-start-progress]');
return {steps: steps.length, boxes: boxes.length, visible: visible.length,
        checked: Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length,
        progress: progress && !progress.hidden ? progress.textContent : null,
        done: document.querySelectorAll('.start-step.is-done').length};
"""


def wait_for(browser, ok) -> dict:
    deadline = time.monotonic() + WAIT
    state: dict = {}
    while time.monotonic() < deadline:
        try:
            state = browser.script(STATE_JS)
            if ok(state):
                return state
        except Exception:  # noqa: BLE001  (the page being replaced as it is decrypted)
            pass
        time.sleep(0.05)
    return state


def open_page(browser, url: str) -> dict:
    browser.driver.get("about:blank")
    browser.driver.get(url)
    return wait_for(browser, lambda s: s.get("steps", 0) > 0 and s.get("visible") == s.get("boxes") > 0)


def tick_first(browser) -> None:
    browser.script("document.querySelector('.start-done input').click();")


def scenarios(r: Report, browser, base: str, links: list[dict]) -> None:
    contact = next((link for link in links if link.get("partner")), None)
    if not r.check("a contact's link to open a partner's start page with", contact is not None):
        return
    # The link leads to the partner's page; its start page sits beside it.
    page = contact["url"].split("#", 1)[0]
    folder = page[: -len("index.html")] if page.endswith("index.html") else page
    browser.driver.get("about:blank")
    browser.driver.get(base + contact["url"])
    start = base + folder + "start/index.html"

    fresh = open_page(browser, start)
    r.check("the partner's start page opens with the contact's key, with seven steps and a Done box each",
            fresh.get("steps") == 7 and fresh.get("visible") == 7, f"{fresh}")
    r.check("nothing is ticked on a start page never used, and the progress says so",
            fresh.get("checked") == 0 and fresh.get("progress") == "0 of 7 steps done", f"{fresh}")
    tick_first(browser)
    ticked = wait_for(browser, lambda s: s.get("progress") == "1 of 7 steps done")
    r.check("ticking a step counts it and marks the step done",
            ticked.get("progress") == "1 of 7 steps done" and ticked.get("done") == 1, f"{ticked}")
    again = open_page(browser, start)
    again = wait_for(browser, lambda s: s.get("checked") == 1)
    r.check("the progress is still there after the page is opened again",
            again.get("checked") == 1 and again.get("progress") == "1 of 7 steps done", f"{again}")
    public = open_page(browser, base + "start/index.html")
    r.check("the public start page keeps its own progress, untouched by the partner's page",
            public.get("steps") == 7 and public.get("checked") == 0, f"{public}")
