package io.parley.access;

import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import static io.restassured.RestAssured.given;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * That the service asks {@link VerifiedTokens} before verifying a bearer token: a text it was told
 * is verified is answered from it, where smallrye-jwt would refuse that text (it is no JWT). Its
 * priority once put it after smallrye-jwt's validator, which then verified every request.
 */
@QuarkusTest
class VerifiedTokensWiringTest {

    private static final String CREATE = "mutation($input: PersonInput!) { createPerson(input: $input) { id } }";

    @Inject
    VerifiedTokens verified;

    @Inject
    JWTParser parser;

    @Test
    void aRememberedTokenIsAnsweredWithoutVerifyingItAgain() throws ParseException {
        String remembered = "remembered-" + Fixtures.unique("token").replace(' ', '-');
        Map<String, Object> input = vars("name", Fixtures.unique("Remembered writer"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + remembered)
                .body(Map.of("query", CREATE, "variables", Map.of("input", input)))
                .when().post("/graphql").then().statusCode(401);

        verified.remember(remembered, parser.parse(Tokens.withRoles(Roles.EDITOR)));
        assertNotNull(postAs(remembered, CREATE, "input", input).getString("data.createPerson.id"));
    }
}
