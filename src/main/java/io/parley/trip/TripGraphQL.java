package io.parley.trip;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.envoy.EnvoyService;
import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;
import io.parley.talk.TalkService;

@GraphQLApi
@GraphQLBoundary
public class TripGraphQL {

    private final TripService trips;
    private final EnvoyService envoys;
    private final TalkService talks;

    public TripGraphQL(TripService trips, EnvoyService envoys, TalkService talks) {
        this.trips = trips;
        this.envoys = envoys;
        this.talks = talks;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Trip recordTrip(@NonNull TripInput input) {
        return trips.record(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Trip updateTrip(@NonNull @Id String id, @NonNull TripInput input, Integer expectedVersion) {
        return trips.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    public String deleteTrip(@NonNull @Id String id) {
        return trips.delete(id);
    }
}
