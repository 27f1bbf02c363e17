package io.parley.envoy;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.common.NodeType;
import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.read.JsonShape.Related;
import io.parley.sql.Sql;

/** The read definitions of envoy appointments, and of a person's appointments. */
@ApplicationScoped
public class EnvoyReads implements JsonReads {

    private final EnvoyService envoys;

    public EnvoyReads(EnvoyService envoys) {
        this.envoys = envoys;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.ENVOY, "envoy")
                .one("person", "Person", "person_id")
                .columns("title", "represents", "mandate", "announcedOn", "announcedOnPrecision", "startDate", "endDate")
                .one("appointedBy", "Person", "appointed_by_id")
                .computed("active", row -> EnvoyService.active(row.alias()))
                .owned("citations", "Citation", "citation", "envoy_id"));
        registry.shape(JsonShape.of("Person", null)
                .many("envoyAppointments", "Envoy", (person, x, l) -> new Related(Sql.sql("envoy " + x),
                        Sql.of(x + ".person_id = ", person.id()), Sql.sql(x + ".id"))));
        registry.root("envoy", (compiler, field) -> compiler.byId(NodeType.ENVOY, field));
        registry.root("envoys", (compiler, field) -> compiler.connection(
                envoys.listing(compiler.argument(field, "filter", EnvoyFilter.class)), field));
    }
}
