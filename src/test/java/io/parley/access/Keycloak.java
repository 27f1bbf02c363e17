package io.parley.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;

/**
 * A real Keycloak for the sign-in tests: Keycloak's own distribution (the keycloak-quarkus-dist
 * zip Maven unpacks into target/keycloak, see pom.xml) run on a JDK 21 or newer, with two realms
 * imported fresh at every start. Realm {@value #REALM} has the users {@value #EDITOR} (role editor)
 * and {@value #READER} (role reader), the web app's public client {@value #WEB_CLIENT} (authorization
 * code flow only, PKCE with S256 required, the app's origin as its only redirect, web and
 * post-logout origin), a client for scripts {@value #SCRIPTS_CLIENT} (password grant, so API tests
 * need no browser), both putting {@value #AUDIENCE} in their access tokens' audience, and
 * {@value #OTHER_CLIENT}, which does not. Its signing key is made here, so tests can sign tokens
 * it could have issued (an expired one). Realm {@value #ELSEWHERE} is the same, but another issuer.
 *
 * <p>Started once per test run by the test profile {@link WithKeycloak} (about 25 s on a quiet
 * 2-core machine, 40 to 50 s the first time after unpacking, when Keycloak builds itself for dev
 * mode), stopped when the profile's application stops (or the JVM ends).
 */
public final class Keycloak {

    public static final String REALM = "parley";
    public static final String ELSEWHERE = "elsewhere";
    public static final String WEB_CLIENT = "parley-web";
    public static final String SCRIPTS_CLIENT = "parley-scripts";
    public static final String OTHER_CLIENT = "parley-other";
    public static final String AUDIENCE = "parley-api";
    public static final String EDITOR = "edith";
    public static final String READER = "rex";
    /** Every test user's password is their name followed by this. */
    public static final String PASSWORD_SUFFIX = "-password";
    /** The web client's access tokens live this long, so the browser test sees one renewed. */
    public static final int WEB_TOKEN_SECONDS = 20;

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    /**
     * Where a started Keycloak is found: Quarkus may load this class again in the application's
     * class loader, whose copy of a static field would be empty, but system properties are the JVM's.
     */
    private static final String PORT_PROPERTY = "parley.keycloak.port";
    private static final String KEY_PROPERTY = "parley.keycloak.realm-key";
    private static Keycloak running;

    private final Process process;
    private final int port;
    private final PrivateKey realmKey;
    private volatile Duration startedIn;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Keycloak(Process process, int port, PrivateKey realmKey) {
        this.process = process;
        this.port = port;
        this.realmKey = realmKey;
    }

    /** The Keycloak {@link WithKeycloak} started. */
    public static synchronized Keycloak running() {
        if (running == null) {
            String port = System.getProperty(PORT_PROPERTY);
            if (port == null) {
                throw new IllegalStateException("Keycloak has not been started (test profile WithKeycloak starts it)");
            }
            try {
                PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(System.getProperty(KEY_PROPERTY))));
                running = new Keycloak(null, Integer.parseInt(port), key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return running;
    }

    /** The distribution Maven unpacked (system property parley.keycloak.home, set by surefire). */
    static Path home() {
        return Path.of(System.getProperty("parley.keycloak.home", "target/keycloak/keycloak-26.5.6"));
    }

    /**
     * A JDK 21 or newer for Keycloak: PARLEY_KEYCLOAK_JAVA_HOME (or the system property
     * parley.keycloak.java-home), this JVM's own, or the newest under /usr/lib/jvm.
     */
    public static Optional<Path> javaHome() {
        String configured = System.getProperty("parley.keycloak.java-home", System.getenv("PARLEY_KEYCLOAK_JAVA_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(home -> featureVersion(home) >= 21);
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(home -> Files.isExecutable(home.resolve("bin/java")) && featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(Keycloak::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureVersion(Path home) {
        try {
            Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The running Keycloak, started for the app at this origin on first use. */
    public static synchronized Keycloak start(String appOrigin) {
        if (running != null || System.getProperty(PORT_PROPERTY) != null) {
            return running();
        }
        Path java = javaHome().orElseThrow(() -> new IllegalStateException(
                "Keycloak needs a JDK 21 or newer: set PARLEY_KEYCLOAK_JAVA_HOME"));
        Path home = home();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException(home + "/bin/kc.sh is missing: Maven unpacks Keycloak in process-test-resources");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair key = generator.generateKeyPair();
            int port = freePort();
            Path data = home.resolve("data");
            deleteTree(data);
            Path imports = Files.createDirectories(data.resolve("import"));
            for (String realm : List.of(REALM, ELSEWHERE)) {
                Files.writeString(imports.resolve(realm + "-realm.json"), realm(realm, appOrigin, key));
            }
            Path log = home.resolveSibling("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=http://localhost:" + port,
                    "--import-realm").redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("JAVA", java.resolve("bin/java").toString());
            // Keycloak would otherwise size its heap to 70% of the machine's memory.
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            long started = System.nanoTime();
            Process process = builder.start();
            Keycloak keycloak = new Keycloak(process, port, key.getPrivate());
            keycloak.awaitReady(log);
            keycloak.startedIn = Duration.ofNanos(System.nanoTime() - started);
            running = keycloak;
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            System.setProperty(KEY_PROPERTY, Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()));
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "keycloak-stop"));
            System.out.printf("Keycloak %s started in %.1f s (JDK %s) at %s%n", home.getFileName(),
                    running.startedIn.toMillis() / 1000.0, java, running.issuer(REALM));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        URI discovery = URI.create(issuer(ELSEWHERE) + "/.well-known/openid-configuration");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak did not answer within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** The realm's import file: the template in src/test/resources/keycloak with this run's origin and key. */
    private static String realm(String name, String appOrigin, KeyPair key) throws IOException {
        try (var template = Keycloak.class.getResourceAsStream("/keycloak/realm.json")) {
            return new String(template.readAllBytes(), StandardCharsets.UTF_8).replace("@REALM@", name)
                    .replace("@APP_ORIGIN@", appOrigin)
                    .replace("@REALM_KEY@", Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()))
                    .replace("@WEB_TOKEN_SECONDS@", Integer.toString(WEB_TOKEN_SECONDS))
                    .replace("@WEB_CLIENT@", WEB_CLIENT).replace("@SCRIPTS_CLIENT@", SCRIPTS_CLIENT)
                    .replace("@OTHER_CLIENT@", OTHER_CLIENT).replace("@AUDIENCE@", AUDIENCE)
                    .replace("@EDITOR@", EDITOR).replace("@READER@", READER).replace("@PASSWORD_SUFFIX@", PASSWORD_SUFFIX);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    public String issuer(String realm) {
        return "http://localhost:" + port + "/realms/" + realm;
    }

    public String issuer() {
        return issuer(REALM);
    }

    /** The key the realm {@value #REALM} signs with (made for this run; Keycloak holds no other). */
    public PrivateKey realmKey() {
        return realmKey;
    }

    /** An access token Keycloak issues to a user through the scripts client (password grant). */
    public String accessToken(String realm, String client, String user) {
        return tokens(realm, client, user).getString("access_token");
    }

    public JsonObject tokens(String realm, String client, String user) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", client, "username", user,
                "password", user + PASSWORD_SUFFIX, "scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.body());
            }
            return new JsonObject(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the Keycloak this class loader's copy started, if any, so a later start begins afresh. */
    static synchronized void stopRunning() {
        if (running != null && running.process != null) {
            running.stop();
            running = null;
            System.clearProperty(PORT_PROPERTY);
            System.clearProperty(KEY_PROPERTY);
        }
    }

    synchronized void stop() {
        if (process != null && process.isAlive()) {
            // kc.sh passes SIGTERM on to Keycloak's JVM and waits for it.
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
