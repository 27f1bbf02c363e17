package io.parley.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A word list kept as data: a text resource of {@code [section]}s whose lines are entries with
 * fields separated by {@code " | "} ({@code #} starts a comment line). Report drafting's cue
 * words and person-name spellings live in such files, so a rule is a line, not code.
 */
public final class Lexicon {

    private final String resource;
    private final Map<String, List<List<String>>> sections;

    private Lexicon(String resource, Map<String, List<List<String>>> sections) {
        this.resource = resource;
        this.sections = sections;
    }

    /** Reads a lexicon from the class path; a missing resource is a packaging error. */
    public static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return parse(resource, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lexicon parse(String resource, BufferedReader lines) throws IOException {
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                current = sections.computeIfAbsent(trimmed.substring(1, trimmed.length() - 1), name -> new ArrayList<>());
                continue;
            }
            if (current == null) {
                throw new IllegalStateException(resource + ": an entry before any [section]: " + trimmed);
            }
            List<String> fields = new ArrayList<>();
            // " | " separates fields; an empty field is " | | ", and a "|" without spaces (a regex's
            // alternation) stays inside its field.
            for (String field : trimmed.split(" \\|(?= |$)", -1)) {
                fields.add(field.strip());
            }
            current.add(fields);
        }
        return new Lexicon(resource, sections);
    }

    /** The entries of a section, each its fields in order; a missing section is a packaging error. */
    public List<List<String>> entries(String section) {
        List<List<String>> entries = sections.get(section);
        if (entries == null) {
            throw new IllegalStateException(resource + " has no [" + section + "] section");
        }
        return entries;
    }

    /** Every field of every entry of a section, lower-cased: a section of phrases. */
    public Set<String> phrases(String section) {
        Set<String> phrases = new LinkedHashSet<>();
        for (List<String> entry : entries(section)) {
            for (String field : entry) {
                if (!field.isEmpty()) {
                    phrases.add(field.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return phrases;
    }

    /** Every whitespace-separated word of a section, lower-cased: a section of single words. */
    public Set<String> words(String section) {
        Set<String> words = new LinkedHashSet<>();
        for (String phrase : phrases(section)) {
            for (String word : phrase.split("\\s+")) {
                words.add(word);
            }
        }
        return words;
    }
}
