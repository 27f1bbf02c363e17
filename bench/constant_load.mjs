// A constant offered load: POSTs one GraphQL request body at a fixed rate, whatever the server's
// answers do, and times each request from the moment it was due, not from when a connection was
// free to send it. A closed-loop tool (wrk, or anything that waits for an answer before sending
// the next request) sends nothing while the server stalls, so a stall delays a handful of
// requests instead of all those that should have been sent meanwhile ("coordinated omission"),
// and its percentiles understate the tail. wrk2, vegeta and k6 are not in Debian or npm here;
// autocannon's overallRate still times from the send. Node's own http client, at the rates
// bench/ offers (a few hundred to a few thousand requests a second), costs a few percent of
// one CPU.
//
// Usage: node constant_load.mjs URL BODY_FILE RATE SECONDS [LEAD_SECONDS [LOG_FILE]]
//   Up to 256 keep-alive connections are opened as needed; a request due while all are busy waits
//   in the client's queue, and that wait counts in its latency. The first LEAD_SECONDS (default 2)
//   run at the same rate but are not counted: they open the connections the rate needs (each new
//   one costs the first requests 20-90 ms of TCP and HTTP set-up on a busy 2-CPU machine, a
//   client's cost rather than the server's). Prints one JSON line: requests sent and answered,
//   the rate achieved, errors (not 200, or a GraphQL "errors" member), latency percentiles in
//   ms. LOG_FILE gets one line per counted request: due time (ms from the end of the lead),
//   latency (ms), to see when slow requests happened.
import http from "node:http";
import fs from "node:fs";

const [url, bodyFile, rateText, secondsText, leadText = "2", logFile] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const lead = Math.round(rate * Number(leadText));
if (!url || !bodyFile || !(rate > 0) || !(seconds > 0) || !(lead >= 0)) {
    console.error("usage: node constant_load.mjs URL BODY_FILE RATE SECONDS [LEAD_SECONDS [LOG_FILE]]");
    process.exit(2);
}
const body = fs.readFileSync(bodyFile);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, scheduling: "lifo" });
const total = lead + Math.round(rate * seconds);
const due = new Float64Array(total);
const latency = new Float64Array(total).fill(NaN);
let sent = 0, answered = 0, errors = 0, firstError = null;

function send(index, start) {
    due[index] = start;
    const request = http.request({
        agent, hostname: target.hostname, port: target.port, path: target.pathname, method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "application/json", "Content-Length": body.length },
    }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => {
            latency[index] = performance.now() - start;
            answered++;
            const text = Buffer.concat(chunks).toString();
            if (response.statusCode !== 200 || text.includes('"errors"')) {
                errors++;
                firstError ??= `${response.statusCode} ${text.slice(0, 300)}`;
            }
            finish();
        });
    });
    request.on("error", (error) => {
        latency[index] = performance.now() - start;
        answered++;
        errors++;
        firstError ??= String(error);
        finish();
    });
    request.end(body);
}

const started = performance.now();
function tick() {
    // Every request due by now is sent now, timed from when it was due.
    const now = performance.now();
    while (sent < total && started + (sent * 1000) / rate <= now) {
        send(sent, started + (sent * 1000) / rate);
        sent++;
    }
    if (sent < total) {
        setTimeout(tick, Math.max(0, started + (sent * 1000) / rate - performance.now()));
    }
}
tick();

// Requests still unanswered 10 s after the last was due count as errors (the server is stuck).
const deadline = setTimeout(() => report(), (total / rate) * 1000 + 10_000);

function finish() {
    if (answered === total) {
        report();
    }
}

function report() {
    clearTimeout(deadline);
    const ended = performance.now();
    const measured = Array.from(latency.subarray(lead)).filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    const at = (q) => measured.length ? measured[Math.min(measured.length - 1, Math.ceil(q * measured.length) - 1)] : NaN;
    const lost = total - answered;
    console.log(JSON.stringify({
        rate, seconds, sent: sent - lead, answered: measured.length, errors: errors + lost, first_error: firstError ?? (lost ? `${lost} unanswered` : null),
        achieved_rate: answered / ((ended - started) / 1000),  // lead included: the rate it was sent at
        p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: measured.at(-1),
        connections: Object.values(agent.sockets).flat().length + Object.values(agent.freeSockets).flat().length,
    }));
    if (logFile) {
        const lines = [];
        for (let i = lead; i < total; i++) {
            lines.push(`${(due[i] - due[lead]).toFixed(2)} ${latency[i].toFixed(3)}`);
        }
        fs.writeFileSync(logFile, lines.join("\n") + "\n");
    }
    agent.destroy();
    process.exit(0);
}
