package io.parley.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * How a token is routed to the keys of the issuer it names, without a server: the provider's keys
 * from a JWKS file (parley.oidc.jwks), the configured key for everything else.
 */
class IssuerTokensTest {

    private static final String PROVIDER = "https://sso.example.org/realms/parley";
    private static final String CONFIGURED = "https://parley.dev/dev";
    private static final String AUDIENCE = "parley-api";

    private static KeyPair providerKey;
    private static KeyPair configuredKey;
    private static IssuerTokens tokens;

    @BeforeAll
    static void keys(@TempDir Path directory) throws IOException, NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        providerKey = generator.generateKeyPair();
        configuredKey = generator.generateKeyPair();
        RSAPublicKey key = (RSAPublicKey) providerKey.getPublic();
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        JsonObject jwk = new JsonObject().put("kty", "RSA").put("kid", "provider-1").put("use", "sig").put("alg", "RS256")
                .put("n", url.encodeToString(unsigned(key.getModulus().toByteArray())))
                .put("e", url.encodeToString(key.getPublicExponent().toByteArray()));
        Path jwks = Files.writeString(directory.resolve("jwks.json"), new JsonObject().put("keys", new JsonArray().add(jwk)).encode());

        OidcProvider provider = new OidcProvider(Optional.of(PROVIDER), Optional.of("parley-web"), "openid",
                "realm_access/roles", Optional.of(List.of(AUDIENCE)), "access", Optional.empty(),
                Optional.of(jwks.toUri().toString()));
        // Parsers of their own principal factories, as IssuerTokens makes for the provider.
        DefaultJWTParser configured = new DefaultJWTParser(new JWTAuthContextInfo(configuredKey.getPublic(), CONFIGURED),
                new DefaultJWTCallerPrincipalFactory());
        tokens = new IssuerTokens(configured, provider, new VerifiedTokens(), 60);
    }

    private static byte[] unsigned(byte[] bytes) {
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String providerToken(KeyPair key, String audience, String... roles) {
        return Jwt.issuer(PROVIDER).audience(audience).subject("u-1").claim("preferred_username", "edith")
                .claim("realm_access", Map.of("roles", List.of(roles))).expiresIn(600).jws().keyId("provider-1")
                .sign(key.getPrivate());
    }

    private static String configuredToken(KeyPair key, String... roles) {
        return Jwt.issuer(CONFIGURED).subject("test-editor").groups(Set.of(roles)).expiresIn(600).sign(key.getPrivate());
    }

    @Test
    void theProvidersTokenIsVerifiedWithItsKeysAndItsRolesClaim() throws ParseException {
        var token = tokens.parse(providerToken(providerKey, AUDIENCE, "editor", "reader"));
        assertEquals(Set.of("editor", "reader"), token.getGroups());
        assertEquals("edith", token.getName());
    }

    @Test
    void otherTokensAreVerifiedAsConfigured() throws ParseException {
        assertEquals(Set.of("admin"), tokens.parse(configuredToken(configuredKey, "admin")).getGroups());
    }

    @Test
    void eachIssuerIsHeldToItsOwnKeysAndTheProviderToItsAudience() {
        // Naming the provider does not make the configured key count, nor the other way round.
        assertThrows(ParseException.class, () -> tokens.parse(providerToken(configuredKey, AUDIENCE, "editor")));
        assertThrows(ParseException.class, () -> tokens.parse(configuredToken(providerKey, "editor")));
        assertThrows(ParseException.class, () -> tokens.parse(providerToken(providerKey, "another-api", "editor")));
    }

    @Test
    void theIssuerIsReadOnlyFromACompactTokensPayload() {
        assertEquals(PROVIDER, IssuerTokens.unverifiedIssuer(providerToken(providerKey, AUDIENCE, "editor")));
        for (String token : new String[] { "not.a.jwt", "a.b", "", "x.eyJpc3MiOjF9.y", "x." + Base64.getUrlEncoder()
                .encodeToString("[\"iss\"]".getBytes()) + ".y" }) {
            assertNull(IssuerTokens.unverifiedIssuer(token), token);
        }
    }
}
