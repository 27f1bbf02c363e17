package io.parley.outcome;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("OutcomeFilter")
public class OutcomeFilter {
    public List<@NonNull OutcomeKind> kinds;
    public List<@NonNull OutcomeStatus> statuses;
    @Id
    public List<@NonNull String> trackIds;
    @Description("Dated outcomes known to fall on or after this day.")
    public LocalDate from;
    @Description("Dated outcomes known to fall on or before this day.")
    public LocalDate to;
}
