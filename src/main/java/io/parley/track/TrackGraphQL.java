package io.parley.track;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

@GraphQLApi
@GraphQLBoundary
public class TrackGraphQL {

    private final TrackService tracks;

    public TrackGraphQL(TrackService tracks) {
        this.tracks = tracks;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Track createTrack(@NonNull TrackInput input) {
        return tracks.create(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Track updateTrack(@NonNull @Id String id, @NonNull TrackInput input, Integer expectedVersion) {
        return tracks.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    @Description("Deletes a track no talk, outcome or statement belongs to; CONFLICT otherwise.")
    public String deleteTrack(@NonNull @Id String id, Integer expectedVersion) {
        return tracks.delete(id, expectedVersion);
    }
}
