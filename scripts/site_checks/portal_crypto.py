"""Independent reference implementation of docs/security.md, "Cryptography, version 1".

Written from the document alone, with the `cryptography` package (HKDF, AES-GCM) and the
standard library; the Swift build (swift-crypto) and static/unlock.js (WebCrypto) are tested
against the vectors it prints. Every function is pure and deterministic.

    python portal_crypto.py vectors > Tests/Fixtures/crypto/vectors.json
    python portal_crypto.py open SITE_DIR LINK     # decrypt one sealed page of a built site

LINK is an access link as `portico links` prints it (`<page>#k=<key>`), absolute or relative
to the site root; `open` prints the page's title and the HTML of its <main>.
"""

from __future__ import annotations

import base64
import hashlib
import html.parser
import json
import sys
import urllib.parse
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SALT = b"portico/v1"
SECRET_PREFIX = "portico-secret-v1:"


# --- Primitives ---------------------------------------------------------------------------

def hkdf(ikm: bytes, info: str, n: int) -> bytes:
    """HKDF-SHA256 with the salt portico/v1: the first n bytes of its output."""
    return HKDF(algorithm=hashes.SHA256(), length=n, salt=SALT, info=info.encode("utf-8")).derive(ikm)


def b64(data: bytes) -> str:
    """base64url without padding (RFC 4648 section 5)."""
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def unb64(text: str) -> bytes:
    """The inverse of b64; refuses anything that b64 would not have written."""
    if "=" in text or len(text) % 4 == 1:
        raise ValueError(f"not unpadded base64url: {text!r}")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64(data) != text:
        raise ValueError(f"not canonical base64url: {text!r}")
    return data


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def base32_lower(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=").lower()


def seal(key: bytes, nonce: bytes, plaintext: bytes) -> bytes:
    """AES-256-GCM, no additional data: nonce || ciphertext || 16-byte tag."""
    assert len(key) == 32 and len(nonce) == 12
    return nonce + AESGCM(key).encrypt(nonce, plaintext, None)


def open_sealed(key: bytes, data: bytes) -> bytes:
    """The plaintext of seal(key, nonce, plaintext); raises InvalidTag if it was altered."""
    if len(data) < 12 + 16:
        raise ValueError("sealed data shorter than a nonce and a tag")
    return AESGCM(key).decrypt(data[:12], data[12:], None)


# --- The master secret --------------------------------------------------------------------

def secret_file_text(secret: bytes) -> str:
    return SECRET_PREFIX + secret.hex() + "\n"


def parse_secret_file(text: str) -> bytes:
    if not text.startswith(SECRET_PREFIX) or not text.endswith("\n"):
        raise ValueError("not a Portico secret file")
    digits = text[len(SECRET_PREFIX):-1]
    if len(digits) != 64 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        raise ValueError("a Portico secret file holds 64 hex digits")
    return bytes.fromhex(digits)


def epochs_from_access(access: dict, emails: list[str]) -> dict[str, int]:
    """Each person's epoch from portico-access.json: all + epochs[email] (missing: 0)."""
    return {e: access.get("all", 0) + access.get("epochs", {}).get(e, 0) for e in emails}


# --- Derived values -----------------------------------------------------------------------

def _check_person(email: str, epoch: int) -> None:
    if email != email.lower():
        raise ValueError(f"an email is used in lower case: {email!r}")
    if type(epoch) is not int or epoch < 0:
        raise ValueError(f"an epoch is a whole number from 0: {epoch!r}")


def person_key(secret: bytes, email: str, epoch: int) -> bytes:
    _check_person(email, epoch)
    return hkdf(secret, f"person\n{email}\n{epoch}", 16)


def link_fragment(pkey: bytes) -> str:
    """What follows the page's URL: #k= and 22 characters."""
    return "#k=" + b64(pkey)


def key_file_name(pkey: bytes) -> str:
    """The key file's path in the site: keys/<22 characters>.json."""
    return "keys/" + b64(hkdf(pkey, "key-file", 16)) + ".json"


def wrap_key(pkey: bytes) -> bytes:
    return hkdf(pkey, "wrap", 32)


def group_tag(secret: bytes, group: str) -> str:
    return b64(hkdf(secret, f"group-tag\n{group}", 9))


def member_list(members: dict[str, int]) -> str:
    """'email epoch' lines sorted by email (UTF-8 byte order), joined by line feeds."""
    for email, epoch in members.items():
        _check_person(email, epoch)
    return "\n".join(f"{e} {members[e]}" for e in sorted(members, key=lambda e: e.encode("utf-8")))


def content_key(secret: bytes, group: str, members: dict[str, int]) -> bytes:
    return hkdf(secret, f"content\n{group}\n{member_list(members)}", 32)


def wrap_nonce(secret: bytes, email: str, group: str, ckey: bytes) -> bytes:
    return hkdf(secret, f"wrap-nonce\n{email}\n{group}\n{sha256_hex(ckey)}", 12)


def page_nonce(ckey: bytes, path: str, plaintext: bytes) -> bytes:
    return hkdf(ckey, f"page-nonce\n{path}\n{sha256_hex(plaintext)}", 12)


def partner_path_segment(secret: bytes, partner_id: str) -> str:
    return base32_lower(hkdf(secret, f"partner-path\n{partner_id}", 10))


# --- Files --------------------------------------------------------------------------------

def compact_json(value) -> str:
    """UTF-8 JSON with no spaces, non-ASCII unescaped and '/' not escaped: the form of the
    key files, the sealed-page wrapper and the sealed plaintext."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def page_plaintext(title: str, main_html: str) -> bytes:
    """{"title":...,"main":...} in that order (docs/security.md, Files)."""
    return compact_json({"title": title, "main": main_html}).encode("utf-8")


def wrapped_key(secret: bytes, email: str, epoch: int, group: str, members: dict[str, int]) -> str:
    """b64(seal(W, wrap nonce, C(g))): one entry of a key file."""
    if members.get(email) != epoch:
        raise ValueError(f"{email} with epoch {epoch} is not a member of {group}")
    ckey = content_key(secret, group, members)
    w = wrap_key(person_key(secret, email, epoch))
    return b64(seal(w, wrap_nonce(secret, email, group, ckey), ckey))


def key_file_json(secret: bytes, email: str, epoch: int, groups: dict[str, dict[str, int]]) -> str:
    """The exact text of the person's key file; groups: every group they belong to, with
    its members. No line feed at the end."""
    keys = {group_tag(secret, g): wrapped_key(secret, email, epoch, g, m) for g, m in groups.items()}
    return compact_json({"v": 1, "keys": dict(sorted(keys.items()))})


def sealed_page_json(secret: bytes, group: str, path: str, title: str, main_html: str, *,
                     members: dict[str, int] | None = None, ckey: bytes | None = None) -> str:
    """The text of the page's <script type="application/json" id="portico-sealed"> element;
    the content key is given, or derived from the group's members."""
    if (members is None) == (ckey is None):
        raise ValueError("give the group's members or its content key")
    if ckey is None:
        ckey = content_key(secret, group, members)
    plaintext = page_plaintext(title, main_html)
    data = b64(seal(ckey, page_nonce(ckey, path, plaintext), plaintext))
    return compact_json({"v": 1, "group": group_tag(secret, group), "data": data})


# --- Reading a built site -----------------------------------------------------------------

class _SealedFinder(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inside = False
        self.text: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("id") == "portico-sealed" and self.text is None:
            self.inside, self.text = True, ""

    def handle_endtag(self, tag):
        if tag == "script":
            self.inside = False

    def handle_data(self, data):
        if self.inside:
            self.text += data


def sealed_element_text(page_html: str) -> str | None:
    """The text of the page's #portico-sealed script element, or None on a public page."""
    finder = _SealedFinder()
    finder.feed(page_html)
    finder.close()
    return finder.text


def open_page(site: Path, page_html: str, pkey: bytes) -> tuple[dict, bytes]:
    """Opens a sealed page as unlock.js does, from the site's files: returns the plaintext
    object and its bytes. Raises LookupError when the key file or its entry is missing."""
    wrapper = json.loads(sealed_element_text(page_html) or "null")
    if not isinstance(wrapper, dict) or wrapper.get("v") != 1:
        raise ValueError("no version 1 #portico-sealed element on the page")
    key_file = site / key_file_name(pkey)
    if not key_file.is_file():
        raise LookupError(f"no key file {key_file_name(pkey)}: the link's access has ended")
    keys = json.loads(key_file.read_text(encoding="utf-8"))["keys"]
    if wrapper["group"] not in keys:
        raise LookupError(f"the key file has no key for group tag {wrapper['group']}")
    ckey = open_sealed(wrap_key(pkey), unb64(keys[wrapper["group"]]))
    plaintext = open_sealed(ckey, unb64(wrapper["data"]))
    return json.loads(plaintext.decode("utf-8")), plaintext


def split_link(link: str) -> tuple[str, bytes]:
    """(path of the page as written in the link, person key) of `<page>#k=<key>`."""
    page, _, fragment = link.partition("#")
    if not fragment.startswith("k="):
        raise ValueError("the link has no #k= fragment")
    pkey = unb64(fragment[2:])
    if len(pkey) != 16:
        raise ValueError("a person key is 16 bytes")
    return urllib.parse.unquote(urllib.parse.urlsplit(page).path), pkey


def page_file(site: Path, url_path: str) -> Path | None:
    """The file that a link's path names in the site: relative links as they are, absolute
    ones with as many leading folders dropped as the site root has (found by trying)."""
    parts = [p for p in url_path.split("/")]
    wants_index = url_path.endswith("/") or url_path == ""
    parts = [p for p in parts if p]
    for start in range(len(parts) + 1):
        candidate = site.joinpath(*parts[start:]) if parts[start:] else site
        if wants_index or candidate.is_dir():
            candidate = candidate / "index.html"
        if candidate.is_file():
            return candidate
    return None


# --- Test vectors -------------------------------------------------------------------------

VECTOR_SECRET = bytes(range(32))
# People as the vectors know them: (email as written in the content, epoch, partner or None).
VECTOR_PEOPLE = [
    ("alice@acme.example", 0, "acme"),
    ("Zoë@Example.com", 7, "acme"),
    ("bob@bridge.example", 0, "bridge"),
    ("dana@fixture.example", 1, None),
]


def vector_groups(people: dict[str, tuple[int, str | None]]) -> dict[str, dict[str, int]]:
    """partners: everyone; team: team members; partner:<id>: its contacts and the team."""
    team = {e: n for e, (n, p) in people.items() if p is None}
    groups = {"partners": {e: n for e, (n, _) in people.items()}, "team": dict(team)}
    for partner in sorted({p for _, p in people.values() if p}):
        groups[f"partner:{partner}"] = {**{e: n for e, (n, p) in people.items() if p == partner}, **team}
    return groups


def describe_people(secret: bytes, people: dict[str, tuple[int, str | None]]) -> list[dict]:
    groups = vector_groups(people)
    out = []
    for email, (epoch, _) in people.items():
        pkey = person_key(secret, email, epoch)
        mine = {g: m for g, m in groups.items() if email in m}
        out.append({
            "email": email, "epoch": epoch,
            "person_key_info": f"person\n{email}\n{epoch}",
            "person_key_hex": pkey.hex(),
            "link_fragment": link_fragment(pkey),
            "key_file_name": key_file_name(pkey),
            "wrap_key_hex": wrap_key(pkey).hex(),
            "groups": sorted(mine),
            "wrap_nonces_hex": {g: wrap_nonce(secret, email, g, content_key(secret, g, m)).hex()
                                for g, m in sorted(mine.items())},
            "key_file_json": key_file_json(secret, email, epoch, mine),
        })
    return out


def describe_groups(secret: bytes, groups: dict[str, dict[str, int]]) -> list[dict]:
    out = []
    for g, members in groups.items():
        ckey = content_key(secret, g, members)
        out.append({
            "group": g, "members": dict(sorted(members.items())),
            "member_list": member_list(members),
            "group_tag": group_tag(secret, g),
            "content_key_hex": ckey.hex(),
            "content_key_sha256_hex": sha256_hex(ckey),
        })
    return out


def vectors() -> dict:
    secret = VECTOR_SECRET
    people = {written.lower(): (n, p) for written, n, p in VECTOR_PEOPLE}
    groups = vector_groups(people)
    hkdf_info = "person\nalice@acme.example\n0"

    # A sealed page: non-ASCII and a quote in the title, </script> and a slash in main.
    acme = partner_path_segment(secret, "acme")
    path = f"partners/{acme}/index.html"
    title = 'Acme "Gold" – Zoë’s page · Fixture Partner Portal'
    main = ('<h1 id="acme">Acme Consulting</h1>\n<p>Café &amp; crème, 5 &lt; 6</p>\n'
            '<pre><code>&lt;/script&gt;\t"quoted" \\ back</code></pre>'
            '<script>var s = "</script>";</script>')
    members = groups["partner:acme"]
    ckey = content_key(secret, "partner:acme", members)
    plaintext = page_plaintext(title, main)
    sealed_json = sealed_page_json(secret, "partner:acme", path, title, main, members=members)

    # JSON escaping of the plaintext, character by character.
    samples = ['"', "\\", "/", "\n", "\r", "\t", "\b", "\f", "\x00", "\x1f", "\x7f", "\u2028",
               "é", "\U0001F600", "</script>", "<!--"]

    # Rotation: alice's epoch goes from 0 to 1.
    rotated = dict(people)
    rotated["alice@acme.example"] = (1, "acme")
    before, after = describe_people(secret, people), describe_people(secret, rotated)
    groups_after = vector_groups(rotated)
    changed, unchanged = [], []
    for b, a in zip(before, after):
        for field in ("person_key_hex", "key_file_name", "wrap_key_hex", "key_file_json"):
            (changed if b[field] != a[field] else unchanged).append(f"{b['email']} {field}")
    for g in groups:
        ck = content_key(secret, g, groups[g]) != content_key(secret, g, groups_after[g])
        (changed if ck else unchanged).append(f"{g} content_key")
    unchanged += [f"{g} group_tag" for g in groups] + ["partner path segments"]  # never depend on epochs
    want_changed = {"alice@acme.example person_key_hex", "alice@acme.example key_file_name",
                    "alice@acme.example wrap_key_hex", "partners content_key",
                    "partner:acme content_key"} | {f"{e} key_file_json" for e in people}
    assert set(changed) == want_changed, sorted(set(changed) ^ want_changed)

    return {
        "description": "Test vectors for docs/security.md, Cryptography version 1, made by "
                       "scripts/site_checks/portal_crypto.py (python portal_crypto.py vectors). "
                       "Bytes are lowercase hex (*_hex) or unpadded base64url as the document "
                       "writes them; every text is UTF-8.",
        "secret_hex": secret.hex(),
        "secret_file": {
            "description": "The secret file for this secret: prefix, 64 hex digits, a line feed.",
            "text": secret_file_text(secret),
        },
        "hkdf": {
            "description": "One plain HKDF-SHA256 call with the salt portico/v1: "
                           "HKDF(secret, info, 16), which is the person key of alice@acme.example at epoch 0.",
            "salt_hex": SALT.hex(), "info": hkdf_info, "length": 16,
            "output_hex": hkdf(secret, hkdf_info, 16).hex(),
        },
        "epochs": {
            "description": "A person's epoch is all + epochs[email], a missing entry counting as 0.",
            "access_file": {"version": 1, "all": 1, "epochs": {"zoë@example.com": 6}},
            "expected": epochs_from_access({"version": 1, "all": 1, "epochs": {"zoë@example.com": 6}},
                                           ["alice@acme.example", "zoë@example.com"]),
        },
        "people": {
            "description": "Each person: the email as written in the content, the lower-case email "
                           "that every derivation uses (bytes of its UTF-8 form, no normalisation), "
                           "the epoch and the partner (null: a team member); then every value "
                           "derived for them, and their whole key file (its exact bytes, no line feed "
                           "at the end) holding one entry for every group they belong to.",
            "written": [{"written": w, "email": w.lower(), "epoch": n, "partner": p} for w, n, p in VECTOR_PEOPLE],
            "derived": before,
        },
        "groups": {
            "description": "partners holds everyone, team the team members, partner:<id> that "
                           "partner's contacts and every team member. member_list is M(g): "
                           "'email epoch' lines sorted by the bytes of the email's UTF-8 form, "
                           "joined by line feeds, none at the end.",
            "groups": describe_groups(secret, groups),
        },
        "member_list_order": {
            "description": "M(g) sorts by UTF-8 bytes (Unicode code points), not by locale or "
                           "case-insensitively: '-' < '.' < '@' < letters, and 'ë' after 'z'.",
            "members": {e: 0 for e in ["zoë@x.example", "ab@x.example", "zoe@x.example", "a@x.example",
                                       "a.b@x.example", "a-b@x.example", "zz@x.example"]},
            "member_list": member_list({e: 0 for e in ["zoë@x.example", "ab@x.example", "zoe@x.example",
                                                       "a@x.example", "a.b@x.example", "a-b@x.example",
                                                       "zz@x.example"]}),
        },
        "partner_path_segments": {
            "description": "base32(HKDF(secret, 'partner-path\\n' + id, 10)), lower case, no padding.",
            "segments": {pid: partner_path_segment(secret, pid) for pid in ["acme", "bridge", "cargo-compass"]},
        },
        "sealed_page": {
            "description": "The partner page of acme, sealed for group partner:acme. plaintext is the "
                           "exact UTF-8 text of the JSON {\"title\",\"main\"}; sealed_element_text is "
                           "the exact text of the page's <script type=\"application/json\" "
                           "id=\"portico-sealed\"> element; it holds only base64url and the group tag, "
                           "so it needs no escaping inside <script>.",
            "group": "partner:acme", "path": path, "title": title, "main": main,
            "content_key_hex": ckey.hex(),
            "plaintext": plaintext.decode("utf-8"),
            "plaintext_sha256_hex": sha256_hex(plaintext),
            "page_nonce_info": f"page-nonce\n{path}\n{sha256_hex(plaintext)}",
            "page_nonce_hex": page_nonce(ckey, path, plaintext).hex(),
            "data": json.loads(sealed_json)["data"],
            "sealed_element_text": sealed_json,
        },
        "json_escaping": {
            "description": "How the plaintext JSON writes one character of a title or main: "
                           "'\"' and '\\' and U+0000-U+001F escaped as JSON requires (\\b \\f \\n \\r \\t, "
                           "else \\u00xx in lower-case hex); everything else, '/' and non-ASCII "
                           "included, as it is. plaintext is the plaintext of {\"title\": input, \"main\": \"\"}.",
            "cases": [{"input": s, "code_points": " ".join(f"U+{ord(c):04X}" for c in s),
                       "plaintext": page_plaintext(s, "").decode("utf-8")} for s in samples],
        },
        "seal": {
            "description": "seal(key, nonce, plaintext) = nonce || ciphertext || tag, AES-256-GCM without "
                           "additional data; here key = bytes 0x20..0x3f, nonce = bytes 0x00..0x0b.",
            "key_hex": bytes(range(32, 64)).hex(), "nonce_hex": bytes(range(12)).hex(),
            "plaintext": "portico", "sealed_hex": seal(bytes(range(32, 64)), bytes(range(12)), b"portico").hex(),
        },
        "rotation": {
            "description": "alice@acme.example's epoch goes from 0 to 1 (portico keys rotate --contact). "
                           "Her person key, link, key file name and wrap key change; so do the content keys "
                           "of her groups (partners, partner:acme), and with them the key files of everyone "
                           "in those groups (their names stay). Group tags, partner path segments, the team "
                           "and partner:bridge content keys and everyone else's keys do not change.",
            "epoch_before": 0, "epoch_after": 1,
            "changed": sorted(changed),
            "unchanged": sorted(unchanged),
            "people_after": [{k: v for k, v in p.items() if k in ("email", "epoch", "person_key_hex",
                                                                    "link_fragment", "key_file_name",
                                                                    "wrap_key_hex", "key_file_json")}
                             for p in after],
            "groups_after": [{k: v for k, v in g.items() if k in ("group", "member_list", "content_key_hex")}
                             for g in describe_groups(secret, groups_after)],
        },
    }


# --- Command line -------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if argv[:1] == ["vectors"] and len(argv) == 1:
        sys.stdout.write(json.dumps(vectors(), ensure_ascii=False, indent=1) + "\n")
        return 0
    if argv[:1] == ["open"] and len(argv) == 3:
        site = Path(argv[1])
        try:
            url_path, pkey = split_link(argv[2])
        except ValueError as e:
            print(f"portal_crypto: {e}", file=sys.stderr)
            return 1
        page = page_file(site, url_path)
        if page is None:
            print(f"portal_crypto: no page for {url_path!r} in {site}", file=sys.stderr)
            return 1
        try:
            content, _ = open_page(site, page.read_text(encoding="utf-8"), pkey)
        except (LookupError, ValueError) as e:
            print(f"portal_crypto: {page.relative_to(site)}: {e}", file=sys.stderr)
            return 1
        except Exception as e:  # noqa: BLE001  (InvalidTag: a key or page that does not match)
            print(f"portal_crypto: {page.relative_to(site)}: cannot decrypt ({type(e).__name__})", file=sys.stderr)
            return 1
        print(f"page: {page.relative_to(site).as_posix()}\ntitle: {content['title']}\n\n{content['main']}")
        return 0
    print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
