package io.parley.draft;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.parley.common.DatePrecision;
import io.parley.names.PersonNames;

/**
 * Step 6, matching: a drafted talk or outcome that Parley already holds is proposed as that
 * record, never as a duplicate, with what this report adds to it. A stored talk is the same
 * talk when it has every drafted participant, its status, and a date and place that agree; an
 * outcome when it is of the same kind, for the same people (freed, credited, or in its talks)
 * and its figures and date agree. People were matched when they were found ({@link People}).
 */
final class Matching {

    private Matching() {
    }

    static void match(DraftedReport report, Holdings holdings) {
        Set<String> personIds = new HashSet<>();
        for (DraftPerson person : report.people()) {
            if (person.stored != null) {
                personIds.add(person.stored.id());
                person.storedId = person.stored.id();
            }
        }
        if (personIds.isEmpty()) {
            return;
        }
        List<Holdings.KnownTalk> talks = holdings.talksWith(personIds);
        for (DraftTalk talk : report.talks()) {
            Holdings.KnownTalk best = null;
            for (Holdings.KnownTalk known : talks) {
                if (sameTalk(talk, known) && (best == null || known.precision().ordinal() < best.precision().ordinal())) {
                    best = known;
                }
            }
            if (best != null) {
                talk.storedId = best.id();
                talk.adds.add("a citation of this report");
                if (talk.date != null && talk.date.precision().ordinal() < best.precision().ordinal()) {
                    talk.adds.add("a more precise date: " + talk.date.date() + " (" + talk.date.precision() + ", was "
                            + best.precision() + ")");
                }
            }
        }
        // A trip is the stored trip of the same traveller to the same place (the same city, or the
        // same country when either names only a country), unless their arrival dates differ.
        List<Holdings.KnownTrip> trips = holdings.tripsOf(personIds);
        Set<String> tripsTaken = new HashSet<>();
        for (DraftTrip trip : report.trips()) {
            for (Holdings.KnownTrip known : trips) {
                if (!tripsTaken.contains(known.id()) && trip.traveller.stored != null
                        && trip.traveller.stored.id().equals(known.personId()) && sameDestination(trip.destination, known)
                        && (trip.arrivedOn == null || known.arrivedOn() == null || trip.arrivedOn.date().equals(known.arrivedOn()))) {
                    tripsTaken.add(known.id());
                    trip.storedId = known.id();
                    trip.adds.add("a citation of this report");
                    break;
                }
            }
        }
        List<Holdings.KnownStatement> statements = holdings.statementsOf(personIds);
        for (DraftStatement statement : report.statements()) {
            for (Holdings.KnownStatement known : statements) {
                if (statement.storedId == null && statement.speaker.stored != null
                        && statement.speaker.stored.id().equals(known.speakerId()) && sameWords(statement, known)) {
                    statement.storedId = known.id();
                    statement.adds.add("a citation of this report");
                }
            }
        }
        List<Holdings.KnownOutcome> outcomes = holdings.outcomesOf(personIds);
        Set<String> taken = new HashSet<>();
        for (DraftOutcome outcome : report.outcomes()) {
            // Of the stored outcomes it could be, the one whose passages say most what this one's do.
            Holdings.KnownOutcome best = null;
            double bestOverlap = -1;
            for (Holdings.KnownOutcome known : outcomes) {
                if (!taken.contains(known.id()) && sameOutcome(outcome, known)) {
                    double overlap = 0;
                    for (String excerpt : known.excerpts()) {
                        for (Sentence passage : outcome.passages) {
                            overlap = Math.max(overlap, overlap(PersonNames.key(excerpt), PersonNames.key(passage.text())));
                        }
                    }
                    if (overlap > bestOverlap) {
                        best = known;
                        bestOverlap = overlap;
                    }
                }
            }
            if (best != null) {
                taken.add(best.id());
                outcome.storedId = best.id();
                outcome.adds.add("a citation of this report");
                if (outcome.date != null && outcome.date.precision().ordinal() < best.precision().ordinal()) {
                    outcome.adds.add("a more precise date: " + outcome.date.date() + " (" + outcome.date.precision()
                            + ", was " + best.precision() + ")");
                }
            }
        }
    }

    /**
     * A stored statement of the same speaker is this one when it says the same (its quote's words
     * mostly the same) or cites a passage that is, or holds, the sentence it was drafted from
     * (the same report drafted again, or the same wire copy in another outlet).
     */
    static boolean sameWords(DraftStatement statement, Holdings.KnownStatement known) {
        String quote = PersonNames.key(statement.quote);
        if (quote.equals(PersonNames.key(known.quote())) || overlap(quote, PersonNames.key(known.quote())) >= 0.6) {
            return true;
        }
        String sentence = PersonNames.key(statement.firstPassage().text());
        for (String excerpt : known.excerpts()) {
            String words = PersonNames.key(excerpt);
            if (words.length() >= 20 && (sentence.contains(words) || words.contains(sentence) || words.contains(quote))) {
                return true;
            }
        }
        return false;
    }

    /** Shared words over all words, of two texts' words of three letters or more. */
    static double overlap(String a, String b) {
        Set<String> x = new HashSet<>();
        Set<String> y = new HashSet<>();
        for (String word : a.split(" ")) {
            if (word.length() > 2) {
                x.add(word);
            }
        }
        for (String word : b.split(" ")) {
            if (word.length() > 2) {
                y.add(word);
            }
        }
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        x.retainAll(y);
        return all.isEmpty() ? 0 : (double) x.size() / all.size();
    }

    private static boolean sameDestination(PlaceMention place, Holdings.KnownTrip known) {
        if (place.city() != null && known.geonamesId() != null) {
            return place.city().geonamesId() == known.geonamesId();
        }
        return place.countryCode().equals(known.countryCode());
    }

    static boolean sameTalk(DraftTalk talk, Holdings.KnownTalk known) {
        if (!talk.status.equals(known.status())) {
            return false;
        }
        for (DraftPerson person : talk.participants()) {
            if (person.stored == null || !known.participantIds().contains(person.stored.id())) {
                return false;
            }
        }
        if (!datesAgree(talk.date, known.date(), known.precision())) {
            return false;
        }
        PlaceMention place = talk.place();
        if (place == null || known.countryCode() == null) {
            return true;
        }
        if (place.city() != null && known.geonamesId() != null) {
            return place.city().geonamesId() == known.geonamesId();
        }
        return place.countryCode().equals(known.countryCode());
    }

    static boolean sameOutcome(DraftOutcome outcome, Holdings.KnownOutcome known) {
        if (!outcome.kind.equals(known.kind()) || !datesAgree(outcome.date, known.date(), known.precision())) {
            return false;
        }
        Set<String> people = new HashSet<>();
        outcome.beneficiaries.forEach(p -> addStored(people, p));
        outcome.creditedTo.forEach(p -> addStored(people, p));
        for (DraftTalk talk : outcome.talks) {
            talk.participants().forEach(p -> addStored(people, p));
        }
        addStored(people, outcome.sender);
        addStored(people, outcome.recipient);
        addStored(people, outcome.through);
        boolean peopleAgree = people.isEmpty() || known.personIds().isEmpty() || known.personIds().stream().anyMatch(people::contains);
        boolean figuresAgree = outcome.figures.isEmpty() || known.figures().isEmpty()
                || outcome.figures.stream().anyMatch(f -> known.figures().contains(f.value()));
        return peopleAgree && figuresAgree;
    }

    private static void addStored(Set<String> ids, DraftPerson person) {
        if (person != null && person.stored != null) {
            ids.add(person.stored.id());
        }
    }

    /** Two dates agree when one lies within the other's span (a DAY within a stored YEAR). */
    private static boolean datesAgree(DateMention drafted, java.time.LocalDate date, DatePrecision precision) {
        if (drafted == null || date == null) {
            return true;
        }
        DateMention known = new DateMention(-1, -1, "", date, precision == null ? DatePrecision.DAY : precision);
        return drafted.within(known) || known.within(drafted);
    }
}
