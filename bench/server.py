"""What both benchmark scripts need of a server they started: its first answer, its memory and
the CPU time it spent."""
import json
import os
import time
import urllib.request


def post(url, query, variables=None, headers=None):
    body = {"query": query} if variables is None else {"query": query, "variables": variables}
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json", "Accept": "application/json",
                                              **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def wait_for_answer(url, query, process, deadline_s=180):
    started = time.monotonic()
    while time.monotonic() - started < deadline_s:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering")
        try:
            body = post(url, query)
            if "data" in body and not body.get("errors"):
                return
        except OSError:
            pass
        time.sleep(0.005)
    raise RuntimeError("no answer from " + url)


def rss_mib(pid):
    """Resident memory of the process and its children (npx/node wrappers included)."""
    total = 0
    for candidate in [pid] + children(pid):
        try:
            with open(f"/proc/{candidate}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def children(pid):
    found = []
    try:
        for child in open(f"/proc/{pid}/task/{pid}/children").read().split():
            found.append(int(child))
            found += children(int(child))
    except FileNotFoundError:
        pass
    return found


def cpu_seconds(pid):
    """CPU time (user + system, every thread) the process and its children have used so far:
    unlike wall time, it barely moves when other work shares the machine's cores."""
    total = 0
    for candidate in [pid] + children(pid):
        try:
            with open(f"/proc/{candidate}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except FileNotFoundError:
            pass
    return total / os.sysconf("SC_CLK_TCK")
