"""nginx on 127.0.0.1 on a free port, serving WORK/www (the site under /portal/)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import SUBPATH

TEMPLATE = Path(__file__).with_name("nginx.conf.template")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    def __init__(self, work: Path):
        self.work = work
        self.conf = work / "nginx.conf"
        self.pidfile = work / "nginx.pid"
        self.port = 0
        self.exe = shutil.which("nginx") or "/usr/sbin/nginx"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{SUBPATH}/"

    def start(self) -> None:
        (self.work / "nginx-tmp").mkdir(exist_ok=True)
        last_error = ""
        for _ in range(5):
            self.port = free_port()
            text = (TEMPLATE.read_text()
                    .replace("@WORK@", str(self.work))
                    .replace("@PORT@", str(self.port))
                    # Workers must read the copied site; as root, run them as root.
                    .replace("@USER@", "user root;" if os.geteuid() == 0 else ""))
            self.conf.write_text(text)
            proc = subprocess.run(
                [self.exe, "-p", str(self.work) + "/", "-c", str(self.conf), "-e", str(self.work / "nginx-error.log")],
                capture_output=True, text=True, stdin=subprocess.DEVNULL)
            if proc.returncode == 0 and self._wait_up():
                return
            last_error = (proc.stderr + self._error_log())[-2000:]
            self.stop()
        raise RuntimeError(f"nginx did not start: {last_error}")

    def _error_log(self) -> str:
        try:
            return (self.work / "nginx-error.log").read_text(errors="replace")
        except OSError:
            return ""

    def _wait_up(self) -> bool:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                time.sleep(0.05)
        return False

    def pid(self) -> int | None:
        try:
            return int(self.pidfile.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        pid = self.pid()
        if not pid:
            return
        try:
            with open(f"/proc/{pid}/comm") as f:
                if f.read().strip() != "nginx":
                    return
            os.kill(pid, 15)
        except (OSError, ProcessLookupError):
            return
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
            time.sleep(0.05)
        if Path(f"/proc/{pid}").exists():
            try:
                os.kill(pid, 9)
            except OSError:
                pass


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect, urllib.request.ProxyHandler({}))


def fetch(url: str, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """One request to the loopback server, redirects not followed, no proxies."""
    assert url.startswith("http://127.0.0.1:"), url
    req = urllib.request.Request(url, method=method)
    try:
        with OPENER.open(req, timeout=15) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as e:
        body = e.read() if e.fp else b""
        return e.code, {k.lower(): v for k, v in e.headers.items()}, body
