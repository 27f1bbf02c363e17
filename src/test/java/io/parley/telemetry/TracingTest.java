package io.parley.telemetry;

import static io.parley.graphql.GraphQLClient.post;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Parley sends its spans to an OTLP endpoint when one is configured: here a receiver in the test
 * ({@link OtlpReceiver}) that decodes what arrives. Each GraphQL request is one server span named
 * after its operation, with the SQL it ran beneath it, and the trace ID its errors quote is that
 * span's trace.
 */
@QuarkusTest
@TestProfile(TracingTest.Exported.class)
class TracingTest {

    public static class Exported implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }

    @Test
    void aNamedQueryIsOneSpanWithItsStatementBeneathIt() {
        String name = "TracedTracks" + unique();
        JsonPath response = post("query " + name + " { tracks(first: 2) { totalCount nodes { name } } }");
        assertNull(response.get("errors"), response::prettify);

        Span request = awaitSpan(span -> span.getName().equals("query " + name));
        assertEquals(Span.SpanKind.SPAN_KIND_SERVER, request.getKind());
        assertEquals(name, attribute(request, "graphql.operation.name"));
        assertEquals("query", attribute(request, "graphql.operation.type"));
        assertEquals("/graphql", attribute(request, "http.route"));
        Span statement = awaitSpan(span -> isChildOf(span, request) && isStatement(span));
        assertTrue(statementText(statement).toLowerCase().contains("select"), statement::toString);
    }

    @Test
    void aNamedMutationIsOneSpanWithItsStatementsBeneathIt() {
        String name = "CreateTracedTrack" + unique();
        JsonPath response = postAs(Tokens.withRoles("editor"), "mutation " + name
                + "($input: TrackInput!) { createTrack(input: $input) { id } }",
                "input", vars("name", "Traced track " + unique(), "parties", List.of("Norway", "Russia")));
        assertNull(response.get("errors"), response::prettify);

        Span request = awaitSpan(span -> span.getName().equals("mutation " + name));
        assertEquals(name, attribute(request, "graphql.operation.name"));
        assertEquals("mutation", attribute(request, "graphql.operation.type"));
        awaitSpan(span -> isChildOf(span, request) && isStatement(span)
                && statementText(span).toLowerCase().startsWith("insert"));
    }

    @Test
    void statementSpansCarryNoParameterValues() {
        String secret = "Zq" + unique();
        String name = "SecretPeople" + unique();
        JsonPath response = post("query " + name + "($name: String) { people(filter: {name: $name}, first: 1) { totalCount } }",
                "name", secret);
        assertNull(response.get("errors"), response::prettify);
        // An inline literal too: the compiled read writes arguments into its statement.
        String inline = "Zr" + unique();
        String other = "InlinePeople" + unique();
        assertNull(post("query " + other + " { people(filter: {name: \"" + inline + "\"}, first: 1) { totalCount } }")
                .get("errors"));

        for (String operation : List.of(name, other)) {
            Span request = awaitSpan(span -> span.getName().equals("query " + operation));
            awaitSpan(span -> isChildOf(span, request) && isStatement(span));
        }
        for (Span span : OtlpReceiver.spans()) {
            for (KeyValue attribute : span.getAttributesList()) {
                String value = attribute.getValue().toString();
                assertFalse(value.contains(secret) || value.contains(inline),
                        () -> "span " + span.getName() + " carries a parameter value in " + attribute);
            }
        }
    }

    @Test
    void statementsOutsideRequestsAreNotTraced() {
        // Start-up ran hundreds of statements (migrations, the demo data) before any request.
        String name = "AfterStartUp" + unique();
        assertNull(post("query " + name + " { tracks(first: 1) { totalCount } }").get("errors"));
        awaitSpan(span -> span.getName().equals("query " + name));
        for (Span span : OtlpReceiver.spans()) {
            assertFalse(span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT && span.getParentSpanId().isEmpty(),
                    () -> "a statement traced on its own: " + span);
        }
    }

    @Test
    void anErrorsTraceIdIsTheTraceOfItsRequest() {
        // graphql-java's own validation error (ErrorCodes words it).
        String invalid = "InvalidTracks" + unique();
        assertTraced(post("query " + invalid + " { tracks(first: 1) { noSuchField } }"), "query " + invalid,
                "BAD_USER_INPUT");
        // A resolver's refusal (an ApiException): a mutation without a token.
        String refused = "RefusedTrack" + unique();
        assertTraced(postAs(null, "mutation " + refused + " { deleteTrack(id: \"VHJhY2s6MQ==\", expectedVersion: 0) }"),
                "mutation " + refused, "UNAUTHENTICATED");
        // Refused by the endpoint before anything runs: a mutation over GET.
        String overGet = "MutationOverGet" + unique();
        JsonPath refusal = given().accept(ContentType.JSON)
                .queryParam("query", "mutation " + overGet + " { deleteTrack(id: \"x\", expectedVersion: 0) }")
                .when().get("/graphql").then().statusCode(405).extract().jsonPath();
        assertTraced(refusal, "mutation " + overGet, "BAD_USER_INPUT");
    }

    private static void assertTraced(JsonPath response, String spanName, String code) {
        List<Map<String, Object>> errors = response.getList("errors");
        assertNotNull(errors, response::prettify);
        @SuppressWarnings("unchecked")
        Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
        assertEquals(code, extensions.get("code"), response::prettify);
        String traceId = (String) extensions.get("traceId");
        assertNotNull(traceId, response::prettify);
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        Span request = awaitSpan(span -> span.getName().equals(spanName));
        assertEquals(traceId, HexFormat.of().formatHex(request.getTraceId().toByteArray()));
        String codes = attribute(request, "parley.graphql.error_codes");
        assertTrue(codes.contains(code), () -> request.toString());
    }

    private static boolean isChildOf(Span span, Span parent) {
        return span.getTraceId().equals(parent.getTraceId()) && span.getParentSpanId().equals(parent.getSpanId());
    }

    private static boolean isStatement(Span span) {
        return span.getKind() == Span.SpanKind.SPAN_KIND_CLIENT && statementText(span) != null;
    }

    /** The statement's text: db.query.text in the current semantic conventions, db.statement before. */
    private static String statementText(Span span) {
        String text = attribute(span, "db.query.text");
        return text != null ? text : attribute(span, "db.statement");
    }

    private static String attribute(Span span, String key) {
        Optional<AnyValue> value = span.getAttributesList().stream().filter(a -> a.getKey().equals(key))
                .map(KeyValue::getValue).findFirst();
        if (value.isEmpty()) {
            return null;
        }
        AnyValue any = value.get();
        return any.hasStringValue() ? any.getStringValue() : any.toString();
    }

    /** Spans are sent in batches every 100 ms (OtlpReceiver); 10 s is far more than one takes. */
    private static Span awaitSpan(Predicate<Span> wanted) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Optional<Span> found = OtlpReceiver.spans().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("no such span among " + OtlpReceiver.spans().stream().map(s -> s.getName() + " " + s.getAttributesList())
                .toList());
        return null;
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
