package io.parley.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;

/**
 * Every object field of the served schema has exactly one read definition: a Query field its
 * root definition, a field of a record type its {@link JsonShape} field, a connection's fields
 * the compiler's one connection reading. Only the values that are not read from the database
 * keep their Java objects' getters, and they are listed here with the reason.
 */
@QuarkusTest
class ReadDefinitionsTest {

    /** Values computed in Java, never read from the database: nothing to compile. */
    private static final Map<String, String> JAVA_VALUES = Map.of(
            "RateLimit", "the caller's rate-limit budget, from the request",
            "ImportResult", "the report of an import the mutation just ran",
            "ImportedRecord", "a line of that report",
            "TrustedDocument", "the document an admin just registered",
            "BundleDraft", "a report drafting just read, written by nothing",
            "DraftProposal", "a record of that draft",
            "DraftPassage", "a passage of that report",
            "BundleLink", "a bundle a reviewer just linked, written by nothing");

    /** Query fields answered by a Java value (see {@link #JAVA_VALUES}). */
    private static final Set<String> JAVA_ROOTS = Set.of("rateLimit");

    /** Fields of connection types, which the compiler answers the same way for every list. */
    private static final Set<String> CONNECTION = Set.of("edges", "nodes", "pageInfo", "totalCount");
    private static final Set<String> EDGE = Set.of("cursor", "node");
    private static final Set<String> PAGE_INFO = Set.of("hasNextPage", "hasPreviousPage", "startCursor", "endCursor");

    @Inject
    Reads reads;

    @Test
    void everyObjectFieldHasExactlyOneReadDefinition() {
        ReadCompiler.ReadModel model = reads.model();
        GraphQLSchema schema = model.schema();
        List<String> missing = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (!(type instanceof GraphQLObjectType object) || object.getName().startsWith("__")
                    || object == schema.getMutationType() || object == schema.getSubscriptionType()) {
                continue;
            }
            String name = object.getName();
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                String coordinate = name + "." + field.getName();
                int definitions;
                if (object == schema.getQueryType()) {
                    definitions = (model.roots().containsKey(field.getName()) ? 1 : 0)
                            + (JAVA_ROOTS.contains(field.getName()) ? 1 : 0);
                } else if (name.endsWith("Connection")) {
                    definitions = CONNECTION.contains(field.getName()) ? 1 : 0;
                } else if (name.endsWith("Edge")) {
                    definitions = EDGE.contains(field.getName()) ? 1 : 0;
                } else if (name.equals("PageInfo")) {
                    definitions = PAGE_INFO.contains(field.getName()) ? 1 : 0;
                } else {
                    JsonShape shape = model.shapes().get(name);
                    definitions = (shape != null && shape.fieldNames().contains(field.getName()) ? 1 : 0)
                            + (JAVA_VALUES.containsKey(name) ? 1 : 0);
                }
                if (definitions != 1) {
                    missing.add(coordinate + " has " + definitions + " read definitions");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyDefinitionDefinesAServedField() {
        ReadCompiler.ReadModel model = reads.model();
        GraphQLSchema schema = model.schema();
        List<String> stray = new ArrayList<>();
        model.roots().keySet().stream().filter(root -> schema.getQueryType().getFieldDefinition(root) == null)
                .forEach(root -> stray.add("Query." + root));
        model.shapes().forEach((type, shape) -> {
            GraphQLObjectType object = schema.getObjectType(type);
            for (String field : shape.fieldNames()) {
                if (object == null || object.getFieldDefinition(field) == null) {
                    stray.add(type + "." + field);
                }
            }
        });
        assertEquals(List.of(), stray, "definitions of fields the schema does not serve");
    }
}
