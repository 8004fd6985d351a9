"""What the browser scenario tests share: PASS/FAIL lines with a closing count, and a run in a
work folder of its own that is cleaned up on every path."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from main import _detach


class Report:
    def __init__(self) -> None:
        self.passed = self.failed = 0

    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        """One PASS or FAIL line; the detail (what was found) is shown on failure."""
        self.passed, self.failed = self.passed + ok, self.failed + (not ok)
        print(f"PASS {name}" if ok else f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)
        return ok


def run_scenarios(name: str, work_arg: Path | None, body: Callable[[Report, Path, Path], None],
                  tmp_prefix: str = "project.") -> int:
    """Runs `body(report, tmp, work)` in its own session and work folder, then prints
    "N passed, M failed"; the exit status is 1 when any check failed."""
    parent = os.getppid()
    _detach()
    own_work = work_arg is None
    work = Path(tempfile.mkdtemp(prefix=f"{name}.")) if own_work else work_arg.resolve()
    os.chmod(work, 0o755)  # nginx workers read what is published below it
    tmp = Path(tempfile.mkdtemp(prefix=tmp_prefix, dir=work))
    r = Report()
    try:
        body(r, tmp, work)
    except Exception as e:  # noqa: BLE001
        r.check("the test ran to the end", False, f"{type(e).__name__}: {e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        if own_work or os.getppid() != parent:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{r.passed} passed, {r.failed} failed", flush=True)
    return 1 if r.failed else 0
