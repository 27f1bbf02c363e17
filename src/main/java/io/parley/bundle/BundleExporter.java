package io.parley.bundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;


import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;

import io.parley.export.ExportSlots;
import io.parley.common.ApiException;
import io.parley.errors.ErrorMapping;
import io.parley.common.Roles;
import io.parley.db.LongStatements;
import io.parley.replica.CommitPosition;
import io.parley.replica.ReadAfter;
import io.parley.replica.ReadRouting;
import io.parley.sql.Sql;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /export/bundle}: every stored record as one report bundle, refs being the records'
 * IDs, in constant memory: each collection is read through a JDBC cursor ({@value #FETCH_SIZE}
 * rows at a time) from V7's views, which build each record's JSON in PostgreSQL, and written
 * straight to the response, waiting whenever the client reads slower than the database.
 * The export is always whole: a filtered bundle would refer to records it does not hold.
 */
@ApplicationScoped
public class BundleExporter {

    static final int FETCH_SIZE = 500;
    private static final int CHUNK = 64 * 1024;

    private final ReadRouting routing;
    private final boolean readsRequireReader;
    private final String statementTimeout;
    /** Shared with the CSV and event exports: a bundle export holds a connection just as long. */
    private final ExportSlots slots;

    public BundleExporter(ReadRouting routing, ExportSlots slots,
            @ConfigProperty(name = "parley.auth.reads-require-reader") boolean readsRequireReader,
            @ConfigProperty(name = "parley.export.statement-timeout") String statementTimeout) {
        this.routing = routing;
        this.readsRequireReader = readsRequireReader;
        this.statementTimeout = statementTimeout;
        this.slots = slots;
    }

    void export(RoutingContext context) {
        ApiException busy = slots.tryAcquire();
        if (busy != null) {
            BundleRoutes.fail(context, busy);
            return;
        }
        context.vertx().executeBlocking(() -> {
            if (readsRequireReader) {
                requireReader(QuarkusHttpUser.getSecurityIdentityBlocking(context, null));
            }
            CommitPosition after = ReadAfter.of(context);
            HttpServerResponse response = context.response();
            response.setChunked(true).putHeader("content-type", "application/json").putHeader("cache-control", "no-store")
                    .putHeader("content-disposition", "attachment; filename=\"parley-bundle.json\"");
            try (OutputStream out = new ResponseStream(response)) {
                write(out, after);
            }
            return null;
        }, false).onComplete(result -> {
            slots.release();
            if (result.failed()) {
                if (context.response().headWritten()) {
                    // Mid-stream: the status is sent; cutting the connection is the only honest signal.
                    context.response().reset();
                } else {
                    BundleRoutes.fail(context, ErrorMapping.translate(result.cause()));
                }
            } else {
                context.response().end();
            }
        });
    }

    private static void requireReader(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw ApiException.unauthenticated();
        }
        if (!identity.hasRole(Roles.READER) && !identity.hasRole(Roles.EDITOR) && !identity.hasRole(Roles.ADMIN)) {
            throw ApiException.forbidden();
        }
    }

    /**
     * Writes the whole bundle; one read-only transaction, so the collections agree with each other.
     * A read replica may answer it once it has replayed {@code after} (ReadRouting).
     */
    void write(OutputStream out, CommitPosition after) throws SQLException, IOException {
        try (Connection connection = routing.connection(after)) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            int networkTimeout = connection.getNetworkTimeout();
            try (JsonGenerator json = BundleJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                networkTimeout = LongStatements.allow(connection, statementTimeout);
                json.writeStartObject();
                for (RecordType type : RecordType.values()) {
                    json.writeArrayFieldStart(type.collection);
                    try (PreparedStatement query = Sql.of("select doc::text from " + type.view + " order by id")
                            .prepare(connection)) {
                        query.setFetchSize(FETCH_SIZE);
                        try (ResultSet rows = query.executeQuery()) {
                            while (rows.next()) {
                                json.writeRawValue(rows.getString(1));
                            }
                        }
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
                connection.setTransactionIsolation(isolation);
                LongStatements.restore(connection, networkTimeout);
            }
        }
    }

    /** Buffers up to {@value #CHUNK} bytes, then hands them to Vert.x, waiting while its queue is full. */
    private static final class ResponseStream extends OutputStream {
        private final HttpServerResponse response;
        private Buffer pending = Buffer.buffer(CHUNK);

        ResponseStream(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void write(int b) {
            pending.appendByte((byte) b);
            flushIfFull();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            pending.appendBytes(bytes, offset, length);
            flushIfFull();
        }

        private void flushIfFull() {
            if (pending.length() >= CHUNK) {
                flush();
            }
        }

        @Override
        public void flush() {
            if (pending.length() == 0) {
                return;
            }
            if (response.closed()) {
                throw new UncheckedIOException(new IOException("the client went away"));
            }
            if (response.writeQueueFull()) {
                CountDownLatch drained = new CountDownLatch(1);
                response.drainHandler(ignored -> drained.countDown());
                try {
                    if (!response.writeQueueFull()) {
                        drained.countDown();
                    }
                    if (!drained.await(60, TimeUnit.SECONDS)) {
                        throw new UncheckedIOException(new IOException("the client stopped reading"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted", e));
                }
            }
            response.write(pending);
            pending = Buffer.buffer(CHUNK);
        }

        @Override
        public void close() {
            flush();
        }
    }
}
