package io.parley.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;

/**
 * Clients writing and reading through a fault, the way the issue measures one: each writer creates
 * people with names of its own, one request at a time, and never retries; each reader asks for a
 * list. Every answer is counted (acknowledged, refused by {@code extensions.code}, or a transport
 * failure), so that afterwards the database can be asked whether every acknowledged write is
 * there (lost = 0) and none twice (duplicated = 0), and how long after the fault ended the first
 * request succeeded again.
 */
public final class Traffic implements AutoCloseable {

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern ID = Pattern.compile("\"createPerson\"\\s*:\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String CREATE = "mutation($i: PersonInput!) { createPerson(input: $i) { id } }";
    private static final String READ = "query { people(first: 5) { nodes { id name } } }";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI graphql;
    private final String token = Tokens.withRoles(Roles.EDITOR);
    private final String prefix;
    private final Duration requestTimeout;
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;
    private final boolean retryWithKey;
    private final AtomicInteger retries = new AtomicInteger();

    private final AtomicInteger tried = new AtomicInteger();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<long[]> answers = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowestFailedWriteNanos = new AtomicLong();
    private final AtomicLong slowestFailedReadNanos = new AtomicLong();
    private final ConcurrentLinkedQueue<Long> failureNanos = new ConcurrentLinkedQueue<>();

    /**
     * Starts {@code writers} writing clients and {@code readers} reading ones against Parley's
     * /graphql; a request unanswered after {@code requestTimeout} counts as TIMEOUT.
     */
    public Traffic(URI graphql, String scenario, int writers, int readers, Duration requestTimeout) {
        this(graphql, scenario, writers, readers, requestTimeout, false);
    }

    /**
     * With {@code retryWithKey}, each write carries an Idempotency-Key and is sent again with the
     * same key after any failure that leaves its outcome open (no answer, UNAVAILABLE,
     * COMMIT_UNKNOWN, or CONFLICT while the first attempt still runs) until it is acknowledged:
     * what a careful client does, and what must never write twice.
     */
    public Traffic(URI graphql, String scenario, int writers, int readers, Duration requestTimeout,
            boolean retryWithKey) {
        this.retryWithKey = retryWithKey;
        this.graphql = graphql;
        this.prefix = "fault " + scenario + " " + Long.toString(System.nanoTime(), 36);
        this.requestTimeout = requestTimeout;
        for (int w = 0; w < writers; w++) {
            int writer = w;
            clients.add(client("traffic-writer-" + w, () -> write(writer)));
        }
        for (int r = 0; r < readers; r++) {
            clients.add(client("traffic-reader-" + r, this::read));
        }
    }

    private static Thread client(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void write(int writer) {
        for (int n = 0; running; n++) {
            String name = prefix + " w" + writer + " n" + n;
            String body = "{\"query\":\"" + CREATE + "\",\"variables\":{\"i\":{\"name\":\"" + name + "\"}}}";
            String key = retryWithKey ? UUID.randomUUID().toString() : null;
            String answer = send(body, true, key);
            // Once stopped, a write left open is not retried: it counts as unacknowledged.
            while (key != null && answer == null && running) {
                retries.incrementAndGet();
                answer = send(body, true, key);
            }
            if (answer != null && ID.matcher(answer).find()) {
                acknowledged.add(name);
            }
        }
    }

    /** Writes sent again with their key after an open outcome. */
    public int retries() {
        return retries.get();
    }

    private void read() {
        while (running) {
            send("{\"query\":\"" + READ + "\"}", false, null);
        }
    }

    /** Sends one request and counts its answer; returns the body when it was an answer without errors. */
    private String send(String body, boolean write, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).timeout(requestTimeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (write) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        tried.incrementAndGet();
        long start = System.nanoTime();
        String failure;
        String answer = null;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(response.body());
            if (response.statusCode() == 200 && !response.body().contains("\"errors\"")) {
                answers.add(new long[] {System.nanoTime(), write ? 1 : 0});
                return response.body();
            }
            failure = code.find() ? code.group(1) : "HTTP " + response.statusCode();
            answer = null;
        } catch (HttpTimeoutException e) {
            failure = "TIMEOUT";
        } catch (IOException e) {
            failure = "CONNECTION_FAILED";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        long took = System.nanoTime() - start;
        (write ? slowestFailedWriteNanos : slowestFailedReadNanos).accumulateAndGet(took, Math::max);
        failureNanos.add(took);
        failures.computeIfAbsent(failure, f -> new AtomicInteger()).incrementAndGet();
        pause();
        return answer;
    }

    /** A refused client waits a little before trying again, as real clients back off. */
    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Nanotime of the first successful write (or any request, when {@code writes} is false) after {@code since}. */
    public long firstSuccessAfter(long since, boolean writes) {
        return answers.stream().filter(a -> a[0] >= since && (!writes || a[1] == 1))
                .mapToLong(a -> a[0]).min().orElse(Long.MAX_VALUE);
    }

    /** Waits until a write succeeds after {@code since}; returns the seconds it took, or fails after {@code patience}. */
    public double awaitWriteAfter(long since, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (firstSuccessAfter(since, true) == Long.MAX_VALUE) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no write succeeded within " + patience + " after the fault ended; "
                        + "failures so far " + new TreeMap<>(failures));
            }
            Thread.sleep(20);
        }
        return (firstSuccessAfter(since, true) - since) / 1e9;
    }

    public void stop() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(requestTimeout.toMillis() + 5_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public int tried() {
        return tried.get();
    }

    public int acknowledgedCount() {
        return acknowledged.size();
    }

    public Map<String, Integer> failuresByCode() {
        Map<String, Integer> counts = new TreeMap<>();
        failures.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    /** How many refused or failed requests took longer than this to be answered. */
    public int failuresSlowerThan(double seconds) {
        return (int) failureNanos.stream().filter(n -> n > seconds * 1e9).count();
    }

    /** The longest a refused or failed write took to be answered. */
    public double slowestFailedWriteSeconds() {
        return slowestFailedWriteNanos.get() / 1e9;
    }

    /** The longest a refused or failed read took to be answered. */
    public double slowestFailedReadSeconds() {
        return slowestFailedReadNanos.get() / 1e9;
    }

    /** What the database holds of this traffic's writes: acknowledged ones missing, and names stored twice. */
    public Stored stored(Connection database) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (PreparedStatement query = database.prepareStatement(
                "select name, count(*) from person where name like ? group by name")) {
            query.setString(1, prefix + " %");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        int lost = (int) acknowledged.stream().filter(name -> !counts.containsKey(name)).count();
        int duplicated = (int) counts.values().stream().filter(c -> c > 1).count();
        int unacknowledgedButStored = (int) counts.keySet().stream().filter(n -> !acknowledged.contains(n)).count();
        return new Stored(lost, duplicated, unacknowledgedButStored);
    }

    /** The numbers every scenario reports: requests, acknowledged writes, refusals by code, and what was stored. */
    public Map<String, Object> numbers(Stored stored) {
        Map<String, Object> numbers = new java.util.LinkedHashMap<>();
        numbers.put("tried", tried());
        numbers.put("acknowledgedWrites", acknowledgedCount());
        numbers.put("refusedByCode", failuresByCode());
        numbers.put("lost", stored.lost());
        numbers.put("duplicated", stored.duplicated());
        numbers.put("unacknowledgedButStored", stored.unacknowledgedButStored());
        return numbers;
    }

    /**
     * @param unacknowledgedButStored writes the client never heard succeed (the answer was lost
     *        with the connection) that committed anyway: why clients need idempotency keys
     */
    public record Stored(int lost, int duplicated, int unacknowledgedButStored) {
    }
}
