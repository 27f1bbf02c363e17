package io.parley.trip;

import jakarta.annotation.security.RolesAllowed;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;

@GraphQLApi
@GraphQLBoundary
public class TripGraphQL {

    private final TripService trips;

    public TripGraphQL(TripService trips) {
        this.trips = trips;
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Trip recordTrip(@NonNull TripInput input) {
        return trips.create(input);
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
