package io.parley.graphql;

import graphql.normalized.ExecutableNormalizedField;

/**
 * A feature's part of the compiled reads ({@link CompiledReads}): the JSON shapes of its types
 * and the Query fields it answers in SQL. Implemented by one bean per feature.
 */
public interface JsonReads {

    void describe(Registry registry);

    interface Registry {

        void shape(JsonShape shape);

        void root(String queryField, RootField field);
    }

    /** SQL answering one Query field: a scalar subquery's body, {@code select ...}. */
    @FunctionalInterface
    interface RootField {
        String sql(ReadCompiler compiler, ExecutableNormalizedField field);
    }
}
