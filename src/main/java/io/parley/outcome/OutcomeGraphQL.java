package io.parley.outcome;

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
import io.parley.events.ChangeEvents;
import io.parley.graphql.Batch;
import io.parley.graphql.GraphQLBoundary;
import io.parley.graphql.Roles;
import io.parley.graphql.NodeType;
import io.parley.graphql.PageRequest;
import io.parley.person.Person;
import io.parley.person.PersonService;
import io.parley.source.Citation;
import io.parley.talk.Talk;
import io.parley.talk.TalkService;
import io.parley.track.Track;
import io.parley.track.TrackService;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class OutcomeGraphQL {

    private final OutcomeService outcomes;
    private final TalkService talks;
    private final TrackService tracks;
    private final PersonService people;
    private final ChangeEvents events;

    public OutcomeGraphQL(OutcomeService outcomes, TalkService talks, TrackService tracks, PersonService people,
            ChangeEvents events) {
        this.events = events;
        this.outcomes = outcomes;
        this.talks = talks;
        this.tracks = tracks;
        this.people = people;
    }

    @Query
    public Outcome outcome(@NonNull @Id String id) {
        return outcomes.byId(id);
    }

    @Query
    @NonNull
    @Description("Outcomes in the order they were recorded.")
    public OutcomeConnection outcomes(OutcomeFilter filter, Integer first, String after) {
        return OutcomeConnection.of(outcomes.listing(filter).page(PageRequest.of(first, after)));
    }

    @Subscription
    @NonNull
    @Description("Each outcome recorded or updated, optionally only for one track.")
    public Multi<Outcome> outcomeRecorded(@Id String trackId) {
        return events.records(NodeType.OUTCOME, trackId, outcomes);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Outcome recordOutcome(@NonNull OutcomeInput input) {
        return outcomes.record(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Outcome updateOutcome(@NonNull @Id String id, @NonNull OutcomeInput input, Integer expectedVersion) {
        return outcomes.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    public String deleteOutcome(@NonNull @Id String id) {
        return outcomes.delete(id);
    }

    public List<Track> track(@Source List<Outcome> list) {
        return Batch.one(list, Outcome::trackKey, tracks::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Talk>> talks(@Source List<Outcome> list) {
        return Batch.referenced(list, VersionedEntity::key, outcomes::talkKeys, talks::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Figure>> figures(@Source List<Outcome> list) {
        return Batch.many(list, VersionedEntity::key, outcomes::figures);
    }

    @NonNull
    @Description("People the outcome freed or directly benefited, e.g. a released prisoner.")
    public List<@NonNull List<@NonNull Person>> beneficiaries(@Source List<Outcome> list) {
        return Batch.referenced(list, VersionedEntity::key, outcomes::beneficiaryKeys, people::byKeys);
    }

    @NonNull
    @Description("People credited with bringing the outcome about.")
    public List<@NonNull List<@NonNull Person>> creditedTo(@Source List<Outcome> list) {
        return Batch.referenced(list, VersionedEntity::key, outcomes::creditedKeys, people::byKeys);
    }

    @NonNull
    public List<@NonNull List<@NonNull Citation>> citations(@Source List<Outcome> list) {
        return Batch.many(list, VersionedEntity::key, outcomes::citations);
    }

    @NonNull
    public List<@NonNull List<@NonNull Outcome>> outcomes(@Source List<Talk> list) {
        return Batch.many(list, VersionedEntity::key, outcomes::ofTalks);
    }

    @NonNull
    @Name("outcomes")
    @Description("The track's outcomes, in the order recorded.")
    public List<OutcomeConnection> trackOutcomes(@Source List<Track> list, Integer first, String after) {
        PageRequest page = PageRequest.of(first, after);
        return Batch.one(list, VersionedEntity::key, keys -> outcomes.ofTracks(keys, page)).stream()
                .map(OutcomeConnection::of).toList();
    }
}
