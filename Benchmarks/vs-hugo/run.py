#!/usr/bin/env python3
"""Portico against Hugo, side by side, on one workload (issue 11).

Generates 10,000 Markdown assets of about 4 KB each (seeded, so every run reads the same bytes),
the minimal Portico program around them and a Hugo site that mounts the same files, with the
same minimal templates for both tools. Then, alternating and cold (output folder removed
first), it runs `portico build`, `hugo` and a floor (a C program that only creates the folders
and files Portico wrote, with the same sizes) --runs times each under /usr/bin/time -v, and
render-only `portico check` against `hugo --renderToMemory`. It reports the median wall time,
CPU time (user + system) and peak RSS of each, and the ratios Portico/Hugo and Portico/floor.

    python3 Benchmarks/vs-hugo/run.py --work-root /dev/shm      # tmpfs: no disk noise
    python3 Benchmarks/vs-hugo/run.py --work-root /var/tmp      # on disk
    python3 Benchmarks/vs-hugo/run.py --scaling --full --json results.json

--scaling times Portico alone at 1,000, 10,000 and 100,000 assets with the same templates;
--full times a default build (built-in theme, encryption on, emails written) of a synthetic
full program: 1,000 partners, 500 assets, 24 monthly briefs, campaigns and stories.
"""
import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the script
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import measure  # noqa: E402
import workload  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def pages_of(summary: str) -> int:
    match = re.search(r"(?:Built|Checked) (\d+) pages", summary)
    return int(match.group(1)) if match else 0


def portico_build(binary: str, *extra: str) -> list[str]:
    return [binary, "build", "--content", "content", "--templates", "templates-min", "--output", "site",
            "--date", workload.DATE, "--no-encrypt", "--no-mail", *extra]


def portico_check(binary: str) -> list[str]:
    return [binary, "check", "--content", "content", "--templates", "templates-min",
            "--date", workload.DATE, "--no-encrypt"]


def side_by_side(args, binary: str, work: pathlib.Path) -> dict:
    log(f"writing {args.assets:,} assets into {work}")
    markdown_bytes = workload.write_side_by_side(work, args.assets, args.seed)
    site, hugo_site, floor_site = work / "site", work / "hugo-site", work / "floor-site"
    commands = {
        "portico": (portico_build(binary), [site]),
        "hugo": (["hugo", "--source", "hugo", "--destination", str(hugo_site)], [hugo_site]),
        "floor": (None, [floor_site]),
        "portico check": (portico_check(binary), []),
        "hugo --renderToMemory": (["hugo", "--source", "hugo", "--renderToMemory"], []),
    }
    if args.baseline:
        # An earlier build of Portico, run in turn with the others, so a change is judged by a
        # ratio measured under the same load.
        commands["baseline"] = (portico_build(args.baseline), [site])
        commands["baseline check"] = (portico_check(args.baseline), [])
    # One unmeasured Portico build gives the floor its list of folders and files, and warms the
    # page cache for every tool alike.
    log("first Portico build, for the floor's manifest")
    first = measure.run_timed(commands["portico"][0], work, [site])
    manifest = work / "floor-manifest.txt"
    measure.write_manifest(site, manifest)
    commands["floor"] = (measure.build_floor(work) + [str(manifest), str(floor_site)], [floor_site])
    runs = {name: [] for name in commands}
    for round_ in range(args.runs):
        for name, (command, clear) in commands.items():
            log(f"run {round_ + 1}/{args.runs}: {name}")
            runs[name].append(measure.run_timed(command, work, clear))
    outputs = {"portico": measure.inventory(site), "hugo": measure.inventory(hugo_site),
               "floor": measure.inventory(floor_site)}
    sample = site / "assets" / "asset-000000" / "index.html"
    hugo_sample = hugo_site / "assets" / "asset-000000" / "index.html"
    result = {
        "assets": args.assets, "markdown_bytes": markdown_bytes,
        "portico_summary": runs["portico"][-1]["stdout"].strip().splitlines()[-1],
        "portico_check_summary": runs["portico check"][-1]["stdout"].strip().splitlines()[-1],
        "hugo_summary": " ".join(runs["hugo"][-1]["stdout"].split()[-4:]),
        "outputs": outputs,
        "sample_page_bytes": {"portico": sample.stat().st_size, "hugo": hugo_sample.stat().st_size},
        "stats": {name: measure.summarise(values) for name, values in runs.items()},
    }
    stats = result["stats"]
    result["ratios"] = {
        "build portico/hugo": {k: measure.ratio(stats["portico"][k], stats["hugo"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")},
        "build portico/floor": {k: measure.ratio(stats["portico"][k], stats["floor"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")},
        "render portico check/hugo --renderToMemory": {
            k: measure.ratio(stats["portico check"][k], stats["hugo --renderToMemory"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")},
    }
    if args.baseline:
        result["ratios"]["build portico/baseline"] = {
            k: measure.ratio(stats["portico"][k], stats["baseline"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")}
        result["ratios"]["render portico check/baseline check"] = {
            k: measure.ratio(stats["portico check"][k], stats["baseline check"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")}
    return result


def scaling(args, binary: str, root: pathlib.Path) -> list[dict]:
    rows = []
    for size in args.scaling_sizes:
        work = root / f"scale-{size}"
        work.mkdir()
        log(f"scaling: writing {size:,} assets")
        workload.write_side_by_side(work, size, args.seed)
        runs_here = args.runs if size <= 10_000 else max(1, min(args.runs, args.large_runs))
        runs = []
        for round_ in range(runs_here):
            log(f"scaling {size:,}: run {round_ + 1}/{runs_here}")
            runs.append(measure.run_timed(portico_build(binary), work, [work / "site"]))
        stats = measure.summarise(runs)
        pages = pages_of(runs[-1]["stdout"])
        stats.update(assets=size, pages=pages, ms_per_page=stats["wall_s"] / pages * 1000,
                     cpu_ms_per_page=stats["cpu_s"] / pages * 1000, pages_per_s=pages / stats["wall_s"])
        rows.append(stats)
        shutil.rmtree(work, ignore_errors=True)
    return rows


def full_program(args, binary: str, root: pathlib.Path) -> dict:
    work = root / "full"
    work.mkdir()
    log(f"full program: {args.full_partners} partners, {args.full_assets} assets, {args.full_months} briefs")
    workload.write_full_program(work, args.full_partners, args.full_assets, args.full_months, args.seed)
    command = [binary, "build", "--date", workload.DATE]  # the default build: built-in theme, encrypted, emails
    runs, baseline_runs = [], []
    full_runs = args.full_runs or args.runs
    for round_ in range(full_runs):
        log(f"full program: run {round_ + 1}/{full_runs}")
        runs.append(measure.run_timed(command, work, [work / "site", work / "mail"]))
        if args.baseline:
            baseline = [args.baseline] + command[1:]
            baseline_runs.append(measure.run_timed(baseline, work, [work / "site", work / "mail"]))
    stats = measure.summarise(runs)
    if baseline_runs:
        stats["baseline"] = measure.summarise(baseline_runs)
        stats["baseline_ratio"] = {k: measure.ratio(stats[k], stats["baseline"][k]) for k in ("wall_s", "cpu_s", "peak_rss_mib")}
    summary = runs[-1]["stdout"].strip().splitlines()[-1]
    pages = pages_of(summary)
    stats.update(summary=summary, pages=pages, pages_per_s=pages / stats["wall_s"],
                 secret_written=(work / "portico-secret.key").exists(),
                 site=measure.inventory(work / "site"), mail=measure.inventory(work / "mail"),
                 stderr_tail=runs[-1]["stderr"][-2000:])
    shutil.rmtree(work, ignore_errors=True)
    return stats


def fmt(value, unit=""):
    return "-" if value is None else f"{value:.3f}{unit}" if unit == " s" else f"{value:.2f}{unit}"


def print_report(result: dict) -> None:
    print(f"\n{result['hugo_version']}\n{result['portico_version']} ({result['portico_binary']})")
    print(f"{result['machine']}; work root {result['work_root']}; {result['runs']} runs, cold, alternating")
    sbs = result.get("side_by_side")
    if sbs:
        print(f"\nWorkload: {sbs['assets']:,} assets, {sbs['markdown_bytes'] / sbs['assets']:,.0f} bytes of Markdown each on average")
        print(f"  portico: {sbs['portico_summary']}")
        print(f"  hugo:    {sbs['hugo_summary']}")
        print(f"  asset-000000 page: Portico {sbs['sample_page_bytes']['portico']} bytes, Hugo {sbs['sample_page_bytes']['hugo']} bytes")
        print(f"\n{'output':<8} {'folders':>8} {'files':>8} {'html':>8} {'MB':>8}")
        for name, out in sbs["outputs"].items():
            print(f"{name:<8} {out['folders']:>8,} {out['files']:>8,} {out['html_files']:>8,} {out['bytes'] / 1e6:>8.1f}")
        print(f"\n{'median of ' + str(result['runs']):<24} {'wall s':>8} {'cpu s':>8} {'user s':>8} {'sys s':>8} {'peak MiB':>9}  wall min-max")
        for name, s in sbs["stats"].items():
            print(f"{name:<24} {s['wall_s']:>8.3f} {s['cpu_s']:>8.2f} {s['user_s']:>8.2f} {s['sys_s']:>8.2f} "
                  f"{s['peak_rss_mib']:>9.1f}  {s['wall_min_s']:.3f}-{s['wall_max_s']:.3f}")
        print(f"\n{'ratio':<44} {'wall':>7} {'cpu':>7} {'peak':>7}")
        for name, r in sbs["ratios"].items():
            print(f"{name:<44} {fmt(r['wall_s']):>7} {fmt(r['cpu_s']):>7} {fmt(r['peak_rss_mib']):>7}")
    if result.get("scaling"):
        print(f"\nScaling, Portico alone (same templates, --no-encrypt --no-mail)")
        print(f"{'assets':>8} {'pages':>8} {'runs':>5} {'wall s':>8} {'cpu s':>8} {'peak MiB':>9} {'ms/page':>8} {'cpu ms/pg':>9} {'pages/s':>8}")
        for s in result["scaling"]:
            print(f"{s['assets']:>8,} {s['pages']:>8,} {s['runs']:>5} {s['wall_s']:>8.3f} {s['cpu_s']:>8.2f} "
                  f"{s['peak_rss_mib']:>9.1f} {s['ms_per_page']:>8.3f} {s['cpu_ms_per_page']:>9.3f} {s['pages_per_s']:>8,.0f}")
    for note in result.get("notes", []):
        print(f"note: {note}")
    full = result.get("full")
    if full:
        print(f"\nFull program, default build (built-in theme, encrypted, emails): {full['summary']}")
        print(f"  {full['site']['files']:,} site files ({full['site']['bytes'] / 1e6:.1f} MB), "
              f"{full['mail']['files']:,} mail files ({full['mail']['bytes'] / 1e6:.1f} MB)")
        print(f"  median of {full['runs']}: wall {full['wall_s']:.3f} s, cpu {full['cpu_s']:.2f} s, "
              f"peak {full['peak_rss_mib']:.1f} MiB, {full['pages_per_s']:,.0f} pages/s")
        if "baseline" in full:
            b, r = full["baseline"], full["baseline_ratio"]
            print(f"  baseline, same runs:  wall {b['wall_s']:.3f} s, cpu {b['cpu_s']:.2f} s, peak {b['peak_rss_mib']:.1f} MiB; "
                  f"portico/baseline wall {fmt(r['wall_s'])}, cpu {fmt(r['cpu_s'])}, peak {fmt(r['peak_rss_mib'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portico", default=str(ROOT / ".build/release/portico"), help="the portico binary (a release build)")
    parser.add_argument("--work-root", default=None, help="where the workload and the outputs go (default: the system's temporary folder)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--assets", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--json", help="also write the results to this JSON file")
    parser.add_argument("--no-side-by-side", dest="side_by_side", action="store_false", help="skip Portico/Hugo/floor")
    parser.add_argument("--scaling", action="store_true", help="time Portico alone at --scaling-sizes assets")
    parser.add_argument("--scaling-sizes", type=lambda s: [int(x) for x in s.split(",")], default=[1_000, 10_000, 100_000])
    parser.add_argument("--large-runs", type=int, default=3, help="runs at sizes above 10,000 (at most --runs)")
    parser.add_argument("--full", action="store_true", help="time a default build of a synthetic full program")
    parser.add_argument("--full-partners", type=int, default=1000)
    parser.add_argument("--full-assets", type=int, default=500)
    parser.add_argument("--full-months", type=int, default=24)
    parser.add_argument("--full-runs", type=int, default=None, help="runs of the full program (default: --runs)")
    parser.add_argument("--baseline", help="another portico binary (an earlier release build) to run in turn with --portico")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()

    binary = str(pathlib.Path(args.portico).resolve())
    if args.baseline:
        args.baseline = str(pathlib.Path(args.baseline).resolve())
        if not os.path.exists(args.baseline):
            sys.exit(f"{args.baseline} not found")
    if not os.path.exists(binary):
        sys.exit(f"{binary} not found: build it with `swift build -c release`, or pass --portico PATH")
    measure.apt_install("/usr/bin/time", "time")
    if args.side_by_side:
        measure.apt_install("hugo", "hugo")
    root = pathlib.Path(tempfile.mkdtemp(prefix="portico-vs-hugo-", dir=args.work_root))
    result = {
        "hugo_version": measure.hugo_version() if shutil.which("hugo") else None,
        "portico_version": subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip(),
        "portico_binary": binary, "work_root": str(root.parent), "runs": args.runs,
        "machine": f"{platform.node()}, {os.cpu_count()} cores, {platform.platform()}",
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "notes": [],
    }
    print(result["hugo_version"], flush=True)
    try:
        if args.side_by_side:
            work = root / "side-by-side"
            work.mkdir()
            result["side_by_side"] = side_by_side(args, binary, work)
            if not args.keep:
                shutil.rmtree(work, ignore_errors=True)
        if args.scaling:
            result["scaling"] = scaling(args, binary, root)
        if args.full:
            result["full"] = full_program(args, binary, root)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
        else:
            log(f"kept {root}")
    print_report(result)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
        log(f"wrote {args.json}")


if __name__ == "__main__":
    main()
