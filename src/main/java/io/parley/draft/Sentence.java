package io.parley.draft;

import java.util.List;

/**
 * One sentence of the report (or a headline line), at its characters {@code [start, end)} of
 * the whole text, with its tokens; the passage a drafted record cites.
 */
record Sentence(int index, int start, int end, String text, List<Token> tokens) {

    /** The sentence text from {@code from} to {@code to}, offsets in the whole report. */
    String between(int from, int to) {
        return text.substring(Math.max(0, from - start), Math.min(text.length(), to - start));
    }

    /** The index of the first token at or after a report offset. */
    int tokenAt(int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).start() >= offset) {
                return i;
            }
        }
        return tokens.size();
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
