package io.parley.draft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

import io.parley.common.Lexicon;

/**
 * Step 4, places: the cities and countries a sentence names, looked up in the gazetteer of world
 * cities shipped with Parley (GeoNames, {@link Gazetteer}): the longest capitalised run of up to
 * three words that names one ("Tel Aviv" before "Tel"), never a word that belongs to a person's
 * name or a demonym ("Russian" is not a place; "Russia" is). An ambiguous city name is the most
 * populous city of that name, or the one in a country the same sentence names.
 */
final class Places {

    private final Gazetteer gazetteer;
    /** Words that make a place name before them an attribute ("US President", "US Embassy"), not a place. */
    private final Set<String> attributes = new HashSet<>();
    /** Role words: "U.S. envoy Steve Witkoff" names a role's country, not a place. */
    private final Set<String> roles;

    Places(Lexicon lexicon, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        roles = lexicon.words("roles");
        attributes.addAll(roles);
        attributes.addAll(lexicon.words("organization-words"));
    }

    /** The places of a sentence, outside the people's names and the dates ("March" is a town in England). */
    List<PlaceMention> find(Sentence sentence, List<PersonMention> people, List<DateMention> dates) {
        List<Token> tokens = sentence.tokens();
        List<PlaceMention> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            PlaceMention best = null;
            if (tokens.get(i).capitalized() && tokens.get(i).word() && !inPerson(people, i)) {
                for (int length = Math.min(3, tokens.size() - i); length >= 1 && best == null; length--) {
                    best = place(sentence, i, i + length, people);
                }
            }
            if (best != null && (inDate(dates, best) || attribute(tokens, best.last(), people))) {
                i = best.last();
            } else if (best != null) {
                found.add(best);
                i = best.last();
            } else {
                i++;
            }
        }
        // "Washington" next to "US" is the city of the country the sentence names.
        List<PlaceMention> resolved = new ArrayList<>();
        for (PlaceMention place : found) {
            if (place.city() != null) {
                for (PlaceMention country : found) {
                    if (country.city() == null && !country.countryCode().equals(place.countryCode())) {
                        Optional<Gazetteer.Place> there = gazetteer.city(place.written(), country.countryCode());
                        if (there.isPresent() && there.get().population() * 20 > place.city().population()) {
                            place = new PlaceMention(sentence, place.first(), place.last(), place.start(), place.end(),
                                    place.written(), there.get(), there.get().countryCode());
                        }
                    }
                }
            }
            resolved.add(place);
        }
        return resolved;
    }

    private PlaceMention place(Sentence sentence, int first, int last, List<PersonMention> people) {
        List<Token> tokens = sentence.tokens();
        StringBuilder written = new StringBuilder();
        for (int k = first; k < last; k++) {
            Token token = tokens.get(k);
            if (!token.word() || !token.capitalized() || inPerson(people, k)) {
                return null;
            }
            if (k > first) {
                written.append(' ');
            }
            written.append(token.text());
        }
        String text = written.toString();
        if (!gazetteer.isPlaceName(text)) {
            return null;
        }
        int start = tokens.get(first).start();
        int end = tokens.get(last - 1).end();
        Optional<String> country = gazetteer.countryCode(text);
        // A country's name (not its demonym: countryCode also knows "Russian", isPlaceName does not).
        if (country.isPresent() && gazetteer.city(text).map(city -> city.population() < 1_000_000).orElse(true)) {
            return new PlaceMention(sentence, first, last, start, end, text, null, country.get());
        }
        Optional<Gazetteer.Place> city = gazetteer.city(text);
        return city.map(place -> new PlaceMention(sentence, first, last, start, end, text, place, place.countryCode()))
                .orElse(null);
    }

    private static boolean inDate(List<DateMention> dates, PlaceMention place) {
        return dates.stream().anyMatch(date -> date.start() <= place.start() && place.end() <= date.end());
    }

    private boolean attribute(List<Token> tokens, int next, List<PersonMention> people) {
        if (next < tokens.size() && tokens.get(next).capitalized() && attributes.contains(tokens.get(next).lower())) {
            return true;
        }
        // "U.S. special envoy Steve Witkoff": role words, in any case, between the place and a name.
        int k = next;
        while (k < tokens.size() && roles.contains(tokens.get(k).lower())) {
            k++;
        }
        return k > next && inPerson(people, k);
    }

    private static boolean inPerson(List<PersonMention> people, int token) {
        for (PersonMention mention : people) {
            if (mention.first() <= token && token < mention.last()) {
                return true;
            }
        }
        return false;
    }
}
