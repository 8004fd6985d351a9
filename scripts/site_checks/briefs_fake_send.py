"""A stand-in for `portico send`, written from the monthly-briefs contract, so that the send
checks of check-briefs --selfmade can run before (or without) the Swift command.

    python briefs_fake_send.py send YYYY-MM --sendmail CMD [--mail DIR] [--record FILE]
                                [--partner ID] [--dry-run] [--resend]
"""

from __future__ import annotations

import argparse
import datetime as dt
import email
import email.policy
import email.utils
import re
import subprocess
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="portico send")
    ap.add_argument("command", choices=["send"])
    ap.add_argument("month")
    ap.add_argument("--sendmail", required=True)
    ap.add_argument("--mail", default="mail")
    ap.add_argument("--record", default="portico-sent.log")
    ap.add_argument("--partner")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--resend", action="store_true")
    a = ap.parse_args(argv)
    folder = Path(a.mail) / a.month
    if a.partner:
        folder = folder / a.partner
    if not folder.is_dir():
        print(f"error: no messages in {folder}/ (build first, or check the month and partner)", file=sys.stderr)
        return 1
    files = sorted(f.as_posix() for f in folder.rglob("*.eml"))
    record = Path(a.record)
    done = {line.split("\t")[1] for line in record.read_text(encoding="utf-8").splitlines()} \
        if record.is_file() else set()
    sent = 0
    for i, name in enumerate(files):
        data = Path(name).read_bytes()
        msg = email.message_from_bytes(data, policy=email.policy.default)
        mid, to = str(msg["Message-ID"]).strip(), msg["To"].addresses[0].addr_spec
        if mid in done and not a.resend:
            print(f"skipped {name} (already sent)")
            continue
        if a.dry_run:
            print(f"would send {name} to {to}")
            sent += 1
            continue
        now = email.utils.format_datetime(dt.datetime.now(dt.timezone.utc).replace(microsecond=0))
        dated = re.sub(rb"(?im)^Date:[^\r\n]*\r\n(?:[ \t][^\r\n]*\r\n)*", b"Date: " + now.encode() + b"\r\n", data, count=1)
        proc = subprocess.run(["/bin/sh", "-c", a.sendmail], input=dated)
        if proc.returncode != 0:
            print(f"error: '{a.sendmail}' failed for {name} (exit status {proc.returncode}): {sent} sent, "
                  f"{len(files) - i} left; run the same command again to resume", file=sys.stderr)
            return 1
        with record.open("a", encoding="utf-8") as f:
            f.write(f"{dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}\t{mid}\t{to}\t{name}\n")
        print(f"sent {name} to {to}")
        sent += 1
    print(f"{'Would send' if a.dry_run else 'Sent'} {sent} of {len(files)} messages for {a.month}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
