package io.parley.outcome;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.DatePrecision;
import io.parley.source.CitationInput;

@Input("OutcomeInput")
public class OutcomeInput {
    @NonNull
    public OutcomeKind kind;
    @Description("AGREED when omitted.")
    public OutcomeStatus status;
    @NonNull
    public String title;
    public String description;
    public LocalDate date;
    @Description("DAY when a date is given without one.")
    public DatePrecision datePrecision;
    @Id
    public String trackId;
    @Id
    public List<@NonNull String> talkIds;
    public List<@NonNull FigureInput> figures;
    @Id
    public List<@NonNull String> beneficiaryIds;
    @Id
    public List<@NonNull String> creditedToIds;
    public List<@NonNull CitationInput> citations;

    @Input("FigureInput")
    public static class FigureInput {
        @NonNull
        public String label;
        @NonNull
        public Integer value;
        public Boolean approximate;
    }
}
