"""Gate: every one-pager prints on exactly one page, on A4 and on US Letter, in real
Chromium (WebDriver "print page": default margins, backgrounds on).

A one-pager is any HTML page of the site with an element whose class list contains
"one-pager" (the asset template's wrapper). Each is loaded over nginx like the other
browser gates, printed to PDF once per paper size, and the PDF's pages are counted (pypdf).
The PDFs are kept next to the screenshots (<page>-a4.pdf, <page>-letter.pdf). The first
page with a task list is printed too, and must show each item as ☐ or ☑."""

from __future__ import annotations

import html.parser
import io
import re
import urllib.parse
from pathlib import Path

import pypdf
from common import GateResult, Site, read_text

ONE_PAGER_CLASS = "one-pager"
# (label, file-name suffix, width cm, height cm)
PAPERS = (("A4", "a4", 21.0, 29.7), ("Letter", "letter", 21.59, 27.94))


class _ClassFinder(html.parser.HTMLParser):
    """Whether any element carries the class token ONE_PAGER_CLASS."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found = False

    def handle_starttag(self, tag, attrs):
        if self.found:
            return
        for name, value in attrs:
            # HTML class lists are separated by ASCII whitespace.
            if name == "class" and ONE_PAGER_CLASS in re.split(r"[ \t\n\f\r]+", value or ""):
                self.found = True
                return

    handle_startendtag = handle_starttag


def is_one_pager(text: str) -> bool:
    finder = _ClassFinder()
    finder.feed(text)
    finder.close()
    return finder.found


def one_pagers(site: Site) -> list[str]:
    return [p for p in site.html if is_one_pager(read_text(site.path(p)))]


def pdf_name(page: str, paper: str) -> str:
    """assets/x/index.html -> assets_x-a4.pdf; about.html -> about-a4.pdf."""
    stem = page[:-len(".html")] if page.endswith(".html") else page
    if stem.endswith("/index"):
        stem = stem[:-len("/index")]
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", stem.replace("/", "_")) or "index"
    return f"{slug}-{paper}.pdf"


def clear_old(out_dir: Path) -> None:
    for _, suffix, _, _ in PAPERS:
        for p in out_dir.glob(f"*-{suffix}.pdf"):
            p.unlink()


def pdf_page_count(pdf: bytes) -> int:
    """Pages of a PDF, read by pypdf; raises ValueError when it cannot be read."""
    try:
        count = len(pypdf.PdfReader(io.BytesIO(pdf), strict=True).pages)
    except pypdf.errors.PyPdfError as e:
        raise ValueError(str(e)) from e
    if count < 1:
        raise ValueError("no pages found in the PDF")
    return count


def check_print(site: Site, base: str, browser, out_dir: Path) -> GateResult:
    """Prints the one-pagers into out_dir (the caller clears old PDFs: clear_old)."""
    r = GateResult("print")
    pages = one_pagers(site)
    if not pages:
        r.summary = f"no one-pagers in the site (no element with class \"{ONE_PAGER_CLASS}\"), nothing to print"
        return r
    browser.reset_viewport()  # print layout must not depend on the screenshot gate's emulated width
    over = 0
    for page in pages:
        browser.load(base + urllib.parse.quote(page))
        for label, suffix, width, height in PAPERS:
            pdf = browser.print_pdf(width, height)
            name = pdf_name(page, suffix)
            (out_dir / name).write_bytes(pdf)
            try:
                count = pdf_page_count(pdf)
            except ValueError as e:
                r.add(f"{page} on {label}: could not count the printed pages: {e} (see {name})")
                continue
            if count > 1:
                over += 1
                r.add(f"{page} prints on {count} pages on {label} ({width:g} x {height:g} cm), "
                      f"a one-pager must fit on one (see {name})")
    r.summary = (f"{len(pages)} one-pagers × {len(PAPERS)} paper sizes, {over} over one page; "
                 f"PDFs in {out_dir}")
    r.summary += check_task_boxes(site, base, browser, out_dir, r)
    return r


TASK_OPEN, TASK_DONE = '<label class="task">', '<label class="task task-done">'


def check_task_boxes(site: Site, base: str, browser, out_dir: Path, r: GateResult) -> str:
    """A printed task list shows its items as ☐ and ☑ (no form controls on paper): the first
    page holding one is printed and its boxes counted in the PDF's text."""
    page = next((p for p in site.html if TASK_OPEN in read_text(site.path(p))
                 or TASK_DONE in read_text(site.path(p))), None)
    if page is None:
        return ""
    text = read_text(site.path(page))
    want_open, want_done = text.count(TASK_OPEN), text.count(TASK_DONE)
    browser.load(base + urllib.parse.quote(page))
    label, suffix, width, height = PAPERS[0]
    pdf = browser.print_pdf(width, height)
    name = pdf_name(page, "tasks-" + suffix)
    (out_dir / name).write_bytes(pdf)
    printed = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    got_open, got_done = printed.count("\u2610"), printed.count("\u2611")
    if (got_open, got_done) != (want_open, want_done):
        r.add(f"{page} printed {got_open} ☐ and {got_done} ☑ for {want_open} open and {want_done} done "
              f"task-list items (see {name})")
    return f"; task list on {page} printed as {got_open} ☐ and {got_done} ☑"
