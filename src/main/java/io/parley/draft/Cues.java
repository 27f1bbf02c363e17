package io.parley.draft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.parley.common.Lexicon;

/**
 * The cue phrases of one lexicon section, each with the fields that follow it on its line
 * ("hosted | HELD | | HOST"), found in a sentence on word boundaries regardless of case; longer
 * phrases first, so "ceasefire deal" is found before "ceasefire" and the two never overlap.
 */
final class Cues {

    /** A cue of the lexicon: its phrase and the rest of its line. */
    record Cue(String phrase, List<String> fields, Pattern pattern) {
        String field(int index) {
            return index < fields.size() && !fields.get(index).isEmpty() ? fields.get(index) : null;
        }
    }

    /** A cue found at characters {@code [start, end)} of the report. */
    record Hit(Cue cue, int start, int end) {
    }

    private final List<Cue> cues = new ArrayList<>();

    private Cues(List<List<String>> entries) {
        for (List<String> entry : entries) {
            String phrase = entry.get(0);
            cues.add(new Cue(phrase.toLowerCase(java.util.Locale.ROOT), entry.subList(1, entry.size()),
                    Pattern.compile("(?<![\\p{L}\\p{N}])" + regex(phrase) + "(?![\\p{L}\\p{N}])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        }
        cues.sort(Comparator.comparingInt((Cue cue) -> cue.phrase().length()).reversed());
    }

    /**
     * A number of people or things, with the words that qualify it: "33", "nearly 2,000
     * Palestinian", "three", "dozens of". A cue phrase writes it {@code {n}} ("freed {n} hostages").
     */
    static final String NUMBER = "(?:(?:nearly|about|around|some|almost|roughly|approximately|more than|over|up to|at least) )?"
            + "(?:\\d{1,3}(?:,\\d{3})+|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of)"
            + "(?: (?-i:[A-Z])\\p{L}+)?";

    private static String regex(String phrase) {
        StringBuilder regex = new StringBuilder();
        String[] parts = phrase.split("\\{n\\}", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(NUMBER);
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return regex.toString().replace("\\Q\\E", "");
    }

    /** A section of rules: each line a phrase followed by what it means ("hosted | HELD | | HOST"). */
    static Cues rules(Lexicon lexicon, String section) {
        return new Cues(lexicon.entries(section));
    }

    /** A section of phrases: every field of every line is a cue of its own ("said | says | stated"). */
    static Cues phrases(Lexicon lexicon, String section) {
        return new Cues(lexicon.phrases(section).stream().map(phrase -> List.of(phrase)).toList());
    }

    /** Every cue in the sentence, longest first where two would overlap, in text order. */
    List<Hit> all(Sentence sentence) {
        List<Hit> hits = new ArrayList<>();
        for (Cue cue : cues) {
            Matcher m = cue.pattern().matcher(sentence.text());
            while (m.find()) {
                int start = sentence.start() + m.start();
                int end = sentence.start() + m.end();
                if (hits.stream().noneMatch(hit -> hit.start() < end && start < hit.end())) {
                    hits.add(new Hit(cue, start, end));
                }
            }
        }
        hits.sort(Comparator.comparingInt(Hit::start));
        return hits;
    }

    /** The first cue in the sentence, or null. */
    Hit first(Sentence sentence) {
        List<Hit> hits = all(sentence);
        return hits.isEmpty() ? null : hits.get(0);
    }

    boolean any(Sentence sentence) {
        return first(sentence) != null;
    }

    /** Whether any cue lies within report characters {@code [from, to)}. */
    boolean anyBetween(Sentence sentence, int from, int to) {
        return all(sentence).stream().anyMatch(hit -> hit.start() >= from && hit.end() <= to);
    }
}
