"""A command run in the background with its output (stdout and stderr) in a file:
started early by a gate's start(), collected by its finish(), ended by its kill()."""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT = 240  # seconds finish() waits for the command


class BackgroundCommand:
    """Base of the gates that run one slow external tool (vnu, html-proofer) alongside
    the others. Subclasses set out_path, call spawn() in start() and collect() in
    finish(); main.py calls kill() on every path."""

    out_path: Path
    proc: subprocess.Popen | None = None
    _out = None

    def spawn(self, cmd: list[str], **popen_kwargs) -> None:
        """Starts cmd with stdout and stderr going to out_path and no stdin."""
        self._out = open(self.out_path, "wb")
        try:
            self.proc = subprocess.Popen(cmd, stdout=self._out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, **popen_kwargs)
        except BaseException:
            self._out.close()
            raise

    def collect(self) -> str:
        """Waits for the command (TIMEOUT) and returns its output as text; the exit
        status is then in self.proc.returncode."""
        assert self.proc is not None
        try:
            self.proc.wait(timeout=TIMEOUT)
        finally:
            self._out.close()
        return self.out_path.read_text(encoding="utf-8", errors="replace")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()
