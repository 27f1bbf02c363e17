package io.parley.common;

import org.eclipse.microprofile.graphql.Description;
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
    @Description("The place's GeoNames ID, when known.")
    public Integer geonamesId;
}
