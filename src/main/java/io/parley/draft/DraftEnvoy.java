package io.parley.draft;

/** An envoy appointment: whose envoy a person is, with what title and mandate, announced when. */
final class DraftEnvoy extends DraftRecord {

    DraftPerson person;
    String title;
    String represents;
    DraftPerson appointedBy;
    String mandate;
    DateMention announcedOn;
}
