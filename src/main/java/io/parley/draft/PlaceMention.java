package io.parley.draft;

/**
 * A place the report names at characters {@code [start, end)} (tokens {@code [first, last)} of
 * its sentence): a city of the gazetteer, or a country only ({@code city} null).
 */
record PlaceMention(Sentence sentence, int first, int last, int start, int end, String written, Gazetteer.Place city,
        String countryCode) {

    /** The place as a bundle location: the city with its coordinates and GeoNames ID, or the country's name. */
    String name() {
        return city != null ? city.name() : written;
    }
}
