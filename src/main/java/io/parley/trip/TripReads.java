package io.parley.trip;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** Envoys' trips, as compiled reads read them. */
@ApplicationScoped
public class TripReads implements JsonReads {

    private final TripService trips;

    public TripReads(TripService trips) {
        this.trips = trips;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.TRIP, "trip")
                .one("envoy", "Envoy", "envoy_id")
                .embedded("destination", "Location", "destination_", null)
                .column("arrivedOn", "arrived_on")
                .column("departedOn", "departed_on")
                .column("purpose", "purpose")
                .column("summary", "summary")
                .many("talks", "Talk",
                        "trip_talk {l} join talk {x} on {x}.id = {l}.talk_id", "{l}.trip_id = {row}.id",
                        "{l}.ordinal")
                .many("citations", "Citation", "citation {x}", "{x}.trip_id = {row}.id", "{x}.ordinal"));
        registry.root("trip", (compiler, field) -> compiler.byId(NodeType.TRIP, field));
        registry.root("trips", (compiler, field) -> compiler.connection(
                trips.listing(compiler.argument(field, "filter", TripFilter.class)), field));
    }
}
