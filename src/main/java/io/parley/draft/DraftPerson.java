package io.parley.draft;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One person the report mentions, however often and in whatever spelling: the name of the
 * first full mention (or of the stored person it matches), the other spellings, the role phrase
 * that introduced them and every mention.
 */
final class DraftPerson extends DraftRecord {

    String name;
    final Set<String> spellings = new LinkedHashSet<>();
    final List<PersonMention> mentions = new ArrayList<>();
    /** The phrase that introduced the person ("Kremlin spokesman"), or null. */
    String role;
    /** Where the role phrase was stated. */
    PersonMention roleMention;
    String countryCode;
    /** "Putin's envoy": the person whose envoy this one is, when the role says so. */
    DraftPerson envoyOf;
    /** The stored person this one is, when matched. */
    Holdings.KnownPerson stored;
    /** Born on, when the report says so ("Steven Charles Witkoff (born March 15, 1957)"). */
    DateMention born;

    DraftPerson(String name) {
        this.name = name;
        spellings.add(name);
    }

    boolean isEnvoy() {
        return role != null && role.toLowerCase(java.util.Locale.ROOT).contains("envoy");
    }

    PersonMention firstMention() {
        return mentions.get(0);
    }

    @Override
    public String toString() {
        return name;
    }
}
