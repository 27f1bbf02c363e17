package io.parley.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 5e, envoy appointments: "Trump announced that he would appoint Witkoff to be the United
 * States Special Envoy to the Middle East" states one (title, mandate, who appointed, when
 * announced); so does a role phrase with "envoy" in it ("Putin's envoy Kirill Dmitriev", "US
 * Special Envoy Steve Witkoff"), which is what an envoy's trip and talks need. A person Parley
 * already holds an appointment for keeps it.
 */
final class Envoys {

    private static final Pattern APPOINT = Pattern.compile(
            "\\b(?:appoint|appointed|appointing|named|nominated|nominate)\\s+(?<who>[^,;]+?)\\s+(?:to be|as)\\s+(?:the\\s+|his\\s+|her\\s+)?"
                    + "(?<title>[A-Za-z][^,;.]*?[Ee]nvoy(?:\\s+(?:to|for)\\s+(?<mandate>[^,;.]+))?)(?=[,;.]|$)");
    private final Gazetteer gazetteer;

    Envoys(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<DraftEnvoy> find(List<SentenceFacts> sentences, List<DraftPerson> people, List<DraftTrip> trips,
            List<DraftTalk> talks, Holdings holdings) {
        List<DraftEnvoy> envoys = new ArrayList<>();
        for (SentenceFacts facts : sentences) {
            Matcher m = APPOINT.matcher(facts.sentence.text());
            while (m.find()) {
                int whoStart = facts.sentence.start() + m.start("who");
                DraftPerson person = null;
                for (PersonMention mention : facts.people) {
                    if (mention.start() >= whoStart && mention.end() <= facts.sentence.start() + m.end("who")) {
                        person = mention.person();
                    }
                }
                if (person == null) {
                    continue;
                }
                DraftEnvoy envoy = envoyOf(envoys, person);
                // The title ends where a date starts ("as special envoy to the Middle East in November 2024").
                int titleEnd = m.end("title");
                for (DateMention date : facts.dates) {
                    int at = date.start() - facts.sentence.start();
                    if (at > m.start("title") && at < titleEnd) {
                        titleEnd = at;
                    }
                }
                envoy.title = facts.sentence.text().substring(m.start("title"), titleEnd).strip();
                envoy.mandate = m.group("mandate") == null || m.start("mandate") >= titleEnd ? null
                        : facts.sentence.text().substring(m.start("mandate"), titleEnd).strip().replaceFirst("^the ", "");
                // Who appointed: the nearest other person acting before "appoint" ("Trump announced that he would appoint X").
                envoy.appointedBy = null;
                for (PersonMention actor : facts.actors()) {
                    if (actor.end() <= facts.sentence.start() + m.start() && actor.person() != person) {
                        envoy.appointedBy = actor.person();
                    }
                }
                envoy.announcedOn = facts.bestDate(facts.sentence.start() + m.start());
                String represents = countryIn(envoy.title);
                // "Trump appointed X as special envoy": an envoy represents the country of whoever appointed them.
                envoy.represents = represents != null ? represents : person.countryCode != null ? person.countryCode
                        : envoy.appointedBy != null ? envoy.appointedBy.countryCode : null;
                envoy.cite(facts.sentence);
                envoy.confidence = 0.85;
            }
        }
        List<DraftPerson> needed = new ArrayList<>();
        trips.forEach(trip -> needed.add(trip.traveller));
        talks.forEach(talk -> talk.participants().stream().filter(DraftPerson::isEnvoy).forEach(needed::add));
        for (DraftPerson person : needed) {
            if (envoys.stream().anyMatch(e -> e.person == person) || !person.isEnvoy() && person.stored == null) {
                continue;
            }
            if (!person.isEnvoy() && holdings.envoysOf(List.of(person.stored.id())).isEmpty()) {
                continue;
            }
            DraftEnvoy envoy = envoyOf(envoys, person);
            envoy.title = title(person.role);
            Matcher mandate = Pattern.compile("envoy (?:to|for) (?:the )?(.+)$", Pattern.CASE_INSENSITIVE).matcher(person.role == null ? "" : person.role);
            envoy.mandate = mandate.find() ? mandate.group(1) : null;
            envoy.appointedBy = person.envoyOf;
            envoy.represents = person.countryCode;
            if (person.roleMention != null) {
                envoy.cite(person.roleMention.sentence());
            }
            envoy.confidence = 0.7;
        }
        for (DraftEnvoy envoy : envoys) {
            if (envoy.person.stored != null) {
                List<Holdings.KnownEnvoy> stored = holdings.envoysOf(List.of(envoy.person.stored.id()));
                Holdings.KnownEnvoy best = null;
                for (Holdings.KnownEnvoy known : stored) {
                    if (best == null || envoy.title != null && known.title().equalsIgnoreCase(envoy.title)) {
                        best = known;
                    }
                }
                if (best != null) {
                    envoy.storedId = best.id();
                    envoy.title = best.title();
                    envoy.represents = best.represents();
                    envoy.adds.add("a citation of this report");
                }
            }
            if (envoy.passages.isEmpty()) {
                envoy.cite(envoy.person.firstMention().sentence());
            }
        }
        envoys.removeIf(envoy -> envoy.represents == null || envoy.title == null);
        return envoys;
    }

    private static DraftEnvoy envoyOf(List<DraftEnvoy> envoys, DraftPerson person) {
        for (DraftEnvoy envoy : envoys) {
            if (envoy.person == person) {
                return envoy;
            }
        }
        DraftEnvoy envoy = new DraftEnvoy();
        envoy.person = person;
        envoys.add(envoy);
        return envoy;
    }

    /** A role phrase as a title: without its owner ("Putin's") or country ("US"), capitalised: "Special Envoy". */
    private String title(String role) {
        if (role == null) {
            return null;
        }
        String title = role.replaceFirst("^.*?['’]s\\s+", "").replaceFirst("^(?i:the|a|an)\\s+", "");
        String[] words = title.split("\\s+");
        int k = 0;
        while (k < words.length - 1 && (gazetteer.countryCode(words[k]).isPresent() || words[k].matches("US|U\\.S\\.?"))) {
            k++;
        }
        title = String.join(" ", java.util.Arrays.copyOfRange(words, k, words.length));
        return title.isEmpty() ? null : title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    }

    private String countryIn(String title) {
        String[] head = title.split("\\s+(?:[Ee]nvoy|to|for)\\b")[0].split("\\s+");
        for (int length = Math.min(3, head.length); length >= 1; length--) {
            for (int i = 0; i + length <= head.length; i++) {
                String words = String.join(" ", java.util.Arrays.copyOfRange(head, i, i + length));
                if (words.matches("US|U\\.S\\.?")) {
                    return "US";
                }
                java.util.Optional<String> code = gazetteer.countryCode(words);
                if (code.isPresent()) {
                    return code.get();
                }
            }
        }
        return null;
    }
}
