package io.parley.common;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The ID of the trace the current request belongs to, as errors quote it in
 * {@code extensions.traceId}: with it, a user's error report leads to the request's spans and
 * log lines. Quarkus keeps the trace in the request's Vert.x context, so it is found on the event
 * loop and on the worker threads that context runs blocking work on alike.
 */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current trace's ID (32 hexadecimal digits), or null outside a traced request or with tracing off. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
