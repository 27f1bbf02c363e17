package io.parley.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/** What a remembered token answers, and for how long, on a clock of the test's own. */
class VerifiedTokensTest {

    private static final String ISSUER = "https://parley.test/verified";
    private static KeyPair key;
    private static DefaultJWTParser parser;

    @BeforeAll
    static void keys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
        parser = new DefaultJWTParser(new JWTAuthContextInfo(key.getPublic(), ISSUER), new DefaultJWTCallerPrincipalFactory());
    }

    private static String token(long expiresInSeconds, String... roles) {
        return Jwt.issuer(ISSUER).subject("edith").groups(Set.of(roles)).expiresIn(expiresInSeconds).sign(key.getPrivate());
    }

    private static SecurityIdentity identity(VerifiedTokens tokens, String raw) {
        return tokens.authenticate(new TokenAuthenticationRequest(new TokenCredential(raw, "bearer")), null)
                .await().indefinitely();
    }

    private static JsonWebToken verified(String raw) throws ParseException {
        return parser.parse(raw);
    }

    @Test
    void aRememberedTokenAnswersItsPrincipalAndRoles() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens();
        String raw = token(600, "editor", "reader");
        assertNull(identity(tokens, raw), "not verified yet: MpJwtValidator's to answer");
        tokens.remember(raw, verified(raw));
        SecurityIdentity identity = identity(tokens, raw);
        assertNotNull(identity);
        assertEquals("edith", identity.getPrincipal().getName());
        assertEquals(Set.of("editor", "reader"), identity.getRoles());
        assertEquals(raw, identity.getCredential(TokenCredential.class).getToken());
    }

    @Test
    void anyOtherTextIsAMiss() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens();
        String raw = token(600, "editor");
        tokens.remember(raw, verified(raw));
        char last = raw.charAt(raw.length() - 1);
        assertNull(identity(tokens, raw.substring(0, raw.length() - 1) + (last == 'A' ? 'B' : 'A')));
        assertNull(identity(tokens, raw + "."));
    }

    @Test
    void aTokenIsForgottenAtItsExpiryOrAfterFiveMinutes() throws ParseException {
        long start = System.currentTimeMillis();
        AtomicLong now = new AtomicLong(start);
        VerifiedTokens tokens = new VerifiedTokens(now::get);

        String shortLived = token(120, "editor");
        tokens.remember(shortLived, verified(shortLived));
        String longLived = token(3600, "editor");
        tokens.remember(longLived, verified(longLived));

        now.set(start + TimeUnit.SECONDS.toMillis(100));
        assertNotNull(identity(tokens, shortLived));
        now.set(start + TimeUnit.SECONDS.toMillis(121));
        assertNull(identity(tokens, shortLived), "past its exp, whatever clock skew the verifier allows");
        assertNotNull(identity(tokens, longLived));
        now.set(start + TimeUnit.SECONDS.toMillis(VerifiedTokens.MAX_AGE_SECONDS + 1));
        assertNull(identity(tokens, longLived), "verified again after five minutes");

        tokens.remember(longLived, verified(longLived));
        assertNotNull(identity(tokens, longLived), "remembered again once verified again");
    }

    @Test
    void anExpiredTokenIsNeverRemembered() throws ParseException {
        String raw = token(120, "editor");
        JsonWebToken parsed = verified(raw);
        VerifiedTokens tokens = new VerifiedTokens(() -> System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(200));
        tokens.remember(raw, parsed);
        assertNull(identity(tokens, raw));
    }

    @Test
    void aFullMemoryDropsTheExpiredFirst() throws ParseException {
        AtomicLong now = new AtomicLong(System.currentTimeMillis());
        VerifiedTokens tokens = new VerifiedTokens(now::get);
        String shortLived = token(60, "editor");
        JsonWebToken shortParsed = verified(shortLived);
        String longLived = token(600, "editor");
        JsonWebToken longParsed = verified(longLived);
        for (int i = 0; i < VerifiedTokens.CAPACITY - 1; i++) {
            tokens.remember(shortLived + i, shortParsed);
        }
        tokens.remember(longLived, longParsed);
        now.addAndGet(TimeUnit.SECONDS.toMillis(61));
        String newest = token(600, "reader");
        tokens.remember(newest, verified(newest));
        assertNotNull(identity(tokens, longLived), "the unexpired one stays when the expired ones make room");
        assertNotNull(identity(tokens, newest));
        assertNull(identity(tokens, shortLived + 0));
    }
}
