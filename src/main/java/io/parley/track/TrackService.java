package io.parley.track;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.db.ListQuery;
import io.parley.db.Listing;
import io.parley.db.Ordering;
import io.parley.db.RecordService;
import io.parley.common.Inputs;
import io.parley.common.NodeType;
import io.parley.source.Citations;
import io.quarkus.security.identity.SecurityIdentity;

@ApplicationScoped
public class TrackService extends RecordService<Track, TrackInput> {

    static final Ordering BY_NAME = new Ordering("name", "t.name", Ordering.Kind.TEXT, false);

    private final Citations citations;

    public TrackService(Citations citations, SecurityIdentity identity) {
        super(NodeType.TRACK, Track::new, identity);
        this.citations = citations;
    }

    public Listing listing() {
        return new ListQuery("track", "t").ordered(BY_NAME);
    }

    @Override
    protected void noteReferences(Track track) {
        citations.known(track.citations);
    }

    @Override
    protected Track apply(Track track, TrackInput input) {
        track.name = Inputs.required("input.name", input.name, Inputs.TITLE_MAX);
        track.summary = Inputs.optional("input.summary", input.summary, Inputs.TEXT_MAX);
        List<String> parties = Inputs.strings("input.parties", input.parties, Inputs.NAME_MAX);
        track.parties = parties == null ? new ArrayList<>() : parties;
        track.status = input.status == null ? TrackStatus.ACTIVE : input.status;
        track.citations = kept(track.citations, citations.from("input.citations", input.citations));
        return track;
    }
}
