package io.parley.events;

import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.common.GlobalId;
import io.parley.common.Roles;
import io.parley.demo.ExternalPostgres;
import io.parley.graphql.Fixtures;
import io.parley.graphql.GraphQLSocket;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * Subscriptions over WebSocket, both protocols, against the packaged application (JVM jar, or
 * native with -Dnative). SubscriptionTest waits for a subscription to register by asking the
 * application's ChangeEvents bean, which a separate process cannot; here a subscription counts as
 * registered once the first write after it is pushed.
 */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class SubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String TALKS = """
            subscription($track: ID) { talkRecorded(trackId: $track) {
              id title track { id } participants { role person { name } } } }""";

    private static void subscribe(GraphQLSocket socket, String type, String query, Object... variables) {
        socket.send(Map.of("id", "1", "type", type, "payload", Map.of("query", query, "variables", vars(variables))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payloadData(Map<String, Object> message, String field) {
        assertNotNull(message, "no event arrived");
        Map<String, Object> payload = (Map<String, Object>) message.get("payload");
        assertNull(payload.get("errors"), payload::toString);
        return (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get(field);
    }

    /** Records talks on the track until one is pushed (the subscription registers asynchronously). */
    private static Map<String, Object> firstPushed(GraphQLSocket socket, String track, String person) {
        for (int i = 0; i < 20; i++) {
            String talk = Fixtures.talk("Pushed " + i, "2024-01-02", track, person);
            Map<String, Object> message = socket.next(Duration.ofSeconds(1));
            if (message != null) {
                Map<String, Object> received = payloadData(message, "talkRecorded");
                // Only the talk just written, or one written before it, can arrive.
                assertTrue(((String) received.get("title")).startsWith("Pushed "), received::toString);
                assertNotNull(talk);
                return message;
            }
        }
        throw new AssertionError("no talk was pushed in 20 writes");
    }

    @Test
    void subscribersGetTheirTracksTalksWithNestedFieldsOverBothProtocols() {
        for (String protocol : List.of("graphql-transport-ws", "graphql-ws")) {
            String mine = Fixtures.track(Fixtures.unique("Subscribed track"));
            String other = Fixtures.track(Fixtures.unique("Other track"));
            String person = Fixtures.person("Subscribed Participant");
            try (GraphQLSocket socket = GraphQLSocket.connectWithToken(protocol, Tokens.withRoles(Roles.READER))) {
                subscribe(socket, protocol.equals("graphql-ws") ? "start" : "subscribe", TALKS, "track", mine);
                Map<String, Object> first = firstPushed(socket, mine, person);
                assertEquals(protocol.equals("graphql-ws") ? "data" : "next", first.get("type"), protocol);

                Fixtures.talk("Not for this subscriber", "2024-01-01", other, person);
                String talk = Fixtures.talk("For this subscriber", "2024-01-02", mine, person);
                Map<String, Object> received = payloadData(socket.next(WAIT), "talkRecorded");
                assertEquals(talk, received.get("id"), protocol + ": the other track's talk was filtered out");
                assertEquals(Map.of("id", mine), received.get("track"));
                Map<?, ?> participant = (Map<?, ?>) ((List<?>) received.get("participants")).get(0);
                assertEquals(Map.of("name", "Subscribed Participant"), participant.get("person"),
                        "nested fields resolve for pushed records too");
            }
        }
    }

    @Test
    void aNotificationFromAnotherConnectionReachesSubscribersAndARollbackSendsNothing() throws Exception {
        String track = Fixtures.track(Fixtures.unique("Replica track"));
        String person = Fixtures.person(Fixtures.unique("Replica person"));
        String rolledBack = Fixtures.talk("Rolled back", "2024-02-01", track, person);
        String committed = Fixtures.talk("Committed elsewhere", "2024-02-02", track, person);
        long trackKey = GlobalId.decode(track, "track").key();
        try (GraphQLSocket socket = GraphQLSocket.connect("graphql-transport-ws");
                Connection replica = ExternalPostgres.connection(); Statement sql = replica.createStatement()) {
            subscribe(socket, "subscribe", TALKS, "track", track);
            firstPushed(socket, track, person);
            replica.setAutoCommit(false);
            sql.execute(notify(rolledBack, trackKey));
            replica.rollback();
            sql.execute(notify(committed, trackKey));
            replica.commit();
            assertEquals(committed, payloadData(socket.next(WAIT), "talkRecorded").get("id"),
                    "only the committed notification arrives, from a connection other than the listener's");
            assertNull(socket.next(Duration.ofSeconds(1)));
        }
    }

    @Test
    void queriesAreRefusedOverTheSocket() {
        try (GraphQLSocket socket = GraphQLSocket.connect("graphql-transport-ws")) {
            subscribe(socket, "subscribe", "{ people(first: 1) { nodes { name } } }");
            Map<String, Object> answer = socket.next(WAIT);
            assertNotNull(answer, "no answer");
            assertTrue(String.valueOf(answer.get("payload")).contains("Only subscriptions"), answer::toString);
        }
    }

    @Test
    void aForgedTokenIsRefusedAtConnectionInit() {
        GraphQLSocket.Refusal refusal = GraphQLSocket.refusedInit("graphql-transport-ws", Tokens.wronglySigned());
        assertEquals(4403, refusal.code(), refusal::toString);
        assertTrue(refusal.reason().startsWith("UNAUTHENTICATED"), refusal::toString);
    }

    private static String notify(String talkId, long trackKey) {
        return "select pg_notify('" + ChangeEvents.CHANNEL + "', 'TALK:" + GlobalId.decode(talkId, "id").key() + ":"
                + trackKey + "')";
    }
}
