package io.parley.web;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parley.graphql.Fixtures;
import io.parley.common.Roles;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The journeys on the demo data, in Debian's chromium against the real service:
 * every expectation is read from the API first, so the page is held to what Parley says.
 */
@QuarkusTest
class WebAppTest {

    private static final String RECORD_TALK = "mutation($input: TalkInput!) { recordTalk(input: $input) { id } }";

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

    private Browser browser() {
        if (browser == null) {
            browser = Browser.open(root.toString(), 1280, 900);
        }
        return browser;
    }

    /**
     * Every journey ends with a clean console: no script error, no CSP violation, no refused
     * request.
     */
    @AfterEach
    void noConsoleErrors() {
        if (browser != null) {
            browser.assertCleanConsole();
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private static String witkoffId() {
        return data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id");
    }

    @Test
    void searchForgivesTheTypoAndOpensSteveWitkoff() {
        JsonPath api = data("{ search(query: \"Witkof\", first: 30) { snippet } }");
        long marks = api.getList("search.snippet", String.class).stream()
                .mapToLong(s -> s == null ? 0 : s.split("<mark>", -1).length - 1).sum();
        Browser b = browser().go("/");
        b.await(By.id("recent-talks"));
        b.await(By.id("q")).sendKeys("Witkof", Keys.ENTER);
        b.awaitPath("/search?q=Witkof");
        b.awaitText(By.cssSelector("ol.results"), "Steve Witkoff");
        assertEquals(api.getList("search").size(), b.driver().findElements(By.cssSelector("ol.results > li")).size());
        // Only <mark> is taken from a snippet: as many as the API sent, and no other element.
        assertEquals(marks, b.driver().findElements(By.cssSelector("ol.results .snippet mark")).size());
        assertEquals(marks, b.driver().findElements(By.cssSelector("ol.results .snippet *")).size());
        b.screenshot("search-witkof");
        // The reads went as persisted-query GETs (cacheable by the browser and a CDN), and the
        // client never fell back to POSTs for the rest of the tab.
        Number persistedGets = (Number) b.driver().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/graphql?extensions=')).length");
        assertTrue(persistedGets.longValue() > 0, "reads go as persisted-query GETs");
        assertEquals(null, b.driver().executeScript("return sessionStorage.getItem('parley.noPersistedGets')"));
        b.driver().findElement(By.linkText("Steve Witkoff")).click();
        b.awaitHeading("Steve Witkoff");
        assertEquals("/people/" + witkoffId(), b.path());
        // Back and forward move between the two views without reloading.
        b.driver().navigate().back();
        b.awaitText(By.cssSelector("main h1"), "Search");
        b.await(By.linkText("Steve Witkoff"));
        b.driver().navigate().forward();
        b.awaitHeading("Steve Witkoff");
    }

    /**
     * What the API forgives, the search box finds: a transliteration (an alias), a name in
     * Cyrillic, a transposed surname, a surname still being typed. Each lists the person the API
     * ranks first, first, saying which alias it was found by when the name itself does not hold
     * the words, and opens their page; each search starts from the header of the page before.
     */
    @Test
    void searchFindsOtherSpellingsScriptsAndTyposWithThePersonFirst() {
        String[][] cases = { { "Vitkoff", "Steve Witkoff", "ru-Latn" }, { "Путин", "Vladimir Putin", "ru" },
                { "fogle", "Marc Fogel", null }, { "Witk", "Steve Witkoff", null } };
        Browser b = browser().go("/");
        b.await(By.id("recent-talks"));
        for (String[] c : cases) {
            String query = c[0];
            String name = c[1];
            JsonPath top = data("query($q: String!) { search(query: $q, first: 1) { result { __typename ... on Person { id name"
                    + " aliasesWithLanguage { name language } } } } }", "q", query);
            assertEquals("Person", top.getString("search[0].result.__typename"), query);
            assertEquals(name, top.getString("search[0].result.name"), query);
            WebElement box = b.await(By.id("q"));
            box.clear();
            box.sendKeys(query, Keys.ENTER);
            b.awaitPath("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            b.awaitText(By.cssSelector("ol.results > li:first-child > a"), name);
            WebElement first = b.driver().findElement(By.cssSelector("ol.results > li:first-child"));
            WebElement link = first.findElement(By.cssSelector(":scope > a"));
            assertEquals(name, link.getText(), query);
            assertEquals("/people/" + top.getString("search[0].result.id"), URI.create(link.getAttribute("href")).getPath());
            List<WebElement> foundBy = first.findElements(By.cssSelector(".found-by .alias"));
            if (c[2] == null) {
                assertEquals(List.of(), foundBy.stream().map(WebElement::getText).toList(), query + ": the name itself matched");
            } else {
                // The aliases the query's word is in, each with its language.
                String word = query.toLowerCase(java.util.Locale.ROOT);
                List<String> expected = top.<Map<String, Object>>getList("search[0].result.aliasesWithLanguage").stream()
                        .filter(a -> ((String) a.get("name")).toLowerCase(java.util.Locale.ROOT).contains(word))
                        .map(a -> a.get("name") + " [" + a.get("language") + "]").toList();
                assertFalse(expected.isEmpty(), query);
                assertTrue(expected.stream().anyMatch(a -> a.endsWith("[" + c[2] + "]")), expected::toString);
                assertEquals(expected, foundBy.stream().map(e -> e.getText() + " [" + e.getAttribute("lang") + "]").toList(), query);
            }
            if (query.equals("Путин")) {
                b.screenshot("search-cyrillic");
            }
            link.click();
            b.awaitHeading(name);
            assertEquals("/people/" + top.getString("search[0].result.id"), b.path());
        }
    }

    /** A search that finds nothing offers the API's suggestions as links that run that search. */
    @Test
    void aSearchThatFindsNothingAsksWhetherAnotherWasMeant() {
        JsonPath api = data("query($q: String!) { search(query: $q, first: 5) { score } searchSuggestions(query: $q, first: 3) }",
                "q", "Witkxyz");
        assertEquals(List.of(), api.getList("search"), "the API finds nothing for Witkxyz");
        List<String> suggestions = api.getList("searchSuggestions", String.class);
        assertEquals("witkoff", suggestions.get(0));

        Browser b = browser().go("/search?q=Witkxyz");
        WebElement offer = b.await(By.cssSelector(".did-you-mean"));
        assertTrue(offer.getText().startsWith("Did you mean: witkoff"), offer.getText());
        List<WebElement> links = offer.findElements(By.tagName("a"));
        assertEquals(suggestions, links.stream().map(WebElement::getText).toList());
        URI href = URI.create(links.get(0).getAttribute("href"));
        assertEquals("/search?q=witkoff", href.getRawPath() + "?" + href.getRawQuery());
        b.screenshot("search-did-you-mean");
        links.get(0).click();
        b.awaitPath("/search?q=witkoff");
        b.awaitText(By.cssSelector("ol.results > li:first-child > a"), "Steve Witkoff");
        assertEquals("witkoff", b.driver().findElement(By.id("q")).getDomProperty("value"), "the search box shows the search run");
        assertEquals(0, b.driver().findElements(By.cssSelector(".did-you-mean")).size(), "nothing to suggest when something is found");
        b.driver().navigate().back();
        b.awaitPath("/search?q=Witkxyz");
        b.await(By.cssSelector(".did-you-mean a"));
    }

    /**
     * Putin's other names, grouped by language under his name: each marked with its language
     * (lang) and dir=auto, so the Arabic and Hebrew ones run right to left and the others do not.
     * A person without other names shows none.
     */
    @Test
    void aPersonPageShowsTheOtherNamesWithTheirLanguages() {
        Map<String, Object> putin = data("{ people(filter: {name: \"Vladimir Putin\"}) { nodes { id name aliasesWithLanguage { name language } } } }")
                .getMap("people.nodes[0]");
        assertEquals("Vladimir Putin", putin.get("name"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> aliases = (List<Map<String, String>>) putin.get("aliasesWithLanguage");
        assertTrue(aliases.contains(Map.of("name", "Владимир Путин", "language", "ru")), aliases::toString);
        String arabic = aliases.stream().filter(a -> "ar".equals(a.get("language"))).map(a -> a.get("name")).findFirst().orElseThrow();
        String hebrew = aliases.stream().filter(a -> "he".equals(a.get("language"))).map(a -> a.get("name")).findFirst().orElseThrow();

        Browser b = browser().go("/people/" + putin.get("id"));
        b.awaitHeading("Vladimir Putin");
        WebElement russian = b.await(By.cssSelector("section.other-names [data-language='ru']"));
        assertEquals("Russian", russian.findElement(By.tagName("dt")).getDomProperty("textContent"));
        WebElement cyrillic = russian.findElement(By.xpath(".//dd//*[text()='Владимир Путин']"));
        assertEquals("ru", cyrillic.getAttribute("lang"));
        assertEquals("ltr", direction(b, cyrillic));
        // Every alias once, with the language the API gives it.
        List<String> shown = b.driver().findElements(By.cssSelector("section.other-names .alias")).stream()
                .map(e -> e.getText() + " [" + e.getAttribute("lang") + "]").sorted().toList();
        assertEquals(aliases.stream().map(a -> a.get("name") + " [" + a.get("language") + "]").sorted().toList(), shown);
        for (String[] rtl : new String[][] { { "ar", arabic, "Arabic" }, { "he", hebrew, "Hebrew" } }) {
            WebElement group = b.driver().findElement(By.cssSelector("section.other-names [data-language='" + rtl[0] + "']"));
            assertEquals(rtl[2], group.findElement(By.tagName("dt")).getDomProperty("textContent"));
            WebElement name = group.findElement(By.cssSelector(".alias"));
            assertEquals(rtl[1], name.getText());
            assertEquals(rtl[0], name.getAttribute("lang"));
            assertEquals("auto", name.getAttribute("dir"));
            assertEquals("rtl", direction(b, name), rtl[2] + " runs right to left");
        }
        b.driver().manage().window().setSize(new Dimension(1280, 1400));
        b.screenshot("person-putin-names");

        String plain = Fixtures.unique("Envoy Without Aliases");
        b.go("/people/" + Fixtures.person(plain));
        b.awaitHeading(plain);
        b.await(By.cssSelector("section[aria-labelledby='positions']"));
        assertEquals(0, b.driver().findElements(By.cssSelector("section.other-names")).size());
    }

    /** The direction the browser lays the element's text out in. */
    private static String direction(Browser b, WebElement element) {
        return (String) b.driver().executeScript("return getComputedStyle(arguments[0]).direction", element);
    }

    /** The form's participant finder asks as the user types: a surname's start, or a name in Cyrillic, finds the person. */
    @Test
    void theParticipantFinderCompletesTheLastWordAndReadsOtherScripts() {
        Browser b = signedInEditor().go("/record/talk");
        for (String[] typed : new String[][] { { "Witk", "Steve Witkoff" }, { "Путин", "Vladimir Putin" } }) {
            List<String> api = data("query($n: String) { people(filter: {name: $n}, first: 20) { nodes { name } } }", "n", typed[0])
                    .getList("people.nodes.name", String.class);
            assertEquals(List.of(typed[1]), api, typed[0]);
            WebElement find = b.await(By.id("find-input-participants-0--personId"));
            find.clear();
            find.sendKeys(typed[0]);
            By select = By.id("f-input-participants-0--personId");
            new WebDriverWait(b.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class)
                    .until(d -> new Select(d.findElement(select)).getOptions().stream().skip(1).map(WebElement::getText).toList().equals(api));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void witkoffsCounterpartsShowPutinWithTwoMeetingsHeldAndOneExpected() {
        String witkoff = witkoffId();
        Map<String, Object> putin = data("query($id: ID!) { counterparts(personId: $id) { person { name } meetingsHeld meetingsExpected"
                + " talks { date datePrecision status } } }",
                "id", witkoff).<Map<String, Object>>getList("counterparts").stream()
                .filter(c -> "Vladimir Putin".equals(((Map<?, ?>) c.get("person")).get("name"))).findFirst().orElseThrow();
        assertEquals(2, putin.get("meetingsHeld"), "the demo data's two held meetings");
        assertEquals(1, putin.get("meetingsExpected"), "the demo data's expected third meeting");

        Browser b = browser().go("/people/" + witkoff);
        WebElement row = b.await(By.cssSelector("table.counterparts tr[data-person='Vladimir Putin']"));
        assertEquals("2", row.findElement(By.cssSelector("td.held")).getText());
        assertEquals("1", row.findElement(By.cssSelector("td.expected")).getText());
        // First and last met are as precise as the talks they come from: never a made-up day.
        List<Map<String, Object>> held = ((List<Map<String, Object>>) putin.get("talks")).stream()
                .filter(t -> "HELD".equals(t.get("status"))).toList();
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertEquals(shown(held.get(0)), cells.get(2).getText(), "first met");
        assertEquals(shown(held.get(held.size() - 1)), cells.get(3).getText(), "last met");
        b.await(By.cssSelector("parley-counterpart-graph canvas"));
        b.driver().manage().window().setSize(new Dimension(1280, 1900));
        b.screenshot("person-witkoff");
    }

    @Test
    @SuppressWarnings("unchecked")
    void witkoffsTimelineShowsTheMoscowTalkWhichShowsTheTassExcerpt() {
        String excerpt = data("""
                { talks(filter: {text: "Moscow"}, first: 5) { nodes { title date datePrecision
                  citations { excerpt source { publisher } } } } }""")
                .<Map<String, Object>>getList("talks.nodes").stream()
                .filter(t -> "Putin-Witkoff talks in Moscow".equals(t.get("title"))).findFirst()
                .map(t -> {
                    assertEquals("2025-03-13", t.get("date"));
                    assertEquals("DAY", t.get("datePrecision"));
                    return ((List<Map<String, Object>>) t.get("citations")).stream()
                            .filter(c -> "TASS".equals(((Map<?, ?>) c.get("source")).get("publisher")))
                            .map(c -> (String) c.get("excerpt")).findFirst().orElseThrow();
                }).orElseThrow();

        Browser b = browser().go("/people/" + witkoffId());
        WebElement moscow = b.await(By.xpath("//ol[@class='timeline-list']/li[.//a[text()='Putin-Witkoff talks in Moscow']]"));
        assertEquals("13 March 2025", moscow.findElement(By.className("when")).getText());
        // Talks known only to the year say so; none is pinned to a made-up day.
        assertTrue(b.driver().findElements(By.xpath("//ol[@class='timeline-list']/li[.//span[@class='when' and text()='2025 (month unknown)']]")).size() > 0);
        moscow.findElement(By.linkText("Putin-Witkoff talks in Moscow")).click();
        b.awaitHeading("Putin-Witkoff talks in Moscow");
        b.awaitText(By.cssSelector("main"), excerpt);
        WebElement quote = b.driver().findElement(By.xpath("//section[.//h2[@id='talk-sources']]//li[blockquote[text()=\"" + excerpt + "\"]]"));
        assertTrue(quote.getText().contains("TASS"), quote.getText());
        b.await(By.cssSelector("figure.map svg path.here"));
        b.driver().manage().window().setSize(new Dimension(1280, 1600));
        b.screenshot("talk-moscow");
    }

    @Test
    void aTalkRecordedThroughTheApiAppearsInAnOpenPage() {
        String person = Fixtures.person(Fixtures.unique("Live Envoy"));
        String other = Fixtures.person(Fixtures.unique("Live Counterpart"));
        Browser b = browser().go("/people/" + person);
        b.await(By.cssSelector("parley-timeline .empty"));
        b.await(By.cssSelector(".live-live"));
        String title = Fixtures.unique("Talk recorded while watching");
        data(RECORD_TALK, "input", vars("title", title, "date", "2025-04-11", "participants",
                List.of(vars("personId", person, "role", "HOST"), vars("personId", other, "role", "VISITOR"))));
        new WebDriverWait(b.driver(), java.time.Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.linkText(title)));
        assertTrue(b.driver().findElement(By.cssSelector("table.counterparts")).getText().contains("Live Counterpart"));
    }

    /** Signs in by pasting a token, as in production (dev mode's one-click token is not in tests). */
    private Browser signedInEditor() {
        Browser b = browser().go("/sign-in");
        b.await(By.id("f-token")).sendKeys(Tokens.withRoles(Roles.EDITOR));
        b.driver().findElement(By.xpath("//button[text()='Sign in']")).click();
        b.await(By.linkText("Record a talk"));
        return b;
    }

    private static void choosePerson(Browser b, int row, String name) {
        WebElement find = b.await(By.id("find-input-participants-" + row + "--personId"));
        find.clear();
        find.sendKeys(name);
        By select = By.id("f-input-participants-" + row + "--personId");
        // The options are re-rendered as the matches arrive: choose once the name is among them.
        new WebDriverWait(b.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            Select people = new Select(d.findElement(select));
            if (people.getOptions().stream().noneMatch(o -> o.getText().equals(name))) {
                return false;
            }
            people.selectByVisibleText(name);
            return people.getFirstSelectedOption().getText().equals(name);
        });
    }

    @Test
    void anEditorRecordsATalkWithACitationFromTheFormAndSeesIt() {
        String host = Fixtures.unique("Form Host");
        String visitor = Fixtures.unique("Form Visitor");
        Fixtures.person(host);
        Fixtures.person(visitor);
        String title = Fixtures.unique("Talk recorded in the browser");
        String excerpt = "The two envoys met behind closed doors, " + title + ", the agency reported.";

        Browser b = signedInEditor();
        b.driver().findElement(By.linkText("Record a talk")).click();
        b.awaitHeading("Record a talk");
        b.await(By.id("f-input-title")).sendKeys(title);
        new Select(b.driver().findElement(By.id("f-input-format"))).selectByVisibleText("phone");
        choosePerson(b, 0, host);
        choosePerson(b, 1, visitor);
        new Select(b.driver().findElement(By.id("f-input-citations-0--sourceId"))).selectByVisibleText("TASS");
        b.driver().findElement(By.id("f-input-citations-0--excerpt")).sendKeys(excerpt);
        b.driver().manage().window().setSize(new Dimension(1280, 1700));
        b.screenshot("record-talk-form");
        b.driver().findElement(By.xpath("//button[text()='Record talk']")).click();

        b.awaitHeading(title);
        b.awaitText(By.cssSelector("main"), excerpt);
        String id = b.path().substring("/talks/".length());
        JsonPath stored = data("query($id: ID!) { talk(id: $id) { title format participants { role person { name } } citations { excerpt source { publisher } } } }", "id", id);
        assertEquals(title, stored.getString("talk.title"));
        assertEquals("PHONE", stored.getString("talk.format"));
        assertEquals(List.of(host, visitor), stored.getList("talk.participants.person.name"));
        assertEquals(excerpt, stored.getString("talk.citations[0].excerpt"));
        assertEquals("TASS", stored.getString("talk.citations[0].source.publisher"));
        b.awaitText(By.cssSelector("ol.history"), "created");
    }

    @Test
    void aBadInputShowsItsErrorAtTheFieldTheApiNames() {
        String person = Fixtures.person(Fixtures.unique("Field Error Envoy"));
        Map<String, Object> apiError = error("BAD_USER_INPUT", RECORD_TALK, "input", vars("title", "Off the map",
                "date", "2025-04-12", "location", vars("name", "Nowhere", "latitude", 123.0),
                "participants", List.of(vars("personId", person, "role", "HOST"))));
        String field = (String) ((Map<?, ?>) apiError.get("extensions")).get("field");
        assertEquals("input.location.latitude", field);

        Browser b = signedInEditor().go("/record/talk");
        b.await(By.id("f-input-title")).sendKeys("Off the map");
        b.driver().findElement(By.id("f-input-location-name")).sendKeys("Nowhere");
        b.driver().findElement(By.id("f-input-location-latitude")).sendKeys("123");
        b.driver().findElement(By.xpath("//button[text()='Record talk']")).click();
        WebElement message = b.await(By.cssSelector("[data-field='" + field + "'] .field-error"));
        assertEquals(apiError.get("message"), message.getText());
        assertEquals("true", b.driver().findElement(By.id("f-input-location-latitude")).getAttribute("aria-invalid"));
        b.screenshot("field-error");
    }

    @Test
    void aStaleEditIsExplainedWithTheCurrentValues() {
        String person = Fixtures.person(Fixtures.unique("Conflict Envoy"));
        String title = Fixtures.unique("Talk edited twice");
        String id = data(RECORD_TALK, "input", vars("title", title, "date", "2025-04-13",
                "participants", List.of(vars("personId", person, "role", "HOST")))).getString("recordTalk.id");

        Browser b = signedInEditor().go("/record/talk?edit=" + id);
        b.awaitHeading("Edit");
        WebElement field = b.await(By.id("f-input-title"));
        // Someone else saves first.
        String theirs = title + " (renamed elsewhere)";
        data("mutation($id: ID!, $input: TalkInput!) { updateTalk(id: $id, input: $input, expectedVersion: 0) { version } }",
                "id", id, "input", vars("title", theirs, "date", "2025-04-13",
                        "participants", List.of(vars("personId", person, "role", "HOST"))));
        field.clear();
        field.sendKeys(title + " (mine)");
        b.driver().findElement(By.xpath("//button[text()='Save changes']")).click();

        WebElement conflict = b.await(By.cssSelector(".conflict"));
        assertTrue(conflict.getText().contains("now version 1"), conflict.getText());
        WebElement titleRow = conflict.findElement(By.xpath(".//tr[th='Title']"));
        assertEquals(List.of(theirs, title + " (mine)"), titleRow.findElements(By.tagName("td")).stream()
                .map(WebElement::getText).toList());
        b.screenshot("conflict");
        b.driver().findElement(By.xpath("//button[text()='Start again from the current values']")).click();
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> theirs.equals(d.findElement(By.id("f-input-title")).getDomProperty("value")));
        assertEquals(theirs, data("query($id: ID!) { talk(id: $id) { title } }", "id", id).getString("talk.title"),
                "nothing of the stale draft was saved");
    }

    @Test
    void theStartPageAndATrackOfferTheExportsForDownload() throws IOException {
        Browser b = browser().go("/");
        b.await(By.id("recent-talks"));
        String talksCsv = b.await(By.linkText("Talks (CSV)")).getAttribute("href");
        int talks = data("{ talks { totalCount } }").getInt("talks.totalCount");
        assertEquals(talks, csvRecords(talksCsv), "every talk, one row each");

        Map<String, Object> track = data("{ tracks(first: 1) { nodes { id name } } }").getMap("tracks.nodes[0]");
        String trackId = (String) track.get("id");
        b.go("/tracks/" + trackId);
        b.awaitHeading((String) track.get("name"));
        String trackTalks = b.await(By.linkText("Its talks (CSV)")).getAttribute("href");
        int onTrack = data("query($t: [ID!]) { talks(filter: {trackIds: $t}) { totalCount } }", "t", List.of(trackId))
                .getInt("talks.totalCount");
        assertEquals(onTrack, csvRecords(trackTalks), "the track's talks only");
        assertTrue(trackTalks.contains("trackIds="), "the track's download is filtered by the track: " + trackTalks);
    }

    /** A held talk's date as the page words it: only as precise as its datePrecision (YEAR or DAY here). */
    private static String shown(Map<String, Object> talk) {
        java.time.LocalDate date = java.time.LocalDate.parse((String) talk.get("date"));
        return switch ((String) talk.get("datePrecision")) {
            case "YEAR" -> date.getYear() + " (month unknown)";
            case "MONTH" -> date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
                    + date.getYear() + " (day unknown)";
            case "DAY" -> date.getDayOfMonth() + " " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                    java.util.Locale.ENGLISH) + " " + date.getYear();
            default -> throw new AssertionError("no wording checked for " + talk);
        };
    }

    /** Data rows of a CSV download, read by a real CSV parser. */
    private static int csvRecords(String url) throws IOException {
        String body = io.restassured.RestAssured.given().get(url).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        try (org.apache.commons.csv.CSVParser parser = org.apache.commons.csv.CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(body))) {
            return parser.getRecords().size();
        }
    }

    /** Loads Witkoff's page afresh at phone width: it fits, and the first view's timing is reported. */
    @Test
    void phoneWidthFitsAndTheFirstViewIsTimed() throws IOException {
        Browser b = browser();
        b.driver().manage().window().setSize(new Dimension(390, 844));
        b.go("/people/" + witkoffId());
        b.await(By.cssSelector("table.counterparts"));
        b.screenshot("person-witkoff-phone");
        Number overflow = (Number) b.driver().executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, overflow.intValue(), "no horizontal scrolling at phone width");
        @SuppressWarnings("unchecked")
        Map<String, Object> timing = (Map<String, Object>) b.driver().executeScript("""
                const nav = performance.getEntriesByType('navigation')[0];
                const first = performance.getEntriesByName('parley:first-view')[0];
                return { firstView: first ? first.startTime : -1, domContentLoaded: nav.domContentLoadedEventEnd,
                         transferred: performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script'
                           || r.name.endsWith('.js')).reduce((n, r) => n + r.transferSize, 0) + nav.transferSize };""");
        String report = "first rendered view of /people/<Witkoff> at 390 px: " + Math.round(((Number) timing.get("firstView")).doubleValue())
                + " ms after navigation start (DOMContentLoaded " + Math.round(((Number) timing.get("domContentLoaded")).doubleValue())
                + " ms); bytes transferred for the document and scripts: " + timing.get("transferred");
        System.out.println("[web-app timing] " + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "web-app-timing.txt"), report + "\n");
        assertTrue(((Number) timing.get("firstView")).doubleValue() > 0, "the app marks its first rendered view");
    }
}
