package io.parley.trip;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.common.NodeType;

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
                .columns("arrivedOn", "departedOn", "purpose", "summary")
                .linked("talks", "Talk", "talk", "trip_talk", "trip_id", "talk_id")
                .owned("citations", "Citation", "citation", "trip_id"));
        registry.shape(JsonShape.of("Envoy", null)
                .connection("trips", envoy -> trips.ofEnvoy(envoy.id())));
        registry.root("trip", (compiler, field) -> compiler.byId(NodeType.TRIP, field));
        registry.root("trips", (compiler, field) -> compiler.connection(
                trips.listing(compiler.argument(field, "filter", TripFilter.class)), field));
    }
}
