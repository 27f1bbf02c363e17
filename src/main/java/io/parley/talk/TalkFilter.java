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
    @Description("Talks known to fall on or after this day: the period date and datePrecision give starts then or later.")
    public LocalDate from;
    @Description("Talks known to fall on or before this day: their whole period ends by then.")
    public LocalDate to;
    public List<@NonNull TalkStatus> statuses;
    public List<@NonNull TalkFormat> formats;
    @Description("Country of the talk's location.")
    public String countryCode;
    @Description("Full-text match on title, summary and location (websearch syntax: words, \"phrases\", -excluded, or), tolerant of typos in the title.")
    public String text;
}
