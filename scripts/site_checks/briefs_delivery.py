"""Delivery of the built brief emails: a local SMTP sink (aiosmtpd) that records what arrives
and can be told to refuse, an msmtp configuration that sends to it, and `portico send`
against both."""

from __future__ import annotations

import email
import email.policy
import os
import re
import shlex
import socket
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Arrival:
    rcpts: list[str]  # the envelope's recipients, in lower case
    message_id: str
    data: bytes


class SinkHandler:
    """aiosmtpd handler: keeps every accepted message; once `refuse_after` messages have
    arrived it answers 554 to RCPT and DATA."""

    def __init__(self) -> None:
        self.arrived: list[Arrival] = []
        self.refuse_after: int | None = None
        self.refused = 0
        self._lock = threading.Lock()

    def reset(self, refuse_after: int | None = None) -> None:
        with self._lock:
            self.arrived, self.refuse_after, self.refused = [], refuse_after, 0

    def _refusing(self) -> bool:
        return self.refuse_after is not None and len(self.arrived) >= self.refuse_after

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self._lock:
            if self._refusing():
                self.refused += 1
                return "554 5.7.1 check-briefs: the sink refuses this message"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self._refusing():
                self.refused += 1
                return "554 5.7.1 check-briefs: the sink refuses this message"
            data = envelope.content if isinstance(envelope.content, bytes) else envelope.content.encode()
            msg = email.message_from_bytes(data, policy=email.policy.default)
            self.arrived.append(Arrival([r.lower() for r in envelope.rcpt_tos],
                                        str(msg.get("Message-ID", "")).strip(), data))
        return "250 2.0.0 accepted"

    def snapshot(self) -> list[Arrival]:
        with self._lock:
            return list(self.arrived)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """An SMTP server on 127.0.0.1 in a thread of this process, with an msmtp configuration
    (mode 0600: msmtp refuses a configuration others can read) that sends to it."""

    def __init__(self, folder: Path) -> None:
        self.handler = SinkHandler()
        self.port = free_port()
        self.controller = None
        self.conf = folder / "msmtprc"
        self.msmtp_log = folder / "msmtp.log"

    def start(self) -> None:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        self.conf.write_text(f"account default\nhost 127.0.0.1\nport {self.port}\nauth off\ntls off\n"
                             f"from check-briefs@localhost\nlogfile {self.msmtp_log}\n", encoding="utf-8")
        os.chmod(self.conf, 0o600)

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    @property
    def command(self) -> str:
        """The --sendmail command: msmtp reading the recipients from the message (-t)."""
        return f"msmtp -C {shlex.quote(str(self.conf))} -t"

    def __enter__(self) -> "Sink":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def pipe_to_msmtp(sink: Sink, data: bytes) -> subprocess.CompletedProcess:
    """Sends one message the way `portico send` does: the command through /bin/sh, the message on stdin."""
    return subprocess.run(["/bin/sh", "-c", sink.command], input=data, capture_output=True, timeout=60)


# --- What `portico send` prints and records ------------------------------------------------

@dataclass
class Record:
    time: str
    message_id: str
    to: str
    file: str


def read_record(path: Path) -> tuple[list[Record], list[str]]:
    """The record's lines, and the lines that are not <ISO time>TAB<Message-ID>TAB<to>TAB<file>."""
    import datetime as dt

    records, bad = [], []
    if not path.is_file():
        return records, bad
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        try:
            if len(fields) != 4:
                raise ValueError("not 4 fields")
            dt.datetime.fromisoformat(fields[0].replace("Z", "+00:00"))
            records.append(Record(*fields))
        except ValueError:
            bad.append(line)
    return records, bad


SENT_LINE = re.compile(r"sent (mail/\S+\.eml) to (\S+)")
SKIPPED_LINE = re.compile(r"skipped (mail/\S+\.eml) \(already sent\)")
WOULD_LINE = re.compile(r"would send (mail/\S+\.eml) to (\S+)")


def lines_matching(stdout: str, pattern: re.Pattern) -> list[tuple[str, ...]]:
    return [m.groups() for m in (pattern.fullmatch(line.strip()) for line in stdout.splitlines()) if m]


def last_line(stdout: str) -> str:
    lines = [line for line in stdout.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def failure_message(stderr: str, command: str) -> re.Match | None:
    """error: '<CMD>' failed for mail/.../x.eml (exit status N): N sent, M left; run the same command again to resume"""
    return re.search(rf"error: '{re.escape(command)}' failed for (mail/\S+\.eml) \(exit status (\d+)\): "
                     r"(\d+) sent, (\d+) left; run the same command again to resume", stderr)
