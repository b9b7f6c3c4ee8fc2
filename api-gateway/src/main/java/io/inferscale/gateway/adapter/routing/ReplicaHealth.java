package io.inferscale.gateway.adapter.routing;

import io.inferscale.core.routing.OutlierDetector;
import io.inferscale.core.routing.ReplicaLoad;
import io.inferscale.gateway.domain.FleetRegistry;
import io.inferscale.gateway.domain.ModelReplicas;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Closes one attempt on a replica: returns its load slot, updates its latency and failure streak,
 * and ejects it when it became an outlier. Both the final answer and a failed first attempt (before
 * a retry) go through here.
 */
@Component
public class ReplicaHealth {
    private static final Logger log = LoggerFactory.getLogger(ReplicaHealth.class);
    private final FleetRegistry registry;
    private final OutlierDetector outliers;
    private final MeterRegistry meters;

    public ReplicaHealth(FleetRegistry registry, OutlierDetector outliers, MeterRegistry meters) {
        this.registry = registry;
        this.outliers = outliers;
        this.meters = meters;
    }

    public void attemptFinished(
            ReplicaServiceInstance replica, long nowNanos, long latencyNanos, boolean success) {
        ReplicaLoad load = replica.load();
        load.onComplete(nowNanos, latencyNanos, success);
        if (success) {
            return;
        }
        List<ReplicaLoad> peers =
                registry.replicas(replica.model()).map(ModelReplicas::routable).orElse(List.of());
        if (outliers.afterCompletion(load, peers, nowNanos)) {
            meters.counter("inferscale.gateway.outlier.ejections", "model", replica.model())
                    .increment();
            log.warn(
                    "ejected replica {} of {} after {} consecutive failures for {} s",
                    replica.getInstanceId(),
                    replica.model(),
                    load.consecutiveFailures(),
                    (load.ejectedUntilNanos() - nowNanos) / 1_000_000_000L);
        }
    }
}
