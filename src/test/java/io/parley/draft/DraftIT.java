package io.parley.draft;

import static io.parley.graphql.GraphQLClient.postAs;
import static io.parley.graphql.GraphQLClient.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.parley.common.Roles;
import io.parley.demo.ExternalPostgres;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;

/**
 * Report drafting in the packaged application (JVM jar, or native with -Dnative): OpenNLP's
 * sentence model, the lexicons and the gazetteer are read from the image's resources, and the
 * draft is written with Jackson, all of which the native image must have registered.
 */
@QuarkusIntegrationTest
@WithTestResource(ExternalPostgres.class)
class DraftIT {

    private static final String DRAFT = "mutation($r: ReportInput!) { draftBundle(report: $r) { bundle tookMs } }";

    private static String seed() throws IOException {
        try (InputStream in = DraftIT.class.getClassLoader().getResourceAsStream("seeds/report-1.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aSeedReportIsDraftedThroughGraphQLAndPostDrafts() throws IOException {
        String editor = Tokens.withRoles(Roles.EDITOR);
        JsonPath answer = postAs(editor, DRAFT, "r",
                vars("text", seed(), "publisher", "TASS", "title", "report-1", "publishedOn", "2025-03-14"));
        assertNull(answer.get("errors"), answer::prettify);
        JsonPath bundle = JsonPath.from(answer.getString("data.draftBundle.bundle"));
        assertTrue(bundle.getList("people.name").stream().anyMatch(name -> String.valueOf(name).contains("Witkoff")),
                bundle::prettify);
        assertTrue(bundle.getList("talks").size() >= 1, bundle::prettify);

        given().header("Authorization", "Bearer " + editor).contentType("text/plain; charset=utf-8")
                .queryParam("publisher", "TASS").queryParam("publishedOn", "2025-03-14").body(seed())
                .when().post("/drafts").then().statusCode(200).body(containsString("Witkoff"));
    }
}
