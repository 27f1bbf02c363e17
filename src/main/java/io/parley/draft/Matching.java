package io.parley.draft;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.parley.common.DatePrecision;

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
        List<Holdings.KnownStatement> statements = holdings.statementsOf(personIds);
        for (DraftStatement statement : report.statements()) {
            for (Holdings.KnownStatement known : statements) {
                if (statement.speaker.stored != null && statement.speaker.stored.id().equals(known.speakerId())
                        && io.parley.person.PersonNames.key(statement.quote).equals(io.parley.person.PersonNames.key(known.quote()))) {
                    statement.storedId = known.id();
                    statement.adds.add("a citation of this report");
                }
            }
        }
        List<Holdings.KnownOutcome> outcomes = holdings.outcomesOf(personIds);
        for (DraftOutcome outcome : report.outcomes()) {
            for (Holdings.KnownOutcome known : outcomes) {
                if (sameOutcome(outcome, known)) {
                    outcome.storedId = known.id();
                    outcome.adds.add("a citation of this report");
                    if (outcome.date != null && outcome.date.precision().ordinal() < known.precision().ordinal()) {
                        outcome.adds.add("a more precise date: " + outcome.date.date() + " (" + outcome.date.precision()
                                + ", was " + known.precision() + ")");
                    }
                    break;
                }
            }
        }
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
