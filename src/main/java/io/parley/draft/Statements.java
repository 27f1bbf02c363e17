package io.parley.draft;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.DatePrecision;
import io.parley.common.Lexicon;

/**
 * Step 5b, statements: words a sentence attributes to a person. A quotation of four words or
 * more next to a speech cue ("...," Peskov stated) is a verbatim statement of the cue's speaker;
 * otherwise the sentence reports speech: "X said that ...", "X, who said that ...", "According to
 * X, ...", "..., according to X", "X confirmed ...", "praised by X". A sentence that states a
 * talk or an outcome and ends "..., X said" is that record's source, not another statement. The
 * tone is set only where a cue word supports it; an undated statement is dated to the year of
 * publication, at YEAR precision.
 */
final class Statements {

    private static final Pattern APPOINTMENT = Pattern.compile("\\b(?:appoint|appointed|appointing|nominate|nominated|named)\\b");
    private static final Pattern QUOTE = Pattern.compile("[\"“]([^\"”]{3,}?)[\"”]");

    private final Cues speech;
    private final Cues tones;
    private final Cues attributions;

    Statements(Lexicon lexicon) {
        speech = Cues.phrases(lexicon, "speech-cues");
        tones = Cues.rules(lexicon, "tone-cues");
        attributions = Cues.phrases(lexicon, "attribution-cues");
    }

    /** {@code eventful}: whether the sentence states a talk or an outcome (then a trailing "X said" only sources it). */
    List<DraftStatement> find(SentenceFacts facts, boolean eventful, LocalDate published, List<DraftTalk> talks) {
        List<DraftStatement> found = new ArrayList<>();
        Sentence sentence = facts.sentence;
        List<Cues.Hit> cues = speech.all(sentence);
        // Verbatim: quotations of four words or more, each spoken by the speaker a cue names.
        Matcher quote = QUOTE.matcher(sentence.text());
        DraftPerson quoted = null;
        while (quote.find()) {
            String words = quote.group(1).strip();
            if (words.split("\\s+").length < 4) {
                continue;
            }
            DraftPerson speaker = quoted != null ? quoted : speakerNear(facts, cues);
            if (speaker == null) {
                continue;
            }
            quoted = speaker;
            DraftStatement statement = statement(facts, speaker, words, true, published, talks);
            statement.start = sentence.start() + quote.start(1);
            statement.end = sentence.start() + quote.end(1);
            found.add(statement);
        }
        if (!found.isEmpty()) {
            return found;
        }
        for (Cues.Hit cue : cues) {
            DraftStatement reported = reported(facts, cue, eventful, published, talks);
            if (reported != null && APPOINTMENT.matcher(reported.quote).find()) {
                // "announced that he would appoint X": an envoy appointment (Envoys), not a statement.
                continue;
            }
            if (reported != null) {
                found.add(reported);
                return found;
            }
        }
        DraftStatement according = according(facts, published, talks);
        if (according != null) {
            found.add(according);
        }
        return found;
    }

    /**
     * The speaker of a quotation: the person named outside the quotation marks next to a speech
     * cue, before it ("Peskov stated") or right after it ("said Peskov"), or "he" before it.
     */
    private static DraftPerson speakerNear(SentenceFacts facts, List<Cues.Hit> cues) {
        List<int[]> quoted = new ArrayList<>();
        Matcher quote = QUOTE.matcher(facts.sentence.text());
        while (quote.find()) {
            quoted.add(new int[] {facts.sentence.start() + quote.start(), facts.sentence.start() + quote.end()});
        }
        for (Cues.Hit cue : cues) {
            if (quoted.stream().anyMatch(q -> q[0] <= cue.start() && cue.end() <= q[1])) {
                continue;
            }
            int cueToken = facts.sentence.tokenAt(cue.start());
            PersonMention best = null;
            for (PersonMention mention : facts.actors()) {
                boolean inQuote = quoted.stream().anyMatch(q -> q[0] <= mention.start() && mention.end() <= q[1]);
                int distance = mention.last() <= cueToken ? cueToken - mention.last() : mention.first() - cueToken - 1;
                if (!inQuote && distance <= 3 && (best == null || Math.abs(distance) < Math.abs(
                        best.last() <= cueToken ? cueToken - best.last() : best.first() - cueToken - 1))) {
                    best = mention;
                }
            }
            if (best != null) {
                return best.person();
            }
            if (cueToken > 0 && facts.tokens().get(cueToken - 1).lower().matches("he|she")) {
                return facts.topic;
            }
        }
        return null;
    }

    /** "X said that ...", "X confirmed ...", "praised by X", "..., X said". */
    private DraftStatement reported(SentenceFacts facts, Cues.Hit cue, boolean eventful, LocalDate published,
            List<DraftTalk> talks) {
        Sentence sentence = facts.sentence;
        List<Token> tokens = sentence.tokens();
        int after = sentence.tokenAt(cue.end());
        for (DateMention date : facts.dates) {
            // "Peskov said on Friday that ...": the date dates the saying; the words follow it.
            if (after < tokens.size() && date.start() == tokens.get(after).start()) {
                after = sentence.tokenAt(date.end());
            }
        }
        String phrase = cue.cue().phrase();
        if (phrase.equals("praised") && after < tokens.size() && tokens.get(after).is("by")) {
            List<DraftPerson> agents = facts.objectsAfter(tokens.get(after).end());
            if (agents.isEmpty()) {
                return null;
            }
            return statement(facts, agents.get(0), resolvePronouns(facts, sentence.text()), false, published, talks)
                    .at(sentence.start(), sentence.end());
        }
        DraftPerson speaker = facts.subjectBefore(cue.start());
        if (speaker == null) {
            return null;
        }
        boolean trailing = after >= tokens.size() - 1 || tokens.get(after).text().equals(",")
                && attributions.anyBetween(sentence, tokens.get(after).end(), sentence.end());
        if (after < tokens.size() && tokens.get(after).is("that")) {
            int start = tokens.get(after).end();
            int end = clauseEnd(sentence, start);
            return statement(facts, speaker, resolvePronouns(facts, sentence.between(start, end)), false, published, talks)
                    .at(start, end);
        }
        if (trailing) {
            if (eventful) {
                return null;
            }
            PersonMention mention = speaker.mentions.stream().filter(m -> m.sentence() == sentence).findFirst().orElse(null);
            int end = mention == null ? cue.start() : firstRoleStart(facts, mention);
            String words = sentence.between(sentence.start(), end).replaceAll("[,\\s]+$", "");
            if (words.split("\\s+").length < 4) {
                return null;
            }
            return statement(facts, speaker, resolvePronouns(facts, words), false, published, talks).at(sentence.start(), end);
        }
        if (phrase.equals("said") || phrase.equals("says") || phrase.equals("stated") || phrase.equals("told")
                || phrase.equals("noting") || phrase.equals("added")) {
            // "Lavrov said the talks had been useful", "Rubio told reporters the two sides agreed":
            // what follows the verb (and its listener) is the reported clause.
            int k = after;
            if (phrase.equals("told") && k < tokens.size() && !tokens.get(k).capitalized()) {
                while (k < tokens.size() && !tokens.get(k).lower().matches("that|the|a|an|he|she|they|it|we|i|there")
                        && !tokens.get(k).capitalized()) {
                    k++;
                }
            }
            if (k >= tokens.size() || tokens.get(k).text().matches("[,.;:\"“”]")) {
                return null;
            }
            int start = tokens.get(k).start();
            int end = clauseEnd(sentence, start);
            String words = sentence.between(start, end);
            if (words.split("\\s+").length < 4) {
                return null;
            }
            return statement(facts, speaker, resolvePronouns(facts, words), false, published, talks).at(start, end);
        }
        // "confirmed Witkoff's visit", "gave a speech in English expressing gratitude"
        int end = clauseEnd(sentence, cue.start());
        if (sentence.between(cue.start(), end).split("\\s+").length < 4) {
            return null; // "praised the envoy." says too little to stand as a statement
        }
        return statement(facts, speaker, sentence.between(cue.start(), end), false, published, talks).at(cue.start(), end);
    }

    /** "According to X, ..." and "..., according to X": X's words, when X is a person. */
    private DraftStatement according(SentenceFacts facts, LocalDate published, List<DraftTalk> talks) {
        Sentence sentence = facts.sentence;
        for (PersonMention mention : facts.people) {
            if (!facts.attributed(mention)) {
                continue;
            }
            int at = sentence.lower().indexOf("according to");
            int atOffset = sentence.start() + at;
            String words;
            int start;
            int end;
            if (atOffset < mention.start() && at <= 1) {
                int comma = sentence.text().indexOf(',', mention.end() - sentence.start());
                if (comma < 0) {
                    return null;
                }
                start = sentence.start() + comma + 1;
                end = sentence.end();
            } else {
                start = sentence.start();
                end = atOffset;
            }
            words = sentence.between(start, end).strip().replaceAll("[,\\s]+$", "");
            if (words.split("\\s+").length < 4) {
                return null;
            }
            return statement(facts, mention.person(), resolvePronouns(facts, words), false, published, talks).at(start, end);
        }
        return null;
    }

    private static int firstRoleStart(SentenceFacts facts, PersonMention mention) {
        List<Token> tokens = facts.tokens();
        int k = mention.first();
        while (k > 0 && !tokens.get(k - 1).text().equals(",")) {
            k--;
        }
        return k > 0 ? tokens.get(k - 1).start() : mention.start();
    }

    /** Where a reported clause ends: the sentence's end, or ", while ..." that starts another. */
    private static int clauseEnd(Sentence sentence, int from) {
        String rest = sentence.text().substring(from - sentence.start());
        Matcher next = Pattern.compile(",\\s+(?:while|but|although|though|as)\\b|;").matcher(rest);
        return next.find() ? from + next.start() : sentence.end();
    }

    private DraftStatement statement(SentenceFacts facts, DraftPerson speaker, String words, boolean verbatim,
            LocalDate published, List<DraftTalk> talks) {
        DraftStatement statement = new DraftStatement();
        statement.speaker = speaker;
        statement.quote = sentenceCase(words);
        statement.verbatim = verbatim;
        statement.saidOn = facts.bestDate();
        if (statement.saidOn == null) {
            // Said by the time of publication, when the report does not say: the year of publication,
            // as for an undated talk or outcome (the proposal tells the editor it was assumed).
            statement.saidOn = new DateMention(-1, -1, "", published.withDayOfYear(1), DatePrecision.YEAR);
        }
        Cues.Hit tone = tones.first(facts.sentence);
        statement.tone = tone == null ? null : tone.cue().field(0);
        if (facts.contains("the meeting") || facts.contains("the talks") || facts.contains("the negotiations")) {
            for (DraftTalk talk : talks) {
                if (talk.firstPassage().start() <= facts.sentence.start() && "HELD".equals(talk.status)) {
                    statement.talk = talk;
                }
            }
        }
        for (DraftTalk talk : talks) {
            if (talk.passages.contains(facts.sentence)) {
                statement.talk = talk;
            }
        }
        statement.cite(facts.sentence);
        statement.confidence = verbatim ? 0.9 : 0.75;
        return statement;
    }

    /** "He is credited ..." becomes "Witkoff is credited ...": a statement stands on its own. */
    private static String resolvePronouns(SentenceFacts facts, String words) {
        if (facts.topic == null) {
            return words;
        }
        String surname = facts.topic.name.substring(facts.topic.name.lastIndexOf(' ') + 1);
        return words.replaceFirst("^(?:He|She)\\b", surname);
    }

    /** A quotation as a sentence: capitalised, ending in one full stop. */
    static String sentenceCase(String words) {
        String text = words.strip().replaceAll("^[,;:\\s]+", "").replaceAll("[,;:\\s]+$", "");
        if (text.isEmpty()) {
            return text;
        }
        text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
        if (!text.matches("(?s).*[.!?][\"”’]?$")) {
            text = text + ".";
        }
        return text;
    }
}
