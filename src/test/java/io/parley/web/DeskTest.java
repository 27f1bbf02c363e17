package io.parley.web;

import static io.parley.graphql.GraphQLClient.data;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The report desk in Debian's chromium against the real service, on a database without the
 * demo data (so that drafting proposes new records, not only matches): an editor pastes each
 * seed report, reviews the draft beside the report's text, fixes a field, links a person the
 * report names to the stored person they are (held under their name in Russian, which
 * drafting does not take for them), imports, and the API then holds the records, each citing
 * the new source; a bundle file with a broken reference is refused at its JSON path and
 * nothing is written; readers are told the desk is for editors. Every expectation is read
 * from the API first.
 */
@QuarkusTest
@TestProfile(DeskTest.Empty.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskTest {

    public static class Empty implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("parley.demo-data", "false");
        }
    }

    private static final String EDITOR = Tokens.withRoles(Roles.EDITOR);
    private static final String PESKOV = "Дмитрий Песков";
    private static final String DMITRIEV = "Кирилл Дмитриев";

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;
    private static Map<String, String> stored;

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(root.toString(), 1280, 900);
        }
        return browser;
    }

    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            browser.assertCleanConsole();
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    /** People Parley holds under their names in Russian only, stored before any report: name to ID. */
    private static Map<String, String> storedPeople() {
        if (stored == null) {
            JsonPath imported = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR)
                    .body("{\"people\": [{\"ref\": \"peskov\", \"name\": \"" + PESKOV + "\", \"summary\": \"Press secretary of the Russian President\"},"
                            + " {\"ref\": \"dmitriev\", \"name\": \"" + DMITRIEV + "\", \"summary\": \"Head of the Russian Direct Investment Fund\"}]}")
                    .post("/import").then().statusCode(200).extract().jsonPath();
            stored = Map.of(PESKOV, imported.getString("records.find { it.ref == 'peskov' }.id"),
                    DMITRIEV, imported.getString("records.find { it.ref == 'dmitriev' }.id"));
        }
        return stored;
    }

    private record Seed(int n, String published) {
        String url() {
            return "https://example.org/seed-" + n;
        }

        String text() throws IOException {
            try (InputStream in = DeskTest.class.getClassLoader().getResourceAsStream("seeds/report-" + n + ".txt")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        Map<String, Object> report() throws IOException {
            return Map.of("text", text(), "publisher", "Seed wire", "title", "Seed " + n, "url", url(), "publishedOn", published);
        }
    }

    /** What drafting proposes for the report now (POST /drafts writes nothing): the page must show the same. */
    private static JsonPath apiDraft(Seed seed) throws IOException {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR).body(seed.report())
                .post("/drafts").then().statusCode(200).extract().jsonPath();
    }

    /** Signed in with the token, and nothing of an earlier review kept in the tab. */
    private Browser signedIn(String token) {
        Browser b = browser().go("/sign-in");
        b.driver().executeScript("sessionStorage.removeItem('parley.desk')");
        b.await(By.id("f-token")).sendKeys(token);
        b.driver().findElement(By.xpath("//button[text()='Sign in']")).click();
        b.awaitPath("/");
        return b;
    }

    /** The review row of a record: its collection, and words of its summary. */
    private static WebElement row(Browser b, String collection, String words) {
        By rows = By.cssSelector("li.proposal[data-collection='" + collection + "']");
        return new WebDriverWait(b.driver(), Browser.WAIT).until(d -> d.findElements(rows).stream()
                .filter(r -> r.findElement(By.cssSelector(".what")).getText().contains(words)).findFirst().orElse(null));
    }

    private static void paste(Browser b, Seed seed) throws IOException {
        b.awaitHeading("Report desk");
        b.await(By.id("d-report-text")).sendKeys(seed.text());
        b.driver().findElement(By.id("d-report-publisher")).sendKeys("Seed wire");
        b.driver().findElement(By.id("d-report-title")).sendKeys("Seed " + seed.n());
        b.driver().findElement(By.id("d-report-url")).sendKeys(seed.url());
        // A date input takes the date as typed in the browser's locale (en-US: month, day, year).
        String[] ymd = seed.published().split("-");
        b.driver().findElement(By.id("d-report-publishedOn")).sendKeys(ymd[1] + ymd[2] + ymd[0]);
        assertEquals(seed.published(), b.driver().findElement(By.id("d-report-publishedOn")).getDomProperty("value"));
        assertEquals(seed.text().replace("\r\n", "\n"), b.driver().findElement(By.id("d-report-text")).getDomProperty("value"));
        b.driver().findElement(By.cssSelector("button.draft")).click();
        b.awaitHeading("Review the draft");
    }

    /** Edits one text field of a row's record in its generated editor and saves it. */
    private static void edit(Browser b, WebElement row, String path, String value) {
        row.findElement(By.cssSelector("button.edit")).click();
        WebElement input = b.await(By.cssSelector("li.proposal.selected [data-path='" + path + "'] input"));
        input.clear();
        input.sendKeys(value);
        b.driver().findElement(By.xpath("//li[contains(@class,'selected')]//button[text()='Save changes']")).click();
    }

    /** Links a row's person to the stored person found by typing {@code find} in the picker. */
    private static void link(Browser b, WebElement row, String find, String name) {
        row.findElement(By.cssSelector("button.link-to")).click();
        b.await(By.id("link-people")).sendKeys(find);
        b.await(By.xpath("//ul[@class='link-results']//button[normalize-space(.)='Link to " + name + "']")).click();
    }

    /** The new source's ID (found by its URL) and the IDs of every record that cites it. */
    private static Set<String> citing(String url) {
        List<Map<String, Object>> sources = data("{ sources(first: 100) { nodes { id url } } }").getList("sources.nodes");
        String id = (String) sources.stream().filter(s -> url.equals(s.get("url"))).findFirst().orElseThrow().get("id");
        return new HashSet<>(data("query($id: ID!) { source(id: $id) { citedBy { id } } }", "id", id).getList("source.citedBy.id"));
    }

    private static List<Map<String, Object>> proposals(JsonPath draft) {
        return draft.getList("proposals");
    }

    /** The distinct records a draft proposes, after linking one ref to a stored ID. */
    private static Set<String> records(JsonPath draft, String linkedRef, String storedId) {
        Set<String> refs = new LinkedHashSet<>();
        proposals(draft).forEach(p -> refs.add(p.get("ref").equals(linkedRef) ? storedId : (String) p.get("ref")));
        return refs;
    }

    private static Map<String, Object> person(String id) {
        return data("query($id: ID!) { person(id: $id) { name aliases envoyAppointments { title } citations { excerpt source { url } } } }",
                "id", id).getMap("person");
    }

    private static String proposalRef(JsonPath draft, String collection, String labelStart) {
        return (String) proposals(draft).stream().filter(p -> collection.equals(p.get("collection"))
                && ((String) p.get("label")).startsWith(labelStart)).findFirst().orElseThrow(() -> new AssertionError(labelStart)).get("ref");
    }

    @Test
    @Order(1)
    void theFirstReportBecomesRecordsWithTheLinkedPersonAndTheFixedTalk() throws IOException {
        Seed seed = new Seed(1, "2025-03-14");
        String peskovId = storedPeople().get(PESKOV);
        JsonPath draft = apiDraft(seed);
        String peskovRef = proposalRef(draft, "people", "Dmitry Peskov");
        assertTrue(peskovRef.startsWith("person-"), "drafting does not take Dmitry Peskov for " + PESKOV);
        Map<String, Object> moscow = proposals(draft).stream().filter(p -> "talks".equals(p.get("collection"))
                && ((String) p.get("label")).contains("Moscow")).findFirst().orElseThrow();

        Browser b = signedIn(EDITOR);
        b.awaitHeading("Diplomacy, sourced");
        b.await(By.linkText("Report desk"));
        assertFalse(scripts(b).stream().anyMatch(s -> s.contains("/desk-")), "the first view does not load the desk: " + scripts(b));
        b.driver().findElement(By.linkText("Report desk")).click();
        paste(b, seed);
        assertTrue(scripts(b).stream().anyMatch(s -> s.contains("/desk-")), "the desk is loaded when opened: " + scripts(b));

        // One row per proposal, after the report's source.
        assertEquals(proposals(draft).size() + 1, b.driver().findElements(By.cssSelector("li.proposal")).size());
        WebElement talk = row(b, "talks", "Moscow");
        assertTrue(talk.getText().contains(Math.round(((Number) moscow.get("confidence")).doubleValue() * 100) + "% sure"), talk.getText());
        // Chosen from the keyboard, the talk's passages are highlighted in the report, exactly.
        talk.findElement(By.cssSelector(".proposal-summary")).sendKeys(Keys.ENTER);
        b.await(By.cssSelector("#report-text mark"));
        List<String> passages = ((List<?>) moscow.get("passages")).stream().map(p -> (String) ((Map<?, ?>) p).get("text")).toList();
        assertEquals(passages, b.driver().findElements(By.cssSelector("#report-text mark")).stream().map(WebElement::getText).toList());
        b.screenshot("desk-review");

        String title = "Putin receives Witkoff in Moscow, 13 March 2025";
        edit(b, talk, ".title", title);
        WebElement fixed = row(b, "talks", title);
        assertTrue(fixed.getText().contains("edited"), fixed.getText());

        link(b, row(b, "people", "Dmitry Peskov"), "Песков", PESKOV);
        WebElement linked = row(b, "people", PESKOV);
        b.awaitText(By.cssSelector("li.proposal[data-ref='" + peskovId + "'] .adds"), "another spelling: Dmitry Peskov");
        assertTrue(linked.getText().contains("linked"), linked.getText());
        assertEquals("/people/" + peskovId, URI.create(linked.findElement(By.cssSelector(".tag a")).getAttribute("href")).getPath());

        // Checked first: nothing is written by a check.
        b.driver().findElement(By.cssSelector("button.check")).click();
        b.awaitText(By.cssSelector("main"), "Checked, nothing written");
        assertEquals(2, data("{ people { totalCount } }").getInt("people.totalCount"));

        b.driver().findElement(By.cssSelector("button.import")).click();
        b.awaitHeading("Imported");
        b.screenshot("desk-imported");
        assertEquals(1, b.driver().findElements(By.cssSelector("ul.imported li[data-action='UPDATED']")).size(), "the linked person");

        // The API holds every proposed record, each citing the new source; the linked person is
        // the stored one, with the report's spelling and citation; nobody named Dmitry Peskov was added.
        // (refs of new records are the draft's own; the stored person's is its ID)
        Set<String> cited = citing(seed.url());
        assertEquals(records(draft, peskovRef, peskovId).size(), cited.size(), cited::toString);
        assertTrue(cited.contains(peskovId));
        Map<String, Object> peskov = person(peskovId);
        assertEquals(PESKOV, peskov.get("name"));
        assertEquals(List.of("Dmitry Peskov"), peskov.get("aliases"));
        assertTrue(((List<?>) peskov.get("citations")).stream().anyMatch(c -> seed.url().equals(((Map<?, ?>) ((Map<?, ?>) c).get("source")).get("url"))));
        List<String> names = data("{ people(first: 100) { nodes { name } } }").getList("people.nodes.name");
        assertFalse(names.contains("Dmitry Peskov"), names::toString);
        long peskovSays = proposals(draft).stream().filter(p -> "statements".equals(p.get("collection"))
                && ((String) p.get("label")).startsWith("Dmitry Peskov")).count();
        assertEquals(peskovSays, data("query($id: ID!) { statements(filter: {speakerIds: [$id]}, first: 50) { totalCount } }", "id", peskovId)
                .getInt("statements.totalCount"));
        JsonPath talks = data("{ talks(first: 50) { nodes { id title participants { role person { name } } citations { excerpt source { url } } } } }");
        Map<String, Object> storedTalk = talks.<Map<String, Object>> getList("talks.nodes").stream().filter(t -> title.equals(t.get("title")))
                .findFirst().orElseThrow(() -> new AssertionError("the fixed title is stored: " + talks.prettify()));
        assertEquals(List.of("Vladimir Putin:HOST", "Steve Witkoff:VISITOR"), ((List<?>) storedTalk.get("participants")).stream()
                .map(p -> ((Map<?, ?>) ((Map<?, ?>) p).get("person")).get("name") + ":" + ((Map<?, ?>) p).get("role")).toList());
        assertEquals(Set.copyOf(passages), ((List<?>) storedTalk.get("citations")).stream().map(c -> ((Map<?, ?>) c).get("excerpt")).collect(java.util.stream.Collectors.toSet()));
        assertTrue(cited.contains(storedTalk.get("id")));

        // And the editor lands on the records: the talk's page, from the list.
        b.driver().findElement(By.linkText(title)).click();
        b.awaitHeading(title);
        assertEquals("/talks/" + storedTalk.get("id"), b.path());
    }

    @Test
    @Order(2)
    void theSecondReportAddsToWhatTheFirstStoredAndLinksItsEnvoy() throws IOException {
        Seed seed = new Seed(2, "2025-04-11");
        String dmitrievId = storedPeople().get(DMITRIEV);
        JsonPath draft = apiDraft(seed);
        String dmitrievRef = proposalRef(draft, "people", "Kirill Dmitriev");
        String envoyRef = proposalRef(draft, "envoyAppointments", "Kirill Dmitriev");
        assertTrue(dmitrievRef.startsWith("person-") && envoyRef.startsWith("envoy-"), draft::prettify);
        String witkoffId = (String) proposals(draft).stream().filter(p -> "people".equals(p.get("collection"))
                && ((String) p.get("label")).startsWith("Steve Witkoff")).findFirst().orElseThrow().get("matchedId");

        Browser b = signedIn(EDITOR).go("/desk");
        paste(b, seed);
        // A match says what this report adds and links to the stored record.
        WebElement witkoff = row(b, "people", "Steve Witkoff");
        assertTrue(witkoff.getText().contains("Adds: a citation of this report"), witkoff.getText());
        assertEquals("/people/" + witkoffId, URI.create(witkoff.findElement(By.cssSelector(".tag a")).getAttribute("href")).getPath());
        // Peskov is known by the spelling the first report added.
        assertTrue(row(b, "people", PESKOV).getText().contains("matches"));

        String title = "Special Envoy of the Russian President for Investment and Economic Cooperation";
        edit(b, row(b, "envoyAppointments", "Kirill Dmitriev"), ".title", title);
        link(b, row(b, "people", "Kirill Dmitriev"), "Дмитриев", DMITRIEV);
        b.awaitText(By.cssSelector("li.proposal[data-ref='" + envoyRef + "'] .what"), DMITRIEV + ", " + title);
        b.driver().findElement(By.cssSelector("button.import")).click();
        b.awaitHeading("Imported");

        Set<String> cited = citing(seed.url());
        assertEquals(records(draft, dmitrievRef, dmitrievId).size(), cited.size(), cited::toString);
        assertTrue(cited.containsAll(List.of(dmitrievId, witkoffId)), cited::toString);
        Map<String, Object> dmitriev = person(dmitrievId);
        assertEquals(List.of("Kirill Dmitriev"), dmitriev.get("aliases"));
        assertEquals(List.of(Map.of("title", title)), dmitriev.get("envoyAppointments"));
        List<?> witkoffSources = ((List<?>) person(witkoffId).get("citations")).stream()
                .map(c -> ((Map<?, ?>) ((Map<?, ?>) c).get("source")).get("url")).distinct().toList();
        assertEquals(List.of("https://example.org/seed-1", seed.url()), witkoffSources);
        List<String> names = data("{ people(first: 100) { nodes { name } } }").getList("people.nodes.name");
        assertFalse(names.contains("Kirill Dmitriev"), names::toString);
    }

    @Test
    @Order(3)
    void aBundleWithABrokenReferenceIsRefusedAtItsPathAndNothingIsWritten() throws IOException {
        String title = "A talk nobody attended";
        String broken = """
                {"sources": [{"ref": "wire", "publisher": "Broken wire", "passages": [{"ref": "wire/1", "text": "The envoys met."}]}],
                 "people": [{"ref": "envoy", "name": "An envoy of the file"}],
                 "talks": [{"ref": "talk", "title": "%s", "date": "2025-05-01",
                            "participants": [{"personId": "nobody", "role": "HOST"}], "citations": [{"sourceId": "wire", "passage": "wire/1"}]}]}
                """.formatted(title);
        Path file = Files.createTempFile("broken-bundle", ".json");
        Files.writeString(file, broken);
        String path = "$.talks[0].participants[0].personId";
        JsonPath refused = given().contentType(ContentType.JSON).header("Authorization", "Bearer " + EDITOR).body(broken)
                .post("/import?dryRun=true").then().statusCode(400).extract().jsonPath();
        assertEquals(List.of(path), refused.getList("errors[0].extensions.problems.path"));
        String message = refused.getString("errors[0].extensions.problems[0].message");

        Browser b = signedIn(EDITOR).go("/desk");
        b.awaitHeading("Report desk");
        b.await(By.id("bundle-file")).sendKeys(file.toString());
        WebElement problem = b.await(By.cssSelector(".problems li[data-path='" + path + "']"));
        assertTrue(problem.getText().contains(path + " (talk “" + title + "” › participants 1 › person): " + message), problem.getText());
        b.screenshot("desk-refused");
        problem.findElement(By.xpath(".//button[text()='Fix it']")).click();
        WebElement select = b.await(By.cssSelector("[data-path='.participants[0].personId'] select"));
        assertEquals("true", select.getAttribute("aria-invalid"));
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> select.equals(d.switchTo().activeElement()));
        assertFalse(sources().contains("Broken wire"), "nothing was written");

        // Fixed here (the participant is the file's envoy), checked and imported.
        new org.openqa.selenium.support.ui.Select(select).selectByVisibleText("An envoy of the file");
        b.driver().findElement(By.xpath("//li[contains(@class,'selected')]//button[text()='Save changes']")).click();
        b.driver().findElement(By.cssSelector("button.check")).click();
        b.awaitText(By.cssSelector("main"), "importing would create 3");
        assertFalse(sources().contains("Broken wire"), "a check writes nothing");
        b.driver().findElement(By.cssSelector("button.import")).click();
        b.awaitHeading("Imported");
        assertTrue(sources().contains("Broken wire"));
        assertEquals(List.of("An envoy of the file"), data("{ talks(first: 100) { nodes { title participants { person { name } } } } }")
                .<Map<String, Object>> getList("talks.nodes").stream().filter(t -> title.equals(t.get("title")))
                .flatMap(t -> ((List<?>) t.get("participants")).stream()).map(p -> ((Map<?, ?>) ((Map<?, ?>) p).get("person")).get("name")).toList());
    }

    @Test
    @Order(4)
    void readersAreToldTheDeskIsForEditors() {
        Browser b = signedIn(Tokens.withRoles(Roles.READER));
        assertEquals(0, b.driver().findElements(By.linkText("Report desk")).size(), "no link for readers");
        b.go("/desk");
        b.awaitHeading("Report desk");
        WebElement why = b.await(By.cssSelector("main .notice"));
        assertTrue(why.getText().contains("only editors may do"), why.getText());
        assertEquals("/sign-in", URI.create(why.findElement(By.linkText("Sign in")).getAttribute("href")).getPath());
        assertEquals(0, b.driver().findElements(By.id("d-report-text")).size());
    }

    private static List<String> sources() {
        return data("{ sources(first: 100) { nodes { publisher } } }").getList("sources.nodes.publisher");
    }

    /** The scripts the page has loaded so far. */
    private static List<String> scripts(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) b.driver().executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.js'))");
        return names;
    }
}
