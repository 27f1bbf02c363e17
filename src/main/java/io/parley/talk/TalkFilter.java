package io.parley.talk;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TalkFilter")
public class TalkFilter {
    @Id
    @Description("Talks in which every one of these people took part.")
    public List<@NonNull String> participantIds;
    @Id
    @Description("Talks in which someone acted under one of these envoy appointments.")
    public List<@NonNull String> envoyIds;
    @Id
    public List<@NonNull String> trackIds;
    @Description("Talks whose period (date and datePrecision) ends on or after this day.")
    public LocalDate from;
    @Description("Talks whose period begins on or before this day.")
    public LocalDate to;
    public List<@NonNull TalkStatus> statuses;
    public List<@NonNull TalkFormat> formats;
    @Description("Country of the talk's location.")
    public String countryCode;
    @Description("Full-text match on title, summary and location.")
    public String text;
}
