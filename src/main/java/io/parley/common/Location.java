package io.parley.common;

import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.ApiException;
import io.parley.common.Inputs;

/** A place: where a talk happened or where a trip went. */
@Embeddable
public class Location {

    @NonNull
    public String name;
    public String city;
    public String countryCode;
    public Double latitude;
    public Double longitude;
    @Description("The place's GeoNames ID (https://www.geonames.org/<id>), when known.")
    public Integer geonamesId;

    protected Location() {
    }

    /** A validated location; the field names the input it came from. */
    public static Location from(String field, LocationInput input) {
        if (input == null) {
            return null;
        }
        Location location = new Location();
        location.name = Inputs.required(field + ".name", input.name, Inputs.TITLE_MAX);
        location.city = Inputs.optional(field + ".city", input.city, Inputs.NAME_MAX);
        location.countryCode = Inputs.countryCode(field + ".countryCode", input.countryCode);
        location.latitude = Inputs.latitude(field + ".latitude", input.latitude);
        location.longitude = Inputs.longitude(field + ".longitude", input.longitude);
        if ((location.latitude == null) != (location.longitude == null)) {
            throw ApiException.badInput(field + ".longitude", "latitude and longitude go together");
        }
        if (input.geonamesId != null && input.geonamesId <= 0) {
            throw ApiException.badInput(field + ".geonamesId", "must be a positive GeoNames ID");
        }
        location.geonamesId = input.geonamesId;
        return location;
    }
}
