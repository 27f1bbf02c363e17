package io.parley.outcome;

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
public class OutcomeGraphQL {

    private final OutcomeService outcomes;
    private final ChangeEvents events;

    public OutcomeGraphQL(OutcomeService outcomes, ChangeEvents events) {
        this.outcomes = outcomes;
        this.events = events;
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
        return outcomes.create(input);
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
}
