package io.parley.draft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A talk the report states: who took part in what role, when, where, in what format, held or expected. */
final class DraftTalk extends DraftRecord {

    final Map<DraftPerson, String> roles = new LinkedHashMap<>();
    String status;
    String format;
    Boolean closedDoor;
    DateMention date;
    final List<PlaceMention> places = new ArrayList<>();

    List<DraftPerson> participants() {
        return new ArrayList<>(roles.keySet());
    }

    PlaceMention place() {
        return places.isEmpty() ? null : places.get(0);
    }
}
