package io.parley.read;

import graphql.normalized.ExecutableNormalizedField;

import io.parley.sql.Sql;

/**
 * A feature's read definitions: the {@link JsonShape} of each object type it owns, and the
 * Query fields it answers. Implemented by one bean per feature; the compiler answers every
 * read from these definitions and nothing else.
 */
public interface JsonReads {

    void describe(Registry registry);

    interface Registry {

        void shape(JsonShape shape);

        void root(String queryField, RootField field);
    }

    /**
     * SQL answering one Query field: the body of a scalar subquery ({@code select ...}) whose
     * single value is the field's JSON.
     */
    @FunctionalInterface
    interface RootField {
        Sql sql(ReadCompiler compiler, ExecutableNormalizedField field);
    }
}
