package io.parley.person;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.parley.common.ApiException;
import io.parley.common.GlobalId;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.events.ChangeEvents;
import io.parley.source.Citation;
import io.parley.sql.Sql;

/**
 * One record per person: {@code mergePeople(keep:, merge:)} moves everything about a duplicate
 * onto the person kept and deletes the duplicate, in one transaction, so that nothing is lost.
 *
 * <ul>
 * <li>The kept person takes the duplicate's Wikidata ID, birth date, country and summary where
 * its own are unset. Two different Wikidata IDs, birth dates or countries say they may not be
 * one person: CONFLICT, and nothing changes (correct one of them first). Two summaries: the kept
 * one's stays (the duplicate's remains in its history, the DELETED revision).</li>
 * <li>The duplicate's name and aliases (with their languages) become aliases of the kept person,
 * each once, never the kept name itself; its positions and citations are appended, identical
 * ones once.</li>
 * <li>Its talk participations, statements, envoy appointments (as envoy and as appointer) and
 * outcome beneficiaries and credits move. In a talk both took part in, the two participations
 * become one, in the kept person's place: a specific role wins over PARTICIPANT, and the envoy
 * appointment either acted under is kept; two different specific roles or appointments are a
 * CONFLICT. An outcome listing both lists the kept person once.</li>
 * <li>Each record that changed gets a new version and a revision (history, change feed); the
 * kept person's revision lists the people it merged ({@code Revision.mergedIds}), and the
 * duplicate's deletion points to the kept person ({@code RecordChange.mergedInto}).</li>
 * <li>The duplicate's ID keeps answering with the kept person (person_merge, V11), also after
 * the kept person is merged in turn.</li>
 * </ul>
 */
@ApplicationScoped
public class PersonMerger {

    private static final String PARTICIPANT = "PARTICIPANT";

    private final PersonService people;
    private final ChangeEvents events;

    public PersonMerger(PersonService people, ChangeEvents events) {
        this.people = people;
        this.events = events;
    }

    /**
     * Merges the person {@code mergeId} names into the one {@code keepId} names, each at its
     * expected version when given, and returns the kept person. IDs of people merged before
     * name the people they were merged into; when both already name the same person, there is
     * nothing left to do and the kept person is returned as it is.
     */
    @Transactional
    public Person merge(String keepId, String mergeId, Integer keepVersion, Integer mergeVersion) {
        long keepNamed = GlobalId.keyOf(keepId, NodeType.PERSON, "keep");
        long mergeNamed = GlobalId.keyOf(mergeId, NodeType.PERSON, "merge");
        if (keepNamed == mergeNamed) {
            throw ApiException.badInput("merge", "is the person to keep: a person cannot be merged into themselves");
        }
        people.nameWriter();
        List<Long> current = people.current(List.of(keepNamed, mergeNamed));
        long keepKey = current.get(0);
        long mergeKey = current.get(1);
        lock(keepKey, mergeKey);
        Person kept = people.findById(keepKey);
        if (kept == null) {
            throw ApiException.notFound("keep", "No Person has ID " + keepId);
        }
        if (keepKey == mergeKey) {
            return kept;
        }
        Person merged = people.findById(mergeKey);
        if (merged == null) {
            throw ApiException.notFound("merge", "No Person has ID " + mergeId);
        }
        checkVersion(kept, keepVersion, "keepVersion");
        checkVersion(merged, mergeVersion, "mergeVersion");

        List<String> conflicts = new ArrayList<>();
        differs(conflicts, "wikidataId", kept.wikidataId, merged.wikidataId);
        differs(conflicts, "birthDate", kept.birthDate, merged.birthDate);
        differs(conflicts, "countryCode", kept.countryCode, merged.countryCode);
        conflicts.addAll(selfAppointments(keepKey, mergeKey));
        List<SharedTalk> shared = sharedTalks(keepKey, mergeKey, conflicts);
        Aliases aliases = aliases(kept, merged);
        List<Position> positions = positions(kept, merged);
        List<Citation> citations = citations(kept, merged);
        tooMany(conflicts, "aliases", aliases.names.size());
        tooMany(conflicts, "positions", positions.size());
        tooMany(conflicts, "citations", citations.size());
        if (!conflicts.isEmpty()) {
            throw ApiException.conflict("Person " + mergeId + " cannot be merged into " + keepId + ": "
                    + String.join("; ", conflicts) + ". Correct the records first, then merge again");
        }

        moveTalkParticipations(keepKey, mergeKey, shared);
        moveOutcomeLinks("outcome_beneficiary", keepKey, mergeKey);
        moveOutcomeLinks("outcome_credit", keepKey, mergeKey);
        moveStatements(keepKey, mergeKey);
        moveEnvoys(keepKey, mergeKey);

        LocalDate birthDate = kept.birthDate != null ? kept.birthDate : merged.birthDate;
        String countryCode = kept.countryCode != null ? kept.countryCode : merged.countryCode;
        String summary = kept.summary != null ? kept.summary : merged.summary;
        String wikidataId = kept.wikidataId != null ? kept.wikidataId : merged.wikidataId;
        // People merged into the duplicate before now answer with the kept person; then the
        // duplicate goes (before the kept person takes its Wikidata ID, which is unique).
        execute(Sql.of("update person_merge set kept_id = ", Sql.value(keepKey), " where kept_id = ", Sql.value(mergeKey)));
        people.delete(merged);
        people.flush();
        people.forgetChecked();

        kept.aliases = aliases.names;
        kept.aliasLanguages = aliases.languages;
        kept.birthDate = birthDate;
        kept.countryCode = countryCode;
        kept.summary = summary;
        kept.wikidataId = wikidataId;
        kept.positions = positions;
        kept.citations = citations;
        kept.touch();
        people.flush();

        execute(Sql.of("insert into person_merge (merged_id, kept_id, merged_into_id, merged_into_revision) select ",
                Sql.value(mergeKey), ", ", Sql.value(keepKey), ", ", Sql.value(keepKey),
                ", max(number) from revision where node_type = 'PERSON' and record_id = ", Sql.value(keepKey)));
        return kept;
    }

    /** Both people's rows locked, in key order, so that nothing refers to either anew until the merge commits. */
    private void lock(long a, long b) {
        Sql.of("select id from person where id in (", Sql.value(a), ", ", Sql.value(b), ") order by id for update")
                .nativeQuery(em()).getResultList();
    }

    private static void checkVersion(Person person, Integer expected, String argument) {
        if (expected != null && expected != person.getVersion()) {
            throw ApiException.conflict("Person " + person.getId() + " is at version " + person.getVersion()
                    + ", not the expected " + expected + " (" + argument + "); reload it and try again");
        }
    }

    private static void differs(List<String> conflicts, String field, Object kept, Object merged) {
        if (kept != null && merged != null && !kept.equals(merged)) {
            conflicts.add("their " + field + "s differ (" + kept + ", " + merged + ")");
        }
    }

    private static void tooMany(List<String> conflicts, String field, int count) {
        if (count > Inputs.LIST_MAX) {
            conflicts.add("together they have " + count + " " + field + ", more than the " + Inputs.LIST_MAX
                    + " a person may have");
        }
    }

    /** An envoy appointment of one of them made by the other would become one made by the envoy themself. */
    private List<String> selfAppointments(long keepKey, long mergeKey) {
        List<String> conflicts = new ArrayList<>();
        for (Object id : Sql.of("select id from envoy where (person_id = ", Sql.value(keepKey), " and appointed_by_id = ",
                Sql.value(mergeKey), ") or (person_id = ", Sql.value(mergeKey), " and appointed_by_id = ",
                Sql.value(keepKey), ") order by id").nativeQuery(em()).getResultList()) {
            conflicts.add("envoy appointment " + GlobalId.encode(NodeType.ENVOY, ((Number) id).longValue())
                    + " is made by one of them for the other");
        }
        return conflicts;
    }

    /** A talk both took part in: the one participation it keeps, with its role and appointment. */
    private record SharedTalk(long talk, String role, Long envoy) {
    }

    private List<SharedTalk> sharedTalks(long keepKey, long mergeKey, List<String> conflicts) {
        List<SharedTalk> shared = new ArrayList<>();
        for (Object row : Sql.of("select k.talk_id, k.role, m.role, k.envoy_id, m.envoy_id from talk_participant k"
                + " join talk_participant m on m.talk_id = k.talk_id and m.person_id = ", Sql.value(mergeKey),
                " where k.person_id = ", Sql.value(keepKey), " order by k.talk_id").nativeQuery(em()).getResultList()) {
            Object[] columns = (Object[]) row;
            long talk = ((Number) columns[0]).longValue();
            String keptRole = (String) columns[1];
            String mergedRole = (String) columns[2];
            Long keptEnvoy = columns[3] == null ? null : ((Number) columns[3]).longValue();
            Long mergedEnvoy = columns[4] == null ? null : ((Number) columns[4]).longValue();
            String talkId = GlobalId.encode(NodeType.TALK, talk);
            String role = keptRole.equals(PARTICIPANT) ? mergedRole : keptRole;
            if (!mergedRole.equals(PARTICIPANT) && !mergedRole.equals(keptRole) && !keptRole.equals(PARTICIPANT)) {
                conflicts.add("in talk " + talkId + " one is " + keptRole + " and the other " + mergedRole);
            }
            if (keptEnvoy != null && mergedEnvoy != null && !keptEnvoy.equals(mergedEnvoy)) {
                conflicts.add("in talk " + talkId + " they act under different envoy appointments");
            }
            shared.add(new SharedTalk(talk, role, keptEnvoy != null ? keptEnvoy : mergedEnvoy));
        }
        return shared;
    }

    /**
     * The duplicate's participations become the kept person's; in talks both took part in, the
     * kept participation takes the merged role and appointment and the other goes, and the rest
     * close up (ordinals stay 0..n-1, as the talk's list is read and written).
     */
    private void moveTalkParticipations(long keepKey, long mergeKey, List<SharedTalk> shared) {
        List<Long> talks = keys(Sql.of("select distinct talk_id from talk_participant where person_id = ",
                Sql.value(mergeKey)));
        if (talks.isEmpty()) {
            return;
        }
        for (SharedTalk talk : shared) {
            execute(Sql.of("update talk_participant set role = ", Sql.value(talk.role()), ", envoy_id = ",
                    talk.envoy() == null ? Sql.sql("null") : Sql.value(talk.envoy()), " where talk_id = ",
                    Sql.value(talk.talk()), " and person_id = ", Sql.value(keepKey)));
            execute(Sql.of("delete from talk_participant where talk_id = ", Sql.value(talk.talk()), " and person_id = ",
                    Sql.value(mergeKey)));
        }
        execute(Sql.of("update talk_participant set person_id = ", Sql.value(keepKey), " where person_id = ",
                Sql.value(mergeKey)));
        if (!shared.isEmpty()) {
            closeUp("talk_participant", "talk_id", shared.stream().map(SharedTalk::talk).toList());
        }
        changed("talk", NodeType.TALK, talks);
    }

    /** The same for an outcome's people ({@code table}: beneficiaries or credits): the kept person once. */
    private void moveOutcomeLinks(String table, long keepKey, long mergeKey) {
        List<Long> outcomes = keys(Sql.of("select distinct outcome_id from " + table + " where person_id = ",
                Sql.value(mergeKey)));
        if (outcomes.isEmpty()) {
            return;
        }
        List<Long> shared = keys(Sql.of("select m.outcome_id from " + table + " m join " + table
                + " k on k.outcome_id = m.outcome_id and k.person_id = ", Sql.value(keepKey), " where m.person_id = ",
                Sql.value(mergeKey)));
        if (!shared.isEmpty()) {
            execute(Sql.of("delete from " + table + " where person_id = ", Sql.value(mergeKey), " and outcome_id in (",
                    Sql.values(shared), ")"));
            closeUp(table, "outcome_id", shared);
        }
        execute(Sql.of("update " + table + " set person_id = ", Sql.value(keepKey), " where person_id = ",
                Sql.value(mergeKey)));
        changed("outcome", NodeType.OUTCOME, outcomes);
    }

    private void moveStatements(long keepKey, long mergeKey) {
        List<Long> statements = keys(Sql.of("select id from statement where speaker_id = ", Sql.value(mergeKey)));
        if (statements.isEmpty()) {
            return;
        }
        execute(Sql.of("update statement set speaker_id = ", Sql.value(keepKey), ", version = version + 1,"
                + " updated_at = now() where speaker_id = ", Sql.value(mergeKey)));
        publish("statement", NodeType.STATEMENT, statements);
    }

    private void moveEnvoys(long keepKey, long mergeKey) {
        Sql merged = Sql.value(mergeKey);
        Sql keep = Sql.value(keepKey);
        execute(Sql.of("update envoy set person_id = case when person_id = ", merged, " then ", keep,
                " else person_id end, appointed_by_id = case when appointed_by_id = ", merged, " then ", keep,
                " else appointed_by_id end, version = version + 1, updated_at = now() where person_id = ", merged,
                " or appointed_by_id = ", merged));
    }

    /**
     * Renumbers the rows of {@code table} owned by {@code owners} 0..n-1 in their order, through
     * negative numbers so that no two rows hold one ordinal on the way.
     */
    private void closeUp(String table, String ownerColumn, List<Long> owners) {
        execute(Sql.of("update " + table + " x set ordinal = -1 - r.n from (select " + ownerColumn + " as owner, ordinal,"
                + " row_number() over (partition by " + ownerColumn + " order by ordinal) - 1 as n from " + table
                + " where " + ownerColumn + " in (", Sql.values(owners), ")) r where x." + ownerColumn
                + " = r.owner and x.ordinal = r.ordinal"));
        execute(Sql.of("update " + table + " set ordinal = -1 - ordinal where ordinal < 0 and " + ownerColumn + " in (",
                Sql.values(owners), ")"));
    }

    /** Records whose lists changed get a new version (and so a revision), and are announced. */
    private void changed(String table, NodeType type, List<Long> keys) {
        execute(Sql.of("update " + table + " set version = version + 1, updated_at = now() where id in (",
                Sql.values(keys), ")"));
        publish(table, type, keys);
    }

    /** Announces the changed records to subscribers once the merge commits. */
    private void publish(String table, NodeType type, List<Long> keys) {
        for (Object row : Sql.of("select id, track_id from " + table + " where id in (", Sql.values(keys), ") order by id")
                .nativeQuery(em()).getResultList()) {
            Object[] columns = (Object[]) row;
            events.publish(type, ((Number) columns[0]).longValue(),
                    columns[1] == null ? null : ((Number) columns[1]).longValue());
        }
    }

    /** The aliases the kept person ends with, in order, each with its language. */
    private record Aliases(List<String> names, List<String> languages) {
    }

    /**
     * The kept person's aliases, then the duplicate's name and aliases, each name once and never
     * the kept name; a name known in a language keeps it.
     */
    static Aliases aliases(Person kept, Person merged) {
        Map<String, String> languages = new LinkedHashMap<>();
        add(languages, kept.aliases, kept.aliasLanguages);
        if (!merged.name.equals(kept.name)) {
            languages.putIfAbsent(merged.name, null);
        }
        add(languages, merged.aliases, merged.aliasLanguages);
        languages.remove(kept.name);
        return new Aliases(new ArrayList<>(languages.keySet()), new ArrayList<>(languages.values()));
    }

    private static void add(Map<String, String> languages, List<String> names, List<String> tags) {
        for (int i = 0; i < names.size(); i++) {
            String language = i < tags.size() ? tags.get(i) : null;
            if (languages.get(names.get(i)) == null) {
                languages.put(names.get(i), language);
            }
        }
    }

    /** The kept person's positions, then the duplicate's that are not the same. */
    private static List<Position> positions(Person kept, Person merged) {
        List<Position> result = new ArrayList<>();
        for (Position position : kept.positions) {
            result.add(new Position(position.title, position.organization, position.startDate, position.endDate));
        }
        for (Position position : merged.positions) {
            boolean known = result.stream().anyMatch(p -> p.title.equals(position.title)
                    && Objects.equals(p.organization, position.organization)
                    && Objects.equals(p.startDate, position.startDate) && Objects.equals(p.endDate, position.endDate));
            if (!known) {
                result.add(new Position(position.title, position.organization, position.startDate, position.endDate));
            }
        }
        return result;
    }

    /** The kept person's citations, then the duplicate's that cite another source or passage. */
    private static List<Citation> citations(Person kept, Person merged) {
        List<Citation> result = new ArrayList<>();
        for (Citation citation : kept.citations) {
            result.add(new Citation(citation.sourceKey(), citation.excerpt));
        }
        for (Citation citation : merged.citations) {
            boolean known = result.stream().anyMatch(c -> c.sourceKey().equals(citation.sourceKey())
                    && Objects.equals(c.excerpt, citation.excerpt));
            if (!known) {
                result.add(new Citation(citation.sourceKey(), citation.excerpt));
            }
        }
        return result;
    }

    private List<Long> keys(Sql select) {
        return select.nativeQuery(em()).getResultList().stream().map(key -> ((Number) key).longValue()).toList();
    }

    private void execute(Sql statement) {
        statement.nativeQuery(em()).executeUpdate();
    }

    private EntityManager em() {
        return people.getEntityManager();
    }
}
