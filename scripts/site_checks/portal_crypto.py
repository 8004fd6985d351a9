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

def normalized_email(written: str) -> str:
    """An address as keys use it: ASCII only (a build refuses others at their line), its ASCII
    letters in lower case. str.lower() would also lower non-ASCII letters, and not as Swift does."""
    if not written.isascii():
        raise ValueError(f"an email is ASCII: {written!r}")
    return written.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _check_person(email: str, epoch: int) -> None:
    if email != normalized_email(email):
        raise ValueError(f"an email is used normalised (ASCII, lower case): {email!r}")
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


def asset_path_segment(secret: bytes, asset_id: str) -> str:
    """The folder below assets/ of a team-only asset in an encrypted build."""
    return base32_lower(hkdf(secret, f"asset-path\n{asset_id}", 10))


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


def reader_nonce(secret: bytes, email: str, card: bytes) -> bytes:
    return hkdf(secret, f"reader-nonce\n{email}\n{sha256_hex(card)}", 12)


def key_file_json(secret: bytes, email: str, epoch: int, groups: dict[str, dict[str, int]],
                  reader: bytes | None = None) -> str:
    """The exact text of the person's key file; groups: every group they belong to, with
    its members; reader: their reader card's exact bytes, sealed after the keys. No line feed
    at the end."""
    keys = {group_tag(secret, g): wrapped_key(secret, email, epoch, g, m) for g, m in groups.items()}
    value = {"v": 1, "keys": dict(sorted(keys.items()))}
    if reader is not None:
        w = wrap_key(person_key(secret, email, epoch))
        value["reader"] = b64(seal(w, reader_nonce(secret, email, reader), reader))
    return compact_json(value)


NAV_SECTIONS = [("start", "Start", "start/index.html"), ("program", "Program", "index.html"),
                ("library", "Library", "assets/index.html"), ("briefs", "Briefs", "briefs/index.html"),
                ("refer", "Refer", "refer/index.html")]


def reader_card(name: str, partner_name: str | None, segment: str | None) -> bytes:
    """The reader card docs/security.md describes: a partner's contact (segment: the partner's
    path segment) or a team member (segment None)."""
    sections = [{"id": i, "label": label, "path": path} for i, label, path in NAV_SECTIONS]
    if segment is not None:
        own = {"start": f"partners/{segment}/start/index.html", "refer": f"partners/{segment}/refer/index.html"}
        nav = [{"id": "partner", "label": "Your partner page", "path": f"partners/{segment}/index.html"}]
        nav += [{**s, "path": own.get(s["id"], s["path"])} for s in sections]
    else:
        nav = sections + [{"id": "partners", "label": "Partners", "path": "partners/index.html"},
                          {"id": "health", "label": "Health", "path": "health/index.html"}]
    return compact_json({"name": name, "partner": partner_name or "", "team": segment is None,
                         "nav": nav}).encode("utf-8")


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


# --- Command line -------------------------------------------------------------------------

def main(argv: list[str]) -> int:
    if argv[:1] == ["vectors"] and len(argv) == 1:
        from portal_vectors import vectors

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
