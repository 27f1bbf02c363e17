package io.parley.graphql;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@GraphQLBoundary
// Records pushed to subscribers are resolved outside any HTTP request.
@ActivateRequestContext
public class NodeGraphQL {

    private static final int MAX_IDS = 100;

    private final Nodes nodes;

    public NodeGraphQL(Nodes nodes) {
        this.nodes = nodes;
    }

    @Query
    public Node node(@NonNull @Id String id) {
        return nodes.load(List.of(GlobalId.decode(id, "id"))).get(0);
    }

    /** One statement per node type asked for; answers in the order of the IDs, null where none exists. */
    @Query
    @NonNull
    public List<Node> nodes(@NonNull List<@NonNull String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.limitExceeded("ids", "at most " + MAX_IDS + " IDs can be resolved at once");
        }
        List<GlobalId> parsed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(GlobalId.decode(ids.get(i), "ids[" + i + "]"));
        }
        return nodes.load(parsed);
    }
}
