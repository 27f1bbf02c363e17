package io.parley.talk;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.parley.db.VersionedEntity;
import io.parley.envoy.Envoy;
import io.parley.envoy.EnvoyService;
import io.parley.events.ChangeEvents;
import io.parley.graphql.Batch;
import io.parley.graphql.GlobalId;
import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Roles;
import io.parley.graphql.NodeType;
import io.parley.graphql.Page;
import io.parley.graphql.PageRequest;
import io.parley.person.Person;
import io.parley.source.Citation;
import io.parley.track.Track;
import io.parley.track.TrackService;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class TalkGraphQL {

    private final TalkService talks;
    private final EnvoyService envoys;
    private final TrackService tracks;
    private final CounterpartService counterparts;
    private final ChangeEvents events;

    public TalkGraphQL(TalkService talks, EnvoyService envoys, TrackService tracks,
            CounterpartService counterparts, ChangeEvents events) {
        this.events = events;
        this.talks = talks;
        this.envoys = envoys;
        this.tracks = tracks;
        this.counterparts = counterparts;
    }

    @Query
    public Talk talk(@NonNull @Id String id) {
        return talks.byId(id);
    }

    @Query
    @NonNull
    @Description("Talks matching the filter, most recent first unless orderBy says otherwise.")
    public TalkConnection talks(TalkFilter filter, TalkOrder orderBy, Integer first, String after) {
        return TalkConnection.of(talks.listing(filter, orderBy).page(PageRequest.of(first, after)));
    }

    @Query
    @NonNull
    @Description("Number of talks per month matching the filter, oldest month first. Talks dated only to the year "
            + "belong to no month and are not counted.")
    public List<@NonNull MonthCount> talkActivity(TalkFilter filter) {
        return talks.activity(filter);
    }

    @Query
    @NonNull
    @Description("Everyone a person has met in talks, most meetings first.")
    public List<@NonNull Counterpart> counterparts(@NonNull @Id String personId) {
        long key = GlobalId.keyOf(personId, NodeType.PERSON, "personId");
        return counterparts.of(List.of(key)).getOrDefault(key, List.of());
    }

    @NonNull
    @Description("Everyone this person has met in talks, most meetings first.")
    public List<@NonNull List<@NonNull Counterpart>> counterparts(@Source List<Person> persons) {
        return Batch.many(persons, VersionedEntity::key, counterparts::of);
    }

    @Subscription
    @NonNull
    @Description("Each talk recorded or updated, optionally only for one track.")
    public Multi<Talk> talkRecorded(@Id String trackId) {
        return events.records(NodeType.TALK, trackId, talks);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Talk recordTalk(@NonNull TalkInput input) {
        return talks.record(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Talk updateTalk(@NonNull @Id String id, @NonNull TalkInput input, Integer expectedVersion) {
        return talks.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    @Description("Deletes a talk no trip, outcome or statement refers to; CONFLICT otherwise.")
    public String deleteTalk(@NonNull @Id String id) {
        return talks.delete(id);
    }

    public List<Track> track(@Source List<Talk> list) {
        return Batch.one(list, Talk::trackKey, tracks::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Participant>> participants(@Source List<Talk> list) {
        return Batch.many(list, VersionedEntity::key, talks::participants);
    }

    @NonNull
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Talk> list) {
        return Batch.many(list, VersionedEntity::key, talks::citations);
    }

    @Description("The envoy appointment the person acted under, if any.")
    public List<Envoy> asEnvoy(@Source List<Participant> list) {
        return Batch.one(list, Participant::envoyKey, envoys::byKeys);
    }

    @NonNull
    @Description("Talks the person took part in, most recent first.")
    public List<TalkConnection> talks(@Source List<Person> persons, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return connections(Batch.one(persons, VersionedEntity::key, keys -> talks.ofParticipants(keys, page)));
    }

    @NonNull
    @Name("talks")
    @Description("Talks in which someone took part in the capacity of this appointment.")
    public List<TalkConnection> envoyTalks(@Source List<Envoy> appointments, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return connections(Batch.one(appointments, VersionedEntity::key, keys -> talks.ofEnvoys(keys, page)));
    }

    @NonNull
    @Name("talks")
    @Description("The track's talks, most recent first.")
    public List<TalkConnection> trackTalks(@Source List<Track> list, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return connections(Batch.one(list, VersionedEntity::key, keys -> talks.ofTracks(keys, page)));
    }

    private static List<TalkConnection> connections(List<Page<Talk>> pages) {
        return pages.stream().map(TalkConnection::of).toList();
    }
}
