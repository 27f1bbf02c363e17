package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.parley.common.Lexicon;

/**
 * Report drafting, composed in one place: the steps that turn a report's text into proposed
 * records, in order, each a small class with its own tests.
 * <ol>
 * <li>{@link Sentences}: lines, sentences (OpenNLP) and tokens, with exact offsets;
 * <li>{@link People}: who is named, in every spelling, matched to the people Parley holds;
 * <li>{@link Dates}: date expressions resolved against the publication date;
 * <li>{@link Places}: cities and countries from the shipped gazetteer;
 * <li>records: {@link Talks}, {@link Outcomes}, {@link Statements}, {@link Trips}, {@link Envoys} from the cue
 * phrases of the lexicon ({@value #LEXICON});
 * <li>{@link Matching}: drafted talks and outcomes that Parley already holds.
 * </ol>
 * Thread-safe and without I/O once built: the models and word lists load once (about 0.4 s).
 */
final class Drafting {

    static final String LEXICON = "draft/lexicon.txt";

    private final Sentences sentences;
    private final People people;
    private final Dates dates;
    private final Places places;
    private final Talks talks;
    private final Outcomes outcomes;
    private final Statements statements;
    private final Trips trips;
    private final Envoys envoys;

    Drafting(Lexicon lexicon, Gazetteer gazetteer, Sentences sentences) {
        this.sentences = sentences;
        this.people = new People(lexicon, gazetteer);
        this.dates = new Dates(lexicon);
        this.places = new Places(lexicon, gazetteer);
        this.talks = new Talks(lexicon);
        this.outcomes = new Outcomes(lexicon);
        this.statements = new Statements(lexicon);
        this.trips = new Trips(lexicon);
        this.envoys = new Envoys(gazetteer);
    }

    static Drafting load() {
        return new Drafting(Lexicon.load(LEXICON), Gazetteer.load(), Sentences.load());
    }

    DraftedReport read(String text, LocalDate published, Holdings holdings) {
        List<Sentence> split = sentences.split(text);
        List<DraftPerson> named = people.find(split, holdings);
        List<SentenceFacts> facts = facts(split, named, published);
        born(facts);
        List<DraftTalk> drafted = talks.find(facts, published);
        List<DraftOutcome> results = outcomes.find(facts, published, drafted);
        List<DraftStatement> said = new ArrayList<>();
        for (SentenceFacts sentence : facts) {
            boolean eventful = drafted.stream().anyMatch(t -> t.passages.contains(sentence.sentence))
                    || results.stream().anyMatch(o -> o.passages.contains(sentence.sentence));
            said.addAll(statements.find(sentence, eventful, published, drafted));
        }
        List<DraftTrip> travelled = trips.find(facts, named, drafted);
        List<DraftEnvoy> appointed = envoys.find(facts, named, travelled, drafted, holdings);
        DraftedReport report = new DraftedReport(text, split, named, appointed, drafted, travelled, results, said);
        Matching.match(report, holdings);
        return report;
    }

    /** "Fogel was arrested": the person is acted on, not acting. */
    private static boolean passiveAfter(SentenceFacts facts, PersonMention mention) {
        List<Token> tokens = facts.tokens();
        int k = mention.last();
        return k + 1 < tokens.size() && tokens.get(k).lower().matches("was|were|is|are|has been|had been")
                && tokens.get(k + 1).lower().matches("\\p{L}+(?:ed|en)") && !tokens.get(k + 1).lower().matches("(?:seen|been|open|often)");
    }

    /** "Steven Charles Witkoff (born March 15, 1957)": the birth date the report gives for a person. */
    private static void born(List<SentenceFacts> facts) {
        for (SentenceFacts sentence : facts) {
            for (PersonMention mention : sentence.people) {
                for (DateMention date : sentence.dates) {
                    if (date.start() >= mention.end() && mention.person().born == null
                            && sentence.sentence.between(mention.end(), date.start()).matches("\\s*\\(\\s*born\\s+(?:on\\s+)?")) {
                        mention.person().born = date;
                    }
                }
            }
        }
    }

    /** Each sentence with its people, dates, places and the person its pronouns mean. */
    private List<SentenceFacts> facts(List<Sentence> split, List<DraftPerson> named, LocalDate published) {
        Map<Sentence, List<PersonMention>> mentions = new HashMap<>();
        Map<DraftPerson, Integer> counts = new HashMap<>();
        for (DraftPerson person : named) {
            counts.put(person, person.mentions.size());
            for (PersonMention mention : person.mentions) {
                mentions.computeIfAbsent(mention.sentence(), s -> new ArrayList<>()).add(mention);
            }
        }
        List<SentenceFacts> facts = new ArrayList<>();
        DateMention previous = null;
        for (Sentence sentence : split) {
            List<PersonMention> here = new ArrayList<>(mentions.getOrDefault(sentence, List.of()));
            here.sort((a, b) -> Integer.compare(a.start(), b.start()));
            List<DateMention> found = dates.find(sentence, published, previous);
            if (!found.isEmpty()) {
                previous = found.get(found.size() - 1);
            }
            facts.add(new SentenceFacts(sentence, here, found, places.find(sentence, here, found),
                    topic(facts, counts), named));
        }
        return facts;
    }

    /**
     * Whom "he" or "she" means: of the people acting in the three sentences before, the one the
     * report names most (news reports keep their pronouns for their protagonist).
     */
    private static DraftPerson topic(List<SentenceFacts> before, Map<DraftPerson, Integer> counts) {
        // The subject of the sentence just before, when it acts ("Zelenskiy ... said"; not "Fogel was arrested").
        if (!before.isEmpty()) {
            SentenceFacts last = before.get(before.size() - 1);
            List<PersonMention> actors = last.actors();
            if (!actors.isEmpty() && actors.get(0).first() <= 8 && !passiveAfter(last, actors.get(0))) {
                return actors.get(0).person();
            }
        }
        DraftPerson topic = null;
        for (int i = before.size() - 1; i >= 0 && i >= before.size() - 3; i--) {
            SentenceFacts facts = before.get(i);
            for (PersonMention actor : facts.actors()) {
                if (topic == null || counts.get(actor.person()) > counts.get(topic)) {
                    topic = actor.person();
                }
            }
            if (topic == null && facts.topic != null) {
                topic = facts.topic;
            }
        }
        return topic;
    }
}
