package io.parley.telemetry;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.instrumentation.api.instrumenter.LocalRootSpan;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRoute;
import io.opentelemetry.instrumentation.api.semconv.http.HttpServerRouteSource;
import io.parley.common.ErrorCode;
import io.parley.graphql.Documents;
import io.vertx.ext.web.RoutingContext;

import graphql.GraphQLError;
import graphql.language.Definition;
import graphql.language.OperationDefinition;

/**
 * What operators see of each GraphQL request over HTTP, on both of its paths (the compiled read
 * and SmallRye's execution), told by {@code io.parley.http.GraphQLEndpoint} what it learns:
 * <ul>
 * <li>The request's span (Quarkus' HTTP server span) is named after the operation, "query
 * PersonPage", and carries the semantic conventions' {@code graphql.operation.name} and
 * {@code graphql.operation.type}, and the codes of the errors it answered with.</li>
 * <li>Metrics on the Prometheus endpoint, tagged by operation name and kind:
 * {@code parley_graphql_requests_seconds} (a timer: count, sum and histogram buckets) and
 * {@code parley_graphql_errors_total} by error code.</li>
 * </ul>
 * Subscriptions over WebSocket are not requests in this sense and are not counted.
 */
@ApplicationScoped
public class OperationTelemetry {

    private static final String OBSERVED = "parley.telemetry";
    private static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("graphql.operation.name");
    private static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("graphql.operation.type");
    private static final AttributeKey<List<String>> ERROR_CODES = AttributeKey.stringArrayKey("parley.graphql.error_codes");
    /** A span attribute is not a metric tag, but a client's name still should not fill a span: real ones are short. */
    private static final int MAX_SPAN_NAME = 128;

    /** What one request has been found to be, until its response ends. */
    private static final class Observed {
        final long started = System.nanoTime();
        /** The trace context the request began in: its server span is ended by the time the response has. */
        final Context trace = Context.current();
        final Span span = LocalRootSpan.fromContext(trace);
        String name = OperationNames.UNKNOWN;
        String kind = OperationNames.UNKNOWN;
        final Set<String> codes = new LinkedHashSet<>(2);
    }

    private record Key(String name, String kind) {
    }

    private record ErrorKey(String name, String kind, String code) {
    }

    private final MeterRegistry registry;
    private final OperationNames names;
    private final String route;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<ErrorKey, Counter> errors = new ConcurrentHashMap<>();

    public OperationTelemetry(MeterRegistry registry,
            @ConfigProperty(name = "parley.metrics.max-operation-names") int maxOperationNames,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String route) {
        this.registry = registry;
        this.names = new OperationNames(maxOperationNames);
        this.route = route;
    }

    /**
     * A request starts being answered; its time and outcome are recorded as its response is
     * written. Not when it ends: SmallRye's handler (the general path) replaces the response's
     * end handler, which RoutingContext.addEndHandler relies on, and the body follows the headers
     * at once (a request whose client leaves before its answer is not counted).
     */
    public void begin(RoutingContext context) {
        Observed observed = new Observed();
        context.put(OBSERVED, observed);
        context.addHeadersEndHandler(written -> record(context, observed));
    }

    /**
     * The request runs the operation of this kind ("query", "mutation", "subscription") that its
     * document selects by the requested name, or its only one. Kind null: it selects none (the
     * request is refused).
     */
    public void operation(RoutingContext context, Documents.Parsed document, String requestedName, String kind) {
        Observed observed = context.get(OBSERVED);
        if (observed == null || kind == null) {
            return;
        }
        String name = requestedName != null ? requestedName : onlyOperationName(document);
        observed.kind = kind;
        observed.name = names.tag(name);
        Span span = observed.span;
        if (!span.getSpanContext().isValid()) {
            return;
        }
        // Quarkus renames the span "POST /graphql" as the response ends, unless a route of a
        // higher source was set: this one, so http.route stays the path and the name is ours.
        HttpServerRoute.update(observed.trace, HttpServerRouteSource.CONTROLLER, route);
        span.setAttribute(OPERATION_TYPE, kind);
        if (name != null) {
            String shown = name.length() > MAX_SPAN_NAME ? name.substring(0, MAX_SPAN_NAME) : name;
            span.setAttribute(OPERATION_NAME, shown);
            span.updateName(kind + " " + shown);
        } else {
            span.updateName(kind);
        }
    }

    /** The name of a document's only operation (requests without operationName may send only one). */
    private static String onlyOperationName(Documents.Parsed document) {
        for (Definition<?> definition : document.document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                return operation.getName();
            }
        }
        return null;
    }

    /** The response carries these GraphQL errors (their extensions.code). */
    public void failed(RoutingContext context, List<GraphQLError> graphQLErrors) {
        for (GraphQLError error : graphQLErrors) {
            Map<String, Object> extensions = error.getExtensions();
            failed(context, extensions != null && extensions.get("code") instanceof String code ? code
                    : ErrorCode.INTERNAL.name());
        }
    }

    /** The response carries an error with this code. */
    public void failed(RoutingContext context, String code) {
        Observed observed = context.get(OBSERVED);
        if (observed == null || !observed.codes.add(code)) {
            return;
        }
        observed.span.setAttribute(ERROR_CODES, List.copyOf(observed.codes));
        if (ErrorCode.INTERNAL.name().equals(code) || ErrorCode.UNAVAILABLE.name().equals(code)) {
            observed.span.setStatus(StatusCode.ERROR, code);
        }
    }

    private void record(RoutingContext context, Observed observed) {
        long elapsed = System.nanoTime() - observed.started;
        if (observed.codes.isEmpty()) {
            // Refused by Quarkus itself: a token that does not verify (TokenFailures' 401), or a
            // failure no one worded (Vert.x' 500).
            int status = context.response().getStatusCode();
            if (status == 401) {
                observed.codes.add(ErrorCode.UNAUTHENTICATED.name());
            } else if (status >= 500) {
                observed.codes.add(ErrorCode.INTERNAL.name());
            }
        }
        timers.computeIfAbsent(new Key(observed.name, observed.kind), this::timer)
                .record(elapsed, TimeUnit.NANOSECONDS);
        for (String code : observed.codes) {
            errors.computeIfAbsent(new ErrorKey(observed.name, observed.kind, code), this::errorCounter).increment();
        }
    }

    private Timer timer(Key key) {
        // Histogram buckets from 1 ms to 30 s (the import timeout aside, nothing takes longer),
        // stated rather than left to Micrometer's defaults: 68 buckets, so with count, sum and max
        // about 70 series per operation name and kind.
        return Timer.builder("parley.graphql.requests")
                .description("GraphQL requests over HTTP by operation, from the request read to its response")
                .tag("operation", key.name()).tag("kind", key.kind())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry);
    }

    private Counter errorCounter(ErrorKey key) {
        return Counter.builder("parley.graphql.errors")
                .description("GraphQL requests over HTTP whose response carried an error with this extensions.code")
                .tag("operation", key.name()).tag("kind", key.kind()).tag("code", key.code())
                .register(registry);
    }
}
