package io.parley.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.access.OidcProvider;
import io.quarkus.runtime.LaunchMode;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;

/**
 * {@code GET /auth/config}: what the web app's sign-in page offers, public as the page itself.
 * {@code provider} is null unless both an issuer and the web app's client ID are configured;
 * {@code devTokens} says whether this server mints dev tokens (dev mode only).
 *
 * <pre>{"provider":{"issuer":"https://sso.example.org/realms/parley","clientId":"parley-web",
 *   "scopes":"openid profile email","rolesClaim":"realm_access/roles","bearerToken":"access","name":"Keycloak"},
 *  "devTokens":false}</pre>
 */
@ApplicationScoped
public class SignInSettings {

    static final String PATH = "/auth/config";

    private final String body;

    public SignInSettings(OidcProvider provider) {
        JsonObject settings = null;
        if (provider.issuer().isPresent() && provider.clientId().isPresent()) {
            settings = new JsonObject().put("issuer", provider.issuer().get()).put("clientId", provider.clientId().get())
                    .put("scopes", provider.scopes()).put("rolesClaim", provider.rolesClaim())
                    .put("bearerToken", provider.bearerToken()).put("name", provider.name().orElse(null));
        }
        this.body = new JsonObject().put("provider", settings).put("devTokens", LaunchMode.current() == LaunchMode.DEVELOPMENT)
                .encode();
    }

    void route(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).handler(context -> context.response()
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache")
                .end(body));
    }
}
