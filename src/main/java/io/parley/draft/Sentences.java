package io.parley.draft;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Step 1, sentences: the report cut into lines (headlines, captions and paragraphs end at a line
 * break), each line into sentences by Apache OpenNLP's English sentence model (UD English-EWT,
 * 20 KB, shipped in {@code opennlp-models-sentdetect-en}), which knows "Lt Gen" and "U.S." are
 * not sentence ends; then each sentence into tokens. Offsets are the report's own characters, so
 * every passage a draft cites is an exact span of the text.
 */
final class Sentences {

    static final String MODEL = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    /** Words (with inner apostrophes, hyphens and dots: "U.S.", "full-scale"), numbers ("2,000", "14"), or one mark. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\p{L}[\\p{L}\\p{M}]*(?:[-.][\\p{L}\\p{M}]+)*\\.?(?<=\\p{Lu}\\.|[\\p{L}\\p{M}])|\\d+(?:[.,]\\d+)*|['’]s\\b|\\S");
    private static final Pattern LINE = Pattern.compile("[^\\n]+");
    /** Characters of the longest passage: a long news sentence is 300-600. */
    static final int LONGEST = 2_000;
    /** A sentence the model ended at an initialism ("U.S.", "U.N."). */
    private static final Pattern INITIALISM_END = Pattern.compile("(?<![\\p{L}.])(?:\\p{Lu}\\.){2,}\\s*$");
    /** Abbreviations that never end a sentence: titles and AP-style months ("Lt. Gen. Keith Kellogg", "on Feb. 11"). */
    private static final Pattern ABBREVIATION_END = Pattern.compile("(?<![\\p{L}.])(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec"
            + "|Lt|Gen|Col|Maj|Capt|Sgt|Adm|Sen|Rep|Gov|Dr|Mr|Mrs|Ms|Prof|Rev|St)\\.\\s*$");
    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*[\"“‘']?(\\p{L}+)");
    /** Words that open a sentence, so an initialism before them did end one. */
    private static final java.util.Set<String> OPENERS = java.util.Set.of("the", "a", "an", "he", "she", "it", "they",
            "we", "i", "you", "this", "that", "these", "those", "there", "but", "and", "yet", "so", "in", "on", "at",
            "after", "before", "when", "while", "if", "as", "however", "meanwhile", "his", "her", "their", "its", "our");

    private final SentenceModel model;

    Sentences(SentenceModel model) {
        this.model = model;
    }

    static Sentences load() {
        try (InputStream in = Sentences.class.getClassLoader().getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException(MODEL + " is missing from the application");
            }
            return new Sentences(new SentenceModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Sentence> split(String text) {
        // SentenceDetectorME is not thread-safe; it is cheap to make (the model is shared).
        SentenceDetectorME detector = new SentenceDetectorME(model);
        List<Sentence> sentences = new ArrayList<>();
        Matcher line = LINE.matcher(text);
        while (line.find()) {
            String lineText = line.group();
            if (lineText.isBlank()) {
                continue;
            }
            Span[] spans = detector.sentPosDetect(lineText);
            for (int s = 0; s < spans.length; s++) {
                Span span = spans[s];
                int start = line.start() + span.getStart();
                int end = line.start() + span.getEnd();
                // "U.S. President Donald Trump", "Lt. Gen. Keith Kellogg", "on Feb. 11": the model ends a
                // sentence at an abbreviation; it goes on (after an initialism, unless the next word
                // opens a sentence: "... back to the U.S. The talks").
                while (s + 1 < spans.length && (ABBREVIATION_END.matcher(text.substring(start, end)).find()
                        || INITIALISM_END.matcher(text.substring(start, end)).find()
                        && !opensSentence(lineText.substring(spans[s + 1].getStart(), spans[s + 1].getEnd())))) {
                    end = line.start() + spans[++s].getEnd();
                }
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                // A "sentence" longer than any real one (a list, a table, text without stops) is cut
                // at spaces, so every passage stays a passage a bundle can hold and a reader can read.
                while (end - start > LONGEST) {
                    int cut = text.lastIndexOf(' ', start + LONGEST);
                    cut = cut <= start ? start + LONGEST : cut;
                    sentences.add(new Sentence(sentences.size(), start, cut, text.substring(start, cut), tokens(text, start, cut)));
                    start = cut;
                    while (start < end && Character.isWhitespace(text.charAt(start))) {
                        start++;
                    }
                }
                if (end > start) {
                    sentences.add(new Sentence(sentences.size(), start, end, text.substring(start, end),
                            tokens(text, start, end)));
                }
            }
        }
        return sentences;
    }

    private static boolean opensSentence(String next) {
        Matcher word = FIRST_WORD.matcher(next);
        return !word.find() || Character.isUpperCase(word.group(1).charAt(0))
                && OPENERS.contains(word.group(1).toLowerCase(java.util.Locale.ROOT));
    }

    static List<Token> tokens(String text, int start, int end) {
        List<Token> tokens = new ArrayList<>();
        Matcher token = TOKEN.matcher(text).region(start, end);
        while (token.find()) {
            tokens.add(new Token(token.start(), token.end(), token.group()));
        }
        return tokens;
    }
}
