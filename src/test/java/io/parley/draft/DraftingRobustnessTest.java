package io.parley.draft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Text that is no news report, or a hostile one, drafts without failing: every drafted passage
 * is an exact span of the text, short enough for a bundle, and the draft is a bundle the
 * importer's schema takes in shape (refs defined once, every citation naming a passage).
 */
class DraftingRobustnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Drafting drafting;

    @BeforeAll
    static void load() {
        drafting = Drafting.load();
    }

    static List<String> hostile() {
        List<String> texts = new ArrayList<>();
        texts.add(".");
        texts.add("\"\"\"\"\"\"");
        texts.add("\"Unbalanced quotation, said Peskov.");
        texts.add("Путин встретился с Уиткоффом в Москве. بوتين التقى ويتكوف. פוטין נפגש עם ויטקוף.");
        texts.add("<p>Putin <b>met</b> Witkoff</p><script>alert(1)</script> in Moscow on <i>Tuesday</i>.");
        texts.add("Putin met Witkoff on February 30 and on March 45 and on 31 April 2025 and in Smarch.");
        texts.add("Steve Witkoff (born");
        texts.add("He said that. He said. She said: \"\". According to, according to.");
        texts.add("Witkoff Witkoff Witkoff Witkoff. ".repeat(500));
        texts.add("word ".repeat(20_000));
        texts.add("Hamas freed 99999999999999999999 hostages and 1,000,000,000,000 prisoners were released.");
        texts.add("Mr. A. B. C. D. Smith met Dr. E. F. Jones in St. Petersburg, Fla., on Jan. 5.");
        Random random = new Random(20);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            noise.append((char) (random.nextInt(0x2FFF) + 0x20));
        }
        texts.add(noise.toString());
        return texts;
    }

    @Test
    void hostileTextDraftsIntoAWellFormedBundle() throws Exception {
        for (String text : hostile()) {
            DraftedReport report = drafting.read(text, LocalDate.of(2025, 3, 14), Holdings.none());
            ReportInput input = new ReportInput();
            input.text = text;
            input.publisher = "Wire";
            input.publishedOn = LocalDate.of(2025, 3, 14);
            BundleDraft draft = new DraftBundleWriter(JSON, report, input, JSON.createObjectNode(), Holdings.none()).write(0);
            JsonNode bundle = JSON.readTree(draft.bundle());
            for (DraftProposal proposal : draft.proposals()) {
                for (DraftPassage passage : proposal.passages()) {
                    assertEquals(passage.text(), text.substring(passage.start(), passage.end()));
                    assertTrue(passage.text().length() <= Sentences.LONGEST, () -> "a passage of " + passage.text().length());
                }
            }
            java.util.Set<String> refs = new java.util.HashSet<>();
            bundle.fields().forEachRemaining(collection -> {
                if (collection.getValue().isArray()) {
                    for (JsonNode record : collection.getValue()) {
                        assertTrue(refs.add(record.get("ref").asText()), "ref defined twice: " + record.get("ref"));
                        for (JsonNode passage : record.path("passages")) {
                            assertTrue(refs.add(passage.get("ref").asText()));
                        }
                    }
                }
            });
            bundle.fields().forEachRemaining(collection -> {
                for (JsonNode record : collection.getValue()) {
                    for (JsonNode citation : record.path("citations")) {
                        assertTrue(refs.contains(citation.get("passage").asText()), "citation of an unknown passage");
                    }
                }
            });
        }
    }
}
