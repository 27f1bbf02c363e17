package io.parley.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
@MapsErrors
public class NodeGraphQL {

    private static final int MAX_IDS = 100;

    private final Map<NodeType, NodeLoader<?>> loaders = new HashMap<>();

    public NodeGraphQL(Instance<NodeLoader<?>> all) {
        all.forEach(loader -> loaders.put(loader.nodeType(), loader));
    }

    @Query
    public Node node(@NonNull @Id String id) {
        GlobalId parsed = GlobalId.decode(id, "id");
        return loaders.get(parsed.type()).byKeys(List.of(parsed.key())).get(parsed.key());
    }

    /** One statement per node type asked for, answers in the order of the IDs, null where none exists. */
    @Query
    @NonNull
    public List<Node> nodes(@NonNull List<@NonNull String> ids) {
        if (ids.size() > MAX_IDS) {
            throw ApiException.limitExceeded("ids", "at most " + MAX_IDS + " IDs can be resolved at once");
        }
        List<GlobalId> parsed = new ArrayList<>(ids.size());
        Map<NodeType, List<Long>> keysByType = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            GlobalId id = GlobalId.decode(ids.get(i), "ids[" + i + "]");
            parsed.add(id);
            keysByType.computeIfAbsent(id.type(), type -> new ArrayList<>()).add(id.key());
        }
        Map<NodeType, Map<Long, ? extends Node>> found = new HashMap<>();
        keysByType.forEach((type, keys) -> found.put(type, loaders.get(type).byKeys(keys)));
        List<Node> result = new ArrayList<>(ids.size());
        for (GlobalId id : parsed) {
            result.add(found.get(id.type()).get(id.key()));
        }
        return result;
    }
}
