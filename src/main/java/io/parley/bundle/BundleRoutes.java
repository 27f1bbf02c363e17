package io.parley.bundle;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.parley.common.ApiException;
import io.parley.errors.ErrorMapping;
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

    public BundleRoutes(BundleImporter importer, BundleSchema schema, BundleExporter exporter,
            @ConfigProperty(name = "parley.import.max-body") MemorySize maxBody) {
        this.importer = importer;
        this.schema = schema;
        this.exporter = exporter;
        this.maxBody = maxBody.asLongValue();
    }

    void routes(@Observes Router router) {
        router.get("/import/schema.json").handler(context -> context.response()
                .putHeader("content-type", "application/schema+json").end(Buffer.buffer(schema.text())));
        // Ahead of Quarkus's own body limit for GraphQL-sized requests (256K): bundles have their own.
        router.post("/import").order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::importBundle);
        router.get("/export/bundle").handler(context -> exporter.export(context));
    }

    private void importBundle(RoutingContext context) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader("content-length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBody) {
            tooLarge(context);
            return;
        }
        // The caller's role is checked before a byte of the body is read: an anonymous caller
        // must not make Parley buffer a 64 MB bundle (the request stays paused until then).
        Context eventLoop = Vertx.currentContext();
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(context, null);
        (identity == null ? Uni.createFrom().<SecurityIdentity> nullItem() : identity).subscribe().with(
                caller -> eventLoop.runOnContext(ignored -> receive(context, caller)),
                refused -> eventLoop.runOnContext(ignored -> refuse(context, ApiException.invalidToken())));
    }

    private void receive(RoutingContext context, SecurityIdentity caller) {
        if (caller == null || caller.isAnonymous()) {
            refuse(context, ApiException.unauthenticated());
            return;
        }
        if (!caller.hasRole(Roles.EDITOR) && !caller.hasRole(Roles.ADMIN)) {
            refuse(context, ApiException.forbidden());
            return;
        }
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBody) {
                if (!context.response().ended()) {
                    tooLarge(context);
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> fail(context, ErrorMapping.translate(failure)));
        request.endHandler(ended -> {
            if (context.response().ended()) {
                return;
            }
            context.vertx().executeBlocking(() -> run(caller, body.toString(StandardCharsets.UTF_8)), false).onComplete(result -> {
                if (result.succeeded()) {
                    context.response().putHeader("content-type", JSON).end(result.result());
                } else {
                    fail(context, ErrorMapping.translate(result.cause()));
                }
            });
        });
        request.resume();
    }

    /** Runs on a worker thread, as the caller (an editor or admin). */
    private String run(SecurityIdentity caller, String body) throws JsonProcessingException {
        ImportResult result = Identities.runAs(caller, () -> importer.importJson(body));
        return BundleJson.MAPPER.writeValueAsString(result);
    }

    /** Refused before the body was read: the connection closes rather than draining it. */
    private static void refuse(RoutingContext context, ApiException error) {
        context.response().putHeader("connection", "close");
        fail(context, error);
    }

    private void tooLarge(RoutingContext context) {
        context.response().putHeader("connection", "close");
        fail(context, ApiException.limitExceeded("body", "a bundle may be at most " + maxBody
                + " bytes (parley.import.max-body); split it into several bundles"));
    }

    static void fail(RoutingContext context, ApiException error) {
        context.response().setStatusCode(error.httpStatus()).putHeader("content-type", JSON).end(error.asResponseBody());
    }
}
