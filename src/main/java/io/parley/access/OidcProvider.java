package io.parley.access;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.json.JsonObject;

/**
 * The organisation's OpenID Connect provider (Keycloak, Entra ID, Auth0, Google, …), when
 * {@code parley.oidc.issuer} names one: its settings, and its discovery document
 * ({@code <issuer>/.well-known/openid-configuration}), fetched once at start-up and again after a
 * failure. The API verifies the provider's tokens against the discovered JWKS
 * ({@link IssuerTokens}); the web app signs users in with the same settings
 * ({@code io.parley.web.SignInSettings}).
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger(OidcProvider.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** A failed discovery is not tried again for this long, so a provider outage is not hammered. */
    private static final long RETRY_AFTER_NANOS = Duration.ofSeconds(10).toNanos();

    /** The endpoints Parley uses from a discovery document. */
    public record Discovery(String issuer, String authorizationEndpoint, String tokenEndpoint, String jwksUri,
            Optional<String> endSessionEndpoint) {
    }

    private final Optional<String> issuer;
    private final Optional<String> clientId;
    private final String scopes;
    private final String rolesClaim;
    private final Optional<List<String>> audience;
    private final String bearerToken;
    private final Optional<String> name;
    private final Optional<String> keys;

    private volatile HttpClient http;
    private volatile CompletableFuture<Discovery> discovery;
    private volatile long failedAt;

    public OidcProvider(@ConfigProperty(name = "parley.oidc.issuer") Optional<String> issuer,
            @ConfigProperty(name = "parley.oidc.client-id") Optional<String> clientId,
            @ConfigProperty(name = "parley.oidc.scopes", defaultValue = "openid profile email") String scopes,
            @ConfigProperty(name = "parley.oidc.roles-claim", defaultValue = "groups") String rolesClaim,
            @ConfigProperty(name = "parley.oidc.audience") Optional<List<String>> audience,
            @ConfigProperty(name = "parley.oidc.bearer-token", defaultValue = "access") String bearerToken,
            @ConfigProperty(name = "parley.oidc.name") Optional<String> name,
            @ConfigProperty(name = "parley.oidc.jwks") Optional<String> keys) {
        this.issuer = issuer.map(String::strip).filter(s -> !s.isEmpty());
        this.clientId = clientId.map(String::strip).filter(s -> !s.isEmpty());
        this.scopes = scopes.strip();
        this.rolesClaim = rolesClaim.strip();
        this.audience = audience.filter(list -> !list.isEmpty());
        if (!bearerToken.equals("access") && !bearerToken.equals("id")) {
            throw new IllegalArgumentException("parley.oidc.bearer-token must be 'access' or 'id', not '" + bearerToken + "'");
        }
        this.bearerToken = bearerToken;
        this.name = name.map(String::strip).filter(s -> !s.isEmpty());
        this.keys = keys.map(String::strip).filter(s -> !s.isEmpty());
        this.issuer.ifPresent(OidcProvider::origin);
    }

    /** Discovers the provider while the rest starts, so the first sign-in does not wait and a wrong issuer shows in the log. */
    void discoverAtStart(@Observes StartupEvent event) {
        if (issuer.isPresent()) {
            discovery().whenComplete((found, failure) -> {
                if (failure == null) {
                    LOG.infof("Identity provider %s: keys at %s", found.issuer(), keys.orElse(found.jwksUri()));
                } else if (keys.isPresent()) {
                    LOG.infof("Identity provider %s: its discovery document is out of reach (%s); its tokens are"
                            + " verified with the keys at %s, and the web app reads the document itself",
                            issuer.get(), failure.getMessage(), keys.get());
                } else {
                    LOG.warnf("Identity provider %s not reachable yet (its tokens are refused until it is): %s",
                            issuer.get(), failure.getMessage());
                }
            });
        }
    }

    public Optional<String> issuer() {
        return issuer;
    }

    /** The web app's client (a public client: no secret), without which it offers no provider sign-in. */
    public Optional<String> clientId() {
        return clientId;
    }

    public String scopes() {
        return scopes;
    }

    /** The claim the provider's tokens carry roles in: a name, or a path such as {@code realm_access/roles}. */
    public String rolesClaim() {
        return rolesClaim;
    }

    /** The audiences a provider token must name one of (its {@code aud}); none means not checked. */
    public Optional<List<String>> audience() {
        return audience;
    }

    /** Which token the web app sends to the API: {@code access} (default), or {@code id} for providers whose access tokens are opaque (Google). */
    public String bearerToken() {
        return bearerToken;
    }

    /**
     * Where the provider's keys are read instead of the discovery document's jwks_uri: a JWKS file
     * (a deployment whose pods may not reach the provider) or URL.
     */
    public Optional<String> keys() {
        return keys;
    }

    /** What the sign-in button calls the provider, e.g. "Keycloak" or "Contoso". */
    public Optional<String> name() {
        return name;
    }

    /** The discovery document, fetched once; a failure is retried on a later call. */
    public CompletableFuture<Discovery> discovery() {
        if (issuer.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("parley.oidc.issuer is not set"));
        }
        CompletableFuture<Discovery> current = discovery;
        if (current != null && !(current.isCompletedExceptionally() && System.nanoTime() - failedAt > RETRY_AFTER_NANOS)) {
            return current;
        }
        synchronized (this) {
            if (discovery == current) {
                discovery = fetch(issuer.get()).whenComplete((found, failure) -> {
                    if (failure != null) {
                        failedAt = System.nanoTime();
                    }
                });
            }
            return discovery;
        }
    }

    /** The discovery document when it has been fetched, without waiting for it. */
    public Optional<Discovery> discovered() {
        CompletableFuture<Discovery> current = discovery;
        return current != null && current.isDone() && !current.isCompletedExceptionally()
                ? Optional.of(current.join()) : Optional.empty();
    }

    /**
     * The origins the web app talks to when it signs in (the discovery document's and the token
     * endpoint's, which differ at Google), for the Content-Security-Policy's connect-src. The
     * token endpoint's is known once the discovery document has been read.
     */
    public Set<String> browserOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        issuer.ifPresent(i -> {
            origins.add(origin(i));
            // A discovery that failed (the provider was down at start-up) is tried again, without waiting.
            discovery();
        });
        discovered().ifPresent(d -> origins.add(origin(d.tokenEndpoint())));
        return origins;
    }

    /** scheme://host[:port] of an http(s) URL; anything else is refused. */
    static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || !uri.getHost().matches("[A-Za-z0-9.\\-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\]")) {
            throw new IllegalArgumentException("Not an http(s) URL with a host name: " + url);
        }
        return scheme + "://" + uri.getHost().toLowerCase() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private CompletableFuture<Discovery> fetch(String issuer) {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        URI uri = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered HTTP " + response.statusCode());
            }
            JsonObject document = new JsonObject(response.body());
            // OpenID Connect Discovery 1.0, 4.3: the document must name exactly the issuer it was fetched for.
            if (!issuer.equals(document.getString("issuer"))) {
                throw new IllegalStateException(uri + " names the issuer " + document.getString("issuer")
                        + ", not " + issuer + " (parley.oidc.issuer must be the provider's issuer exactly)");
            }
            Discovery found = new Discovery(issuer, required(document, "authorization_endpoint"),
                    required(document, "token_endpoint"), required(document, "jwks_uri"),
                    Optional.ofNullable(document.getString("end_session_endpoint")));
            origin(found.tokenEndpoint());
            return found;
        });
    }

    private static String required(JsonObject document, String field) {
        String value = document.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("The discovery document has no " + field);
        }
        return value;
    }
}
