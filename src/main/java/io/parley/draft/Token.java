package io.parley.draft;

/** A word, number or punctuation mark of the report, at its characters {@code [start, end)}. */
record Token(int start, int end, String text) {

    boolean capitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    boolean word() {
        return !text.isEmpty() && Character.isLetter(text.charAt(0));
    }

    boolean is(String word) {
        return text.equalsIgnoreCase(word);
    }

    String lower() {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
