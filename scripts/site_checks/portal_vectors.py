"""The test vectors of docs/security.md (Tests/Fixtures/crypto/vectors.json), made with the
reference implementation in portal_crypto.py: `python portal_crypto.py vectors`."""

from __future__ import annotations

import json

from portal_crypto import (
    SALT, content_key, epochs_from_access, normalized_email, group_tag, hkdf, key_file_json, key_file_name,
    link_fragment, member_list, page_nonce, asset_path_segment, page_plaintext, partner_path_segment, person_key,
    seal, sealed_page_json, secret_file_text, sha256_hex, wrap_key, wrap_nonce,
)


# --- Test vectors -------------------------------------------------------------------------

VECTOR_SECRET = bytes(range(32))
# People as the vectors know them: (email as written in the content, epoch, partner or None).
VECTOR_PEOPLE = [
    ("alice@acme.example", 0, "acme"),
    ("Zoe.Marsh@Example.COM", 7, "acme"),
    ("bob@bridge.example", 0, "bridge"),
    ("dana@fixture.example", 1, None),
]


# Never derived from: a build refuses them at their line (error non-ascii-email).
REFUSED_EMAILS = ["Zoë@example.com", "ΟΔΥΣΣΕΥΣ@example.com", "lee@acmé.example"]


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
    people = {normalized_email(written): (n, p) for written, n, p in VECTOR_PEOPLE}
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
            "written": [{"written": w, "email": normalized_email(w), "epoch": n, "partner": p} for w, n, p in VECTOR_PEOPLE],
            "refused": {
                "description": "Addresses with characters outside ASCII, refused where the content "
                               "writes them: their lower case is not the same in every language "
                               "(Python lowers 'Σ' at the end of a word to 'ς', Swift to 'σ').",
                "written": REFUSED_EMAILS,
            },
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
                           "case-insensitively: '-' < '.' < '@' < '_' < letters.",
            "members": {e: 0 for e in ["z_e@x.example", "ab@x.example", "zoe@x.example", "a@x.example",
                                       "a.b@x.example", "a-b@x.example", "zz@x.example"]},
            "member_list": member_list({e: 0 for e in ["z_e@x.example", "ab@x.example", "zoe@x.example",
                                                       "a@x.example", "a.b@x.example", "a-b@x.example",
                                                       "zz@x.example"]}),
        },
        "asset_path_segments": {
            "description": "The folder of a team-only asset below assets/: base32(HKDF(secret, "
                           "'asset-path\\n' + id, 10)), lower case, no padding.",
            "segments": {aid: asset_path_segment(secret, aid) for aid in ["pricing-floor", "partner-review-playbook"]},
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
