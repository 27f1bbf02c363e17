package io.parley.draft;

import java.util.ArrayList;
import java.util.List;

import io.parley.common.Lexicon;

/**
 * Step 5d, trips: who travelled where. A trip cue ("visited", "visit to", "flew to", "arrived in",
 * "is currently in") with a place right after it is a trip of the sentence's subject;
 * "shuttled between A and B" is a trip to each; "hosted X in Washington" is X's trip there. "The
 * US envoy's visit" is the trip of the report's envoy of that country. Only envoys' trips are
 * drafted (Parley records envoys' trips); a traveller's trips to one place are one trip, and a
 * trip holds the talks its traveller had there.
 */
final class Trips {

    private final Cues cues;

    Trips(Lexicon lexicon) {
        cues = Cues.rules(lexicon, "trip-cues");
    }

    List<DraftTrip> find(List<SentenceFacts> sentences, List<DraftPerson> people, List<DraftTalk> talks) {
        List<DraftTrip> trips = new ArrayList<>();
        for (SentenceFacts facts : sentences) {
            for (Cues.Hit cue : cues.all(facts.sentence)) {
                String mode = cue.cue().field(0);
                List<DraftPerson> travellers = new ArrayList<>();
                List<PlaceMention> places = new ArrayList<>();
                if ("host".equals(mode)) {
                    travellers.addAll(facts.objectsAfter(cue.end()));
                    PlaceMention place = facts.placeAfter(cue.end(), 12);
                    if (place != null) {
                        places.add(place);
                    }
                } else {
                    DraftPerson traveller = possessor(facts, cue);
                    if (traveller == null) {
                        traveller = envoyByRole(facts, cue, people);
                    }
                    if (traveller == null) {
                        traveller = facts.subjectBefore(cue.start());
                    }
                    if (traveller != null) {
                        travellers.add(traveller);
                    }
                    if ("pair".equals(mode)) {
                        int k = facts.sentence.tokenAt(cue.end());
                        for (PlaceMention place : facts.places) {
                            if (place.first() >= k && place.first() - k <= 6) {
                                places.add(place);
                            }
                        }
                    } else {
                        PlaceMention place = facts.placeAfter(cue.end(), 5);
                        if (place != null) {
                            places.add(place);
                        }
                    }
                }
                for (DraftPerson traveller : travellers) {
                    for (PlaceMention place : places) {
                        DraftTrip trip = new DraftTrip();
                        trip.traveller = traveller;
                        trip.destination = place;
                        trip.cite(facts.sentence);
                        trip.confidence = traveller.isEnvoy() || traveller.stored != null ? 0.8 : 0.6;
                        if (cue.cue().phrase().startsWith("arrived")) {
                            trip.arrivedOn = facts.bestDate();
                        }
                        add(trips, trip);
                    }
                }
            }
        }
        for (DraftTrip trip : trips) {
            for (DraftTalk talk : talks) {
                if (talk.roles.containsKey(trip.traveller) && talk.place() != null
                        && (Talks.placesAgree(talk.place(), trip.destination) || talk.places.stream().anyMatch(
                                p -> Talks.placesAgree(p, trip.destination)))) {
                    trip.talks.add(talk);
                }
            }
        }
        return trips;
    }

    /** "Witkoff's visit to Russia": the person whose visit it is. */
    private static DraftPerson possessor(SentenceFacts facts, Cues.Hit cue) {
        for (PersonMention mention : facts.people) {
            if (mention.possessive() && mention.last() + 1 == facts.sentence.tokenAt(cue.start())) {
                return mention.person();
            }
        }
        return null;
    }

    /** "the US envoy's visit": the one person of the report whose role is an envoy of that country. */
    private static DraftPerson envoyByRole(SentenceFacts facts, Cues.Hit cue, List<DraftPerson> people) {
        String before = facts.sentence.between(facts.sentence.start(), cue.start()).toLowerCase(java.util.Locale.ROOT);
        if (!before.matches("(?s).*\\benvoy['’]s\\s*$")) {
            return null;
        }
        DraftPerson found = null;
        for (DraftPerson person : people) {
            if (person.isEnvoy()) {
                if (found != null) {
                    return null;
                }
                found = person;
            }
        }
        return found;
    }

    private static void add(List<DraftTrip> trips, DraftTrip trip) {
        for (DraftTrip earlier : trips) {
            if (earlier.traveller == trip.traveller && Talks.placesAgree(earlier.destination, trip.destination)
                    && (earlier.destination.city() == null) == (trip.destination.city() == null)) {
                for (Sentence passage : trip.passages) {
                    earlier.cite(passage);
                }
                if (earlier.arrivedOn == null) {
                    earlier.arrivedOn = trip.arrivedOn;
                }
                earlier.confidence = Math.min(0.95, earlier.confidence + 0.05);
                return;
            }
        }
        trips.add(trip);
    }
}
