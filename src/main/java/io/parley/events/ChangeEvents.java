package io.parley.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.parley.common.GlobalId;
import io.parley.common.Node;
import io.parley.common.NodeLoader;
import io.parley.common.NodeType;
import io.parley.common.TransactionMemory;
import io.parley.sql.Sql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Live changes shared by every replica through the database they already share. Writers
 * {@link #publish} a NOTIFY inside their own transaction, so PostgreSQL delivers it only when
 * that transaction commits and never for one rolled back. Each replica LISTENs on one
 * connection and fans notifications out to its subscribers; a subscriber that cannot keep up
 * loses events rather than slowing anyone, and one that goes away is forgotten.
 */
@ApplicationScoped
public class ChangeEvents {

    static final String CHANNEL = "parley_changes";
    private static final Logger LOG = Logger.getLogger(ChangeEvents.class);
    private static final int POLL_MILLIS = 500;
    private static final long RETRY_MILLIS = 2_000;

    private final EntityManager em;
    private final DataSource dataSource;
    private final Vertx vertx;
    private final Set<MultiEmitter<? super Change>> subscribers = new CopyOnWriteArraySet<>();
    private volatile boolean running;
    private Thread listener;

    public ChangeEvents(EntityManager em, DataSource dataSource, Vertx vertx) {
        this.em = em;
        this.dataSource = dataSource;
        this.vertx = vertx;
    }

    /**
     * Announces a write; call inside the writing transaction. Sent at once, unless the transaction
     * {@link #holdNotifications holds them}.
     */
    public void publish(NodeType type, long key, Long trackKey) {
        String payload = new Change(type, key, trackKey).encode();
        Held held = TransactionMemory.ifKept(Held.class);
        if (held != null) {
            held.payloads.add(payload);
            return;
        }
        Sql.of("select pg_notify(", Sql.value(CHANNEL), ", ", Sql.value(payload), ")").nativeQuery(em).getSingleResult();
    }

    /** Notifications the current transaction holds back to send together ({@link #sendHeld}). */
    private static final class Held {
        final List<String> payloads = new ArrayList<>();
    }

    /**
     * From now on in the current transaction, announcements wait for {@link #sendHeld} instead of
     * each being a statement of its own: a native statement makes Hibernate flush first, so a
     * notification per record would send each new record's insert on its own (a bundle import).
     * Call sendHeld before the transaction ends; PostgreSQL delivers them on commit either way.
     */
    public void holdNotifications() {
        if (TransactionMemory.of(Held.class, Held::new) == null) {
            throw new IllegalStateException("notifications can only be held in a transaction");
        }
    }

    /** Sends the announcements held so far, in one statement; nothing when none are. */
    public void sendHeld() {
        Held held = TransactionMemory.ifKept(Held.class);
        if (held == null || held.payloads.isEmpty()) {
            return;
        }
        Sql.of("select count(pg_notify(", Sql.value(CHANNEL), ", payload)) from unnest(array[",
                Sql.values(held.payloads), "]) payload").nativeQuery(em).getSingleResult();
        held.payloads.clear();
    }

    /** Changes committed from now on that match, delivered off the listening thread. */
    public Multi<Change> changes(Predicate<Change> wanted) {
        return Multi.createFrom().<Change> emitter(emitter -> {
            subscribers.add(emitter);
            emitter.onTermination(() -> subscribers.remove(emitter));
        }, BackPressureStrategy.DROP)
                .select().where(wanted)
                .emitOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * The records of one type committed from now on, each read once it arrives, optionally only
     * those of one track (an ID, validated here as the subscription's argument).
     */
    public <T extends Node> Multi<T> records(NodeType type, String trackId, NodeLoader<T> loader) {
        Long track = trackId == null ? null : GlobalId.keyOf(trackId, NodeType.TRACK, "trackId");
        // Nested fields are resolved by SmallRye on the Vert.x context the subscription came in on.
        Context context = Vertx.currentContext() != null ? Vertx.currentContext() : vertx.getOrCreateContext();
        return changes(change -> change.type() == type && (track == null || track.equals(change.trackKey())))
                .map(change -> QuarkusTransaction.requiringNew().call(() -> loader.byKeys(List.of(change.key()))
                        .get(change.key())))
                .select().where(Objects::nonNull)
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** How many subscriptions this replica is serving. */
    public int subscriberCount() {
        return subscribers.size();
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "parley-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        subscribers.forEach(MultiEmitter::complete);
        if (listener != null) {
            listener.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** LISTENs until shutdown, reconnecting after the database goes away. */
    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("listen " + CHANNEL);
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        Change change = Change.decode(notification.getParameter());
                        if (change != null) {
                            subscribers.forEach(subscriber -> subscriber.emit(change));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Listening for changes failed (%s); retrying in %d ms", e.getMessage(), RETRY_MILLIS);
                    pause();
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
