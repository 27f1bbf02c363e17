#!/usr/bin/env python3
"""Summarises a JFR recording: where CPU samples fall (by library) and which code allocates.
Usage: jfr_summary.py RECORDING.jfr"""
import collections
import re
import subprocess
import sys

LIBRARIES = [("JDBC driver", "org.postgresql"), ("Hibernate", "org.hibernate"),
             ("JSON output", ("ExecutionResponse", "parsson", "yasson")),
             ("context propagation", ("smallrye.context", "mutiny")), ("SmallRye GraphQL", "smallrye.graphql"),
             ("graphql-java", "graphql."), ("Vert.x/Netty", ("io.vertx", "io.netty")), ("Parley", "io.parley")]


def frames(event):
    return re.findall(r"^\s+([\w.$<>]+\.[\w$<>]+)\(", event, re.M)


def library(frame):
    for name, keys in LIBRARIES:
        if any(key in frame for key in (keys if isinstance(keys, tuple) else (keys,))):
            return name
    return None


def events(recording, kind, depth):
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", str(depth), recording],
                          check=True, capture_output=True, text=True).stdout
    return text.split(kind)[1:]


def main():
    recording = sys.argv[1]
    cpu = collections.Counter()
    samples = events(recording, "jdk.ExecutionSample", 64)
    for event in samples:
        cpu[next((lib for lib in map(library, frames(event)) if lib), "JDK and other")] += 1
    print(f"CPU samples: {len(samples)} (attributed to the innermost recognised library)")
    for name, count in cpu.most_common():
        print(f"  {count / len(samples) * 100:5.1f}%  {name}")

    allocated = collections.Counter()
    total = 0.0
    for event in events(recording, "jdk.ObjectAllocationSample", 16):
        weight = re.search(r"weight = ([\d.]+) (\w+)", event)
        if not weight:
            continue
        value = float(weight.group(1)) * {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}[weight.group(2)]
        total += value
        site = next((f for f in frames(event) if library(f)), "JDK and other")
        allocated[site] += value
    print(f"Allocation: {total / 1e6:.0f} MB sampled; top sites")
    for site, value in allocated.most_common(12):
        print(f"  {value / total * 100:5.1f}%  {site}")


if __name__ == "__main__":
    main()
