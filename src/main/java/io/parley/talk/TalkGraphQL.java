package io.parley.talk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

import io.parley.events.ChangeEvents;
import io.parley.common.GraphQLBoundary;
import io.parley.common.Roles;
import io.parley.common.NodeType;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class TalkGraphQL {

    private final TalkService talks;
    private final ChangeEvents events;

    public TalkGraphQL(TalkService talks, ChangeEvents events) {
        this.talks = talks;
        this.events = events;
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
        return talks.create(input);
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
}
