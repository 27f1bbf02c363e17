package io.parley.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

/** How Parley serves the web app: deep links, the security policy, compressed bundles, no source maps. */
@QuarkusTest
class WebAppServingTest {

    /** The issue's budget for the first view's JavaScript, gzipped as served. */
    private static final long FIRST_VIEW_JS_BUDGET = 300 * 1024;

    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    @Test
    void everyRecordUrlAnswersWithTheAppAndItsPolicy() {
        String index = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' ws://"))
                .header("Content-Security-Policy", not(containsString("unsafe")))
                .extract().asString();
        for (String path : List.of("/people/UGVyc29uOjE", "/talks/VGFsazoy", "/tracks/x", "/sources/U291cmNlOjM",
                "/outcomes/T3V0Y29tZTox", "/statements/U3RhdGVtZW50OjE", "/trips/VHJpcDox", "/envoys/RW52b3k6MQ",
                "/search?q=Witkoff", "/sign-in", "/desk", "/record", "/record/talk", "/record/source", "/record/person",
                "/record/envoy?person=UGVyc29uOjE", "/record/track", "/record/trip", "/record/outcome?talk=VGFsazoy",
                "/record/statement", "/record/talk?delete=VGFsazoy")) {
            assertEquals(index, given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString(), path);
        }
        // Nothing of the API's is shadowed, and other paths stay unknown.
        given().contentType("application/json").body("{\"query\":\"{ __typename }\"}").post("/graphql").then()
                .statusCode(200).body("data.__typename", org.hamcrest.Matchers.equalTo("Query"));
        given().get("/graphql/schema.graphql").then().statusCode(200).body(containsString("type Query"));
        given().get("/people").then().statusCode(404);
        given().get("/record/nothing").then().statusCode(404);
        given().get("/outcomes").then().statusCode(404);
        given().get("/nowhere/at/all").then().statusCode(404);
    }

    @Test
    void graphiqlKeepsItsOwnRules() {
        Response graphiql = given().get("/q/graphql-ui/");
        assertEquals(200, graphiql.statusCode());
        assertEquals(null, graphiql.header("Content-Security-Policy"), "GraphiQL runs inline scripts");
    }

    /** A chunk a script imports: relative (./chunk-X.js) or under the bundle's public path (/static/bundle/chunk-X.js). */
    private static String chunk(String script, String imported) {
        return imported.startsWith("/") ? imported : script.substring(0, script.lastIndexOf('/') + 1) + imported.substring(2);
    }

    /**
     * The first view's scripts, gzipped as served, within budget; no source maps are shipped. The
     * editing views are a chunk the first view imports only dynamically, so readers never fetch
     * it: its size is reported apart, and none of it is in the first view.
     */
    @Test
    void theBundleIsServedCompressedWithinBudgetAndWithoutSourceMaps() throws IOException {
        String index = given().get("/").asString();
        Matcher scripts = Pattern.compile("<script[^>]*src=\"([^\"]+)\"").matcher(index);
        List<String> urls = new ArrayList<>();
        while (scripts.find()) {
            urls.add(scripts.group(1));
        }
        assertFalse(urls.isEmpty(), index);
        assertFalse(index.contains("<script>") || Pattern.compile("<script(?![^>]*src=)").matcher(index).find(),
                "no inline script: " + index);
        long gzipped = 0;
        long plain = 0;
        StringBuilder report = new StringBuilder();
        List<String> lazy = new ArrayList<>();
        Pattern staticImport = Pattern.compile("(?:from|import)\\s*\"((?:\\./|/static/bundle/)[^\"]+\\.js)\"");
        Pattern dynamicImport = Pattern.compile("import\\(\"((?:\\./|/static/bundle/)[^\"]+\\.js)\"\\)");
        for (int i = 0; i < urls.size(); i++) {
            String url = urls.get(i);
            Response compressed = given().config(RAW).header("Accept-Encoding", "gzip").get(url);
            assertEquals(200, compressed.statusCode(), url);
            assertEquals("gzip", compressed.header("Content-Encoding"), url + " is served compressed");
            byte[] body = compressed.asByteArray();
            gzipped += body.length;
            String source = given().get(url).asString();
            plain += source.length();
            assertFalse(source.contains("sourceMappingURL"), url + " points at no source map");
            given().get(url + ".map").then().statusCode(404);
            assertFalse(source.contains("EditingChoices"), url + ": the editing views are not part of the first view");
            // Chunks the entry imports statically are part of the first view too; those it
            // imports dynamically are not.
            Matcher imports = staticImport.matcher(source);
            while (imports.find()) {
                String chunk = chunk(url, imports.group(1));
                if (!urls.contains(chunk)) {
                    urls.add(chunk);
                }
            }
            Matcher dynamic = dynamicImport.matcher(source);
            while (dynamic.find()) {
                String chunk = chunk(url, dynamic.group(1));
                if (!lazy.contains(chunk)) {
                    lazy.add(chunk);
                }
            }
            report.append(url).append(": ").append(body.length).append(" bytes gzipped\n");
        }
        report.append("first-view JavaScript: ").append(gzipped).append(" bytes gzipped (").append(plain)
                .append(" bytes uncompressed), budget ").append(FIRST_VIEW_JS_BUDGET).append('\n');
        lazy.removeAll(urls);
        assertFalse(lazy.isEmpty(), "the editing views are a chunk of their own");
        assertTrue(lazy.stream().anyMatch(u -> u.contains("/desk-")), "the report desk is loaded on demand: " + lazy);
        assertTrue(urls.stream().noneMatch(u -> u.contains("/desk-")), "the first view does not load the report desk: " + urls);
        boolean editing = false;
        for (String url : lazy) {
            Response compressed = given().config(RAW).header("Accept-Encoding", "gzip").get(url);
            assertEquals(200, compressed.statusCode(), url);
            String source = given().get(url).asString();
            editing |= source.contains("EditingChoices");
            report.append("loaded when an editor opens a form: ").append(url).append(": ").append(compressed.asByteArray().length)
                    .append(" bytes gzipped (").append(source.length()).append(" bytes uncompressed)\n");
        }
        assertTrue(editing, "the editing views are in a lazily loaded chunk: " + lazy);
        System.out.print("[web-app budget] " + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "web-app-budget.txt"), report.toString());
        assertTrue(gzipped <= FIRST_VIEW_JS_BUDGET, report.toString());
    }
}
