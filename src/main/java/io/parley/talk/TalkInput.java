package io.parley.talk;

import io.parley.common.LocationInput;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.DatePrecision;
import io.parley.source.CitationInput;

@Input("TalkInput")
public class TalkInput {
    @NonNull
    public String title;
    @Id
    public String trackId;
    @NonNull
    public LocalDate date;
    @Description("DAY when omitted; MONTH and YEAR dates are stored as the first day of the period.")
    public DatePrecision datePrecision;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public LocationInput location;
    @Description("IN_PERSON when omitted.")
    public TalkFormat format;
    public Boolean closedDoor;
    @Description("When omitted: HELD for a date that has begun, PLANNED for a later one.")
    public TalkStatus status;
    public String summary;
    @NonNull
    public List<@NonNull ParticipantInput> participants;
    public List<@NonNull CitationInput> citations;

    @Input("ParticipantInput")
    public static class ParticipantInput {
        @NonNull
        @Id
        public String personId;
        @NonNull
        public ParticipantRole role;
        @Id
        @Description("The envoy appointment the person acted under; it must be that person's.")
        public String envoyId;
    }
}
