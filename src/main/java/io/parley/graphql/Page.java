package io.parley.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** One page of a list, ready to be shaped into a contract connection. */
public record Page<T>(List<T> nodes, List<String> cursors, PageInfo pageInfo, int totalCount) {

    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(edge.apply(cursors.get(i), nodes.get(i)));
        }
        return edges;
    }
}
