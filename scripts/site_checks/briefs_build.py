"""Running portico for the briefs test: builds in a project folder (cwd, so that mail/ and
portico-sent.log land there), access links, and content hashes of what a build wrote."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

from scenarios import Report

DATE = "2026-11-26"
TIMEOUT = 300


def run_portico(portico: Path, project: Path, *args: str, timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
    """portico ARGS in the project folder, with the secret file there rather than CI's."""
    env = {k: v for k, v in os.environ.items() if k != "PORTICO_SECRET"}
    return subprocess.run([str(portico), *args], cwd=project, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=env, timeout=timeout)


def new_project(content: Path, project: Path, secret_from: Path | None = None) -> Path:
    """A project folder with a copy of the content (and of another project's secret files)."""
    project.mkdir(parents=True, exist_ok=True)
    shutil.copytree(content, project / "content")
    if secret_from is not None:
        for name in ("portico-secret.key", "portico-access.json"):
            if (secret_from / name).is_file():
                shutil.copy2(secret_from / name, project / name)
    return project


def build(r: Report, portico: Path, project: Path, label: str, *extra: str) -> bool:
    proc = run_portico(portico, project, "build", "--date", DATE, *extra)
    output = (proc.stdout + proc.stderr)[-3000:]
    return r.check(f"{label}: portico build --date {DATE} {' '.join(extra)}".rstrip(), proc.returncode == 0,
                   f"exit {proc.returncode}\n{output}")


def links(r: Report, portico: Path, project: Path, label: str) -> dict[str, dict] | None:
    """`portico links --json` by email: {email, name, partner, team, url, key}."""
    proc = run_portico(portico, project, "links", "--json")
    people, problem = None, ""
    try:
        parsed = json.loads(proc.stdout) if proc.returncode == 0 else None
        if isinstance(parsed, list) and all(isinstance(x, dict) and {"email", "url"} <= set(x) for x in parsed):
            people = {str(x["email"]).lower(): {**x, "key": x["url"].partition("#k=")[2]} for x in parsed}
        else:
            problem = f"exit {proc.returncode}: {(proc.stderr or proc.stdout)[-400:]}"
    except ValueError as e:
        problem = f"not JSON ({e}): {proc.stdout[:300]!r}"
    r.check(f"{label}: portico links --json gives everyone's link", people is not None, problem)
    return people


CONTENT_RECORD = ".portico-content.sha256"


def tree_hashes(project: Path, folders: tuple[str, ...] = ("site", "mail")) -> dict[str, str]:
    """SHA-256 of every file below the given folders of a project, by path from the project.
    The mail folder's record of the content it was built from is left out: any edit changes it,
    and these checks are about what readers get."""
    out = {}
    for folder in folders:
        base = project / folder
        if base.is_dir():
            for f in sorted(base.rglob("*")):
                if f.is_file() and f.name != CONTENT_RECORD:
                    out[f.relative_to(project).as_posix()] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def changed_files(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """Files added, removed or modified between two tree_hashes results."""
    return sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
