package io.parley.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.parley.names.PersonNames.Closeness;

/** The rules of {@link PersonNames}: case, accents, transliterations, nicknames, initials, typos. */
class PersonNamesTest {

    private final PersonNames names = PersonNames.get();

    @Test
    void surnameAloneInAnySpellingNamesThePerson() {
        assertEquals(Closeness.SURNAME, names.closeness("Witkoff", "Steve Witkoff"));
        assertEquals(Closeness.SURNAME, names.closeness("witkoff", "Steve Witkoff"));
        assertEquals(Closeness.SURNAME, names.closeness("WITKOFF", "Steve Witkoff"));
        assertEquals(Closeness.SURNAME, names.closeness("Vitkoff", "Steve Witkoff"), "Russian transliteration");
        assertEquals(Closeness.SURNAME, names.closeness("Witkov", "Steve Witkoff"));
        assertEquals(Closeness.EXACT, names.closeness("steve witkoff", "Steve Witkoff"));
    }

    @Test
    void nicknamesAreOneGivenName() {
        assertEquals(Closeness.VARIANT, names.closeness("Steven Witkoff", "Steve Witkoff"));
        assertEquals(Closeness.VARIANT, names.closeness("Steve Witkoff", "Steven Witkoff"));
        assertEquals(Closeness.VARIANT, names.closeness("Mike Waltz", "Michael Waltz"));
        assertEquals(Closeness.VARIANT, names.closeness("Michael Waltz", "Mike Waltz"));
        assertEquals(names.canonicalGiven("Steven"), names.canonicalGiven("Steve"));
        assertEquals(names.canonicalGiven("Volodymyr"), names.canonicalGiven("Vladimir"));
    }

    @Test
    void middleNamesAreIgnored() {
        assertEquals(Closeness.VARIANT, names.closeness("Steven Charles Witkoff", "Steve Witkoff"));
    }

    @ParameterizedTest
    @CsvSource({
        "Kirill Dmitriyev, Kirill Dmitriev",
        "Kirill Dmitriev, Kirill Dmitriyev",
        "Dmitri Peskov, Dmitry Peskov",
        "Dmitry Peskow, Dmitry Peskov",
        "Dmitriy Peskov, Dmitry Peskov",
        "Sergey Lavrov, Sergei Lavrov",
        "Volodymyr Zelensky, Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy, Volodymyr Zelenskiy",
        "Volodymyr Zelenskyy, Volodymyr Zelensky",
        "Mohammad Bagheri, Mohammed Bagheri",
    })
    void transliterationsFold(String written, String name) {
        assertEquals(Closeness.VARIANT, names.closeness(written, name), written + " / " + name);
    }

    @Test
    void transliteratedSurnamesFoldAlike() {
        assertEquals(names.foldedSurname("Witkoff"), names.foldedSurname("Vitkoff"));
        assertEquals(names.foldedSurname("Peskov"), names.foldedSurname("Peskow"));
        assertEquals(names.foldedSurname("Dmitriev"), names.foldedSurname("Dmitriyev"));
        assertEquals(names.foldedSurname("Zelensky"), names.foldedSurname("Zelenskiy"));
        assertEquals(names.foldedSurname("Zelenskyy"), names.foldedSurname("Zelenskiy"));
    }

    @Test
    void accentsCaseAndPunctuationDoNotMatter() {
        assertEquals(Closeness.EXACT, names.closeness("Sérgei Lávrov", "Sergei Lavrov"));
        assertEquals(Closeness.EXACT, names.closeness("RECEP TAYYIP ERDOĞAN", "Recep Tayyip Erdogan"));
        assertEquals(Closeness.EXACT, names.closeness("Jean-Noël Barrot", "Jean Noel Barrot"));
        assertEquals("jean noel barrot", PersonNames.key(" Jean-Noël   Barrot "));
        assertEquals("s witkoff", PersonNames.key("S. Witkoff"));
    }

    @Test
    void initialsStandForGivenNames() {
        assertEquals(Closeness.VARIANT, names.closeness("S. Witkoff", "Steve Witkoff"));
        assertEquals(Closeness.VARIANT, names.closeness("S Witkoff", "Steven Witkoff"));
        assertEquals(Closeness.VARIANT, names.closeness("Steve Witkoff", "S. Witkoff"));
        assertEquals(Closeness.NONE, names.closeness("J. Witkoff", "Steve Witkoff"), "another initial is another person");
    }

    @Test
    void differentGivenNamesAreDifferentPeople() {
        assertEquals(Closeness.NONE, names.closeness("Joe Biden", "Hunter Biden"));
        assertEquals(Closeness.NONE, names.closeness("Hunter Biden", "Joe Biden"));
        assertEquals(Closeness.NONE, names.closeness("Donald Trump", "Eric Trump"));
        // a lone surname cannot tell them apart
        assertEquals(Closeness.SURNAME, names.closeness("Biden", "Hunter Biden"));
    }

    @Test
    void differentSurnamesAreDifferentPeople() {
        assertEquals(Closeness.NONE, names.closeness("Steve Witkoff", "Steve Bannon"));
        assertEquals(Closeness.NONE, names.closeness("Putin", "Vladimir Zelensky"));
        assertEquals(Closeness.NONE, names.closeness("", "Vladimir Putin"));
    }

    @Test
    void oneTypoFromFiveLetters() {
        assertTrue(PersonNames.withinTypos("putin", "putim"));
        assertTrue(PersonNames.withinTypos("putin", "puttin"), "an insertion");
        assertTrue(PersonNames.withinTypos("putin", "pudin"));
        assertFalse(PersonNames.withinTypos("putin", "pytim"), "two typos in five letters");
        assertEquals(Closeness.TYPO, names.closeness("Vladimir Putim", "Vladimir Putin"));
        assertEquals(Closeness.TYPO, names.closeness("Lavorv", "Sergei Lavrov"));
    }

    @Test
    void noTypoUnderFiveLetters() {
        assertFalse(PersonNames.withinTypos("wang", "wong"));
        assertFalse(PersonNames.withinTypos("bush", "rush"));
        assertEquals(Closeness.NONE, names.closeness("Rush", "George Bush"));
        assertEquals(Closeness.NONE, names.closeness("Boris Rush", "Boris Bush"));
    }

    @Test
    void twoTyposFromNineLetters() {
        assertTrue(PersonNames.withinTypos("netanyahu", "netanyahoo"));
        assertTrue(PersonNames.withinTypos("netanyahu", "natanyahy"));
        assertFalse(PersonNames.withinTypos("netanyahu", "natanyaho0"), "three typos");
        assertFalse(PersonNames.withinTypos("zelenski", "zalenskt"), "two typos in eight letters");
        assertTrue(PersonNames.withinTypos("zelenski", "zalenski"));
        String longest = "a".repeat(PersonNames.LONGEST_FORGIVEN - 1) + "b";
        assertTrue(PersonNames.withinTypos(longest, longest.replace('b', 'c')), "a typo in 32 letters");
        assertFalse(PersonNames.withinTypos(longest + "d", longest.replace('b', 'c') + "d"), "none in 33, as V18 counts");
        assertEquals(Closeness.TYPO, names.closeness("Benjamin Netanyahoo", "Benjamin Netanyahu"));
    }

    @Test
    void transpositionIsOneTypo() {
        assertEquals(1, PersonNames.distance("peskov", "pesokv"));
        assertEquals(1, PersonNames.distance("witkoff", "wiktoff"));
        assertTrue(PersonNames.withinTypos("peskov", "pesokv"));
        assertEquals(Closeness.TYPO, names.closeness("Steve Wiktoff", "Steve Witkoff"));
    }

    @Test
    void typoNeverJoinsDifferentGivenNames() {
        assertEquals(Closeness.NONE, names.closeness("Hunter Bidden", "Joe Biden"));
    }

    @Test
    void givenNamesAndParticles() {
        assertTrue(names.isGivenName("Kirill"));
        assertTrue(names.isGivenName("Steven"));
        assertTrue(names.isGivenName("Kyrylo"), "a variant spelling of a known given name");
        assertFalse(names.isGivenName("Kremlin"));
        assertTrue(names.isParticle("bin"));
        assertFalse(names.isParticle("and"));
        assertEquals("witkoff", PersonNames.surname("Steven Charles Witkoff"));
    }

    private record Held(String name, List<String> aliases) {
        List<String> all() {
            List<String> names = new java.util.ArrayList<>(aliases);
            names.add(0, name);
            return names;
        }
    }

    @Test
    void theIndexFindsEveryoneCloseEnoughClosestFirst() {
        Held steve = new Held("Steve Witkoff", List.of("Vitkoff", "Стив Уиткофф"));
        Held anna = new Held("Anna Witkof", List.of());
        Held kirill = new Held("Kirill Dmitriev", List.of("Kirill Dmitriyev"));
        PersonNames.Index<Held> index = names.index(List.of(steve, anna, kirill), Held::all);
        assertEquals(Map.of(steve, Closeness.VARIANT), index.within("Steven Witkoff", Closeness.TYPO));
        assertEquals(steve, index.best("Steven Witkoff", Closeness.TYPO));
        assertEquals(List.of(steve, anna), List.copyOf(index.within("Witkoff", Closeness.TYPO).keySet()),
                "a lone surname: his the same, hers a typo away");
        assertEquals(steve, index.best("Witkoff", Closeness.TYPO), "the closest when only one is that close");
        assertEquals(Map.of(), index.within("Witkoff", Closeness.VARIANT));
        assertEquals(Map.of(kirill, Closeness.VARIANT), index.within("Kirill Dmitryev", Closeness.TYPO));
        assertEquals(Map.of(steve, Closeness.EXACT), index.within("Стив Уиткофф", Closeness.TYPO));
    }

    @Test
    void aFullNameIsJudgedByFullNamesWhenThePersonHasAny() {
        Held steve = new Held("Steve Witkoff", List.of("Vitkoff"));
        Held lone = new Held("Madonna", List.of());
        PersonNames.Index<Held> index = names.index(List.of(steve, lone), Held::all);
        assertEquals(Closeness.SURNAME, names.closeness("Anna Witkoff", "Vitkoff"), "pairwise, a lone surname agrees");
        assertEquals(Map.of(), index.within("Anna Witkoff", Closeness.TYPO), "but his full name says another given name");
        assertEquals(Map.of(lone, Closeness.SURNAME), index.within("Louise Madonna", Closeness.TYPO),
                "someone known by one name only is judged by it");
    }

    @Test
    void severalAsCloseAreNoOneForBest() {
        Held jon = new Held("Jon Sandoval", List.of());
        Held jan = new Held("Jan Sandoval", List.of());
        PersonNames.Index<Held> index = names.index(List.of(jon, jan), Held::all);
        assertEquals(2, index.within("J. Sandoval", Closeness.TYPO).size());
        assertNull(index.best("J. Sandoval", Closeness.TYPO));
        assertEquals(jon, index.best("Jon Sandoval", Closeness.TYPO));
    }

    /**
     * Surnames answer whether a name could name any of the names added at all: never "no" where
     * the index judges one of them close (an import relies on it to skip asking again), and "no"
     * for other surnames.
     */
    @Test
    void surnamesNeverMissAnyoneTheIndexWouldFind() {
        List<String> spellings = List.of("Steve Witkoff", "Vitkoff", "Стив Уиткофф", "Kirill Dmitriev", "Dmitry Peskov",
                "Mike Waltz", "Jon Sandoval", "Nadia Okonkwo", "Bench person 12", "al-Thani", "O'Brien");
        List<String> written = List.of("Steven Witkof", "Witkoff", "Уиткофф", "Kirill Dmitryev", "Peskow", "Mick Waltz",
                "J. Sandoval", "Nadia Okonkwoo", "Bench person 13", "Al Thani", "OBrien", "Anna Witkoff", "Omar Haddad",
                "Mike Walt", "Dmitriev-Smith");
        for (String name : spellings) {
            PersonNames.Surnames surnames = names.surnames();
            surnames.add(name);
            PersonNames.Index<String> index = names.index(List.of(name), List::of);
            for (String other : written) {
                if (!index.within(other, Closeness.TYPO).isEmpty()) {
                    assertTrue(surnames.mayName(other), other + " is close to " + name + " but its surname was missed");
                }
            }
        }
        PersonNames.Surnames surnames = names.surnames();
        spellings.forEach(surnames::add);
        assertTrue(surnames.mayName("Nadia Okonkwoo"));
        assertTrue(surnames.mayName("Vitkov"));
        assertFalse(surnames.mayName("Omar Haddad"));
        assertFalse(surnames.mayName("Bench person 13"), "a two-letter surname forgives no typo");
        assertFalse(surnames.mayName(""));
    }
}
