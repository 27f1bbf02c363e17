package io.parley.telemetry;

import java.util.List;

import jakarta.inject.Singleton;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Which spans are kept: those of requests. A statement (or outgoing call) outside any request,
 * Flyway's migrations and the demo data's load at start-up (about 950 statements on an empty
 * database) or the change feed's background work, would each be a trace of one span, flooding the
 * collector on every pod start with nothing a user's report could lead to. Within a request
 * everything follows the request's own decision (parent-based, as Quarkus' default sampler);
 * Quarkus uses this sampler because it is a bean.
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

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return REQUESTS_ONLY.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RequestTraces(" + REQUESTS_ONLY.getDescription() + ")";
    }
}
