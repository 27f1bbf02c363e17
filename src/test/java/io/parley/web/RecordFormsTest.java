package io.parley.web;

import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.parley.common.Roles;
import io.parley.graphql.Fixtures;
import io.parley.graphql.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every record type created, edited and deleted from its form in Debian's chromium, against the
 * real service; what the form saved is read back from the API. Also: an error at the input the
 * API names (with rows left empty not counted), a stale edit explained beside the draft, a delete
 * the API refuses named before and after, and the pages of outcomes, statements, trips and envoy
 * appointments by URL and by link.
 */
@QuarkusTest
class RecordFormsTest {

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

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

    /** Signed in by pasting a token (fresh for each test: tokens last ten minutes). */
    private Browser signedIn(String... roles) {
        if (browser == null) {
            browser = Browser.open(root.toString(), 1280, 1000);
        }
        Browser b = browser.go("/sign-in");
        b.await(By.id("f-token")).sendKeys(Tokens.withRoles(roles));
        b.driver().findElement(By.xpath("//button[text()='Sign in']")).click();
        b.await(By.linkText("Record a talk"));
        return b;
    }

    private Browser editorAndAdmin() {
        return signedIn(Roles.EDITOR, Roles.ADMIN);
    }

    // ------------------------------------------------------------------------ form helpers
    /** The id of the input for an API field: f-input-participants-0--personId. */
    private static String id(String field) {
        return "f-" + field.replaceAll("[^A-Za-z0-9]", "-");
    }

    private static WebElement input(Browser b, String field) {
        return b.await(By.id(id(field)));
    }

    private static void type(Browser b, String field, String text) {
        WebElement element = input(b, field);
        element.clear();
        element.sendKeys(text);
    }

    /** Date and time inputs take their value as the page would give it, whatever the browser's locale. */
    private static void setValue(Browser b, String field, String value) {
        b.driver().executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input(b, field), value);
    }

    private static void choose(Browser b, String field, String visibleText) {
        new Select(input(b, field)).selectByVisibleText(visibleText);
    }

    private static void click(Browser b, String buttonText) {
        b.await(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    /** Types in the finder of a reference picker and chooses the first option starting with the text wanted. */
    private static void pick(Browser b, String field, String typed, String optionStart) {
        WebElement find = b.await(By.id("find-" + id(field).substring(2)));
        find.clear();
        find.sendKeys(typed);
        new WebDriverWait(b.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class).until(d -> {
            Select select = new Select(d.findElement(By.id(id(field))));
            WebElement option = select.getOptions().stream().filter(o -> o.getText().startsWith(optionStart)).findFirst().orElse(null);
            if (option == null) {
                return false;
            }
            select.selectByVisibleText(option.getText());
            return select.getFirstSelectedOption().getText().startsWith(optionStart);
        });
    }

    private static String selected(Browser b, String field) {
        return new Select(input(b, field)).getFirstSelectedOption().getText();
    }

    private static void awaitValue(Browser b, String field, String value) {
        new WebDriverWait(b.driver(), Browser.WAIT).ignoring(StaleElementReferenceException.class)
                .until(d -> value.equals(d.findElement(By.id(id(field))).getDomProperty("value")));
    }

    /** The record page the form went to once saved: its id. */
    private static String savedAt(Browser b, String page) {
        b.awaitPath("/" + page + "/");
        return b.path().substring(page.length() + 2);
    }

    /** Opens the record's delete confirmation from its page, confirms, and waits for the deletion. */
    private static void deleteFromPage(Browser b, String noun, String blockers) {
        b.await(By.partialLinkText("Delete this " + noun)).click();
        b.awaitHeading("Delete the " + noun);
        if (blockers != null) {
            b.awaitText(By.cssSelector(".blockers"), blockers);
        }
        click(b, "Delete this " + noun);
        b.awaitHeading("Deleted");
    }

    /** Tries a delete the API refuses: the confirmation names what refers to it, then shows the API's own words. */
    private static void deleteIsRefused(Browser b, String type, String id, String noun, String blockers, String apiMessage) {
        b.go("/record/" + type + "?delete=" + id);
        b.awaitHeading("Delete the " + noun);
        b.awaitText(By.cssSelector(".blockers"), blockers);
        assertTrue(b.driver().findElement(By.cssSelector(".rule")).getText().startsWith("Parley refuses to delete"));
        click(b, "Delete this " + noun);
        WebElement refused = b.await(By.cssSelector(".refused"));
        assertTrue(refused.getText().contains("Parley refused to delete it."), refused.getText());
        assertTrue(refused.getText().contains(apiMessage), refused.getText() + " / " + apiMessage);
    }

    private static String conflictMessage(String mutation, String id) {
        return (String) error("CONFLICT", "mutation($id: ID!) { " + mutation + "(id: $id) }", "id", id).get("message");
    }

    // ------------------------------------------------------------------------------ people
    @Test
    void aPersonIsCreatedEditedAndDeletedFromItsForm() {
        Browser b = editorAndAdmin();
        b.go("/record/person"); // a deep link straight into the editing views
        b.awaitHeading("Add a person");
        String name = Fixtures.unique("Form Person");
        String wikidata = "Q" + ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L);
        type(b, "input.name", name);
        click(b, "Add another name");
        type(b, "input.aliasesWithLanguage[0].name", "Форма Персона");
        type(b, "input.aliasesWithLanguage[0].language", "ru");
        type(b, "input.countryCode", "US");
        type(b, "input.wikidataId", wikidata);
        setValue(b, "input.birthDate", "1957-03-15");
        click(b, "Add a position");
        type(b, "input.positions[0].title", "Special Envoy for Forms");
        type(b, "input.positions[0].organization", "Office of Tests");
        setValue(b, "input.positions[0].startDate", "2025-01-20");
        b.driver().manage().window().setSize(new Dimension(1280, 1800));
        b.screenshot("record-person-form");
        b.driver().manage().window().setSize(new Dimension(1280, 1000));
        click(b, "Add person");

        b.awaitHeading(name);
        String id = savedAt(b, "people");
        String read = "query($id: ID!) { person(id: $id) { name countryCode birthDate wikidataId aliasesWithLanguage { name language }"
                + " positions { title organization startDate endDate } } }";
        JsonPath stored = data(read, "id", id);
        assertEquals("US", stored.getString("person.countryCode"));
        assertEquals("1957-03-15", stored.getString("person.birthDate"));
        assertEquals(wikidata, stored.getString("person.wikidataId"));
        assertEquals(List.of(Map.of("name", "Форма Персона", "language", "ru")), stored.getList("person.aliasesWithLanguage"));
        assertEquals("Special Envoy for Forms", stored.getString("person.positions[0].title"));
        assertEquals("Office of Tests", stored.getString("person.positions[0].organization"));
        assertEquals("2025-01-20", stored.getString("person.positions[0].startDate"));

        b.await(By.linkText("Edit this person")).click();
        b.awaitHeading("Edit person");
        awaitValue(b, "input.name", name);
        String renamed = name + " (renamed)";
        type(b, "input.name", renamed);
        click(b, "Save changes");
        b.awaitHeading(renamed);
        JsonPath edited = data(read, "id", id);
        assertEquals(renamed, edited.getString("person.name"));
        assertEquals(stored.getList("person.aliasesWithLanguage"), edited.getList("person.aliasesWithLanguage"), "an edit keeps what it did not change");
        assertEquals(stored.getList("person.positions"), edited.getList("person.positions"));

        deleteFromPage(b, "person", "Nothing refers to it now");
        assertNull(data("query($id: ID!) { person(id: $id) { id } }", "id", id).get("person"));
    }

    @Test
    void aPersonOthersReferToIsNotDeletedAndTheConfirmationSaidWhy() {
        String person = Fixtures.person(Fixtures.unique("Referred Person"));
        Fixtures.talk(Fixtures.unique("Talk keeping a person"), "2025-05-01", null, person);
        String message = conflictMessage("deletePerson", person);
        Browser b = editorAndAdmin();
        deleteIsRefused(b, "person", person, "person", "referred to by 1 talk", message);
        b.screenshot("delete-refused");
        assertEquals(person, data("query($id: ID!) { person(id: $id) { id } }", "id", person).getString("person.id"));
    }

    /** Editors edit; only admins delete (the API's roles), so an editor is offered no delete. */
    @Test
    void anEditorWhoIsNotAnAdminIsOfferedNoDelete() {
        String person = Fixtures.person(Fixtures.unique("Editor Only Person"));
        Browser b = signedIn(Roles.EDITOR).go("/people/" + person);
        b.await(By.linkText("Edit this person"));
        assertEquals(0, b.driver().findElements(By.partialLinkText("Delete this")).size());
        b.go("/record/person?delete=" + person);
        b.awaitHeading("Delete the person");
        assertEquals(0, b.driver().findElements(By.xpath("//button[normalize-space()='Delete this person']")).size());
        assertTrue(b.driver().findElement(By.cssSelector("main")).getText().contains("Deleting needs the admin role"));
    }

    /** The error is shown at the input the API names, with the API's words. */
    @Test
    void aPersonsBadWikidataIdIsShownAtItsInput() {
        Map<String, Object> apiError = error("BAD_USER_INPUT", "mutation($input: PersonInput!) { createPerson(input: $input) { id } }",
                "input", vars("name", "Someone", "wikidataId", "X1"));
        String field = (String) ((Map<?, ?>) apiError.get("extensions")).get("field");
        assertEquals("input.wikidataId", field);
        Browser b = editorAndAdmin().go("/record/person");
        type(b, "input.name", Fixtures.unique("Bad Wikidata"));
        type(b, "input.wikidataId", "X1");
        click(b, "Add person");
        WebElement message = b.await(By.cssSelector("[data-field='input.wikidataId'] .field-error"));
        assertEquals(apiError.get("message"), message.getText());
        assertEquals("true", input(b, "input.wikidataId").getAttribute("aria-invalid"));
        assertEquals(id("input.wikidataId"), b.driver().switchTo().activeElement().getAttribute("id"), "focus moved to the input");
    }

    // ------------------------------------------------------------------- envoy appointments
    @Test
    void anEnvoyIsAppointedEditedEndedAndDeletedFromTheForm() {
        String name = Fixtures.unique("Form Envoy");
        String person = Fixtures.person(name);
        Browser b = editorAndAdmin().go("/people/" + person);
        b.await(By.linkText("Appoint as envoy…")).click();
        b.awaitHeading("Appoint an envoy");
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> selected(b, "input.personId").equals(name));
        type(b, "input.title", "Special Envoy for Form Tests");
        type(b, "input.represents", "US");
        type(b, "input.mandate", "Testing");
        pick(b, "input.appointedById", "Witk", "Steve Witkoff");
        setValue(b, "input.announcedOn", "2025-02-01");
        choose(b, "input.announcedOnPrecision", "month");
        setValue(b, "input.startDate", "2025-02-10");
        click(b, "Appoint envoy");

        b.awaitHeading(name + ", Special Envoy for Form Tests");
        String id = savedAt(b, "envoys");
        String read = "query($id: ID!) { envoy(id: $id) { title represents mandate active startDate endDate announcedOn announcedOnPrecision"
                + " person { id } appointedBy { name } } }";
        JsonPath stored = data(read, "id", id);
        assertEquals(person, stored.getString("envoy.person.id"));
        assertEquals("US", stored.getString("envoy.represents"));
        assertEquals("Testing", stored.getString("envoy.mandate"));
        assertEquals("Steve Witkoff", stored.getString("envoy.appointedBy.name"));
        assertEquals("2025-02-01", stored.getString("envoy.announcedOn"));
        assertEquals("MONTH", stored.getString("envoy.announcedOnPrecision"));
        assertEquals("2025-02-10", stored.getString("envoy.startDate"));

        // The person's page links the appointment's page.
        b.go("/people/" + person);
        b.await(By.cssSelector("ul.appointments a")).click();
        b.awaitHeading(name + ", Special Envoy for Form Tests");
        assertEquals("/envoys/" + id, b.path());

        b.await(By.linkText("Edit this envoy appointment")).click();
        b.awaitHeading("Edit envoy appointment");
        awaitValue(b, "input.mandate", "Testing");
        type(b, "input.mandate", "Testing, edited");
        click(b, "Save changes");
        b.awaitPath("/envoys/" + id);
        b.awaitText(By.cssSelector("dl.facts"), "Testing, edited");
        assertEquals("Testing, edited", data(read, "id", id).getString("envoy.mandate"));

        b.await(By.linkText("End the mandate…")).click();
        b.await(By.id("end-mandate"));
        setValue(b, "endDate", "2025-06-30");
        click(b, "End the mandate");
        b.awaitPath("/envoys/" + id);
        b.await(By.cssSelector("dl.facts .status-ended"));
        JsonPath ended = data(read, "id", id);
        assertEquals("2025-06-30", ended.getString("envoy.endDate"));
        assertFalse(ended.getBoolean("envoy.active"));
        assertEquals("Testing, edited", ended.getString("envoy.mandate"), "ending keeps the rest");

        deleteFromPage(b, "envoy appointment", "Nothing refers to it now");
        assertNull(data("query($id: ID!) { envoy(id: $id) { id } }", "id", id).get("envoy"));
        b.await(By.linkText("Back to " + name)).click();
        b.awaitHeading(name);
    }

    // ------------------------------------------------------------------------------ tracks
    @Test
    void aTrackIsCreatedEditedAndDeletedAndOneWithTalksIsRefused() {
        Browser b = editorAndAdmin();
        b.await(By.linkText("Record…")).click();
        b.awaitHeading("Record");
        b.await(By.linkText("Add a track")).click();
        b.awaitHeading("Add a track");
        String name = Fixtures.unique("Form Track");
        type(b, "input.name", name);
        choose(b, "input.status", "paused");
        click(b, "Add a party");
        type(b, "input.parties[0]", "RU");
        click(b, "Add a party");
        type(b, "input.parties[1]", "UA");
        click(b, "Add track");
        b.awaitHeading(name);
        String id = savedAt(b, "tracks");
        String read = "query($id: ID!) { track(id: $id) { name status parties summary } }";
        assertEquals(Map.of("name", name, "status", "PAUSED", "parties", List.of("RU", "UA")),
                withoutNulls(data(read, "id", id).getMap("track")));

        b.await(By.linkText("Edit this track")).click();
        b.awaitHeading("Edit track");
        awaitValue(b, "input.name", name);
        type(b, "input.summary", "Talks about form tests.");
        click(b, "Save changes");
        b.awaitText(By.cssSelector("main .lede"), "Talks about form tests.");
        assertEquals("Talks about form tests.", data(read, "id", id).getString("track.summary"));
        assertEquals(List.of("RU", "UA"), data(read, "id", id).getList("track.parties"));

        deleteFromPage(b, "track", "Nothing refers to it now");
        assertNull(data("query($id: ID!) { track(id: $id) { id } }", "id", id).get("track"));

        String busy = Fixtures.track(Fixtures.unique("Busy Track"));
        Fixtures.talk(Fixtures.unique("Talk on a busy track"), "2025-05-02", busy, Fixtures.person(Fixtures.unique("Busy Track Person")));
        deleteIsRefused(b, "track", busy, "track", "referred to by 1 talk", conflictMessage("deleteTrack", busy));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(map);
        out.values().removeIf(java.util.Objects::isNull);
        return out;
    }

    // ------------------------------------------------------------------------------- talks
    @Test
    void aTalkIsEditedKeepingWhatTheFormDoesNotShowAndDeletedUnlessReferredTo() {
        String person = Fixtures.person(Fixtures.unique("Talk Edit Person"));
        String title = Fixtures.unique("Talk to edit");
        String id = data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", title,
                "date", "2025-05-03", "startsAt", "2025-05-03T09:30:00Z", "location", vars("name", "Geneva", "geonamesId", 2660646),
                "participants", List.of(vars("personId", person, "role", "HOST")))).getString("recordTalk.id");
        String startsAt = data("query($id: ID!) { talk(id: $id) { startsAt } }", "id", id).getString("talk.startsAt");
        Browser b = editorAndAdmin().go("/talks/" + id);
        b.await(By.linkText("Edit this talk")).click();
        b.awaitHeading("Edit talk");
        awaitValue(b, "input.title", title);
        type(b, "input.title", title + " (edited)");
        choose(b, "input.status", "expected");
        click(b, "Save changes");
        b.awaitHeading(title + " (edited)");
        JsonPath stored = data("query($id: ID!) { talk(id: $id) { title status startsAt location { name geonamesId } participants { person { id } role } } }", "id", id);
        assertEquals("EXPECTED", stored.getString("talk.status"));
        assertEquals(startsAt, stored.getString("talk.startsAt"), "the time of day is kept");
        assertEquals(2660646, stored.getInt("talk.location.geonamesId"), "the GeoNames ID is kept");
        assertEquals(List.of(person), stored.getList("talk.participants.person.id"));

        // A statement refers to it: the confirmation counts it, and the API refuses.
        data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input",
                vars("speakerId", person, "quote", "We talked.", "saidOn", "2025-05-03", "talkId", id));
        deleteIsRefused(b, "talk", id, "talk", "referred to by 1 statement", conflictMessage("deleteTalk", id));

        String plain = Fixtures.talk(Fixtures.unique("Talk to delete"), "2025-05-04", null, person);
        b.go("/talks/" + plain);
        deleteFromPage(b, "talk", "Nothing refers to it now");
        assertNull(data("query($id: ID!) { talk(id: $id) { id } }", "id", plain).get("talk"));
    }

    // ------------------------------------------------------------------------------- trips
    @Test
    void aTripIsRecordedEditedAndDeletedFromItsForm() {
        String name = Fixtures.unique("Trip Envoy");
        String person = Fixtures.person(name);
        String envoy = Fixtures.envoy(person, "US");
        String talkTitle = Fixtures.unique("Talk on a trip");
        String talk = Fixtures.talk(talkTitle, "2025-05-05", null, person);
        Browser b = editorAndAdmin();
        b.go("/record/trip");
        b.awaitHeading("Record a trip");
        pick(b, "input.envoyId", name, name + ", Special Envoy (US)");
        type(b, "input.destination.name", "Doha");
        type(b, "input.destination.city", "Doha");
        type(b, "input.destination.countryCode", "QA");
        setValue(b, "input.arrivedOn", "2025-05-04");
        setValue(b, "input.departedOn", "2025-05-06");
        type(b, "input.purpose", "Shuttle diplomacy in a test");
        click(b, "Add a talk");
        pick(b, "input.talkIds[0]", talkTitle, talkTitle);
        click(b, "Record trip");
        b.awaitHeading(name + " to Doha");
        String id = savedAt(b, "trips");
        String read = "query($id: ID!) { trip(id: $id) { envoy { id } destination { name city countryCode } arrivedOn departedOn purpose talks { id } } }";
        JsonPath stored = data(read, "id", id);
        assertEquals(envoy, stored.getString("trip.envoy.id"));
        assertEquals(Map.of("name", "Doha", "city", "Doha", "countryCode", "QA"), stored.getMap("trip.destination"));
        assertEquals("2025-05-04", stored.getString("trip.arrivedOn"));
        assertEquals("2025-05-06", stored.getString("trip.departedOn"));
        assertEquals(List.of(talk), stored.getList("trip.talks.id"));

        // The envoy's page lists it, and offers to record another trip with the envoy chosen.
        b.go("/envoys/" + envoy);
        assertEquals("envoy=" + envoy, URI.create(b.await(By.linkText("Record a trip…")).getAttribute("href")).getQuery());
        b.await(By.linkText(name + " to Doha")).click();
        b.awaitHeading(name + " to Doha");
        b.await(By.linkText("Edit this trip")).click();
        b.awaitHeading("Edit trip");
        awaitValue(b, "input.purpose", "Shuttle diplomacy in a test");
        type(b, "input.purpose", "Shuttle diplomacy, edited");
        click(b, "Save changes");
        b.awaitText(By.cssSelector("main .lede"), "Shuttle diplomacy, edited");
        assertEquals("Shuttle diplomacy, edited", data(read, "id", id).getString("trip.purpose"));
        assertEquals(List.of(talk), data(read, "id", id).getList("trip.talks.id"));

        deleteFromPage(b, "trip", null);
        assertNull(data("query($id: ID!) { trip(id: $id) { id } }", "id", id).get("trip"));
    }

    // ---------------------------------------------------------------------------- outcomes
    @Test
    void anOutcomeIsRecordedFromItsTalkEditedAndDeleted() {
        String host = Fixtures.person(Fixtures.unique("Outcome Host"));
        String freedName = Fixtures.unique("Freed Person");
        String freed = Fixtures.person(freedName);
        String talkTitle = Fixtures.unique("Talk with an outcome");
        String talk = Fixtures.talk(talkTitle, "2025-05-06", null, host);
        String title = Fixtures.unique("Prisoners released in a test");
        Browser b = editorAndAdmin().go("/talks/" + talk);
        b.await(By.linkText("Add an outcome…")).click();
        b.awaitHeading("Record an outcome");
        new WebDriverWait(b.driver(), Browser.WAIT).until(d -> selected(b, "input.talkIds[0]").startsWith(talkTitle));
        choose(b, "input.kind", "prisoner release");
        type(b, "input.title", title);
        click(b, "Add a figure");
        type(b, "input.figures[0].label", "prisoners released");
        type(b, "input.figures[0].value", "175");
        b.driver().findElement(By.id(id("input.figures[0].approximate"))).click();
        click(b, "Add a beneficiary");
        pick(b, "input.beneficiaryIds[0]", freedName, freedName);
        choose(b, "input.citations[0].sourceId", "TASS");
        type(b, "input.citations[0].excerpt", "About 175 prisoners were released, " + title + ".");
        click(b, "Record outcome");
        b.awaitHeading(title);
        String id = savedAt(b, "outcomes");
        String read = "query($id: ID!) { outcome(id: $id) { kind status title figures { label value approximate } beneficiaries { id }"
                + " talks { id } citations { excerpt source { publisher } } } }";
        JsonPath stored = data(read, "id", id);
        assertEquals("PRISONER_RELEASE", stored.getString("outcome.kind"));
        assertEquals("AGREED", stored.getString("outcome.status"), "the API's default");
        assertEquals(List.of(Map.of("label", "prisoners released", "value", 175, "approximate", true)), stored.getList("outcome.figures"));
        assertEquals(List.of(freed), stored.getList("outcome.beneficiaries.id"));
        assertEquals(List.of(talk), stored.getList("outcome.talks.id"));
        assertEquals("TASS", stored.getString("outcome.citations[0].source.publisher"));
        b.awaitText(By.cssSelector("main"), "About 175 prisoners were released");

        // The talk's page links it.
        b.go("/talks/" + talk);
        b.await(By.linkText(title)).click();
        b.awaitHeading(title);
        b.await(By.linkText("Edit this outcome")).click();
        b.awaitHeading("Edit outcome");
        awaitValue(b, "input.title", title);
        choose(b, "input.status", "implemented");
        click(b, "Save changes");
        b.await(By.cssSelector("dl.facts .status-implemented"));
        JsonPath edited = data(read, "id", id);
        assertEquals("IMPLEMENTED", edited.getString("outcome.status"));
        assertEquals(stored.getList("outcome.figures"), edited.getList("outcome.figures"));

        deleteFromPage(b, "outcome", null);
        assertNull(data("query($id: ID!) { outcome(id: $id) { id } }", "id", id).get("outcome"));
        b.await(By.linkText("Back to " + talkTitle)).click();
        b.awaitHeading(talkTitle);
    }

    /** Rows left empty are not sent; the API's index is the row it was sent as, and is shown at the row on screen. */
    @Test
    void anErrorInARowIsShownAtThatRowEvenWhenAnEmptyRowAboveWasNotSent() {
        Map<String, Object> apiError = error("BAD_USER_INPUT", "mutation($input: OutcomeInput!) { recordOutcome(input: $input) { id } }",
                "input", vars("kind", "OTHER", "title", "Figures", "figures", List.of(vars("label", " ", "value", 5))));
        assertEquals("input.figures[0].label", ((Map<?, ?>) apiError.get("extensions")).get("field"));
        Browser b = editorAndAdmin().go("/record/outcome");
        type(b, "input.title", Fixtures.unique("Outcome with a bad figure"));
        click(b, "Add a figure");
        click(b, "Add a figure");
        type(b, "input.figures[1].value", "5");
        click(b, "Record outcome");
        WebElement message = b.await(By.cssSelector("[data-field='input.figures[1].label'] .field-error"));
        assertEquals(apiError.get("message"), message.getText());
        assertEquals(0, b.driver().findElements(By.cssSelector("[data-field='input.figures[0].label'] .field-error")).size());
        b.screenshot("row-error");
    }

    // -------------------------------------------------------------------------- statements
    @Test
    void aStatementIsRecordedFromItsTalkEditedAndDeleted() {
        String speakerName = Fixtures.unique("Speaker");
        String speaker = Fixtures.person(speakerName);
        String talk = Fixtures.talk(Fixtures.unique("Talk with a statement"), "2025-05-07", null, speaker);
        Browser b = editorAndAdmin().go("/talks/" + talk);
        b.await(By.linkText("Add a statement…")).click();
        b.awaitHeading("Record a statement");
        pick(b, "input.speakerId", speakerName, speakerName);
        String quote = "There is reason for cautious optimism, " + Fixtures.unique("said") + ".";
        type(b, "input.quote", quote);
        b.driver().findElement(By.id(id("input.verbatim"))).click();
        choose(b, "input.tone", "cautiously optimistic");
        setValue(b, "input.saidOn", "2025-05-01");
        choose(b, "input.saidOnPrecision", "month");
        click(b, "Record statement");
        String id = savedAt(b, "statements");
        b.awaitHeading(speakerName);
        String read = "query($id: ID!) { statement(id: $id) { quote verbatim tone saidOn saidOnPrecision speaker { id } talk { id } } }";
        JsonPath stored = data(read, "id", id);
        assertEquals(quote, stored.getString("statement.quote"));
        assertFalse(stored.getBoolean("statement.verbatim"));
        assertEquals("CAUTIOUSLY_OPTIMISTIC", stored.getString("statement.tone"));
        assertEquals("2025-05-01", stored.getString("statement.saidOn"));
        assertEquals("MONTH", stored.getString("statement.saidOnPrecision"));
        assertEquals(speaker, stored.getString("statement.speaker.id"));
        assertEquals(talk, stored.getString("statement.talk.id"));
        assertTrue(b.driver().findElement(By.cssSelector("blockquote.statement")).getAttribute("class").contains("reported"));

        // The talk's page links it.
        b.go("/talks/" + talk);
        b.await(By.linkText("the statement's page")).click();
        b.awaitPath("/statements/" + id);
        b.await(By.linkText("Edit this statement")).click();
        b.awaitHeading("Edit statement");
        awaitValue(b, "input.quote", quote);
        type(b, "input.quote", quote + " Edited.");
        click(b, "Save changes");
        b.awaitText(By.cssSelector("blockquote.statement"), "Edited.");
        assertEquals(quote + " Edited.", data(read, "id", id).getString("statement.quote"));

        deleteFromPage(b, "statement", null);
        assertNull(data("query($id: ID!) { statement(id: $id) { id } }", "id", id).get("statement"));
    }

    /** Someone else saved the statement meanwhile: the stored values are shown beside the draft. */
    @Test
    void aStaleStatementEditShowsTheCurrentValuesBesideTheDraft() {
        String speaker = Fixtures.person(Fixtures.unique("Conflict Speaker"));
        String quote = Fixtures.unique("First words");
        String id = data("mutation($input: StatementInput!) { recordStatement(input: $input) { id } }", "input",
                vars("speakerId", speaker, "quote", quote, "saidOn", "2025-05-08")).getString("recordStatement.id");
        Browser b = editorAndAdmin().go("/record/statement?edit=" + id);
        b.awaitHeading("Edit statement");
        awaitValue(b, "input.quote", quote);
        String theirs = quote + " (theirs)";
        data("mutation($id: ID!, $input: StatementInput!) { updateStatement(id: $id, input: $input, expectedVersion: 0) { version } }",
                "id", id, "input", vars("speakerId", speaker, "quote", theirs, "saidOn", "2025-05-08"));
        type(b, "input.quote", quote + " (mine)");
        click(b, "Save changes");
        WebElement conflict = b.await(By.cssSelector(".conflict"));
        assertTrue(conflict.getText().contains("now version 1"), conflict.getText());
        assertEquals(List.of(theirs, quote + " (mine)"), conflict.findElements(By.xpath(".//tr[th='Quote']/td")).stream()
                .map(WebElement::getText).toList());
        assertEquals(theirs, data("query($id: ID!) { statement(id: $id) { quote } }", "id", id).getString("statement.quote"));
        click(b, "Save my draft over them");
        b.awaitPath("/statements/" + id);
        b.awaitText(By.cssSelector("blockquote.statement"), "(mine)");
        assertEquals(quote + " (mine)", data("query($id: ID!) { statement(id: $id) { quote } }", "id", id).getString("statement.quote"));
    }

    // ----------------------------------------------------------------------------- sources
    @Test
    void aSourceIsAddedEditedAndDeletedAndACitedOneIsRefused() {
        Browser b = editorAndAdmin();
        b.await(By.linkText("Add a source")).click();
        b.awaitHeading("Add a source");
        String publisher = Fixtures.unique("Form Wire");
        type(b, "input.publisher", publisher);
        type(b, "input.title", "Envoys meet");
        type(b, "input.url", "https://example.org/envoys-meet");
        type(b, "input.language", "en");
        setValue(b, "input.publishedOn", "2025-05-09");
        click(b, "Add source");
        b.awaitHeading("Envoys meet");
        String id = savedAt(b, "sources");
        String read = "query($id: ID!) { source(id: $id) { publisher title url language publishedOn } }";
        assertEquals(Map.of("publisher", publisher, "title", "Envoys meet", "url", "https://example.org/envoys-meet", "language", "en",
                "publishedOn", "2025-05-09"), data(read, "id", id).getMap("source"));

        b.await(By.linkText("Edit this source")).click();
        b.awaitHeading("Edit source");
        awaitValue(b, "input.title", "Envoys meet");
        type(b, "input.title", "Envoys meet again");
        click(b, "Save changes");
        b.awaitHeading("Envoys meet again");
        assertEquals("Envoys meet again", data(read, "id", id).getString("source.title"));
        deleteFromPage(b, "source", "Nothing refers to it now");
        assertNull(data("query($id: ID!) { source(id: $id) { id } }", "id", id).get("source"));

        String cited = Fixtures.source(Fixtures.unique("Cited Wire"));
        Fixtures.person(Fixtures.unique("Person citing"), cited);
        deleteIsRefused(b, "source", cited, "source", "cited by 1 record", conflictMessage("deleteSource", cited));
    }

    // ------------------------------------------------------------------------------- pages
    /** Outcomes, statements, trips and envoy appointments have pages, found from search, people and talks. */
    @Test
    void theNewPagesLoadByUrlAndAreLinkedFromSearchPeopleAndTalks() {
        Browser b = browser == null ? (browser = Browser.open(root.toString(), 1280, 1000)) : browser;
        b.go("/");
        b.driver().executeScript("sessionStorage.clear()"); // a reader
        // Search: an outcome's hit links its page.
        String q = "Prisoner swap that freed Marc Fogel";
        JsonPath hits = data("query($q: String!) { search(query: $q, first: 30) { result { __typename ... on Outcome { id title } } } }", "q", q);
        List<String> types = hits.getList("search.result.__typename", String.class);
        int at = types.indexOf("Outcome");
        assertTrue(at >= 0, types::toString);
        String outcome = hits.getString("search[" + at + "].result.id");
        b.go("/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        WebElement link = b.await(By.cssSelector("ol.results > li:nth-child(" + (at + 1) + ") > a"));
        assertEquals("/outcomes/" + outcome, URI.create(link.getAttribute("href")).getPath());
        link.click();
        b.awaitHeading("Prisoner swap that freed Marc Fogel");
        b.awaitText(By.cssSelector("ul.figures"), "14");
        assertTrue(b.driver().findElement(By.cssSelector("dd.beneficiaries")).getText().contains("Marc Fogel"));
        assertTrue(b.driver().findElement(By.cssSelector("dd.credited")).getText().contains("Steve Witkoff"));
        b.await(By.cssSelector("section[aria-labelledby='record-sources'] ul.citations li"));
        assertEquals(0, b.driver().findElements(By.linkText("Edit this outcome")).size(), "readers are offered no editing");

        // A person's page links their appointments; the appointment's page its trips, each with a page.
        String witkoff = data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id envoyAppointments { id } } } }")
                .getString("people.nodes[0].envoyAppointments[0].id");
        b.go("/people/" + data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id"));
        b.await(By.cssSelector("ul.appointments a")).click();
        b.awaitHeading("Steve Witkoff, United States Special Envoy to the Middle East");
        assertEquals("/envoys/" + witkoff, b.path());
        b.await(By.linkText("Steve Witkoff to Moscow")).click();
        b.awaitHeading("Steve Witkoff to Moscow");
        String trip = b.path().substring("/trips/".length());
        b.await(By.linkText("Putin-Witkoff talks in Moscow"));
        b.await(By.cssSelector("figure.map svg"));

        // A talk's page links its statements' pages; each page also loads afresh by its URL.
        b.go("/trips/" + trip);
        b.awaitHeading("Steve Witkoff to Moscow");
        b.await(By.linkText("Putin-Witkoff talks in Moscow")).click();
        b.awaitHeading("Putin-Witkoff talks in Moscow");
        b.await(By.linkText("the statement's page")).click();
        b.awaitPath("/statements/");
        String statement = b.path().substring("/statements/".length());
        b.await(By.cssSelector("blockquote.statement"));
        b.go("/statements/" + statement);
        b.await(By.cssSelector("blockquote.statement"));
        b.go("/envoys/" + witkoff);
        b.awaitHeading("Steve Witkoff, United States Special Envoy to the Middle East");
        b.go("/outcomes/" + outcome);
        b.awaitHeading("Prisoner swap that freed Marc Fogel");
        b.driver().manage().window().setSize(new Dimension(1280, 1400));
        b.screenshot("outcome-page");
        b.driver().manage().window().setSize(new Dimension(1280, 1000));
    }

    /** The editing views are fetched only when an editor opens one: a reader's pages never load them. */
    @Test
    void theEditingViewsAreLoadedOnlyWhenAFormOpens() {
        Browser b = browser == null ? (browser = Browser.open(root.toString(), 1280, 1000)) : browser;
        b.go("/people/" + data("{ people(filter: {name: \"Steve Witkoff\"}) { nodes { id } } }").getString("people.nodes[0].id"));
        b.await(By.cssSelector("table.counterparts"));
        assertEquals(0L, editingScripts(b), "a reader's page does not fetch the editing views");
        b.driver().findElement(By.id("q")).sendKeys("Witkoff", Keys.ENTER);
        b.awaitPath("/search");
        b.await(By.cssSelector("ol.results"));
        assertEquals(0L, editingScripts(b));
        editorAndAdmin();
        b.driver().findElement(By.linkText("Record a talk")).click();
        b.awaitHeading("Record a talk");
        assertEquals(1L, editingScripts(b), "opening a form fetched them");
    }

    private static long editingScripts(Browser b) {
        return ((Number) b.driver().executeScript("return performance.getEntriesByType('resource')"
                + ".filter(e => /\\/record-form-[^/]*\\.js$/.test(e.name)).length")).longValue();
    }
}
