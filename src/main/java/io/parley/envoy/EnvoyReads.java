package io.parley.envoy;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** Envoy appointments, as compiled reads read them. */
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
                .column("title", "title")
                .column("represents", "represents")
                .one("appointedBy", "Person", "appointed_by_id")
                .column("mandate", "mandate")
                .column("announcedOn", "announced_on")
                .column("announcedOnPrecision", "announced_on_precision")
                .column("startDate", "start_date")
                .column("endDate", "end_date")
                .computed("active", Envoy.ACTIVE_SQL)
                .many("citations", "Citation", "citation {x}", "{x}.envoy_id = {row}.id", "{x}.ordinal"));
        registry.root("envoy", (compiler, field) -> compiler.byId(NodeType.ENVOY, field));
        registry.root("envoys", (compiler, field) -> compiler.connection(
                envoys.listing(compiler.argument(field, "filter", EnvoyFilter.class)), field));
    }
}
