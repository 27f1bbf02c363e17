package io.parley.access;

import io.parley.common.ApiException;

import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Words the refusal of a bearer token that does not verify (malformed, expired, wrongly signed).
 * Quarkus would answer a bare HTTP 401 before GraphQL runs, which no GraphQL client can read
 * (quarkus#26410). Since authentication is lazy, Quarkus lets a route replace its failure
 * handler ({@link QuarkusHttpUser#AUTH_FAILURE_HANDLER}); this one answers HTTP 401 with a GraphQL
 * error, code UNAUTHENTICATED, and the RFC 6750 challenge
 * {@code WWW-Authenticate: Bearer error="invalid_token"}. Such a token in a subscription's
 * connection_init closes the WebSocket with 4403 and the reason {@code UNAUTHENTICATED: ...}.
 */
@ApplicationScoped
public class TokenFailures {

    /**
     * After Quarkus' authentication route (-200), which installs the default handler; before its
     * authorization (-100) and SmallRye's routes (the WebSocket one is -99).
     */
    private static final int ROUTE_ORDER = -150;

    /** graphql-transport-ws closes a connection whose connection_init it refuses with 4403. */
    private static final int WEBSOCKET_REFUSED = 4403;
    /** At most 123 bytes, as every close reason. */
    private static final String WEBSOCKET_REASON = "UNAUTHENTICATED: the bearer token is not valid (malformed, expired or untrusted)";

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
        if (request.request().connection() instanceof ConnectionBase connection
                && connection.channel().pipeline().get(WebSocketFrameEncoder.class) != null) {
            // The token came in a WebSocket's connection_init. Quarkus closes the socket next with
            // 4403 "Forbidden" and no way to word it; a close frame written first tells the client why.
            connection.channel().writeAndFlush(new CloseWebSocketFrame(WEBSOCKET_REFUSED, WEBSOCKET_REASON));
            return;
        }
        if (request.response().ended()) {
            return;
        }
        request.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(ApiException.invalidToken().asResponseBody());
    }
}
