package io.parley.draft;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.parley.common.DatePrecision;

/**
 * What Parley already holds that a draft is matched against: people (with their other
 * spellings), and the envoy appointments, talks and outcomes of given people. {@code
 * StoredHoldings} reads them from the database; {@link #of} holds them in memory.
 */
interface Holdings {

    /**
     * The people these written names could be (at least everyone {@link io.parley.names.PersonNames}
     * would match them to, bar transliterations too far apart to forgive as typos in surnames
     * under five letters): PersonNames then judges who each is.
     */
    List<KnownPerson> people(Collection<String> written);

    List<KnownEnvoy> envoysOf(Collection<String> personIds);

    List<KnownTalk> talksWith(Collection<String> personIds);

    List<KnownOutcome> outcomesOf(Collection<String> personIds);

    List<KnownStatement> statementsOf(Collection<String> personIds);

    /** The trips of these people's envoy appointments. */
    List<KnownTrip> tripsOf(Collection<String> personIds);

    /** Which of these talk (or outcome) titles a stored record already has: the importer matches by title. */
    Set<String> takenTitles(String collection, Collection<String> titles);

    record KnownPerson(String id, String name, List<String> aliases, String wikidataId, String countryCode) {
    }

    record KnownEnvoy(String id, String personId, String title, String represents) {
    }

    record KnownTalk(String id, String title, LocalDate date, DatePrecision precision, String status,
            List<String> participantIds, Integer geonamesId, String countryCode) {
    }

    record KnownOutcome(String id, String kind, String title, LocalDate date, DatePrecision precision,
            List<String> personIds, List<Long> figures, List<String> excerpts) {
    }

    record KnownTrip(String id, String personId, Integer geonamesId, String countryCode, LocalDate arrivedOn) {
    }

    record KnownStatement(String id, String speakerId, String quote, List<String> excerpts) {
    }

    static Holdings none() {
        return of(List.of(), List.of(), List.of(), List.of());
    }

    static Holdings of(List<KnownPerson> people, List<KnownEnvoy> envoys, List<KnownTalk> talks,
            List<KnownOutcome> outcomes) {
        return new Holdings() {
            @Override
            public List<KnownPerson> people(Collection<String> written) {
                return people;
            }

            @Override
            public List<KnownEnvoy> envoysOf(Collection<String> personIds) {
                return envoys.stream().filter(e -> personIds.contains(e.personId())).toList();
            }

            @Override
            public List<KnownTalk> talksWith(Collection<String> personIds) {
                return talks.stream().filter(t -> t.participantIds().stream().anyMatch(personIds::contains)).toList();
            }

            @Override
            public List<KnownOutcome> outcomesOf(Collection<String> personIds) {
                return outcomes;
            }

            @Override
            public List<KnownStatement> statementsOf(Collection<String> personIds) {
                return List.of();
            }

            @Override
            public List<KnownTrip> tripsOf(Collection<String> personIds) {
                return List.of();
            }

            @Override
            public Set<String> takenTitles(String collection, Collection<String> titles) {
                return Set.of();
            }
        };
    }
}
