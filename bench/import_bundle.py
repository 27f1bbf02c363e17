"""Helpers for bench/import.sh: a synthetic report bundle of any size, a dev token, and a
sampler of the server's heap (from its Prometheus metrics) and resident memory (from /proc)."""
import base64, json, subprocess, sys, threading, time, urllib.request


def bundle(talks, path):
    """Writes a bundle of `talks` talks with the people, envoys, tracks and sources they need,
    plus one trip, outcome and statement per ten talks, streaming it to `path`."""
    people = max(50, talks // 20)
    sources = max(10, talks // 100)
    tracks = max(5, talks // 500)
    with open(path, "w") as out:
        def coll(name, items):
            out.write('"%s":[' % name)
            for i, item in enumerate(items):
                if i:
                    out.write(",")
                out.write(json.dumps(item, separators=(",", ":")))
            out.write("]")
        out.write("{")
        coll("sources", ({"ref": f"s{i}", "publisher": f"Bench wire {i % 7}", "title": f"Bench report {i}",
                          "url": f"https://bench.parley.invalid/report/{i}", "publishedOn": "2025-03-14", "language": "en",
                          "passages": [{"ref": f"s{i}p{j}", "text": f"Passage {j} of bench report {i}: the envoys met and talked."}
                                       for j in range(10)]} for i in range(sources)))
        out.write(",")
        coll("people", ({"ref": f"p{i}", "name": f"Bench person {i}", "wikidataId": f"Q{9000000 + i}",
                         "countryCode": ["US", "RU", "UA", "QA", "IL"][i % 5], "summary": f"Synthetic person {i}."}
                        for i in range(people)))
        out.write(",")
        coll("envoyAppointments", ({"ref": f"e{i}", "personId": f"p{i}", "title": f"Bench envoy {i}",
                                    "represents": ["US", "RU", "UA", "QA", "IL"][i % 5]} for i in range(people // 2)))
        out.write(",")
        coll("tracks", ({"ref": f"t{i}", "name": f"Bench track {i}", "parties": ["A", "B"]} for i in range(tracks)))
        out.write(",")
        def cite(k):
            s = k % sources
            return [{"sourceId": f"s{s}", "passage": f"s{s}p{k % 10}"}]
        def talk(k):
            a, b = k % people, (k * 7 + 1) % people
            if a == b:
                b = (b + 1) % people
            return {"ref": f"k{k}", "title": f"Bench talk {k}", "trackId": f"t{k % tracks}",
                    "date": "2025-%02d-%02d" % (k % 12 + 1, k % 28 + 1), "status": "HELD",
                    "location": {"name": "Geneva", "city": "Geneva", "countryCode": "CH", "geonamesId": 2660646},
                    "participants": [{"personId": f"p{a}", "role": "HOST", **({"envoyId": f"e{a}"} if a < people // 2 else {})},
                                     {"personId": f"p{b}", "role": "VISITOR"}],
                    "summary": f"Synthetic talk {k} between two bench people.", "citations": cite(k)}
        coll("talks", (talk(k) for k in range(talks)))
        out.write(",")
        coll("trips", ({"ref": f"x{i}", "envoyId": f"e{i % (people // 2)}", "destination": {"name": "Geneva", "countryCode": "CH"},
                        "arrivedOn": "2025-%02d-01" % (i % 12 + 1), "purpose": f"Bench trip {i}", "talkIds": [f"k{i * 10}"],
                        "citations": cite(i)} for i in range(talks // 10)))
        out.write(",")
        coll("outcomes", ({"ref": f"o{i}", "kind": "AGREEMENT", "title": f"Bench outcome {i}", "date": "2025-03-01",
                           "datePrecision": "MONTH", "talkIds": [f"k{i * 10}"], "figures": [{"label": "people freed", "value": i}],
                           "creditedToIds": [f"p{i % people}"], "citations": cite(i)} for i in range(talks // 10)))
        out.write(",")
        coll("statements", ({"ref": f"q{i}", "speakerId": f"p{i % people}", "quote": f"Bench statement {i}.",
                             "saidOn": "2025-03-13", "talkId": f"k{i * 10}", "citations": cite(i)} for i in range(talks // 10)))
        out.write("}")


def token(private_key, issuer):
    """An RS256 JWT with the editor role, signed with openssl (no Python crypto library needed)."""
    def b64(data):
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()
    now = int(time.time())
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": issuer, "sub": "bench", "groups": ["editor"], "iat": now, "exp": now + 3600}).encode())
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", private_key], input=f"{header}.{claims}".encode(),
                               capture_output=True, check=True).stdout
    return f"{header}.{claims}.{b64(signature)}"


def sample(pid, metrics_url, stop_file, out):
    """Until stop_file exists: peak heap used (bytes, from Micrometer) and peak RSS (VmHWM, kB)."""
    import os
    peak_heap = 0
    while not os.path.exists(stop_file):
        try:
            text = urllib.request.urlopen(metrics_url, timeout=2).read().decode()
            heap = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                       if line.startswith("jvm_memory_used_bytes") and 'area="heap"' in line)
            peak_heap = max(peak_heap, heap)
        except Exception:
            pass
        time.sleep(0.2)
    hwm = 0
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                hwm = int(line.split()[1])
    with open(out, "w") as f:
        json.dump({"peak_heap_bytes": peak_heap, "peak_rss_kb": hwm}, f)


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "bundle":
        bundle(int(sys.argv[2]), sys.argv[3])
    elif command == "token":
        print(token(sys.argv[2], sys.argv[3]))
    elif command == "sample":
        sample(int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
