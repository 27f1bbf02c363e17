#!/usr/bin/env python3
"""The native executable under the benchmark's load with different heap options, one after the
other against the database bench/vs-postgraphile.sh built (its config.json): throughput, p99 and
RSS per option, to size deploy/'s heap and memory limit (docs/native.md).

Usage: bench/native-heap.sh (which starts the database and writes the config) or
       python3 bench/native_heap.py <config.json> <output.md> "<options>" ["<options>" ...]
where each <options> is the executable's arguments, e.g. "-Xmx128m" or "" for its defaults."""
import json
import os
import sys
import time

config_path, output = sys.argv[1], sys.argv[2]
variants = sys.argv[3:]
config = json.load(open(config_path))
native = config["servers"]["parley-native"]
for options in variants:
    config["servers"][f"native {options or '(defaults)'}"] = dict(native, command=["./application", *options.split()])
config["load"] = json.loads(os.environ.get("BENCH_LOAD", '{"connections": 16, "warmup_s": 4, "duration_s": 8, "repetitions": 1}'))
tuned = config_path + ".heap.json"
json.dump(config, open(tuned, "w"))
sys.argv = [sys.argv[0], tuned]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402  (reads the config named in sys.argv)

known = compare.facts()
results = {}
for options in variants:
    name = f"native {options or '(defaults)'}"
    results[name] = compare.run_server(name, known, {})
queries = [q["name"] for q in compare.QUERIES]
lines = [
    "# Native executable: heap options under the benchmark load",
    "",
    f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average after: {os.getloadavg()[0]:.2f}",
    f"- Load: wrk, {config['load']['connections']} connections, {config['load']['warmup_s']} s warm-up, "
    f"{config['load']['duration_s']} s measured per query, one run each (short: large differences only)",
    "- Reproduce: `bench/native-heap.sh`",
    "",
    "| Options | " + " | ".join(f"{q} req/s (p99 ms)" for q in queries) + " | RSS idle MiB | RSS after load MiB | first answer ms |",
    "|---|" + "---|" * (len(queries) + 3),
]
for name, measured in results.items():
    cells = [f"{measured['queries'][q]['rps']:.0f} ({measured['queries'][q]['p99']:.0f})" for q in queries]
    lines.append(f"| `{name[7:]}` | " + " | ".join(cells) +
                 f" | {measured['rss_idle']:.0f} | {measured['rss_after_load']:.0f} | {measured['first_answer_ms']:.0f} |")
open(output, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
