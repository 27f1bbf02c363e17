package io.parley.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.parley.replica.ReadAfter;
import io.parley.replica.ReadRouting;
import io.parley.sql.Sql;
import io.parley.common.ApiException;
import io.parley.db.LongStatements;
import io.parley.errors.ErrorMapping;
import io.parley.access.ReadAccess;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /export/<type>.csv} and {@code GET /export/events.jsonl}: whole filtered lists,
 * streamed. Each export reads in one read-only REPEATABLE READ transaction (one consistent
 * snapshot) through a server-side cursor, {@value #FETCH_SIZE} rows per round trip, and writes
 * each row to the response as it arrives, waiting whenever the client reads slower (see
 * {@link ResponseStream}): memory stays constant whatever the export's size. Reads are public
 * unless they require the reader role, as GraphQL reads are; a refused request gets the status
 * and a GraphQL-style error body ({@code errors[0].extensions.code}).
 */
@ApplicationScoped
public class ExportRoutes {

    private static final Logger LOG = Logger.getLogger(ExportRoutes.class);
    /** Rows per round trip: 500 talk rows are about 250 KB, a few chunks of output each. */
    static final int FETCH_SIZE = 500;

    private final CsvExports csv;
    private final PloverEvents events;
    private final ReadRouting routing;
    private final boolean readsRequireReader;
    private final ExportSlots running;
    private final String statementTimeout;

    public ExportRoutes(CsvExports csv, PloverEvents events, ReadRouting routing,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            ExportSlots running, @ConfigProperty(name = "parley.export.statement-timeout") String statementTimeout) {
        this.statementTimeout = statementTimeout;
        this.csv = csv;
        this.events = events;
        this.routing = routing;
        this.readsRequireReader = readsRequireReader;
        this.running = running;
    }

    void route(@Observes Router router) {
        router.get("/export/events.jsonl").handler(request -> start(request, "events.jsonl",
                "application/x-ndjson; charset=utf-8", (query, out) -> {
                    List<Sql> statements = events.rows(query);
                    query.requireAllRead();
                    return connection -> {
                        for (Sql statement : statements) {
                            stream(connection, statement, row -> out.write(row.getString(1) + "\n"));
                        }
                    };
                }));
        router.getWithRegex("/export/([a-z]+)\\.csv").handler(request -> {
            String type = request.pathParam("param0");
            CsvExports.CsvExport export = csv.named(type);
            if (export == null) {
                request.next();
                return;
            }
            start(request, type + ".csv", "text/csv; charset=utf-8; header=present", (query, out) -> {
                Sql statement = export.rows(query);
                query.requireAllRead();
                List<Columns.Column> columns = export.columns().list();
                return connection -> {
                    StringBuilder line = new StringBuilder(1024);
                    for (int i = 0; i < columns.size(); i++) {
                        Csv.field(line.append(i == 0 ? "" : ","), columns.get(i).header(), false);
                    }
                    out.write(line.append("\r\n"));
                    stream(connection, statement, row -> {
                        line.setLength(0);
                        String[] cells = export.columns().read(row);
                        for (int i = 0; i < columns.size(); i++) {
                            if (i > 0) {
                                line.append(',');
                            }
                            Csv.field(line, cells[i], columns.get(i).text());
                        }
                        out.write(line.append("\r\n"));
                    });
                };
            });
        });
    }

    /** What an export does with its database connection. */
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** Reads the query string into the export's statements (refusing bad input) before anything is sent. */
    interface Plan {
        Work prepare(QueryParameters query, ResponseStream out);
    }

    interface RowHandler {
        void accept(ResultSet row) throws SQLException;
    }

    private void start(RoutingContext request, String fileName, String contentType, Plan plan) {
        Context context = Vertx.currentContext();
        ResponseStream out = new ResponseStream(context, request.response(), contentType, fileName);
        ApiException busy = running.tryAcquire();
        if (busy != null) {
            refuse(request, busy);
            return;
        }
        request.vertx().executeBlocking(() -> {
            try {
                if (readsRequireReader) {
                    ReadAccess.requireReader(QuarkusHttpUser.getSecurityIdentityBlocking(request, null));
                }
                Work work = plan.prepare(new QueryParameters(request.queryParams()), out);
                // A read replica may answer once it has the caller's last write (ReadRouting).
                try (Connection connection = routing.connection(ReadAfter.of(request))) {
                    connection.setAutoCommit(false);
                    connection.setReadOnly(true);
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    // The rows' statement aggregates every listed record before the first row
                    // (about 0.6 s for 50,000 talks), so a large list outlasts the 5 s default.
                    int networkTimeout = LongStatements.allow(connection, statementTimeout);
                    try {
                        work.run(connection);
                    } finally {
                        connection.rollback();
                        connection.setAutoCommit(true);
                        LongStatements.restore(connection, networkTimeout);
                    }
                }
                out.finish();
            } catch (ResponseStream.ClientGone gone) {
                LOG.debugf("export %s stopped: %s", fileName, gone.getMessage());
            } catch (Exception | Error failure) {
                ApiException error = ErrorMapping.translate(failure);
                if (out.started()) {
                    LOG.warnf("export %s failed after it started (%s): %s", fileName, error.code(), error.getMessage());
                    out.abort();
                } else {
                    context.runOnContext(ignored -> refuse(request, error));
                }
            } finally {
                running.release();
            }
            return null;
        }, false);
    }

    private static void stream(Connection connection, Sql statement, RowHandler handler)
            throws SQLException {
        try (PreparedStatement query = statement.prepare(connection)) {
            query.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    handler.accept(rows);
                }
            }
        }
    }

    /** The error as GraphQL words it, with the HTTP status that fits its code. */
    private static void refuse(RoutingContext request, ApiException error) {
        Map<String, Object> extensions = error.getExtensions();
        String message = error.getMessage();
        Object field = extensions.get("field");
        if (field instanceof String name && name.startsWith("filter.")) {
            // The listing names the GraphQL argument; here the same value came as a query parameter.
            String parameter = name.substring("filter.".length());
            extensions.put("field", parameter);
            message = message.replaceFirst("^filter\\.", "");
        }
        JsonObject body = new JsonObject().put("errors", new JsonArray().add(new JsonObject()
                .put("message", message).put("extensions", new JsonObject(extensions))));
        request.response().setStatusCode(error.httpStatus()).putHeader("Content-Type", "application/json")
                .end(body.encode());
    }
}
