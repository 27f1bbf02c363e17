package io.parley.names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.parley.sql.Sql;

/**
 * A search query as Parley reads it, the way search engines forgive: each word matches itself,
 * the other spellings of a given name ({@link PersonNames}: "Michael" finds "Mike"), and the
 * words of the vocabulary within its typo budget (V10: one edit from 5 letters, two from 9,
 * transpositions included); the last word also matches as the start of a word, as a search box
 * is typed. The three tiers ({@link #exact}, {@link #prefix}, {@link #forgiven}) are PostgreSQL
 * tsqueries over the records' search vectors, so ranking can put exact matches above forgiven
 * ones. A query using websearch syntax ("quoted phrases", or, -excluded) is taken as written.
 */
public final class ForgivingQuery {

    private static final Pattern OPERATORS = Pattern.compile("\"|(^|\\s)-\\S|(^|\\s)or(\\s|$)", Pattern.CASE_INSENSITIVE);

    /** Completing the last word starts from two letters; one letter would complete to too much. */
    private static final int PREFIX_MIN = 2;

    private static final Pattern DIGIT = Pattern.compile("[0-9]");

    private final String text;
    private final List<String> words;
    private final boolean operators;

    private ForgivingQuery(String text) {
        this.text = text;
        this.operators = OPERATORS.matcher(text).find();
        String key = PersonNames.key(text);
        this.words = key.isEmpty() ? List.of() : Arrays.asList(key.split(" "));
    }

    public static ForgivingQuery of(String text) {
        return new ForgivingQuery(text);
    }

    /** The query's words, folded as names are compared (lower case, no accents or punctuation). */
    public List<String> words() {
        return words;
    }

    /** Records holding every word as written (stemmed as English), or the websearch query itself. */
    public Sql exact() {
        return written();
    }

    /** As {@link #exact}, the last word also as the start of a longer word. */
    public Sql prefix() {
        if (operators || words.isEmpty()) {
            return written();
        }
        List<Sql> each = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            each.add(alternatives(words.get(i), false, i == words.size() - 1, "english"));
        }
        return and(each);
    }

    /** As {@link #prefix}, each word also as its name variants and forgiven typos. */
    public Sql forgiven() {
        if (operators || words.isEmpty()) {
            return written();
        }
        List<Sql> each = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            each.add(alternatives(words.get(i), true, i == words.size() - 1, "english"));
        }
        return and(each);
    }

    /** The row's search vector matches the forgiving query: what a list's text filter keeps. */
    public Sql matches(String searchVector) {
        return Sql.of("(" + searchVector + " @@ ", forgiven(), ")");
    }

    /**
     * The forgiving query matches {@code names} (SQL text), word for word: stop words count, as a
     * name filter is precise ("Alice once" is not every Alice), and {@code searchVector} (the
     * row's indexed English vector) narrows the rows first.
     */
    public Sql matchesName(String searchVector, String names) {
        if (operators || words.isEmpty()) {
            return Sql.sql("false");
        }
        List<Sql> english = new ArrayList<>();
        List<Sql> simple = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            english.add(alternatives(words.get(i), true, i == words.size() - 1, "english"));
            simple.add(alternatives(words.get(i), true, i == words.size() - 1, "simple"));
        }
        return Sql.of("(" + searchVector + " @@ ", and(english), " and to_tsvector('simple', fold(" + names + ")) @@ ",
                and(simple), ")");
    }

    /**
     * The row's names hold any of {@code words}, each forgiven as a query word is (itself, its
     * given-name variants, the vocabulary words within its typo budget; not completed, and no
     * websearch syntax): the few rows a set of written names could belong to, for {@link
     * PersonNames} to judge. {@code searchVector} is the row's indexed English vector, whose
     * weight A is its names (a person's name and aliases), so a word of a summary finds no one.
     * However many words, they are three parameters, and the tsquery is built once per statement.
     */
    public static Sql anyWordInNames(Collection<String> words, String searchVector) {
        NameWords written = NameWords.of(words);
        if (written.keys().isEmpty()) {
            return Sql.sql("false");
        }
        return anyWordInNames(Sql.value(written.keys()), Sql.value(written.variants()), searchVector);
    }

    /**
     * The words of written names as {@link #anyWordInNames} asks for them: {@code keys}, each word
     * folded as {@link PersonNames#key} folds it, and {@code variants}, the other spellings of those
     * that are given names; each separated by spaces, empty when there are none.
     */
    public record NameWords(String keys, String variants) {
        public static NameWords of(Collection<String> words) {
            Set<String> keys = new TreeSet<>();
            Set<String> variants = new TreeSet<>();
            for (String word : words) {
                for (String key : PersonNames.key(word).split(" ")) {
                    if (!key.isEmpty()) {
                        keys.add(key);
                        variants.addAll(PersonNames.get().givenNameVariants(key));
                    }
                }
            }
            return new NameWords(String.join(" ", keys), String.join(" ", variants));
        }
    }

    /**
     * As {@link #anyWordInNames(Collection, String)}, with the words ({@link NameWords}) as SQL text
     * expressions: a statement that matches many people's names at once takes them from a column
     * per row. Empty {@code keys} find no one.
     */
    public static Sql anyWordInNames(Sql keys, Sql variants, String searchVector) {
        // As word_tsquery (V10) builds it, each word restricted to weight A.
        return Sql.of("(" + searchVector + " @@ (select to_tsquery('english', coalesce(string_agg(distinct quote_literal(w) || ':A', ' | '), ''))",
                " from unnest(string_to_array(", keys, ", ' ')",
                " || string_to_array(", variants, ", ' ')",
                " || coalesce((select array_agg(f) from unnest(string_to_array(", keys,
                ", ' ')) q, unnest(forgiven_words(q)) f), '{}')) w where w <> '' and strpos(w, chr(92)) = 0))");
    }

    private Sql written() {
        return Sql.of("websearch_to_tsquery('english', fold(", Sql.value(text), "))");
    }

    /**
     * One word's tsquery in a text search configuration ({@code english} as the search vectors
     * are stemmed, {@code simple} word for word): itself, and as asked its variants and typos,
     * and its completions.
     */
    private static Sql alternatives(String word, boolean forgiving, boolean last, String config) {
        List<Object> parts = new ArrayList<>(List.of("word_tsquery('" + config + "', array[", Sql.value(word), "]"));
        if (forgiving) {
            List<String> variants = PersonNames.get().givenNameVariants(word);
            if (!variants.isEmpty()) {
                parts.addAll(List.of(" || string_to_array(", Sql.value(String.join(" ", variants)), ", ' ')"));
            }
            parts.addAll(List.of(" || forgiven_words(", Sql.value(word), ")"));
        }
        if (last && completes(word)) {
            parts.addAll(List.of(" || word_completions(", Sql.value(word), ")"));
        }
        parts.add(")");
        return Sql.of(parts.toArray());
    }

    /**
     * Whether the last word is completed: from two letters, and never a number, which is exact as
     * it is never forgiven ("17" completed to "170".."179" ranked "Report 176" above "Report 17"
     * and scored thousands of rows for one query, the p99 of bench/search.sh).
     */
    private static boolean completes(String word) {
        return word.length() >= PREFIX_MIN && !DIGIT.matcher(word).find();
    }

    private static Sql and(List<Sql> each) {
        return each.size() == 1 ? each.get(0) : Sql.of("(", Sql.join(each, " && "), ")");
    }
}
