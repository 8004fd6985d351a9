"""The contract of the referral and deal-registration forms that scripts/site_checks/
referral_forms.py tests: the field catalogue, what is typed into each field, and the
forms the fixture Tests/Fixtures/base must produce (hard-coded: they are the spec)."""

from __future__ import annotations

from dataclasses import dataclass, field

# The field catalogue: name -> (label used in emails, input type).
CATALOGUE = {
    "company": ("Company", "text"), "website": ("Company website", "url"),
    "contact_name": ("Contact name", "text"), "contact_role": ("Contact's role", "text"),
    "contact_email": ("Contact email", "email"), "contact_phone": ("Contact phone", "tel"),
    "country": ("Country or region", "text"), "problem": ("Problem to solve", "textarea"),
    "current_solution": ("How they handle it today", "textarea"), "timeline": ("Timeline", "text"),
    "budget": ("Budget", "text"), "sites": ("Number of sites", "number"), "volume": ("Volume", "text"),
    "decision_process": ("Decision process", "textarea"),
    "expected_close": ("Expected close date", "date"), "notes": ("Anything else", "textarea"),
    "consent": ("The contact agreed to be introduced", "checkbox"),
    "referrer_name": ("Your name", "text"), "referrer_email": ("Your email", "email"),
    "partner": ("Your company", "text"), "referral_code": ("Referral code", "text"),
}
# What is typed into each field: characters that URL and mail encodings get wrong.
VALUES = {
    "company": "Zoë & Søn #1 ?50% +x=y", "website": "https://example.com/a?b=c&d=e#f",
    "contact_name": "Zoë Łukasiewicz", "contact_role": "Head of Ops & IT #2 =lead",
    "contact_email": "zoe.lukasiewicz+ref@example.com", "contact_phone": "+44 20 7946 0000",
    "country": "Åland ?a=b & 3%", "problem": "Line one & more\nLine two: 100% #yes?",
    "current_solution": "Spreadsheets + email\nand a fax (50%?) #old",
    "timeline": "Q1 2027 & before #peak ?a=b+c 10%", "budget": "€20k–30k + VAT = 100%",
    "sites": "3", "volume": "1 200 trucks/day = 50% +peak #x?",
    "decision_process": "CFO signs & COO decides\nBoard #2 meets in May?",
    "expected_close": "2026-12-15", "notes": "Call after 3 pm + ask for Łukasz\nRef #7 & 100% sure?",
    "consent": "yes", "referrer_name": "Ana Ñúñez-O'Brien & Co #3",
    "referrer_email": "ana.referrer@example.org", "partner": "Referrers & Co. #9 +1=2 ?x 5%",
    "referral_code": "PUB-42 ?&=+%#",
}
PARTNER_TAIL = ["Partner: Acme Consulting", "Referral code: ACME-7"]
ACME_HIDDEN = {"partner": "acme", "referral_code": "ACME-7"}


@dataclass
class Page:
    path: str
    form_id: str
    fields: list[str]  # visible controls, in DOM order
    required: set[str]
    hidden: dict[str, str]
    subject: str  # followed by the typed company
    cc: str | None
    tail: list[str] = field(default_factory=list)  # last lines of the mailto body


PAGES = [
    Page("partners/acme/refer/index.html", "referral-form",
         ["company", "contact_name", "contact_email", "problem", "timeline", "website", "sites",
          "consent", "referrer_name", "referrer_email"],
         {"company", "contact_name", "contact_email", "problem", "timeline", "referrer_name",
          "referrer_email"},
         {"form": "referral", **ACME_HIDDEN}, "Referral from Acme Consulting: ",
         "dana@fixture.example", PARTNER_TAIL),
    Page("partners/acme/refer/register/index.html", "registration-form",
         ["company", "contact_email", "expected_close", "notes", "referrer_name", "referrer_email"],
         {"company", "contact_email", "expected_close", "referrer_name", "referrer_email"},
         {"form": "registration", **ACME_HIDDEN}, "Deal registration from Acme Consulting: ",
         "dana@fixture.example", PARTNER_TAIL),
    Page("refer/index.html", "referral-form",
         ["company", "contact_name", "contact_email", "problem", "website", "sites", "consent",
          "referrer_name", "referrer_email", "partner", "referral_code"],
         {"company", "contact_name", "contact_email", "problem", "referrer_name", "referrer_email",
          "partner"},
         {"form": "referral"}, "Referral: ", None),
]
