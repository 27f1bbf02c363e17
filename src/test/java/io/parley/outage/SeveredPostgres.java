package io.parley.outage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL behind a TCP proxy the test can cut and restore, so the application sees
 * exactly what a network partition or a database restart looks like from its side.
 */
public class SeveredPostgres implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean open = true;
    private static final Set<Socket> SOCKETS = ConcurrentHashMap.newKeySet();

    private EmbeddedPostgres postgres;
    private ServerSocket proxy;

    /** Drops every connection and refuses new ones, as an unreachable database would. */
    public static void cut() {
        open = false;
        SOCKETS.forEach(SeveredPostgres::closeQuietly);
        SOCKETS.clear();
    }

    public static void restore() {
        open = true;
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
                    if (!open) {
                        closeQuietly(client);
                        continue;
                    }
                    Socket server = new Socket("localhost", target);
                    SOCKETS.add(client);
                    SOCKETS.add(server);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException e) {
                    // the proxy was closed, or one connection failed; keep serving the others
                }
            }
        }, "severed-postgres-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + proxy.getLocalPort() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "parley.demo-data", "false");
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away; close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                SOCKETS.remove(from);
                SOCKETS.remove(to);
            }
        }, "severed-postgres-pump");
        thread.setDaemon(true);
        thread.start();
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
