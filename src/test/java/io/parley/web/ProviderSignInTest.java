package io.parley.web;

import static io.parley.graphql.GraphQLClient.postAs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parley.access.Keycloak;
import io.parley.access.WithKeycloak;
import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Signing in through the organisation's identity provider, in Chromium, against a real Keycloak
 * ({@link Keycloak}): its own login page, the authorization code flow with PKCE back to the app,
 * an editor's write, the token renewed with the refresh token, and signing out of both.
 */
@QuarkusTest
@TestProfile(WithKeycloak.class)
@EnabledIf(value = WithKeycloak.CAN_RUN, disabledReason = WithKeycloak.NO_JDK)
class ProviderSignInTest {

    @TestHTTPResource("/")
    URL root;

    private static String token(Browser b) {
        return (String) b.driver().executeScript("return sessionStorage.getItem('parley.token')");
    }

    private static void signInAtKeycloak(Browser b, String user) {
        b.await(By.id("username")).sendKeys(user);
        b.driver().findElement(By.id("password")).sendKeys(user + Keycloak.PASSWORD_SUFFIX);
        b.driver().findElement(By.id("kc-login")).click();
    }

    @Test
    void anEditorSignsInAtTheProviderRecordsASourceAndSignsOut() {
        Keycloak keycloak = Keycloak.running();
        try (Browser b = Browser.open(root.toString(), 1280, 900)) {
            b.go("/sign-in");
            b.await(By.id("provider-sign-in")).click();

            // Keycloak's own login page, asked for a code with an S256 PKCE challenge.
            b.await(By.id("username"));
            String authorization = b.driver().getCurrentUrl();
            assertTrue(authorization.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth?"), authorization);
            for (String parameter : List.of("response_type=code", "client_id=" + Keycloak.WEB_CLIENT,
                    "code_challenge_method=S256", "code_challenge=", "state=", "nonce=")) {
                assertTrue(authorization.contains(parameter), parameter + " in " + authorization);
            }
            b.screenshot("provider-sign-in-keycloak");
            signInAtKeycloak(b, Keycloak.EDITOR);

            // Back on the sign-in page, signed in, the code gone from the address bar.
            b.awaitText(By.cssSelector("main p.notice[role=status]"), "Signed in as " + Keycloak.EDITOR);
            assertEquals("/sign-in", b.path());
            assertEquals(Roles.EDITOR, b.driver().findElement(By.cssSelector("main .roles")).getText());
            b.screenshot("provider-signed-in");
            String first = token(b);
            assertNotNull(first, "the access token is kept in sessionStorage");
            assertEquals(0L, b.driver().executeScript("return localStorage.length"), "nothing in localStorage");
            assertNull(b.driver().executeScript("return sessionStorage.getItem('parley.oidc.flow')"),
                    "the flow's verifier, state and nonce are gone once used");

            // An editor's action with the provider's token.
            b.driver().findElement(By.linkText("Add a source")).click();
            String publisher = Fixtures.unique("Signed-in publisher");
            b.await(By.id("f-input-publisher")).sendKeys(publisher); // the one record form (RecordFormsTest)
            b.driver().findElement(By.xpath("//button[text()='Add source']")).click();
            b.awaitPath("/sources/");
            b.awaitHeading(publisher);
            String id = java.net.URLDecoder.decode(b.path().substring("/sources/".length()), java.nio.charset.StandardCharsets.UTF_8);
            JsonPath history = postAs(Tokens.withRoles(Roles.ADMIN), "query($id: ID!) { history(id: $id) { action actor } }", "id", id);
            assertEquals(Keycloak.EDITOR, history.getString("data.history[0].actor"), history::prettify);

            // The web client's tokens live 20 s: the app renews it with the refresh token before then.
            new WebDriverWait(b.driver(), Duration.ofSeconds(Keycloak.WEB_TOKEN_SECONDS + 10))
                    .until(d -> !first.equals(token(b)) && token(b) != null);
            JsonPath renewed = postAs(token(b), "mutation($input: SourceInput!) { addSource(input: $input) { id } }",
                    "input", java.util.Map.of("publisher", Fixtures.unique("After renewal")));
            assertNull(renewed.get("errors"), renewed::prettify);

            // Signing out ends Keycloak's session too and comes back to the start page.
            b.driver().findElement(By.cssSelector("header nav button.link")).click();
            b.await(By.xpath("//header//a[text()='Sign in']"));
            new WebDriverWait(b.driver(), Browser.WAIT).until(d -> b.path().equals("/"));
            assertNull(token(b));
            assertNull(b.driver().executeScript("return sessionStorage.getItem('parley.session')"));
            b.go("/sign-in");
            b.await(By.id("provider-sign-in")).click();
            // Keycloak asks for the password again: its session ended (else it would come straight back).
            b.await(By.id("username"));

            List<String> errors = b.severeConsoleMessages().stream()
                    .filter(m -> !m.startsWith(keycloak.issuer().replaceAll("/realms/.*", ""))).toList();
            assertEquals(List.of(), errors, "console errors or CSP violations on Parley's pages");
        }
    }

    @Test
    void aReaderSignsInAndSeesNoEditing() {
        try (Browser b = Browser.open(root.toString(), 1280, 900)) {
            b.go("/sign-in");
            b.await(By.id("provider-sign-in")).click();
            signInAtKeycloak(b, Keycloak.READER);
            b.awaitText(By.cssSelector("main p.notice[role=status]"), "Signed in as " + Keycloak.READER);
            assertEquals(Roles.READER, b.driver().findElement(By.cssSelector("main .roles")).getText());
            assertTrue(b.driver().findElements(By.linkText("Add a source")).isEmpty(), "readers are not offered editing");
            b.go("/record/source");
            b.awaitHeading("Editors only");
        }
    }
}
