package io.parley.search;

import static io.parley.graphql.GraphQLClient.badInputField;
import static io.parley.graphql.GraphQLClient.data;
import static io.parley.graphql.GraphQLClient.error;
import static io.parley.graphql.GraphQLClient.vars;
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
            for (String table : List.of("talk", "person", "statement")) {
                String plan = plan(sql, "explain select x.id from " + table + " x where x.search @@ word_tsquery('english', array['moscw']"
                        + " || forgiven_words('moscw') || word_completions('moscw'))");
                assertTrue(plan.contains(table + "_search_idx"), plan);
                assertFalse(plan.contains("Seq Scan"), plan);
            }
            String keys = plan(sql, "explain select word from search_word_key where key = any(deletion_keys('dmitriyev', 2))");
            assertTrue(keys.contains("search_word_key_idx"), keys);
            String completions = plan(sql, "explain select word from search_word where word like 'witk%'");
            assertTrue(completions.contains("search_word_word_idx"), completions);
        }
    }

    private static String plan(Statement sql, String explain) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Map<String, Object> top(String query) {
        List<Map<String, Object>> hits = hits(query);
        assertFalse(hits.isEmpty(), () -> query + " found nothing");
        return result(hits.get(0));
    }

    @Test
    void theIssuesQueriesFindTheRightRecordFirst() {
        assertEquals("Marc Fogel", top("fogle").get("name"), "a transposition in a 5-letter word");
        Map<String, Object> ceasefire = top("ceasfire");
        assertTrue(String.valueOf(ceasefire.get("title") != null ? ceasefire.get("title") : ceasefire.get("name"))
                .toLowerCase(java.util.Locale.ROOT).contains("ceasefire"), ceasefire::toString);
        assertEquals("Vladimir Putin", top("Путин").get("name"), "an alias in Cyrillic");
        assertEquals("Steve Witkoff", top("Vitkoff").get("name"));
        assertEquals("Mike Waltz", top("Michael Waltz").get("name"));
        assertEquals("Kirill Dmitriev", top("Dmitriyev").get("name"), "another transliteration");
        assertEquals("Dmitry Peskov", top("peskow").get("name"));
        assertEquals("Vladimir Putin", top("فلاديمير بوتين").get("name"), "an alias in Arabic script");
        assertEquals("Steve Witkoff", top("סטיב ויטקוף").get("name"), "an alias in Hebrew script");
    }

    /** A made-up word of letters only (numbers are never forgiven), different on every run, no letter doubled. */
    private static String word(int letters) {
        StringBuilder word = new StringBuilder("Q");
        java.util.Random random = new java.util.Random();
        while (word.length() < letters) {
            char next = (char) ('a' + random.nextInt(26));
            // No letter twice in a row: swapping two equal letters would be no typo at all.
            if (Character.toLowerCase(word.charAt(word.length() - 1)) != next) {
                word.append(next);
            }
        }
        return word.toString();
    }

    /** The word with the letter at {@code i} replaced by another. */
    private static String replaced(String word, int i) {
        return word.substring(0, i) + (word.charAt(i) == 'z' ? 'y' : 'z') + word.substring(i + 1);
    }

    /** The word with the letters at {@code i} and {@code i + 1} swapped. */
    private static String swapped(String word, int i) {
        char[] letters = word.toCharArray();
        char c = letters[i];
        letters[i] = letters[i + 1];
        letters[i + 1] = c;
        return new String(letters);
    }

    private static List<String> names(String query) {
        return hits(query).stream().map(SearchApiTest::result).map(r -> (String) r.get("name"))
                .filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void forgivesOneTypoFromFiveLettersAndTwoFromNine() {
        String four = word(4);
        String six = word(6);
        String ten = word(10);
        Fixtures.person("Ada " + four);
        Fixtures.person("Ada " + six);
        Fixtures.person("Ada " + ten);
        assertEquals(List.of(), names(replaced(four, 2)), "no typo forgiven under 5 letters");
        assertEquals(List.of("Ada " + six), names(swapped(six, 2)), "a transposition");
        assertEquals(List.of("Ada " + six), names(six.substring(0, 3) + "z" + six.substring(3)), "an insertion");
        assertEquals(List.of("Ada " + six), names(six.substring(0, 5)), "a deletion");
        assertEquals(List.of(), names(replaced(replaced(six, 2), 3)), "not two in six letters");
        assertEquals(List.of("Ada " + ten), names(replaced(replaced(ten, 3), 4)), "two in ten letters");
        assertEquals(List.of("Ada " + ten), names(replaced(swapped(ten, 1), 9)), "a transposition and a substitution");
        assertEquals(List.of(), names(replaced(replaced(replaced(ten, 2), 3), 4)), "not three");
        // None over 32 letters (V18): the longest forgiven still is, a longer one only as written.
        String longest = word(32);
        String longer = word(33);
        Fixtures.person("Ada " + longest);
        Fixtures.person("Ada " + longer);
        assertEquals(List.of("Ada " + longest), names(replaced(longest, 5)), "one typo in 32 letters");
        assertEquals(List.of(), names(replaced(longer, 5)), "no typo in 33 letters");
        assertEquals(List.of("Ada " + longer), names(longer), "33 letters as written");
    }

    @Test
    void exactThenCompletedThenForgivenAndNamesAboveMentions() {
        String name = word(7);
        String exact = Fixtures.person("Ada " + name);
        String longer = Fixtures.person("Ada " + name + "son");
        String typo = Fixtures.person("Ada " + swapped(name, 3));
        String talk = Fixtures.unique("Talk");
        data("mutation($input: TalkInput!) { recordTalk(input: $input) { id } }", "input", vars("title", talk,
                "date", "2025-03-13", "participants", List.of(vars("personId", exact, "role", "PARTICIPANT")),
                "summary", "Ada " + name + " was there."));
        List<Map<String, Object>> hits = data("""
                query($q: String!) { search(query: $q, first: 10) { result { __typename ... on Node { id } } } }""",
                "q", name).getList("search");
        List<Object> ids = hits.stream().map(hit -> result(hit).get("id")).toList();
        assertEquals(List.of(exact, longer, typo), ids.subList(0, 3), "exact, then completed, then forgiven: " + hits);
        assertEquals("Talk", result(hits.get(3)).get("__typename"), "the talk only mentions the name: " + hits);
    }

    @Test
    void numbersAreExactEvenAsTheLastWord() {
        String name = word(7);
        Fixtures.person("Ada " + name + " 17");
        Fixtures.person("Ada " + name + " 176");
        assertEquals(List.of("Ada " + name + " 17"), names(name + " 17"), "17 is not completed to 176");
        assertEquals(List.of("Ada " + name + " 17", "Ada " + name + " 176"), names(name).stream().sorted().toList());
    }

    @Test
    void listNameFiltersMatchAsSearchDoes() {
        List<String> people = data("query($n: String) { people(filter: {name: $n}) { nodes { name } } }", "n", "Vitkoff")
                .getList("people.nodes.name");
        assertEquals(List.of("Steve Witkoff"), people);
        assertEquals(List.of("Vladimir Putin"), data("query($n: String) { people(filter: {name: $n}) { nodes { name } } }",
                "n", "путин").getList("people.nodes.name"));
        assertEquals(List.of("Steve Witkoff"), data("query($n: String) { people(filter: {name: $n}) { nodes { name } } }",
                "n", "itko").getList("people.nodes.name"), "part of a name still matches");
        List<String> envoys = data("query($n: String) { envoys(filter: {name: $n}) { nodes { person { name } } } }", "n",
                "Witkof").getList("envoys.nodes.person.name");
        assertFalse(envoys.isEmpty());
        assertTrue(envoys.stream().allMatch("Steve Witkoff"::equals), envoys::toString);
    }

    @Test
    void suggestsWhatWasMeantWhenAWordIsTooFarOff() {
        String query = "query($q: String!, $first: Int) { searchSuggestions(query: $q, first: $first) }";
        assertEquals("witkoff", data(query, "q", "Witkxyz").getList("searchSuggestions", String.class).get(0));
        assertEquals("kirill dmitriev", data(query, "q", "Kirill Dmitrxxv").getList("searchSuggestions", String.class).get(0));
        assertEquals(List.of(), data(query, "q", "Witkoff").getList("searchSuggestions"), "nothing to correct");
        assertEquals(List.of(), data(query, "q", "Vitkoff").getList("searchSuggestions"), "search already forgives it");
        assertEquals("query", badInputField(query, "q", " "));
        error("LIMIT_EXCEEDED", query, "q", "Witkxyz", "first", 50);
    }

    @Test
    void writersAddingTheSameNewWordsNeverWaitForEachOther() throws Exception {
        String a = word(8);
        String b = word(8);
        try (Connection one = TestDatabase.connection(); Connection two = TestDatabase.connection()) {
            for (Connection connection : List.of(one, two)) {
                connection.setAutoCommit(false);
                connection.createStatement().execute("set statement_timeout = '5s'");
            }
            // Crosswise: with a unique vocabulary each would wait for the other's new word (a deadlock).
            insertPerson(one, "Ada " + a);
            insertPerson(two, "Ada " + b);
            insertPerson(two, "Bo " + a);
            insertPerson(one, "Bo " + b);
            one.commit();
            two.commit();
        }
        assertEquals(2, names(a).size());
        assertEquals(2, names(b.substring(0, 3) + b.charAt(4) + b.charAt(3) + b.substring(5)).size(), "and both are forgiven");
    }

    private static void insertPerson(Connection connection, String name) throws Exception {
        try (java.sql.PreparedStatement insert = connection.prepareStatement("insert into person (name) values (?)")) {
            insert.setString(1, name);
            insert.executeUpdate();
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
        assertFalse(data("query($t: String) { statements(filter: {text: $t}) { nodes { quote } } }", "t", "optimsim")
                .getList("statements.nodes.quote").isEmpty(), "and in a quote");
    }
}
