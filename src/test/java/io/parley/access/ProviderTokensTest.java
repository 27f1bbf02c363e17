package io.parley.access;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import io.parley.common.ApiException;
import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;

/**
 * The API with an identity provider configured, against a real Keycloak ({@link Keycloak}): its
 * tokens carry their roles in realm_access/roles, and only the ones it signed for Parley's audience,
 * unexpired, verify; the dev/test key's tokens verify alongside, as before.
 */
@QuarkusTest
@TestProfile(WithKeycloak.class)
@EnabledIf(value = WithKeycloak.CAN_RUN, disabledReason = WithKeycloak.NO_JDK)
class ProviderTokensTest {

    private static final String CREATE = "mutation($input: PersonInput!) { createPerson(input: $input) { id name } }";
    private static final String FIND = "query($n: String) { people(filter: {name: $n}) { totalCount } }";

    private static Keycloak keycloak() {
        return Keycloak.running();
    }

    private static String code(JsonPath response) {
        List<Map<String, Map<String, Object>>> errors = response.getList("errors");
        assertEquals(1, errors.size(), response::prettify);
        return (String) errors.get(0).get("extensions").get("code");
    }

    private static int count(String name) {
        return data(FIND, "n", name).getInt("people.totalCount");
    }

    private static String header(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
    }

    /** A token as the realm would sign it (its key is the test's), for the roles given, expiring at exp. */
    private static String realmSigned(long exp, PrivateKey key, String... roles) {
        String kid = new JsonObject(header(keycloak().accessToken(Keycloak.REALM, Keycloak.SCRIPTS_CLIENT, Keycloak.READER)))
                .getString("kid");
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(keycloak().issuer()).audience(Keycloak.AUDIENCE).subject("made-by-the-test")
                .claim("preferred_username", "made-by-the-test").claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Math.min(now, exp - 300)).expiresAt(exp).jws().keyId(kid).sign(key);
    }

    @Test
    void theProvidersEditorMayWriteAndItsReaderMayNot() {
        String editor = keycloak().accessToken(Keycloak.REALM, Keycloak.SCRIPTS_CLIENT, Keycloak.EDITOR);
        String reader = keycloak().accessToken(Keycloak.REALM, Keycloak.SCRIPTS_CLIENT, Keycloak.READER);

        String refused = Fixtures.unique("Written by a provider reader");
        assertEquals("FORBIDDEN", code(postAs(reader, CREATE, "input", vars("name", refused))));
        assertEquals(0, count(refused));

        String name = Fixtures.unique("Written by a provider editor");
        JsonPath written = postAs(editor, CREATE, "input", vars("name", name));
        assertNull(written.get("errors"), written::prettify);
        assertEquals(name, written.getString("data.createPerson.name"));
        assertEquals(1, count(name));
        // The token is checked the same way in a subscription's connection_init and on /export.
        given().auth().oauth2(reader).get("/export/talks.csv").then().statusCode(200);
    }

    @Test
    void theDevKeysTokensStillVerifyAlongside() {
        String name = Fixtures.unique("Written with the test key");
        JsonPath written = postAs(Tokens.withRoles(Roles.EDITOR), CREATE, "input", vars("name", name));
        assertNull(written.get("errors"), written::prettify);
        assertEquals("FORBIDDEN", code(postAs(Tokens.withRoles(Roles.READER), CREATE, "input",
                vars("name", Fixtures.unique("Refused with the test key")))));
    }

    @Test
    void aTokenTheRealmsKeySignedVerifiesUntilItExpires() {
        long now = System.currentTimeMillis() / 1000;
        PrivateKey realmKey = keycloak().realmKey();
        String name = Fixtures.unique("Written with the realm's key");
        JsonPath written = postAs(realmSigned(now + 600, realmKey, Roles.EDITOR), CREATE, "input", vars("name", name));
        assertNull(written.get("errors"), written::prettify);
        // An hour past its expiry, well beyond the clock skew allowed.
        assertRefused(realmSigned(now - 3600, realmKey, Roles.EDITOR));
    }

    @Test
    void tokensTheProviderDidNotIssueForParleyGetTheWorded401() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        long now = System.currentTimeMillis() / 1000;
        // The realm's issuer, audience, key ID and roles, signed with a key Keycloak never had.
        assertRefused(realmSigned(now + 600, generator.generateKeyPair().getPrivate(), Roles.EDITOR));
        // A real token of another realm: valid there, but another issuer.
        assertRefused(keycloak().accessToken(Keycloak.ELSEWHERE, Keycloak.SCRIPTS_CLIENT, Keycloak.EDITOR));
        // A real token of this realm, issued to another application: not for Parley's audience.
        assertRefused(keycloak().accessToken(Keycloak.REALM, Keycloak.OTHER_CLIENT, Keycloak.EDITOR));
        // A real reader's token whose roles were rewritten to editor: the signature no longer matches.
        String[] reader = keycloak().accessToken(Keycloak.REALM, Keycloak.SCRIPTS_CLIENT, Keycloak.READER).split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(reader[1]), StandardCharsets.UTF_8));
        claims.put("realm_access", new JsonObject().put("roles", List.of(Roles.EDITOR)));
        assertRefused(reader[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + reader[2]);
    }

    private static void assertRefused(String token) {
        String name = Fixtures.unique("Refused write");
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", CREATE, "variables", Map.of("input", Map.of("name", name))))
                .when().post("/graphql").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", equalTo(ApiException.invalidToken().getMessage()));
        assertEquals(0, count(name));
    }

    @Test
    void theWebAppIsToldWhereToSignInAndMayTalkToTheProvider() {
        given().get("/auth/config").then().statusCode(200).contentType(ContentType.JSON)
                .body("provider.issuer", equalTo(keycloak().issuer()))
                .body("provider.clientId", equalTo(Keycloak.WEB_CLIENT))
                .body("provider.scopes", equalTo("openid profile email"))
                .body("provider.rolesClaim", equalTo(WithKeycloak.ROLES_CLAIM))
                .body("provider.bearerToken", equalTo("access"))
                .body("provider.name", equalTo("Keycloak"))
                .body("devTokens", equalTo(false));
        String origin = keycloak().issuer().replaceAll("^(https?://[^/]+).*$", "$1");
        given().get("/sign-in").then().statusCode(200)
                .header("Content-Security-Policy", containsString("connect-src 'self' ws://"))
                .header("Content-Security-Policy", containsString(" " + origin + ";"));
    }
}
