package io.parley.track;

import java.util.List;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.source.CitationInput;

@Input("TrackInput")
public class TrackInput {
    @NonNull
    public String name;
    public String summary;
    public List<@NonNull String> parties;
    public TrackStatus status;
    public List<@NonNull CitationInput> citations;
}
