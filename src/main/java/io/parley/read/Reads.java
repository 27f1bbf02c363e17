package io.parley.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.json.bind.Jsonb;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.replica.CommitPosition;
import io.parley.replica.ReadRouting;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;

import graphql.schema.GraphQLSchema;

/**
 * The features' read definitions gathered once ({@link JsonReads}), and the running of compiled
 * statements: plain JDBC, because going through Hibernate costs more than the statement (its
 * native-query cache compares whole SQL texts, which for long compiled reads was three quarters
 * of the CPU they took).
 */
@ApplicationScoped
public class Reads {

    private final boolean readsRequireReader;
    private final DataSource database;
    private final Jsonb jsonb;
    private final Instance<GraphQLSchema> servedSchema;
    private final Instance<JsonReads> features;
    private final ReadRouting routing;
    private final LongAdder statements = new LongAdder();
    private volatile ReadCompiler.ReadModel model;

    public Reads(@ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            DataSource database, Jsonb jsonb, Instance<GraphQLSchema> servedSchema, Instance<JsonReads> features,
            ReadRouting routing) {
        this.readsRequireReader = readsRequireReader;
        this.database = database;
        this.jsonb = jsonb;
        this.servedSchema = servedSchema;
        this.features = features;
        this.routing = routing;
    }

    /** Whether reads need a token with a role that may read ({@code parley.auth.reads-require-reader}). */
    public boolean readsRequireReader() {
        return readsRequireReader;
    }

    /** A compiler for one statement read for {@code caller} (null outside any request). */
    public ReadCompiler compiler(SecurityIdentity caller) {
        return new ReadCompiler(model(), jsonb, caller);
    }

    /**
     * The JSON text the statement's single value holds (null when it returns no row), read on the
     * primary: what a mutation's payload and a subscription's event read, right after the write.
     */
    public String json(Sql statement) throws SQLException {
        statements.increment();
        try (Connection connection = database.getConnection()) {
            return json(connection, statement);
        }
    }

    /**
     * The same for a query, which a read replica may answer ({@link ReadRouting}) once it has
     * replayed {@code after}, the caller's last write (null: any position will do).
     */
    public String json(Sql statement, CommitPosition after) throws SQLException {
        statements.increment();
        return routing.read(after, connection -> json(connection, statement));
    }

    private static String json(Connection connection, Sql statement) throws SQLException {
        try (PreparedStatement prepared = statement.prepare(connection);
                ResultSet result = prepared.executeQuery()) {
            return result.next() ? result.getString(1) : null;
        }
    }

    /** How many read statements this replica has run: what tests hold "statements per request" with. */
    public long statementsRun() {
        return statements.sum();
    }

    /** The served schema's object types and the read definitions of their fields. */
    public ReadCompiler.ReadModel model() {
        ReadCompiler.ReadModel described = model;
        if (described == null) {
            Map<String, JsonShape> shapes = new HashMap<>();
            Map<String, JsonReads.RootField> roots = new HashMap<>();
            JsonReads.Registry registry = new JsonReads.Registry() {
                @Override
                public void shape(JsonShape shape) {
                    shapes.merge(shape.type, shape, JsonShape::with);
                }

                @Override
                public void root(String queryField, JsonReads.RootField field) {
                    if (roots.putIfAbsent(queryField, field) != null) {
                        throw new IllegalStateException("Query." + queryField + " is defined twice");
                    }
                }
            };
            features.forEach(feature -> feature.describe(registry));
            described = new ReadCompiler.ReadModel(servedSchema.get(), Map.copyOf(shapes), Map.copyOf(roots));
            model = described;
        }
        return described;
    }
}
