package io.parley.track;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.read.JsonShape;
import io.parley.common.NodeType;

/** Negotiation tracks, as compiled reads read them. */
@ApplicationScoped
public class TrackReads implements JsonReads {

    private final TrackService tracks;

    public TrackReads(TrackService tracks) {
        this.tracks = tracks;
    }

    @Override
    public void describe(Registry registry) {
        registry.shape(JsonShape.node(NodeType.TRACK, "track")
                .columns("name", "summary", "parties", "status")
                .owned("citations", "Citation", "citation", "track_id"));
        registry.root("track", (compiler, field) -> compiler.byId(NodeType.TRACK, field));
        registry.root("tracks", (compiler, field) -> compiler.connection(tracks.listing(), field));
    }
}
