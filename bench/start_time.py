#!/usr/bin/env python3
"""Cold start of the packaged application: time from process start to the first successful
GraphQL answer (a query that reads the database), the process's RSS right after it, and the CPU
time it had used by then (which other work on the machine barely moves, unlike wall time).

Variants run interleaved (one run of each, then the next round), so drift on the machine
spreads over all of them. Usage: start_time.py VARIANTS.json RUNS OUTPUT.md COMMAND
"""
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import time

from server import cpu_seconds, rss_mib, wait_for_answer

QUERY = "{ talks(first: 1) { totalCount } }"
PORT = int(os.environ.get("BENCH_HTTP_PORT", "18080"))


def run_once(variant, log):
    port = variant.get("port", PORT)
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(PORT),
               PARLEY_MANAGEMENT_PORT=str(PORT + 1000), PARLEY_JSON_LOGS="false", **variant.get("env", {}))
    started = time.monotonic()
    process = subprocess.Popen(variant["command"], cwd=variant["cwd"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for_answer(f"http://127.0.0.1:{port}/graphql", variant.get("query", QUERY), process, deadline_s=120)
        elapsed_ms = (time.monotonic() - started) * 1000
        rss = rss_mib(process.pid)
        cpu = cpu_seconds(process.pid)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return elapsed_ms, rss, cpu


def row(values, fmt):
    return f"{fmt(statistics.median(values))} ({fmt(min(values))}–{fmt(max(values))})"


def main():
    variants_file, runs, output, command = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    variants = json.load(open(variants_file))
    results = {v["name"]: {"ms": [], "rss": [], "cpu": []} for v in variants}
    load_before = os.getloadavg()
    log_path = os.path.join(os.path.dirname(variants_file), "start-time.log")
    with open(log_path, "w") as log:
        # One untimed round: migrates the database and puts every variant's files in the page
        # cache, so the timed rounds compare start-up work, not disk reads.
        for variant in variants:
            run_once(variant, log)
        for round_number in range(runs):
            for variant in variants:
                elapsed, rss, cpu = run_once(variant, log)
                results[variant["name"]]["ms"].append(elapsed)
                results[variant["name"]]["rss"].append(rss)
                results[variant["name"]]["cpu"].append(cpu)
                print(f"round {round_number + 1}/{runs} {variant['name']}: {elapsed:.0f} ms, {rss:.0f} MiB, {cpu:.2f} s CPU", flush=True)
    load_after = os.getloadavg()

    baseline = statistics.median(results[variants[0]["name"]]["ms"])
    lines = [
        "# Cold start",
        "",
        "Time from process start to the first successful GraphQL answer (`{ talks(first: 1) { totalCount } }`,",
        "which reads the database), resident memory right after it and the CPU time the process had used by",
        "then (all threads: start-up, JIT compilers, GC), for the packaged application in production mode",
        "against a real PostgreSQL on loopback (already migrated, so every variant does the same start-up",
        "work) and with its files in the page cache. Median (min–max) of the runs; variants ran interleaved",
        "after one untimed round, so load from elsewhere on the machine falls on all of them alike.",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- Machine: {os.environ.get('BENCH_MACHINE', platform.platform())}",
        f"- Load average (1/5/15 min) before: {load_before[0]:.2f} / {load_before[1]:.2f} / {load_before[2]:.2f}, "
        f"after: {load_after[0]:.2f} / {load_after[1]:.2f} / {load_after[2]:.2f}",
        f"- Runs per variant: {runs}",
        f"- Reproduce: `{command}`",
        "",
        "| Variant | Started with | First answer, ms | vs first row | CPU to first answer, s | RSS after it, MiB |",
        "|---|---|---|---|---|---|",
    ]
    for variant in variants:
        measured = results[variant["name"]]
        ratio = statistics.median(measured["ms"]) / baseline
        lines.append(f"| {variant['name']} | `{variant['shown']}` | {row(measured['ms'], lambda v: f'{v:.0f}')} "
                     f"| {ratio:.2f}x | {row(measured['cpu'], lambda v: f'{v:.2f}')} | {row(measured['rss'], lambda v: f'{v:.0f}')} |")
    lines += ["", *variants_notes(variants), ""]
    # What was written by hand below the marker (the analysis) is kept.
    existing = open(output).read() if os.path.exists(output) else ""
    marker = "<!-- analysis -->"
    analysis = existing[existing.index(marker):] if marker in existing else marker + "\n"
    with open(output, "w") as out:
        out.write("\n".join(lines) + "\n" + analysis)
    print(f"wrote {output}")


def variants_notes(variants):
    notes = [v["note"] for v in variants if v.get("note")]
    return [f"- {note}" for note in notes]


if __name__ == "__main__":
    main()
