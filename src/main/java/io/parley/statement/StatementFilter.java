package io.parley.statement;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("StatementFilter")
public class StatementFilter {
    @Id
    public List<@NonNull String> speakerIds;
    public List<@NonNull Tone> tones;
    @Id
    public List<@NonNull String> trackIds;
    @Id
    public List<@NonNull String> talkIds;
    @Description("Statements known to be said on or after this day.")
    public LocalDate from;
    @Description("Statements known to be said on or before this day.")
    public LocalDate to;
    @Description("Full-text match on the quote (websearch syntax), tolerant of typos.")
    public String text;
}
