package io.parley.talk;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("LocationInput")
public class LocationInput {
    @NonNull
    public String name;
    public String city;
    public String countryCode;
    public Double latitude;
    public Double longitude;
}
