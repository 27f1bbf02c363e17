package io.parley.trip;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TripFilter")
public class TripFilter {
    @Id
    public List<@NonNull String> envoyIds;
    @Description("Country of the destination.")
    public String countryCode;
    @Description("Trips with a known date, not ended before this day.")
    public LocalDate from;
    @Description("Trips with a known date, not begun after this day.")
    public LocalDate to;
}
