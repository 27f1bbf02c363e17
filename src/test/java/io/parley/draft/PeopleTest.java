package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


/** Step 2: who the report names, with role phrases, surname coreference and stored people. */
class PeopleTest {

    static Sentences sentences;
    static People people;

    @BeforeAll
    static void load() {
        sentences = Loaded.SENTENCES;
        people = new People(Loaded.LEXICON, Gazetteer.load());
    }

    static List<DraftPerson> find(String text) {
        return find(text, Holdings.none());
    }

    static List<DraftPerson> find(String text, Holdings holdings) {
        List<DraftPerson> found = people.find(sentences.split(text), holdings);
        for (DraftPerson person : found) {
            for (PersonMention mention : person.mentions) {
                assertEquals(mention.written(), text.substring(mention.start(), mention.end()), "offsets are the report's");
            }
        }
        return found;
    }

    static List<String> names(List<DraftPerson> found) {
        return found.stream().map(p -> p.name).toList();
    }

    static DraftPerson named(List<DraftPerson> found, String name) {
        return found.stream().filter(p -> p.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + names(found)));
    }

    @Test
    void roleWordsIntroduceAndAreNotPartOfTheName() {
        List<DraftPerson> found = find("Kremlin spokesman Dmitry Peskov said the talks were useful.");
        assertEquals(List.of("Dmitry Peskov"), names(found));
        assertEquals("Kremlin spokesman", found.get(0).role);
        assertEquals("Dmitry Peskov", found.get(0).firstMention().written());
    }

    @Test
    void aRolesCountryIsThePersons() {
        DraftPerson putin = find("Russian President Vladimir Putin met Witkoff.").get(0);
        assertEquals("Vladimir Putin", putin.name);
        assertEquals("Russian President", putin.role);
        assertEquals("RU", putin.countryCode);
        DraftPerson trump = find("U.S. President Donald Trump spoke to reporters on Air Force One.").get(0);
        assertEquals("Donald Trump", trump.name);
        assertEquals("US", trump.countryCode);
        DraftPerson netanyahu = find("Israeli Prime Minister Benjamin Netanyahu met Witkoff in Jerusalem.").get(0);
        assertEquals("Israeli Prime Minister", netanyahu.role);
        assertEquals("IL", netanyahu.countryCode);
    }

    @Test
    void anEnvoysCountryIsNotWhereTheyAreSent() {
        DraftPerson kellogg = named(find("Keith Kellogg, the U.S. special envoy to Ukraine, arrived in Kyiv."), "Keith Kellogg");
        assertTrue(kellogg.isEnvoy(), kellogg.role);
        assertEquals("US", kellogg.countryCode);
    }

    @Test
    void aRoleAfterTheNameCounts() {
        DraftPerson dmitriev = named(find("Kirill Dmitriev, the head of the Russian Direct Investment Fund, flew to Washington."),
                "Kirill Dmitriev");
        assertNotNull(dmitriev.role);
        assertTrue(dmitriev.role.contains("head"), dmitriev.role);
    }

    @Test
    void militaryTitlesAreRoles() {
        assertEquals(List.of("Keith Kellogg"), names(find("Retired Lt. Gen. Keith Kellogg arrived in Kyiv.")));
        List<DraftPerson> found = find("Retired Lt Gen Keith Kellogg arrived in Kyiv.");
        assertEquals(List.of("Keith Kellogg"), names(found));
        assertNotNull(found.get(0).role);
        assertTrue(found.get(0).role.contains("Gen"), found.get(0).role);
    }

    @Test
    void formerIsATitleWord() {
        assertEquals(List.of("Joe Biden"), names(find("Former U.S. President Joe Biden criticised the deal.")));
    }

    @Test
    void surnameMentionsJoinTheFullMention() {
        List<DraftPerson> found = find("Russian President Vladimir Putin met U.S. envoy Steve Witkoff on Thursday. "
                + "Putin told Witkoff the talks were useful. Witkoff later left Moscow.");
        assertEquals(List.of("Vladimir Putin", "Steve Witkoff"), names(found));
        assertEquals(2, named(found, "Vladimir Putin").mentions.size());
        assertEquals(3, named(found, "Steve Witkoff").mentions.size());
    }

    @Test
    void aSurnameBeforeTheFullMentionJoinsItToo() {
        List<DraftPerson> found = find("Witkoff lands in Moscow\nU.S. envoy Steve Witkoff arrived in Moscow on Thursday.");
        assertEquals(List.of("Steve Witkoff"), names(found));
        assertEquals(2, found.get(0).mentions.size());
    }

    @Test
    void spellingVariantsAreOnePerson() {
        List<DraftPerson> found = find("Ukrainian President Volodymyr Zelenskiy met Witkoff. "
                + "Volodymyr Zelensky said the meeting was good. Zelenskyy thanked him.");
        assertEquals(List.of("Volodymyr Zelenskiy"), names(found));
        assertEquals(3, found.get(0).mentions.size());
        assertTrue(found.get(0).spellings.contains("Volodymyr Zelensky"));
    }

    @Test
    void aSharedSurnameIsNobodysAlone() {
        List<DraftPerson> found = find("Former U.S. President Joe Biden met first lady Jill Biden. Biden said nothing.");
        assertEquals(List.of("Joe Biden", "Jill Biden"), names(found));
        assertEquals(1, named(found, "Joe Biden").mentions.size(), "'Biden' could be either");
    }

    @Test
    void aLoneSurnameNobodyIntroducedIsNoPerson() {
        assertTrue(find("Putin said the talks were useful.").isEmpty());
    }

    @Test
    void organisationsAndBuildingsAreNotPeople() {
        List<DraftPerson> found = find("U.S. envoy Steve Witkoff landed at Vnukovo Airport. "
                + "The Witkoff Group said he was not involved. Goldman Sachs Group declined to comment.");
        assertEquals(List.of("Steve Witkoff"), names(found));
        assertEquals(1, found.get(0).mentions.size(), "'Witkoff Group' is no mention of Witkoff");
        assertTrue(find("Officials gathered at the Kremlin and the White House.").isEmpty());
    }

    @Test
    void placesAreNotPeople() {
        List<DraftPerson> found = find("Israeli Prime Minister Benjamin Netanyahu met Witkoff in Tel Aviv. "
                + "Tel Aviv residents protested. Abu Dhabi hosted talks.");
        assertEquals(List.of("Benjamin Netanyahu"), names(found));
    }

    @Test
    void aSurnameThatIsAlsoATownIsThePersonsOnceNamed() {
        List<DraftPerson> found = find("U.S. envoy Keith Kellogg arrived in Kyiv. Kellogg met Zelensky.");
        assertEquals(2, named(found, "Keith Kellogg").mentions.size());
    }

    @Test
    void aStoredPersonKeepsTheStoredName() {
        Holdings holdings = Holdings.of(List.of(new Holdings.KnownPerson("p-waltz", "Michael Waltz", List.of(), "Q1", "US")),
                List.of(), List.of(), List.of());
        List<DraftPerson> found = find("National Security Adviser Mike Waltz said talks would continue. Waltz declined to elaborate.",
                holdings);
        assertEquals(List.of("Michael Waltz"), names(found));
        DraftPerson waltz = found.get(0);
        assertNotNull(waltz.stored);
        assertEquals("p-waltz", waltz.stored.id());
        assertTrue(waltz.spellings.contains("Mike Waltz"));
        assertEquals(2, waltz.mentions.size());
        assertEquals("US", waltz.countryCode, "the stored country when the role has none");
    }

    @Test
    void aStoredPersonIsFoundByAlias() {
        Holdings holdings = Holdings.of(List.of(
                new Holdings.KnownPerson("p-witkoff", "Steven Charles Witkoff", List.of("Steve Witkoff"), null, "US")),
                List.of(), List.of(), List.of());
        List<DraftPerson> found = find("Putin met Vitkoff in Moscow.", holdings);
        assertEquals(List.of("Steven Charles Witkoff"), names(found), "a lone surname of a stored person, transliterated");
    }

    @Test
    void aStoredSurnameSharedByTwoIsNoMatch() {
        Holdings holdings = Holdings.of(List.of(
                new Holdings.KnownPerson("p1", "Joe Biden", List.of(), null, "US"),
                new Holdings.KnownPerson("p2", "Hunter Biden", List.of(), null, "US")), List.of(), List.of(), List.of());
        assertTrue(find("Biden said nothing.", holdings).isEmpty());
        DraftPerson joe = find("Joseph Biden said nothing.", holdings).get(0);
        assertEquals("Joe Biden", joe.name);
    }

    @Test
    void putinsEnvoyIsPutins() {
        List<DraftPerson> found = find("Russian President Vladimir Putin said on Thursday he would meet Trump. "
                + "Putin's envoy Kirill Dmitriev flew to Washington.");
        DraftPerson putin = named(found, "Vladimir Putin");
        DraftPerson dmitriev = named(found, "Kirill Dmitriev");
        assertSame(putin, dmitriev.envoyOf);
        assertTrue(dmitriev.isEnvoy());
        assertEquals("RU", dmitriev.countryCode, "an envoy's country is their principal's");
        assertNull(putin.envoyOf);
    }

    @Test
    void anEnvoyAfterTheNameIsTheOwnersToo() {
        List<DraftPerson> found = find("U.S. President Donald Trump spoke on Monday. "
                + "Steve Witkoff, Trump's special envoy to the Middle East, flew to Doha.");
        assertSame(named(found, "Donald Trump"), named(found, "Steve Witkoff").envoyOf);
    }

    @Test
    void particlesStayInTheName() {
        List<DraftPerson> found = find("Saudi Crown Prince Mohammed bin Salman hosted the talks.");
        assertEquals(List.of("Mohammed bin Salman"), names(found));
        assertEquals("SA", found.get(0).countryCode);
    }
}
