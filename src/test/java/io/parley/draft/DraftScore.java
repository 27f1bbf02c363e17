package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.parley.names.PersonNames;

/**
 * A draft bundle held against the demo data record by record. Recall counts the records of the
 * report's own demo file that cite the report; precision counts drafted records that are a demo
 * fact citing the report (in either demo file: the first report's text also supports outcomes
 * the second file records). People are the demo file's people. Two records are the same when:
 * people have names {@link PersonNames} takes for one person; talks share a participant and have
 * the same status; statements have the same speaker and the same verbatim-or-reported kind (the
 * closest quotes pair first); outcomes have the same kind (and figures, when both give one);
 * trips have the same traveller and destination country. Each matched pair is then checked
 * field by field (participants, date, precision, place; figures, beneficiaries).
 */
final class DraftScore {

    static final List<String> TYPES = List.of("people", "talks", "statements", "outcomes", "trips");

    record Tally(int expected, int found, int drafted, int correct) {
        double recall() {
            return expected == 0 ? 1 : (double) found / expected;
        }

        double precision() {
            return drafted == 0 ? 1 : (double) correct / drafted;
        }
    }

    final Map<String, Tally> tallies = new LinkedHashMap<>();
    /** Field checks on matched pairs: "talk participants" -> [right, checked]. */
    final Map<String, int[]> fields = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();
    final List<String> extras = new ArrayList<>();
    /** Dates the draft gives more precisely than the demo data, with the words that say so. */
    final List<String> finerDates = new ArrayList<>();

    private final JsonNode draft;
    private final String source;
    private final Map<String, JsonNode> expectedPeople = new LinkedHashMap<>();
    private final Map<String, String> draftPeople = new HashMap<>();
    private final Map<String, String> envoyPerson = new HashMap<>();
    private final Map<String, String> draftEnvoyPerson = new HashMap<>();

    DraftScore(JsonNode draft, JsonNode ownFile, JsonNode otherFile, String source) {
        this.draft = draft;
        this.source = source;
        for (JsonNode person : ownFile.path("people")) {
            expectedPeople.put(person.get("ref").asText(), person);
        }
        for (JsonNode file : List.of(ownFile, otherFile)) {
            for (JsonNode envoy : file.path("envoyAppointments")) {
                envoyPerson.put(envoy.get("ref").asText(), envoy.get("personId").asText());
            }
        }
        for (JsonNode envoy : draft.path("envoyAppointments")) {
            draftEnvoyPerson.put(envoy.get("ref").asText(), envoy.get("personId").asText());
        }
        scorePeople(draft.path("people"));
        for (String type : TYPES.subList(1, TYPES.size())) {
            score(type, citing(ownFile.path(type)), union(citing(ownFile.path(type)), citing(otherFile.path(type))),
                    list(draft.path(type)));
        }
    }

    Tally total() {
        int expected = 0, found = 0, drafted = 0, correct = 0;
        for (Tally tally : tallies.values()) {
            expected += tally.expected;
            found += tally.found;
            drafted += tally.drafted;
            correct += tally.correct;
        }
        return new Tally(expected, found, drafted, correct);
    }

    private void scorePeople(JsonNode drafted) {
        Set<String> matched = new HashSet<>();
        int correct = 0;
        for (JsonNode person : drafted) {
            String name = person.get("name").asText();
            String expected = null;
            for (Map.Entry<String, JsonNode> entry : expectedPeople.entrySet()) {
                PersonNames.Closeness closeness = PersonNames.get().closeness(name, entry.getValue().get("name").asText());
                if (closeness == PersonNames.Closeness.EXACT || closeness == PersonNames.Closeness.VARIANT) {
                    expected = entry.getKey();
                }
            }
            if (expected != null) {
                draftPeople.put(person.get("ref").asText(), expected);
                matched.add(expected);
                correct++;
            } else {
                extras.add("person " + name);
            }
        }
        expectedPeople.keySet().stream().filter(ref -> !matched.contains(ref)).forEach(ref -> misses.add("person " + ref));
        tallies.put("people", new Tally(expectedPeople.size(), matched.size(), drafted.size(), correct));
    }

    private void score(String type, List<JsonNode> own, List<JsonNode> supported, List<JsonNode> drafted) {
        Set<String> found = new HashSet<>();
        Set<JsonNode> used = new HashSet<>();
        int correct = 0;
        for (JsonNode record : drafted) {
            JsonNode best = null;
            double bestScore = 0;
            for (JsonNode expected : supported) {
                double score = same(type, record, expected);
                if (score > bestScore && !used.contains(expected)) {
                    best = expected;
                    bestScore = score;
                }
            }
            if (best == null) {
                extras.add(type + " " + describe(record));
                continue;
            }
            correct++;
            used.add(best);
            found.add(best.get("ref").asText());
            check(type, record, best);
        }
        for (JsonNode expected : own) {
            if (!found.contains(expected.get("ref").asText())) {
                misses.add(type + " " + expected.get("ref").asText());
            }
        }
        int ownFound = (int) own.stream().filter(e -> found.contains(e.get("ref").asText())).count();
        tallies.put(type, new Tally(own.size(), ownFound, drafted.size(), correct));
    }

    /** How alike a drafted and a demo record are: 0 when they are not the same record. */
    private double same(String type, JsonNode drafted, JsonNode expected) {
        switch (type) {
            case "talks": {
                Set<String> a = people(drafted.path("participants"), "personId", true);
                Set<String> b = people(expected.path("participants"), "personId", false);
                Set<String> both = new HashSet<>(a);
                both.retainAll(b);
                if (both.isEmpty() || !drafted.path("status").asText().equals(expected.path("status").asText())) {
                    return 0;
                }
                Set<String> all = new HashSet<>(a);
                all.addAll(b);
                return (double) both.size() / all.size() + (sameCountry(drafted.path("location"), expected.path("location")) ? 0.5 : 0);
            }
            case "statements": {
                String speaker = draftPeople.get(drafted.path("speakerId").asText());
                if (speaker == null || !speaker.equals(expected.path("speakerId").asText())
                        || drafted.path("verbatim").asBoolean() != expected.path("verbatim").asBoolean()) {
                    return 0;
                }
                return 0.1 + overlap(drafted.path("quote").asText(), expected.path("quote").asText());
            }
            case "outcomes": {
                if (!drafted.path("kind").asText().equals(expected.path("kind").asText())) {
                    return 0;
                }
                return 0.5 + overlap(drafted.path("description").asText(), expected.path("description").asText());
            }
            case "trips": {
                String traveller = draftPeople.get(draftEnvoyPerson.get(drafted.path("envoyId").asText()));
                String expectedTraveller = envoyPerson.get(expected.path("envoyId").asText());
                if (traveller == null || !traveller.equals(expectedTraveller)
                        || !sameCountry(drafted.path("destination"), expected.path("destination"))) {
                    return 0;
                }
                return 1 + (drafted.path("destination").path("geonamesId").asInt(-1)
                        == expected.path("destination").path("geonamesId").asInt(-2) ? 1 : 0);
            }
            default:
                return 0;
        }
    }

    /** Field by field, for a drafted record and the demo record it is. */
    private void check(String type, JsonNode drafted, JsonNode expected) {
        switch (type) {
            case "talks" -> {
                field("talk participants", people(drafted.path("participants"), "personId", true)
                        .equals(people(expected.path("participants"), "personId", false)));
                dates("talk", drafted, expected, "date", "datePrecision");
                field("talk place (country)", sameCountry(drafted.path("location"), expected.path("location")));
                if (expected.path("location").has("geonamesId")) {
                    field("talk place (city, GeoNames ID)", drafted.path("location").path("geonamesId").asInt(-1)
                            == expected.path("location").path("geonamesId").asInt());
                }
                field("talk format", drafted.path("format").asText().equals(expected.path("format").asText()));
            }
            case "statements" -> {
                field("statement speaker", true);
                field("statement verbatim", true);
                dates("statement", drafted, expected, "saidOn", "saidOnPrecision");
            }
            case "outcomes" -> {
                Set<Long> a = new HashSet<>();
                drafted.path("figures").forEach(f -> a.add(f.path("value").asLong()));
                Set<Long> b = new HashSet<>();
                expected.path("figures").forEach(f -> b.add(f.path("value").asLong()));
                field("outcome figures", a.equals(b));
                field("outcome beneficiaries", people(drafted.path("beneficiaryIds"), null, true)
                        .equals(people(expected.path("beneficiaryIds"), null, false)));
                dates("outcome", drafted, expected, "date", "datePrecision");
            }
            case "trips" -> field("trip destination (city or country)", true);
            default -> {
            }
        }
    }

    /** The drafted date must fall within the demo's; finer is right only where the report's words say so. */
    private void dates(String what, JsonNode drafted, JsonNode expected, String dateField, String precisionField) {
        if (!expected.hasNonNull(dateField)) {
            return;
        }
        LocalDate d = LocalDate.parse(drafted.path(dateField).asText());
        String dp = drafted.path(precisionField).asText("DAY");
        LocalDate e = LocalDate.parse(expected.path(dateField).asText());
        String ep = expected.path(precisionField).asText("DAY");
        boolean draftWithin = !d.isBefore(e) && !end(d, dp).isAfter(end(e, ep));
        boolean demoWithin = !e.isBefore(d) && !end(e, ep).isAfter(end(d, dp));
        field(what + " date agrees with the demo's (one span within the other)", draftWithin || demoWithin);
        field(what + " date as precise as the demo's", order(dp) <= order(ep));
        if (order(dp) < order(ep)) {
            finerDates.add(what + " " + describe(drafted) + ": " + d + " " + dp + " (demo " + e + " " + ep + ")");
        }
    }

    private static int order(String precision) {
        return List.of("DAY", "WEEK", "MONTH", "YEAR").indexOf(precision);
    }

    private static LocalDate end(LocalDate date, String precision) {
        return switch (precision) {
            case "WEEK" -> date.plusDays(6);
            case "MONTH" -> date.plusMonths(1).minusDays(1);
            case "YEAR" -> date.plusYears(1).minusDays(1);
            default -> date;
        };
    }

    private void field(String name, boolean right) {
        int[] counts = fields.computeIfAbsent(name, n -> new int[2]);
        counts[0] += right ? 1 : 0;
        counts[1]++;
    }

    /** The demo people a list of person refs names (drafted refs mapped to the demo's). */
    private Set<String> people(JsonNode list, String field, boolean drafted) {
        Set<String> refs = new HashSet<>();
        for (JsonNode item : list) {
            String ref = (field == null ? item : item.path(field)).asText();
            refs.add(drafted ? draftPeople.getOrDefault(ref, "?" + ref) : ref);
        }
        return refs;
    }

    private static boolean sameCountry(JsonNode a, JsonNode b) {
        return a.path("countryCode").asText("?").equalsIgnoreCase(b.path("countryCode").asText("!"));
    }

    private static double overlap(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        return all.isEmpty() ? 0 : (double) both.size() / all.size();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String word : PersonNames.key(text).split(" ")) {
            if (word.length() > 2) {
                words.add(word);
            }
        }
        return words;
    }

    private List<JsonNode> citing(JsonNode records) {
        List<JsonNode> citing = new ArrayList<>();
        for (JsonNode record : records) {
            for (JsonNode citation : record.path("citations")) {
                if (citation.path("sourceId").asText().equals(source)) {
                    citing.add(record);
                    break;
                }
            }
        }
        return citing;
    }

    private static List<JsonNode> union(List<JsonNode> a, List<JsonNode> b) {
        Map<String, JsonNode> byRef = new LinkedHashMap<>();
        a.forEach(r -> byRef.put(r.get("ref").asText(), r));
        b.forEach(r -> byRef.putIfAbsent(r.get("ref").asText(), r));
        return new ArrayList<>(byRef.values());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static String describe(JsonNode record) {
        for (String field : List.of("title", "name", "quote")) {
            if (record.has(field)) {
                String text = record.get(field).asText();
                return "'" + (text.length() > 80 ? text.substring(0, 80) + "…" : text) + "'";
            }
        }
        return record.path("ref").asText() + " " + record.path("destination").path("name").asText();
    }
}
