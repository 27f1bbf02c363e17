package io.parley.graphql;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Words the refusal of a bearer token that does not verify (malformed, expired, wrongly signed).
 * Quarkus would answer a bare HTTP 401 before GraphQL runs, which no GraphQL client can read
 * (quarkus#26410). Since authentication is lazy, Quarkus lets a route replace its failure
 * handler ({@link QuarkusHttpUser#AUTH_FAILURE_HANDLER}); this one answers HTTP 401 with a GraphQL
 * error, code UNAUTHENTICATED, and the RFC 6750 challenge
 * {@code WWW-Authenticate: Bearer error="invalid_token"}.
 */
@ApplicationScoped
public class TokenFailures {

    /** After Quarkus' authentication route, which installs the default handler; before SmallRye's. */
    private static final int ROUTE_ORDER = -98;

    private final String path;

    public TokenFailures(@ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path) {
        this.path = path;
    }

    void route(@Observes Router router) {
        BiConsumer<RoutingContext, Throwable> refuse = this::refuse;
        router.route(path).order(ROUTE_ORDER).handler(request -> {
            request.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, refuse);
            request.next();
        });
        router.route(path).order(ROUTE_ORDER).failureHandler(request -> {
            if (isTokenRefused(request.failure()) || request.failure() == null && request.statusCode() == 401) {
                refuse(request, request.failure());
            } else {
                request.next();
            }
        });
    }

    private static boolean isTokenRefused(Throwable failure) {
        return failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException;
    }

    private void refuse(RoutingContext request, Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure != null && !isTokenRefused(failure)) {
            request.fail(failure);
            return;
        }
        if (request.response().ended()
                || request.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            return; // a WebSocket's connection_init: Quarkus closes it with 4403
        }
        request.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(ApiException.invalidToken().asResponseBody());
    }
}
