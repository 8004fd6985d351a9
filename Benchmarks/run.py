#!/usr/bin/env python3
"""Portico build benchmark: pages per second and peak memory on a synthetic program.

Generates a program of N partners and M assets (default: 2,000 partners, each with a page and
two referral pages, and 3,993 assets, which with the program's own pages makes 10,000 pages),
then runs the release `portico build` several times and reports the median wall time, pages per
second and the peak resident memory of the build process. Builds with private pages encrypted
(the default) and with --no-encrypt alternate, so the cost of encryption is measured side by
side; `portico check` runs render-only.

    make bench                      # 10,000 pages, 5 runs
    python3 Benchmarks/run.py --partners 200 --assets 400 --runs 3
    python3 Benchmarks/run.py --work-root /dev/shm    # on tmpfs, without the disk's noise
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
        "referral:\n  email: partners@bench.example\n  required: [company, contact_name, contact_email, problem]\n"
        "  qualification: [Closes the month by hand]\n"
        "  handoff:\n    owner: member-0\n    response_hours: 24\n    first_call_days: 5\n    steps: [We call the client.]\n"
        "  feedback: Within a week.\nattribution: First registration wins.\n"
        "deal_registration:\n  protection_days: 90\n  required: [company, expected_close]\n"
        "  rules: [Accepted within two days.]\n  conflicts: [The earlier registration wins.]\n"
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


def run_build(binary: pathlib.Path, work: pathlib.Path, command: str = "build", *extra: str) -> tuple[float, int, str]:
    """Returns wall seconds, peak RSS in KiB and the summary line of one `portico build` (or
    `portico check`, which renders every page and writes none)."""
    start = time.perf_counter()
    arguments = (["--output", "site"] if command == "build" else []) + list(extra)
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
    parser.add_argument("--partners", type=int, default=2000)
    parser.add_argument("--assets", type=int, default=3993)
    parser.add_argument("--work-root", default=None, help="where the program and the site are written (default: the system's temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--binary", default=str(ROOT / ".build/release/portico"))
    args = parser.parse_args()

    binary = pathlib.Path(args.binary)
    if not binary.exists():
        sys.exit(f"{binary} not found: run `swift build -c release` first")
    work = pathlib.Path(tempfile.mkdtemp(prefix="portico-bench-", dir=args.work_root))
    try:
        write_program(work / "content", args.partners, args.assets)
        # Alternate the commands so that all see the same machine load.
        results, clear, checks = [], [], []
        for _ in range(args.runs):
            results.append(run_build(binary, work))
            clear.append(run_build(binary, work, "build", "--no-encrypt"))
            checks.append(run_build(binary, work, "check"))
        pages = int(results[-1][2].split()[1])
        times = sorted(r[0] for r in results)
        peak = max(r[1] for r in results)
        median = statistics.median(times)
        check_median = statistics.median(r[0] for r in checks)
        print(f"portico build: {args.partners} partners + {args.assets} assets = {pages} pages, {args.runs} runs, "
              f"in {work.parent}")
        print(f"  last summary: {results[-1][2]}")
        print(f"  wall time: median {median:.3f} s (min {times[0]:.3f} s, max {times[-1]:.3f} s)")
        print(f"  pages per second: {pages / median:,.0f} (median run)")
        print(f"  peak memory (max RSS): {peak / 1024:.1f} MiB")
        clear_median = statistics.median(r[0] for r in clear)
        print(f"  --no-encrypt: median {clear_median:.3f} s, {pages / clear_median:,.0f} pages per second, "
              f"peak {max(r[1] for r in clear) / 1024:.1f} MiB; encryption costs "
              f"{(median / clear_median - 1) * 100:+.0f}% of the build time")
        print(f"  render only (portico check, writes nothing): median {check_median:.3f} s, "
              f"{pages / check_median:,.0f} pages per second, peak {max(r[1] for r in checks) / 1024:.1f} MiB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
