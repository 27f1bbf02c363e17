package io.parley.access;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The bearer tokens this server has verified, so that a client sending the same token again is
 * not verified again. A client (an editor's desk, a newsroom's importer, the benchmark) sends one
 * token with every request until it expires; verifying it each time cost about 30% of everything a
 * write allocated and a hop to a worker thread ({@code quarkus.smallrye-jwt.blocking-authentication}),
 * and kept the JIT recompiling the RSA arithmetic under load (docs/benchmarks.md, Writes).
 *
 * <p>Only a token that {@link IssuerTokens} verified is remembered, keyed by its exact text: a
 * token differing in any character is a miss and is verified in full by smallrye-jwt's
 * {@code MpJwtValidator}, which this provider precedes ({@link #priority()}). A remembered token is
 * answered until its {@code exp} (never into the clock skew the verifier allows past it) and for at
 * most {@link #MAX_AGE_SECONDS}, so that a key an identity provider withdraws from its JWKS stops
 * admitting that key's tokens within five minutes. Tokens without {@code exp} are never
 * remembered. The identity is built as {@code MpJwtValidator} builds it: the token as principal
 * and credential, its groups as roles.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** How long a verified token is trusted without verifying it again, at most. */
    static final long MAX_AGE_SECONDS = 300;
    /**
     * Tokens remembered at most: a few KiB each (the parsed claims), so about 3 MiB of a 128 MiB
     * heap. When full, the expired ones go, and if that frees nothing, all of them: each is then
     * verified once more, as before this cache.
     */
    static final int CAPACITY = 1024;

    private record Verified(JsonWebToken token, long untilMillis) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    @Inject
    public VerifiedTokens() {
        this(System::currentTimeMillis);
    }

    VerifiedTokens(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Before {@code MpJwtValidator}, which has the default priority (1001; providers of higher
     * priority are asked first): a miss answers no identity, and it verifies.
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        JsonWebToken token = recall(request.getToken().getToken());
        if (token == null) {
            return Uni.createFrom().nullItem();
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder().setPrincipal(token)
                .addCredential(request.getToken()).addRoles(token.getGroups()).addAttribute("quarkus.user", token);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            identity.addAttribute(RoutingContext.class.getName(), routing);
        }
        return Uni.createFrom().item(identity.build());
    }

    /** Remembers a token {@link IssuerTokens} has just verified. */
    void remember(String raw, JsonWebToken token) {
        long now = clock.getAsLong();
        long expires = TimeUnit.SECONDS.toMillis(token.getExpirationTime());
        if (expires <= now) {
            return;
        }
        if (verified.size() >= CAPACITY) {
            verified.values().removeIf(entry -> entry.untilMillis <= now);
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
        }
        verified.put(raw, new Verified(token, Math.min(expires, now + TimeUnit.SECONDS.toMillis(MAX_AGE_SECONDS))));
    }

    /** The verified token of this text, while it may still be trusted; null otherwise. */
    JsonWebToken recall(String raw) {
        Verified entry = verified.get(raw);
        if (entry == null) {
            return null;
        }
        if (entry.untilMillis <= clock.getAsLong()) {
            verified.remove(raw, entry);
            return null;
        }
        return entry.token;
    }
}
