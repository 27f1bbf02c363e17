package io.parley.source;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.graphql.JsonReads;
import io.parley.graphql.JsonShape;
import io.parley.graphql.NodeType;

/** Sources and citations, as compiled reads read them. */
@ApplicationScoped
public class SourceReads implements JsonReads {

    private final SourceService sources;

    public SourceReads(SourceService sources) {
        this.sources = sources;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.SOURCE, "source")
                .column("publisher", "publisher")
                .column("title", "title")
                .column("url", "url")
                .column("publishedOn", "published_on")
                .column("language", "language"));
        registry.shape(JsonShape.of("Citation", "citation")
                .one("source", "Source", "source_id")
                .column("excerpt", "excerpt"));
        registry.root("source", (compiler, field) -> compiler.byId(NodeType.SOURCE, field));
        registry.root("sources", (compiler, field) -> compiler.connection(sources.listing(), field));
    }
}
