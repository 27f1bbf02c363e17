package io.parley.envoy;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.DatePrecision;
import io.parley.source.CitationInput;

@Input("EnvoyInput")
public class EnvoyInput {
    @NonNull
    @Id
    public String personId;
    @NonNull
    public String title;
    @NonNull
    public String represents;
    @Id
    public String appointedById;
    public String mandate;
    public LocalDate announcedOn;
    @Description("How much of announcedOn is known; DAY when omitted.")
    public DatePrecision announcedOnPrecision;
    public LocalDate startDate;
    public LocalDate endDate;
    public List<@NonNull CitationInput> citations;
}
