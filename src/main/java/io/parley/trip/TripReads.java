package io.parley.trip;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;
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
                .column("arrivedOn", "arrived_on")
                .column("departedOn", "departed_on")
                .column("purpose", "purpose")
                .column("summary", "summary")
                .many("talks", "Talk", (row, x, l) -> new Related(Sql.sql("trip_talk " + l + " join talk " + x + " on " + x + ".id = " + l + ".talk_id"),
                        Sql.of(l + ".trip_id = ", row.id()), Sql.sql(l + ".ordinal")))
                .many("citations", "Citation", (row, x, l) -> new Related(Sql.sql("citation " + x),
                        Sql.of(x + ".trip_id = ", row.id()), Sql.sql(x + ".ordinal"))));
        registry.shape(JsonShape.of("Envoy", null)
                .field("trips", (compiler, envoy, field) -> Sql.of("(",
                        compiler.connection(trips.ofEnvoy(envoy.id()), field), ")")));
        registry.root("trip", (compiler, field) -> compiler.byId(NodeType.TRIP, field));
        registry.root("trips", (compiler, field) -> compiler.connection(
                trips.listing(compiler.argument(field, "filter", TripFilter.class)), field));
    }
}
