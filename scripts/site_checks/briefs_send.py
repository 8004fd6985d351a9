"""`portico send` against a local SMTP sink through msmtp: one message per contact, nothing
twice, a dry run, a refused message and its resumption, and one partner alone."""

from __future__ import annotations

import collections
import datetime as dt
import email
import email.policy
import email.utils
import re
from pathlib import Path

from briefs_build import run_portico
from briefs_content import Content
from briefs_delivery import (SENT_LINE, SKIPPED_LINE, WOULD_LINE, Sink, failure_message, last_line,
                             lines_matching, read_record)
from briefs_mail import parse_path
from scenarios import Report

REFUSE_AFTER = 3


def month_files(project: Path, month: str, partner: str | None = None) -> dict[str, bytes]:
    """The built messages of a month (of one partner), by path from the project, sorted."""
    folder = project / "mail" / month / (partner or "")
    if not folder.is_dir():
        return {}
    found = {f.relative_to(project).as_posix(): f for f in folder.rglob("*.eml")}
    return {rel: found[rel].read_bytes() for rel in sorted(found)}


def undated(data: bytes) -> bytes:
    """The message without its Date header (and its continuation lines), which send sets."""
    head, _, body = data.partition(b"\r\n\r\n")
    return re.sub(rb"(?im)^Date:[^\r\n]*(?:\r\n[ \t][^\r\n]*)*(?:\r\n|$)", b"", head + b"\r\n") + b"\r\n" + body.rstrip(b"\r\n")


def recent(data: bytes, slack: float = 300) -> bool:
    """Whether the message's Date is the time it was sent (within `slack` seconds of now)."""
    try:
        sent = email.utils.parsedate_to_datetime(email.message_from_bytes(data)["Date"] or "")
    except (TypeError, ValueError):
        return False
    return abs((dt.datetime.now(dt.timezone.utc) - sent).total_seconds()) <= slack


def message_id_of(data: bytes) -> str:
    return str(email.message_from_bytes(data, policy=email.policy.default).get("Message-ID", "")).strip()


def delivered(r: Report, name: str, sink: Sink, files: dict[str, bytes], content: Content,
              partner: str | None = None) -> None:
    """The sink holds each of the files exactly once, sent to its contact, unchanged; and
    nothing for anyone else (a retired partner's contacts included)."""
    arrived = sink.handler.snapshot()
    want_to = sorted(parse_path(rel)[2].lower() for rel in files)
    got_to = sorted(rcpt for a in arrived for rcpt in a.rcpts)
    retired = {c.email for p in content.partners.values() if p.retired for c in p.contacts} \
        - {c.email for p in content.active_partners() for c in p.contacts}
    counts = collections.Counter(got_to)
    problems = [f"{e} got {n}" for e, n in sorted(counts.items()) if n > 1]
    if got_to != want_to:
        problems.append(f"recipients {got_to}, want {want_to}")
    problems += [f"retired partner's contact {e} got mail" for e in sorted(retired & set(got_to))]
    ids = sorted(a.message_id for a in arrived)
    if ids != sorted(message_id_of(d) for d in files.values()):
        problems.append(f"{len(ids)} Message-IDs arrived, not those of the {len(files)} files")
    by_id = {message_id_of(d): d for d in files.values()}
    altered = [a.message_id for a in arrived
               if a.message_id in by_id and undated(a.data) != undated(by_id[a.message_id])]
    if altered:
        problems.append(f"{len(altered)} arrived altered (other than their Date), such as {altered[0]}")
    stale = [a.message_id for a in arrived if not recent(a.data)]
    if stale:
        problems.append(f"{len(stale)} arrived without the time of sending as their Date, such as {stale[0]}")
    who = f"partner {partner}'s contacts" if partner else "every contact of every partner not retired"
    r.check(f"{name}: {who} got exactly one message each, as built; nobody else got any", not problems,
            "; ".join(problems[:5]))


def check_record(r: Report, name: str, record: Path, files: dict[str, bytes]) -> None:
    lines, bad = read_record(record)
    want = sorted((message_id_of(d), parse_path(rel)[2].lower(), rel) for rel, d in files.items())
    got = sorted((x.message_id, x.to.lower(), x.file) for x in lines)
    problems = [f"{len(bad)} lines not <ISO time>TAB<Message-ID>TAB<to>TAB<file>, such as {bad[0]!r}"] if bad else []
    if got != want:
        problems.append(f"{len(got)} lines, want {len(want)} (one per message sent): "
                        f"extra {sorted(set(got) - set(want))[:2]}, missing {sorted(set(want) - set(got))[:2]}")
    r.check(f"{name}: {record.name} has one line per message sent", not problems, "; ".join(problems))


def send(portico: Path, project: Path, month: str, sink: Sink, *extra: str):
    return run_portico(portico, project, "send", month, "--sendmail", sink.command, *extra)


def outcome(proc) -> str:
    return f"exit {proc.returncode}\nstdout: {proc.stdout[-1500:]}\nstderr: {proc.stderr[-1500:]}"


def send_scenarios(r: Report, portico: Path, project: Path, content: Content, month: str, work: Path) -> None:
    files = month_files(project, month)
    total = len(files)
    record = project / "portico-sent.log"
    if not r.check(f"send: mail/{month}/ holds messages to send", total > 0, "no .eml files"):
        return
    with Sink(work) as sink:
        # 1. Everything, once.
        proc = send(portico, project, month, sink)
        r.check(f"send {month}: exits 0", proc.returncode == 0, outcome(proc))
        want_lines = [(rel, parse_path(rel)[2]) for rel in files]
        got_lines = [(rel, to.lower()) for rel, to in lines_matching(proc.stdout, SENT_LINE)]
        r.check(f"send {month}: a 'sent <file> to <address>' line per message, in path order, then "
                f"'Sent {total} of {total} messages for {month}.'",
                got_lines == [(f, t.lower()) for f, t in want_lines]
                and last_line(proc.stdout) == f"Sent {total} of {total} messages for {month}.", outcome(proc))
        delivered(r, f"send {month}", sink, files, content)
        check_record(r, f"send {month}", record, files)

        # 2. Again: nothing new.
        before = len(sink.handler.snapshot())
        proc = send(portico, project, month, sink)
        skipped = [f for (f,) in lines_matching(proc.stdout, SKIPPED_LINE)]
        r.check(f"send {month} again: exits 0, sends nothing, 'skipped <file> (already sent)' for each",
                proc.returncode == 0 and len(sink.handler.snapshot()) == before and skipped == list(files)
                and last_line(proc.stdout) == f"Sent 0 of {total} messages for {month}.",
                f"{len(sink.handler.snapshot()) - before} sent; " + outcome(proc))
        check_record(r, f"send {month} again", record, files)

        # 3. A dry run after two lines of the record are lost.
        lines = record.read_text(encoding="utf-8").splitlines(keepends=True) if record.is_file() else []
        lost = sorted(rel for rel in files if any(line.rstrip("\n").endswith("\t" + rel) for line in lines[-2:]))
        record.write_text("".join(lines[:-2]), encoding="utf-8")
        proc = send(portico, project, month, sink, "--dry-run")
        would = [f for f, _ in lines_matching(proc.stdout, WOULD_LINE)]
        r.check(f"send {month} --dry-run: 'would send' exactly the {len(lost)} unrecorded messages, sends nothing",
                proc.returncode == 0 and would == lost and len(sink.handler.snapshot()) == before
                and last_line(proc.stdout) == f"Would send {len(lost)} of {total} messages for {month}.",
                f"want {lost}; " + outcome(proc))
        r.check(f"send {month} --dry-run: leaves the record as it was",
                record.read_text(encoding="utf-8") == "".join(lines[:-2]) if record.is_file() else False)

        refused_send(r, portico, project, content, month, sink, files)
        partner_send(r, portico, project, content, month, sink)
        if (project / "mail-alt" / month).is_dir():
            other_folders(r, portico, project, content, month, sink, files)


def refused_send(r: Report, portico: Path, project: Path, content: Content, month: str, sink: Sink,
                 files: dict[str, bytes]) -> None:
    """A fresh record; the sink refuses after a few messages; the same command resumes."""
    total, record = len(files), project / "portico-sent.log"
    n = min(REFUSE_AFTER, total - 1)
    record.unlink(missing_ok=True)
    sink.handler.reset(refuse_after=n)
    proc = send(portico, project, month, sink)
    m = failure_message(proc.stderr, sink.command)
    nth = list(files)[n] if n < total else ""
    r.check(f"send {month}, the server refusing after {n}: exits 1 with \"error: '<CMD>' failed for {nth} "
            f"(exit status N): {n} sent, {total - n} left; run the same command again to resume\"",
            proc.returncode == 1 and m is not None and m.group(1) == nth and int(m.group(3)) == n
            and int(m.group(4)) == total - n, outcome(proc))
    check_record(r, f"send {month}, refused after {n}", record, dict(list(files.items())[:n]))
    sink.handler.refuse_after = None
    proc = send(portico, project, month, sink)
    r.check(f"send {month} run again after the refusal: exits 0 and sends the other {total - n}",
            proc.returncode == 0 and len(lines_matching(proc.stdout, SENT_LINE)) == total - n
            and last_line(proc.stdout) == f"Sent {total - n} of {total} messages for {month}.", outcome(proc))
    delivered(r, f"send {month} refused then resumed", sink, files, content)
    check_record(r, f"send {month} refused then resumed", record, files)


def partner_send(r: Report, portico: Path, project: Path, content: Content, month: str, sink: Sink) -> None:
    """--partner ID alone, --resend, and the errors for an unknown month or partner."""
    record = project / "portico-sent.log"
    partners = [p for p in content.active_partners() if month_files(project, month, p.id)]
    if not r.check(f"send {month} --partner: a partner with messages", bool(partners)):
        return
    partner = max(partners, key=lambda p: len(p.contacts))
    files = month_files(project, month, partner.id)
    record.unlink(missing_ok=True)
    sink.handler.reset()
    proc = send(portico, project, month, sink, "--partner", partner.id)
    r.check(f"send {month} --partner {partner.id}: exits 0, 'Sent {len(files)} of {len(files)} messages'",
            proc.returncode == 0 and last_line(proc.stdout) == f"Sent {len(files)} of {len(files)} messages for {month}.",
            outcome(proc))
    delivered(r, f"send {month} --partner {partner.id}", sink, files, content, partner.id)
    sink.handler.reset()
    proc = send(portico, project, month, sink, "--partner", partner.id, "--resend")
    delivered(r, f"send {month} --partner {partner.id} --resend (all already recorded)", sink, files, content,
              partner.id)
    sink.handler.reset()
    retired = next((p.id for p in content.partners.values() if p.retired), "no-such-partner")
    for args, what in ((["2031-01"], "an unknown month"), ([month, "--partner", "no-such-partner"], "an unknown partner"),
                       ([month, "--partner", retired], f"a retired partner ({retired})")):
        proc = run_portico(portico, project, "send", *args, "--sendmail", sink.command)
        r.check(f"send {' '.join(args)}: {what} is an error ('error: ...'), nothing sent",
                proc.returncode != 0 and "error:" in proc.stderr and not sink.handler.snapshot(), outcome(proc))


def other_folders(r: Report, portico: Path, project: Path, content: Content, month: str, sink: Sink,
                  files: dict[str, bytes]) -> None:
    """--mail DIR and --record FILE: the messages of another mail folder, another record."""
    record = project / "other-sent.log"
    sink.handler.reset()
    proc = send(portico, project, month, sink, "--mail", "mail-alt", "--record", record.name)
    lines, _ = read_record(record)
    r.check(f"send {month} --mail mail-alt --record {record.name}: sends every message once, records them there",
            proc.returncode == 0 and len(sink.handler.snapshot()) == len(files) and len(lines) == len(files),
            f"{len(sink.handler.snapshot())} sent, {len(lines)} recorded; " + outcome(proc))
