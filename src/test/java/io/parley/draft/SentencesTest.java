package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Step 1: lines, sentences and tokens at the report's own offsets. */
class SentencesTest {

    static Sentences sentences;

    @BeforeAll
    static void load() {
        sentences = Loaded.SENTENCES;
    }

    private static List<String> texts(String text) {
        return sentences.split(text).stream().map(Sentence::text).toList();
    }

    private static List<String> tokens(String text) {
        return sentences.split(text).get(0).tokens().stream().map(Token::text).toList();
    }

    private static void assertExact(String text) {
        for (Sentence sentence : sentences.split(text)) {
            assertEquals(sentence.text(), text.substring(sentence.start(), sentence.end()));
            for (Token token : sentence.tokens()) {
                assertEquals(token.text(), text.substring(token.start(), token.end()));
                assertTrue(token.start() >= sentence.start() && token.end() <= sentence.end());
            }
        }
    }

    @Test
    void offsetsAreTheReportsOwnCharacters() {
        String text = "  Putin met Witkoff in Moscow.   The talks lasted five hours.\n\n\"We agreed,\" Peskov said.  ";
        List<Sentence> split = sentences.split(text);
        assertEquals(List.of("Putin met Witkoff in Moscow.", "The talks lasted five hours.", "\"We agreed,\" Peskov said."),
                split.stream().map(Sentence::text).toList());
        assertExact(text);
        assertEquals(2, split.get(0).start());
        for (int i = 0; i < split.size(); i++) {
            assertEquals(i, split.get(i).index());
        }
    }

    @Test
    void offsetsHoldWithCurlyQuotesAndDashes() {
        String text = "MOSCOW (Reuters) – Kremlin spokesman Dmitry Peskov said on Friday: “The talks were useful.” "
                + "He declined to say more.";
        assertExact(text);
        assertEquals(2, sentences.split(text).size());
    }

    @Test
    void headlineLinesEndAtTheLineBreak() {
        String text = "Putin meets Trump envoy in Moscow\nWitkoff arrives for talks on Ukraine\n"
                + "Photo: Reuters\nU.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday.";
        assertEquals(List.of("Putin meets Trump envoy in Moscow", "Witkoff arrives for talks on Ukraine", "Photo: Reuters",
                "U.S. envoy Steve Witkoff met Russian President Vladimir Putin on Thursday."), texts(text));
        assertExact(text);
    }

    @Test
    void blankAndWindowsLinesAreNoSentences() {
        String text = "Witkoff lands in Doha\r\n\r\nHe met Qatari officials.\r\n";
        assertEquals(List.of("Witkoff lands in Doha", "He met Qatari officials."), texts(text));
        assertExact(text);
    }

    @Test
    void militaryTitlesAreNoSentenceEnds() {
        assertEquals(1, texts("Retired Lt Gen Keith Kellogg arrived in Kyiv on Wednesday.").size());
        assertEquals(1, texts("Retired Lt. Gen. Keith Kellogg arrived in Kyiv on Wednesday.").size());
    }

    @Test
    void initialismsAreNoSentenceEnds() {
        assertEquals(1, texts("The U.S. envoy met Russian officials in Riyadh.").size());
        assertEquals(1, texts("U.S. President Donald Trump spoke with Putin on Tuesday.").size());
        assertEquals(1, texts("He briefed U.S. Secretary of State Marco Rubio and U.N. Secretary-General Antonio Guterres.").size());
        assertEquals(1, texts("Kremlin aide Yuri Ushakov said U.S. Special Envoy Steve Witkoff would arrive on Thursday.").size());
    }

    @Test
    void monthAbbreviationsAreNoSentenceEnds() {
        assertEquals(1, texts("Fogel was released on Feb. 11 after talks in Moscow.").size());
        assertEquals(1, texts("The talks began on Sept. 3, officials said.").size());
    }

    @Test
    void twoSentencesOnOneLine() {
        assertEquals(List.of("Witkoff met Putin on Thursday.", "Peskov said the talks were useful."),
                texts("Witkoff met Putin on Thursday. Peskov said the talks were useful."));
    }

    @Test
    void possessiveIsItsOwnToken() {
        assertEquals(List.of("Putin", "'s", "envoy", "Kirill", "Dmitriev", "arrived", "."),
                tokens("Putin's envoy Kirill Dmitriev arrived."));
        assertEquals(List.of("Trump", "’s", "envoy"), tokens("Trump’s envoy").subList(0, 3));
    }

    @Test
    void numbersWithSeparatorsAreOneToken() {
        List<String> tokens = tokens("Israel freed nearly 2,000 prisoners and 1.5 million people waited.");
        assertTrue(tokens.contains("2,000"), tokens.toString());
        assertTrue(tokens.contains("1.5"), tokens.toString());
        assertEquals(List.of("on", "March", "13", ",", "2025"), tokens("on March 13, 2025").subList(0, 5));
    }

    @Test
    void wordsKeepTheirInnerDotsAndHyphens() {
        List<String> tokens = tokens("The U.S. envoy's full-scale plan, Peskov said.");
        assertTrue(tokens.contains("U.S."), tokens.toString());
        assertTrue(tokens.contains("full-scale"), tokens.toString());
        assertEquals(List.of("The", "U.S.", "envoy", "'s", "full-scale", "plan", ",", "Peskov", "said", "."), tokens);
    }

    @Test
    void quotesAreTokensOfTheirOwn() {
        assertEquals(List.of("\"", "We", "agreed", ",", "\"", "Peskov", "said", "."), tokens("\"We agreed,\" Peskov said."));
    }
}
