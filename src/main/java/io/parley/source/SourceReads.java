package io.parley.source;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.sql.Sql;
import io.parley.common.NodeType;

/** The read definitions of sources, citations, and of what cites a source. */
@ApplicationScoped
public class SourceReads implements JsonReads {

    private final SourceService sources;

    public SourceReads(SourceService sources) {
        this.sources = sources;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.SOURCE, "source")
                .columns("publisher", "title", "url", "publishedOn", "language"));
        registry.shape(JsonShape.of("Citation", "citation")
                .one("source", "Source", "source_id")
                .columns("excerpt"));
        registry.shape(JsonShape.of("Source", null)
                .field("citedBy", (compiler, source, field) -> Sql.of("(", compiler.records(
                        x -> citing(source.id()), x -> Sql.sql(x + ".rank, " + x + ".key"), field), ")")));
        registry.root("source", (compiler, field) -> compiler.byId(NodeType.SOURCE, field));
        registry.root("sources", (compiler, field) -> compiler.connection(sources.listing(), field));
    }

    /** Each record citing the source ({@code sourceKey}, SQL) once, grouped by type in this order, then by key. */
    private static Sql citing(Sql sourceKey) {
        List<Sql> kinds = new java.util.ArrayList<>();
        for (int i = 0; i < CITING.length; i++) {
            String column = CITING[i].name().toLowerCase(java.util.Locale.ROOT) + "_id";
            kinds.add(Sql.of("select distinct ", Sql.value(CITING[i].label()), " as type, " + (i + 1) + " as rank, " + column
                    + " as key from citation where " + column + " is not null and source_id = ", sourceKey));
        }
        return Sql.join(kinds, " union all ");
    }

    private static final NodeType[] CITING = { NodeType.PERSON, NodeType.TRACK, NodeType.ENVOY, NodeType.TALK,
            NodeType.TRIP, NodeType.OUTCOME, NodeType.STATEMENT };
}
