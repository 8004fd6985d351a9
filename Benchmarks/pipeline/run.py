#!/usr/bin/env python3
"""How long `portico report`, `portico check` and `portico build` take on a large CRM export (issue 19).

Copies the example program (content/) to --work-root, replaces its exports with one HubSpot-shaped
file of --rows rows (seeded: the example's partners, other channels, five quarters), and runs
`portico report --format csv`, `portico check` and an encrypted `portico build` (the scorecard,
the charts, every partner's results page and its briefs' "Your referrals") --runs times each,
alternating, reporting the
median wall time, CPU time and peak memory of each, beside the same commands on the example as
it ships (153 rows).

    python3 Benchmarks/pipeline/run.py --portico .build/release/portico --work-root /dev/shm
"""
import argparse
import csv
import datetime as dt
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
PARTNERS = ["Cargo Compass Consulting", "Meridian Freight Advisors", "Lumen Operations Group", "COMPASS-DC", ""]
STAGES = ["Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Closed Won", "Closed Lost"]


def write_export(path: pathlib.Path, rows: int, seed: int) -> None:
    rng = random.Random(seed)
    start = dt.datetime(2025, 10, 1)
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle, lineterminator="\r\n")
        out.writerow(["Record ID", "Deal Name", "Associated Company", "Deal Stage", "Pipeline", "Amount", "Close Date",
                      "Create Date", "Referring partner", "Closed Lost Reason", "Original Source", "Became SQL",
                      "Customer status"])
        for i in range(rows):
            created = start + dt.timedelta(days=rng.randint(0, 410), minutes=rng.randint(0, 1439))
            closed = created + dt.timedelta(days=rng.randint(5, 120))
            stage = rng.choice(STAGES)
            company = f"Company {i}, Ltd"
            out.writerow([9100000000 + i, f"{company} – rollout", company, stage, "Sales Pipeline",
                          f"{rng.choice([12000, 18000, 24000, 36000])}.00", closed.strftime("%Y-%m-%d %H:%M"),
                          created.strftime("%Y-%m-%d %H:%M"), rng.choice(PARTNERS),
                          "No decision" if stage == "Closed Lost" else "", "Partner",
                          rng.choice(["Yes", "No"]), "active" if stage == "Closed Won" else ""])


def timed(command: list[str], cwd: pathlib.Path) -> dict:
    result = subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M"] + command, cwd=cwd, capture_output=True,
                            text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    wall, user, system, peak = result.stderr.strip().splitlines()[-1].split()
    return {"wall": float(wall), "cpu": float(user) + float(system), "peak_mib": int(peak) / 1024}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portico", default=str(ROOT / ".build/release/portico"))
    parser.add_argument("--work-root", default=None)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    portico = str(pathlib.Path(args.portico).resolve())
    work = pathlib.Path(tempfile.mkdtemp(prefix="portico-pipeline-", dir=args.work_root))
    try:
        large, shipped = work / "large", work / "shipped"
        for folder in (large, shipped):
            shutil.copytree(ROOT / "content", folder / "content")
        for old in (large / "content" / "pipeline").glob("*.csv"):
            old.unlink()
        write_export(large / "content" / "pipeline" / "hubspot-deals.csv", args.rows, args.seed)
        size = (large / "content" / "pipeline" / "hubspot-deals.csv").stat().st_size
        commands = {
            "report, shipped": (shipped, [portico, "report", "--date", "2026-11-25", "--format", "csv"]),
            "report, large": (large, [portico, "report", "--date", "2026-11-25", "--format", "csv"]),
            "check, shipped": (shipped, [portico, "check", "--date", "2026-11-25", "--no-encrypt"]),
            "check, large": (large, [portico, "check", "--date", "2026-11-25", "--no-encrypt"]),
            "build, shipped": (shipped, [portico, "build", "--date", "2026-11-25"]),
            "build, large": (large, [portico, "build", "--date", "2026-11-25"]),
        }
        runs = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, (cwd, command) in commands.items():
                runs[name].append(timed(command, cwd))
        print(f"{args.rows:,} rows ({size / 1e6:.1f} MB) against the example's 153; work root {work.parent}; "
              f"medians of {args.runs}, alternating")
        print(f"{'':18}{'wall s':>9}{'cpu s':>9}{'peak MiB':>10}")
        for name, values in runs.items():
            print(f"{name:18}{statistics.median(v['wall'] for v in values):9.3f}"
                  f"{statistics.median(v['cpu'] for v in values):9.2f}"
                  f"{statistics.median(v['peak_mib'] for v in values):10.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
