package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.parley.common.DatePrecision;
import io.parley.common.Lexicon;

/**
 * Step 5a, talks: a sentence with a meeting cue ("met with", "held talks", "hosted", "a meeting
 * between", "will meet", "is expected to meet") states a talk between its subject and the people
 * the cue acts on. The cue gives the status (a condition, "if X meets Y", makes it EXPECTED), the
 * format and the subject's role; otherwise whoever is at home in the place is the host. Sentences
 * that tell the same talk (same people, same status, dates and places that agree) are one talk
 * citing each; a talk naming one person joins the one talk of the report that has them.
 */
final class Talks {

    private final Cues cues;
    private final Cues conditions;
    private final Cues closedDoor;
    /** Words of a title between "and" and a name ("and U.S. President Donald Trump"). */
    private final java.util.function.Predicate<Token> titleWord;

    Talks(Lexicon lexicon) {
        java.util.Set<String> roles = lexicon.words("roles");
        titleWord = token -> roles.contains(token.lower()) || token.capitalized() && token.text().matches("\\p{Lu}[\\p{L}.]*")
                && !token.is("And");
        cues = Cues.rules(lexicon, "talk-cues");
        conditions = Cues.phrases(lexicon, "conditional-cues");
        closedDoor = Cues.phrases(lexicon, "closed-door-cues");
    }

    /** Words that put what follows in the future: "will travel to Ankara to meet ...". */
    private static final java.util.regex.Pattern FUTURE = java.util.regex.Pattern.compile(
            "\\b(?:will|shall|is (?:expected|due|set|likely|scheduled) to|are (?:expected|due|set|likely|scheduled) to|plans? to|intends? to)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /** "hosted by": the cue's people are its agents, not its guests. */
    private static boolean passive(SentenceFacts facts, Cues.Hit cue) {
        int next = facts.sentence.tokenAt(cue.end());
        return next < facts.tokens().size() && facts.tokens().get(next).is("by");
    }

    List<DraftTalk> find(List<SentenceFacts> sentences, LocalDate published) {
        List<DraftTalk> talks = new ArrayList<>();
        for (SentenceFacts facts : sentences) {
            Cues.Hit cue = cues.first(facts.sentence);
            if (cue == null) {
                continue;
            }
            DraftTalk talk = new DraftTalk();
            String subjectRole = cue.cue().field(2);
            DraftPerson subject = facts.subjectBefore(cue.start());
            List<DraftPerson> objects = facts.objectsAfter(cue.end());
            if ("JOIN".equals(subjectRole)) {
                // "Waltz and Witkoff also attended": more people at the talk just told.
                if (!talks.isEmpty()) {
                    DraftTalk previous = talks.get(talks.size() - 1);
                    for (PersonMention actor : facts.actors()) {
                        if (actor.end() <= cue.start()) {
                            previous.roles.putIfAbsent(actor.person(), "PARTICIPANT");
                        }
                    }
                    previous.cite(facts.sentence);
                }
                continue;
            }
            if ("HOST".equals(subjectRole) && passive(facts, cue)) {
                // "The meeting, hosted by the Crown Prince, ...": the host of the talk just told.
                List<DraftPerson> hosts = facts.objectsAfter(facts.tokens().get(facts.sentence.tokenAt(cue.end())).end());
                if (!hosts.isEmpty() && !talks.isEmpty()) {
                    DraftTalk previous = talks.get(talks.size() - 1);
                    hosts.forEach(host -> previous.roles.put(host, "HOST"));
                    previous.cite(facts.sentence);
                }
                continue;
            }
            for (DraftPerson each : facts.subjectsBefore(cue.start(), titleWord)) {
                if (!objects.contains(each)) {
                    talk.roles.put(each, subjectRole != null ? subjectRole : "PARTICIPANT");
                }
            }
            for (DraftPerson object : objects) {
                talk.roles.putIfAbsent(object, "HOST".equals(subjectRole) ? "VISITOR" : "PARTICIPANT");
            }
            if (talk.roles.isEmpty()) {
                continue;
            }
            talk.status = cue.cue().field(0);
            int clause = facts.sentence.text().lastIndexOf(';', cue.start() - facts.sentence.start());
            int clauseStart = facts.sentence.start() + Math.max(0, clause);
            if ("HELD".equals(talk.status) && (conditions.anyBetween(facts.sentence, clauseStart, cue.start())
                    || FUTURE.matcher(facts.sentence.between(clauseStart, cue.start())).find())) {
                talk.status = "EXPECTED";
            }
            talk.format = cue.cue().field(1) != null ? cue.cue().field(1)
                    : facts.contains("by phone") || facts.contains("phone call") || facts.contains("telephone") ? "PHONE"
                    : facts.contains("video") ? "VIDEO" : "IN_PERSON";
            if (closedDoor.any(facts.sentence)) {
                talk.closedDoor = true;
            }
            talk.date = facts.bestDate(cue.start());
            if ("SHUTTLE".equals(talk.format)) {
                talk.places.addAll(facts.places);
            } else if (facts.bestPlace() != null) {
                talk.places.add(facts.bestPlace());
            }
            talk.cite(facts.sentence);
            talk.confidence = talk.roles.size() >= 2 ? 0.85 : 0.6;
            talks.add(talk);
        }
        List<DraftTalk> merged = merge(talks);
        for (DraftTalk talk : merged) {
            assignHosts(talk);
            if (talk.date == null) {
                // Undated: all the report supports is that it is a talk of the publication's year.
                talk.date = new DateMention(-1, -1, "", published.withDayOfYear(1), DatePrecision.YEAR);
                talk.confidence -= 0.1;
            }
        }
        return merged;
    }

    /** One talk per talk the report tells, however many sentences tell it. */
    private static List<DraftTalk> merge(List<DraftTalk> talks) {
        List<DraftTalk> merged = new ArrayList<>();
        for (DraftTalk talk : talks) {
            DraftTalk same = null;
            for (DraftTalk earlier : merged) {
                // The same people (or all of one's among the other's, as a headline names fewer) at a
                // time and place that agree.
                boolean samePeople = earlier.roles.keySet().equals(talk.roles.keySet())
                        || talk.roles.size() >= 2 && earlier.roles.size() >= 2
                                && (earlier.roles.keySet().containsAll(talk.roles.keySet())
                                        || talk.roles.keySet().containsAll(earlier.roles.keySet()));
                if (earlier.status.equals(talk.status) && samePeople
                        && datesAgree(earlier.date, talk.date) && placesAgree(earlier.place(), talk.place())) {
                    same = earlier;
                    break;
                }
            }
            if (same == null) {
                merged.add(talk);
            } else {
                absorb(same, talk);
            }
        }
        // A talk naming one person (not a mediation) is part of the one talk of the report that has them.
        List<DraftTalk> result = new ArrayList<>();
        for (DraftTalk talk : merged) {
            boolean alone = talk.roles.size() < 2 && !talk.roles.containsValue("MEDIATOR");
            if (!alone) {
                result.add(talk);
                continue;
            }
            DraftTalk home = null;
            int candidates = 0;
            for (DraftTalk other : merged) {
                if (other != talk && other.roles.size() >= 2 && other.status.equals(talk.status)
                        && other.roles.keySet().containsAll(talk.roles.keySet()) && datesAgree(other.date, talk.date)
                        && placesAgree(other.place(), talk.place())) {
                    home = other;
                    candidates++;
                }
            }
            if (candidates == 1) {
                absorb(home, talk);
            }
        }
        return result;
    }

    private static void absorb(DraftTalk into, DraftTalk talk) {
        for (Sentence passage : talk.passages) {
            into.cite(passage);
        }
        talk.roles.forEach((person, role) -> {
            String known = into.roles.get(person);
            if (known == null || "PARTICIPANT".equals(known)) {
                into.roles.put(person, role);
            }
        });
        if (into.date == null || talk.date != null && talk.date.precision().ordinal() < into.date.precision().ordinal()) {
            into.date = talk.date;
        }
        if (into.place() == null || into.place().city() == null && talk.place() != null && talk.place().city() != null) {
            into.places.clear();
            into.places.addAll(talk.places);
        }
        if (Boolean.TRUE.equals(talk.closedDoor)) {
            into.closedDoor = true;
        }
        into.confidence = Math.min(0.95, Math.max(into.confidence, talk.confidence) + 0.05);
    }

    static boolean datesAgree(DateMention a, DateMention b) {
        return a == null || b == null || a.within(b) || b.within(a);
    }

    static boolean placesAgree(PlaceMention a, PlaceMention b) {
        if (a == null || b == null) {
            return true;
        }
        if (a.city() != null && b.city() != null) {
            return a.city().geonamesId() == b.city().geonamesId();
        }
        return a.countryCode().equals(b.countryCode());
    }

    /** Whoever is at home where the talk is held hosts it; the others visit. Roles the cue gave stay. */
    private static void assignHosts(DraftTalk talk) {
        PlaceMention place = talk.place();
        if (place == null || talk.places.size() > 1) {
            return;
        }
        boolean anyHome = talk.roles.keySet().stream().anyMatch(p -> place.countryCode().equals(p.countryCode));
        if (!anyHome) {
            return;
        }
        talk.roles.replaceAll((person, role) -> !"PARTICIPANT".equals(role) ? role
                : place.countryCode().equals(person.countryCode) ? "HOST" : "VISITOR");
    }
}
