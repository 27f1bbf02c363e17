package io.parley.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.parley.common.ApiException;
import io.parley.graphql.OperationCost;
import io.parley.graphql.ResponseExtensions;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Charges a GraphQL request over HTTP to its client's budget before anything runs, on both read
 * paths (the GraphQL endpoint calls it once it knows the request's document, persisted or
 * sent): the client is the token's subject, or else the client's address (behind a proxy, the
 * forwarded one Quarkus accepts from trusted proxies only, see {@code quarkus.http.proxy.*}).
 * An accepted request carries the budget left in {@code extensions.rateLimit} and GitHub's
 * {@code x-ratelimit-*} headers; a refused one is a LIMIT_EXCEEDED {@link Refused} that the
 * endpoint answers with HTTP 429 and {@code Retry-After}. WebSocket subscriptions are not
 * charged: each is held to the operation limits once, when it starts.
 */
@ApplicationScoped
public class RateLimitCharges {

    /** Where the charged {@link RateLimits.Budget} is left for {@link RateLimitGraphQL}. */
    public static final String BUDGET = "parley.rate-limit.budget";

    private static final Logger LOG = Logger.getLogger(RateLimitCharges.class);
    /** Client keys are at most this long in the budget table; longer subjects are hashed. */
    private static final int MAX_KEY = 200;

    /** A request that does not fit its client's budget: the error and the seconds until it would. */
    public static final class Refused extends RuntimeException {

        public final ApiException error;
        public final long retryAfterSeconds;

        Refused(ApiException error, long retryAfterSeconds) {
            super(error.getMessage(), null, false, false);
            this.error = error;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private final RateLimits limits;
    private final OperationCost costs;

    public RateLimitCharges(RateLimits limits, OperationCost costs) {
        this.limits = limits;
        this.costs = costs;
    }

    /**
     * Charges the operation; completes when the request may go on, fails with {@link Refused}
     * when it does not fit. A token that does not verify fails it with Quarkus' authentication
     * failure (answered 401 by {@code TokenFailures}). Must be called on the request's event loop.
     */
    public Future<Void> charge(RoutingContext request, String query, Map<String, Object> variables, String operationName) {
        if (!limits.enabled()) {
            return Future.succeededFuture();
        }
        long cost = costs.of(query, variables, operationName);
        Promise<Void> charged = Promise.promise();
        identity(request).subscribe().with(
                identity -> request.vertx().executeBlocking(() -> limits.charge(client(identity, request), cost), false)
                        .onComplete(budget -> {
                            if (budget.failed()) {
                                // Availability first: the request's own database work reports an outage.
                                LOG.warnf(budget.cause(), "rate limit not charged");
                                charged.complete();
                            } else if (accepted(request, budget.result(), cost)) {
                                charged.complete();
                            } else {
                                charged.fail(refusal(budget.result(), cost));
                            }
                        }),
                charged::fail);
        return charged.future();
    }

    private static boolean accepted(RoutingContext request, RateLimits.Budget budget, long cost) {
        request.response().putHeader("x-ratelimit-limit", Long.toString(budget.limit()))
                .putHeader("x-ratelimit-remaining", Long.toString(budget.remaining()))
                .putHeader("x-ratelimit-reset", Long.toString(budget.resetAt().getEpochSecond()));
        if (budget.accepted()) {
            request.put(BUDGET, budget);
            request.put(ResponseExtensions.EXTENSIONS, Map.of("rateLimit", Map.of("limit", budget.limit(),
                    "remaining", budget.remaining(), "resetAt", budget.resetAt().toString())));
        }
        return budget.accepted();
    }

    private static Refused refusal(RateLimits.Budget budget, long cost) {
        long wait = Math.max(1, Duration.between(Instant.now(), budget.resetAt()).toSeconds() + 1);
        return new Refused(ApiException.limitExceeded("rateLimit", "this operation costs " + cost + " points and "
                + budget.remaining() + " of " + budget.limit() + " remain until " + budget.resetAt()
                + "; retry after " + wait + " s"), wait);
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
