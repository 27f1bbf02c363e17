package io.parley.export;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Text written from a worker thread to an HTTP response in chunks, as it is produced. Each
 * chunk is handed to the response on its event loop; when the client reads slower than the
 * export is produced, the response's write queue fills and the writer waits for it to drain,
 * so memory holds at most a chunk and the queue whatever the export's size (backpressure).
 * The headers go out with the first chunk, so failures before it can still get an error status.
 */
final class ResponseStream {

    /** 64 KiB: large enough that handing a chunk to the event loop costs nothing per row. */
    private static final int CHUNK = 64 * 1024;
    /** A client that reads nothing for this long is dropped, freeing the database connection it holds. */
    private static final long STALL_SECONDS = 60;

    private final Context context;
    private final HttpServerResponse response;
    private final String contentType;
    private final String fileName;
    private StringBuilder pending = new StringBuilder(CHUNK + 4096);
    private volatile CompletableFuture<Void> waiting;
    private volatile boolean closed;
    private boolean started;

    ResponseStream(Context context, HttpServerResponse response, String contentType, String fileName) {
        this.context = context;
        this.response = response;
        this.contentType = contentType;
        this.fileName = fileName;
    }

    boolean started() {
        return started;
    }

    /** Appends text; sends a chunk whenever enough has gathered. */
    void write(CharSequence text) {
        pending.append(text);
        if (pending.length() >= CHUNK) {
            send(false);
        }
    }

    /** Sends what is left and ends the response. */
    void finish() {
        send(true);
    }

    private void send(boolean last) {
        Buffer chunk = Buffer.buffer(pending.toString());
        pending = new StringBuilder(CHUNK + 4096);
        boolean first = !started;
        started = true;
        CompletableFuture<Void> written = new CompletableFuture<>();
        waiting = written;
        context.runOnContext(ignored -> {
            if (closed || response.closed()) {
                written.completeExceptionally(new ClientGone());
                return;
            }
            if (first) {
                response.setChunked(true).putHeader("Content-Type", contentType)
                        .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                        .putHeader("Cache-Control", "no-store");
                response.closeHandler(gone -> {
                    closed = true;
                    CompletableFuture<Void> pendingWrite = waiting;
                    if (pendingWrite != null) {
                        pendingWrite.completeExceptionally(new ClientGone());
                    }
                });
            }
            if (last) {
                response.end(chunk);
                written.complete(null);
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                response.drainHandler(drained -> written.complete(null));
            } else {
                written.complete(null);
            }
        });
        try {
            written.get(STALL_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientGone();
        } catch (ExecutionException | TimeoutException e) {
            throw new ClientGone();
        }
    }

    /** Drops a response that has started but cannot be completed, so the client sees a broken download, not a short one. */
    void abort() {
        context.runOnContext(ignored -> {
            if (!response.closed()) {
                response.reset();
            }
        });
    }

    /** The client went away or stopped reading; the export stops and releases its connection. */
    static final class ClientGone extends RuntimeException {
        ClientGone() {
            super("the client stopped reading the export", null, false, false);
        }
    }
}
