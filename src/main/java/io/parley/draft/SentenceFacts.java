package io.parley.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One sentence with what the earlier steps found in it: the people it names, its dates and
 * places, and whom "he" or "she" means in it (the person the last few sentences were most
 * about). The record steps (talks, statements, outcomes, trips) read sentences through this.
 */
final class SentenceFacts {

    private static final Set<String> PRONOUNS = Set.of("he", "she");
    /** Words after which a date bounds an event instead of dating it ("after the invasion in 2022"). */
    private static final Set<String> BOUNDS = Set.of("after", "since", "before", "until", "following");
    /** Tokens that end the noun phrase after a verb ("met X, and...", "freed X that..."). */
    private static final Set<String> PHRASE_ENDS = Set.of(",", ";", ".", ":", "that", "which", "who", "to", "for",
            "after", "before", "during", "while", "as", "about", "said", "says", "stated", "(", ")");

    final Sentence sentence;
    final List<PersonMention> people;
    final List<DateMention> dates;
    final List<PlaceMention> places;
    /** Whom a pronoun in this sentence refers to, or null. */
    final DraftPerson topic;
    private final List<DraftPerson> everyone;

    SentenceFacts(Sentence sentence, List<PersonMention> people, List<DateMention> dates, List<PlaceMention> places,
            DraftPerson topic, List<DraftPerson> everyone) {
        this.sentence = sentence;
        this.people = people;
        this.dates = dates;
        this.places = places;
        this.topic = topic;
        this.everyone = everyone;
    }

    List<Token> tokens() {
        return sentence.tokens();
    }

    /** People named as actors here: not only as an owner ("Putin's envoy") and not as a source ("according to X"). */
    List<PersonMention> actors() {
        List<PersonMention> actors = new ArrayList<>();
        for (PersonMention mention : people) {
            if (!mention.possessive() && !attributed(mention)) {
                actors.add(mention);
            }
        }
        return actors;
    }

    /** Whether the mention is the source of the sentence ("according to X"). */
    boolean attributed(PersonMention mention) {
        int k = mention.first();
        List<Token> tokens = tokens();
        // skip the role words before the name: "according to retired Lt Gen Keith Kellogg"
        for (int back = k - 1; back >= 0 && back >= k - 6; back--) {
            if (tokens.get(back).is("to") && back > 0 && tokens.get(back - 1).is("according")) {
                return true;
            }
            if (tokens.get(back).text().matches("[,.;]")) {
                return false;
            }
        }
        return false;
    }

    /** The person doing what happens at {@code offset}: the nearest actor before it, else "he"/"she" before it. */
    DraftPerson subjectBefore(int offset) {
        PersonMention nearest = null;
        for (PersonMention mention : actors()) {
            if (mention.end() <= offset && (nearest == null || mention.end() > nearest.end())) {
                nearest = mention;
            }
        }
        int pronoun = -1;
        for (Token token : tokens()) {
            if (token.end() <= offset && PRONOUNS.contains(token.lower())) {
                pronoun = token.start();
            }
        }
        if (topic != null && pronoun >= 0 && (nearest == null || pronoun > nearest.end() || isAgent(nearest))) {
            return topic;
        }
        return nearest == null ? (pronoun >= 0 ? topic : null) : nearest.person();
    }

    /**
     * Everyone doing what happens at {@code offset}: the subject, and whoever is joined to it by
     * "and" ("Zelensky and U.S. President Donald Trump met").
     */
    List<DraftPerson> subjectsBefore(int offset, java.util.function.Predicate<Token> titleWord) {
        List<DraftPerson> subjects = new ArrayList<>();
        DraftPerson subject = subjectBefore(offset);
        if (subject == null) {
            return subjects;
        }
        subjects.add(subject);
        PersonMention current = null;
        for (PersonMention mention : actors()) {
            if (mention.person() == subject && mention.end() <= offset) {
                current = mention;
            }
        }
        while (current != null) {
            int k = current.first() - 1;
            while (k >= 0 && titleWord.test(tokens().get(k))) {
                k--;
            }
            if (k < 1 || !tokens().get(k).is("and")) {
                break;
            }
            PersonMention joined = null;
            for (PersonMention mention : actors()) {
                if (mention.last() == k) {
                    joined = mention;
                }
            }
            if (joined == null || subjects.contains(joined.person())) {
                break;
            }
            subjects.add(0, joined.person());
            current = joined;
        }
        return subjects;
    }

    /** "praised by X": X is no subject of what follows. */
    private boolean isAgent(PersonMention mention) {
        return mention.first() > 0 && tokens().get(mention.first() - 1).is("by");
    }

    /**
     * The people a verb at {@code offset} acts on: the actors named after it up to the end of
     * its phrase, "X and Y" included; "X's envoy" is the envoy of X the report names.
     */
    List<DraftPerson> objectsAfter(int offset) {
        List<DraftPerson> objects = new ArrayList<>();
        List<Token> tokens = tokens();
        int k = sentence.tokenAt(offset);
        for (; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            PersonMention mention = mentionAt(k);
            if (mention != null) {
                if (mention.possessive()) {
                    DraftPerson envoy = envoyOf(mention.person(), k);
                    if (envoy != null && !objects.contains(envoy)) {
                        objects.add(envoy);
                        return objects;
                    }
                } else if (!objects.contains(mention.person())) {
                    objects.add(mention.person());
                }
                k = mention.last() - 1;
                continue;
            }
            if (PHRASE_ENDS.contains(token.lower())) {
                break;
            }
            // "met X and sent ...": a new verb phrase ends the objects.
            if (!objects.isEmpty() && token.is("and") && k + 1 < tokens.size() && !tokens.get(k + 1).capitalized()
                    && !tokens.get(k + 1).lower().matches("the|his|her|their|its|a|an")) {
                break;
            }
        }
        return objects;
    }

    /** The person the report calls "X's envoy" when the words after X's are an envoy role. */
    private DraftPerson envoyOf(DraftPerson owner, int ownerToken) {
        List<Token> tokens = tokens();
        for (int k = ownerToken + 1; k < Math.min(tokens.size(), ownerToken + 6); k++) {
            if (tokens.get(k).lower().equals("envoy")) {
                for (DraftPerson person : everyone) {
                    if (person.envoyOf == owner) {
                        return person;
                    }
                }
                return null;
            }
        }
        return null;
    }

    private PersonMention mentionAt(int token) {
        for (PersonMention mention : people) {
            if (mention.first() <= token && token < mention.last()) {
                return mention;
            }
        }
        return null;
    }

    /** Whether a token stands in a clause that bounds the event ("after ...", "since ..."). */
    private boolean bounded(int token) {
        List<Token> tokens = tokens();
        for (int back = token - 1; back >= 0 && back >= token - 14; back--) {
            if (BOUNDS.contains(tokens.get(back).lower())) {
                return true;
            }
            if (tokens.get(back).text().matches("[,;]")) {
                return false;
            }
        }
        return false;
    }

    /** The dates that date what the sentence states: not those that only bound it ("after ... in 2022"). */
    List<DateMention> eventDates() {
        List<DateMention> dated = new ArrayList<>();
        for (DateMention date : dates) {
            boolean bound = bounded(sentence.tokenAt(date.start()));
            if (date.text().toLowerCase(java.util.Locale.ROOT).startsWith("since")
                    || date.text().toLowerCase(java.util.Locale.ROOT).startsWith("until")) {
                bound = true;
            }
            if (!bound) {
                dated.add(date);
            }
        }
        return dated;
    }

    /** The most precise event date of the sentence, or null. */
    DateMention bestDate() {
        return bestDate(-1);
    }

    /**
     * The event date of the part of the sentence around {@code offset} (its clause between
     * semicolons, when it has one), the most precise first; or null.
     */
    DateMention bestDate(int offset) {
        int from = sentence.start();
        int to = sentence.end();
        if (offset >= 0) {
            String text = sentence.text();
            int before = text.lastIndexOf(';', offset - sentence.start());
            int after = text.indexOf(';', offset - sentence.start());
            from = before < 0 ? from : sentence.start() + before;
            to = after < 0 ? to : sentence.start() + after;
        }
        DateMention best = null;
        for (DateMention date : eventDates()) {
            if (date.start() >= from && date.end() <= to
                    && (best == null || date.precision().ordinal() < best.precision().ordinal())) {
                best = date;
            }
        }
        return best;
    }

    /** The first place named after {@code offset} within {@code tokens} tokens, or null. */
    PlaceMention placeAfter(int offset, int within) {
        int k = sentence.tokenAt(offset);
        for (PlaceMention place : places) {
            if (place.first() >= k && place.first() - k <= within) {
                return place;
            }
        }
        return null;
    }

    /**
     * Where what the sentence states happened: the most specific place (a city before a country)
     * named "in", "at" or "to" a place, not in a clause that only bounds it ("after Moscow and
     * Washington initiated their talks").
     */
    PlaceMention bestPlace() {
        PlaceMention best = null;
        for (PlaceMention place : places) {
            if (place.first() == 0 || !tokens().get(place.first() - 1).lower().matches("in|at|to|into|near|visit|visited|visiting") || bounded(place.first())) {
                continue;
            }
            if (best == null || best.city() == null && place.city() != null) {
                best = place;
            }
        }
        return best;
    }

    boolean contains(String lowerPhrase) {
        return sentence.lower().contains(lowerPhrase);
    }
}
