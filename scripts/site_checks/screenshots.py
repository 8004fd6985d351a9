"""Gate: full-page screenshots of every page-kind sample at 375 px and 1280 px, and no
sideways scrolling at 375 px on any page (document.documentElement.scrollWidth <=
window.innerWidth), plus a responsive viewport meta tag on every page."""

from __future__ import annotations

import re
from pathlib import Path

WIDTHS = (375, 1280)
NARROW = 375

MEASURE_JS = """
const W = window.innerWidth, doc = document.documentElement;
const res = {scrollWidth: doc.scrollWidth, innerWidth: W, culprits: []};
if (doc.scrollWidth > W) {
  const clipped = el => {
    for (let a = el.parentElement; a && a !== document.body && a !== doc; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > W + 0.5 && !clipped(el)) wide.push(el);
  }
  const set = new Set(wide);
  const innermost = wide.filter(el => ![...el.children].some(c => set.has(c)));
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  res.culprits = innermost.slice(0, 5).map(el => {
    const path = []; for (let a = el; a && a !== document.body; a = a.parentElement) path.unshift(name(a));
    return path.slice(-4).join(' > ') + ' (right edge ' + Math.round(el.getBoundingClientRect().right) + 'px)';
  });
}
return res;
"""


def shot_name(page: str, width: int) -> str:
    stem = page[:-len(".html")] if page.endswith(".html") else page
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", stem.replace("/", "_")) or "index"
    return f"{slug}-{width}.png"


def clear_old(out_dir: Path) -> None:
    for w in WIDTHS:
        for p in out_dir.glob(f"*-{w}.png"):
            p.unlink()


def measure(browser) -> dict:
    return browser.script(MEASURE_JS)


def sideways_message(page: str, m: dict) -> str:
    msg = (f"{page} scrolls sideways at {NARROW}px: scrollWidth {m['scrollWidth']} > "
           f"innerWidth {m['innerWidth']}")
    if m.get("culprits"):
        msg += "; widest elements: " + "; ".join(m["culprits"])
    return msg
