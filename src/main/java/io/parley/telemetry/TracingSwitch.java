package io.parley.telemetry;

import java.util.Set;

import jakarta.annotation.Priority;

import io.quarkus.opentelemetry.runtime.config.runtime.exporter.OtlpExporterConfig;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.DefaultValuesConfigSource;
import io.smallrye.config.Priorities;

/**
 * Tracing is on when its spans have somewhere to go, and off otherwise, unless an operator says
 * which. Measured on the read benchmark (2 CPUs, 16 connections), the instrumentation costs even
 * when no span is recorded ({@link RequestTraces} samples nothing without an endpoint): the HTTP
 * server span's context, and a wrapper around every JDBC statement that builds its attributes
 * (the statement text with its literals replaced) before the sampler is asked. One person by id,
 * packaged jar: 10,800-11,100 requests/s at 90-92 µs of server CPU each with it off, 8,600-9,300
 * at 116-130 µs with it on (README, "Traces, logs and metrics").
 *
 * <p>So, with no OTLP traces endpoint (none set, or Quarkus' own default, which
 * {@link UnexportedSpans} already treats as none), the OpenTelemetry SDK is disabled
 * ({@code quarkus.otel.sdk.disabled}: no trace context, so no {@code extensions.traceId} and no
 * trace ID in the logs) and the JDBC wrapper is left out
 * ({@code quarkus.datasource.jdbc.telemetry.enabled}). Both are run-time settings, so one image
 * serves both ways; either may still be set explicitly, which wins. Read through SmallRye
 * Config's interceptor chain (registered in META-INF/services, the way Quarkus finds
 * interceptors at build time, so it runs in the native executable too), with a priority above
 * the expression interceptor's so that the endpoint it reads is already expanded.
 */
@Priority(Priorities.APPLICATION)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String SQL_SPANS = "quarkus.datasource.jdbc.telemetry.enabled";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    private static final Set<String> SWITCHES = Set.of(SDK_DISABLED, SQL_SPANS);

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SWITCHES.contains(name) || (value != null && !DefaultValuesConfigSource.NAME.equals(value.getConfigSourceName()))) {
            return value;
        }
        ConfigValue endpoint = context.proceed(TRACES_ENDPOINT);
        boolean exported = exported(endpoint == null ? null : endpoint.getValue());
        String setting = String.valueOf(name.equals(SDK_DISABLED) ? !exported : exported);
        return (value != null ? value.from() : ConfigValue.builder().withName(name))
                .withValue(setting)
                .withRawValue(setting)
                .withConfigSourceName(TracingSwitch.class.getSimpleName())
                .build();
    }

    /**
     * Whether spans have somewhere to go: a traces endpoint is set, and it is not Quarkus' default
     * (which {@link UnexportedSpans} stands in for). {@link RequestTraces} asks the same.
     */
    static boolean exported(String url) {
        return url != null && !url.isBlank() && !url.equals(OtlpExporterConfig.DEFAULT_GRPC_BASE_URI);
    }
}
