package io.parley.statement;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.DatePrecision;
import io.parley.source.CitationInput;

@Input("StatementInput")
public class StatementInput {
    @NonNull
    @Id
    public String speakerId;
    @NonNull
    public String quote;
    @Description("true when omitted: the quote is the speaker's own words.")
    public Boolean verbatim;
    @NonNull
    public LocalDate saidOn;
    @Description("How much of saidOn is known; DAY when omitted.")
    public DatePrecision saidOnPrecision;
    @Description("NEUTRAL when omitted.")
    public Tone tone;
    @Id
    public String talkId;
    @Id
    public String trackId;
    public List<@NonNull CitationInput> citations;
}
