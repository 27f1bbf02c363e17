package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.parley.common.Lexicon;

/** Step 4: cities and countries, never a person's name, a demonym, a role's country or a date. */
class PlacesTest {

    static final LocalDate PUBLISHED = LocalDate.of(2025, 3, 14);

    static Sentences sentences;
    static People people;
    static Dates dates;
    static Places places;

    @BeforeAll
    static void load() {
        Lexicon lexicon = Loaded.LEXICON;
        sentences = Loaded.SENTENCES;
        people = new People(lexicon, Gazetteer.load());
        dates = new Dates(lexicon);
        places = new Places(lexicon, Gazetteer.load());
    }

    /** The places of a one-sentence text, with the people and dates found first, as Drafting does. */
    static List<PlaceMention> find(String text) {
        List<Sentence> split = sentences.split(text);
        List<PersonMention> mentions = new ArrayList<>();
        for (DraftPerson person : people.find(split, Holdings.none())) {
            mentions.addAll(person.mentions);
        }
        List<PlaceMention> found = new ArrayList<>();
        for (Sentence sentence : split) {
            List<PersonMention> here = mentions.stream().filter(m -> m.sentence() == sentence).toList();
            for (PlaceMention place : places.find(sentence, here, dates.find(sentence, PUBLISHED, null))) {
                assertEquals(place.written(), text.substring(place.start(), place.end()), "offsets are the report's");
                found.add(place);
            }
        }
        return found;
    }

    static List<String> written(String text) {
        return find(text).stream().map(PlaceMention::written).toList();
    }

    @Test
    void aCityIsTheGazetteersCity() {
        List<PlaceMention> found = find("Witkoff met Putin in Moscow.");
        assertEquals(1, found.size());
        assertEquals(524901, found.get(0).city().geonamesId());
        assertEquals("RU", found.get(0).countryCode());
        assertEquals("Moscow", found.get(0).name());
    }

    @Test
    void multiWordCitiesAreOnePlace() {
        List<PlaceMention> found = find("Netanyahu met Witkoff in Tel Aviv before flying to St Petersburg.");
        assertEquals(List.of("Tel Aviv", "St Petersburg"), found.stream().map(PlaceMention::written).toList());
        assertEquals(293397, found.get(0).city().geonamesId());
        assertEquals(498817, found.get(1).city().geonamesId());
        assertEquals("Saint Petersburg", found.get(1).name());
    }

    @Test
    void aCountryHasNoCity() {
        List<PlaceMention> found = find("Witkoff flew from Israel to Qatar.");
        assertEquals(List.of("Israel", "Qatar"), found.stream().map(PlaceMention::written).toList());
        assertNull(found.get(0).city());
        assertEquals("IL", found.get(0).countryCode());
        assertEquals("QA", found.get(1).countryCode());
        assertEquals("Israel", found.get(0).name());
    }

    @Test
    void aDemonymIsNoPlace() {
        assertEquals(List.of(), written("Russian and Ukrainian officials met Saudi hosts."));
    }

    @Test
    void aRolesCountryIsNoPlace() {
        assertEquals(List.of(), written("U.S. envoy Steve Witkoff spoke to reporters."));
        assertEquals(List.of(), written("US Special Envoy Steve Witkoff spoke to reporters."));
        assertEquals(List.of(), written("Officials at the US Embassy declined to comment."));
        assertEquals(List.of("Riyadh"), written("U.S. special envoy Steve Witkoff arrived in Riyadh."));
    }

    @Test
    void aPersonsNameIsNoPlace() {
        // Kellogg is a town in Idaho; Jordan a country
        assertEquals(List.of("Kyiv"), written("U.S. envoy Keith Kellogg arrived in Kyiv."));
        assertEquals(List.of(), written("Michael Jordan spoke."));
    }

    @Test
    void aMonthInADateIsNoPlace() {
        // March is a town in England
        assertEquals(List.of("Doha"), written("Witkoff landed in Doha on March 13."));
    }

    @Test
    void washingtonNextToTheUsIsTheCapital() {
        List<PlaceMention> found = find("Dmitriev flew to Washington for talks with the US.");
        assertEquals(4140963, found.get(0).city().geonamesId());
    }

    @Test
    void lowercaseWordsAreNoPlaces() {
        assertTrue(find("the talks were held in private near the border.").isEmpty());
    }
}
