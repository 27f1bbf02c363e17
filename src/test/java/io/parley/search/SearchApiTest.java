package io.parley.search;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.parley.TestDatabase;
import io.parley.graphql.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SearchApiTest {

    private static final String SEARCH = """
            query($q: String!, $first: Int) {
              search(query: $q, first: $first) {
                score snippet
                result { __typename ... on Person { name } ... on Talk { title } ... on Statement { quote }
                         ... on Outcome { title } ... on Source { publisher } ... on Track { name } }
              }
            }""";

    private static List<Map<String, Object>> hits(String query) {
        return data(SEARCH, "q", query, "first", 20).getList("search");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> result(Map<String, Object> hit) {
        return (Map<String, Object>) hit.get("result");
    }

    @Test
    void aNameRanksAboveTheRecordsThatMentionIt() {
        List<Map<String, Object>> hits = hits("Witkoff");
        assertEquals("Steve Witkoff", result(hits.get(0)).get("name"));
        assertTrue(hits.size() > 5, "talks, statements and sources mention him too");
        List<Double> scores = hits.stream().map(hit -> ((Number) hit.get("score")).doubleValue()).toList();
        assertEquals(scores.stream().sorted((a, b) -> Double.compare(b, a)).toList(), scores, "best match first");
    }

    @Test
    void toleratesTyposAccentsAndCase() {
        assertEquals("Steve Witkoff", result(hits("Witkof").get(0)).get("name"));
        assertEquals("Dmitry Peskov", result(hits("PESKÓV").get(0)).get("name"));
    }

    @Test
    void snippetsMarkTheMatchedWordsAndEscapeTheRest() {
        Map<String, Object> hit = hits("\"cautious optimism\"").stream()
                .filter(h -> "Statement".equals(result(h).get("__typename"))).findFirst().orElseThrow();
        assertTrue(((String) hit.get("snippet")).contains("<mark>cautious</mark> <mark>optimism</mark>"),
                hit::toString);
        String person = Fixtures.unique("Ada <script>alert(1)</script> Lovelace");
        Fixtures.person(person);
        String snippet = (String) hits("Lovelace").get(0).get("snippet");
        String markupLeft = snippet.replace("<mark>", "").replace("</mark>", "");
        assertTrue(snippet.contains("<mark>Lovelace</mark>") && markupLeft.indexOf('<') < 0
                && markupLeft.indexOf('>') < 0 && markupLeft.contains("&gt;"), snippet);
    }

    @Test
    void websearchSyntaxNarrowsAndExcludes() {
        List<String> types = hits("hostages -Putin").stream().map(h -> (String) result(h).get("__typename")).toList();
        assertTrue(types.contains("Outcome"), types::toString);
        assertTrue(hits("hostages -Putin").stream().noneMatch(h -> h.toString().contains("Putin")));
    }

    @Test
    void searchesAreServedByIndexes() throws Exception {
        try (Connection connection = TestDatabase.connection(); Statement sql = connection.createStatement()) {
            sql.execute("set enable_seqscan = off");
            for (String[] table : new String[][] { { "talk", "fold(x.title)" },
                    { "person", "fold(x.name || ' ' || join_words(x.aliases))" }, { "statement", "fold(x.quote)" } }) {
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = sql.executeQuery("explain select x.id from " + table[0] + " x where x.search @@ "
                        + "websearch_to_tsquery('english', fold('Moscow')) or " + table[1] + " %> fold('Moscow')")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertTrue(plan.indexOf(table[0] + "_search_idx") >= 0, plan::toString);
                assertTrue(plan.indexOf("_trgm_idx") >= 0, plan::toString);
                assertFalse(plan.indexOf("Seq Scan") >= 0, plan::toString);
            }
        }
    }

    @Test
    void findsNothingForNonsenseAndRefusesBlankQueries() {
        assertEquals(List.of(), hits("zzqxjv"));
        assertEquals(List.of(), hits("' or 1=1; drop table talk; --"));
        assertEquals("query", badInputField(SEARCH, "q", "   ", "first", 5));
        error("LIMIT_EXCEEDED", SEARCH, "q", "Putin", "first", 500);
        assertEquals(2, data(SEARCH, "q", "Putin", "first", 2).getList("search").size());
    }

    @Test
    void talkAndStatementTextFiltersUseTheSameSearch() {
        List<String> talks = data("query($t: String) { talks(filter: {text: $t}) { nodes { title } } }", "t", "Dmitriev")
                .getList("talks.nodes.title");
        assertTrue(talks.containsAll(List.of("Witkoff meets Kirill Dmitriev in Russia",
                "Witkoff hosts Kirill Dmitriev in Washington")), talks::toString);
        List<String> quotes = data("query($t: String) { statements(filter: {text: $t}) { nodes { quote } } }", "t",
                "optimism").getList("statements.nodes.quote");
        assertEquals(2, quotes.size(), quotes::toString);
        assertFalse(data("query($t: String) { talks(filter: {text: $t}) { nodes { title } } }", "t", "Moscw")
                .getList("talks.nodes.title").isEmpty(), "a typo in a title still matches");
    }
}
