package io.parley.replica;

import java.util.Map;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The commit position a read must see, as the client sent it back after its own write: the
 * {@value #HEADER} header, or {@code extensions.readAfter} for clients that cannot set headers
 * (the header wins when both are sent). Read from the HTTP request once and kept in it.
 */
public final class ReadAfter {

    public static final String HEADER = "Parley-Read-After";
    /** The request extension that carries the same position. */
    public static final String EXTENSION = "readAfter";
    private static final String KEY = "parley.read-after";
    private static final Object NONE = new Object();

    private ReadAfter() {
    }

    /**
     * Reads the position from the request's header or its extensions and keeps it for the reads
     * the request makes; refuses a malformed one (BAD_USER_INPUT) before anything runs.
     */
    public static void accept(RoutingContext request, Map<String, Object> extensions) {
        String header = request.request().getHeader(HEADER);
        CommitPosition position;
        if (header != null) {
            position = CommitPosition.sent(HEADER, header);
        } else {
            Object sent = extensions == null ? null : extensions.get(EXTENSION);
            if (sent != null && !(sent instanceof String)) {
                throw io.parley.common.ApiException.badInput("extensions." + EXTENSION,
                        "must be a commit position as a write returned it, as text");
            }
            position = CommitPosition.sent("extensions." + EXTENSION, (String) sent);
        }
        request.put(KEY, position == null ? NONE : position);
    }

    /** The position the request asks its reads to see, or null for any (a malformed header is refused). */
    public static CommitPosition of(RoutingContext request) {
        if (request == null) {
            return null;
        }
        Object kept = request.get(KEY);
        if (kept == null) {
            accept(request, null);
            kept = request.get(KEY);
        }
        return kept instanceof CommitPosition position ? position : null;
    }

    /** The position of the HTTP request being served on this thread, when there is one. */
    public static CommitPosition current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        try {
            return of(Arc.container().instance(CurrentVertxRequest.class).get().getCurrent());
        } catch (RuntimeException refused) {
            // Already refused by the endpoint when it was malformed; a read never fails over it here.
            return null;
        }
    }
}
