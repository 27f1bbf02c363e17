package io.parley.bundle;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.parley.common.ApiException;
import io.parley.replica.CommitPositions;
import io.parley.errors.ErrorMapping;
import io.parley.idempotency.RetrySafeWrites;
import io.parley.common.Roles;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The curl-friendly side of bundles: {@code POST /import} (a bundle as the body, a bearer token
 * with the editor role), {@code GET /import/schema.json} and {@code GET /export/bundle}. Errors
 * come in GraphQL's shape ({@code {"errors": [{"message", "extensions": {"code", ...}}]}}) with a
 * matching HTTP status.
 */
@ApplicationScoped
public class BundleRoutes {

    private static final String JSON = "application/json";

    private final BundleImporter importer;
    private final BundleSchema schema;
    private final BundleExporter exporter;
    private final long maxBody;
    private final RetrySafeWrites writes;
    private final int timeoutSeconds;
    private final CommitPositions positions;

    public BundleRoutes(BundleImporter importer, BundleSchema schema, BundleExporter exporter,
            @ConfigProperty(name = "parley.import.max-body") MemorySize maxBody, RetrySafeWrites writes,
            @ConfigProperty(name = "parley.import.timeout") int timeoutSeconds, CommitPositions positions) {
        this.positions = positions;
        this.importer = importer;
        this.schema = schema;
        this.exporter = exporter;
        this.maxBody = maxBody.asLongValue();
        this.writes = writes;
        this.timeoutSeconds = timeoutSeconds;
    }

    void routes(@Observes Router router) {
        router.get("/import/schema.json").handler(context -> context.response()
                .putHeader("content-type", "application/schema+json").end(Buffer.buffer(schema.text())));
        // Ahead of Quarkus's own body limit for GraphQL-sized requests (256K): bundles have their own.
        router.post("/import").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::importBundle);
        router.get("/export/bundle").handler(context -> exporter.export(context));
    }

    /**
     * An import with an {@code Idempotency-Key} header runs once per key: sent again (the same
     * body and dryRun), it returns the first report without importing again ({@link RetrySafeWrites}).
     */
    private void importBundle(RoutingContext context) {
        EditorPosts.handle(context, maxBody, "a bundle (parley.import.max-body; split it into several bundles)",
                (caller, request, body) -> {
                    boolean dryRun = "true".equals(request.request().getParam("dryRun"));
                    String result = writes.work(request, caller, List.of(dryRun, body), timeoutSeconds,
                            () -> BundleJson.MAPPER.writeValueAsString(importer.importJson(body, dryRun)));
                    // Committed (or replayed): the writer's next read may ask to see it (Parley-Read-After).
                    positions.tell(request);
                    return result;
                });
    }

    static void fail(RoutingContext context, ApiException error) {
        EditorPosts.fail(context, error);
    }
}
