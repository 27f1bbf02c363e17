package io.parley.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Without an identity provider configured, the sign-in page offers pasting a token only (and dev
 * mode's one click, which tests do not run), and the page may connect to this server alone.
 * ProviderTokensTest covers the settings with a provider.
 */
@QuarkusTest
class SignInSettingsTest {

    @Test
    void withoutAProviderThereIsNothingToSignInAtAndNoOtherOriginToTalkTo() {
        given().get(SignInSettings.PATH).then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-cache")
                .body("provider", nullValue())
                .body("devTokens", equalTo(false));
        given().get("/sign-in").then().statusCode(200)
                .header("Content-Security-Policy", containsString("; connect-src 'self' ws://localhost:8081 wss://localhost:8081;"));
    }
}
