package io.parley.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL primary and a real streaming standby, synchronously replicated, from the
 * embedded binaries in the test classpath (which hold initdb, pg_ctl and postgres, no
 * pg_basebackup): zonky's embedded PostgreSQL initialises the primary; once it is cleanly
 * stopped, a copy of its data directory with {@code standby.signal} and {@code primary_conninfo}
 * becomes the standby. The primary waits for the standby to flush each commit
 * ({@code synchronous_standby_names}), so an acknowledged write survives a failover. Both are
 * then run with pg_ctl, so a test can pause the standby's replay (lag), stop it, stop the primary
 * the hard way ({@code -m immediate}, a crash) and promote the standby.
 */
public final class ReplicatedPostgres implements AutoCloseable {

    private static final String STANDBY_NAME = "parley_standby";

    private final Path root;
    private final Path primaryData;
    private final Path standbyData;
    private final Path pgCtl;
    private final int primaryPort;
    private final int standbyPort;
    private final EmbeddedPostgres initialised;

    private ReplicatedPostgres(Path root) throws IOException, InterruptedException {
        this.root = root;
        primaryData = root.resolve("primary");
        standbyData = root.resolve("standby");
        initialised = EmbeddedPostgres.builder().setDataDirectory(primaryData).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        pgCtl = binaries().resolve("pg_ctl");
        primaryPort = freePort();
        standbyPort = freePort();
        pgCtl(primaryData, "-m", "fast", "-w", "-t", "60", "stop");
        configure(primaryData, primaryPort, "synchronous_standby_names = '" + STANDBY_NAME + "'");
        copy(primaryData, standbyData);
        configure(standbyData, standbyPort, "synchronous_standby_names = ''",
                "primary_conninfo = 'host=localhost port=" + primaryPort + " user=postgres application_name=" + STANDBY_NAME + "'");
        Files.createFile(standbyData.resolve("standby.signal"));
        startPrimary();
        startStandby();
        awaitSynchronousStandby();
    }

    /** Starts both under target/replicated-postgres; close() stops them and deletes their files. */
    public static ReplicatedPostgres start() {
        try {
            Path root = Path.of("target", "replicated-postgres", Long.toString(System.nanoTime())).toAbsolutePath();
            Files.createDirectories(root);
            return new ReplicatedPostgres(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int standbyPort() {
        return standbyPort;
    }

    public String primaryUrl() {
        return url(primaryPort);
    }

    public String standbyUrl() {
        return url(standbyPort);
    }

    public static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), "postgres", "postgres");
    }

    public Connection standby() throws SQLException {
        return DriverManager.getConnection(standbyUrl(), "postgres", "postgres");
    }

    /** The standby stops applying WAL (it still receives and flushes it, so commits are still acknowledged). */
    public void pauseReplay() {
        execute(standbyUrl(), "select pg_wal_replay_pause()");
    }

    public void resumeReplay() {
        execute(standbyUrl(), "select pg_wal_replay_resume()");
    }

    /** Stops the standby; the primary then waits for it at each commit, so this is for tests that only read. */
    public void stopStandby() {
        pgCtl(standbyData, "-m", "fast", "-w", "-t", "60", "stop");
    }

    public void startStandby() {
        pgCtl(standbyData, "-w", "-t", "60", "-l", root.resolve("standby.log").toString(), "start");
    }

    /** The primary crashes: no shutdown checkpoint, connections cut. */
    public void crashPrimary() {
        pgCtl(primaryData, "-m", "immediate", "-w", "-t", "60", "stop");
    }

    /** The standby becomes a primary that accepts writes (waits until it does). */
    public void promoteStandby() {
        execute(standbyUrl(), "select pg_promote(true, 60)");
    }

    private void startPrimary() {
        pgCtl(primaryData, "-w", "-t", "60", "-l", root.resolve("primary.log").toString(), "start");
    }

    private void awaitSynchronousStandby() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection connection = primary(); Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "select count(*) from pg_stat_replication where state = 'streaming' and sync_state = 'sync'")) {
                row.next();
                if (row.getInt(1) == 1) {
                    return;
                }
            } catch (SQLException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the standby did not start streaming synchronously within 60 s; see " + root);
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    private static void configure(Path data, int port, String... more) throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "port = " + port,
                "listen_addresses = 'localhost'",
                "wal_level = replica",
                "max_wal_senders = 10",
                "wal_keep_size = '1GB'",
                "hot_standby = on",
                // Replay feedback: long reads on the standby are not cancelled by vacuum on the primary.
                "hot_standby_feedback = on",
                "max_connections = 300",
                // Replication's guarantees, not the disk's, are what the tests are about.
                "fsync = off",
                "wal_receiver_status_interval = 1s"));
        lines.addAll(List.of(more));
        Files.write(data.resolve("postgresql.auto.conf"), lines, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.CREATE);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts") || name.equals("epg-lock")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // PostgreSQL refuses a data directory others may read.
        to.toFile().setReadable(false, false);
        to.toFile().setReadable(true, true);
        to.toFile().setExecutable(false, false);
        to.toFile().setExecutable(true, true);
    }

    /** Where zonky unpacked the binaries (its working directory, PG-<hash>/bin). */
    private static Path binaries() throws IOException {
        Path working = Path.of(System.getProperty("ot.epg.working-dir",
                new File(System.getProperty("java.io.tmpdir"), "embedded-pg").getPath()));
        try (Stream<Path> unpacked = Files.list(working)) {
            return unpacked.map(dir -> dir.resolve("bin")).filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries under " + working));
        }
    }

    private void pgCtl(Path data, String... arguments) {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            // PostgreSQL refuses to run as root; as zonky does, run it in a user namespace of its own.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(pgCtl.toString(), "-D", data.toString()));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(root.resolve("pg_ctl.log").toFile())).start();
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + root.resolve("pg_ctl.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops whatever still runs and deletes both data directories. */
    @Override
    public void close() {
        for (Path data : List.of(standbyData, primaryData)) {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    pgCtl(data, "-m", "immediate", "-w", "-t", "30", "stop");
                } catch (RuntimeException alreadyStopped) {
                    // nothing to stop
                }
            }
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // left for mvn clean
        }
    }
}
