"""Timing, tools and output inventory for the side-by-side benchmark."""
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent


def apt_install(command: str, package: str) -> None:
    """Installs a Debian package when `command` is missing (as root only)."""
    if shutil.which(command) or (command.startswith("/") and os.path.exists(command)):
        return
    if os.geteuid() != 0:
        sys.exit(f"`{command}` is missing: install it with `sudo apt-get install {package}` "
                 f"(or run this script as root, which installs it), then run again.")
    print(f"installing {package} with apt-get …", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    result = subprocess.run(["apt-get", "install", "-y", "-q", package], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL)
        result = subprocess.run(["apt-get", "install", "-y", "-q", package], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if result.returncode != 0:
        sys.exit(f"apt-get install {package} failed:\n{result.stdout[-2000:]}")


def hugo_version() -> str:
    return subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()


def build_floor(folder: pathlib.Path) -> list[str]:
    """Compiles floor.c into `folder`; returns the command that runs it (without arguments)."""
    if not shutil.which("gcc"):
        apt_install("gcc", "gcc")
    binary = folder / "floor"
    subprocess.run(["gcc", "-O2", "-o", str(binary), str(HERE / "floor.c")], check=True)
    return [str(binary)]


def write_manifest(site: pathlib.Path, manifest: pathlib.Path) -> tuple[int, int, int]:
    """Lists the folders and files of `site`, parents first, for the floor. Returns (folders,
    files, bytes)."""
    folders = files = size = 0
    lines = []
    for directory, subdirectories, names in os.walk(site):
        subdirectories.sort()
        relative = os.path.relpath(directory, site)
        if relative != ".":
            lines.append(f"-1 {relative}")
            folders += 1
        for name in sorted(names):
            path = os.path.join(directory, name)
            length = os.path.getsize(path)
            lines.append(f"{length} {os.path.normpath(os.path.join(relative, name))}")
            files += 1
            size += length
    manifest.write_text("\n".join(lines) + "\n")
    return folders, files, size


def inventory(site: pathlib.Path) -> dict:
    """Counts the folders, files and bytes of an output folder, and the HTML files among them."""
    folders = files = html = size = 0
    for directory, subdirectories, names in os.walk(site):
        folders += len(subdirectories)
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(directory, name))
    return {"folders": folders, "files": files, "html_files": html, "bytes": size}


def run_timed(command: list[str], cwd: pathlib.Path, clear: list[pathlib.Path] = ()) -> dict:
    """One cold run under /usr/bin/time -v: removes the `clear` folders, syncs the file system so
    earlier writes are not flushed during the run, then runs `command`. Returns wall seconds
    (measured here, to the microsecond), user and system CPU seconds and peak RSS in MiB (from
    time -v), and the command's output."""
    for folder in clear:
        shutil.rmtree(folder, ignore_errors=True)
    os.sync()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        start = time.perf_counter()
        result = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *command], cwd=cwd,
                                capture_output=True, text=True)
        wall = time.perf_counter() - start
        fields = {}
        for line in report.read().splitlines():
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    user = float(fields["User time (seconds)"])
    system = float(fields["System time (seconds)"])
    return {"wall_s": wall, "user_s": user, "sys_s": system, "cpu_s": user + system,
            "peak_rss_mib": int(fields["Maximum resident set size (kbytes)"]) / 1024,
            "stdout": result.stdout, "stderr": result.stderr}


def summarise(runs: list[dict]) -> dict:
    """Medians of wall, CPU and peak RSS over runs, with the raw values."""
    def median(key: str) -> float:
        return statistics.median(run[key] for run in runs)
    return {
        "runs": len(runs),
        "wall_s": median("wall_s"), "cpu_s": median("cpu_s"), "user_s": median("user_s"),
        "sys_s": median("sys_s"), "peak_rss_mib": median("peak_rss_mib"),
        "wall_min_s": min(run["wall_s"] for run in runs), "wall_max_s": max(run["wall_s"] for run in runs),
        "raw": [{key: round(value, 4) for key, value in run.items() if isinstance(value, float)} for run in runs],
    }


def ratio(a: float, b: float) -> float | None:
    return a / b if b else None
