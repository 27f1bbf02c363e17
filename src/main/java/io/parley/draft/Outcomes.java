package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.DatePrecision;
import io.parley.common.Lexicon;

/**
 * Step 5c, outcomes: what a sentence says came of diplomacy, by the outcome cues of the lexicon
 * (a message conveyed, a prisoner swap, hostages freed, prisoners released, a ceasefire, a deal
 * sealed), with their figures ("33 hostages", "nearly 2,000 Palestinian prisoners", "a 14-year
 * prison sentence"), who was freed (the people named after "freed" or "release of") and who is
 * credited (the subject of "credited", "helping", "led to", "played a role"). A message goes from
 * the sentence's subject to the person after "to" or "for". Outcomes of one kind that the report
 * tells more than once (the same message, the same deal) are one outcome citing each sentence.
 */
final class Outcomes {

    private static final Pattern FIGURE = Pattern.compile(
            "(?<approx>(?:nearly|about|around|some|almost|roughly|approximately|more than|over|up to|at least) )?"
                    + "(?<number>\\d{1,3}(?:,\\d{3})+|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                    + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|dozen)"
                    + " (?<noun>(?:[A-Z][a-z]+ )?(?:hostages?|prisoners?|detainees?|captives?|people|civilians|soldiers))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE_YEARS = Pattern.compile("(?<years>\\d{1,2})-year (?:prison )?sentence");
    private static final Pattern CREDIT = Pattern.compile(
            "\\b(?:credited|helping|helped|led to|played a role|brokered|negotiated|negotiating|secured|seal|sealed)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELEASED = Pattern.compile("\\b(?:freed|released|release of|freeing)\\b",
            Pattern.CASE_INSENSITIVE);

    private final Cues cues;
    private final Cues notCues;
    private final Cues eventVerbs;
    private final Map<String, Long> numbers = new HashMap<>();

    Outcomes(Lexicon lexicon) {
        cues = Cues.rules(lexicon, "outcome-cues");
        eventVerbs = Cues.phrases(lexicon, "outcome-event-verbs");
        notCues = Cues.phrases(lexicon, "outcome-not-cues");
        for (String entry : lexicon.phrases("numbers")) {
            String[] parts = entry.split("\\s+");
            numbers.put(parts[0], Long.valueOf(parts[1]));
        }
    }

    List<DraftOutcome> find(List<SentenceFacts> sentences, LocalDate published, List<DraftTalk> talks) {
        List<DraftOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            SentenceFacts facts = sentences.get(i);
            List<Cues.Hit> refused = notCues.all(facts.sentence);
            for (Cues.Hit cue : cues.all(facts.sentence)) {
                if (refused.stream().anyMatch(no -> no.start() < cue.end() && cue.start() < no.end())) {
                    continue;
                }
                String kind = cue.cue().field(0);
                if ((kind.equals("CEASEFIRE") || kind.equals("AGREEMENT")) && !eventVerbs.any(facts.sentence)) {
                    continue;
                }
                DraftOutcome outcome = outcome(facts, cue, i + 1 < sentences.size() ? sentences.get(i + 1) : null, talks);
                if (outcome.date == null) {
                    outcome.date = new DateMention(-1, -1, "", published.withDayOfYear(1), DatePrecision.YEAR);
                    outcome.confidence -= 0.1;
                }
                outcomes.add(outcome);
            }
        }
        return merge(outcomes);
    }

    private DraftOutcome outcome(SentenceFacts facts, Cues.Hit cue, SentenceFacts next, List<DraftTalk> talks) {
        DraftOutcome outcome = new DraftOutcome();
        outcome.kind = cue.cue().field(0);
        outcome.status = facts.contains("will ") || facts.contains("would ") ? "PROPOSED" : "IMPLEMENTED";
        outcome.cite(facts.sentence);
        outcome.confidence = 0.8;
        outcome.date = facts.bestDate(cue.start());
        String text = facts.sentence.text();
        if (outcome.kind.equals("MESSAGE_CONVEYED")) {
            outcome.sender = facts.subjectBefore(cue.start());
            List<DraftPerson> to = afterWord(facts, cue.end(), "to", "for");
            outcome.recipient = to.isEmpty() ? null : to.get(0);
            List<DraftPerson> via = afterWord(facts, facts.sentence.start(), "through", "via");
            outcome.through = via.isEmpty() ? null : via.get(0);
            if (outcome.through == outcome.sender) {
                outcome.sender = null;
                for (PersonMention actor : facts.actors()) {
                    if (actor.person() != outcome.through && actor.person() != outcome.recipient && actor.start() < cue.start()) {
                        outcome.sender = actor.person();
                    }
                }
            }
            if (outcome.recipient == null) {
                Matcher side = Pattern.compile("\\bthe (\\w+ side)\\b", Pattern.CASE_INSENSITIVE).matcher(text);
                if (side.find()) {
                    outcome.recipientPhrase = "the " + side.group(1);
                }
            }
        } else {
            Matcher release = RELEASED.matcher(text);
            while (release.find()) {
                for (DraftPerson freed : facts.objectsAfter(facts.sentence.start() + release.end())) {
                    if (!outcome.beneficiaries.contains(freed)) {
                        outcome.beneficiaries.add(freed);
                    }
                }
            }
            Matcher credit = CREDIT.matcher(text);
            if (credit.find()) {
                DraftPerson credited = facts.subjectBefore(facts.sentence.start() + credit.start());
                if (credited != null && !outcome.beneficiaries.contains(credited)) {
                    outcome.creditedTo.add(credited);
                }
            }
            figures(outcome, facts, next);
        }
        for (DraftTalk talk : talks) {
            if (talk.passages.contains(facts.sentence)
                    || (facts.contains("during the meeting") || facts.contains("during the talks")) && talk.firstPassage().start() <= facts.sentence.start()) {
                if (!outcome.talks.contains(talk)) {
                    outcome.talks.clear();
                    outcome.talks.add(talk);
                }
            }
        }
        if (outcome.date == null && outcome.talks.size() == 1) {
            outcome.date = outcome.talks.get(0).date;
        }
        return outcome;
    }

    private static List<DraftPerson> afterWord(SentenceFacts facts, int from, String... words) {
        for (Token token : facts.tokens()) {
            if (token.start() >= from) {
                for (String word : words) {
                    if (token.is(word)) {
                        List<DraftPerson> objects = facts.objectsAfter(token.end());
                        if (!objects.isEmpty()) {
                            return objects;
                        }
                    }
                }
            }
        }
        return List.of();
    }

    /** The numbers the sentence gives for this kind of outcome (hostages for a hostage release, ...). */
    private void figures(DraftOutcome outcome, SentenceFacts facts, SentenceFacts next) {
        Matcher figure = FIGURE.matcher(facts.sentence.text());
        while (figure.find()) {
            String noun = figure.group("noun").toLowerCase(Locale.ROOT);
            boolean fits = switch (outcome.kind) {
                case "HOSTAGE_RELEASE" -> noun.contains("hostage") || noun.contains("captive");
                case "PRISONER_RELEASE" -> noun.contains("prisoner") || noun.contains("detainee");
                case "PRISONER_EXCHANGE" -> noun.contains("prisoner") || noun.contains("detainee") || noun.contains("hostage");
                default -> false;
            };
            if (fits) {
                String number = figure.group("number").toLowerCase(Locale.ROOT).replace(",", "");
                if (number.length() > 9) {
                    continue; // more than anyone has freed: a figure is a count of people (Parley stores an Int)
                }
                Long value = number.chars().allMatch(Character::isDigit) ? Long.valueOf(number) : numbers.get(number);
                if (value == null) {
                    continue;
                }
                String label = figure.group("noun") + (noun.contains("hostage") ? " freed" : " released");
                outcome.figures.add(new DraftOutcome.Figure(label, value, figure.group("approx") != null));
            }
        }
        // "serving a 14-year prison sentence": how long the freed person was held for.
        if (!outcome.beneficiaries.isEmpty()) {
            for (SentenceFacts where : next == null ? List.of(facts) : List.of(facts, next)) {
                Matcher years = SENTENCE_YEARS.matcher(where.sentence.text());
                if (years.find()) {
                    outcome.figures.add(new DraftOutcome.Figure("years of the prison sentence "
                            + outcome.beneficiaries.get(0).name + " was serving", Long.parseLong(years.group("years")), false));
                    outcome.cite(where.sentence);
                    break;
                }
            }
        }
    }

    /** One outcome per outcome the report tells: the same kind, to the same recipient, with figures that agree. */
    private static List<DraftOutcome> merge(List<DraftOutcome> outcomes) {
        List<DraftOutcome> merged = new ArrayList<>();
        for (DraftOutcome outcome : outcomes) {
            DraftOutcome same = null;
            for (DraftOutcome earlier : merged) {
                if (earlier.kind.equals(outcome.kind) && agree(earlier, outcome)) {
                    same = earlier;
                    break;
                }
            }
            if (same == null) {
                merged.add(outcome);
                continue;
            }
            absorb(same, outcome);
        }
        return merged;
    }

    private static void absorb(DraftOutcome same, DraftOutcome outcome) {
        {
            for (Sentence passage : outcome.passages) {
                same.cite(passage);
            }
            for (DraftOutcome.Figure figure : outcome.figures) {
                if (same.figures.stream().noneMatch(f -> f.value() == figure.value())) {
                    same.figures.add(figure);
                }
            }
            outcome.beneficiaries.stream().filter(p -> !same.beneficiaries.contains(p)).forEach(same.beneficiaries::add);
            outcome.creditedTo.stream().filter(p -> !same.creditedTo.contains(p)).forEach(same.creditedTo::add);
            outcome.talks.stream().filter(t -> !same.talks.contains(t)).forEach(same.talks::add);
            if (same.sender == null) {
                same.sender = outcome.sender;
            }
            if (same.through == null) {
                same.through = outcome.through;
            }
            if (outcome.date != null && (same.date == null || outcome.date.precision().ordinal() < same.date.precision().ordinal())) {
                same.date = outcome.date;
            }
            same.confidence = Math.min(0.95, same.confidence + 0.05);
        }
    }

    private static boolean agree(DraftOutcome a, DraftOutcome b) {
        if (a.kind.equals("MESSAGE_CONVEYED")) {
            return a.recipient == b.recipient && a.recipient != null;
        }
        boolean figuresAgree = a.figures.isEmpty() || b.figures.isEmpty()
                || a.figures.stream().anyMatch(f -> b.figures.stream().anyMatch(g -> g.value() == f.value()));
        boolean freedAgree = a.beneficiaries.isEmpty() || b.beneficiaries.isEmpty()
                || a.beneficiaries.stream().anyMatch(b.beneficiaries::contains);
        return figuresAgree && freedAgree && Talks.datesAgree(a.date, b.date);
    }
}
