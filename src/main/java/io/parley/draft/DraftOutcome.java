package io.parley.draft;

import java.util.ArrayList;
import java.util.List;

/** What came of diplomacy as the report states it: a message conveyed, a ceasefire, a release, a deal. */
final class DraftOutcome extends DraftRecord {

    record Figure(String label, long value, boolean approximate) {
    }

    String kind;
    String status;
    DateMention date;
    final List<Figure> figures = new ArrayList<>();
    final List<DraftPerson> beneficiaries = new ArrayList<>();
    final List<DraftPerson> creditedTo = new ArrayList<>();
    /** For messages: who sent it, to whom, through whom. */
    DraftPerson sender;
    DraftPerson recipient;
    DraftPerson through;
    String recipientPhrase;
    final List<DraftTalk> talks = new ArrayList<>();
}
