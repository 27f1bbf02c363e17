package io.parley.draft;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.common.DatePrecision;
import io.parley.names.PersonNames;

/**
 * The last step: a drafted report written as a report bundle the importer takes unchanged, and a
 * proposal per record for the reviewer. The report is the bundle's one new source; each cited
 * sentence is one of its passages. A record Parley already holds is written as stored (the
 * {@code closure} of stored records and what they refer to) plus what the report adds: a
 * citation, a more precise date, another spelling of a name. New records get refs of their own;
 * titles the importer would take for a stored record's get the date, or a number, added.
 */
final class DraftBundleWriter {

    static final String SOURCE = "report";
    private static final Pattern BETWEEN = Pattern.compile(
            "between ((?:the )?[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?) and ((?:the )?[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)?)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final ObjectMapper json;
    private final DraftedReport report;
    private final ReportInput input;
    private final ObjectNode closure;
    private final Holdings holdings;
    private final ObjectNode bundle;
    private final Map<String, ObjectNode> stored = new HashMap<>();
    private final List<DraftProposal> proposals = new ArrayList<>();
    private final Map<DraftRecord, String> refs = new HashMap<>();
    private final Set<Sentence> cited = new HashSet<>();
    private final Set<ObjectNode> added = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    DraftBundleWriter(ObjectMapper json, DraftedReport report, ReportInput input, ObjectNode closure, Holdings holdings) {
        this.json = json;
        this.report = report;
        this.input = input;
        this.closure = closure;
        this.holdings = holdings;
        this.bundle = json.createObjectNode();
    }

    BundleDraft write(int tookMs) {
        bundle.put("description", "Drafted by Parley from \"" + (input.title != null ? input.title : input.publisher)
                + "\" (" + input.publishedOn + "): every record cites the passage it was read from.");
        closure.fields().forEachRemaining(collection -> {
            for (JsonNode record : collection.getValue()) {
                stored.put(record.get("ref").asText(), (ObjectNode) record);
            }
        });
        ObjectNode source = json.createObjectNode();
        source.put("ref", SOURCE).put("publisher", input.publisher);
        putIfSet(source, "title", input.title);
        putIfSet(source, "url", input.url);
        source.put("publishedOn", input.publishedOn.toString());
        source.put("language", input.language == null ? "en" : input.language);
        ArrayNode sources = bundle.putArray("sources");
        sources.add(source);
        for (JsonNode storedSource : closure.path("sources")) {
            sources.add(storedSource);
        }
        people();
        envoys();
        talks();
        trips();
        outcomes();
        statements();
        ArrayNode passages = source.putArray("passages");
        report.sentences().stream().filter(cited::contains).forEach(sentence -> passages.add(json.createObjectNode()
                .put("ref", passageRef(sentence)).put("text", clip(sentence.text(), 10_000))));
        // Stored records the new ones only refer to (a talk's track, an appointment's person) travel along unchanged.
        for (String collection : List.of("people", "envoyAppointments", "tracks", "talks", "trips", "outcomes", "statements")) {
            ArrayNode records = collection(collection);
            Set<String> present = new HashSet<>();
            records.forEach(record -> present.add(record.get("ref").asText()));
            for (JsonNode record : closure.path(collection)) {
                if (!present.contains(record.get("ref").asText())) {
                    records.add(record);
                }
            }
        }
        return new BundleDraft(bundle.toString(), proposals, tookMs);
    }

    // ---------------------------------------------------------------- records

    private void people() {
        int n = 0;
        for (DraftPerson person : report.people()) {
            ObjectNode record;
            List<String> notes = new ArrayList<>();
            if (person.storedId != null && stored.containsKey(person.storedId)) {
                record = stored.get(person.storedId);
                // A spelling the stored person does not have yet (case, accents and punctuation
                // aside) is added as an alias: a full name, or a lone surname spelled unlike theirs.
                ArrayNode aliases = record.withArray("aliases");
                Set<String> known = new HashSet<>();
                Set<String> surnames = new HashSet<>();
                List<String> had = new ArrayList<>(List.of(record.path("name").asText()));
                aliases.forEach(alias -> had.add(alias.asText()));
                record.path("aliasesWithLanguage").forEach(alias -> had.add(alias.path("name").asText()));
                for (String name : had) {
                    known.add(PersonNames.key(name));
                    surnames.add(PersonNames.surname(name));
                }
                Set<String> written = new LinkedHashSet<>(person.spellings);
                person.mentions.forEach(mention -> written.add(mention.written()));
                for (String spelling : written) {
                    String key = PersonNames.key(spelling);
                    if (key.isEmpty() || known.contains(key) || !key.contains(" ") && surnames.contains(key)) {
                        continue;
                    }
                    known.add(key);
                    aliases.add(spelling);
                    notes.add("another spelling: " + spelling);
                }
                notes.add(0, "a citation of this report");
            } else {
                record = json.createObjectNode().put("ref", "person-" + ++n).put("name", person.name);
                List<String> aliases = person.spellings.stream().filter(s -> !s.equals(person.name) && s.contains(" ")).toList();
                if (!aliases.isEmpty()) {
                    ArrayNode list = record.putArray("aliases");
                    aliases.forEach(list::add);
                }
                if (person.born != null && person.born.precision() == DatePrecision.DAY) {
                    record.put("birthDate", person.born.date().toString());
                }
                putIfSet(record, "countryCode", person.countryCode);
                if (person.role != null) {
                    record.put("summary", sentenceCase(person.role));
                    record.putArray("positions").add(json.createObjectNode().put("title", clip(sentenceCase(person.role), 300)));
                }
            }
            refs.put(person, record.get("ref").asText());
            Sentence passage = person.roleMention != null ? person.roleMention.sentence() : person.firstMention().sentence();
            cite(record, passage);
            add("people", record);
            String label = person.name + (person.role != null ? " (" + person.role + ")" : "");
            propose(person, "people", label, List.of(passage), notes);
        }
    }

    private void envoys() {
        int n = 0;
        for (DraftEnvoy envoy : report.envoys()) {
            ObjectNode record;
            if (envoy.storedId != null && stored.containsKey(envoy.storedId)) {
                record = stored.get(envoy.storedId);
            } else {
                record = json.createObjectNode().put("ref", "envoy-" + ++n).put("personId", refs.get(envoy.person))
                        .put("title", clip(envoy.title, 300)).put("represents", envoy.represents);
                if (envoy.appointedBy != null && refs.containsKey(envoy.appointedBy)) {
                    record.put("appointedById", refs.get(envoy.appointedBy));
                }
                putIfSet(record, "mandate", envoy.mandate);
                if (envoy.announcedOn != null) {
                    record.put("announcedOn", envoy.announcedOn.date().toString())
                            .put("announcedOnPrecision", envoy.announcedOn.precision().name());
                }
            }
            refs.put(envoy, record.get("ref").asText());
            envoy.passages.forEach(passage -> cite(record, passage));
            add("envoyAppointments", record);
            propose(envoy, "envoyAppointments", envoy.person.name + ": " + envoy.title, envoy.passages, envoy.adds);
        }
    }

    private void talks() {
        int n = 0;
        Map<DraftTalk, String> titles = new LinkedHashMap<>();
        for (DraftTalk talk : report.talks()) {
            titles.put(talk, talkTitle(talk));
        }
        Set<String> taken = holdings.takenTitles("talks", titles.values());
        for (DraftTalk talk : report.talks()) {
            ObjectNode record;
            List<String> notes = new ArrayList<>(talk.adds);
            if (talk.storedId != null && stored.containsKey(talk.storedId)) {
                record = stored.get(talk.storedId);
                datePrecisely(record, talk.date);
                ArrayNode participants = record.withArray("participants");
                Set<String> present = new HashSet<>();
                participants.forEach(p -> present.add(p.path("personId").asText()));
                talk.roles.forEach((person, role) -> {
                    String ref = refs.get(person);
                    if (ref != null && !present.contains(ref)) {
                        participants.add(participant(person, role));
                        notes.add("a participant: " + person.name);
                    }
                });
            } else {
                String title = unique(titles.get(talk), taken);
                record = json.createObjectNode().put("ref", "talk-" + ++n).put("title", title);
                putDate(record, talk.date);
                ObjectNode location = location(talk.places);
                if (location != null) {
                    record.set("location", location);
                }
                record.put("format", talk.format);
                if (talk.closedDoor != null) {
                    record.put("closedDoor", talk.closedDoor);
                }
                record.put("status", talk.status);
                ArrayNode participants = record.putArray("participants");
                talk.roles.forEach((person, role) -> participants.add(participant(person, role)));
                if (talk.date.text().isEmpty()) {
                    notes.add("the report does not date it: the year of publication");
                }
            }
            refs.put(talk, record.get("ref").asText());
            talk.passages.forEach(passage -> cite(record, passage));
            add("talks", record);
            propose(talk, "talks", record.get("title").asText() + " (" + talk.status + ")", talk.passages, notes);
        }
    }

    private ObjectNode participant(DraftPerson person, String role) {
        ObjectNode participant = json.createObjectNode().put("personId", refs.get(person)).put("role", role);
        for (DraftEnvoy envoy : report.envoys()) {
            if (envoy.person == person && refs.containsKey(envoy)) {
                participant.put("envoyId", refs.get(envoy));
            }
        }
        return participant;
    }

    private void trips() {
        int n = 0;
        for (DraftTrip trip : report.trips()) {
            DraftEnvoy envoy = report.envoys().stream().filter(e -> e.person == trip.traveller).findFirst().orElse(null);
            if (envoy == null || !refs.containsKey(envoy)) {
                continue;
            }
            if (trip.storedId != null && stored.containsKey(trip.storedId)) {
                ObjectNode record = stored.get(trip.storedId);
                refs.put(trip, record.get("ref").asText());
                trip.passages.forEach(passage -> cite(record, passage));
                add("trips", record);
                propose(trip, "trips", trip.traveller.name + " to " + trip.destination.name(), trip.passages, trip.adds);
                continue;
            }
            ObjectNode record = json.createObjectNode().put("ref", "trip-" + ++n).put("envoyId", refs.get(envoy));
            record.set("destination", location(List.of(trip.destination)));
            if (trip.arrivedOn != null && trip.arrivedOn.precision() == DatePrecision.DAY) {
                record.put("arrivedOn", trip.arrivedOn.date().toString());
            }
            ArrayNode talks = record.putArray("talkIds");
            trip.talks.stream().filter(refs::containsKey).forEach(talk -> talks.add(refs.get(talk)));
            if (!trip.talks.isEmpty()) {
                Set<String> others = new java.util.LinkedHashSet<>();
                trip.talks.forEach(talk -> talk.participants().stream().filter(p -> p != trip.traveller)
                        .forEach(p -> others.add(p.name)));
                if (!others.isEmpty()) {
                    record.put("purpose", "Talks with " + String.join(" and ", others));
                }
            }
            refs.put(trip, record.get("ref").asText());
            trip.passages.forEach(passage -> cite(record, passage));
            add("trips", record);
            propose(trip, "trips", trip.traveller.name + " to " + trip.destination.name(), trip.passages, trip.adds);
        }
    }

    private void outcomes() {
        int n = 0;
        Map<DraftOutcome, String> titles = new LinkedHashMap<>();
        for (DraftOutcome outcome : report.outcomes()) {
            titles.put(outcome, outcomeTitle(outcome));
        }
        Set<String> taken = holdings.takenTitles("outcomes", titles.values());
        Set<String> used = new HashSet<>();
        for (DraftOutcome outcome : report.outcomes()) {
            ObjectNode record;
            List<String> notes = new ArrayList<>(outcome.adds);
            if (outcome.storedId != null && stored.containsKey(outcome.storedId)) {
                record = stored.get(outcome.storedId);
                datePrecisely(record, outcome.date);
                ArrayNode figures = record.withArray("figures");
                for (DraftOutcome.Figure figure : outcome.figures) {
                    boolean known = false;
                    for (JsonNode stored : figures) {
                        known |= stored.path("value").asLong() == figure.value();
                    }
                    if (!known) {
                        figures.add(json.createObjectNode().put("label", clip(figure.label(), 300)).put("value", figure.value())
                                .put("approximate", figure.approximate()));
                        notes.add("a figure: " + figure.value() + " " + figure.label());
                    }
                }
                addPeople(record.withArray("beneficiaryIds"), outcome.beneficiaries, "someone freed", notes);
                addPeople(record.withArray("creditedToIds"), outcome.creditedTo, "someone credited", notes);
            } else {
                String title = unique(titles.get(outcome), taken);
                while (!used.add(title)) {
                    title = unique(title, Set.of(title));
                }
                record = json.createObjectNode().put("ref", "outcome-" + ++n).put("kind", outcome.kind)
                        .put("status", outcome.status).put("title", clip(title, 300));
                record.put("description", clip(outcome.firstPassage().text(), 10_000));
                putDate(record, outcome.date);
                ArrayNode talks = record.putArray("talkIds");
                outcome.talks.stream().filter(refs::containsKey).forEach(talk -> talks.add(refs.get(talk)));
                ArrayNode figures = record.putArray("figures");
                outcome.figures.forEach(figure -> figures.add(json.createObjectNode().put("label", clip(figure.label(), 300))
                        .put("value", figure.value()).put("approximate", figure.approximate())));
                ArrayNode freed = record.putArray("beneficiaryIds");
                outcome.beneficiaries.stream().filter(refs::containsKey).forEach(p -> freed.add(refs.get(p)));
                ArrayNode credited = record.putArray("creditedToIds");
                outcome.creditedTo.stream().filter(refs::containsKey).forEach(p -> credited.add(refs.get(p)));
                if (outcome.date.text().isEmpty()) {
                    notes.add("the report does not date it: the year of publication");
                }
            }
            refs.put(outcome, record.get("ref").asText());
            outcome.passages.forEach(passage -> cite(record, passage));
            add("outcomes", record);
            propose(outcome, "outcomes", record.get("title").asText() + " (" + outcome.kind + ")", outcome.passages, notes);
        }
    }

    /** People a stored record's list lacks, added with a note ("someone freed: Marc Fogel"). */
    private void addPeople(ArrayNode ids, List<DraftPerson> people, String what, List<String> notes) {
        Set<String> present = new HashSet<>();
        ids.forEach(id -> present.add(id.asText()));
        for (DraftPerson person : people) {
            String ref = refs.get(person);
            if (ref != null && present.add(ref)) {
                ids.add(ref);
                notes.add(what + ": " + person.name);
            }
        }
    }

    private void statements() {
        int n = 0;
        for (DraftStatement statement : report.statements()) {
            if (!refs.containsKey(statement.speaker)) {
                continue;
            }
            ObjectNode record;
            List<String> notes = new ArrayList<>(statement.adds);
            if (statement.storedId != null && stored.containsKey(statement.storedId)) {
                record = stored.get(statement.storedId);
            } else {
                record = json.createObjectNode().put("ref", "statement-" + ++n).put("speakerId", refs.get(statement.speaker))
                        .put("quote", clip(statement.quote, 10_000)).put("verbatim", statement.verbatim)
                        .put("saidOn", statement.saidOn.date().toString()).put("saidOnPrecision", statement.saidOn.precision().name());
                putIfSet(record, "tone", statement.tone);
                if (statement.talk != null && refs.containsKey(statement.talk)) {
                    record.put("talkId", refs.get(statement.talk));
                }
                if (statement.saidOn.text().isEmpty()) {
                    notes.add("the report does not date it: the year of publication");
                }
            }
            refs.put(statement, record.get("ref").asText());
            statement.passages.forEach(passage -> cite(record, passage));
            add("statements", record);
            propose(statement, "statements", statement.speaker.name + (statement.verbatim ? ": \"" : " (reported): ")
                    + clip(statement.quote, 120) + (statement.verbatim ? "\"" : ""), statement.passages, notes);
        }
    }

    // ---------------------------------------------------------------- parts

    private static void putDate(ObjectNode record, DateMention date) {
        record.put("date", date.date().toString()).put("datePrecision", date.precision().name());
    }

    /** A stored record's date, made as precise as the report states it (never less, never by assumption). */
    private static void datePrecisely(ObjectNode record, DateMention date) {
        DatePrecision was = DatePrecision.valueOf(record.path("datePrecision").asText("YEAR"));
        if (!date.text().isEmpty() && date.precision().ordinal() < was.ordinal()) {
            putDate(record, date);
        }
    }

    /** Adds a record to its collection once: two drafted records may be the one stored record. */
    private void add(String collection, ObjectNode record) {
        if (added.add(record)) {
            collection(collection).add(record);
        }
    }

    private ArrayNode collection(String name) {
        return bundle.has(name) ? (ArrayNode) bundle.get(name) : bundle.putArray(name);
    }

    private void cite(ObjectNode record, Sentence passage) {
        cited.add(passage);
        ArrayNode citations = record.withArray("citations");
        String ref = passageRef(passage);
        for (JsonNode citation : citations) {
            if (ref.equals(citation.path("passage").asText())) {
                return;
            }
        }
        citations.add(json.createObjectNode().put("sourceId", SOURCE).put("passage", ref));
    }

    private void propose(DraftRecord record, String collection, String label, List<Sentence> passages, List<String> notes) {
        List<DraftPassage> spans = passages.stream()
                .map(s -> new DraftPassage(passageRef(s), s.start(), s.end(), s.text())).toList();
        proposals.add(new DraftProposal(refs.get(record), collection, clip(label, 300),
                record.storedId != null && stored.containsKey(record.storedId) ? DraftAction.MATCH : DraftAction.CREATE,
                record.storedId != null && stored.containsKey(record.storedId) ? record.storedId : null, spans,
                Math.round(Math.max(0.05, Math.min(0.99, record.confidence)) * 100) / 100.0, List.copyOf(notes)));
    }

    private static String passageRef(Sentence sentence) {
        return SOURCE + "/s" + (sentence.index() + 1);
    }

    private ObjectNode location(List<PlaceMention> places) {
        if (places.isEmpty()) {
            return null;
        }
        if (places.size() > 1) {
            return json.createObjectNode().put("name", String.join(" and ", places.stream().map(PlaceMention::name).toList()));
        }
        PlaceMention place = places.get(0);
        ObjectNode location = json.createObjectNode().put("name", place.name());
        if (place.city() != null) {
            location.put("city", place.city().name()).put("countryCode", place.city().countryCode())
                    .put("latitude", place.city().latitude()).put("longitude", place.city().longitude())
                    .put("geonamesId", place.city().geonamesId());
        } else {
            location.put("countryCode", place.countryCode());
        }
        return location;
    }

    /** "Putin-Witkoff talks in Moscow, 13 March 2025"; "Expected Putin-Witkoff meeting in Russia, 2025". */
    private static String talkTitle(DraftTalk talk) {
        List<String> surnames = talk.participants().stream().limit(3).map(p -> p.name.substring(p.name.lastIndexOf(' ') + 1)).toList();
        String who = String.join("-", surnames);
        String what = switch (talk.format) {
            case "SHUTTLE" -> who + " shuttle diplomacy";
            case "PHONE" -> who + " phone call";
            case "VIDEO" -> who + " video call";
            default -> talk.roles.size() == 1 ? who + "'s mediation" : who + " talks";
        };
        if (!"HELD".equals(talk.status)) {
            what = sentenceCase(talk.status.toLowerCase(Locale.ROOT)) + " " + what;
        }
        Matcher between = BETWEEN.matcher(talk.firstPassage().text());
        if (talk.roles.size() == 1 && between.find()) {
            what += " between " + between.group(1) + " and " + between.group(2);
        }
        if (!talk.places.isEmpty()) {
            what += (talk.places.size() > 1 ? " between " : " in ")
                    + String.join(" and ", talk.places.stream().map(PlaceMention::name).toList());
        }
        return clip(what + ", " + dateLabel(talk.date), 300);
    }

    private static String outcomeTitle(DraftOutcome outcome) {
        String title = switch (outcome.kind) {
            case "MESSAGE_CONVEYED" -> outcome.recipient != null
                    ? "Message" + (outcome.sender != null ? " from " + outcome.sender.name : "") + " to " + outcome.recipient.name
                            + (outcome.through != null ? " through " + outcome.through.name : "")
                    : outcome.recipientPhrase != null ? "Information provided to " + outcome.recipientPhrase : "Message conveyed";
            case "PRISONER_EXCHANGE" -> "Prisoner exchange" + freeing(outcome);
            case "HOSTAGE_RELEASE" -> figure(outcome, "Hostages freed", " hostages freed") + freeing(outcome);
            case "PRISONER_RELEASE" -> figure(outcome, "Prisoners released", " prisoners released") + freeing(outcome);
            case "CEASEFIRE" -> "Ceasefire";
            case "AGREEMENT" -> "Agreement";
            case "COMMITMENT" -> "Commitment";
            default -> "Outcome";
        };
        if (!outcome.kind.equals("MESSAGE_CONVEYED")) {
            for (Sentence passage : outcome.passages) {
                Matcher between = BETWEEN.matcher(passage.text());
                if (between.find()) {
                    title += " between " + between.group(1) + " and " + between.group(2);
                    break;
                }
            }
        }
        return title + ", " + dateLabel(outcome.date);
    }

    private static String freeing(DraftOutcome outcome) {
        return outcome.beneficiaries.isEmpty() ? "" : " freeing " + String.join(" and ", outcome.beneficiaries.stream().map(p -> p.name).toList());
    }

    private static String figure(DraftOutcome outcome, String plain, String suffix) {
        if (outcome.figures.isEmpty()) {
            return plain;
        }
        DraftOutcome.Figure figure = outcome.figures.get(0);
        return (figure.approximate() ? "About " : "") + String.format(Locale.ROOT, "%,d", figure.value()) + suffix;
    }

    private static String dateLabel(DateMention date) {
        LocalDate day = date.date();
        return switch (date.precision()) {
            case DAY -> DAY.format(day);
            case WEEK -> "week of " + DAY.format(day);
            case MONTH -> MONTH.format(day);
            case YEAR -> String.valueOf(day.getYear());
        };
    }

    /** A title the importer will not take for a stored record's: with a number added when it would. */
    private static String unique(String title, Set<String> taken) {
        if (!taken.contains(title)) {
            return title;
        }
        for (int i = 2;; i++) {
            String numbered = title + " (" + i + ")";
            if (!taken.contains(numbered)) {
                return numbered;
            }
        }
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }

    static String sentenceCase(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
