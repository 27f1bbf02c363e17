package io.parley.bundle;

import java.nio.charset.StandardCharsets;

import io.parley.common.ApiException;
import io.parley.common.Roles;
import io.parley.errors.ErrorMapping;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The curl-friendly POST routes an editor sends a document to ({@code /import}, {@code /drafts}):
 * the caller's role is checked before a byte of the body is read (an anonymous caller must not
 * make Parley buffer megabytes), the body is held to its route's size, and the work runs on a
 * worker thread as the caller. Errors come in GraphQL's shape
 * ({@code {"errors": [{"message", "extensions": {"code", ...}}]}}) with a matching HTTP status.
 */
public final class EditorPosts {

    /** What a route does with the body, as the caller; its answer is JSON text. */
    @FunctionalInterface
    public interface Work {
        String run(SecurityIdentity caller, RoutingContext context, String body) throws Exception;
    }

    private EditorPosts() {
    }

    /** Handles one POST: {@code what} names the body in a refusal ("a bundle", "a report"). */
    public static void handle(RoutingContext context, long maxBody, String what, Work work) {
        HttpServerRequest request = context.request();
        String declared = request.getHeader("content-length");
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > maxBody) {
            tooLarge(context, maxBody, what);
            return;
        }
        Context eventLoop = Vertx.currentContext();
        Uni<SecurityIdentity> identity = QuarkusHttpUser.getSecurityIdentity(context, null);
        (identity == null ? Uni.createFrom().<SecurityIdentity> nullItem() : identity).subscribe().with(
                caller -> eventLoop.runOnContext(ignored -> receive(context, caller, maxBody, what, work)),
                refused -> eventLoop.runOnContext(ignored -> refuse(context, ApiException.invalidToken())));
    }

    private static void receive(RoutingContext context, SecurityIdentity caller, long maxBody, String what, Work work) {
        if (caller == null || caller.isAnonymous()) {
            refuse(context, ApiException.unauthenticated());
            return;
        }
        if (!caller.hasRole(Roles.EDITOR) && !caller.hasRole(Roles.ADMIN)) {
            refuse(context, ApiException.forbidden());
            return;
        }
        HttpServerRequest request = context.request();
        if ("100-continue".equalsIgnoreCase(request.getHeader("expect"))) {
            // The caller may send the body now (RFC 9110, 10.1.1): curl asks before a body over
            // 1 MB and otherwise waits a second for this answer, a second of every bundle import
            // (bench/import.sh). Asked only once the caller's role is known, so a refused caller
            // is refused without sending the body at all.
            context.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + (long) chunk.length() > maxBody) {
                if (!context.response().ended()) {
                    tooLarge(context, maxBody, what);
                }
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> {
            if (failure instanceof HttpClosedException) {
                return; // the client hung up mid-body: nobody to answer, and nothing went wrong here
            }
            fail(context, ErrorMapping.translate(failure));
        });
        request.endHandler(ended -> {
            if (context.response().ended()) {
                return;
            }
            context.vertx().executeBlocking(
                    () -> Identities.runAs(caller, () -> {
                        try {
                            return work.run(caller, context, body.toString(StandardCharsets.UTF_8));
                        } catch (RuntimeException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }), false).onComplete(result -> {
                        if (result.succeeded()) {
                            context.response().putHeader("content-type", "application/json").end(result.result());
                        } else {
                            fail(context, ErrorMapping.translate(result.cause()));
                        }
                    });
        });
        request.resume();
    }

    /** Refused before the body was read: the connection closes rather than draining it. */
    private static void refuse(RoutingContext context, ApiException error) {
        context.response().putHeader("connection", "close");
        fail(context, error);
    }

    private static void tooLarge(RoutingContext context, long maxBody, String what) {
        context.response().putHeader("connection", "close");
        fail(context, ApiException.limitExceeded("body", what + " may be at most " + maxBody + " bytes"));
    }

    public static void fail(RoutingContext context, ApiException error) {
        context.response().setStatusCode(error.httpStatus()).putHeader("content-type", "application/json")
                .end(error.asResponseBody());
    }
}
