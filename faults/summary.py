#!/usr/bin/env python3
"""Issue 24's fault suite in one table: reads the numbers each scenario wrote to target/faults/
(DatabaseFaultsTest, and the replica and failover tests) and prints them as Markdown; with
--update FILE, replaces the table between <!-- faults:begin --> and <!-- faults:end --> in FILE
(docs/reliability.md), so the document always shows one whole run."""
import glob
import json
import os
import re
import sys

ORDER = ["database-stop-start", "connection-kill", "network-stall", "network-partition",
         "slow-clients", "replica-lag", "replica-lost", "failover", "idempotent-retries"]


def load(directory):
    runs = []
    for path in glob.glob(os.path.join(directory, "*.json")):
        with open(path, encoding="utf-8") as f:
            runs.append(json.load(f))
    rank = {name: i for i, name in enumerate(ORDER)}
    return sorted(runs, key=lambda r: (rank.get(r["scenario"], len(ORDER)), r["scenario"]))


def cell(value):
    if value is None:
        return "–"
    if isinstance(value, dict):
        return ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "none"
    if isinstance(value, float):
        return f"{value:g} s"
    return str(value)


COLUMNS = [
    ("scenario", "scenario"),
    ("faultSeconds", "fault (s)"),
    ("tried", "requests tried"),
    ("acknowledgedWrites", "writes acknowledged"),
    ("refusedByCode", "refused, by code"),
    ("lost", "lost"),
    ("duplicated", "duplicated"),
    ("firstWriteAfterSeconds", "first write after the fault"),
    ("readyAfterSeconds", "ready again after"),
    ("slowestRefusal", "slowest refusal"),
]


def table(runs):
    lines = ["| " + " | ".join(title for _, title in COLUMNS) + " | other numbers |",
             "|" + "---|" * (len(COLUMNS) + 1)]
    for run in runs:
        run = dict(run)
        slowest = [run.pop(k) for k in ("slowestRefusedWriteSeconds", "slowestRefusedReadSeconds") if k in run]
        run["slowestRefusal"] = max(slowest) if slowest else None
        shown = [cell(run.get(key)) for key, _ in COLUMNS]
        other = {k: v for k, v in run.items() if k not in dict(COLUMNS)}
        shown.append(", ".join(f"{k} {cell(v)}" for k, v in other.items()) or "")
        lines.append("| " + " | ".join(shown) + " |")
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    directory = "target/faults"
    if args[:1] == ["--dir"]:
        directory, args = args[1], args[2:]
    runs = load(directory)
    if not runs:
        print(f"no fault numbers in {directory}: run ./mvnw verify (or -Dtest=DatabaseFaultsTest) first",
              file=sys.stderr)
        return 1
    text = table(runs)
    print(text)
    lost = sum(r.get("lost", 0) for r in runs)
    duplicated = sum(r.get("duplicated", 0) for r in runs)
    print(f"{len(runs)} scenarios; lost {lost}, duplicated {duplicated}")
    if args[:1] == ["--update"]:
        target = args[1]
        with open(target, encoding="utf-8") as f:
            document = f.read()
        updated, count = re.subn(r"(<!-- faults:begin -->\n).*?(<!-- faults:end -->)",
                                 lambda m: m.group(1) + text + m.group(2), document, flags=re.S)
        if count != 1:
            print(f"{target} has no <!-- faults:begin --> ... <!-- faults:end --> block", file=sys.stderr)
            return 1
        with open(target, "w", encoding="utf-8") as f:
            f.write(updated)
    return 1 if lost or duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
