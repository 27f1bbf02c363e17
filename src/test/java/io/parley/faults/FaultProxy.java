package io.parley.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy between Parley and PostgreSQL that a test controls, standing for the network and
 * for the Kubernetes service in front of a database: it can refuse connections (a partition that
 * answers with resets), stall them (packets stop, nothing is refused: the case only timeouts
 * catch), drop every open connection, and send new connections to another server (a service
 * switched to a promoted standby).
 */
public final class FaultProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private volatile int targetPort;
    private volatile boolean refusing;
    private volatile boolean stalled;

    public FaultProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress("localhost", 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port Parley connects to. */
    public int port() {
        return listener.getLocalPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/postgres";
    }

    /** Drops every connection and refuses new ones, as an unreachable host that answers would. */
    public void refuse() {
        refusing = true;
        dropConnections();
    }

    /**
     * Stops every byte in both directions without closing anything, for open and new connections
     * alike: what a dead switch or a frozen VM looks like. Only the client's own timeouts notice.
     */
    public void stall() {
        stalled = true;
    }

    /** Ends a refusal or a stall; stalled bytes then flow on. */
    public void heal() {
        synchronized (gate) {
            refusing = false;
            stalled = false;
            gate.notifyAll();
        }
    }

    /** Closes every connection through the proxy, as a restarted pod or a killed backend would. */
    public void dropConnections() {
        sockets.forEach(FaultProxy::closeQuietly);
        sockets.clear();
    }

    /** New connections go to this port from now on; open ones stay where they are. */
    public void retarget(int port) {
        targetPort = port;
    }

    /** Connections open through the proxy now (each counts its two sockets once). */
    public int openConnections() {
        return sockets.size() / 2;
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (refusing) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket("localhost", targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                // the server is down: the client sees its connection closed, as through a service
                closeQuietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    awaitFlow();
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away; close the other below
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                sockets.remove(from);
                sockets.remove(to);
            }
        }, "fault-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitFlow() throws InterruptedException {
        synchronized (gate) {
            while (stalled) {
                gate.wait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() {
        heal();
        dropConnections();
        try {
            listener.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
