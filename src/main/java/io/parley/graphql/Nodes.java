package io.parley.graphql;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** Loads records of any node type by global ID, one statement per type asked for. */
@ApplicationScoped
public class Nodes {

    private final Map<NodeType, NodeLoader<?>> loaders = new EnumMap<>(NodeType.class);

    public Nodes(Instance<NodeLoader<?>> all) {
        all.forEach(loader -> loaders.put(loader.nodeType(), loader));
    }

    /** The records in the order of {@code ids}, null where none exists. */
    public List<Node> load(List<GlobalId> ids) {
        Map<NodeType, List<Long>> keysByType = new LinkedHashMap<>();
        ids.forEach(id -> keysByType.computeIfAbsent(id.type(), type -> new ArrayList<>()).add(id.key()));
        Map<NodeType, Map<Long, ? extends Node>> found = new HashMap<>();
        keysByType.forEach((type, keys) -> found.put(type, loaders.get(type).byKeys(keys)));
        List<Node> result = new ArrayList<>(ids.size());
        for (GlobalId id : ids) {
            result.add(found.get(id.type()).get(id.key()));
        }
        return result;
    }
}
