package io.parley.node;

import io.parley.common.ApiException;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.parley.read.JsonReads;
import io.parley.sql.Sql;

/** The read definitions of {@code node} and {@code nodes}: any record by its global ID. */
@ApplicationScoped
public class NodeReads implements JsonReads {

    /** At most this many IDs in one {@code nodes} call, as many as one page of any list. */
    private static final int MAX_IDS = 100;

    @Override
    public void describe(Registry registry) {
        registry.root("node", (compiler, field) -> Sql.of("select ",
                compiler.node(compiler.argument(field, "id", String.class), "id", field)));
        registry.root("nodes", (compiler, field) -> {
            @SuppressWarnings("unchecked")
            List<String> ids = compiler.argument(field, "ids", List.class);
            if (ids.size() > MAX_IDS) {
                throw ApiException.limitExceeded("ids", "at most " + MAX_IDS + " IDs can be resolved at once");
            }
            List<Sql> values = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                values.add(compiler.node(ids.get(i), "ids[" + i + "]", field));
            }
            return values.isEmpty() ? Sql.sql("select cast('[]' as json)")
                    : Sql.of("select json_build_array(", Sql.join(values, ", "), ")");
        });
    }
}
