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
import io.parley.db.Filters;
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
 */
@ApplicationScoped
class PersonMatching {

    /** A stored person a bundle person is, how that was found, and the stored names. */
    record Match(long key, ImportMatch by, String name, List<String> aliases, String wikidataId) {
    }

    /** A stored person as matching reads it. */
    private record Stored(long key, String name, List<String> aliases, String wikidataId) {
        List<String> names() {
            List<String> all = new ArrayList<>(aliases);
            all.add(0, name);
            return all;
        }
    }

    private final EntityManager em;

    PersonMatching(EntityManager em) {
        this.em = em;
    }

    /** The stored person the bundle's {@code input} (its person {@code ref}) is; null when none is. */
    Match match(String ref, ObjectNode input) {
        String name = BundleWriter.text(input, "name");
        if (name == null) {
            return null;
        }
        String qid = BundleWriter.text(input, "wikidataId");
        // Someone with another Wikidata ID is someone else, whatever their name.
        String unclaimed = qid == null ? "" : " and p.wikidata_id is null";
        // Every rule's stored people in one statement (a bundle's people are matched one by one,
        // and four round trips each were most of their time), taken in the rules' order here.
        Map<Integer, List<Stored>> byRule = people(List.of(
                qid == null ? Sql.sql("false") : Sql.of("p.wikidata_id = ", Sql.value(qid), " order by p.id limit 1"),
                Sql.of("p.name = ", Sql.value(name), unclaimed, " order by p.id limit 1"),
                Sql.of(aliasOf(name, aliases(input)), unclaimed),
                Sql.of(PersonService.mayBear("p", List.of(name)), unclaimed)));
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
        if (written.equals(match.name()) && match.by() == ImportMatch.WIKIDATA_ID) {
            return;
        }
        input.put("name", match.name());
        if (BundleWriter.text(input, "wikidataId") == null && match.wikidataId() != null) {
            input.put("wikidataId", match.wikidataId());
        }
        Set<String> known = new HashSet<>();
        known.add(PersonNames.key(match.name()));
        Set<String> plain = new LinkedHashSet<>(match.aliases());
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
        plain.remove(match.name());
        ArrayNode aliases = input.putArray("aliases");
        plain.forEach(aliases::add);
        if (input.get("aliasesWithLanguage") instanceof ArrayNode tagged) {
            for (int i = tagged.size() - 1; i >= 0; i--) {
                if (match.name().equals(tagged.get(i).path("name").asText())) {
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
     * The person row {@code p} has {@code name} as an alias, or one of {@code aliases} as its name
     * or an alias, case and accents aside; the trigram index over names and aliases finds the rows.
     */
    private static Sql aliasOf(String name, List<String> aliases) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.addAll(aliases);
        List<Sql> containing = spellings.stream().map(spelling -> Sql.of("fold(p.name || ' ' || join_words(p.aliases)) like fold(",
                Sql.value(Filters.containing(spelling)), ")")).toList();
        Sql each = aliases.isEmpty() ? Sql.sql("false")
                : Sql.of("exists (select from unnest(array_prepend(p.name, p.aliases)) n where fold(n) in (",
                        Sql.join(aliases.stream().map(alias -> Sql.of("fold(", Sql.value(alias), ")")).toList(), ", "), "))");
        return Sql.of("(", Sql.join(containing, " or "), ") and (exists (select from unnest(p.aliases) a where fold(a) = fold(",
                Sql.value(name), ")) or ", each, ")");
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
        return new Match(stored.key(), by, stored.name(), stored.aliases(), stored.wikidataId());
    }

    /**
     * The people each condition on {@code person p} (and what follows it: an order and a limit)
     * selects, by the condition's index, each list in key order; one statement for them all.
     */
    private Map<Integer, List<Stored>> people(List<Sql> conditions) {
        List<Sql> selects = new ArrayList<>();
        Map<Integer, List<Stored>> people = new HashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            selects.add(Sql.of("(select cast(", Sql.value(i), " as integer) as rule, json_build_object('id', p.id, 'name', p.name,",
                    " 'aliases', p.aliases, 'wikidataId', p.wikidata_id)::text from person p where ", conditions.get(i), ")"));
            people.put(i, new ArrayList<>());
        }
        for (Object found : Sql.join(selects, " union all ").nativeQuery(em).getResultList()) {
            Object[] columns = (Object[]) found;
            try {
                JsonNode row = BundleJson.MAPPER.readTree((String) columns[1]);
                List<String> aliases = new ArrayList<>();
                row.path("aliases").forEach(alias -> aliases.add(alias.asText()));
                people.get(((Number) columns[0]).intValue()).add(new Stored(row.get("id").asLong(), row.get("name").asText(),
                        aliases, row.hasNonNull("wikidataId") ? row.get("wikidataId").asText() : null));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("PostgreSQL wrote invalid JSON", e);
            }
        }
        people.values().forEach(list -> list.sort(Comparator.comparingLong(Stored::key)));
        return people;
    }
}
