"""Driving one form page in headless Chromium for scripts/site_checks/referral_forms.py:
its controls, filling them in, submitting, and the mailto: links the page offers."""

from __future__ import annotations

from browser import Browser

CONTROLS_JS = """
const form = document.querySelector(arguments[0]);
if (!form) return null;
return Array.from(form.querySelectorAll('input, textarea, select'))
  .filter(el => !['submit', 'reset', 'button', 'image'].includes(el.type) && !el.hasAttribute('data-portico-composed'))
  .map(el => ({el: el, name: el.name, type: el.type, value: el.value, required: el.required}));
"""
SET_VALUE_JS = """
arguments[0].value = arguments[1];
arguments[0].dispatchEvent(new Event('input', {bubbles: true}));
arguments[0].dispatchEvent(new Event('change', {bubbles: true}));
"""
# DOMParser parses with scripting off, so <noscript> content becomes elements.
FALLBACK_JS = """
const doc = new DOMParser().parseFromString(arguments[0], 'text/html');
const box = doc.getElementById('mailto-fallback');
if (!box) return null;
const a = box.matches('a[href]') ? box : box.querySelector('a[href^="mailto:"]');
return a ? a.getAttribute('href') : '';
"""


def load_form(browser: Browser, url: str, form_id: str) -> tuple[object, list[dict]] | None:
    """Loads the page; returns its form element and the form's controls in DOM order
    (buttons left out), or None when the page has no such form."""
    browser.load(url)
    controls = browser.script(CONTROLS_JS, f"form#{form_id}")
    if controls is None:
        return None
    return browser.driver.find_element("css selector", f"form#{form_id}"), controls


def visible(controls: list[dict]) -> list[dict]:
    return [c for c in controls if c["type"] != "hidden"]


def click(browser: Browser, element) -> None:
    from selenium.common.exceptions import ElementClickInterceptedException

    browser.script("arguments[0].scrollIntoView({block: 'center'});", element)
    try:
        element.click()
    except ElementClickInterceptedException:
        browser.script("arguments[0].click();", element)


def submit(browser: Browser, form) -> None:
    click(browser, form.find_element("css selector", "button[type=submit]"))


def fill(browser: Browser, shown: list[dict], values: dict[str, str]) -> dict[str, str]:
    """Types the values of the controls named in values; returns name -> typed value."""
    typed = {}
    for c in shown:
        value, element = values.get(c["name"]), c["el"]
        if value is None:
            continue
        # Optional fields fold behind a disclosure ("More about it"): open it, as a person would.
        browser.script("const d = arguments[0].closest('details'); if (d && !d.open) d.querySelector('summary').click();",
                       element)
        if c["type"] == "checkbox":
            if not element.is_selected():
                click(browser, element)
        elif c["type"] in ("date", "select-one"):  # typing a date depends on the locale
            browser.script(SET_VALUE_JS, element, value)
        else:
            element.clear()
            element.send_keys(value)
        typed[c["name"]] = value
    return typed


def composed_href(browser: Browser) -> str:
    return browser.script("const a = document.getElementById('composed-mailto');"
                          "return a ? a.getAttribute('href') || '' : '';") or ""


def fallback_href(browser: Browser, html: str) -> str | None:
    """The mailto: href of #mailto-fallback in the page source as parsed without scripts
    ('' when it holds no such link), or None when the page has no #mailto-fallback."""
    return browser.script(FALLBACK_JS, html)
