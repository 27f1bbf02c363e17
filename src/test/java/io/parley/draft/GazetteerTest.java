package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.parley.draft.Gazetteer.Place;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GazetteerTest {

    static Gazetteer g;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        g = Gazetteer.load();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Gazetteer cold load: " + ms + " ms, " + g.cityCount() + " cities, "
                + g.countryCount() + " countries");
    }

    private static int id(String name) {
        return g.city(name).orElseThrow(() -> new AssertionError("no city " + name)).geonamesId();
    }

    @Test
    void demoIdsArePresent() {
        assertEquals(524901, id("Moscow"));
        assertEquals(4140963, id("Washington"));
        assertEquals(293397, id("Tel Aviv"));
        assertEquals(290030, id("Doha"));
    }

    @ParameterizedTest
    @CsvSource({
        "Kyiv, 703448, UA", "Kiev, 703448, UA", "Riyadh, 108410, SA", "Istanbul, 745044, TR",
        "Geneva, 2660646, CH", "Genève, 2660646, CH", "Geneve, 2660646, CH", "Jeddah, 105343, SA",
        "Cairo, 360630, EG", "St Petersburg, 498817, RU", "St. Petersburg, 498817, RU",
        "Saint Petersburg, 498817, RU", "Abu Dhabi, 292968, AE", "Paris, 2988507, FR", "London, 2643743, GB",
        "Beijing, 1816670, CN", "Peking, 1816670, CN", "Tehran, 112931, IR", "Gaza, 281133, PS",
        "Jerusalem, 281184, IL", "Washington D.C., 4140963, US", "'Washington, DC', 4140963, US",
        "Tel-Aviv, 293397, IL", "New York, 5128581, US", "Munich, 2867714, DE", "München, 2867714, DE",
        "Davos, 2661039, CH", "Sharm el-Sheikh, 349340, EG", "Sharm El Sheikh, 349340, EG", "Riyad, 108410, SA",
        "Teheran, 112931, IR", "Gaza City, 281133, PS", "Bombay, 1275339, IN"
    })
    void wellKnownCities(String name, int geonamesId, String country) {
        Place p = g.city(name).orElseThrow(() -> new AssertionError("no city " + name));
        assertEquals(geonamesId, p.geonamesId(), name);
        assertEquals(country, p.countryCode(), name);
    }

    @Test
    void lookupIsCaseAccentAndPunctuationInsensitive() {
        assertEquals(524901, id("MOSCOW"));
        assertEquals(524901, id("  moscow "));
        assertEquals(293397, id("tel aviv"));
        assertEquals(2660646, id("GENÈVE"));
        assertEquals(Optional.empty(), g.city("Atlantis-on-Sea"));
        assertEquals(Optional.empty(), g.city(""));
        assertEquals(Optional.empty(), g.city(null));
    }

    @Test
    void ambiguousNameGoesToTheMostPopulousCity() {
        Place moscow = g.city("Moscow").orElseThrow();
        assertEquals("RU", moscow.countryCode());
        assertTrue(moscow.population() > 10_000_000);
        assertEquals(4140963, id("Washington"));
        // London, Ontario exists but London, England is bigger
        assertEquals(2643743, id("London"));
        assertTrue(g.cities("London").size() >= 2, "London, Ontario should be listed too");
        assertEquals("GB", g.cities("London").get(0).countryCode());
        assertEquals(2988507, id("Paris"));
    }

    @Test
    void cityWithCountryPicksWithinThatCountry() {
        assertEquals(524901, g.city("Moscow", "RU").orElseThrow().geonamesId());
        assertEquals("CA", g.city("London", "CA").orElseThrow().countryCode());
        assertEquals("CA", g.city("London", "ca").orElseThrow().countryCode());
        assertEquals(2643743, g.city("London", "GB").orElseThrow().geonamesId());
        assertEquals(Optional.empty(), g.city("Doha", "RU"));
        assertEquals(Optional.empty(), g.city("Doha", null));
    }

    @Test
    void placeCarriesCoordinatesAndPopulation() {
        Place doha = g.city("Doha").orElseThrow();
        assertEquals("Doha", doha.name());
        assertEquals(25.2855, doha.latitude(), 1e-4);
        assertEquals(51.5310, doha.longitude(), 1e-4);
        assertTrue(doha.population() > 300_000);
        Place washington = g.city("Washington").orElseThrow();
        assertTrue(washington.longitude() < -77 && washington.longitude() > -78);
    }

    @ParameterizedTest
    @CsvSource({
        "Russia, RU", "Russian, RU", "Russian Federation, RU", "russia, RU",
        "US, US", "U.S., US", "USA, US", "U.S.A., US", "United States, US", "United States of America, US",
        "America, US", "American, US",
        "Israel, IL", "Israeli, IL", "Qatar, QA", "Qatari, QA", "Ukraine, UA", "Ukrainian, UA",
        "Palestinian, PS", "Palestine, PS", "Saudi, SA", "Saudi Arabia, SA", "Saudi Arabian, SA",
        "UK, GB", "U.K., GB", "Britain, GB", "United Kingdom, GB", "British, GB",
        "UAE, AE", "Emirati, AE", "Iran, IR", "Iranian, IR", "Turkey, TR", "Türkiye, TR", "Turkish, TR",
        "Egypt, EG", "Egyptian, EG", "China, CN", "Chinese, CN", "France, FR", "French, FR",
        "Switzerland, CH", "Swiss, CH", "Syria, SY", "Lebanon, LB", "Lebanese, LB", "Jordan, JO",
        "Ivory Coast, CI", "Côte d'Ivoire, CI", "DRC, CD", "North Korea, KP", "South Korea, KR",
        "Netherlands, NL", "Dutch, NL", "Vatican, VA"
    })
    void countryCodes(String text, String code) {
        assertEquals(Optional.of(code), g.countryCode(text), text);
    }

    @Test
    void countryEdgeCases() {
        assertEquals(Optional.empty(), g.countryCode("us"), "the pronoun is not a country");
        assertEquals(Optional.empty(), g.countryCode("Congo"), "Congo is ambiguous (CD/CG)");
        assertEquals(Optional.empty(), g.countryCode("Narnia"));
        assertEquals(Optional.empty(), g.countryCode(null));
    }

    @Test
    void countryNames() {
        assertEquals(Optional.of("Russia"), g.countryName("RU"));
        assertEquals(Optional.of("United States"), g.countryName("US"));
        assertEquals(Optional.of("United Kingdom"), g.countryName("GB"));
        assertEquals(Optional.of("Qatar"), g.countryName("qa"));
        assertEquals(Optional.of("Israel"), g.countryName("IL"));
        assertEquals(Optional.empty(), g.countryName("ZZ"));
        assertTrue(g.countryCount() >= 249, "every ISO 3166-1 country");
    }

    @Test
    void capitals() {
        assertEquals(Optional.of(524901), g.capitalId("RU"));
        assertEquals(Optional.of(4140963), g.capitalId("US"));
        assertEquals(Optional.of(290030), g.capitalId("QA"));
        assertEquals(Optional.of(703448), g.capitalId("UA"));
    }

    @Test
    void placeNamesVersusPeople() {
        assertTrue(g.isPlaceName("Moscow"));
        assertTrue(g.isPlaceName("Russia"));
        assertTrue(g.isPlaceName("U.S."));
        assertTrue(g.isPlaceName("Gaza"));
        assertTrue(g.isPlaceName("Kiev"));
        assertFalse(g.isPlaceName("Russian"), "a demonym is not a place");
        assertFalse(g.isPlaceName("Sergei Lavrov"));
        assertFalse(g.isPlaceName("Antony Blinken"));
        assertFalse(g.isPlaceName("Netanyahu"));
        assertFalse(g.isPlaceName("Zelensky"));
        assertFalse(g.isPlaceName("us"));
        // foreign alternates of small towns are not indexed; a stoplist covers a few big-city ones
        assertFalse(g.isPlaceName("Hamas"), "Hamm, DE has the alternate name Hamas");
        assertFalse(g.isPlaceName("Lula"), "Luleå, SE has the alternate name Lula");
        assertFalse(g.isPlaceName("Yermak"), "Aksu, KZ was once called Yermak");
        assertFalse(g.isPlaceName(""));
        assertFalse(g.isPlaceName(null));
    }

    @Test
    void normalize() {
        assertEquals("geneve", Gazetteer.normalize("Genève"));
        assertEquals("washington dc", Gazetteer.normalize("Washington, D.C."));
        assertEquals("tel aviv", Gazetteer.normalize(" Tel-Aviv "));
        assertEquals("kobenhavn", Gazetteer.normalize("København"));
        assertEquals("cote divoire", Gazetteer.normalize("Côte d’Ivoire"));
        assertEquals("sao paulo", Gazetteer.normalize("SÃO PAULO"));
        assertEquals("lodz", Gazetteer.normalize("Łódź"));
    }

    @Test
    void loadIsSharedAndReparsingIsFast() throws IOException {
        assertSame(Gazetteer.load(), Gazetteer.load());
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Gazetteer fresh = Gazetteer.read();
            best = Math.min(best, System.nanoTime() - t0);
            assertEquals(g.cityCount(), fresh.cityCount());
        }
        System.out.println("Gazetteer warm re-parse: " + best / 1_000_000 + " ms");
        assertTrue(best < 2_000_000_000L, "parse took " + best / 1_000_000 + " ms");
    }

    @Test
    void resourcesCarryAttribution() throws IOException {
        for (String res : new String[] {Gazetteer.CITIES, Gazetteer.COUNTRIES}) {
            try (InputStream in = Gazetteer.class.getResourceAsStream(res);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder header = new StringBuilder();
                String line;
                while ((line = r.readLine()) != null && line.startsWith("#")) {
                    header.append(line).append('\n');
                }
                assertTrue(header.toString().contains("CC BY 4.0"), res);
                assertTrue(header.toString().contains("derive-cities.py"), res);
            }
        }
    }
}
