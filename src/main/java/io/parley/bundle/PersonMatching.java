package io.parley.bundle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.common.NodeType;
import io.parley.names.ForgivingQuery;
import io.parley.names.PersonNames;
import io.parley.names.PersonNames.Closeness;
import io.parley.person.PersonService;
import io.parley.sql.Sql;

/**
 * Which stored person a bundle's person is, by the rules report drafting matches people with:
 * in order, the same Wikidata QID; the same name; the bundle's name one of a stored person's
 * aliases, or one of its aliases a stored name or alias (case and accents aside); a near-miss of
 * a stored name or alias ({@link PersonNames}: a nickname, another transliteration, a typo in the
 * surname) among the few people SQL finds bearing the surname ({@link PersonService#mayBear}).
 * A bundle person with a Wikidata ID is never matched by name to someone with another. When
 * several stored people are as close, the import is refused at the record's name, listing them,
 * rather than create another one silently; the bundle says which by its wikidataId, by the
 * stored person's ID as its ref, or by the stored name exactly.
 *
 * <p>A slice of people is matched in one statement ({@link #slice}), each rule asked per person
 * of the people stored when the slice began. A person the slice wrote before (created, or
 * updated with a new spelling) can be the match of one after it, so a person who could match one
 * of those ({@link Slice#match}) is asked again on their own, after the slice's writes so far
 * are sent: the answer is always the one matching the bundle's people one at a time gives.
 */
@ApplicationScoped
class PersonMatching {

    /** A stored person a bundle person is, and how that was found. */
    record Match(Stored person, ImportMatch by) {
        long key() {
            return person.key();
        }
    }

    /** A stored person as matching reads it, the names also folded as fold() folds them. */
    record Stored(long key, String name, List<String> aliases, String wikidataId, List<String> folded) {
        List<String> names() {
            List<String> all = new ArrayList<>(aliases);
            all.add(0, name);
            return all;
        }
    }

    /** For one bundle person: the stored people each rule selects (by rule, each in key order), and its own spellings folded. */
    private record Found(List<List<Stored>> byRule, List<String> folded) {
    }

    private static final int RULES = 4;

    private final EntityManager em;

    PersonMatching(EntityManager em) {
        this.em = em;
    }

    /**
     * A slice of a bundle's people ({@code inputs}, resolved), their rules asked of the stored
     * people in one statement; each is then matched in bundle order by {@link Slice#match}.
     */
    Slice slice(List<ObjectNode> inputs) {
        return new Slice(inputs, find(inputs));
    }

    /** See {@link #slice}. */
    final class Slice {

        private final List<ObjectNode> inputs;
        private final Map<Integer, Found> found;
        /** The Wikidata IDs of the people written so far in this slice. */
        private final Set<String> writtenIds = new HashSet<>();
        /** The spellings of the people written so far: of all, and of those without a Wikidata ID at some point in the slice. */
        private final Spellings written = new Spellings();
        private final Spellings writtenUnclaimed = new Spellings();

        private Slice(List<ObjectNode> inputs, Map<Integer, Found> found) {
            this.inputs = inputs;
            this.found = found;
        }

        /**
         * The stored people the slice's people are likely to be, as the statement found them:
         * the records an import reads back at once to compare (one it did not read is read on its
         * own when matched).
         */
        Set<Long> likely() {
            Set<Long> keys = new HashSet<>();
            found.forEach((index, person) -> {
                List<List<Stored>> byRule = person.byRule();
                if (!byRule.get(0).isEmpty() || !byRule.get(1).isEmpty()) {
                    keys.add((byRule.get(0).isEmpty() ? byRule.get(1) : byRule.get(0)).get(0).key());
                } else if (!byRule.get(2).isEmpty()) {
                    byRule.get(2).forEach(stored -> keys.add(stored.key()));
                } else if (!byRule.get(3).isEmpty()) {
                    String name = BundleWriter.text(inputs.get(index), "name");
                    PersonNames.get().index(byRule.get(3), Stored::names).within(name, Closeness.TYPO)
                            .keySet().forEach(stored -> keys.add(stored.key()));
                }
            });
            return keys;
        }

        /**
         * The stored person the slice's person {@code index} (its bundle {@code ref}) is; null
         * when none is. A person who shares a Wikidata ID, a folded spelling or a surname (within
         * a typo) with one the slice wrote before is asked again on their own: the people written
         * are sent first (the statement flushes them), so that person is then found as it is now.
         */
        Match match(int index, String ref) {
            ObjectNode input = inputs.get(index);
            String name = BundleWriter.text(input, "name");
            if (name == null || !found.containsKey(index)) {
                // nothing to match by, or a spelling the database cannot hold: the service refuses it
                return null;
            }
            Found person = found.get(index);
            String qid = BundleWriter.text(input, "wikidataId");
            // Someone with a Wikidata ID matches someone else with one only by that ID.
            boolean nearWritten = qid != null ? writtenIds.contains(qid) || writtenUnclaimed.mayName(name, person)
                    : written.mayName(name, person);
            if (nearWritten) {
                person = find(List.of(input)).get(0);
            }
            return decide(ref, name, person);
        }

        /**
         * Notes that the slice's person {@code index} was written: created, or updated as {@code
         * match} (its input as written, with the stored name and the spellings it added).
         */
        void written(int index, Match match) {
            ObjectNode input = inputs.get(index);
            Found person = found.get(index);
            if (person == null) {
                return;
            }
            String qid = BundleWriter.text(input, "wikidataId");
            if (qid != null) {
                writtenIds.add(qid);
            }
            // a stored person updated with a Wikidata ID was one without until now
            boolean unclaimed = match == null ? qid == null : match.person().wikidataId() == null;
            for (Spellings spellings : unclaimed ? List.of(written, writtenUnclaimed) : List.of(written)) {
                spellings.add(person.folded(), BundleWriter.text(input, "name"), aliases(input));
                if (match != null) {
                    spellings.add(match.person().folded(), match.person().name(), match.person().aliases());
                }
            }
        }
    }

    /**
     * The spellings of some people, folded as the database folds them and by surname: whether a
     * bundle person could be one of them by any rule but the Wikidata ID (a spelling in common,
     * or a surname {@link PersonNames} could take for theirs).
     */
    private static final class Spellings {
        private final Set<String> folded = new HashSet<>();
        private final PersonNames.Surnames surnames = PersonNames.get().surnames();

        void add(List<String> foldedNames, String name, List<String> aliases) {
            folded.addAll(foldedNames);
            surnames.add(name);
            aliases.forEach(surnames::add);
        }

        boolean mayName(String name, Found person) {
            return surnames.mayName(name) || person.folded().stream().anyMatch(folded::contains);
        }
    }

    /** The rules' answers for one person, taken in the rules' order. */
    private Match decide(String ref, String name, Found person) {
        List<List<Stored>> byRule = person.byRule();
        if (!byRule.get(0).isEmpty()) {
            return match(byRule.get(0).get(0), ImportMatch.WIKIDATA_ID);
        }
        if (!byRule.get(1).isEmpty()) {
            return match(byRule.get(1).get(0), ImportMatch.NAME);
        }
        List<Stored> aliased = byRule.get(2);
        if (!aliased.isEmpty()) {
            return one(ref, aliased, ImportMatch.ALIAS, stored -> "");
        }
        List<Stored> candidates = byRule.get(3);
        Map<Stored, Closeness> close = PersonNames.get().index(candidates, Stored::names).within(name, Closeness.TYPO);
        if (close.isEmpty()) {
            return null;
        }
        return one(ref, new ArrayList<>(close.keySet()), ImportMatch.SIMILAR_NAME, stored -> switch (close.get(stored)) {
            case EXACT -> "; the same name";
            case VARIANT -> "; another spelling";
            case SURNAME -> "; the same surname";
            default -> "; a typo away";
        });
    }

    /**
     * The input as the matched person's update: their stored name stays and the bundle's other
     * spelling (one that is not already theirs, case, accents and punctuation aside) becomes an
     * alias; their aliases (with their languages) and Wikidata ID are kept beside the bundle's.
     * The bundle's other fields apply as for any match. A match by exact name changes nothing here.
     */
    static void keepStoredName(ObjectNode input, Match match) {
        if (match.by() == ImportMatch.NAME) {
            return;
        }
        String written = BundleWriter.text(input, "name");
        if (written.equals(match.person().name()) && match.by() == ImportMatch.WIKIDATA_ID) {
            return;
        }
        input.put("name", match.person().name());
        if (BundleWriter.text(input, "wikidataId") == null && match.person().wikidataId() != null) {
            input.put("wikidataId", match.person().wikidataId());
        }
        Set<String> known = new HashSet<>();
        known.add(PersonNames.key(match.person().name()));
        Set<String> plain = new LinkedHashSet<>(match.person().aliases());
        for (JsonNode alias : input.path("aliases")) {
            plain.add(alias.asText());
        }
        plain.forEach(alias -> known.add(PersonNames.key(alias)));
        for (JsonNode alias : input.path("aliasesWithLanguage")) {
            known.add(PersonNames.key(alias.path("name").asText()));
        }
        if (!known.contains(PersonNames.key(written))) {
            plain.add(written);
        }
        plain.remove(match.person().name());
        ArrayNode aliases = input.putArray("aliases");
        plain.forEach(aliases::add);
        if (input.get("aliasesWithLanguage") instanceof ArrayNode tagged) {
            for (int i = tagged.size() - 1; i >= 0; i--) {
                if (match.person().name().equals(tagged.get(i).path("name").asText())) {
                    tagged.remove(i);
                }
            }
        }
    }

    /** The bundle person's aliases, with or without a language. */
    private static List<String> aliases(ObjectNode input) {
        List<String> aliases = new ArrayList<>();
        input.path("aliases").forEach(alias -> aliases.add(alias.asText()));
        input.path("aliasesWithLanguage").forEach(alias -> aliases.add(alias.path("name").asText()));
        return aliases.stream().map(String::strip).filter(alias -> !alias.isEmpty()).toList();
    }

    /**
     * The one of {@code found} this record is: the only one, or the one whose ID the record's ref
     * is; several are refused, each described ({@code how}) so the bundle can say which.
     */
    private Match one(String ref, List<Stored> found, ImportMatch by, Function<Stored, String> how) {
        if (found.size() == 1) {
            return match(found.get(0), by);
        }
        for (Stored stored : found) {
            if (GlobalId.encode(NodeType.PERSON, stored.key()).equals(ref)) {
                return match(stored, by);
            }
        }
        String listed = found.stream().map(stored -> "\"" + stored.name() + "\" (ID " + GlobalId.encode(NodeType.PERSON, stored.key())
                + (stored.wikidataId() != null ? ", " + stored.wikidataId() : "") + how.apply(stored) + ")")
                .collect(Collectors.joining(", "));
        throw ApiException.badInput("input.name", "could be any of " + found.size() + " stored people (" + listed
                + "), so it is neither linked to one nor created anew; say which by its ID as this record's ref, by its"
                + " name exactly as stored, or by its wikidataId where it has one");
    }

    private static Match match(Stored stored, ImportMatch by) {
        return new Match(stored, by);
    }

    /**
     * Every rule's stored people for each of {@code inputs}, by index, in one statement: a row of
     * {@code k} per person, and per row the four rules as a lateral union (rule 0: the Wikidata ID;
     * 1: the name, the oldest such person; 2: an alias either way, case and accents aside, found
     * by V16's index of folded names; 3: the people who may bear the surname, for {@link
     * PersonNames} to judge). Someone with another Wikidata ID is someone else, whatever their
     * name. A person without a name, or with a NUL character the database cannot hold, is left
     * out: their service refuses them.
     */
    private Map<Integer, Found> find(List<ObjectNode> inputs) {
        ArrayNode rows = BundleJson.MAPPER.createArrayNode();
        for (int i = 0; i < inputs.size(); i++) {
            ObjectNode input = inputs.get(i);
            String name = BundleWriter.text(input, "name");
            String qid = BundleWriter.text(input, "wikidataId");
            List<String> aliases = aliases(input);
            if (name == null || name.indexOf('\0') >= 0 || qid != null && qid.indexOf('\0') >= 0
                    || aliases.stream().anyMatch(alias -> alias.indexOf('\0') >= 0)) {
                continue;
            }
            ForgivingQuery.NameWords surnames = PersonService.surnameWords(List.of(name));
            ObjectNode row = rows.addObject().put("i", i).put("name", name).put("qid", qid)
                    .put("keys", surnames.keys()).put("variants", surnames.variants());
            aliases.forEach(row.putArray("aliases")::add);
        }
        Map<Integer, Found> found = new HashMap<>();
        if (rows.isEmpty()) {
            return found;
        }
        String unclaimed = " and (k.qid is null or p.wikidata_id is null)";
        Sql statement = Sql.of("select k.i, to_json(folded_names(k.name, k.aliases))::text, r.rule, r.person",
                " from jsonb_to_recordset(cast(", Sql.value(rows.toString()), " as jsonb))",
                " as k(i integer, name text, qid text, aliases text[], keys text, variants text)",
                " left join lateral (",
                rule(0, "p.wikidata_id = k.qid order by p.id limit 1"), " union all ",
                rule(1, "p.name = k.name" + unclaimed + " order by p.id limit 1"), " union all ",
                rule(2, Sql.of("folded_names(p.name, p.aliases) && folded_names(k.name, k.aliases)",
                        " and (exists (select from unnest(p.aliases) a where fold(a) = fold(k.name))",
                        " or exists (select from unnest(array_prepend(p.name, p.aliases)) n",
                        " where fold(n) = any ((folded_names(k.name, k.aliases))[2:])))", unclaimed)), " union all ",
                rule(3, Sql.of("k.keys <> '' and ", PersonService.mayBear("p", Sql.sql("k.keys"), Sql.sql("k.variants")), unclaimed)),
                ") r on true");
        for (Object row : statement.nativeQuery(em).getResultList()) {
            Object[] columns = (Object[]) row;
            int index = ((Number) columns[0]).intValue();
            Found person = found.computeIfAbsent(index, i -> new Found(emptyRules(), texts(json((String) columns[1]))));
            if (columns[2] != null) {
                person.byRule().get(((Number) columns[2]).intValue()).add(stored((String) columns[3]));
            }
        }
        found.values().forEach(person -> person.byRule().forEach(rule -> rule.sort(Comparator.comparingLong(Stored::key))));
        return found;
    }

    /** One rule's people as a branch of {@link #find}'s lateral union: the condition on {@code person p}, with any order and limit. */
    private static Sql rule(int rule, Object condition) {
        return Sql.of("(select ", Sql.sql(Integer.toString(rule)), " as rule, json_build_object('id', p.id, 'name', p.name,",
                " 'aliases', p.aliases, 'wikidataId', p.wikidata_id, 'folded', folded_names(p.name, p.aliases))::text as person",
                " from person p where ", condition, ")");
    }

    private static List<List<Stored>> emptyRules() {
        List<List<Stored>> rules = new ArrayList<>(RULES);
        for (int i = 0; i < RULES; i++) {
            rules.add(new ArrayList<>());
        }
        return rules;
    }

    private static Stored stored(String text) {
        JsonNode row = json(text);
        return new Stored(row.get("id").asLong(), row.get("name").asText(), texts(row.path("aliases")),
                row.hasNonNull("wikidataId") ? row.get("wikidataId").asText() : null, texts(row.path("folded")));
    }

    private static JsonNode json(String text) {
        try {
            return BundleJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("PostgreSQL wrote invalid JSON", e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }
}
