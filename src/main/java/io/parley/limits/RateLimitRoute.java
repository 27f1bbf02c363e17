package io.parley.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.parley.graphql.ApiException;
import io.parley.graphql.OperationCost;
import io.parley.graphql.RequestShape;
import io.parley.graphql.ResponseExtensions;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Charges every GraphQL request over HTTP to its client's budget before anything runs, on
 * both read paths: the client is the token's subject, or else the client's address (behind a
 * proxy, the forwarded one Quarkus accepts from trusted proxies only, see
 * {@code quarkus.http.proxy.*}). A request that does not fit is refused with HTTP 429,
 * {@code Retry-After} and a LIMIT_EXCEEDED error; one that fits carries the budget left in
 * {@code extensions.rateLimit} and GitHub's {@code x-ratelimit-*} headers. WebSocket
 * subscriptions are not charged: each is held to the operation limits once, when it starts.
 */
@ApplicationScoped
public class RateLimitRoute {

    /** Where the charged {@link RateLimits.Budget} is left for {@link RateLimitGraphQL}. */
    static final String BUDGET = "parley.rate-limit.budget";

    private static final Logger LOG = Logger.getLogger(RateLimitRoute.class);
    /** After RequestShape (-100, -99), which parses the request; before CompiledReads (-50) and SmallRye's execution route. */
    private static final int ROUTE_ORDER = -60;
    /** Client keys are at most this long in the budget table; longer subjects are hashed. */
    private static final int MAX_KEY = 200;

    private final RateLimits limits;
    private final OperationCost costs;
    private final String path;

    public RateLimitRoute(RateLimits limits, OperationCost costs,
            @ConfigProperty(name = "quarkus.smallrye-graphql.root-path") String path) {
        this.limits = limits;
        this.costs = costs;
        this.path = path;
    }

    void route(@Observes Router router) {
        if (limits.enabled()) {
            router.route(path).order(ROUTE_ORDER).method(HttpMethod.POST).method(HttpMethod.GET).handler(this::charge);
        }
    }

    private void charge(RoutingContext request) {
        JsonObject operation = operation(request);
        if (operation == null) {
            request.next();
            return;
        }
        long cost = costs.of(operation.getString("query"), variables(operation), operation.getString("operationName"));
        identity(request).subscribe().with(
                identity -> request.vertx().executeBlocking(() -> limits.charge(client(identity, request), cost), false)
                        .onComplete(charged -> {
                            if (charged.succeeded()) {
                                answer(request, charged.result(), cost);
                            } else {
                                // Availability first: the request's own database work reports an outage.
                                LOG.warnf(charged.cause(), "rate limit not charged");
                                request.next();
                            }
                        }),
                // A token that does not verify: TokenFailures has answered 401 already.
                failure -> {
                    if (!request.response().ended()) {
                        request.fail(failure);
                    }
                });
    }

    private static void answer(RoutingContext request, RateLimits.Budget budget, long cost) {
        request.response().putHeader("x-ratelimit-limit", Long.toString(budget.limit()))
                .putHeader("x-ratelimit-remaining", Long.toString(budget.remaining()))
                .putHeader("x-ratelimit-reset", Long.toString(budget.resetAt().getEpochSecond()));
        if (!budget.accepted()) {
            long wait = Math.max(1, Duration.between(Instant.now(), budget.resetAt()).toSeconds() + 1);
            request.response().setStatusCode(429).putHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait))
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(ApiException.limitExceeded("rateLimit", "this operation costs " + cost + " points and "
                            + budget.remaining() + " of " + budget.limit() + " remain until " + budget.resetAt()
                            + "; retry after " + wait + " s").asResponseBody());
            return;
        }
        request.put(BUDGET, budget);
        request.put(ResponseExtensions.EXTENSIONS, Map.of("rateLimit", Map.of("limit", budget.limit(),
                "remaining", budget.remaining(), "resetAt", budget.resetAt().toString())));
        request.next();
    }

    /** The GraphQL request: as RequestShape parsed it (JSON POSTs), a GET's parameters, or an application/graphql body. */
    private static JsonObject operation(RoutingContext request) {
        JsonObject parsed = request.get(RequestShape.REQUEST);
        if (parsed != null) {
            return parsed.getValue("query") instanceof String ? parsed : null;
        }
        if (request.request().method() == HttpMethod.GET) {
            String query = request.queryParams().get("query");
            if (query == null) {
                return null; // a WebSocket upgrade, or a request without an operation
            }
            JsonObject operation = new JsonObject().put("query", query)
                    .put("operationName", request.queryParams().get("operationName"));
            try {
                String variables = request.queryParams().get("variables");
                operation.put("variables", variables == null ? null : new JsonObject(variables));
            } catch (RuntimeException unreadable) {
                // charged at the minimum; the general path words the mistake
            }
            return operation;
        }
        String type = request.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && type.startsWith("application/graphql") && request.body().asString() != null) {
            return new JsonObject().put("query", request.body().asString());
        }
        return null;
    }

    private static Map<String, Object> variables(JsonObject operation) {
        return operation.getValue("variables") instanceof JsonObject variables ? variables.getMap() : null;
    }

    /** The caller's identity, verifying its token if it sent one; anonymous without. */
    private static Uni<SecurityIdentity> identity(RoutingContext request) {
        if (request.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(request, null);
        return identity == null ? Uni.createFrom().nullItem() : identity;
    }

    /** Whose budget a request is charged to: the token's subject, else the client's address. */
    private static String client(SecurityIdentity identity, RoutingContext request) {
        if (identity != null && !identity.isAnonymous()) {
            String subject = identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                    ? token.getSubject()
                    : identity.getPrincipal().getName();
            return bounded("subject:" + subject);
        }
        SocketAddress address = request.request().remoteAddress();
        return bounded("address:" + (address == null ? "unknown" : address.hostAddress()));
    }

    private static String bounded(String key) {
        if (key.length() <= MAX_KEY) {
            return key;
        }
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
