package io.parley.draft;

/** Words the report attributes to a person: quoted verbatim or reported, when said, in what tone. */
final class DraftStatement extends DraftRecord {

    DraftPerson speaker;
    String quote;
    boolean verbatim;
    DateMention saidOn;
    String tone;
    DraftTalk talk;
    /** Where in the report the words themselves stand. */
    int start;
    int end;

    /** Where the words stand in the report. */
    DraftStatement at(int from, int to) {
        start = from;
        end = to;
        return this;
    }
}
