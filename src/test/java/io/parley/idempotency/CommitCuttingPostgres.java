package io.parley.idempotency;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL behind a TCP proxy that can break one connection exactly at a keyed write's
 * COMMIT: the connection that has just sent the statement keeping an idempotency key is cut when
 * its COMMIT passes, either before PostgreSQL receives it (the write is lost) or after PostgreSQL
 * has committed but before its reply reaches Parley (the write is made). Either way Parley sees
 * what a network failure during COMMIT looks like: an I/O error, outcome unknown.
 *
 * <p>The JDBC URL sets prepareThreshold=0 so that every statement travels with its text (no
 * server-prepared statement by name), which is what the proxy looks for.
 */
public class CommitCuttingPostgres implements QuarkusTestResourceLifecycleManager {

    /** Where the armed cut falls. */
    public enum Cut {
        /** The statement itself never reaches PostgreSQL: the connection breaks before any COMMIT. */
        AT_STATEMENT,
        /** COMMIT never reaches PostgreSQL, which rolls the transaction back when the connection drops. */
        BEFORE_COMMIT,
        /** PostgreSQL commits; its answer is lost on the way back. */
        AFTER_COMMIT
    }

    /** The statement a keyed write keeps its key with. */
    public static final String KEEPING = "insert into idempotency_key";
    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ROLLBACK = "ROLLBACK".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicReference<Cut> ARMED = new AtomicReference<>();
    private static volatile byte[] trigger = KEEPING.getBytes(StandardCharsets.US_ASCII);
    private static volatile boolean fired;

    private EmbeddedPostgres postgres;
    private ServerSocket proxy;

    /** Arms one cut: the next keyed write's COMMIT is cut there. */
    public static void arm(Cut cut) {
        arm(cut, KEEPING);
    }

    /** Arms one cut at the COMMIT of the next transaction that sends a statement containing {@code statement}. */
    public static void arm(Cut cut, String statement) {
        fired = false;
        trigger = statement.getBytes(StandardCharsets.US_ASCII);
        ARMED.set(cut);
    }

    /** Arms one cut at the next statement containing {@code statement}, before PostgreSQL receives it. */
    public static void armAtStatement(String statement) {
        arm(Cut.AT_STATEMENT, statement);
    }

    /** Whether the armed cut has happened. */
    public static boolean fired() {
        return fired;
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().start();
            proxy = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int target = postgres.getPort();
        Thread acceptor = new Thread(() -> {
            while (!proxy.isClosed()) {
                try {
                    Socket client = proxy.accept();
                    Socket server = new Socket("localhost", target);
                    new Connection(client, server).start();
                } catch (IOException e) {
                    // the proxy was closed, or one connection failed; keep serving the others
                }
            }
        }, "commit-cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.getLocalPort()
                        + "/postgres?prepareThreshold=0",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "parley.demo-data", "false");
    }

    /** One proxied connection: a pump each way, and what it has seen of the keyed write. */
    private static final class Connection {
        private final Socket client;
        private final Socket server;
        /** This connection has sent the trigger statement (keeping a key), and its COMMIT is still to come. */
        private volatile boolean keeping;
        /** PostgreSQL's next reply on this connection is to be swallowed and the connection cut. */
        private volatile boolean cutOnReply;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() {
            pump(client, server, true);
            pump(server, client, false);
        }

        private void pump(Socket from, Socket to, boolean fromClient) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[16 * 1024];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    int read;
                    while ((read = in.read(buffer)) >= 0) {
                        if (fromClient) {
                            if (contains(buffer, read, trigger)) {
                                if (ARMED.compareAndSet(Cut.AT_STATEMENT, null)) {
                                    fired = true;
                                    cut();
                                    return;
                                }
                                keeping = true;
                            } else if (contains(buffer, read, COMMIT) || contains(buffer, read, ROLLBACK)) {
                                Cut cut = keeping && contains(buffer, read, COMMIT) ? ARMED.getAndSet(null) : null;
                                keeping = false;
                                if (cut == Cut.BEFORE_COMMIT) {
                                    fired = true;
                                    cut();
                                    return;
                                }
                                if (cut == Cut.AFTER_COMMIT) {
                                    cutOnReply = true;
                                }
                            }
                        }
                        if (!fromClient && cutOnReply) {
                            // PostgreSQL has answered the COMMIT: it is durable (synchronous_commit).
                            fired = true;
                            cut();
                            return;
                        }
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                } catch (IOException e) {
                    // one side went away; close the other below
                } finally {
                    cut();
                }
            }, "commit-cutting-pump");
            thread.setDaemon(true);
            thread.start();
        }

        private void cut() {
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] wanted) {
        outer: for (int i = 0; i + wanted.length <= length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (buffer[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void stop() {
        try {
            proxy.close();
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
