package io.parley.trip;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.source.CitationInput;
import io.parley.common.LocationInput;

@Input("TripInput")
public class TripInput {
    @NonNull
    @Id
    public String envoyId;
    @NonNull
    public LocationInput destination;
    public LocalDate arrivedOn;
    public LocalDate departedOn;
    public String purpose;
    public String summary;
    @Id
    public List<@NonNull String> talkIds;
    public List<@NonNull CitationInput> citations;
}
