package io.parley.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import groovy.json.JsonOutput;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** A GraphQL-over-WebSocket client speaking graphql-transport-ws or the legacy graphql-ws. */
public final class GraphQLSocket implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final boolean reading;
    private WebSocket socket;

    private GraphQLSocket(boolean reading) {
        this.reading = reading;
    }

    /** Connects and completes the connection_init / connection_ack handshake. */
    public static GraphQLSocket connect(String protocol) {
        return connect(protocol, true, Map.of());
    }

    /** Connects with a bearer token in the connection_init payload, as browsers must. */
    public static GraphQLSocket connectWithToken(String protocol, String token) {
        return connect(protocol, true, Map.of("Authorization", "Bearer " + token));
    }

    /** A client that stops reading after the handshake, as a stalled browser tab would. */
    public static GraphQLSocket connectAndStall(String protocol) {
        return connect(protocol, false, Map.of());
    }

    private static GraphQLSocket connect(String protocol, boolean reading, Map<String, Object> initPayload) {
        GraphQLSocket client = new GraphQLSocket(reading);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(protocol)
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), client).join();
        client.send(Map.of("type", "connection_init", "payload", initPayload));
        Map<String, Object> ack = client.next(Duration.ofSeconds(10));
        if (ack == null || !"connection_ack".equals(ack.get("type"))) {
            throw new AssertionError("no connection_ack but " + ack);
        }
        return client;
    }

    /** How the server ended a connection: its close code and reason, and the messages it sent before. */
    public record Refusal(int code, String reason, List<Map<String, Object>> messages) {
    }

    /** Sends connection_init with the given token and waits for the server to refuse it. */
    public static Refusal refusedInit(String protocol, String token) {
        GraphQLSocket client = new GraphQLSocket(true);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols(protocol)
                .buildAsync(URI.create("ws://localhost:" + RestAssured.port + "/graphql"), client).join();
        client.send(Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        List<Map<String, Object>> messages = new ArrayList<>();
        try {
            String[] closed = client.closed.get(10, TimeUnit.SECONDS);
            client.received.drainTo(messages);
            return new Refusal(Integer.parseInt(closed[0]), closed[1], messages);
        } catch (Exception notClosed) {
            client.received.drainTo(messages);
            throw new AssertionError("the server did not close the connection; it sent " + messages, notClosed);
        }
    }

    private final CompletableFuture<String[]> closed = new CompletableFuture<>();

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new String[] { String.valueOf(statusCode), reason });
        return null;
    }

    public void send(Map<String, Object> message) {
        socket.sendText(JsonOutput.toJson(message), true).join();
    }

    /** The next message, answering pings on the way; null when none arrives in time. */
    public Map<String, Object> next(Duration timeout) {
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                Map<String, Object> message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message != null && "ping".equals(message.get("type"))) {
                    send(Map.of("type", "pong"));
                    continue;
                }
                return message;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Drops the connection without a goodbye, as a vanished client would. */
    public void vanish() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(JsonPath.from(partial.toString()).getMap("$"));
            partial.setLength(0);
        }
        if (reading || received.isEmpty()) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }
}
