package io.parley.access;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.json.JsonObject;

/**
 * Verifies a bearer token with the issuer it names. A token whose (as yet unverified) {@code iss}
 * is the configured identity provider's ({@link OidcProvider}) is verified by smallrye-jwt against
 * the keys of the provider's discovered JWKS, with its issuer, the configured audience and its
 * roles claim; every other token as before, against {@code mp.jwt.verify.*} (the dev and test key,
 * or whatever a deployment configured there). A token may claim any issuer, but it is then held to
 * that issuer's keys alone, so naming the provider earns a forger nothing.
 *
 * <p>This replaces the parser smallrye-jwt's {@code MpJwtValidator} uses, so everything downstream
 * stays as it is: roles from the token, the worded 401 of {@link TokenFailures}, tokens in a
 * subscription's {@code connection_init}. The provider's keys are fetched over HTTP, so
 * authentication runs off the event loop ({@code quarkus.smallrye-jwt.blocking-authentication});
 * a token verified once is answered from {@link VerifiedTokens} until it expires, on the event loop.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class IssuerTokens implements JWTParser {

    /** Asymmetric signatures only: a provider's JWKS holds public keys, never a shared secret. */
    private static final EnumSet<SignatureAlgorithm> PROVIDER_ALGORITHMS = EnumSet.of(SignatureAlgorithm.RS256,
            SignatureAlgorithm.RS384, SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384,
            SignatureAlgorithm.PS512, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512);
    private static final long DISCOVERY_WAIT_SECONDS = 10;

    private final DefaultJWTParser configured;
    private final OidcProvider provider;
    private final VerifiedTokens verified;
    private final int clockSkew;
    private volatile DefaultJWTParser providerParser;
    private volatile String providerKeys;

    public IssuerTokens(DefaultJWTParser configured, OidcProvider provider, VerifiedTokens verified,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkew) {
        this.configured = configured;
        this.provider = provider;
        this.verified = verified;
        this.clockSkew = clockSkew;
    }

    /** Verifies a token with its issuer's keys, and remembers it verified ({@link VerifiedTokens}). */
    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Optional<String> issuer = provider.issuer();
        JsonWebToken parsed = issuer.isPresent() && issuer.get().equals(unverifiedIssuer(token))
                ? providerParser().parse(token)
                : configured.parse(token);
        verified.remember(token, parsed);
        return parsed;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return configured.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return configured.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return configured.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return configured.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, java.security.PrivateKey key) throws ParseException {
        return configured.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return configured.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return configured.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return configured.parseOnly(token);
    }

    /** The {@code iss} a compact JWS claims, read without verifying anything; null when there is none. */
    static String unverifiedIssuer(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Object issuer = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .getValue("iss");
            return issuer instanceof String s ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A parser of the provider's own: smallrye-jwt keeps the first key resolver a principal factory
     * built, so sharing the default factory would verify with the wrong keys.
     */
    private DefaultJWTParser providerParser() throws ParseException {
        String keys = provider.keys().isPresent() ? provider.keys().get() : discoveredKeys();
        DefaultJWTParser parser = providerParser;
        if (parser == null || !keys.equals(providerKeys)) {
            synchronized (this) {
                if (providerParser == null || !keys.equals(providerKeys)) {
                    JWTAuthContextInfo context = new JWTAuthContextInfo(keys, provider.issuer().orElseThrow());
                    context.setSignatureAlgorithm(PROVIDER_ALGORITHMS);
                    context.setGroupsPath(provider.rolesClaim());
                    provider.audience().ifPresent(audience -> context.setExpectedAudience(new HashSet<>(audience)));
                    context.setClockSkew(clockSkew);
                    providerParser = new DefaultJWTParser(context, new DefaultJWTCallerPrincipalFactory());
                    providerKeys = keys;
                }
                parser = providerParser;
            }
        }
        return parser;
    }

    private String discoveredKeys() throws ParseException {
        try {
            return provider.discovery().get(DISCOVERY_WAIT_SECONDS, TimeUnit.SECONDS).jwksUri();
        } catch (ExecutionException | TimeoutException e) {
            throw new ParseException("The identity provider's discovery document is unavailable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParseException("Interrupted while discovering the identity provider", e);
        }
    }
}
