package io.parley.graphql;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import graphql.schema.GraphQLSchema;

/**
 * What a request will cost, known before anything runs: the {@link QueryLimits#cost cost} of its
 * operation, parsed and validated as the read paths do (documents are cached). A request that
 * will be refused (it does not parse or validate, or breaks a limit) costs the minimum, one point:
 * refusing it is cheap, but not free.
 */
@ApplicationScoped
public class OperationCost {

    public static final long MINIMUM = 1;

    private final Documents documents;
    private final QueryLimits limits;
    private final Instance<GraphQLSchema> servedSchema;

    public OperationCost(Documents documents, QueryLimits limits, Instance<GraphQLSchema> servedSchema) {
        this.documents = documents;
        this.limits = limits;
        this.servedSchema = servedSchema;
    }

    public long of(String query, Map<String, Object> variables, String operationName) {
        GraphQLSchema schema = servedSchema.get();
        Documents.Parsed document = documents.parse(query);
        if (!document.isValid(schema)) {
            return MINIMUM;
        }
        try {
            return Math.max(MINIMUM, QueryLimits.cost(limits.check(schema, document.document, operationName, variables),
                    schema));
        } catch (RuntimeException refused) {
            return MINIMUM;
        }
    }
}
