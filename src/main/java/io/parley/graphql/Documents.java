package io.parley.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;

/**
 * GraphQL documents parsed once: clients send the same few documents again and again, and
 * parsing one (and validating it) costs more than answering many reads.
 */
@ApplicationScoped
public class Documents {

    private static final int CACHED = 1_000;
    /**
     * Longer documents are parsed every time: the cache holds real clients' documents, and
     * must not let anyone pin a thousand request bodies of the maximum size in memory.
     */
    private static final int CACHED_LENGTH = 8_192;

    /** A document, or why it does not parse; whether it is valid against the served schema once asked. */
    public static final class Parsed {
        public final Document document;
        final String syntaxError;
        private volatile Boolean valid;
        /** Operation kinds by the operation name asked for ("" for none). */
        private final Map<String, String> kinds = new ConcurrentHashMap<>(2);

        Parsed(Document document, String syntaxError) {
            this.document = document;
            this.syntaxError = syntaxError;
        }

        /** The parser's complaint, or null when the document parses. */
        public String syntaxError() {
            return syntaxError;
        }

        /**
         * The kind ("query", "mutation", "subscription") of the operation a request selects by
         * name (or of the only one), or null when the document does not parse or names no such operation.
         */
        public String operationKind(String operationName) {
            if (document == null) {
                return null;
            }
            // Asked on every request of a cached document; names that match no operation are not kept.
            String key = operationName == null ? "" : operationName;
            String known = kinds.get(key);
            if (known != null) {
                return known;
            }
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
            for (OperationDefinition operation : operations) {
                if (operationName == null ? operations.size() == 1 : operationName.equals(operation.getName())) {
                    String kind = operation.getOperation().name().toLowerCase(Locale.ROOT);
                    kinds.put(key, kind);
                    return kind;
                }
            }
            return null;
        }

        public boolean isValid(GraphQLSchema schema) {
            Boolean known = valid;
            if (known == null) {
                known = document != null && ParseAndValidate.validate(schema, document).isEmpty();
                valid = known;
            }
            return known;
        }
    }

    private final int maxTokens;
    private final Map<String, Parsed> cache = new ConcurrentHashMap<>();

    public Documents(@ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens") int maxTokens) {
        this.maxTokens = maxTokens;
    }

    public Parsed parse(String query) {
        Parsed known = cache.get(query);
        if (known != null) {
            return known;
        }
        Parsed parsed;
        try {
            parsed = new Parsed(Parser.parse(ParserEnvironment.newParserEnvironment().document(query)
                    .parserOptions(ParserOptions.getDefaultParserOptions().transform(o -> o.maxTokens(maxTokens)))
                    .build()), null);
        } catch (InvalidSyntaxException syntax) {
            parsed = new Parsed(null, syntax.getMessage());
        }
        if (query.length() <= CACHED_LENGTH) {
            if (cache.size() >= CACHED) {
                cache.clear();
            }
            cache.put(query, parsed);
        }
        return parsed;
    }
}
