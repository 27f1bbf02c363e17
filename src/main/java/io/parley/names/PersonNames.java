package io.parley.names;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.parley.common.Lexicon;

/**
 * The one way Parley decides that two written names are one person's: "Steven Charles Witkoff",
 * "Steve Witkoff", "Vitkoff" and "witkoff" all name Steve Witkoff; "Mike Waltz" is "Michael
 * Waltz"; "Dmitriyev" is "Dmitriev". Names are compared word by word after folding case,
 * accents and the usual Latin transliterations of one surname; given names compare through
 * their nickname groups or as initials; one typo is forgiven in surnames of five letters or more
 * (two from nine), as search engines forgive. The spellings are data
 * ({@value #RESOURCE}); report drafting matches people with it.
 */
public final class PersonNames {

    static final String RESOURCE = "names/person-names.txt";

    /** How closely a written name matches a person's name. Higher is closer. */
    public enum Closeness {
        NONE, TYPO, SURNAME, VARIANT, EXACT
    }

    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N} ]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final Set<String> givenNames;
    private final Set<String> particles;
    private final Map<String, String> canonicalGiven = new HashMap<>();
    private final List<Fold> folds;

    private record Fold(Pattern pattern, String replacement) {
    }

    private static final PersonNames INSTANCE = new PersonNames(Lexicon.load(RESOURCE));

    private PersonNames(Lexicon lexicon) {
        givenNames = lexicon.words("given-names");
        particles = lexicon.words("name-particles");
        for (List<String> group : lexicon.entries("name-variants")) {
            for (String variant : group) {
                canonicalGiven.putIfAbsent(variant.toLowerCase(Locale.ROOT), group.get(0).toLowerCase(Locale.ROOT));
            }
        }
        folds = lexicon.entries("transliterations").stream()
                .map(rule -> new Fold(Pattern.compile(rule.get(0)), rule.size() > 1 ? rule.get(1) : "")).toList();
    }

    public static PersonNames get() {
        return INSTANCE;
    }

    /** A name as compared: lower case, accents and punctuation dropped, one space between words. */
    public static String key(String name) {
        String decomposed = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        String plain = NOT_LETTERS.matcher(decomposed.replace('-', ' ').replace('.', ' ')).replaceAll("");
        return SPACES.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether a word is a given name Parley knows ("Marc", "Dmitry"), in any of its spellings. */
    public boolean isGivenName(String word) {
        String key = key(word);
        return givenNames.contains(key) || canonicalGiven.containsKey(key);
    }

    /** Whether a word belongs inside a name without being capitalised ("bin", "al", "van"). */
    public boolean isParticle(String word) {
        return particles.contains(word.toLowerCase(Locale.ROOT));
    }

    /** A surname folded across transliterations: "Vitkoff", "Witkoff" and "Witkov" fold alike. */
    public String foldedSurname(String surname) {
        String folded = key(surname).replace(" ", "");
        for (Fold fold : folds) {
            folded = fold.pattern.matcher(folded).replaceAll(fold.replacement);
        }
        return folded;
    }

    /** A given name's nickname group ("steven" and "steve" give "steve"). */
    public String canonicalGiven(String given) {
        String key = key(given);
        return canonicalGiven.getOrDefault(key, key);
    }

    /**
     * The other spellings of a given name in its nickname group ("michael" gives "mike" and
     * "mick"), as search expands a query word; none for a word that is not a given name.
     */
    public List<String> givenNameVariants(String word) {
        String key = key(word);
        String group = canonicalGiven.get(key);
        if (group == null) {
            return List.of();
        }
        return canonicalGiven.entrySet().stream()
                .filter(entry -> entry.getValue().equals(group) && !entry.getKey().equals(key))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The surname of a full name: its last word. */
    public static String surname(String name) {
        String[] words = key(name).split(" ");
        return words[words.length - 1];
    }

    /**
     * How closely {@code written} (a full name or a surname alone, as reports write them) names
     * the person called {@code name}.
     */
    public Closeness closeness(String written, String name) {
        String a = key(written);
        String b = key(name);
        if (a.isEmpty() || b.isEmpty()) {
            return Closeness.NONE;
        }
        if (a.equals(b)) {
            return Closeness.EXACT;
        }
        String[] wa = a.split(" ");
        String[] wb = b.split(" ");
        String sa = wa[wa.length - 1];
        String sb = wb[wb.length - 1];
        boolean sameSurname = sa.equals(sb) || foldedSurname(sa).equals(foldedSurname(sb));
        boolean typo = !sameSurname && withinTypos(foldedSurname(sa), foldedSurname(sb));
        if (!sameSurname && !typo) {
            return Closeness.NONE;
        }
        if (wa.length == 1 || wb.length == 1) {
            return typo ? Closeness.TYPO : Closeness.SURNAME;
        }
        if (!givenCompatible(wa[0], wb[0])) {
            return Closeness.NONE;
        }
        return typo ? Closeness.TYPO : Closeness.VARIANT;
    }

    /**
     * People to match written names against, indexed by folded surname so a name is compared with
     * the few people who could bear it, not with everyone Parley holds; one typo in the surname is
     * still forgiven, by comparing surnames of about the same length only.
     */
    public <T> Index<T> index(Collection<T> people, Function<T, Collection<String>> namesOf) {
        return new Index<>(people, namesOf);
    }

    /** See {@link #index}. */
    public final class Index<T> {

        private record Entry<T>(T person, String name, String surname) {
        }

        private final Map<String, List<Entry<T>>> bySurname = new HashMap<>();
        private final Map<Integer, List<Entry<T>>> byLength = new HashMap<>();
        /** The people who have a full name (given name and surname) among their spellings. */
        private final Set<T> withFullName = new HashSet<>();

        private Index(Collection<T> people, Function<T, Collection<String>> namesOf) {
            for (T person : people) {
                for (String name : namesOf.apply(person)) {
                    if (key(name).isEmpty()) {
                        continue;
                    }
                    String surname = foldedSurname(surname(name));
                    Entry<T> entry = new Entry<>(person, name, surname);
                    bySurname.computeIfAbsent(surname, s -> new ArrayList<>()).add(entry);
                    byLength.computeIfAbsent(surname.length(), l -> new ArrayList<>()).add(entry);
                    if (key(name).contains(" ")) {
                        withFullName.add(person);
                    }
                }
            }
        }

        /** The one person {@code written} names at least as closely as {@code least}; null when none or several do. */
        public T best(String written, Closeness least) {
            List<Map.Entry<T, Closeness>> close = new ArrayList<>(within(written, least).entrySet());
            boolean tie = close.size() > 1 && close.get(1).getValue() == close.get(0).getValue();
            return close.isEmpty() || tie ? null : close.get(0).getKey();
        }

        /**
         * Everyone {@code written} names at least as closely as {@code least}, closest first, with
         * how closely: the closest of each person's spellings. A full name is judged by the
         * person's full names when they have any: a lone surname among their spellings
         * ("Vitkoff") says nothing of given names, so it does not make "Anna Witkoff" Steve Witkoff.
         */
        public Map<T, Closeness> within(String written, Closeness least) {
            Map<T, Closeness> closest = new LinkedHashMap<>();
            String key = key(written);
            if (key.isEmpty()) {
                return closest;
            }
            boolean full = key.contains(" ");
            String surname = foldedSurname(surname(written));
            List<Entry<T>> candidates = new ArrayList<>(bySurname.getOrDefault(surname, List.of()));
            if (least.compareTo(Closeness.TYPO) <= 0 || candidates.isEmpty()) {
                for (int length = surname.length() - 2; length <= surname.length() + 2; length++) {
                    for (Entry<T> entry : byLength.getOrDefault(length, List.of())) {
                        if (!entry.surname.equals(surname) && withinTypos(surname, entry.surname)) {
                            candidates.add(entry);
                        }
                    }
                }
            }
            for (Entry<T> entry : candidates) {
                if (full && !key(entry.name).contains(" ") && withFullName.contains(entry.person)) {
                    continue;
                }
                Closeness closeness = closeness(written, entry.name);
                if (closeness != Closeness.NONE && closeness.compareTo(least) >= 0) {
                    closest.merge(entry.person, closeness, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            List<Map.Entry<T, Closeness>> sorted = new ArrayList<>(closest.entrySet());
            sorted.sort((a, b) -> b.getValue().compareTo(a.getValue()));
            Map<T, Closeness> ordered = new LinkedHashMap<>();
            sorted.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
            return ordered;
        }
    }

    /**
     * The surnames of a growing set of names, to tell whether a written name could name anyone
     * bearing one of them: {@link Index#within} at {@link Closeness#TYPO} or closer only ever
     * judges names whose folded surname is the written one's or within a typo of it, so a name
     * that {@link #mayName} refuses names none of them. A bundle import asks it, for each person
     * it matches, of the people it wrote earlier in the same slice.
     */
    public Surnames surnames() {
        return new Surnames();
    }

    /** See {@link #surnames}. */
    public final class Surnames {

        private final Set<String> folded = new HashSet<>();
        private final Map<Integer, List<String>> byLength = new HashMap<>();

        private Surnames() {
        }

        public void add(String name) {
            if (key(name).isEmpty()) {
                return;
            }
            String surname = foldedSurname(surname(name));
            if (folded.add(surname)) {
                byLength.computeIfAbsent(surname.length(), l -> new ArrayList<>()).add(surname);
            }
        }

        /** Whether {@code written} could name someone bearing one of the names added (see {@link #surnames}). */
        public boolean mayName(String written) {
            if (key(written).isEmpty()) {
                return false;
            }
            String surname = foldedSurname(surname(written));
            if (folded.contains(surname)) {
                return true;
            }
            for (int length = surname.length() - 2; length <= surname.length() + 2; length++) {
                for (String other : byLength.getOrDefault(length, List.of())) {
                    if (withinTypos(surname, other)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Given names agree: the same nickname group, or one an initial of the other. */
    private boolean givenCompatible(String a, String b) {
        if (a.length() == 1 || b.length() == 1) {
            return a.charAt(0) == b.charAt(0);
        }
        return canonicalGiven(a).equals(canonicalGiven(b));
    }

    /** The longest word a typo is forgiven in (V18's typo_budget): longer ones are exact. */
    static final int LONGEST_FORGIVEN = 32;

    /**
     * One edit (insertion, deletion, substitution, transposition) from 5 letters, two from 9;
     * none when either word is over {@link #LONGEST_FORGIVEN} letters.
     */
    static boolean withinTypos(String a, String b) {
        if (Math.max(a.length(), b.length()) > LONGEST_FORGIVEN) {
            return false;
        }
        int length = Math.min(a.length(), b.length());
        int allowed = length >= 9 ? 2 : length >= 5 ? 1 : 0;
        return allowed > 0 && Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
    }

    /** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
