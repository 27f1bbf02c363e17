package io.parley.history;

import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.parley.graphql.GraphQLBoundary;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class HistoryGraphQL {

    private final HistoryService history;

    public HistoryGraphQL(HistoryService history) {
        this.history = history;
    }

    @Query
    @NonNull
    @Description("Every change to a record, oldest first; kept after the record is deleted.")
    public List<@NonNull Revision> history(@NonNull @Id String id) {
        return history.of(id);
    }
}
