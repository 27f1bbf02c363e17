package io.parley.events;

import java.time.Duration;

/** Waits for the service's count of live subscriptions, which follows a client's connect or leave a little later. */
public final class Subscribers {

    private Subscribers() {
    }

    public static void await(ChangeEvents events, int count, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (events.subscriberCount() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " subscribers, have " + events.subscriberCount());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
