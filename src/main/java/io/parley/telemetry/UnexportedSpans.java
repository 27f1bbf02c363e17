package io.parley.telemetry;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;

/**
 * Where spans go when no OTLP endpoint is configured: nowhere. Quarkus' own default endpoint is
 * http://localhost:4317/, and it would send there and log a warning for every batch it fails to send;
 * it builds no exporter of its own while another SpanExporter bean can be looked up, and this one
 * can be only while the traces endpoint is exactly that default. (No span is recorded then either:
 * {@link RequestTraces}.) (A collector on the pod's own port is still reached: any other spelling,
 * such as {@code http://localhost:4317} without the slash, counts as configured.)
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint",
        stringValue = OtlpExporterConfig.DEFAULT_GRPC_BASE_URI, lookupIfMissing = true)
public class UnexportedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
