package io.parley.statement;

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
public class StatementGraphQL {

    private final StatementService statements;
    private final ChangeEvents events;

    public StatementGraphQL(StatementService statements, ChangeEvents events) {
        this.statements = statements;
        this.events = events;
    }

    @Subscription
    @NonNull
    @Description("Each statement recorded, optionally only for one track.")
    public Multi<Statement> statementRecorded(@Id String trackId) {
        return events.records(NodeType.STATEMENT, trackId, statements);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Statement recordStatement(@NonNull StatementInput input) {
        return statements.create(input);
    }

    @Mutation
    @RolesAllowed({ Roles.EDITOR, Roles.ADMIN })
    @NonNull
    public Statement updateStatement(@NonNull @Id String id, @NonNull StatementInput input, Integer expectedVersion) {
        return statements.update(id, input, expectedVersion);
    }

    @Mutation
    @RolesAllowed({ Roles.ADMIN })
    @NonNull
    @Id
    public String deleteStatement(@NonNull @Id String id) {
        return statements.delete(id);
    }
}
