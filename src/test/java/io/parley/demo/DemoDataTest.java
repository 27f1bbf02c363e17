package io.parley.demo;

import static io.parley.graphql.GraphQLClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Questions a reader of the two seed reports would ask, answered through the contract's queries. */
@QuarkusTest
public class DemoDataTest {

    /** Who published the two seed reports: their text does not name the outlet. */
    static final String REPORT_PUBLISHER = "Unnamed news outlet";

    static String personId(String name) {
        JsonPath found = data("query($n: String) { people(filter: {name: $n}) { nodes { id name } } }", "n", name);
        List<String> names = found.getList("people.nodes.name");
        return found.getString("people.nodes[" + names.indexOf(name) + "].id");
    }

    @Test
    void whenAndHowPutinAndWitkoffMetInMoscow() {
        JsonPath talks = data("""
                query($ids: [ID!]) {
                  talks(filter: {participantIds: $ids, countryCode: "RU", from: "2025-03-01", to: "2025-03-31"}) {
                    totalCount
                    nodes { title date datePrecision format closedDoor status location { city countryCode }
                            participants { role person { name } asEnvoy { title } }
                            citations { excerpt source { publisher } } }
                  }
                }""", "ids", List.of(personId("Vladimir Putin"), personId("Steve Witkoff")))
                .setRootPath("talks");
        assertEquals(1, talks.getInt("totalCount"));
        assertEquals("2025-03-13", talks.getString("nodes[0].date"));
        assertEquals("DAY", talks.getString("nodes[0].datePrecision"));
        assertEquals("IN_PERSON", talks.getString("nodes[0].format"));
        assertTrue(talks.getBoolean("nodes[0].closedDoor"));
        assertEquals("HELD", talks.getString("nodes[0].status"));
        assertEquals("Moscow", talks.getString("nodes[0].location.city"));
        assertEquals(List.of("HOST", "VISITOR"), talks.getList("nodes[0].participants.role"));
        assertEquals("United States Special Envoy to the Middle East",
                talks.getString("nodes[0].participants[1].asEnvoy.title"));
        assertTrue(talks.getList("nodes[0].citations.source.publisher").containsAll(List.of("TASS")));
    }

    @Test
    void twoMeetingsHeldAndTheExpectedOneWouldBeTheThird() {
        List<String> pair = List.of(personId("Vladimir Putin"), personId("Steve Witkoff"));
        String query = "query($ids: [ID!], $s: [TalkStatus!]) { talks(filter: {participantIds: $ids, statuses: $s},"
                + " orderBy: {field: DATE, direction: ASC}) { totalCount nodes { title date datePrecision } } }";
        JsonPath held = data(query, "ids", pair, "s", List.of("HELD")).setRootPath("talks");
        assertEquals(2, held.getInt("totalCount"));
        assertEquals("2025-03-13", held.getString("nodes[1].date"));
        JsonPath expected = data(query, "ids", pair, "s", List.of("EXPECTED", "PLANNED")).setRootPath("talks");
        assertEquals(1, expected.getInt("totalCount"));
        assertTrue(expected.getString("nodes[0].title").contains("third"));
    }

    @Test
    void theMessagePutinSentAndWhatRussiaReceived() {
        JsonPath outcomes = data("""
                { outcomes(filter: {kinds: [MESSAGE_CONVEYED]}) {
                    nodes { title description date status talks { title } citations { source { publisher } } } } }""")
                .setRootPath("outcomes");
        List<String> descriptions = outcomes.getList("nodes.description");
        assertTrue(descriptions.contains("Through Witkoff, Putin conveyed information and additional signals for "
                + "President Trump."), descriptions::toString);
        assertTrue(descriptions.stream().anyMatch(d -> d.contains("Russian side was also provided with additional")));
        assertEquals(List.of("2025-03-13", "2025-03-13"), outcomes.getList("nodes.date"));
        assertEquals("Putin-Witkoff talks in Moscow", outcomes.getString("nodes[0].talks[0].title"));
    }

    @Test
    void hostagesAndPrisonersWithTheirNumbers() {
        JsonPath outcomes = data("""
                { outcomes(filter: {kinds: [HOSTAGE_RELEASE, PRISONER_RELEASE, PRISONER_EXCHANGE]}) {
                    nodes { kind title figures { label value approximate } beneficiaries { name }
                            creditedTo { name } track { name } } } }""").setRootPath("outcomes");
        List<Map<String, Object>> nodes = outcomes.getList("nodes");
        Map<String, Object> hostages = byKind(nodes, "HOSTAGE_RELEASE");
        Map<String, Object> prisoners = byKind(nodes, "PRISONER_RELEASE");
        Map<String, Object> fogel = byKind(nodes, "PRISONER_EXCHANGE");
        assertEquals(Map.of("label", "hostages freed from Hamas captivity", "value", 33, "approximate", false),
                figures(hostages).get(0));
        assertEquals(2000, figures(prisoners).get(0).get("value"));
        assertEquals(true, figures(prisoners).get(0).get("approximate"), "\"nearly 2,000\" is approximate");
        assertEquals(List.of(Map.of("name", "Marc Fogel")), fogel.get("beneficiaries"));
        assertEquals(14, figures(fogel).get(0).get("value"));
        assertEquals(List.of(Map.of("name", "Steve Witkoff")), hostages.get("creditedTo"));
    }

    @Test
    void whoWitkoffIsAndWhoAppointedHim() {
        JsonPath person = data("""
                query($id: ID!) { person(id: $id) { birthDate countryCode aliases wikidataId
                  positions { title organization }
                  envoyAppointments { title represents mandate announcedOn announcedOnPrecision active
                                      appointedBy { name } trips { totalCount } talks { totalCount } } } }""",
                "id", personId("Steve Witkoff")).setRootPath("person");
        assertEquals("1957-03-15", person.getString("birthDate"));
        assertTrue(person.getList("aliases").contains("Steven Charles Witkoff"));
        assertTrue(person.getList("positions.organization").contains("Witkoff Group"));
        assertEquals("United States Special Envoy to the Middle East", person.getString("envoyAppointments[0].title"));
        assertEquals("Middle East", person.getString("envoyAppointments[0].mandate"));
        assertEquals("Donald Trump", person.getString("envoyAppointments[0].appointedBy.name"));
        assertEquals("2024-11-01", person.getString("envoyAppointments[0].announcedOn"));
        assertEquals("MONTH", person.getString("envoyAppointments[0].announcedOnPrecision"));
        assertEquals(5, person.getInt("envoyAppointments[0].trips.totalCount"));
        assertEquals(6, person.getInt("envoyAppointments[0].talks.totalCount"));
    }

    @Test
    void whatWasSaidVerbatimOrReportedAndInWhatTone() {
        JsonPath statements = data("""
                query($ids: [ID!]) { statements(filter: {speakerIds: $ids}, first: 50) {
                  nodes { quote verbatim tone saidOn saidOnPrecision speaker { name }
                          citations { excerpt source { publisher } } } } }""",
                "ids", List.of(personId("Dmitry Peskov"), personId("Mike Waltz"))).setRootPath("statements");
        List<Map<String, Object>> nodes = statements.getList("nodes");
        Map<String, Object> signals = byQuote(nodes, "Through Witkoff, Putin conveyed information");
        assertEquals(true, signals.get("verbatim"));
        assertEquals("2025-03-14", signals.get("saidOn"));
        assertTrue(signals.get("citations").toString().contains("TASS"));
        Map<String, Object> optimism = byQuote(nodes, "There is certainly reason for cautious optimism");
        assertEquals("CAUTIOUSLY_OPTIMISTIC", optimism.get("tone"));
        Map<String, Object> waltz = byQuote(nodes, "The prospects for resolving the Ukraine conflict");
        assertEquals(false, waltz.get("verbatim"));
        assertEquals("Mike Waltz", ((Map<?, ?>) waltz.get("speaker")).get("name"));
        assertEquals("MONTH", waltz.get("saidOnPrecision"));
        assertTrue(byQuote(nodes, "still in Moscow").get("saidOn").equals("2025-03-13"));
    }

    @Test
    void izvestiaReportsTheEmbassyVisitOnTheMoscowTrip() {
        JsonPath trips = data("""
                { trips(filter: {countryCode: "RU"}) { nodes { destination { name } summary
                  talks { title } citations { excerpt source { publisher } } } } }""").setRootPath("trips");
        List<Map<String, Object>> nodes = trips.getList("nodes");
        Map<String, Object> moscow = nodes.stream()
                .filter(n -> "Moscow".equals(((Map<?, ?>) n.get("destination")).get("name"))).findFirst().orElseThrow();
        assertTrue(((String) moscow.get("summary")).contains("US Embassy"));
        assertTrue(((String) moscow.get("summary")).contains("Vnukovo"));
        assertTrue(moscow.get("citations").toString().contains("Izvestia"));
    }

    @Test
    void dmitrievAndKelloggAreEnvoysOfTheirPresidents() {
        JsonPath envoys = data("""
                { envoys(first: 100) { nodes { title represents mandate person { name } appointedBy { name } } } }""")
                .setRootPath("envoys");
        List<Map<String, Object>> nodes = envoys.getList("nodes");
        Map<String, Object> dmitriev = byPerson(nodes, "Kirill Dmitriev");
        assertEquals("RU", dmitriev.get("represents"));
        assertEquals("investment and international economic affairs", dmitriev.get("mandate"));
        assertEquals("Vladimir Putin", ((Map<?, ?>) dmitriev.get("appointedBy")).get("name"));
        Map<String, Object> kellogg = byPerson(nodes, "Keith Kellogg");
        assertEquals("Ukraine and Russia", kellogg.get("mandate"));
        assertEquals("Donald Trump", ((Map<?, ?>) kellogg.get("appointedBy")).get("name"));
    }

    @Test
    void everyFactOfTheReportsCitesTheReport() {
        Map<String, Integer> expected = Map.of("talks", 6, "trips", 6, "outcomes", 7, "statements", 10, "envoys", 3);
        expected.forEach((list, count) -> assertEquals(count.longValue(), citingTheReport(list), list));
    }

    /**
     * How many records of a list cite the report, reading every page: other tests share this
     * database and add records of their own (a bundle test imports 2,500 talks), so the demo's are
     * not always on the first page.
     */
    private static long citingTheReport(String list) {
        long citing = 0;
        String after = null;
        JsonPath page;
        do {
            page = data("query($after: String) { " + list + "(first: 100, after: $after) {"
                    + " nodes { citations { source { publisher } } } pageInfo { hasNextPage endCursor } } }",
                    "after", after).setRootPath(list);
            List<List<Map<String, Map<String, String>>>> citations = page.getList("nodes.citations");
            citing += citations.stream()
                    .filter(c -> c.stream().anyMatch(x -> REPORT_PUBLISHER.equals(x.get("source").get("publisher"))))
                    .count();
            after = page.getString("pageInfo.endCursor");
        } while (page.getBoolean("pageInfo.hasNextPage"));
        return citing;
    }

    private static Map<String, Object> byKind(List<Map<String, Object>> nodes, String kind) {
        return nodes.stream().filter(n -> kind.equals(n.get("kind"))).findFirst().orElseThrow();
    }

    private static Map<String, Object> byQuote(List<Map<String, Object>> nodes, String part) {
        return nodes.stream().filter(n -> ((String) n.get("quote")).contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement containing " + part + " in " + nodes));
    }

    private static Map<String, Object> byPerson(List<Map<String, Object>> nodes, String name) {
        return nodes.stream().filter(n -> name.equals(((Map<?, ?>) n.get("person")).get("name"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> figures(Map<String, Object> outcome) {
        return (List<Map<String, Object>>) outcome.get("figures");
    }
}
