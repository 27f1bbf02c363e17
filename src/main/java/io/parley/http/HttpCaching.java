package io.parley.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.limits.RateLimitCharges;
import io.parley.replica.ReadAfter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * HTTP caching of reads, so a CDN can keep anonymous answers and revalidate them: anonymous
 * reads are {@code public} for {@code parley.http.cache-max-age} seconds, a caller with a token
 * gets {@code private, no-cache} (kept only by its own browser, and checked before each use);
 * every successful read carries a strong ETag (a SHA-256 of the representation) and a GET whose
 * {@code If-None-Match} names it gets 304 without a body. Anything else is {@code no-store}.
 */
@ApplicationScoped
public class HttpCaching {

    /**
     * The answer varies with the media type asked for, with the caller, and with the commit
     * position the caller asks to see (a cached answer from before its write must not stand in
     * for one that shows it, whichever database answered).
     */
    static final String VARY = "Accept, Authorization, " + ReadAfter.HEADER;

    private final String publicCacheControl;

    public HttpCaching(@ConfigProperty(name = "parley.http.cache-max-age") int maxAgeSeconds) {
        this.publicCacheControl = "public, max-age=" + maxAgeSeconds;
    }

    /**
     * Sets the caching headers of a successful read; true when the client's copy is current and
     * the answer is 304 without a body.
     */
    boolean cacheableRead(RoutingContext request, ResponseType type, String body) {
        // A charged rate-limit budget makes the answer the caller's own (its remaining points are
        // in the body and the x-ratelimit headers), so no shared cache may keep it.
        boolean anonymous = request.request().getHeader(HttpHeaders.AUTHORIZATION) == null
                && request.get(RateLimitCharges.BUDGET) == null;
        String etag = etag(type, body);
        request.response().putHeader(HttpHeaders.CACHE_CONTROL, anonymous ? publicCacheControl : "private, no-cache")
                .putHeader(HttpHeaders.ETAG, etag);
        HttpMethod method = request.request().method();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD)
                && matches(request.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag);
    }

    /** Adds what the answer varies with to what earlier handlers (CORS: Origin) said it varies with. */
    static void vary(RoutingContext request) {
        String earlier = request.response().headers().get(HttpHeaders.VARY);
        request.response().putHeader(HttpHeaders.VARY, earlier == null ? VARY : earlier + ", " + VARY);
    }

    void notCacheable(RoutingContext request) {
        request.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String etag(ResponseType type, String body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(type.contentType.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] hash = digest.digest(body.getBytes(StandardCharsets.UTF_8));
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + '"';
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
