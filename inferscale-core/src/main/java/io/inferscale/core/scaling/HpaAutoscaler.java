package io.inferscale.core.scaling;

import io.inferscale.contracts.ScalingReason;

/**
 * Kubernetes HorizontalPodAutoscaler (autoscaling/v2) on one Pods metric, concurrency per replica,
 * with an AverageValue target: {@code reconcileAutoscaler} in kubernetes {@code
 * pkg/controller/podautoscaler/horizontal.go}, minus the API plumbing.
 *
 * <p>Per decision: bring an out-of-bounds replica count back into [min, max]; otherwise compute
 * {@code ceil(ready * average/target)} unless within tolerance ({@link HpaReplicaCalculator}),
 * stabilise it against the recent recommendations, and limit the change by the behaviour policies
 * and the bounds ({@link HpaBehavior}).
 *
 * <p>Differences from upstream, all deliberate: the metric is this decider's own average of the
 * last {@link HpaConfig#metricWindow()} of samples (see there); {@code minReplicas} is floored at
 * 1, since the HPA cannot scale to zero on a pods metric (it would never see load again); and a
 * target at zero replicas with {@code minReplicas > 0} is brought up to min, where the HPA would
 * treat it as autoscaling switched off.
 */
public final class HpaAutoscaler implements ReplicaAutoscaler {
    private static final long BUCKET_NANOS = 1_000_000_000L;

    private final int minReplicas;
    private final int maxReplicas;
    private final double target;
    private final double tolerance;
    private final long tickNanos;
    private final TimedBuckets perReplica;
    private final HpaBehavior behavior;

    public HpaAutoscaler(AutoscalerSettings settings) {
        HpaConfig config = settings.hpa();
        this.minReplicas = Math.max(1, settings.minReplicas());
        this.maxReplicas = settings.maxReplicas();
        this.target = settings.targetConcurrencyPerReplica();
        this.tolerance = config.tolerance();
        this.tickNanos = config.syncPeriod().toNanos();
        this.perReplica = new TimedBuckets(config.metricWindow().toNanos(), BUCKET_NANOS);
        this.behavior = new HpaBehavior(config.scaleUp(), config.scaleDown());
    }

    @Override
    public String name() {
        return "hpa";
    }

    @Override
    public long tickNanos() {
        return tickNanos;
    }

    @Override
    public void observe(long nowNanos, LoadSample sample) {
        // Replicas that are not ready report no metric; with none ready there is nothing to record.
        if (sample.readyReplicas() > 0) {
            perReplica.record(nowNanos, sample.inFlight() / sample.readyReplicas());
        }
    }

    @Override
    public ScaleDecision decide(long nowNanos, int currentReplicas, int readyReplicas) {
        if (currentReplicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0");
        }
        if (currentReplicas > maxReplicas || currentReplicas < minReplicas) {
            int bounded = Math.max(minReplicas, Math.min(maxReplicas, currentReplicas));
            behavior.recordScale(nowNanos, currentReplicas, bounded);
            return new ScaleDecision(
                    bounded,
                    ScalingReason.BOUNDS,
                    currentReplicas
                            + " replicas is outside ["
                            + minReplicas
                            + ", "
                            + maxReplicas
                            + "]");
        }
        int ready = Math.min(readyReplicas, currentReplicas);
        if (ready == 0 || perReplica.isEmpty(nowNanos)) {
            return new ScaleDecision(
                    currentReplicas,
                    ScalingReason.STALENESS,
                    "no metrics from ready replicas; holding " + currentReplicas);
        }
        double average = perReplica.windowAverage(nowNanos);
        int proposed =
                HpaReplicaCalculator.desiredReplicas(
                        average, target, tolerance, currentReplicas, ready);
        int stabilised = behavior.stabilise(nowNanos, currentReplicas, proposed);
        Limited limited = limit(nowNanos, currentReplicas, stabilised);
        if (limited.replicas != currentReplicas) {
            behavior.recordScale(nowNanos, currentReplicas, limited.replicas);
        }
        String why =
                "avg "
                        + ScaleDecision.round(average)
                        + "/replica vs target "
                        + ScaleDecision.round(target)
                        + " over "
                        + ready
                        + " ready: proposed "
                        + proposed
                        + ", stabilised "
                        + stabilised
                        + limited.note;
        return new ScaleDecision(limited.replicas, reason(currentReplicas, proposed, limited), why);
    }

    private record Limited(int replicas, boolean byBounds, String note) {}

    /** {@code convertDesiredReplicasWithBehaviorRate}: the policies' and the bounds' limits. */
    private Limited limit(long nowNanos, int current, int stabilised) {
        if (stabilised > current) {
            int rateLimit = Math.max(current, behavior.scaleUpLimit(nowNanos, current));
            boolean byBounds = maxReplicas <= rateLimit;
            int allowed = byBounds ? maxReplicas : rateLimit;
            if (stabilised > allowed) {
                return new Limited(
                        allowed, byBounds, byBounds ? ", capped at max" : ", scale-up rate limit");
            }
        } else if (stabilised < current) {
            int rateLimit = Math.min(current, behavior.scaleDownLimit(nowNanos, current));
            boolean byBounds = minReplicas >= rateLimit;
            int allowed = byBounds ? minReplicas : rateLimit;
            if (stabilised < allowed) {
                return new Limited(
                        allowed,
                        byBounds,
                        byBounds ? ", floored at min" : ", scale-down rate limit");
            }
        }
        return new Limited(stabilised, false, "");
    }

    private static ScalingReason reason(int current, int proposed, Limited limited) {
        if (limited.byBounds) {
            return ScalingReason.BOUNDS;
        }
        if (limited.replicas != current) {
            return ScalingReason.REACTIVE;
        }
        // Unchanged although the metric asked for a change: the window or a rate policy held it.
        return proposed != current ? ScalingReason.STABILISATION : ScalingReason.NO_CHANGE;
    }
}
