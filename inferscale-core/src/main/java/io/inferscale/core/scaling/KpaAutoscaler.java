package io.inferscale.core.scaling;

import io.inferscale.contracts.ScalingReason;

/**
 * Knative Pod Autoscaler on concurrency: {@code Scale} in knative/serving {@code
 * pkg/autoscaler/scaling/autoscaler.go}, with knative's windowed metric averages ({@link
 * TimedBuckets}) and the min/max bounds its reconciler applies.
 *
 * <p>Per decision: average the observed concurrency over the stable (60 s) and panic (6 s) windows;
 * each wants {@code ceil(observed / (target * utilisation))} pods, kept within {@code [ready /
 * maxScaleDownRate, ready * maxScaleUpRate]}. When the panic window wants at least {@code
 * panicThreshold} times the ready pods, panic: take the larger of the two, never scale down, and
 * stay in panic until a stable window has passed since the threshold was last crossed. Like
 * upstream, a decider that first sees more than one ready pod starts in panic, keeping the fleet
 * until it has a window of data.
 *
 * <p>Simplified: there is no activator. Scale to zero happens once the stable window has seen no
 * load at all (upstream additionally waits for the activator to enter the path and for {@code
 * scale-to-zero-grace-period}); while no replica is ready, the requests arriving in the last second
 * stand in for the concurrency the activator would report, which is what wakes a model at zero.
 * Excess burst capacity, {@code scale-down-delay}, activation scale and the RPS metric are left
 * out.
 */
public final class KpaAutoscaler implements ReplicaAutoscaler {
    private static final long NEVER = Long.MIN_VALUE;

    /** knative {@code autoscaling.TargetMin}. */
    private static final double TARGET_MIN = 0.01;

    private final int minReplicas;
    private final int maxReplicas;
    private final double targetValue;
    private final double panicThreshold;
    private final double maxScaleUpRate;
    private final double maxScaleDownRate;
    private final long stableWindowNanos;
    private final long tickNanos;
    private final TimedBuckets stable;
    private final TimedBuckets panic;

    private boolean started;
    private long panicTime = NEVER;
    private int maxPanicPods;
    private long zeroSince = NEVER;

    public KpaAutoscaler(AutoscalerSettings settings) {
        KpaConfig config = settings.kpa();
        this.minReplicas =
                config.enableScaleToZero()
                        ? settings.minReplicas()
                        : Math.max(1, settings.minReplicas());
        this.maxReplicas = settings.maxReplicas();
        this.targetValue =
                Math.max(
                        TARGET_MIN,
                        settings.targetConcurrencyPerReplica() * config.targetUtilisation());
        this.panicThreshold = config.panicThresholdPercentage() / 100;
        this.maxScaleUpRate = config.maxScaleUpRate();
        this.maxScaleDownRate = config.maxScaleDownRate();
        this.stableWindowNanos = config.stableWindow().toNanos();
        this.tickNanos = config.tickInterval().toNanos();
        long bucket = KpaConfig.BUCKET.toNanos();
        this.stable = new TimedBuckets(stableWindowNanos, bucket);
        this.panic = new TimedBuckets(config.panicWindowNanos(), bucket);
    }

    @Override
    public String name() {
        return "kpa";
    }

    @Override
    public long tickNanos() {
        return tickNanos;
    }

    @Override
    public void observe(long nowNanos, LoadSample sample) {
        double concurrency = sample.inFlight();
        if (sample.readyReplicas() == 0) {
            concurrency = Math.max(concurrency, sample.arrivalsPerSecond());
        }
        stable.record(nowNanos, concurrency);
        panic.record(nowNanos, concurrency);
        if (concurrency > 0) {
            zeroSince = NEVER;
        } else if (zeroSince == NEVER) {
            zeroSince = nowNanos;
        }
    }

    @Override
    public ScaleDecision decide(long nowNanos, int currentReplicas, int readyReplicas) {
        if (currentReplicas < 0 || readyReplicas < 0) {
            throw new IllegalArgumentException("replica counts must be >= 0");
        }
        if (!started) {
            started = true;
            if (readyReplicas > 1) {
                // Upstream starts in panic when it finds the revision already scaled out, so that
                // losing the metric history on a restart does not scale it down.
                panicTime = nowNanos;
                maxPanicPods = readyReplicas;
            }
        }
        if (stable.isEmpty(nowNanos)) {
            // Upstream returns an invalid result (ErrNoData) and nothing is applied.
            int bounded = clamp(currentReplicas);
            return bounded != currentReplicas
                    ? new ScaleDecision(bounded, ScalingReason.BOUNDS, "no metrics; into bounds")
                    : new ScaleDecision(
                            bounded, ScalingReason.STALENESS, "no metrics in the stable window");
        }
        double readyPods = Math.max(1, readyReplicas);
        double maxScaleUp = Math.ceil(maxScaleUpRate * readyPods);
        double maxScaleDown = Math.floor(readyPods / maxScaleDownRate);
        double observedStable = stable.windowAverage(nowNanos);
        double observedPanic = panic.windowAverage(nowNanos);
        double dspc = Math.ceil(observedStable / targetValue);
        double dppc = Math.ceil(observedPanic / targetValue);
        int desiredStable = (int) Math.min(Math.max(dspc, maxScaleDown), maxScaleUp);
        int desiredPanic = (int) Math.min(Math.max(dppc, maxScaleDown), maxScaleUp);

        if (dppc / readyPods >= panicThreshold) {
            panicTime = nowNanos; // begin panicking, or extend the panic
        } else if (panicTime != NEVER && panicTime + stableWindowNanos < nowNanos) {
            // The surge has made its way into the stable window.
            panicTime = NEVER;
            maxPanicPods = 0;
        }
        boolean panicking = panicTime != NEVER;
        int desired = desiredStable;
        if (panicking) {
            // We do not scale down while in panic mode. Only increases are applied.
            maxPanicPods = Math.max(maxPanicPods, Math.max(desiredStable, desiredPanic));
            desired = maxPanicPods;
        }
        boolean waitingForZero =
                desired == 0 && currentReplicas > 0 && !idleForStableWindow(nowNanos);
        if (waitingForZero) {
            desired = 1;
        }
        int bounded = clamp(desired);
        String why =
                "concurrency stable "
                        + ScaleDecision.round(observedStable)
                        + " panic "
                        + ScaleDecision.round(observedPanic)
                        + " vs "
                        + ScaleDecision.round(targetValue)
                        + "/replica over "
                        + readyReplicas
                        + " ready: stable wants "
                        + desiredStable
                        + ", panic wants "
                        + desiredPanic
                        + (panicking ? "; panic mode" : "")
                        + (waitingForZero ? "; waiting a stable window before zero" : "");
        return new ScaleDecision(
                bounded, reason(currentReplicas, desired, bounded, panicking, waitingForZero), why);
    }

    private static ScalingReason reason(
            int current, int desired, int bounded, boolean panicking, boolean waitingForZero) {
        if (bounded != desired) {
            return ScalingReason.BOUNDS;
        }
        if (panicking) {
            return ScalingReason.PANIC;
        }
        if (bounded != current) {
            return ScalingReason.REACTIVE;
        }
        return waitingForZero ? ScalingReason.STABILISATION : ScalingReason.NO_CHANGE;
    }

    private boolean idleForStableWindow(long nowNanos) {
        return zeroSince != NEVER && nowNanos - zeroSince >= stableWindowNanos;
    }

    private int clamp(int replicas) {
        return Math.max(minReplicas, Math.min(maxReplicas, replicas));
    }
}
