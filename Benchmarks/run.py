#!/usr/bin/env python3
"""Portico build benchmark: pages per second and peak memory on a synthetic program.

Generates a program of N partners and M assets (default: 5,000 partners and 4,997 assets, which
with the home, library and 404 pages makes 10,000 pages), then runs the release `portico build`
several times and reports the median wall time, pages per second and the peak resident memory
of the build process.

    make bench                      # 10,000 pages, 5 runs
    python3 Benchmarks/run.py --partners 500 --assets 500 --runs 3
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
KINDS = ["one-pager", "objection", "snapshot", "guide"]

PARAGRAPH = (
    "Partners refer clients whose finance team still reconciles by hand. The first call covers the "
    "current close, the systems involved and who signs off; we answer within one working day and "
    "keep the partner in every thread until the client decides.\n\n"
)


def write_program(content: pathlib.Path, partners: int, assets: int) -> None:
    (content / "partners").mkdir(parents=True)
    (content / "assets").mkdir(parents=True)
    team = "\n".join(
        f"  - id: member-{i}\n    name: Member {i}\n    role: Partner manager\n    email: m{i}@bench.example"
        for i in range(20)
    )
    (content / "program.yml").write_text(
        "name: Benchmark Portal\ncompany: Bench Co\nbase_url: https://partners.bench.example/\n"
        "positioning: |\n  We make the **month-end close** boring.\n"
        "boundaries:\n  we_solve: [Reconciliation]\n  partner_solves: [Advisory]\n  journey: Intro to rollout.\n"
        "tiers:\n  - id: gold\n    name: Gold\n    criteria: Many referrals.\n    benefits: [Planning]\n"
        "  - id: silver\n    name: Silver\n    criteria: Signed.\n    benefits: [Library]\n"
        f"team:\n{team}\nreview_every: 180\n"
    )
    for i in range(assets):
        body = "".join(f"## Section {s}\n\n{PARAGRAPH}- point one\n- point two\n\n" for s in range(6))
        (content / "assets" / f"asset-{i}.md").write_text(
            f"---\ntitle: Asset number {i}\nkind: {KINDS[i % 4]}\nsummary: What asset {i} is for.\n"
            f"owner: member-{i % 20}\nreviewed: 2026-{6 + i % 6:02d}-15\ntags: [tag-{i % 7}]\n---\n{body}"
        )
    for i in range(partners):
        featured = ", ".join(f"asset-{(i + k) % assets}" for k in range(3)) if assets else ""
        (content / "partners" / f"partner-{i}.yml").write_text(
            f"name: Partner {i}\nkind: {'referral' if i % 3 else 'integration'}\n"
            f"tier: {'gold' if i % 5 == 0 else 'silver'}\nstatus: active\nsince: 2025-01-01\n"
            f"manager: member-{i % 20}\naudience: |\n  Clients of partner {i}, mostly *retailers*.\n"
            "contacts:\n"
            f"  - name: Contact A{i}\n    role: Lead\n    email: a{i}@p.example\n"
            f"  - name: Contact B{i}\n    role: Sales\n    email: b{i}@p.example\n"
            f"featured: [{featured}]\n"
        )


def run_build(binary: pathlib.Path, work: pathlib.Path, command: str = "build") -> tuple[float, int, str]:
    """Returns wall seconds, peak RSS in KiB and the summary line of one `portico build` (or
    `portico check`, which renders every page and writes none)."""
    start = time.perf_counter()
    arguments = ["--output", "site"] if command == "build" else []
    process = subprocess.Popen(
        [str(binary), command, "--date", "2026-11-25", "--content", "content", *arguments],
        cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    out = process.stdout.read().decode()
    err = process.stderr.read().decode()
    if status != 0:
        sys.exit(f"build failed:\n{err}")
    return elapsed, usage.ru_maxrss, out.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--partners", type=int, default=5000)
    parser.add_argument("--assets", type=int, default=4997)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/portico"))
    args = parser.parse_args()

    binary = pathlib.Path(args.binary)
    if not binary.exists():
        sys.exit(f"{binary} not found: run `swift build -c release` first")
    work = pathlib.Path(tempfile.mkdtemp(prefix="portico-bench-"))
    try:
        write_program(work / "content", args.partners, args.assets)
        pages = args.partners + args.assets + 3
        # Alternate the two commands so that both see the same machine load.
        results, checks = [], []
        for _ in range(args.runs):
            results.append(run_build(binary, work))
            checks.append(run_build(binary, work, "check"))
        times = sorted(r[0] for r in results)
        peak = max(r[1] for r in results)
        median = statistics.median(times)
        check_median = statistics.median(r[0] for r in checks)
        print(f"portico build: {args.partners} partners + {args.assets} assets = {pages} pages, {args.runs} runs")
        print(f"  last summary: {results[-1][2]}")
        print(f"  wall time: median {median:.3f} s (min {times[0]:.3f} s, max {times[-1]:.3f} s)")
        print(f"  pages per second: {pages / median:,.0f} (median run)")
        print(f"  peak memory (max RSS): {peak / 1024:.1f} MiB")
        print(f"  render only (portico check, writes nothing): median {check_median:.3f} s, "
              f"{pages / check_median:,.0f} pages per second, peak {max(r[1] for r in checks) / 1024:.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
