package io.parley.replica;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read replica's state in the readiness report ({@code /q/health/ready}), always UP: a
 * lagging or lost replica costs the primary some reads, never Parley's readiness (the replica's
 * datasource is excluded from Quarkus' own datasource check for the same reason).
 */
@Readiness
@ApplicationScoped
public class ReplicaHealth implements HealthCheck {

    private final ReplicaMonitor monitor;

    public ReplicaHealth(ReplicaMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaMonitor.Snapshot seen = monitor.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Read replica").up()
                .withData("state", seen.state().name())
                .withData("readsGoTo", monitor.usable() ? "replica" : "primary");
        if (seen.state() != ReplicaMonitor.State.NOT_CONFIGURED) {
            response.withData("lagBytes", seen.lagBytes())
                    .withData("lagMillis", Math.round(seen.lagSeconds() * 1000))
                    .withData("probedMillisAgo", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - seen.probedAtNanos()));
            if (seen.replayed() != null) {
                response.withData("replayed", seen.replayed().toString());
            }
            if (seen.primary() != null) {
                response.withData("primaryWritten", seen.primary().toString());
            }
            if (seen.detail() != null) {
                response.withData("detail", seen.detail());
            }
        }
        return response.build();
    }
}
