package io.parley.telemetry;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which spans are recorded. Without an OTLP endpoint none: a span that is not recorded still has
 * its trace and span IDs, which is all logs and errors need, and no memory or export queue is
 * spent on spans no one receives (the instrumentation itself still runs: README, "Traces, logs
 * and metrics", has what it costs). With one, those of requests: a statement (or outgoing call) outside any request,
 * Flyway's migrations and the demo data's load at start-up (about 950 statements on an empty
 * database) or background work, would each be a trace of one span, flooding the collector on
 * every pod start with nothing a user's report could lead to. Within a request everything follows
 * the request's own decision (parent-based, as Quarkus' default sampler). Quarkus uses this
 * sampler because it is a bean.
 */
@Singleton
public class RequestTraces implements Sampler {

    private static final Sampler REQUESTS_ONLY = Sampler.parentBased(new Sampler() {
        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            return spanKind == SpanKind.CLIENT ? SamplingResult.drop() : SamplingResult.recordAndSample();
        }

        @Override
        public String getDescription() {
            return "RootsButClients";
        }
    });

    private final Sampler sampler;

    public RequestTraces(@ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> endpoint) {
        this.sampler = TracingSwitch.exported(endpoint.orElse(null)) ? REQUESTS_ONLY : Sampler.alwaysOff();
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return sampler.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RequestTraces(" + sampler.getDescription() + ")";
    }
}
