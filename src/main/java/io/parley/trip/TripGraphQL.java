package io.parley.trip;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.db.VersionedEntity;
import io.parley.envoy.Envoy;
import io.parley.envoy.EnvoyService;
import io.parley.graphql.Batch;
import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Roles;
import io.parley.graphql.PageRequest;
import io.parley.source.Citation;
import io.parley.talk.Talk;
import io.parley.talk.TalkService;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class TripGraphQL {

    private final TripService trips;
    private final EnvoyService envoys;
    private final TalkService talks;

    public TripGraphQL(TripService trips, EnvoyService envoys, TalkService talks) {
        this.trips = trips;
        this.envoys = envoys;
        this.talks = talks;
    }

    @Query
    public Trip trip(@NonNull @Id String id) {
        return trips.byId(id);
    }

    @Query
    @NonNull
    @Description("Trips in the order they were recorded.")
    public TripConnection trips(TripFilter filter, Integer first, String after) {
        return TripConnection.of(trips.listing(filter).page(PageRequest.of(first, after)));
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

    @NonNull
    public List<@NonNull Envoy> envoy(@Source List<Trip> list) {
        return Batch.one(list, Trip::envoyKey, envoys::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Talk>> talks(@Source List<Trip> list) {
        return Batch.referenced(list, VersionedEntity::key, trips::talkKeys, talks::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Trip> list) {
        return Batch.many(list, VersionedEntity::key, trips::citations);
    }

    @NonNull
    @Description("Trips made under this appointment, in the order recorded.")
    public List<TripConnection> trips(@Source List<Envoy> appointments, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return Batch.one(appointments, VersionedEntity::key, keys -> trips.ofEnvoys(keys, page)).stream()
                .map(TripConnection::of).toList();
    }
}
