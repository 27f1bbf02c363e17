package io.parley.export;

import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.parley.common.ApiException;

/**
 * How many exports of any kind (CSV, events, bundles) may stream at once. Each running export
 * holds a worker thread and a database connection until its client has read everything;
 * beyond this many, more are refused (LIMIT_EXCEEDED, HTTP 429) so that slow downloads cannot
 * starve the API of either.
 */
@ApplicationScoped
public class ExportSlots {

    /** The field a refusal for too many running exports names. */
    private static final String BUSY = "export";

    private final Semaphore running;
    private final int max;

    public ExportSlots(@ConfigProperty(name = "parley.export.max-concurrent") int max) {
        this.max = max;
        this.running = new Semaphore(max);
    }

    /** Takes a slot, or says why none is free; every taken slot must be {@link #release()}d. */
    public ApiException tryAcquire() {
        return running.tryAcquire() ? null
                : ApiException.busy(BUSY, "at most " + max + " exports run at once; try again when one has finished");
    }

    public void release() {
        running.release();
    }
}
