"""Checks `portico report` against numbers computed here, independently, from the same files.

Reads content/program.yml's `pipeline:` (PyYAML), the partner files and the CRM exports in
content/pipeline/ (Python's csv module), counts each partner's quarters by the rules of
docs/pipeline.md, and compares every number of `portico report --format json` for each quarter
the data covers and for one quarter it does not (where every rate must be null, and the table
must say n/a, never 0%). Exit status 0 when all agree, 1 otherwise.

    python scorecard.py PORTICO CONTENT DATE
"""
import csv
import datetime as dt
import glob
import json
import os
import statistics
import subprocess
import sys
from fnmatch import fnmatch

import yaml

TOKENS = [("yyyy", "%Y"), ("MM", "%m"), ("M", "%m"), ("dd", "%d"), ("d", "%d"), ("HH", "%H"), ("mm", "%M")]


def strptime_pattern(unicode_pattern: str) -> str:
    out, i = "", 0
    while i < len(unicode_pattern):
        for token, directive in TOKENS:
            if unicode_pattern.startswith(token, i):
                out += directive
                i += len(token)
                break
        else:
            out += unicode_pattern[i]
            i += 1
    return out


def parse_day(text: str, patterns: list[str]) -> dt.date:
    for pattern in ["yyyy-MM-dd"] + patterns:
        try:
            return dt.datetime.strptime(text, strptime_pattern(pattern)).date()
        except ValueError:
            continue
    raise ValueError(f"unparsed date {text!r}")


def quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def amount(text: str) -> float:
    return float(text.replace(",", "").replace("$", "")) if text.strip() else 0.0


def flag(text: str) -> bool:
    return text.strip().lower() in ("yes", "y", "true", "1", "x", "qualified")


def load(content: str):
    program = yaml.safe_load(open(os.path.join(content, "program.yml"), encoding="utf-8"))
    exports = program["pipeline"] if isinstance(program["pipeline"], list) else [program["pipeline"]]
    partners = {}
    for path in glob.glob(os.path.join(content, "partners", "*.yml")):
        data = yaml.safe_load(open(path, encoding="utf-8"))
        pid = os.path.basename(path)[:-4]
        partners[pid] = data
    keys = {}
    for pid, data in partners.items():
        for key in (pid, data["name"], data.get("referral_code") or pid.upper()):
            keys[key.lower()] = pid
    rows = []
    for path in sorted(glob.glob(os.path.join(content, "pipeline", "*.csv"))):
        export = next(e for e in exports if fnmatch(os.path.basename(path), e.get("files", "*.csv")))
        columns, stages = export["columns"], export.get("stages", {})
        with open(path, encoding="utf-8-sig", newline="") as handle:
            for record in csv.DictReader(handle):
                stage = record[columns["stage"]].strip()
                won = stage.lower() in [s.lower() for s in stages.get("won", [])]
                lost = stage.lower() in [s.lower() for s in stages.get("lost", [])]
                qualified = won or stage.lower() in [s.lower() for s in stages.get("qualified", [])]
                has_flag = "qualified" in columns
                if has_flag:
                    qualified = qualified or flag(record[columns["qualified"]])
                partner_cell = record[columns["partner"]].strip()
                closed = record.get(columns.get("close_date", ""), "").strip()
                status = record.get(columns.get("customer_status", ""), "").strip().lower()
                rows.append({
                    "partner": keys[partner_cell.lower()] if partner_cell else None,
                    "created": parse_day(record[columns["created"]].strip(), export.get("dates", [])),
                    "closed": parse_day(closed, export.get("dates", [])) if closed else None,
                    "outcome": "won" if won else "lost" if lost else "open",
                    "qualified": qualified,
                    "disqualified": lost and has_flag and not qualified,
                    "amount": amount(record.get(columns.get("amount", ""), "") or ""),
                    "status": status,
                })
    return partners, rows


def numbers(rows, q):
    created = [r for r in rows if quarter(r["created"]) == q]
    closed = [r for r in rows if r["outcome"] != "open" and quarter(r["closed"] or r["created"]) == q]
    won = [r for r in closed if r["outcome"] == "won"]
    lost = [r for r in closed if r["outcome"] == "lost" and not r["disqualified"]]
    days = [(r["closed"] - r["created"]).days for r in won if r["closed"]]
    with_status = [r for r in won if r["status"]]
    return {
        "volume": len(created),
        "qualified": sum(r["qualified"] for r in created),
        "qualification_rate": sum(r["qualified"] for r in created) / len(created) if created else None,
        "won": len(won),
        "win_rate": len(won) / (len(won) + len(lost)) if won or lost else None,
        "median_days_to_close": float(statistics.median(days)) if days else None,
        "revenue_won": float(sum(r["amount"] for r in won)),
        "active_customers": sum(r["status"] == "active" for r in with_status),
        "customers_with_status": len(with_status),
    }


def main() -> int:
    portico, content, date = sys.argv[1:4]
    partners, rows = load(content)
    quarters = sorted({quarter(r["created"]) for r in rows} | {quarter(r["closed"]) for r in rows if r["closed"]})
    empty = "2020-Q1"
    failures = 0
    for q in quarters + [empty]:
        run = subprocess.run([portico, "report", "--content", content, "--date", date, "--quarter", q,
                              "--format", "json"], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"scorecard: portico report --quarter {q} failed: {run.stderr}", file=sys.stderr)
            return 1
        reported = {row["partner"] or None: row for row in json.loads(run.stdout)["rows"]}
        expected = {pid: numbers([r for r in rows if r["partner"] == pid], q)
                    for pid, data in partners.items() if data.get("status") != "retired"}
        expected[None] = numbers([r for r in rows if r["partner"] is None], q)
        if set(reported) != set(expected):
            print(f"scorecard: {q}: rows {sorted(map(str, reported))} != {sorted(map(str, expected))}")
            failures += 1
            continue
        for pid, want in expected.items():
            got = reported[pid]
            for key, value in want.items():
                have = got.get(key)
                same = have is None if value is None else have is not None and abs(have - value) < 1e-9
                if not same:
                    print(f"scorecard: {q} {pid or 'other channels'} {key}: portico {have}, computed {value}")
                    failures += 1
        if q == empty and any(v is not None for row in reported.values()
                               for v in (row.get("qualification_rate"), row.get("win_rate"))):
            print("scorecard: an empty quarter has a rate that is not null")
            failures += 1
    table = subprocess.run([portico, "report", "--content", content, "--date", date, "--quarter", empty],
                           capture_output=True, text=True).stdout
    lines = table.splitlines()[4:]
    body = lines[:lines.index("")] if "" in lines else lines
    if not body or any("0%" in line or "n/a" not in line for line in body):
        print("scorecard: the table of an empty quarter must show n/a and no 0%:\n" + table)
        failures += 1
    checked = len(quarters) + 1
    print(f"scorecard: {checked} quarters of {len(rows)} rows, {len(expected)} rows each: "
          + ("all agree" if not failures else f"{failures} differences"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
