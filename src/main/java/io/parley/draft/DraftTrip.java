package io.parley.draft;

import java.util.ArrayList;
import java.util.List;

/** An envoy's trip the report states: who went where, and the talks held there. */
final class DraftTrip extends DraftRecord {

    DraftPerson traveller;
    PlaceMention destination;
    DateMention arrivedOn;
    final List<DraftTalk> talks = new ArrayList<>();
}
