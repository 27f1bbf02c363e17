package io.parley.draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.parley.common.Lexicon;
import io.parley.names.PersonNames;
import io.parley.names.PersonNames.Closeness;

/**
 * Step 2, people: who the report names. A run of capitalised words is a person's name when what
 * is left after its title words ("Russian President", "US Special Envoy") starts with a known
 * given name, follows a role word ("spokesman Dmitry Peskov") or is someone Parley holds; a run
 * ending in an organisation word ("Witkoff Group", "Vnukovo Airport") or naming a place is not.
 * Full names are gathered first, then each lone surname ("Putin", "Fogel") is the person of the
 * report (or, failing that, of Parley) with that surname, wherever in the report it stands.
 * Spellings are compared by {@link PersonNames}, the one way Parley matches a person.
 */
final class People {

    private final PersonNames names = PersonNames.get();
    private final Set<String> roles;
    private final Set<String> organizations;
    private final Set<String> notNames;
    private final Gazetteer gazetteer;

    People(Lexicon lexicon, Gazetteer gazetteer) {
        this.roles = lexicon.words("roles");
        this.organizations = lexicon.words("organization-words");
        this.notNames = lexicon.words("not-names");
        this.gazetteer = gazetteer;
    }

    /** A capitalised run's name part, found in one sentence, before it is known to be a person. */
    private record Candidate(Sentence sentence, int first, int last, boolean roleBefore) {
    }

    List<DraftPerson> find(List<Sentence> sentences, Holdings holdings) {
        List<Candidate> full = new ArrayList<>();
        List<Candidate> single = new ArrayList<>();
        for (Sentence sentence : sentences) {
            candidates(sentence, full, single);
        }
        // Only the people these runs could name are read, and PersonNames judges which each is.
        Set<String> runs = new LinkedHashSet<>();
        full.forEach(candidate -> runs.add(written(candidate)));
        single.forEach(candidate -> runs.add(written(candidate)));
        PersonNames.Index<Holdings.KnownPerson> held = names.index(holdings.people(runs), person -> {
            List<String> all = new ArrayList<>(person.aliases());
            all.add(0, person.name());
            return all;
        });
        List<DraftPerson> people = new ArrayList<>();
        for (Candidate candidate : full) {
            String written = written(candidate);
            // A full name may be a typo away from a stored one: its given name must still agree.
            Holdings.KnownPerson stored = held.best(written, Closeness.TYPO);
            boolean given = names.isGivenName(candidate.sentence.tokens().get(candidate.first).text());
            if (stored == null && !given && !candidate.roleBefore && !listedWithAName(candidate, full)) {
                continue;
            }
            DraftPerson person = cluster(people, written);
            if (person == null) {
                person = new DraftPerson(stored != null ? stored.name() : written);
                person.stored = stored;
                person.confidence = stored != null ? 0.95 : given && candidate.roleBefore ? 0.9 : 0.8;
                people.add(person);
            }
            person.spellings.add(written);
            addMention(person, candidate, written);
        }
        for (Candidate candidate : single) {
            String written = written(candidate);
            DraftPerson person = bySurname(people, written);
            if (person == null && gazetteer.isPlaceName(written)) {
                continue;
            }
            if (person == null) {
                Holdings.KnownPerson stored = held.best(written, Closeness.SURNAME);
                if (stored == null && !candidate.roleBefore) {
                    continue;
                }
                person = new DraftPerson(stored != null ? stored.name() : written);
                person.stored = stored;
                person.confidence = stored != null ? 0.85 : 0.6;
                people.add(person);
            }
            addMention(person, candidate, written);
        }
        for (DraftPerson person : people) {
            person.mentions.sort((a, b) -> Integer.compare(a.start(), b.start()));
            roleOf(person, people);
        }
        for (DraftPerson person : people) {
            if (person.countryCode == null && person.envoyOf != null) {
                person.countryCode = person.envoyOf.countryCode;
            }
            if (person.countryCode == null && person.stored != null) {
                person.countryCode = person.stored.countryCode();
            }
        }
        people.removeIf(person -> person.mentions.isEmpty());
        people.sort((a, b) -> Integer.compare(a.firstMention().start(), b.firstMention().start()));
        return people;
    }

    /**
     * "Sagui Dekel-Chen, Alexander Troufanov and Yair Horn": a name Parley does not know stands
     * in a list ("," or "and") next to one that starts with a known given name.
     */
    private boolean listedWithAName(Candidate candidate, List<Candidate> full) {
        List<Token> tokens = candidate.sentence.tokens();
        for (Candidate other : full) {
            if (other == candidate || other.sentence != candidate.sentence
                    || !names.isGivenName(tokens.get(other.first).text())) {
                continue;
            }
            int gapStart = Math.min(candidate.last, other.last);
            int gapEnd = Math.max(candidate.first, other.first);
            if (gapEnd - gapStart >= 1 && gapEnd - gapStart <= 2) {
                boolean listed = true;
                for (int k = gapStart; k < gapEnd; k++) {
                    listed &= tokens.get(k).text().equals(",") || tokens.get(k).is("and");
                }
                if (listed) {
                    return true;
                }
            }
        }
        return false;
    }

    private void addMention(DraftPerson person, Candidate c, String written) {
        List<Token> tokens = c.sentence.tokens();
        boolean possessive = c.last < tokens.size() && tokens.get(c.last).text().matches("['’]s");
        person.mentions.add(new PersonMention(c.sentence, c.first, c.last, tokens.get(c.first).start(),
                tokens.get(c.last - 1).end(), written, possessive, person));
    }

    /** The capitalised runs of a sentence, their title words stripped, as full-name or lone-surname candidates. */
    private void candidates(Sentence sentence, List<Candidate> full, List<Candidate> single) {
        List<Token> tokens = sentence.tokens();
        int i = 0;
        while (i < tokens.size()) {
            if (!nameWord(tokens, i)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && (nameWord(tokens, j)
                    || names.isParticle(tokens.get(j).text()) && j + 1 < tokens.size() && nameWord(tokens, j + 1))) {
                j++;
            }
            int first = i;
            boolean roleBefore = i > 0 && isRole(tokens.get(i - 1).lower());
            while (first < j && strippable(tokens.get(first))) {
                roleBefore |= isRole(tokens.get(first).lower());
                first++;
            }
            // "Secretary of State Marco Rubio": a known given name inside the run starts the name.
            for (int k = first + 1; k < j - 1; k++) {
                if (names.isGivenName(tokens.get(k).text()) && !names.isGivenName(tokens.get(first).text())) {
                    roleBefore = true;
                    first = k;
                    break;
                }
            }
            // A lone word may be a surname that is also some town's name ("Kellogg"): that is
            // settled once the report's full names are known, below.
            if (first < j && !organization(tokens.get(j - 1).lower()) && (j - first == 1 || !place(tokens, first, j))) {
                Candidate candidate = new Candidate(sentence, first, j, roleBefore);
                (j - first >= 2 ? full : single).add(candidate);
            }
            i = j;
        }
    }

    /** A capitalised word that can be part of a name run (hyphenated titles like "President-elect" included). */
    private static boolean nameWord(List<Token> tokens, int i) {
        Token token = tokens.get(i);
        return token.word() && token.capitalized();
    }

    /** Title, role, place and sentence-start words that precede a name inside a capitalised run. */
    private boolean strippable(Token token) {
        String lower = token.lower();
        return isRole(lower) || notNames.contains(lower) || organization(lower) || gazetteer.countryCode(token.text()).isPresent()
                || lower.equals("u.s") || lower.equals("us") || lower.equals("u.s.");
    }

    private boolean isRole(String lower) {
        return roles.contains(lower) || lower.contains("-") && roles.contains(lower.substring(0, lower.indexOf('-')));
    }

    private boolean organization(String lower) {
        return organizations.contains(lower) || lower.endsWith("s") && organizations.contains(lower.substring(0, lower.length() - 1));
    }

    private boolean place(List<Token> tokens, int first, int last) {
        String text = join(tokens, first, last);
        return gazetteer.isPlaceName(text) && !names.isGivenName(tokens.get(first).text());
    }

    private static String join(List<Token> tokens, int first, int last) {
        StringBuilder text = new StringBuilder();
        for (int k = first; k < last; k++) {
            if (k > first) {
                text.append(' ');
            }
            text.append(tokens.get(k).text());
        }
        return text.toString();
    }

    private static String written(Candidate c) {
        return join(c.sentence.tokens(), c.first, c.last);
    }

    private DraftPerson cluster(List<DraftPerson> people, String written) {
        for (DraftPerson person : people) {
            for (String spelling : person.spellings) {
                Closeness closeness = names.closeness(written, spelling);
                if (closeness == Closeness.EXACT || closeness == Closeness.VARIANT) {
                    return person;
                }
            }
        }
        return null;
    }

    /** The one person of the report whose surname this is; none when it is no one's or several people's. */
    private DraftPerson bySurname(List<DraftPerson> people, String surname) {
        DraftPerson found = null;
        for (DraftPerson person : people) {
            for (String spelling : person.spellings) {
                if (spelling.split(" ").length > 1 && names.closeness(surname, spelling) == Closeness.SURNAME) {
                    if (found != null && found != person) {
                        return null;
                    }
                    found = person;
                }
            }
        }
        return found;
    }

    /**
     * The role phrase that introduced the person: the title words before the first mention that
     * has any ("Kremlin spokesman", "Russian President", "Putin's envoy"), else an appositive
     * after it (", the head of the Russian Direct Investment Fund").
     */
    private void roleOf(DraftPerson person, List<DraftPerson> people) {
        // The role is the first one stated, or the first envoy role when there is one (it decides
        // envoy appointments); the country is the first a role states.
        for (PersonMention mention : person.mentions) {
            String before = roleBefore(mention, people, person);
            String after = roleAfter(mention, people, person);
            boolean afterIsEnvoy = after != null && after.toLowerCase(Locale.ROOT).contains("envoy");
            String role = before == null || afterIsEnvoy && !before.toLowerCase(Locale.ROOT).contains("envoy") ? after : before;
            if (role == null) {
                continue;
            }
            if (person.role == null || !person.isEnvoy() && role.toLowerCase(Locale.ROOT).contains("envoy")) {
                person.role = role;
                person.roleMention = mention;
            }
            // The country is the role's own ("Russian President", "US envoy"), never the one it is
            // sent to ("envoy to Ukraine and Russia").
            for (String word : role.split("\\s+(?:to|for|of|in)\\s+")[0].split("[\\s,]+")) {
                String code = countryOfWord(word);
                if (code != null && person.countryCode == null) {
                    person.countryCode = code;
                }
            }
        }
    }

    private String roleBefore(PersonMention mention, List<DraftPerson> people, DraftPerson self) {
        List<Token> tokens = mention.sentence().tokens();
        int k = mention.first();
        boolean sawRole = false;
        while (k > 0) {
            Token previous = tokens.get(k - 1);
            String lower = previous.lower();
            if (isRole(lower) || organization(lower) || gazetteer.countryCode(previous.text()).isPresent()
                    || lower.equals("us") || lower.equals("u.s")) {
                sawRole |= isRole(lower);
                k--;
            } else if (lower.matches("of|for") && sawRole && k >= 2 && isRole(tokens.get(k - 2).lower())) {
                // "Secretary of State", "Minister for Foreign Affairs"
                k--;
            } else if (lower.matches("['’]s") && k >= 2 && sawRole && countryOfWord(tokens.get(k - 2).text()) != null) {
                // "Qatar's Prime Minister": the country the role belongs to.
                if (self.countryCode == null) {
                    self.countryCode = countryOfWord(tokens.get(k - 2).text());
                }
                k -= 2;
            } else if (lower.matches("['’]s") && k >= 2 && sawRole) {
                // "Putin's envoy": the possessor names whose envoy this is.
                DraftPerson owner = personAt(people, mention.sentence(), k - 2);
                if (owner != null && owner != self) {
                    self.envoyOf = owner;
                    if (self.countryCode == null) {
                        self.countryCode = owner.countryCode;
                    }
                    k -= 2;
                }
                break;
            } else {
                break;
            }
        }
        if (!sawRole) {
            // "Trump's National Security Advisor, Mike Waltz": a role phrase set off by a comma.
            if (mention.first() >= 2 && tokens.get(mention.first() - 1).text().equals(",")
                    && isRole(tokens.get(mention.first() - 2).lower())) {
                int end = mention.first() - 1;
                int start = end;
                while (start > 0 && (isRole(tokens.get(start - 1).lower()) || tokens.get(start - 1).capitalized())) {
                    start--;
                }
                return mention.sentence().between(tokens.get(start).start(), tokens.get(end - 1).end());
            }
            return null;
        }
        return mention.sentence().between(tokens.get(k).start(), tokens.get(mention.first() - 1).end());
    }

    private String countryOfWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("’", "'").replaceAll("'s$", "");
        if (lower.equals("us") || lower.equals("u.s") || lower.equals("u.s.")) {
            return "US";
        }
        return gazetteer.countryCode(word.replaceAll("['’]s$", "")).orElse(null);
    }

    private String roleAfter(PersonMention mention, List<DraftPerson> people, DraftPerson self) {
        List<Token> tokens = mention.sentence().tokens();
        int k = mention.last();
        if (k >= tokens.size() || !tokens.get(k).text().equals(",")) {
            return null;
        }
        if (k + 2 < tokens.size() && tokens.get(k + 2).text().matches("['’]s")) {
            // ", Trump's special envoy to Ukraine and Russia"
            DraftPerson owner = personAt(people, mention.sentence(), k + 1);
            if (owner != null && owner != self && self.envoyOf == null) {
                self.envoyOf = owner;
            }
        }
        int end = k + 1;
        boolean sawRole = false;
        while (end < tokens.size() && !tokens.get(end).text().matches("[,.;:()\"“”]")) {
            sawRole |= isRole(tokens.get(end).lower());
            end++;
        }
        if (!sawRole || end == k + 1 || tokens.get(k + 1).lower().matches("who|which|that")) {
            return null;
        }
        return mention.sentence().between(tokens.get(k + 1).start(), tokens.get(end - 1).end());
    }

    private static DraftPerson personAt(List<DraftPerson> people, Sentence sentence, int tokenIndex) {
        for (DraftPerson person : people) {
            for (PersonMention mention : person.mentions) {
                if (mention.sentence() == sentence && mention.first() <= tokenIndex && tokenIndex < mention.last()) {
                    return person;
                }
            }
        }
        return null;
    }
}
