package io.parley.web;

import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.parley.access.OidcProvider;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the browser app (bundled from src/main/resources/web) at its own URLs: every record
 * has one, so deep links and reloads answer with index.html, whose script then routes with
 * the history API. Only the app's own paths are taken, so /graphql, /q/* and /dev/token stay
 * as they are. The app's pages get a strict Content-Security-Policy; GraphiQL (/q/graphql-ui)
 * loads inline scripts and keeps its own rules.
 */
@ApplicationScoped
public class WebApp {

    private final OidcProvider provider;

    public WebApp(OidcProvider provider) {
        this.provider = provider;
    }

    /** The history-API paths of web/app/main.js's route(); anything else is not the app's to answer. */
    static final Pattern APP_PATHS = Pattern.compile(
            "/(search|sign-in|desk|record(/(person|envoy|track|talk|trip|outcome|statement|source))?"
                    + "|(people|talks|tracks|sources|outcomes|statements|trips|envoys)/[A-Za-z0-9_=-]{1,200})");

    /** Host names and ports only: anything else in a Host header never reaches the policy. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

    void deepLinks(@Observes Router router) {
        router.routeWithRegex(HttpMethod.GET, APP_PATHS.pattern()).handler(context -> context.reroute("/"));
        router.routeWithRegex(HttpMethod.HEAD, APP_PATHS.pattern()).handler(context -> context.reroute("/"));
    }

    void securityHeaders(@Observes Filters filters) {
        filters.register(this::addHeaders, 100);
    }

    private void addHeaders(RoutingContext context) {
        String path = context.normalizedPath();
        if (!(path.startsWith("/q/") || path.startsWith("/graphql") || path.startsWith("/dev/"))) {
            context.response().headers()
                    .set("Content-Security-Policy", policy(context.request().authority() == null ? null
                            : context.request().authority().toString(), provider.browserOrigins()))
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "same-origin");
        }
        context.next();
    }

    /**
     * Scripts, styles, images and data come from this origin only: no inline script, no eval,
     * no inline style attribute. Subscriptions open a WebSocket to this host, which older
     * browsers do not count as 'self', so ws: and wss: are named for it. Signing in with the
     * identity provider reads its discovery document and exchanges the code at its token endpoint
     * from the page, so their origins are named too (OidcProvider#browserOrigins, checked there).
     */
    static String policy(String host, Set<String> signInOrigins) {
        String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
        String provider = signInOrigins.isEmpty() ? "" : " " + String.join(" ", signInOrigins);
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'" + sockets + provider + "; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'; object-src 'none'";
    }
}
